package io.datapipelines.runtime.shadow;

import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.DiffThresholds;
import io.datapipelines.runtime.diff.Outcome;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A summary record on the diff topic, as the shadow writes it (key {@value #KEY}, a JSON value with
 * {@code "type": "summary"}) and as {@code deploy --shadow} reads it back: one format, written by
 * {@link #toJson} and read by {@link #parse}.
 *
 * @param last whether the shadow stopped after it (the {@code final} field)
 */
public record ShadowSummary(String pipeline, String deployment, Instant at, boolean last, long total, long changed,
                            long newDeadLetters, List<String> violations, Map<String, Object> body) {
    /** The record key of summaries on the diff topic (differences are keyed by their input record). */
    public static final String KEY = "summary";

    public ShadowSummary {
        violations = List.copyOf(violations);
        body = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** Changed, dropped by NEW or emitted only by NEW, per compared record (0 when none compared). */
    public double changedRate() {
        return total == 0 ? 0 : (double) changed / total;
    }

    public double newDeadLetterRate() {
        return total == 0 ? 0 : (double) newDeadLetters / total;
    }

    /**
     * The summary's JSON value: type, pipeline, deployment, at, final, then the report's counts, rates, consumer
     * impact and verdict against {@code thresholds} ({@link DiffReport#toJson}, without the record list).
     */
    public static String toJson(String pipeline, String deployment, DiffReport report, DiffThresholds thresholds, boolean last, Instant at) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", "summary");
        summary.put("pipeline", pipeline);
        summary.put("deployment", deployment);
        summary.put("at", at.toString());
        summary.put("final", last);
        Map<String, Object> body = report.toJson(thresholds, 0);
        body.remove("records");
        summary.putAll(body);
        return JsonCodec.toJson(summary);
    }

    /**
     * Reads a diff topic record's value.
     *
     * @return empty for records that are not summaries (the sampled differences)
     * @throws IllegalArgumentException for a value that is not a summary as {@link #toJson} writes it, saying what is wrong
     */
    public static Optional<ShadowSummary> parse(String json) {
        Object parsed;
        try {
            parsed = JsonCodec.fromJson(json);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Map<?, ?> map) || !"summary".equals(map.get("type"))) {
            return Optional.empty();
        }
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            map.forEach((k, v) -> body.put(String.valueOf(k), v));
            Map<?, ?> counts = (Map<?, ?>) map.get("counts");
            long changed = number(counts, Outcome.CHANGED) + number(counts, Outcome.DROPPED) + number(counts, Outcome.ONLY_IN_NEW);
            List<String> violations = new ArrayList<>();
            if (map.get("verdict") instanceof Map<?, ?> verdict && verdict.get("violations") instanceof List<?> list) {
                list.forEach(v -> violations.add(String.valueOf(v)));
            }
            return Optional.of(new ShadowSummary((String) map.get("pipeline"), (String) map.get("deployment"),
                    Instant.parse((String) map.get("at")), Boolean.TRUE.equals(map.get("final")), ((Number) map.get("total")).longValue(),
                    changed, number(counts, Outcome.NEW_DEAD_LETTER), violations, body));
        } catch (ClassCastException | NullPointerException | DateTimeParseException e) {
            throw new IllegalArgumentException("a summary without its fields (pipeline, deployment, at, total, counts): " + e.getMessage(), e);
        }
    }

    private static long number(Map<?, ?> counts, Outcome outcome) {
        Object value = counts.get(outcome.jsonName());
        return value == null ? 0 : ((Number) value).longValue();
    }
}
