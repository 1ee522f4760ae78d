package io.datapipelines.runtime.shadow;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.diff.DiffThresholds;

import java.time.Duration;
import java.util.Objects;

/**
 * How a shadow runs: where it starts reading, how often it writes a summary, how many differences it
 * samples, and when it stops (never, by default: a deployed shadow runs until it is stopped).
 * Immutable; made with {@link #builder(String)}.
 */
public final class ShadowSettings {
    /** Where a new shadow consumer group starts: the records that arrive from now on, or all there are. */
    public enum StartFrom {
        LATEST, EARLIEST
    }

    private final String deployment;
    private final StartFrom startFrom;
    private final Duration summaryInterval;
    private final int samplesPerSummary;
    private final long maxRecords;
    private final Duration maxDuration;
    private final DiffThresholds thresholds;

    private ShadowSettings(Builder b) {
        this.deployment = b.deployment;
        this.startFrom = b.startFrom;
        this.summaryInterval = b.summaryInterval;
        this.samplesPerSummary = b.samplesPerSummary;
        this.maxRecords = b.maxRecords;
        this.maxDuration = b.maxDuration;
        this.thresholds = b.thresholds;
    }

    public static Builder builder(String deployment) {
        return new Builder(deployment);
    }

    /** {@code <pipeline>-<deployment>-shadow}: the diff topic, named after the live revision's pipeline. */
    public static String diffTopic(PipelineDefinition live, String deployment) {
        return live.name() + "-" + deployment + "-shadow";
    }

    /** The shadow's own consumer group: never the live pipeline's, so the two never share partitions or offsets. */
    public static String consumerGroup(PipelineDefinition live, String deployment) {
        return "datapipelines-" + live.name() + "-" + deployment + "-shadow";
    }

    public String deployment() {
        return deployment;
    }

    public StartFrom startFrom() {
        return startFrom;
    }

    public Duration summaryInterval() {
        return summaryInterval;
    }

    public int samplesPerSummary() {
        return samplesPerSummary;
    }

    /** 0 for no limit. */
    public long maxRecords() {
        return maxRecords;
    }

    /** null for no limit. */
    public Duration maxDuration() {
        return maxDuration;
    }

    public DiffThresholds thresholds() {
        return thresholds;
    }

    public static final class Builder {
        private final String deployment;
        private StartFrom startFrom = StartFrom.LATEST;
        private Duration summaryInterval = Duration.ofSeconds(30);
        private int samplesPerSummary = 100;
        private long maxRecords;
        private Duration maxDuration;
        private DiffThresholds thresholds = DiffThresholds.NONE_ALLOWED;

        private Builder(String deployment) {
            this.deployment = Objects.requireNonNull(deployment, "deployment");
        }

        public Builder startFrom(StartFrom from) {
            this.startFrom = Objects.requireNonNull(from);
            return this;
        }

        public Builder summaryInterval(Duration interval) {
            if (interval.toMillis() < 100) {
                throw new IllegalArgumentException("the summary interval must be at least 100 ms, not " + interval);
            }
            this.summaryInterval = interval;
            return this;
        }

        /** At most this many differing records are written to the diff topic per summary interval. */
        public Builder samplesPerSummary(int samples) {
            if (samples < 0) {
                throw new IllegalArgumentException("the number of samples cannot be negative");
            }
            this.samplesPerSummary = samples;
            return this;
        }

        /** Stop after this many source records (0: no limit). */
        public Builder maxRecords(long records) {
            if (records < 0) {
                throw new IllegalArgumentException("the number of records cannot be negative");
            }
            this.maxRecords = records;
            return this;
        }

        /** Stop after this long (null: no limit). */
        public Builder maxDuration(Duration duration) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("the duration must be positive, not " + duration);
            }
            this.maxDuration = duration;
            return this;
        }

        public Builder thresholds(DiffThresholds thresholds) {
            this.thresholds = Objects.requireNonNull(thresholds);
            return this;
        }

        public ShadowSettings build() {
            return new ShadowSettings(this);
        }
    }
}
