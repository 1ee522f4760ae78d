package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a deployment goes through a shadow first ({@code deploy --shadow}, docs/shadow.md), and the thresholds
 * given here instead of the definition's {@code spec.deployment.shadow}. Each threshold is the text of a setting;
 * null means unset: the definition's value, then the CLI's default. Thresholds are passed only with the shadow on.
 *
 * <p>A plain serializable class, not a record, for the same reason as {@link DeployParameters}, which keeps it.
 */
public final class ShadowSettings implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final ShadowSettings NONE = builder().build();

    private final boolean enabled;
    private final String records;
    private final String timeout;
    private final String maxChangedRate;
    private final String maxNewDeadLetterRate;

    private ShadowSettings(Builder b) {
        this.enabled = b.enabled;
        this.records = Strings.trimToNull(b.records);
        this.timeout = Strings.trimToNull(b.timeout);
        this.maxChangedRate = Strings.trimToNull(b.maxChangedRate);
        this.maxNewDeadLetterRate = Strings.trimToNull(b.maxNewDeadLetterRate);
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean enabled() {
        return enabled;
    }

    public @CheckForNull String records() {
        return records;
    }

    public @CheckForNull String timeout() {
        return timeout;
    }

    public @CheckForNull String maxChangedRate() {
        return maxChangedRate;
    }

    public @CheckForNull String maxNewDeadLetterRate() {
        return maxNewDeadLetterRate;
    }

    /** {@code --shadow} and each threshold set here; nothing when the shadow is off. */
    public List<String> deployArguments() {
        List<String> args = new ArrayList<>();
        if (!enabled) {
            return args;
        }
        args.add("--shadow");
        add(args, "--shadow-records", records);
        add(args, "--shadow-timeout", timeout);
        add(args, "--shadow-max-changed-rate", maxChangedRate);
        add(args, "--shadow-max-new-dead-letter-rate", maxNewDeadLetterRate);
        return args;
    }

    private static void add(List<String> args, String flag, @CheckForNull String value) {
        if (value != null) {
            args.add(flag);
            args.add(value);
        }
    }

    /** The first threshold whose syntax the CLI would reject, as a sentence naming the setting; null when all are fine. */
    public @CheckForNull String firstProblem() {
        if (records != null && !isPositiveWholeNumber(records)) {
            return "shadowRecords '" + records + "' is not a whole number of at least 1";
        }
        if (timeout != null && !Names.isDuration(timeout)) {
            return "shadowTimeout '" + timeout + "' is not a duration such as 90s, 15m or 1h";
        }
        if (maxChangedRate != null && !isRate(maxChangedRate)) {
            return "shadowMaxChangedRate '" + maxChangedRate + "' is not a share between 0 and 1 such as 0.01";
        }
        if (maxNewDeadLetterRate != null && !isRate(maxNewDeadLetterRate)) {
            return "shadowMaxNewDeadLetterRate '" + maxNewDeadLetterRate + "' is not a share between 0 and 1 such as 0.001";
        }
        return null;
    }

    static boolean isPositiveWholeNumber(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            return false;
        }
        return Long.parseLong(text) >= 1;
    }

    static boolean isRate(String text) {
        if (!text.matches("[0-9]{1,3}(\\.[0-9]{1,12})?|\\.[0-9]{1,12}")) {
            return false;
        }
        double rate = Double.parseDouble(text);
        return rate >= 0 && rate <= 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ShadowSettings s && enabled == s.enabled && Objects.equals(records, s.records) && Objects.equals(timeout, s.timeout)
                && Objects.equals(maxChangedRate, s.maxChangedRate) && Objects.equals(maxNewDeadLetterRate, s.maxNewDeadLetterRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enabled, records, timeout, maxChangedRate, maxNewDeadLetterRate);
    }

    @Override
    public String toString() {
        return enabled ? String.join(" ", deployArguments()) : "no shadow";
    }

    /** Fluent builder; blank strings count as unset. */
    public static final class Builder {
        private boolean enabled;
        private String records;
        private String timeout;
        private String maxChangedRate;
        private String maxNewDeadLetterRate;

        private Builder() {
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder records(@CheckForNull String value) {
            records = value;
            return this;
        }

        public Builder timeout(@CheckForNull String value) {
            timeout = value;
            return this;
        }

        public Builder maxChangedRate(@CheckForNull String value) {
            maxChangedRate = value;
            return this;
        }

        public Builder maxNewDeadLetterRate(@CheckForNull String value) {
            maxNewDeadLetterRate = value;
            return this;
        }

        public ShadowSettings build() {
            return new ShadowSettings(this);
        }
    }
}
