package org.cryoprotect.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The checker on a deliberately broken manifest (no kubectl needed): it must fail, and say why. */
class ManifestCheckerTest {

    static List<Map<String, Object>> broken() throws IOException {
        try (InputStream in = ManifestCheckerTest.class.getResourceAsStream("/broken.yaml")) {
            return ManifestChecker.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void findsEveryPlantedMistake() throws IOException {
        List<String> violations = ManifestChecker.check(broken());
        List<String> expected = List.of(
                "Deployment/broken: selector {app.kubernetes.io/name=something-else} does not match the pod template labels",
                "Deployment/broken: container init: image registry.example.org:5000/cryoprotect/init has no tag",
                "Deployment/broken: container app: image cryoprotect/broken:latest uses the tag latest",
                "Deployment/broken: container app: no cpu limits",
                "Deployment/broken: container app: no memory limits",
                "Deployment/broken: container app: allowPrivilegeEscalation is not false",
                "Deployment/broken: container app: readOnlyRootFilesystem is not true",
                "Deployment/broken: container app: runAsNonRoot is not true",
                "Deployment/broken: container app: capabilities do not drop ALL",
                "Deployment/broken: container app: env QUARKUS_DATASOURCE_PASSWORD is written inline",
                "Deployment/broken: container app: liveness probe is not GET /q/health/live",
                "Deployment/broken: container app: no startup probe",
                "Deployment/broken: no HorizontalPodAutoscaler",
                "Deployment/broken: no PodDisruptionBudget",
                "Deployment/broken: container app does not turn Flyway's migrate-at-start off",
                "Deployment/broken: no migration Job runs image cryoprotect/broken:latest",
                "Service/nobody-home: selector {app.kubernetes.io/name=nobody} matches no workload",
                "Secret/committed-by-mistake: a Secret with data in the manifests",
                "ConfigMap/unlabelled: label app.kubernetes.io/part-of=cryoprotect missing",
                "ConfigMap/unlabelled: ConfigMap key API_KEY looks secret",
                "HorizontalPodAutoscaler/orphan: scales Deployment gone, which is not in the manifests",
                "Ingress/astray: routes to Service gone, which is not in the manifests",
                "Ingress/astray: routes to port 9999 of Service nobody-home, which has no such port",
                "NetworkPolicy: no default-deny",
                "ServiceMonitor: missing",
                "PrometheusRule: missing");
        for (String violation : expected) {
            assertTrue(violations.stream().anyMatch(v -> v.startsWith(violation)),
                    "expected \"" + violation + "\" among\n" + String.join("\n", violations));
        }
        assertTrue(violations.stream().noneMatch(v -> v.contains("readiness")), "the readiness probe is right: " + violations);
        assertEquals(expected.size(), violations.size(), String.join("\n", violations));
    }

    @Test
    void productionChecksCatchASingleReplicaWithoutAntiAffinityOrDatabase() throws IOException {
        List<String> violations = ManifestChecker.checkProduction(broken());
        assertEquals(List.of(
                "Cluster: no CloudNativePG cluster",
                "Deployment/broken: may run a single replica (HorizontalPodAutoscaler minReplicas < 2)",
                "Deployment/broken: no podAntiAffinity"), violations);
    }

    @Test
    void imageTags() {
        assertEquals("1.0.0", ManifestChecker.imageTag("registry.example.org:5000/cryoprotect/auth-service:1.0.0"));
        assertNull(ManifestChecker.imageTag("registry.example.org:5000/cryoprotect/auth-service"));
        assertEquals("sha256:abc", ManifestChecker.imageTag("cryoprotect/auth-service@sha256:abc"));
        assertNull(ManifestChecker.imageTag("cryoprotect/auth-service:"));
    }
}
