package io.datapipelines.runtime.topology;

import io.datapipelines.model.JsonLimits;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.local.LocalTopology;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.datapipelines.runtime.TestDefinitions.pipeline;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records that once stopped a pipeline under {@code errors.mode: dead-letter} (the stream thread died on
 * them, was replaced, met them again): each is now its own dead letter, and the next record flows.
 */
class HostileRecordsTest {
    private static final PipelineDefinition UPPERCASE_NAME = pipeline("""
              steps:
                - kind: Field
                  fields:
                    name: {transform: {key: uppercase}}
            """);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static LocalTopology.Output deadLetterOf(LocalTopology topology, byte[] value) {
        LocalTopology.Result result = topology.send(bytes("k"), value, Map.of(), 1L);
        assertThat(result.sink()).isEmpty();
        assertThat(result.deadLetters()).hasSize(1);
        LocalTopology.Output dead = result.deadLetters().get(0);
        assertThat(dead.value()).isEqualTo(value);
        return dead;
    }

    private static void nextRecordStillFlows(LocalTopology topology) {
        LocalTopology.Result next = topology.send(bytes("k"), bytes("{\"name\":\"ada\"}"), Map.of(), 2L);
        assertThat(next.sink()).singleElement().satisfies(o -> assertThat(new String(o.value(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"ADA\"}"));
    }

    @Test
    void jsonNestedPastTheLimitIsAJsonDecodeErrorDeadLetter() {
        PipelineCounters counters = new PipelineCounters();
        try (LocalTopology topology = new LocalTopology(UPPERCASE_NAME, counters)) {
            for (String open : new String[] {"[", "{\"a\":"}) {
                String close = open.equals("[") ? "]" : "}";
                byte[] deep = bytes(open.repeat(1001) + "1" + close.repeat(1001));
                LocalTopology.Output dead = deadLetterOf(topology, deep);
                assertThat(dead.headers())
                        .containsEntry(DeadLetterHeaders.STEP, "source.value")
                        .containsEntry(DeadLetterHeaders.CLASS, "JSONDecodeError");
                assertThat(dead.headers().get(DeadLetterHeaders.MESSAGE))
                        .contains("nesting depth").contains("(" + JsonLimits.MAX_NESTING_DEPTH + ")").doesNotContain("StreamReadConstraints");
                nextRecordStillFlows(topology);
            }
        }
        assertThat(counters.deadLetteredCount()).isEqualTo(2);
    }

    @Test
    void anIntegerWithMoreDigitsThanTheLimitIsAJsonDecodeErrorDeadLetter() {
        try (LocalTopology topology = new LocalTopology(UPPERCASE_NAME, PipelineMetrics.NONE)) {
            LocalTopology.Output dead = deadLetterOf(topology, bytes("{\"name\":\"x\",\"n\":" + "9".repeat(5000) + "}"));
            assertThat(dead.headers()).containsEntry(DeadLetterHeaders.CLASS, "JSONDecodeError");
            assertThat(dead.headers().get(DeadLetterHeaders.MESSAGE)).contains("Number value length").contains("(" + JsonLimits.MAX_NUMBER_LENGTH + ")");
            nextRecordStillFlows(topology);
        }
    }

    @Test
    void anIntegerOfExactlyTheLimitsDigitsIsRead() {
        try (LocalTopology topology = new LocalTopology(UPPERCASE_NAME, PipelineMetrics.NONE)) {
            String big = "7".repeat(JsonLimits.MAX_NUMBER_LENGTH);
            LocalTopology.Result result = topology.send(null, bytes("{\"name\":\"x\",\"n\":" + big + "}"), Map.of(), 1L);
            assertThat(result.deadLetters()).isEmpty();
            assertThat(new String(result.sink().get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"X\",\"n\":" + big + "}");
        }
    }

    @Test
    void aJsonKeyNestedPastTheLimitIsTheKeysError() {
        String text = "apiVersion: datapipelines/v1\nkind: DataPipeline\nmetadata: {name: p}\nspec:\n"
                + "  source: {topic: in, keyFormat: json}\n  sink: {topic: out, keyFormat: json}\n";
        try (LocalTopology topology = new LocalTopology(io.datapipelines.runtime.TestDefinitions.parse(text), PipelineMetrics.NONE)) {
            LocalTopology.Result result = topology.send(bytes("[".repeat(5000)), bytes("{}"), Map.of(), 1L);
            assertThat(result.sink()).isEmpty();
            assertThat(result.deadLetters()).singleElement().satisfies(d -> assertThat(d.headers())
                    .containsEntry(DeadLetterHeaders.STEP, "source.key")
                    .containsEntry(DeadLetterHeaders.CLASS, "JSONDecodeError"));
        }
    }

    @Test
    void aValueAStepNestsTooDeeplyToWriteIsThatRecordsError() {
        PipelineDefinition nesting = pipeline("""
                  steps:
                    - kind: Record
                      transform:
                        key: user-defined-record-transformation
                        config:
                          code: |
                            def transform(record):
                                v = 1
                                for i in range(100000):
                                    v = [v]
                                record["value"] = v
                                return record
                """);
        try (LocalTopology topology = new LocalTopology(nesting, PipelineMetrics.NONE)) {
            LocalTopology.Output dead = deadLetterOf(topology, bytes("{\"name\":\"ada\"}"));
            assertThat(dead.headers().get(DeadLetterHeaders.CLASS)).isNotBlank();
            assertThat(dead.headers().get(DeadLetterHeaders.STEP)).isNotBlank();
            assertThat(dead.headers().get(DeadLetterHeaders.MESSAGE)).isNotNull();
        }
    }
}
