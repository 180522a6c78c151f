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

    /**
     * Each service serves as its own login, which owns nothing (Secret cryo-authenticator,
     * cryo-auth-db, cryo-importer-db, each a CloudNativePG managed role); only the migration
     * containers see the owner's Secret. The roles come from the one bootstrap file, roles.sql.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void servicesServeAsLoginsOfTheirOwnAndOnlyMigrationsSeeTheOwner(Path overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, String> secrets = Map.of("auth-service", "cryo-auth-db", "molecule-service", "cryo-authenticator",
                "import-service", "cryo-importer-db");
        Map<String, String> logins = Map.of("cryo-auth-db", "cryo_auth", "cryo-authenticator", "cryo_authenticator",
                "cryo-importer-db", "cryo_importer");
        Map<String, Object> cluster = find(docs, "Cluster", "cryoprotect-db");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = (List<Map<String, Object>>) at(cluster, "spec", "managed", "roles");
        for (String service : SERVICES) {
            String secret = secrets.get(service);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> containers = (List<Map<String, Object>>) at(find(docs, "Deployment", service),
                    "spec", "template", "spec", "containers");
            for (Map<String, Object> container : containers) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
                for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                    assertEquals(secret, env.stream().filter(e -> variable.equals(e.get("name")))
                            .map(e -> at(e, "valueFrom", "secretKeyRef", "name")).findFirst().orElse(null), service + " " + variable);
                }
                assertFalse(String.valueOf(env).contains("cryoprotect-db-app"), service + " must not see the owner's Secret");
            }
            Map<String, Object> role = roles.stream().filter(r -> logins.get(secret).equals(r.get("name"))).findFirst().orElse(null);
            assertNotNull(role, "managed role " + logins.get(secret));
            assertEquals(true, role.get("login"));
            assertEquals(secret, at(role, "passwordSecret", "name"));
            assertFalse(Boolean.TRUE.equals(role.get("superuser")) || Boolean.TRUE.equals(role.get("createrole"))
                    || Boolean.TRUE.equals(role.get("bypassrls")), role.toString());
        }
        assertEquals("cryo_owner", at(cluster, "spec", "bootstrap", "initdb", "owner"));
        assertEquals(List.of(Map.of("name", "cryoprotect-db-roles", "key", "roles.sql")),
                at(cluster, "spec", "bootstrap", "initdb", "postInitApplicationSQLRefs", "configMapRefs"));
        assertEquals(Files.readString(K8S.resolve("base/postgres/roles.sql")),
                at(find(docs, "ConfigMap", "cryoprotect-db-roles"), "data", "roles.sql"));
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst().orElse(null);
    }
}
