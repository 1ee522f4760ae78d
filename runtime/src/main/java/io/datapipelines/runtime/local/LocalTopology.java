package io.datapipelines.runtime.local;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.step.StepStartupException;
import io.datapipelines.runtime.topology.PipelineFailedException;
import io.datapipelines.runtime.topology.PipelineMetrics;
import io.datapipelines.runtime.topology.PipelineTopology;
import io.datapipelines.runtime.topology.RecordProgress;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A pipeline's real topology driven in-process by Kafka Streams' {@link TopologyTestDriver}: the same
 * processor, codecs and dead-letter handling the container runs, without a broker. Used by
 * {@code datapipelines test} and {@code preview}. Each instance has fresh state (and fresh Python
 * module state): one per test case.
 */
public final class LocalTopology implements AutoCloseable {

    /** A record as written to the sink or dead-letter topic. */
    public record Output(byte[] key, byte[] value, Map<String, String> headers, long timestamp) {
    }

    /** What one input record gave. */
    public record Result(List<Output> sink, List<Output> deadLetters) {
    }

    private final PipelineDefinition definition;
    private final TopologyTestDriver driver;
    private final Path stateDir;
    private final TestInputTopic<byte[], byte[]> input;
    private final TestOutputTopic<byte[], byte[]> sink;
    private final TestOutputTopic<byte[], byte[]> deadLetters;

    public LocalTopology(PipelineDefinition definition, PipelineMetrics metrics) {
        this(definition, metrics, new RecordProgress());
    }

    /** @param progress where the processor tells when it starts and finishes each record */
    public LocalTopology(PipelineDefinition definition, PipelineMetrics metrics, RecordProgress progress) {
        this.definition = definition;
        try {
            this.stateDir = Files.createTempDirectory("datapipelines-local-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary state directory", e);
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, definition.name() + "-local");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "local:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, definition.spec().processing().guarantee().kafkaStreamsName());
        try {
            this.driver = new TopologyTestDriver(PipelineTopology.build(definition, metrics, progress), props);
        } catch (RuntimeException e) {
            deleteQuietly(stateDir);
            // Kafka Streams wraps what the processor's init throws: a step that cannot load is told as itself
            throw StepStartupException.in(e).map(RuntimeException.class::cast).orElse(e);
        }
        ByteArraySerializer serializer = new ByteArraySerializer();
        ByteArrayDeserializer deserializer = new ByteArrayDeserializer();
        this.input = driver.createInputTopic(definition.spec().source().topics().get(0), serializer, serializer);
        this.sink = driver.createOutputTopic(definition.spec().sink().topic(), deserializer, deserializer);
        this.deadLetters = driver.createOutputTopic(definition.spec().errors().deadLetterTopic(), deserializer, deserializer);
    }

    /**
     * Sends one record through the topology.
     *
     * @param timestamp null for the driver's clock
     * @throws PipelineFailedException when a record error stops the pipeline ({@code errors.mode: fail})
     */
    public Result send(byte[] key, byte[] value, Map<String, String> headers, Long timestamp) {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        if (headers != null) {
            headers.forEach((k, v) -> kafkaHeaders.add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
        }
        TestRecord<byte[], byte[]> record = timestamp == null
                ? new TestRecord<>(key, value, kafkaHeaders)
                : new TestRecord<>(key, value, kafkaHeaders, Instant.ofEpochMilli(timestamp));
        try {
            input.pipeInput(record);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PipelineFailedException failed) {
                    throw failed;
                }
            }
            throw e;
        }
        return new Result(drain(sink), drain(deadLetters));
    }

    private static List<Output> drain(TestOutputTopic<byte[], byte[]> topic) {
        List<Output> outputs = new ArrayList<>();
        while (!topic.isEmpty()) {
            TestRecord<byte[], byte[]> r = topic.readRecord();
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header h : r.headers()) {
                headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
            }
            outputs.add(new Output(r.key(), r.value(), headers, r.timestamp()));
        }
        return outputs;
    }

    public PipelineDefinition definition() {
        return definition;
    }

    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            deleteQuietly(stateDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }
}
