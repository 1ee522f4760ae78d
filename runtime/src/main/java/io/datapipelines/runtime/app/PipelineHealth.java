package io.datapipelines.runtime.app;

import io.datapipelines.runtime.topology.RecordProgress;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What {@code /healthz} and {@code /readyz} answer. Alive: Kafka Streams has not failed or stopped, and no
 * stream thread has been on one record for longer than the stall threshold (a step in an endless loop
 * keeps Kafka Streams RUNNING while nothing moves; Kubernetes restarts the pod and the record is met again
 * under the per-record time limit). Ready: RUNNING, processing (not held while the steps load: {@link
 * PipelineRunner#start}) and not stalled.
 *
 * <p>The threshold must stay above the per-record time limit for user code (a record that hits that limit
 * is a TimeoutError record error and the thread moves on), with a margin: the default is two minutes,
 * below Kafka's own {@code max.poll.interval.ms} (five), after which the consumer would leave the group.
 */
public final class PipelineHealth {
    public static final Duration DEFAULT_STALL_THRESHOLD = Duration.ofMinutes(2);

    /** One probe's answer: its status and a one-line body. */
    public record Answer(boolean ok, String body) {
        public int status() {
            return ok ? 200 : 503;
        }
    }

    private final Supplier<KafkaStreams.State> state;
    private final BooleanSupplier processing;
    private final RecordProgress progress;
    private final Duration stallThreshold;

    /** For a runner whose processing is never held. */
    public PipelineHealth(Supplier<KafkaStreams.State> state, RecordProgress progress, Duration stallThreshold) {
        this(state, () -> true, progress, stallThreshold);
    }

    /** @param processing false while processing is held (not ready then: no record would be processed) */
    public PipelineHealth(Supplier<KafkaStreams.State> state, BooleanSupplier processing, RecordProgress progress, Duration stallThreshold) {
        if (stallThreshold.isNegative() || stallThreshold.isZero()) {
            throw new IllegalArgumentException("the stall threshold must be positive: " + stallThreshold);
        }
        this.state = state;
        this.processing = processing;
        this.progress = progress;
        this.stallThreshold = stallThreshold;
    }

    public Answer liveness() {
        KafkaStreams.State s = state.get();
        if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.NOT_RUNNING || s == KafkaStreams.State.PENDING_ERROR) {
            return new Answer(false, s + "\n");
        }
        return stalled().map(stall -> new Answer(false, describe(stall))).orElseGet(() -> new Answer(true, s + "\n"));
    }

    public Answer readiness() {
        KafkaStreams.State s = state.get();
        if (s != KafkaStreams.State.RUNNING) {
            return new Answer(false, s + "\n");
        }
        if (!processing.getAsBoolean()) {
            return new Answer(false, s + ", LOADING STEPS\n");
        }
        return stalled().map(stall -> new Answer(false, describe(stall))).orElseGet(() -> new Answer(true, s + "\n"));
    }

    private Optional<RecordProgress.Stall> stalled() {
        return progress.stalledLongerThan(stallThreshold);
    }

    private String describe(RecordProgress.Stall stall) {
        return "STALLED: stream thread " + stall.thread() + " has been on one record for " + stall.inProgressFor().toSeconds()
                + " s (the limit is " + stallThreshold.toSeconds() + " s, --stall-timeout)\n";
    }
}
