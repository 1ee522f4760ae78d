package io.datapipelines.runtime.diff;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.local.LocalTopology;
import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.topology.DeadLetterHeaders;
import io.datapipelines.runtime.topology.PipelineFailedException;
import io.datapipelines.runtime.topology.PipelineMetrics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an old and a new revision of a pipeline side by side through their real topologies
 * ({@link LocalTopology}) on the same input records, and compares what each gives, record by record.
 * Nothing is written to Kafka: the topologies run in-process. Memory stays bounded however many records
 * are sent: counts, field types, and at most {@code sampleLimit} differing records are kept.
 * Not thread-safe: one caller sends the records in order. {@link #report()} summarises everything sent.
 */
public final class PipelineComparison implements AutoCloseable {
    /** The sample limit of the two-argument constructor. */
    public static final int DEFAULT_SAMPLE_LIMIT = 1000;

    private final Side oldSide;
    private final Side newSide;
    private final int sampleLimit;
    private final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    private final List<RecordDiff> differing = new ArrayList<>();
    private final ConsumerImpact.Collector impact = new ConsumerImpact.Collector();

    public PipelineComparison(PipelineDefinition oldDefinition, PipelineDefinition newDefinition) {
        this(oldDefinition, newDefinition, DEFAULT_SAMPLE_LIMIT);
    }

    /** @param sampleLimit how many differing records the report keeps (the first ones) */
    public PipelineComparison(PipelineDefinition oldDefinition, PipelineDefinition newDefinition, int sampleLimit) {
        if (sampleLimit < 0) {
            throw new IllegalArgumentException("the sample limit cannot be negative");
        }
        this.sampleLimit = sampleLimit;
        this.oldSide = new Side(oldDefinition);
        Side created = null;
        try {
            created = new Side(newDefinition);
        } finally {
            if (created == null) {
                oldSide.close();
            }
        }
        this.newSide = created;
    }

    /** Sends one record through both revisions and records how they differ. */
    public RecordDiff compare(DiffInput input) {
        RecordDiff diff = RecordDiff.of(input.id(), oldSide.send(input), newSide.send(input));
        counts.merge(diff.outcome(), 1L, Long::sum);
        if (diff.outcome() != Outcome.UNCHANGED && differing.size() < sampleLimit) {
            differing.add(diff);
        }
        impact.add(diff);
        return diff;
    }

    /** Everything compared so far. */
    public DiffReport report() {
        return new DiffReport(counts, differing, impact.impact(oldSide.definition, newSide.definition));
    }

    @Override
    public void close() {
        try {
            oldSide.close();
        } finally {
            newSide.close();
        }
    }

    /** One revision: its topology, codecs, and the record error it last raised in skip mode. */
    private static final class Side implements PipelineMetrics {
        private final PipelineDefinition definition;
        private final RecordCodec sinkKeys;
        private final RecordCodec sinkValues;
        private LocalTopology topology;
        private RevisionOutput.RecordFailure lastError;

        Side(PipelineDefinition definition) {
            this.definition = definition;
            this.sinkKeys = RecordCodec.of(definition.spec().sink().keyFormat());
            this.sinkValues = RecordCodec.of(definition.spec().sink().format());
            this.topology = new LocalTopology(definition, this);
        }

        RevisionOutput send(DiffInput input) {
            lastError = null;
            LocalTopology.Result result;
            try {
                result = topology.send(input.key(), input.value(), input.headers(), input.timestamp());
            } catch (PipelineFailedException e) {
                // errors.mode fail: the pipeline would stop here. The record is this revision's error; go on with a fresh topology.
                restart();
                RevisionOutput.RecordFailure failure = lastError != null
                        ? new RevisionOutput.RecordFailure(lastError.errorClass(), lastError.step(), e.getMessage())
                        : new RevisionOutput.RecordFailure("PipelineFailed", null, e.getMessage());
                return new RevisionOutput(List.of(), failure);
            } catch (RuntimeException e) {
                // Anything else that escapes the topology would stop the pipeline too: this record's error, never the comparison's end.
                restart();
                return new RevisionOutput(List.of(), new RevisionOutput.RecordFailure(e.getClass().getSimpleName(), null, e.getMessage()));
            }
            if (!result.deadLetters().isEmpty()) {
                var headers = result.deadLetters().get(0).headers();
                return new RevisionOutput(List.of(), new RevisionOutput.RecordFailure(headers.get(DeadLetterHeaders.CLASS),
                        headers.get(DeadLetterHeaders.STEP), headers.get(DeadLetterHeaders.MESSAGE)));
            }
            if (lastError != null && result.sink().isEmpty()) { // errors.mode skip
                return new RevisionOutput(List.of(), lastError);
            }
            List<RevisionOutput.SinkRecord> sink = new ArrayList<>();
            for (LocalTopology.Output output : result.sink()) {
                sink.add(new RevisionOutput.SinkRecord(decode(sinkKeys, output.key()), decode(sinkValues, output.value()), output.headers()));
            }
            return new RevisionOutput(sink, null);
        }

        private void restart() {
            try {
                topology.close();
            } catch (RuntimeException ignored) {
                // a driver that failed may not close cleanly; a fresh one replaces it either way
            }
            topology = new LocalTopology(definition, this);
        }

        private static Object decode(RecordCodec codec, byte[] bytes) {
            try {
                return codec.decode(bytes);
            } catch (RecordError e) {
                return new String(bytes, StandardCharsets.UTF_8);
            }
        }

        @Override
        public void recordError(String step, String errorClass) {
            lastError = new RevisionOutput.RecordFailure(errorClass, step, null);
        }

        void close() {
            topology.close();
        }
    }
}
