package io.datapipelines.model;

import io.datapipelines.model.yaml.MapNode;
import io.datapipelines.model.yaml.ScalarNode;
import io.datapipelines.model.yaml.SourceNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.datapipelines.model.NodeReader.child;

/** Reads {@code spec.deployment}: replicas, autoscaling and resources, with their defaults. */
final class DeploymentReader {
    static final int DEFAULT_CPU_UTILIZATION = 70;
    static final Map<String, String> DEFAULT_REQUESTS = Map.of("cpu", "250m", "memory", "256Mi");
    static final Map<String, String> DEFAULT_LIMITS = Map.of("memory", "512Mi");
    /**
     * A pipeline with Python steps on GraalPy. Through a broker (benchmarks/README.md) its peak resident memory was
     * ~490 MiB interpreted, and with the Graal JIT 566-720 MiB in 1024 MiB, the JIT images' heap being a quarter of the
     * limit: request and limit are both 1024Mi, so a JIT image fits with room for larger records and the scheduler
     * reserves what it uses (an interpreted one may ask for less).
     */
    static final Map<String, String> GRAALPY_REQUESTS = Map.of("cpu", "250m", "memory", "1024Mi");
    static final Map<String, String> GRAALPY_LIMITS = Map.of("memory", "1024Mi");
    /** A Kubernetes resource quantity: a decimal number with an optional SI, binary or exponent suffix. */
    private static final Pattern QUANTITY = Pattern.compile("[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE])?");
    private static final Duration MAX_SHADOW_TIMEOUT = Duration.ofHours(24);
    private static final Set<String> RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");

    private final NodeReader reader;

    DeploymentReader(NodeReader reader) {
        this.reader = reader;
    }

    /** @param graalPy whether the pipeline runs Python steps on GraalPy (the resources' defaults are larger then) */
    DeploymentSettings read(SourceNode node, boolean graalPy) {
        String path = "spec.deployment";
        Map<String, String> defaultRequests = graalPy ? GRAALPY_REQUESTS : DEFAULT_REQUESTS;
        Map<String, String> defaultLimits = graalPy ? GRAALPY_LIMITS : DEFAULT_LIMITS;
        MapNode map = node == null ? null : reader.map(node, path);
        if (map == null) {
            return node == null ? new DeploymentSettings(1, 1, DEFAULT_CPU_UTILIZATION, null, defaultRequests, defaultLimits) : null;
        }
        reader.checkKeys(map, path, Set.of("replicas", "autoscaling", "resources", "shadow"));
        int min = 1;
        int max = 1;
        boolean ok = true;
        SourceNode replicasNode = map.get("replicas");
        if (replicasNode != null) {
            String replicasPath = child(path, "replicas");
            MapNode replicas = reader.map(replicasNode, replicasPath);
            ok &= replicas != null;
            if (replicas != null) {
                reader.checkKeys(replicas, replicasPath, Set.of("min", "max"));
                Long minValue = reader.integer(replicas, "min", replicasPath, 1, 1000);
                Long maxValue = reader.integer(replicas, "max", replicasPath, 1, 1000);
                min = minValue == null ? 1 : minValue.intValue();
                max = maxValue == null ? min : maxValue.intValue();
                if (min > max) {
                    reader.report(replicas.get("max").location(), child(replicasPath, "max"), "must be at least min (" + min + "), not " + max);
                    ok = false;
                }
            }
        }
        int cpu = DEFAULT_CPU_UTILIZATION;
        Long lag = null;
        SourceNode autoscalingNode = map.get("autoscaling");
        if (autoscalingNode != null) {
            String autoscalingPath = child(path, "autoscaling");
            MapNode autoscaling = reader.map(autoscalingNode, autoscalingPath);
            ok &= autoscaling != null;
            if (autoscaling != null) {
                reader.checkKeys(autoscaling, autoscalingPath, Set.of("cpuUtilization", "lagThreshold"));
                Long cpuValue = reader.integer(autoscaling, "cpuUtilization", autoscalingPath, 1, 100);
                cpu = cpuValue == null ? cpu : cpuValue.intValue();
                lag = reader.integer(autoscaling, "lagThreshold", autoscalingPath, 1, Long.MAX_VALUE);
            }
        }
        Map<String, String> requests = defaultRequests;
        Map<String, String> limits = defaultLimits;
        SourceNode resourcesNode = map.get("resources");
        if (resourcesNode != null) {
            String resourcesPath = child(path, "resources");
            MapNode resources = reader.map(resourcesNode, resourcesPath);
            ok &= resources != null;
            if (resources != null) {
                reader.checkKeys(resources, resourcesPath, Set.of("requests", "limits"));
                requests = resources.get("requests") == null ? requests : quantities(resources.get("requests"), child(resourcesPath, "requests"));
                limits = resources.get("limits") == null ? limits : quantities(resources.get("limits"), child(resourcesPath, "limits"));
                ok &= requests != null && limits != null;
            }
        }
        ShadowThresholds shadow = null;
        SourceNode shadowNode = map.get("shadow");
        if (shadowNode != null) {
            shadow = shadow(shadowNode, child(path, "shadow"));
            ok &= shadow != null;
        }
        return ok ? new DeploymentSettings(min, max, cpu, lag, requests, limits, shadow) : null;
    }

