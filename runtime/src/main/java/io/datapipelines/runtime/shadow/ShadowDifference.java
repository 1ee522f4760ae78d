package io.datapipelines.runtime.shadow;

import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.RecordDiff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A sampled differing record on the diff topic, as the shadow writes it (keyed by its input record, a JSON value with
 * {@code "type": "difference"}, the pipeline and deployment, and {@link DiffReport#recordJson}'s fields) and as
 * {@code deploy --shadow} reads it back: one format, written by {@link #toJson} and read by {@link #parse}.
 *
 * <p>Bounded: a difference whose JSON would exceed {@value #MAX_BYTES} bytes (a large record, twice over: the live
 * revision's output and the candidate's) keeps its input, outcome and the first field changes, and says how large
 * the outputs were instead of carrying them. Kafka refuses records above its {@code max.message.bytes} (1 MiB by
 * default); a sample the broker refused would be lost without a word.
 */
public final class ShadowDifference {
    /** Well under Kafka's default 1 MiB record limit, with room for the record's headers and batch overhead. */
    public static final int MAX_BYTES = 256 * 1024;
    /** The field changes a difference over {@link #MAX_BYTES} keeps. */
    static final int MAX_CHANGES_WHEN_LARGE = 20;
    /** And each kept change's old and new value at most this many characters. */
    static final int MAX_VALUE_CHARS = 1000;

    private ShadowDifference() {
    }

    /** The difference's JSON value, at most about {@link #MAX_BYTES} bytes. */
    public static String toJson(String pipeline, String deployment, RecordDiff diff, Instant at) {
        Map<String, Object> json = header(pipeline, deployment, at);
        json.putAll(DiffReport.recordJson(diff));
        String full = JsonCodec.toJson(json);
        int size = full.getBytes(StandardCharsets.UTF_8).length;
        if (size <= MAX_BYTES) {
            return full;
        }
        Map<String, Object> bounded = header(pipeline, deployment, at);
        bounded.put("input", json.get("input"));
        bounded.put("outcome", json.get("outcome"));
        if (json.get("changes") instanceof java.util.List<?> changes) {
            java.util.List<Object> kept = new java.util.ArrayList<>();
            for (Object change : changes.subList(0, Math.min(changes.size(), MAX_CHANGES_WHEN_LARGE))) {
                kept.add(boundedChange(change));
            }
            bounded.put("changes", kept);
            if (changes.size() > kept.size()) {
                bounded.put("changesLeftOut", changes.size() - kept.size());
            }
        }
        bounded.put("truncated", "the difference is " + size + " bytes as JSON, more than a sample may be ("
                + MAX_BYTES + "): the outputs are left out; `datapipelines diff` on the record shows them whole");
        return JsonCodec.toJson(bounded);
    }

    private static Object boundedChange(Object change) {
        if (!(change instanceof Map<?, ?> map)) {
            return change;
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), ("old".equals(k) || "new".equals(k)) ? boundedValue(v) : v));
        return copy;
    }

    private static Object boundedValue(Object value) {
        String text = value instanceof String s ? s : JsonCodec.toJson(value);
        if (text.length() <= MAX_VALUE_CHARS) {
            return value;
        }
        return text.substring(0, MAX_VALUE_CHARS) + "\u2026 (" + text.length() + " characters)";
    }

    private static Map<String, Object> header(String pipeline, String deployment, Instant at) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "difference");
        json.put("pipeline", pipeline);
        json.put("deployment", deployment);
        json.put("at", at.toString());
        return json;
    }

    /**
     * Reads a diff topic record's value.
     *
     * @return the difference's fields (without type, pipeline, deployment and at) when it is a difference of this
     *         pipeline and deployment; empty for summaries, other shadows' differences and values that are not JSON objects
     */
    public static Optional<Map<String, Object>> parse(String json, String pipeline, String deployment) {
        Object parsed;
        try {
            parsed = JsonCodec.fromJson(json);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(parsed instanceof Map<?, ?> map) || !"difference".equals(map.get("type"))
                || !pipeline.equals(map.get("pipeline")) || !deployment.equals(map.get("deployment"))) {
            return Optional.empty();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
        for (String header : new String[] {"type", "pipeline", "deployment", "at"}) {
            fields.remove(header);
        }
        return Optional.of(fields);
    }
}
