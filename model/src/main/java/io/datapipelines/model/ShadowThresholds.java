package io.datapipelines.model;

import java.time.Duration;

/**
 * {@code spec.deployment.shadow}: when {@code deploy --shadow} promotes a new revision. The shadow compares
 * {@code records} source records (or stops at {@code timeout}); the new revision is promoted only if the
 * rate of changed records is at most {@code maxChangedRate} and the rate of new dead letters at most
 * {@code maxNewDeadLetterRate} (rates are fractions of compared records, 0..1).
 */
public record ShadowThresholds(long records, Duration timeout, double maxChangedRate, double maxNewDeadLetterRate) {
    /** What {@code deploy --shadow} uses when the definition sets nothing. */
    public static final ShadowThresholds DEFAULTS = new ShadowThresholds(10_000, Duration.ofMinutes(15), 0.0, 0.001);

    public ShadowThresholds {
        if (records < 1) {
            throw new IllegalArgumentException("shadow records must be at least 1, not " + records);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("shadow timeout must be positive, not " + timeout);
        }
        checkRate("maxChangedRate", maxChangedRate);
        checkRate("maxNewDeadLetterRate", maxNewDeadLetterRate);
    }

    private static void checkRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException("shadow " + name + " must be between 0 and 1, not " + rate);
        }
    }

    public ShadowThresholds withRecords(long value) {
        return new ShadowThresholds(value, timeout, maxChangedRate, maxNewDeadLetterRate);
    }

    public ShadowThresholds withTimeout(Duration value) {
        return new ShadowThresholds(records, value, maxChangedRate, maxNewDeadLetterRate);
    }

    public ShadowThresholds withMaxChangedRate(double value) {
        return new ShadowThresholds(records, timeout, value, maxNewDeadLetterRate);
    }

    public ShadowThresholds withMaxNewDeadLetterRate(double value) {
        return new ShadowThresholds(records, timeout, maxChangedRate, value);
    }
}