    /** {@code spec.deployment.shadow}; each key optional, the rest from {@link ShadowThresholds#DEFAULTS}. */
    private ShadowThresholds shadow(SourceNode node, String path) {
        MapNode map = reader.map(node, path);
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, path, Set.of("records", "timeout", "maxChangedRate", "maxNewDeadLetterRate"));
        ShadowThresholds defaults = ShadowThresholds.DEFAULTS;
        boolean ok = true;
        long records = defaults.records();
        if (map.get("records") != null) {
            Long value = reader.integer(map, "records", path, 1, 1_000_000_000);
            ok &= value != null;
            records = value == null ? records : value;
        }
        Duration timeout = defaults.timeout();
        SourceNode timeoutNode = map.get("timeout");
        if (timeoutNode != null) {
            String text = reader.string(timeoutNode, child(path, "timeout"));
            timeout = null;
            if (text != null) {
                try {
                    timeout = Durations.parse(text);
                    if (timeout.isZero() || timeout.getNano() != 0 || timeout.compareTo(MAX_SHADOW_TIMEOUT) > 0) {
                        reader.report(timeoutNode.location(), child(path, "timeout"), "must be whole seconds between 1s and 24h, not " + text);
                        timeout = null;
                    }
                } catch (IllegalArgumentException e) {
                    reader.report(timeoutNode.location(), child(path, "timeout"), e.getMessage());
                }
            }
            ok &= timeout != null;
        }
        Double changed = rate(map, "maxChangedRate", path, defaults.maxChangedRate());
        Double deadLetters = rate(map, "maxNewDeadLetterRate", path, defaults.maxNewDeadLetterRate());
        ok &= changed != null && deadLetters != null;
        return ok ? new ShadowThresholds(records, timeout, changed, deadLetters) : null;
    }

    /** A fraction 0..1 written as a number ({@code 0}, {@code 0.001}, {@code 1e-3}); null (reported) when wrong. */
    private Double rate(MapNode map, String key, String path, double defaultValue) {
        SourceNode node = map.get(key);
        if (node == null) {
            return defaultValue;
        }
        Object value = node instanceof ScalarNode ? node.toPlain() : null;
        double rate = value instanceof Long l ? l.doubleValue() : value instanceof Double d ? d : Double.NaN;
        if (!(rate >= 0.0 && rate <= 1.0)) {
            reader.report(node.location(), child(path, key), "must be a rate between 0 and 1 (such as 0.001), not "
                    + (value instanceof Long || value instanceof Double ? String.valueOf(value) : node.describe()));
            return null;
        }
        return rate;
    }

    private Map<String, String> quantities(SourceNode node, String path) {
        MapNode map = reader.map(node, path);
        if (map == null) {
            return null;
        }
        reader.checkKeys(map, path, RESOURCES);
        Map<String, String> result = new LinkedHashMap<>();
        boolean ok = true;
        for (MapNode.Entry e : map.entries()) {
            if (!RESOURCES.contains(e.key())) {
                continue;
            }
            Object value = e.value().toPlain();
            String quantity = value instanceof String || value instanceof Long || value instanceof Double ? String.valueOf(value) : null;
            if (quantity == null || !(e.value() instanceof ScalarNode) || !QUANTITY.matcher(quantity).matches()) {
                reader.report(e.value().location(), child(path, e.key()), "'" + value + "' is not a Kubernetes quantity (such as 250m, 0.5, 512Mi or 1Gi)");
                ok = false;
            } else {
                result.put(e.key(), quantity);
            }
        }
        return ok ? result : null;
    }
}
