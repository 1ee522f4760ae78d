package io.datapipelines.runtime.topology;

import io.datapipelines.model.PipelineDefinition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

import java.util.ArrayList;
import java.util.List;

/**
 * A pipeline's one processor ({@link PipelineTopology}'s: its steps, codecs and error handling) run on one record at a
 * time without Kafka Streams, for comparing two revisions record by record (the shadow, {@code diff}). The topology
 * around that processor only moves bytes (a source and two sinks with byte-array serdes), so the outputs are those
 * of the topology; what is left out is TopologyTestDriver's per-record machinery (output capture, re-enqueueing,
 * a topic-name regular expression compiled per record), which took about a quarter of the shadow's time (JFR,
 * benchmarks/README.md). Not thread-safe; one per comparison side.
 */
public final class DirectPipeline implements AutoCloseable {
    /** One forwarded record: to the sink ({@link PipelineTopology#SINK}) or to the dead letters. */
    public record Output(boolean deadLetter, byte[] key, byte[] value, Headers headers) {
    }

    private final PipelineProcessor processor;
    private final MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();

    /** @throws RuntimeException when a step cannot load (as when a stream task starts) */
    public DirectPipeline(PipelineDefinition definition, PipelineMetrics metrics) {
        this.processor = new PipelineProcessor(definition, metrics, new RecordProgress());
        processor.init(context);
    }

    /**
     * Runs one record, as read from {@code topic}'s {@code partition} at {@code offset}.
     *
     * @throws PipelineFailedException when the record fails under {@code errors.mode: fail}
     */
    public List<Output> process(byte[] key, byte[] value, Headers headers, long timestamp, String topic, int partition, long offset) {
        context.resetForwards();
        context.setRecordMetadata(topic, partition, offset);
        processor.process(new Record<>(key, value, timestamp, headers));
        List<Output> outputs = new ArrayList<>();
        for (MockProcessorContext.CapturedForward<? extends byte[], ? extends byte[]> forward : context.forwarded()) {
            Record<? extends byte[], ? extends byte[]> record = forward.record();
            boolean deadLetter = forward.childName().map(PipelineTopology.DEAD_LETTERS::equals).orElse(false);
            outputs.add(new Output(deadLetter, record.key(), record.value(), record.headers()));
        }
        return outputs;
    }

    @Override
    public void close() {
        processor.close();
    }
}
