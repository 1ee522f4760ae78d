package io.datapipelines.runtime.topology;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.local.LocalTopology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.datapipelines.runtime.TestDefinitions.pipeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real topology through Kafka Streams' TopologyTestDriver: sink, dead letters, error modes, formats. */
class PipelineTopologyTest {
    private static final String UPPERCASE_NAME = """
              steps:
                - kind: Field
                  fields:
                    name: {transform: {key: uppercase}}
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void transformsRecordsAndKeepsKeyHeadersAndTimestamp() throws Exception {
        try (LocalTopology topology = new LocalTopology(pipeline(UPPERCASE_NAME), PipelineMetrics.NONE)) {
            LocalTopology.Result result = topology.send(bytes("k1"), bytes("{\"name\":\"ada\",\"n\":1}"), Map.of("trace", "t-1"), 1234L);
            assertThat(result.deadLetters()).isEmpty();
            assertThat(result.sink()).hasSize(1);
            LocalTopology.Output out = result.sink().get(0);
            assertThat(text(out.key())).isEqualTo("k1");
            assertThat(JsonCodec.fromJson(text(out.value()))).isEqualTo(Map.of("name", "ADA", "n", 1L));
            assertThat(out.headers()).containsEntry("trace", "t-1");
            assertThat(out.timestamp()).isEqualTo(1234L);
        }
    }

    @Test
    void undeserializableValueGoesToDeadLettersByteForByteWithErrorHeaders() {
        PipelineCounters counters = new PipelineCounters();
        try (LocalTopology topology = new LocalTopology(pipeline(UPPERCASE_NAME), counters)) {
            LocalTopology.Result result = topology.send(bytes("k1"), bytes("{not json"), Map.of("trace", "t-1"), 5L);
            assertThat(result.sink()).isEmpty();
            assertThat(result.deadLetters()).hasSize(1);
            LocalTopology.Output dead = result.deadLetters().get(0);
            assertThat(text(dead.value())).isEqualTo("{not json");
            assertThat(text(dead.key())).isEqualTo("k1");
            assertThat(dead.headers())
                    .containsEntry("trace", "t-1")
                    .containsEntry(DeadLetterHeaders.STEP, "source.value")
                    .containsEntry(DeadLetterHeaders.CLASS, "JSONDecodeError")
                    .containsEntry(DeadLetterHeaders.SOURCE_TOPIC, "in")
                    .containsEntry(DeadLetterHeaders.SOURCE_PARTITION, "0")
                    .containsEntry(DeadLetterHeaders.SOURCE_OFFSET, "0");
            assertThat(dead.headers().get(DeadLetterHeaders.MESSAGE)).contains("not valid JSON");
        }
        assertThat(counters.deadLetteredCount()).isEqualTo(1);
        assertThat(counters.errorCount()).isEqualTo(1);
        assertThat(counters.inCount()).isEqualTo(1);
    }

    @Test
    void stepErrorNamesTheStepAndFieldAndTheNextRecordStillFlows() {
        try (LocalTopology topology = new LocalTopology(pipeline(UPPERCASE_NAME), PipelineMetrics.NONE)) {
            LocalTopology.Result bad = topology.send(null, bytes("{\"name\":42}"), Map.of(), null);
            assertThat(bad.sink()).isEmpty();
            assertThat(bad.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.headers()).containsEntry(DeadLetterHeaders.STEP, "steps[0].fields[name]");
                assertThat(d.headers()).containsEntry(DeadLetterHeaders.CLASS, "AttributeError");
                assertThat(text(d.value())).isEqualTo("{\"name\":42}");
            });
            assertThat(topology.send(null, bytes("{\"name\":\"x\"}"), Map.of(), null).sink()).hasSize(1);
        }
    }

    @Test
    void skipModeDropsAndCountsWithoutDeadLetters() {
        PipelineCounters counters = new PipelineCounters();
        PipelineDefinition definition = pipeline(UPPERCASE_NAME + "  errors: {mode: skip}\n");
        try (LocalTopology topology = new LocalTopology(definition, counters)) {
            LocalTopology.Result result = topology.send(null, bytes("[1,2]"), Map.of(), null);
            assertThat(result.sink()).isEmpty();
            assertThat(result.deadLetters()).isEmpty();
            assertThat(topology.send(null, bytes("{\"name\":\"x\"}"), Map.of(), null).sink()).hasSize(1);
        }
        assertThat(counters.skippedCount()).isEqualTo(1);
        assertThat(counters.outCount()).isEqualTo(1);
    }

    @Test
    void failModeStopsThePipelineNamingTheRecordAndStep() {
        PipelineDefinition definition = pipeline(UPPERCASE_NAME + "  errors: {mode: fail}\n");
        try (LocalTopology topology = new LocalTopology(definition, PipelineMetrics.NONE)) {
            assertThatThrownBy(() -> topology.send(null, bytes("{\"name\":null}"), Map.of(), null))
                    .isInstanceOfSatisfying(PipelineFailedException.class, e -> {
                        assertThat(e.step()).isEqualTo("steps[0].fields[name]");
                        assertThat(e.getMessage()).contains("in-0@0").contains("errors.mode is fail");
                    });
        }
    }

    @Test
    void stringFormatsPassTextThroughAndRejectObjectsAtTheSink() {
        PipelineDefinition text = io.datapipelines.runtime.TestDefinitions.parse("""
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata: {name: p}
                spec:
                  source: {topic: in, format: string}
                  sink: {topic: out, format: string}
                """);
        try (LocalTopology topology = new LocalTopology(text, PipelineMetrics.NONE)) {
            assertThat(text(topology.send(null, bytes("plain text é"), Map.of(), null).sink().get(0).value())).isEqualTo("plain text é");
            LocalTopology.Result invalidUtf8 = topology.send(null, new byte[] {(byte) 0xff, (byte) 0xfe}, Map.of(), null);
            assertThat(invalidUtf8.deadLetters()).singleElement()
                    .satisfies(d -> assertThat(d.headers()).containsEntry(DeadLetterHeaders.CLASS, "UnicodeDecodeError"));
        }
        PipelineDefinition jsonToString = io.datapipelines.runtime.TestDefinitions.parse("""
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata: {name: p}
                spec:
                  source: {topic: in}
                  sink: {topic: out, format: string}
                """);
        try (LocalTopology topology = new LocalTopology(jsonToString, PipelineMetrics.NONE)) {
            LocalTopology.Result result = topology.send(null, bytes("{\"a\":1}"), Map.of(), null);
            assertThat(result.sink()).isEmpty(); // never both sink and dead letter
            assertThat(result.deadLetters()).singleElement().satisfies(d -> {
                assertThat(d.headers()).containsEntry(DeadLetterHeaders.STEP, "sink.value");
                assertThat(d.headers()).containsEntry(DeadLetterHeaders.CLASS, "TypeError");
            });
        }
    }

    @Test
    void tombstonesPassThroughAStepFreePipeline() {
        try (LocalTopology topology = new LocalTopology(pipeline(""), PipelineMetrics.NONE)) {
            LocalTopology.Output out = topology.send(bytes("k"), null, Map.of(), null).sink().get(0);
            assertThat(out.value()).isNull();
            assertThat(text(out.key())).isEqualTo("k");
        }
    }
}
