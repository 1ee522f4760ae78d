package io.datapipelines.runtime.diff;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparison of two revisions on the same input records: the counts and rates per {@link Outcome},
 * the {@link ConsumerImpact}, and a sample of the differing records (the first ones, in input order, up
 * to the comparison's sample limit). Immutable.
 */
public final class DiffReport {
    private final List<RecordDiff> differing;
    private final Map<Outcome, Long> counts;
    private final long total;
    private final ConsumerImpact impact;

    DiffReport(Map<Outcome, Long> counts, List<RecordDiff> differing, ConsumerImpact impact) {
        Map<Outcome, Long> all = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            all.put(outcome, counts.getOrDefault(outcome, 0L));
        }
        this.counts = java.util.Collections.unmodifiableMap(all);
        this.total = all.values().stream().mapToLong(Long::longValue).sum();
        this.differing = List.copyOf(differing);
        this.impact = impact;
    }

    /** The first differing (not unchanged) records, in input order, as many as the sample limit allowed. */
    public List<RecordDiff> differing() {
        return differing;
    }

    public long total() {
        return total;
    }

    public long count(Outcome outcome) {
        return counts.get(outcome);
    }

    /** The share of input records with this outcome (0 without input). */
    public double rate(Outcome outcome) {
        return total == 0 ? 0 : (double) count(outcome) / total;
    }

    /** Records whose sink output changes: changed, dropped by NEW or emitted only by NEW. */
    public long changedCount() {
        return count(Outcome.CHANGED) + count(Outcome.DROPPED) + count(Outcome.ONLY_IN_NEW);
    }

    public double changedRate() {
        return total == 0 ? 0 : (double) changedCount() / total;
    }

    public ConsumerImpact impact() {
        return impact;
    }

    /**
     * The report as plain maps and lists for a JSON writer: {@code total}, {@code counts} and {@code rates}
     * by outcome, {@code changedRate}, {@code consumers}, {@code verdict} ({@code within} and its
     * {@code violations}) and {@code records} (at most {@code maxRecords} that are not unchanged, in input order).
     */
    public Map<String, Object> toJson(DiffThresholds thresholds, int maxRecords) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", total());
        Map<String, Object> countsJson = new LinkedHashMap<>();
        Map<String, Object> ratesJson = new LinkedHashMap<>();
        for (Outcome outcome : Outcome.values()) {
            countsJson.put(outcome.jsonName(), count(outcome));
            ratesJson.put(outcome.jsonName(), rate(outcome));
        }
        json.put("counts", countsJson);
        json.put("rates", ratesJson);
        json.put("changedRate", changedRate());
        Map<String, Object> consumers = new LinkedHashMap<>();
        consumers.put("sinkTopic", oldAndNew(impact.oldSinkTopic(), impact.newSinkTopic()));
        consumers.put("keyFormat", oldAndNew(impact.oldKeyFormat(), impact.newKeyFormat()));
        consumers.put("valueFormat", oldAndNew(impact.oldValueFormat(), impact.newValueFormat()));
        consumers.put("keysChanged", impact.keysChanged());
        consumers.put("fieldsAdded", impact.fieldsAdded());
        consumers.put("fieldsRemoved", impact.fieldsRemoved());
        consumers.put("typeChanges", impact.typeChanges());
        json.put("consumers", consumers);
        List<String> violations = thresholds.violations(this);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("within", violations.isEmpty());
        verdict.put("maxChangedRate", thresholds.maxChangedRate());
        verdict.put("maxNewDeadLetterRate", thresholds.maxNewDeadLetterRate());
        verdict.put("violations", violations);
        json.put("verdict", verdict);
        List<Object> list = new ArrayList<>();
        for (RecordDiff diff : differing.subList(0, Math.min(maxRecords, differing.size()))) {
            list.add(recordJson(diff));
        }
        json.put("records", list);
        return json;
    }

    private static Map<String, Object> oldAndNew(String oldValue, String newValue) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("old", oldValue);
        pair.put("new", newValue);
        return pair;
    }

    /** One differing record as plain maps: {@code input}, {@code outcome}, {@code changes}, {@code old} and {@code new}. */
    public static Map<String, Object> recordJson(RecordDiff diff) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("input", diff.inputId());
        record.put("outcome", diff.outcome().jsonName());
        if (!diff.changes().isEmpty()) {
            List<Object> changes = new ArrayList<>();
            for (FieldChange change : diff.changes()) {
                changes.add(change.toJson());
            }
            record.put("changes", changes);
        }
        record.put("old", outputJson(diff.oldOutput()));
        record.put("new", outputJson(diff.newOutput()));
        return record;
    }

    private static Map<String, Object> outputJson(RevisionOutput output) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (output.failed()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("class", output.failure().errorClass());
            error.put("step", output.failure().step());
            error.put("message", output.failure().message());
            json.put("error", error);
        } else {
            List<Object> sink = new ArrayList<>();
            for (RevisionOutput.SinkRecord r : output.sink()) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("key", r.key());
                s.put("value", r.value());
                if (!r.headers().isEmpty()) {
                    s.put("headers", r.headers());
                }
                sink.add(s);
            }
            json.put("sink", sink);
        }
        return json;
    }
}
