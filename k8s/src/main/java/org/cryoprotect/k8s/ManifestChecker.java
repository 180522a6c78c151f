package org.cryoprotect.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The invariants every rendered CryoProtect overlay keeps (issue 6). Each check returns the
 * violations it found as "Kind/name: what is wrong"; an empty list means the manifests pass.
 */
public final class ManifestChecker {

    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String PART_OF_VALUE = "cryoprotect";
    public static final String LIVE = "/q/health/live";
    public static final String READY = "/q/health/ready";

    private static final Pattern SECRET_LOOKING = Pattern.compile("PASSWORD|SECRET|KEY", Pattern.CASE_INSENSITIVE);
    private static final Pattern MIGRATE_AT_START = Pattern.compile("QUARKUS_FLYWAY_(\\w+_)?MIGRATE_AT_START");
    private static final Set<String> SERVERS = Set.of("Deployment", "StatefulSet", "DaemonSet");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob", "Pod");

    private final List<Map<String, Object>> docs;
    private final List<String> violations = new ArrayList<>();

    private ManifestChecker(List<Map<String, Object>> docs) {
        this.docs = docs;
    }

    /** Every document of a multi-document YAML stream (empty documents dropped). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (doc != null) {
                docs.add((Map<String, Object>) doc);
            }
        }
        return docs;
    }

    /** What every overlay must satisfy. */
    public static List<String> check(List<Map<String, Object>> docs) {
        ManifestChecker checker = new ManifestChecker(docs);
        checker.checkAll();
        return checker.violations;
    }

    /** What a production overlay must satisfy on top of {@link #check}. */
    public static List<String> checkProduction(List<Map<String, Object>> docs) {
        ManifestChecker checker = new ManifestChecker(docs);
        checker.checkProductionOnly();
        return checker.violations;
    }

    // --- every overlay ----------------------------------------------------------------------

