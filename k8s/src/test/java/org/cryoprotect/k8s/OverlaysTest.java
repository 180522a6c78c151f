package org.cryoprotect.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.cryoprotect.k8s.ManifestChecker.at;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Renders every overlay under k8s/overlays with kubectl and holds it to {@link ManifestChecker}. */
class OverlaysTest {

    static final Path K8S = Path.of(System.getProperty("k8s.dir", ".")).toAbsolutePath();
    static final List<String> SERVICES = List.of("auth-service", "molecule-service", "import-service");

    static Stream<Path> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.filter(d -> Files.exists(d.resolve("kustomization.yaml"))).sorted().toList().stream();
        }
    }

    static List<Map<String, Object>> render(Path dir) throws Exception {
        List<Map<String, Object>> docs = ManifestChecker.parse(Kustomize.render(dir));
        assertFalse(docs.isEmpty(), dir + " renders to nothing");
        return docs;
    }

    @Test
    void theDocumentedOverlaysExist() throws IOException {
        List<String> names = overlays().map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("dev", "prod")), "overlays: " + names);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayRendersAndKeepsTheInvariants(Path overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        assertEquals(List.of(), ManifestChecker.check(docs), overlay.getFileName() + " violates");
        for (String service : SERVICES) {
            assertNotNull(find(docs, "Deployment", service), service);
            assertNotNull(find(docs, "Job", service + "-migrate"), service + "-migrate");
            assertNotNull(find(docs, "NetworkPolicy", service + "-ingress"), service + "-ingress");
        }
        assertTrue(docs.stream().allMatch(d -> "cryoprotect".equals(at(d, "metadata", "namespace"))),
                "every object lands in namespace cryoprotect");
    }

    @Test
    void prodIsHighlyAvailable() throws Exception {
        assertEquals(List.of(), ManifestChecker.checkProduction(render(K8S.resolve("overlays/prod"))));
    }

    @Test
    void devRunsOneOfEverythingAndIsNotMistakenForProd() throws Exception {
        List<Map<String, Object>> docs = render(K8S.resolve("overlays/dev"));
        for (String service : SERVICES) {
            assertEquals(1, at(find(docs, "HorizontalPodAutoscaler", service), "spec", "maxReplicas"), service);
        }
        assertEquals(1, at(find(docs, "Cluster", "cryoprotect-db"), "spec", "instances"));
        List<String> prodViolations = ManifestChecker.checkProduction(docs);
        assertTrue(prodViolations.contains("Cluster/cryoprotect-db: fewer than 3 instances (one primary, two replicas)"), prodViolations.toString());
        assertTrue(prodViolations.contains("Deployment/molecule-service: no podAntiAffinity"), prodViolations.toString());
    }

    @Test
    void prodWithEveryComponentKeepsTheInvariants() throws Exception {
        List<String> components;
        try (Stream<Path> dirs = Files.list(K8S.resolve("components"))) {
            components = dirs.map(d -> "../../../components/" + d.getFileName()).sorted().toList();
        }
        assertTrue(components.containsAll(List.of("../../../components/backup",
                "../../../components/request-rate-autoscaling")), components.toString());
        // Kustomize only loads directories below or beside the kustomization, so the combination
        // lives in k8s/target, next to the overlays it names.
        Path dir = Files.createDirectories(K8S.resolve("target/render/prod-with-every-component"));
        Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources: [../../../overlays/prod]
                components: %s
                """.formatted(components));
        List<Map<String, Object>> docs = render(dir);
        assertEquals(List.of(), ManifestChecker.check(docs));
        assertEquals(List.of(), ManifestChecker.checkProduction(docs));

        assertNotNull(find(docs, "ObjectStore", "cryoprotect-backup"));
        assertNotNull(find(docs, "ScheduledBackup", "cryoprotect-db-daily"));
        assertEquals(List.of(Map.of("name", "barman-cloud.cloudnative-pg.io", "isWALArchiver", true,
                "parameters", Map.of("barmanObjectName", "cryoprotect-backup"))),
                at(find(docs, "Cluster", "cryoprotect-db"), "spec", "plugins"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) at(find(docs, "HorizontalPodAutoscaler", "molecule-service"), "spec", "metrics");
        assertEquals(List.of("Resource", "Pods"), metrics.stream().map(m -> m.get("type")).toList());
    }

    /** molecule-service's Row Level Security relies on it never holding the schema owner's login. */
    @ParameterizedTest
    @MethodSource("overlays")
    void moleculeServiceServesAsTheAuthenticatorOnly(Path overlay) throws Exception {
        Map<String, Object> deployment = find(render(overlay), "Deployment", "molecule-service");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> containers = (List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers");
        for (Map<String, Object> container : containers) {
            String env = String.valueOf(container.get("env"));
            assertTrue(env.contains("name=cryo-authenticator"), env);
            assertFalse(env.contains("cryoprotect-db-app"), "the service container must not see the owner's credentials: " + env);
        }
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst().orElse(null);
    }
}
