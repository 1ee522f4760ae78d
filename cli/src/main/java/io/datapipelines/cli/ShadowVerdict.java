package io.datapipelines.cli;

import io.datapipelines.model.Durations;
import io.datapipelines.model.ShadowThresholds;
import io.datapipelines.runtime.diff.DiffThresholds;
import io.datapipelines.runtime.diff.FieldChange;
import io.datapipelines.runtime.shadow.ShadowSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What the shadow's summary says about promoting: within {@link ShadowThresholds} (the definition's, with
 * the flags' overrides), or not, one sentence per reason. A shadow that compared fewer records than asked
 * before the timeout is never within. A changed sink topic or format is always beyond (as for {@code diff}).
 *
 * @param summary the last summary read; null when none came
 * @param samples sampled differing records the shadow wrote ({@link io.datapipelines.runtime.shadow.ShadowDifference}), the first few
 */
record ShadowVerdict(ShadowThresholds thresholds, ShadowSummary summary, List<Map<String, Object>> samples, List<String> violations) {
    /** Sampled differences in the human output of a shadow beyond its thresholds (the JSON has them all). */
    static final int SAMPLE_LINES = 5;

    ShadowVerdict {
        samples = List.copyOf(samples);
        violations = List.copyOf(violations);
    }

    static ShadowVerdict of(ShadowThresholds thresholds, ShadowSummary summary, List<Map<String, Object>> samples) {
        List<String> violations = new ArrayList<>();
        if (summary == null) {
            violations.add("no summary from the shadow within " + Durations.format(thresholds.timeout()));
            return new ShadowVerdict(thresholds, null, samples, violations);
        }
        if (summary.total() < thresholds.records()) {
            violations.add("the shadow compared " + summary.total() + " of " + thresholds.records() + " record(s) within "
                    + Durations.format(thresholds.timeout()));
        }
        if (summary.changedRate() > thresholds.maxChangedRate()) {
            violations.add(String.format(Locale.ROOT, "%d of %d records (%s) changed, dropped or emitted only by NEW: more than the allowed %s",
                    summary.changed(), summary.total(), DiffThresholds.percent(summary.changedRate()), DiffThresholds.percent(thresholds.maxChangedRate())));
        }
        if (summary.newDeadLetterRate() > thresholds.maxNewDeadLetterRate()) {
            violations.add(String.format(Locale.ROOT, "%d of %d records (%s) are new dead letters: more than the allowed %s",
                    summary.newDeadLetters(), summary.total(), DiffThresholds.percent(summary.newDeadLetterRate()),
                    DiffThresholds.percent(thresholds.maxNewDeadLetterRate())));
        }
        if (summary.body().get("consumers") instanceof Map<?, ?> consumers) {
            for (String field : List.of("sinkTopic", "keyFormat", "valueFormat")) {
                if (consumers.get(field) instanceof Map<?, ?> pair && !Objects.equals(pair.get("old"), pair.get("new"))) {
                    violations.add("the sink's " + field + " changes from " + pair.get("old") + " to " + pair.get("new"));
                }
            }
        }
        return new ShadowVerdict(thresholds, summary, samples, violations);
    }

    boolean within() {
        return violations.isEmpty();
    }

    /** Human lines: what was compared, then the verdict. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        if (summary != null) {
            lines.add(String.format(Locale.ROOT, "shadow: %d record(s) compared: %d changed (%s), %d new dead letter(s) (%s)",
                    summary.total(), summary.changed(), DiffThresholds.percent(summary.changedRate()), summary.newDeadLetters(),
                    DiffThresholds.percent(summary.newDeadLetterRate())));
        }
        if (within()) {
            lines.add("shadow: within the thresholds (records " + thresholds.records() + ", maxChangedRate " + thresholds.maxChangedRate()
                    + ", maxNewDeadLetterRate " + thresholds.maxNewDeadLetterRate() + ")");
        } else {
            violations.forEach(v -> lines.add("shadow: beyond the thresholds: " + v));
            for (Map<String, Object> sample : samples.subList(0, Math.min(samples.size(), SAMPLE_LINES))) {
                lines.add("shadow: for example " + sampleLine(sample));
            }
        }
        return lines;
    }

    /**
     * One sampled difference on one line: its input record, its outcome and its first field changes, each in the
     * words {@code diff} uses ({@link FieldChange#describe}).
     */
    static String sampleLine(Map<String, Object> sample) {
        StringBuilder line = new StringBuilder().append(sample.get("input")).append(' ').append(sample.get("outcome"));
        if (sample.get("changes") instanceof List<?> changes && !changes.isEmpty()) {
            line.append(':');
            int shown = 0;
            for (Object change : changes) {
                if (shown == 3) {
                    line.append(" \u2026 (").append(changes.size()).append(" changes)");
                    break;
                }
                if (change instanceof Map<?, ?> c) {
                    line.append(shown == 0 ? " " : "; ").append(describe(c));
                    shown++;
                }
            }
        }
        return line.toString();
    }

    private static String describe(Map<?, ?> change) {
        try {
            return FieldChange.fromJson(change).describe();
        } catch (IllegalArgumentException e) {
            // The shadow runs in the pipeline's image, whose runtime may be another version: shown as it came.
            return String.valueOf(change);
        }
    }

    /** For {@code --output json}: the thresholds, the verdict and the shadow's last summary as it wrote it. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("within", within());
        json.put("violations", violations);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("records", thresholds.records());
        limits.put("timeout", Durations.format(thresholds.timeout()));
        limits.put("maxChangedRate", thresholds.maxChangedRate());
        limits.put("maxNewDeadLetterRate", thresholds.maxNewDeadLetterRate());
        json.put("thresholds", limits);
        if (summary == null) {
            json.put("summary", null);
        } else {
            Map<String, Object> body = new LinkedHashMap<>(summary.body());
            body.put("records", samples); // the sampled differences, in the shape `diff --output json` gives its records
            json.put("summary", body);
        }
        return json;
    }
}