    private void checkAll() {
        for (Map<String, Object> doc : docs) {
            String kind = str(doc.get("kind"));
            if (!PART_OF_VALUE.equals(str(at(doc, "metadata", "labels", PART_OF)))) {
                fail(doc, "label " + PART_OF + "=cryoprotect missing");
            }
            if (WORKLOADS.contains(kind)) {
                checkWorkload(doc);
            }
            switch (kind) {
                case "Secret" -> {
                    if (!map(doc.get("data")).isEmpty() || !map(doc.get("stringData")).isEmpty()) {
                        fail(doc, "a Secret with data in the manifests; create it with kubectl instead");
                    }
                }
                case "ConfigMap" -> map(doc.get("data")).keySet().stream()
                        .filter(key -> SECRET_LOOKING.matcher(key).find())
                        .forEach(key -> fail(doc, "ConfigMap key " + key + " looks secret; use a Secret"));
                case "Service" -> checkSelects(doc, map(at(doc, "spec", "selector")));
                case "PodDisruptionBudget" -> checkSelects(doc, map(at(doc, "spec", "selector", "matchLabels")));
                case "Ingress" -> checkIngressBackends(doc);
                case "HorizontalPodAutoscaler" -> {
                    String target = str(at(doc, "spec", "scaleTargetRef", "name"));
                    if (named("Deployment", target) == null) {
                        fail(doc, "scales Deployment " + target + ", which is not in the manifests");
                    }
                }
                default -> { }
            }
        }
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            if (hpaFor(deployment) == null) {
                fail(deployment, "no HorizontalPodAutoscaler");
            }
            if (pdbsFor(deployment).isEmpty()) {
                fail(deployment, "no PodDisruptionBudget");
            }
            checkMigratesOnce(deployment);
        }
        if (docs.stream().noneMatch(this::isDefaultDeny)) {
            violations.add("NetworkPolicy: no default-deny (Ingress and Egress) policy for the suite's pods");
        }
        for (String kind : List.of("ServiceMonitor", "PrometheusRule")) {
            if (ofKind(kind).isEmpty()) {
                violations.add(kind + ": missing");
            }
        }
    }

    private void checkWorkload(Map<String, Object> workload) {
        String kind = str(workload.get("kind"));
        Map<String, Object> template = podTemplate(workload);
        Map<String, Object> podSpec = map(template.get("spec"));
        Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
        Map<String, Object> labels = map(at(template, "metadata", "labels"));

        if (SERVERS.contains(kind)) {
            Map<String, Object> selector = map(at(workload, "spec", "selector", "matchLabels"));
            if (selector.isEmpty() || !labels.entrySet().containsAll(selector.entrySet())) {
                fail(workload, "selector " + selector + " does not match the pod template labels " + labels);
            }
        }
        if (!kind.equals("Pod") && !PART_OF_VALUE.equals(str(labels.get(PART_OF)))) {
            fail(workload, "pod template lacks label " + PART_OF + "=cryoprotect");
        }
        containers(podSpec, "initContainers").forEach(c -> checkContainer(workload, c, podSecurity));
        for (Map<String, Object> container : containers(podSpec, "containers")) {
            checkContainer(workload, container, podSecurity);
            if (SERVERS.contains(kind)) {
                checkProbes(workload, container);
            }
        }
    }

    private void checkContainer(Map<String, Object> workload, Map<String, Object> container, Map<String, Object> podSecurity) {
        String name = "container " + container.get("name");
        String image = str(container.get("image"));
        String tag = imageTag(image);
        if (tag == null) {
            fail(workload, name + ": image " + image + " has no tag");
        } else if (tag.equals("latest")) {
            fail(workload, name + ": image " + image + " uses the tag latest");
        }
        for (String bound : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                if (at(container, "resources", bound, resource) == null) {
                    fail(workload, name + ": no " + resource + " " + bound);
                }
            }
        }
        Map<String, Object> security = map(container.get("securityContext"));
        if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
            fail(workload, name + ": allowPrivilegeEscalation is not false");
        }
        if (!Boolean.TRUE.equals(security.get("readOnlyRootFilesystem"))) {
            fail(workload, name + ": readOnlyRootFilesystem is not true");
        }
        if (Boolean.TRUE.equals(security.get("privileged"))) {
            fail(workload, name + ": privileged");
        }
        Object nonRoot = security.containsKey("runAsNonRoot") ? security.get("runAsNonRoot") : podSecurity.get("runAsNonRoot");
        if (!Boolean.TRUE.equals(nonRoot)) {
            fail(workload, name + ": runAsNonRoot is not true");
        }
        if (!list(at(security, "capabilities", "drop")).contains("ALL")) {
            fail(workload, name + ": capabilities do not drop ALL");
        }
        for (Map<String, Object> env : maps(container.get("env"))) {
            String var = str(env.get("name"));
            if (env.containsKey("value") && SECRET_LOOKING.matcher(var).find()) {
                fail(workload, name + ": env " + var + " is written inline; take it from a Secret (secretKeyRef)");
            }
        }
    }

    private void checkProbes(Map<String, Object> workload, Map<String, Object> container) {
        String name = "container " + container.get("name");
        if (!LIVE.equals(str(at(container, "livenessProbe", "httpGet", "path")))) {
            fail(workload, name + ": liveness probe is not GET " + LIVE);
        }
        if (!READY.equals(str(at(container, "readinessProbe", "httpGet", "path")))) {
            fail(workload, name + ": readiness probe is not GET " + READY);
        }
        if (container.get("startupProbe") == null) {
            fail(workload, name + ": no startup probe");
        }
    }

    private void checkSelects(Map<String, Object> doc, Map<String, Object> selector) {
        if (selector.isEmpty()) {
            fail(doc, "empty selector");
        } else if (servers().noneMatch(w -> selects(selector, w))) {
            fail(doc, "selector " + selector + " matches no workload");
        }
    }

    /** Every backend of an Ingress is a Service of the manifests, on a port that Service has. */
    private void checkIngressBackends(Map<String, Object> ingress) {
        List<Object> backends = new ArrayList<>();
        if (at(ingress, "spec", "defaultBackend") != null) {
            backends.add(at(ingress, "spec", "defaultBackend"));
        }
        for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
            maps(at(rule, "http", "paths")).forEach(path -> backends.add(path.get("backend")));
        }
        if (backends.isEmpty()) {
            fail(ingress, "routes nowhere");
        }
        for (Object backend : backends) {
            String service = str(at(backend, "service", "name"));
            Object portName = at(backend, "service", "port", "name");
            Object portNumber = at(backend, "service", "port", "number");
            Map<String, Object> target = named("Service", service);
            if (target == null) {
                fail(ingress, "routes to Service " + service + ", which is not in the manifests");
            } else if (maps(at(target, "spec", "ports")).stream().noneMatch(port -> portName != null
                    ? portName.equals(port.get("name")) : Objects.equals(portNumber, port.get("port")))) {
                fail(ingress, "routes to port " + (portName != null ? portName : portNumber) + " of Service " + service + ", which has no such port");
            }
        }
    }

    /** Flyway runs in a Job (quarkus.init-and-exit), never in the replicas of a Deployment. */
    private void checkMigratesOnce(Map<String, Object> deployment) {
        List<Map<String, Object>> containers = containers(map(podTemplate(deployment).get("spec")), "containers");
        for (Map<String, Object> container : containers) {
            boolean off = maps(container.get("env")).stream()
                    .anyMatch(env -> MIGRATE_AT_START.matcher(str(env.get("name"))).matches() && "false".equals(str(env.get("value"))));
            if (!off) {
                fail(deployment, "container " + container.get("name") + " does not turn Flyway's migrate-at-start off");
            }
            String image = str(container.get("image"));
            boolean job = ofKind("Job").stream()
                    .flatMap(j -> containers(map(podTemplate(j).get("spec")), "containers").stream())
                    .anyMatch(c -> image.equals(c.get("image")) && maps(c.get("env")).stream()
                            .anyMatch(env -> "QUARKUS_INIT_AND_EXIT".equals(env.get("name")) && "true".equals(str(env.get("value")))));
            if (!job) {
                fail(deployment, "no migration Job runs image " + image + " with QUARKUS_INIT_AND_EXIT=true");
            }
        }
    }

    private boolean isDefaultDeny(Map<String, Object> doc) {
        return "NetworkPolicy".equals(doc.get("kind"))
                && PART_OF_VALUE.equals(str(at(doc, "spec", "podSelector", "matchLabels", PART_OF)))
                && list(at(doc, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && at(doc, "spec", "ingress") == null && at(doc, "spec", "egress") == null;
    }

    // --- production -------------------------------------------------------------------------

    private void checkProductionOnly() {
        List<Map<String, Object>> clusters = ofKind("Cluster");
        if (clusters.isEmpty()) {
            violations.add("Cluster: no CloudNativePG cluster");
        }
        for (Map<String, Object> cluster : clusters) {
            if (!(at(cluster, "spec", "instances") instanceof Integer n) || n < 3) {
                fail(cluster, "fewer than 3 instances (one primary, two replicas)");
            }
        }
        for (Map<String, Object> deployment : ofKind("Deployment")) {
            Map<String, Object> hpa = hpaFor(deployment);
            int minReplicas = hpa != null && at(hpa, "spec", "minReplicas") instanceof Integer n ? n : 1;
            if (minReplicas < 2) {
                fail(deployment, "may run a single replica (HorizontalPodAutoscaler minReplicas < 2)");
            }
            if (at(deployment, "spec", "replicas") instanceof Integer n && n < 2) {
                fail(deployment, "replicas < 2");
            }
            if (at(podTemplate(deployment), "spec", "affinity", "podAntiAffinity") == null) {
                fail(deployment, "no podAntiAffinity");
            }
            for (Map<String, Object> pdb : pdbsFor(deployment)) {
                Object maxUnavailable = at(pdb, "spec", "maxUnavailable");
                Object minAvailable = at(pdb, "spec", "minAvailable");
                boolean keepsOne = maxUnavailable instanceof Integer max ? max < minReplicas
                        : minAvailable instanceof Integer min ? min >= 1 : maxUnavailable != null || minAvailable != null;
                if (!keepsOne) {
                    fail(pdb, "lets every replica of " + name(deployment) + " go at once");
                }
            }
        }
    }

    // --- lookups ----------------------------------------------------------------------------

    private List<Map<String, Object>> ofKind(String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(d -> Objects.equals(name, name(d))).findFirst().orElse(null);
    }

    private Stream<Map<String, Object>> servers() {
        return docs.stream().filter(d -> SERVERS.contains(str(d.get("kind"))));
    }

    private Map<String, Object> hpaFor(Map<String, Object> deployment) {
        return ofKind("HorizontalPodAutoscaler").stream()
                .filter(h -> "Deployment".equals(at(h, "spec", "scaleTargetRef", "kind"))
                        && name(deployment).equals(at(h, "spec", "scaleTargetRef", "name")))
                .findFirst().orElse(null);
    }

    private List<Map<String, Object>> pdbsFor(Map<String, Object> deployment) {
        return ofKind("PodDisruptionBudget").stream()
                .filter(p -> selects(map(at(p, "spec", "selector", "matchLabels")), deployment))
                .toList();
    }

    private static boolean selects(Map<String, Object> selector, Map<String, Object> workload) {
        return !selector.isEmpty()
                && map(at(podTemplate(workload), "metadata", "labels")).entrySet().containsAll(selector.entrySet());
    }

    private static Map<String, Object> podTemplate(Map<String, Object> workload) {
        return switch (str(workload.get("kind"))) {
            case "Pod" -> workload;
            case "CronJob" -> map(at(workload, "spec", "jobTemplate", "spec", "template"));
            default -> map(at(workload, "spec", "template"));
        };
    }

    private static List<Map<String, Object>> containers(Map<String, Object> podSpec, String field) {
        return maps(podSpec.get(field));
    }

    /** The tag (or digest) of an image reference; null when it has neither. */
    static String imageTag(String image) {
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int colon = image.indexOf(':', image.lastIndexOf('/') + 1);
        return colon < 0 || colon == image.length() - 1 ? null : image.substring(colon + 1);
    }

    private void fail(Map<String, Object> doc, String message) {
        violations.add(doc.get("kind") + "/" + name(doc) + ": " + message);
    }

    private static String name(Map<String, Object> doc) {
        return str(at(doc, "metadata", "name"));
    }

    // --- YAML tree navigation ---------------------------------------------------------------

    static Object at(Object node, String... path) {
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> l ? l : List.of();
    }

    private static List<Map<String, Object>> maps(Object node) {
        return list(node).stream().map(ManifestChecker::map).toList();
    }

    private static String str(Object node) {
        return node == null ? "" : node.toString();
    }
}
