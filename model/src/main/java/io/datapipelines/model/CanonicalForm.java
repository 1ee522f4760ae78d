package io.datapipelines.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form of a definition: Python files inlined as {@code code}, every default filled in,
 * {@code source.topic} written as {@code source.topics}, the definition's own keys sorted, serialized
 * as compact JSON. Two definitions that mean the same thing have the same canonical form, and its
 * SHA-256 is the revision hash.
 *
 * <p>Two kinds of map keep their order instead of being sorted, because order is meaning there: the
 * {@code fields} of a Field step (evaluated in document order) and data (test records, config values),
 * which reach user code as insertion-ordered dicts.
 *
 * <p>The canonical form is itself a valid definition: parsing it gives the same canonical form. It is
 * what images carry.
 */
public final class CanonicalForm {
    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CanonicalForm() {
    }

    public static String json(PipelineDefinition definition) {
        try {
            return JSON.writeValueAsString(tree(definition));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a validated definition", e);
        }
    }

    /** SHA-256 of the canonical JSON (UTF-8), as 64 lower-case hex digits. */
    public static String revisionHash(PipelineDefinition definition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(definition).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static Map<String, Object> tree(PipelineDefinition definition) {
        Map<String, Object> root = new TreeMap<>();
        root.put("apiVersion", PipelineDefinition.API_VERSION);
        root.put("kind", PipelineDefinition.KIND);
        Map<String, Object> metadata = new TreeMap<>();
        metadata.put("name", definition.metadata().name());
        putIfNotNull(metadata, "description", definition.metadata().description());
        metadata.put("labels", new TreeMap<>(definition.metadata().labels()));
        root.put("metadata", metadata);
        root.put("spec", spec(definition.spec()));
        return root;
    }

    private static Map<String, Object> spec(Spec spec) {
        Map<String, Object> map = new TreeMap<>();
        Map<String, Object> source = new TreeMap<>();
        source.put("topics", spec.source().topics());
        source.put("format", spec.source().format().yamlName());
        source.put("keyFormat", spec.source().keyFormat().yamlName());
        source.put("startFrom", spec.source().startFrom().yamlName());
        map.put("source", source);
        Map<String, Object> sink = new TreeMap<>();
        sink.put("topic", spec.sink().topic());
        sink.put("format", spec.sink().format().yamlName());
        sink.put("keyFormat", spec.sink().keyFormat().yamlName());
        map.put("sink", sink);
        List<Object> steps = new ArrayList<>();
        for (Step step : spec.steps()) {
            steps.add(step(step));
        }
        map.put("steps", steps);
        map.put("errors", new TreeMap<>(Map.of("mode", spec.errors().mode().yamlName(), "deadLetterTopic", spec.errors().deadLetterTopic())));
        Map<String, Object> python = new TreeMap<>();
        python.put("engine", spec.processing().python().engine().yamlName());
        python.put("timeout", DurationText.format(spec.processing().python().timeout()));
        Map<String, Object> processing = new TreeMap<>();
        processing.put("guarantee", spec.processing().guarantee().yamlName());
        processing.put("python", python);
        map.put("processing", processing);
        List<Object> tests = new ArrayList<>();
        for (PipelineTest test : spec.tests()) {
            Map<String, Object> t = new TreeMap<>();
            t.put("name", test.name());
            t.put("input", test.input().stream().map(CanonicalForm::record).toList());
            t.put("expect", test.expect().stream().map(CanonicalForm::record).toList());
            t.put("deadLetters", test.deadLetters());
            tests.add(t);
        }
        map.put("tests", tests);
        map.put("deployment", deployment(spec.deployment()));
        return map;
    }

    private static Map<String, Object> step(Step step) {
        Map<String, Object> map = new TreeMap<>();
        putIfNotNull(map, "name", step.name());
        if (step instanceof FieldStep field) {
            map.put("kind", "Field");
            Map<String, Object> fields = new LinkedHashMap<>(); // document order is evaluation order
            field.fields().forEach((name, entry) -> {
                Map<String, Object> e = new TreeMap<>();
                putIfNotNull(e, "filter", function(entry.filter()));
                putIfNotNull(e, "transform", function(entry.transform()));
                fields.put(name, e);
            });
            map.put("fields", fields);
        } else if (step instanceof RecordStep record) {
            map.put("kind", "Record");
            putIfNotNull(map, "filter", function(record.filter()));
            putIfNotNull(map, "transform", function(record.transform()));
        }
        return map;
    }

    private static Map<String, Object> function(FunctionRef ref) {
        if (ref == null) {
            return null;
        }
        Map<String, Object> map = new TreeMap<>();
        map.put("key", ref.key());
        map.put("config", new TreeMap<>(ref.config())); // parameter names sorted; their values are data, kept as they are
        return map;
    }

    private static Map<String, Object> record(TestRecord record) {
        Map<String, Object> map = new TreeMap<>();
        if (record.hasKey()) {
            map.put("key", record.key());
        }
        if (record.valueRaw() != null) {
            map.put("valueRaw", record.valueRaw());
        } else {
            map.put("value", record.value());
        }
        putIfNotNull(map, "headers", record.headers() == null ? null : new TreeMap<>(record.headers()));
        putIfNotNull(map, "timestamp", record.timestamp());
        return map;
    }

    private static Map<String, Object> deployment(DeploymentSettings deployment) {
        Map<String, Object> map = new TreeMap<>();
        map.put("replicas", new TreeMap<>(Map.of("min", deployment.minReplicas(), "max", deployment.maxReplicas())));
        Map<String, Object> autoscaling = new TreeMap<>();
        autoscaling.put("cpuUtilization", deployment.cpuUtilization());
        putIfNotNull(autoscaling, "lagThreshold", deployment.lagThreshold());
        map.put("autoscaling", autoscaling);
        Map<String, Object> resources = new TreeMap<>();
        resources.put("requests", new TreeMap<>(deployment.requests()));
        resources.put("limits", new TreeMap<>(deployment.limits()));
        map.put("resources", resources);
        ShadowThresholds shadow = deployment.shadow();
        if (shadow != null) { // only when set: definitions without it keep their canonical form
            Map<String, Object> thresholds = new TreeMap<>();
            thresholds.put("records", shadow.records());
            thresholds.put("timeout", Durations.format(shadow.timeout()));
            thresholds.put("maxChangedRate", shadow.maxChangedRate());
            thresholds.put("maxNewDeadLetterRate", shadow.maxNewDeadLetterRate());
            map.put("shadow", thresholds);
        }
        return map;
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
