package io.datapipelines.runtime.diff;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.codec.RecordCodec;
import io.datapipelines.runtime.step.RecordError;
import io.datapipelines.runtime.topology.DeadLetterHeaders;
import io.datapipelines.runtime.topology.DirectPipeline;
import io.datapipelines.runtime.topology.PipelineFailedException;
import io.datapipelines.runtime.topology.PipelineMetrics;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs an old and a new revision of a pipeline side by side through their pipelines' real processor
 * ({@link DirectPipeline}: the steps, codecs and error handling of the topology) on the same input records, and compares what each gives, record by record.
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
    /** Whether both revisions' sinks decode the same bytes the same way (then equal bytes are equal records). */
    private final boolean sameCodecs;
    private final long startedAt = System.currentTimeMillis();
    private long sent;

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
        this.sameCodecs = oldDefinition.spec().sink().keyFormat().equals(newDefinition.spec().sink().keyFormat())
                && oldDefinition.spec().sink().format().equals(newDefinition.spec().sink().format());
    }

    /** Sends one record through both revisions and records how they differ. */
    public RecordDiff compare(DiffInput input) {
        // Both revisions see the same record: the same partition (0) and offset (one per record, as a TopologyTestDriver
        // would give; each revision its own first source topic) and, when the input has none, the same timestamp.
        long timestamp = input.timestamp() != null ? input.timestamp() : startedAt;
        long offset = sent++;
        Side.Ran before = oldSide.run(input, timestamp, offset);
        Side.Ran after = newSide.run(input, timestamp, offset);
        RecordDiff diff;
        if (sameCodecs && before.sameOutputs(after)) {
            // byte for byte the same sink records (the common case of a revision that changes nothing for this record):
            // decoded once, nothing to diff; the one RevisionOutput for both tells ConsumerImpact so
            RevisionOutput output = oldSide.decoded(before);
            diff = new RecordDiff(input.id(), Outcome.UNCHANGED, List.of(), output, output);
        } else {
            diff = RecordDiff.of(input.id(), oldSide.decoded(before), newSide.decoded(after));
        }
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

    /** One revision: its pipeline, codecs, and the record error it last raised in skip mode. */
    private static final class Side implements PipelineMetrics {
        /**
         * What one record gave: the forwarded records, or the failure that stopped it (errors.mode fail, or anything else
         * escaping); {@code error} is the step error it raised, if any (under errors.mode skip, the record's only trace).
         */
        record Ran(List<DirectPipeline.Output> outputs, RevisionOutput.RecordFailure failure, RevisionOutput.RecordFailure error) {
            /** The same sink records, byte for byte (keys, values, headers), and no error, dead letter or failure on either side. */
            boolean sameOutputs(Ran other) {
                if (failure != null || other.failure != null || error != null || other.error != null || outputs.size() != other.outputs.size()) {
                    return false;
                }
                for (int i = 0; i < outputs.size(); i++) {
                    DirectPipeline.Output a = outputs.get(i);
                    DirectPipeline.Output b = other.outputs.get(i);
                    // headers as Kafka holds them (in order, repeats kept): stricter than the string maps compared later
                    if (a.deadLetter() || b.deadLetter() || !Arrays.equals(a.key(), b.key()) || !Arrays.equals(a.value(), b.value())
                            || !a.headers().equals(b.headers())) {
                        return false;
                    }
                }
                return true;
            }
        }

        private final PipelineDefinition definition;
        private final RecordCodec sinkKeys;
        private final RecordCodec sinkValues;
        private final String topic;
        private DirectPipeline pipeline;
        private RevisionOutput.RecordFailure lastError;

        Side(PipelineDefinition definition) {
            this.definition = definition;
            this.sinkKeys = RecordCodec.of(definition.spec().sink().keyFormat());
            this.sinkValues = RecordCodec.of(definition.spec().sink().format());
            this.topic = definition.spec().source().topics().get(0);
            this.pipeline = new DirectPipeline(definition, this);
        }

        Ran run(DiffInput input, long timestamp, long offset) {
            lastError = null;
            RecordHeaders headers = new RecordHeaders();
            input.headers().forEach((k, v) -> headers.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
            try {
                List<DirectPipeline.Output> outputs = pipeline.process(input.key(), input.value(), headers, timestamp, topic, 0, offset);
                return new Ran(outputs, null, lastError);
            } catch (PipelineFailedException e) {
                // errors.mode fail: the pipeline would stop here. The record is this revision's error; go on with a fresh pipeline.
                restart();
                return new Ran(List.of(), lastError != null
                        ? new RevisionOutput.RecordFailure(lastError.errorClass(), lastError.step(), e.getMessage())
                        : new RevisionOutput.RecordFailure("PipelineFailed", null, e.getMessage()), lastError);
            } catch (RuntimeException e) {
                // Anything else that escapes would stop the pipeline too: this record's error, never the comparison's end.
                restart();
                return new Ran(List.of(), new RevisionOutput.RecordFailure(e.getClass().getSimpleName(), null, e.getMessage()), lastError);
            }
        }

        /** The record's outcome with its sink records decoded, as {@link RecordDiff} compares them. */
        RevisionOutput decoded(Ran ran) {
            if (ran.failure() != null) {
                return new RevisionOutput(List.of(), ran.failure());
            }
            List<RevisionOutput.SinkRecord> sink = new ArrayList<>();
            for (DirectPipeline.Output output : ran.outputs()) {
                if (output.deadLetter()) {
                    Map<String, String> h = headers(output.headers());
                    return new RevisionOutput(List.of(), new RevisionOutput.RecordFailure(h.get(DeadLetterHeaders.CLASS),
                            h.get(DeadLetterHeaders.STEP), h.get(DeadLetterHeaders.MESSAGE)));
                }
                sink.add(new RevisionOutput.SinkRecord(decode(sinkKeys, output.key()), decode(sinkValues, output.value()), headers(output.headers())));
            }
            if (ran.error() != null && sink.isEmpty()) { // errors.mode skip
                return new RevisionOutput(List.of(), ran.error());
            }
            return new RevisionOutput(sink, null);
        }

        private void restart() {
            try {
                pipeline.close();
            } catch (RuntimeException ignored) {
                // a pipeline that failed may not close cleanly; a fresh one replaces it either way
            }
            pipeline = new DirectPipeline(definition, this);
        }

        /** Kafka headers as strings; for a repeated header the last value wins (as steps see them). */
        private static Map<String, String> headers(Headers headers) {
            Map<String, String> map = new LinkedHashMap<>();
            for (Header h : headers) {
                map.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            return map;
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
            pipeline.close();
        }
    }
}
