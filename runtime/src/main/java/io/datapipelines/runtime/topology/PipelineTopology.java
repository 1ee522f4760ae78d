package io.datapipelines.runtime.topology;

import io.datapipelines.model.ErrorMode;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.model.StartFrom;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.AutoOffsetReset;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;

/**
 * The Kafka Streams topology of a pipeline: source topics → the pipeline processor → the sink topic,
 * and the dead-letter topic when {@code errors.mode} is dead-letter. Keys and values cross the topology
 * as bytes and are decoded inside the processor, so an undeserializable record is a record error like
 * any other and reaches the dead-letter topic byte for byte. Under exactly-once the sink and dead-letter
 * writes share the task's transaction.
 */
public final class PipelineTopology {
    public static final String SOURCE = "source";
    public static final String PROCESSOR = "pipeline";
    public static final String SINK = "sink";
    public static final String DEAD_LETTERS = "dead-letters";

    private PipelineTopology() {
    }

    public static Topology build(PipelineDefinition definition, PipelineMetrics metrics) {
        return build(definition, metrics, new RecordProgress());
    }

    public static Topology build(PipelineDefinition definition, PipelineMetrics metrics, RecordProgress progress) {
        return build(definition, metrics, progress, PreloadedSteps.none(), new Topology());
    }

    /**
     * The topology, configured by the application's own Streams settings (as {@code new Topology()} would not be).
     *
     * @param progress  where the processors tell when each stream thread starts and finishes a record (for liveness)
     * @param preloaded the steps as loaded before Kafka Streams started, for the first stream task to take over
     */
    public static Topology build(PipelineDefinition definition, PipelineMetrics metrics, RecordProgress progress, PreloadedSteps preloaded,
                                 StreamsConfig config) {
        return build(definition, metrics, progress, preloaded, new Topology(new TopologyConfig(config)));
    }

    private static Topology build(PipelineDefinition definition, PipelineMetrics metrics, RecordProgress progress, PreloadedSteps preloaded,
                                  Topology topology) {
        AutoOffsetReset reset = definition.spec().source().startFrom() == StartFrom.LATEST
                ? AutoOffsetReset.latest() : AutoOffsetReset.earliest();
        topology.addSource(reset, SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                definition.spec().source().topics().toArray(String[]::new));
        topology.addProcessor(PROCESSOR, () -> new PipelineProcessor(definition, metrics, progress, preloaded), SOURCE);
        topology.addSink(SINK, definition.spec().sink().topic(), new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
        if (definition.spec().errors().mode() == ErrorMode.DEAD_LETTER) {
            topology.addSink(DEAD_LETTERS, definition.spec().errors().deadLetterTopic(),
                    new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
        }
        return topology;
    }
}
