package org.cryoprotect.common.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads deploy/monitoring (alert rules, Grafana dashboard) and k8s/base/monitoring/prometheus-rule.yaml
 * and names the metrics their PromQL uses, so each service's test can check it exports them.
 */
public final class MonitoringFiles {

    public static final String RULES = "deploy/monitoring/prometheus-rules.yml";
    public static final String DASHBOARD = "deploy/monitoring/grafana/cryoprotect-dashboard.json";
    public static final String PROMETHEUS_RULE = "k8s/base/monitoring/prometheus-rule.yaml";

    // Our metric families; PromQL functions, keywords and label names never start like this.
    private static final Pattern METRIC = Pattern.compile("\\b((?:cryo|http|jvm|process)_[a-z0-9_]+)\\b");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public MonitoringFiles() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/monitoring"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("deploy/monitoring not found above " + Path.of("").toAbsolutePath());
        }
        this.root = dir;
    }

    public JsonNode rules() throws IOException {
        return YAML.readTree(root.resolve(RULES).toFile());
    }

    public JsonNode prometheusRule() throws IOException {
        return YAML.readTree(root.resolve(PROMETHEUS_RULE).toFile());
    }

    public JsonNode dashboard() throws IOException {
        return JSON.readTree(root.resolve(DASHBOARD).toFile());
    }

    /** Every alert's {@code expr}. */
    public List<String> ruleExpressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        for (JsonNode group : rules().path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                exprs.add(rule.path("expr").asText());
            }
        }
        return exprs;
    }

    /** Every panel target's {@code expr}, and the template variables' queries. */
    public List<String> dashboardExpressions() throws IOException {
        List<String> exprs = new ArrayList<>();
        JsonNode dashboard = dashboard();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                exprs.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                exprs.add(variable.path("query").asText());
            }
        }
        return exprs;
    }

    /** The metric names (as Prometheus exposes them, suffixes included) the rules and the dashboard use. */
    public Set<String> referencedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        List<String> exprs = new ArrayList<>(ruleExpressions());
        exprs.addAll(dashboardExpressions());
        for (String expr : exprs) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The names import-service promises (a test resource of common's test-jar). */
    public static Set<String> importServiceMetrics() throws IOException {
        try (InputStream in = MonitoringFiles.class.getResourceAsStream("/monitoring/import-service-metrics.txt")) {
            Set<String> names = new TreeSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.trim());
                }
            }
            return names;
        }
    }

    /** Metric names in a Prometheus text exposition (the {@code /q/metrics} body). */
    public static Set<String> exported(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                int end = 0;
                while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                    end++;
                }
                names.add(line.substring(0, end));
            }
        }
        return names;
    }
}
