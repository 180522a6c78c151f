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
    /** The services and the web app: each a Deployment with its migrate Job, policies, HPA and PDB. */
    static final List<String> APPS = List.of("auth-service", "molecule-service", "import-service", "web");

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
        for (String service : APPS) {
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
        for (String service : APPS) {
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
                "import-service", "cryo-importer-db", "web", "cryo-web-db");
        Map<String, String> logins = Map.of("cryo-auth-db", "cryo_auth", "cryo-authenticator", "cryo_authenticator",
                "cryo-importer-db", "cryo_importer", "cryo-web-db", "cryo_web");
        Map<String, Object> cluster = find(docs, "Cluster", "cryoprotect-db");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = (List<Map<String, Object>>) at(cluster, "spec", "managed", "roles");
        for (String service : APPS) {
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

    /** Browsers reach the suite through one Ingress, whose root (and default) is the web app. */
    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressServesTheWebAppAtTheRoot(Path overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        List<Map<String, Object>> ingresses = docs.stream().filter(d -> "Ingress".equals(d.get("kind"))).toList();
        assertEquals(1, ingresses.size(), "one Ingress");
        Map<String, Object> ingress = ingresses.get(0);
        Map<String, Object> web = Map.of("service", Map.of("name", "web", "port", Map.of("name", "http")));
        assertEquals(web, at(ingress, "spec", "defaultBackend"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) at(ingress, "spec", "rules");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> paths = (List<Map<String, Object>>) at(rules.get(0), "http", "paths");
        assertEquals(List.of(Map.of("path", "/", "pathType", "Prefix", "backend", web)), paths);
        @SuppressWarnings("unchecked")
        Map<String, Object> annotations = (Map<String, Object>) at(ingress, "metadata", "annotations");
        assertEquals("off", annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"), "import progress (SSE) is not buffered");
        assertEquals(List.of(Map.of("name", "http", "port", 8080, "targetPort", "http")),
                at(find(docs, "Service", "web"), "spec", "ports"), "web listens on 8080 (DESIGN §1)");
    }

    /**
     * web takes browsers from the ingress controller (and Prometheus), and calls exactly auth-,
     * molecule- and import-service, each of which lets it in; nothing else calls web.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void webCallsOnlyTheServicesAndOnlyTheIngressControllerCallsWeb(Path overlay) throws Exception {
        List<Map<String, Object>> docs = render(overlay);
        Map<String, Object> webPods = Map.of("app.kubernetes.io/name", "web", "app.kubernetes.io/component", "server");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> egress = (List<Map<String, Object>>) at(find(docs, "NetworkPolicy", "web-egress"), "spec", "egress");
        Map<String, Object> allowed = new java.util.TreeMap<>();
        for (Map<String, Object> rule : egress) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> to = (List<Map<String, Object>>) rule.get("to");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ports = (List<Map<String, Object>>) rule.get("ports");
            assertEquals(1, to.size(), "one peer per rule: " + rule);
            assertNotNull(at(to.get(0), "podSelector"), "web calls pods of the suite only: " + rule);
            allowed.put(String.valueOf(at(to.get(0), "podSelector", "matchLabels", "app.kubernetes.io/name")),
                    ports.stream().map(p -> p.get("port")).toList());
        }
        assertEquals(Map.of("auth-service", List.of(8081), "molecule-service", List.of(8082), "import-service", List.of(8083)), allowed);

        for (String service : SERVICES) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ingress = (List<Map<String, Object>>) at(find(docs, "NetworkPolicy", service + "-ingress"), "spec", "ingress");
            assertTrue(ingress.stream().anyMatch(rule -> ((List<?>) rule.get("from")).stream()
                    .anyMatch(peer -> webPods.equals(at(peer, "podSelector", "matchLabels")))),
                    service + " lets web in: " + ingress);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> webIngress = (List<Map<String, Object>>) at(find(docs, "NetworkPolicy", "web-ingress"), "spec", "ingress");
        assertEquals(1, webIngress.size());
        assertEquals(List.of("ingress-nginx", "monitoring"), ((List<?>) webIngress.get(0).get("from")).stream()
                .map(peer -> at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name")).toList(),
                "only the ingress controller and Prometheus reach web");
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst().orElse(null);
    }
}
