package io.datapipelines.runtime.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much change a comparison accepts. The default accepts none: any record whose sink output changes,
 * any new dead letter, and a changed sink topic or format are beyond it. Fixed dead letters never are.
 *
 * @param maxChangedRate        the largest share (0..1) of input records that may be changed, dropped by
 *                              the new revision or emitted only by it
 * @param maxNewDeadLetterRate  the largest share (0..1) of input records that may become record errors
 * @param allowSinkChange       whether the sink topic or its key or value format may change
 */
public record DiffThresholds(double maxChangedRate, double maxNewDeadLetterRate, boolean allowSinkChange) {
    public static final DiffThresholds NONE_ALLOWED = new DiffThresholds(0, 0, false);

    public DiffThresholds {
        requireRate(maxChangedRate, "the maximum changed rate");
        requireRate(maxNewDeadLetterRate, "the maximum new dead letter rate");
    }

    private static void requireRate(double rate, String what) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1 (a share of the input records), not " + rate);
        }
    }

    /** Each way the report goes beyond these thresholds, one sentence each; empty when within. */
    public List<String> violations(DiffReport report) {
        List<String> violations = new ArrayList<>();
        if (report.changedRate() > maxChangedRate) {
            violations.add(String.format(Locale.ROOT, "%d of %d records (%s) changed, dropped or emitted only by NEW: more than the allowed %s",
                    report.changedCount(), report.total(), percent(report.changedRate()), percent(maxChangedRate)));
        }
        double newDeadLetters = report.rate(Outcome.NEW_DEAD_LETTER);
        if (newDeadLetters > maxNewDeadLetterRate) {
            violations.add(String.format(Locale.ROOT, "%d of %d records (%s) are new dead letters: more than the allowed %s",
                    report.count(Outcome.NEW_DEAD_LETTER), report.total(), percent(newDeadLetters), percent(maxNewDeadLetterRate)));
        }
        ConsumerImpact impact = report.impact();
        if (!allowSinkChange && impact.sinkTopicChanged()) {
            violations.add("the sink topic changes from " + impact.oldSinkTopic() + " to " + impact.newSinkTopic());
        }
        if (!allowSinkChange && impact.formatChanged()) {
            violations.add("the sink format changes from key " + impact.oldKeyFormat() + ", value " + impact.oldValueFormat()
                    + " to key " + impact.newKeyFormat() + ", value " + impact.newValueFormat());
        }
        return violations;
    }

    /** 0.125 as "12.5%", with up to three decimals. */
    public static String percent(double rate) {
        return new java.math.BigDecimal(rate * 100).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
