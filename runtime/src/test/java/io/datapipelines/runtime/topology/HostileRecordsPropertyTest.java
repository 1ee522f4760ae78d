package io.datapipelines.runtime.topology;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.local.LocalTopology;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.datapipelines.runtime.TestDefinitions.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and adversarial keys and values through the real processor (Kafka Streams' TopologyTestDriver), in
 * JSON for keys and values: whatever the bytes, each record gives either its sink records or exactly one
 * dead letter that names the step and the error class, carries the input byte for byte, and nothing is
 * thrown out of the topology (which, in a running pipeline, would kill the stream thread).
 *
 * <p>The number of tries is bounded so that CI stays fast; each run draws new cases (jqwik prints the seed
 * of a failure, to replay it).
 */
class HostileRecordsPropertyTest {
    private static final PipelineDefinition PIPELINE = parse("""
            apiVersion: datapipelines/v1
            kind: DataPipeline
            metadata: {name: p}
            spec:
              source: {topic: in, keyFormat: json}
              sink: {topic: out, keyFormat: json}
              steps:
                - kind: Field
                  fields:
                    name: {transform: {key: uppercase}}
                    n: {transform: {key: cast-data-type, config: {toDataType: string}}}
            """);

    private static LocalTopology topology;
    private static PipelineCounters counters;

    @BeforeContainer
    static void start() {
        counters = new PipelineCounters();
        topology = new LocalTopology(PIPELINE, counters);
    }

    @AfterContainer
    static void stop() {
        topology.close();
    }

    @Property(tries = 400)
    void everyRecordGivesItsOutputsOrOneDeadLetter(@ForAll("hostile") byte[] key, @ForAll("hostile") byte[] value) {
        long deadBefore = counters.deadLetteredCount();
        LocalTopology.Result result = topology.send(key, value, Map.of("h", "v"), 1L);
        if (result.deadLetters().isEmpty()) {
            assertThat(counters.deadLetteredCount()).isEqualTo(deadBefore);
            return;
        }
        assertThat(result.sink()).isEmpty();
        assertThat(result.deadLetters()).hasSize(1);
        LocalTopology.Output dead = result.deadLetters().get(0);
        assertThat(dead.key()).isEqualTo(key);
        assertThat(dead.value()).isEqualTo(value);
        assertThat(dead.headers().get(DeadLetterHeaders.CLASS)).isNotBlank();
        assertThat(dead.headers().get(DeadLetterHeaders.STEP)).matches("source\\.key|source\\.value|steps.*|sink\\..*");
        assertThat(dead.headers().get(DeadLetterHeaders.MESSAGE)).isNotBlank().doesNotContain("\n");
        assertThat(dead.headers()).containsEntry("h", "v");
        assertThat(counters.deadLetteredCount()).isEqualTo(deadBefore + 1);
    }

    @Provide
    Arbitrary<byte[]> hostile() {
        return adversarial().injectNull(0.05);
    }

    /** JSON shaped to hit the reader's limits and the codec's corners, often wrapped in a record with a name. */
    private static Arbitrary<byte[]> adversarial() {
        Arbitrary<String> deep = Combinators.combine(Arbitraries.integers().between(1, 3000), Arbitraries.of("[", "{\"a\":"), Arbitraries.of(true, false))
                .as((depth, open, closed) -> open.repeat(depth) + "1" + (closed ? (open.equals("[") ? "]" : "}").repeat(depth) : ""));
        Arbitrary<String> bigNumber = Combinators.combine(Arbitraries.integers().between(1, 6000), Arbitraries.of("", "-", "0.", "1e", "1.5e-"))
                .as((digits, prefix) -> prefix + "9".repeat(digits));
        Arbitrary<String> special = Arbitraries.of("NaN", "-Infinity", "Infinity", "\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"",
                "1e99999", "-0", "00", "01", "1.", ".5", "+1", "true", "nul", "\"", "{\"k\":1,\"k\":2}", "[1,]", "{,}", "\"\\x\"");
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(30).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
        Arbitrary<String> scalar = Arbitraries.oneOf(deep, bigNumber, special, text);
        Arbitrary<String> json = Arbitraries.oneOf(scalar,
                Combinators.combine(scalar, scalar).as((name, n) -> "{\"name\":" + name + ",\"n\":" + n + "}"));
        Arbitrary<byte[]> utf8 = json.map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> invalidUtf8 = Combinators.combine(json, Arbitraries.of(
                        new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {0}),
                        Arbitraries.integers().between(0, 100))
                .as((s, bad, at) -> splice(s, bad, at));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Arbitraries.frequencyOf(
                Tuple.of(4, utf8),
                Tuple.of(2, invalidUtf8),
                Tuple.of(1, random),
                Tuple.of(1, Arbitraries.just(new byte[0])));
    }

    /** The JSON text with bad bytes inserted inside a string value (as in {"name":"..."}) or anywhere. */
    private static byte[] splice(String json, byte[] bad, int at) {
        String inString = "{\"name\":\"a" + json.replace("\"", "") + "\"}";
        byte[] text = inString.getBytes(StandardCharsets.UTF_8);
        int position = Math.min(10 + at, text.length - 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, position);
        out.writeBytes(bad);
        out.write(text, position, text.length - position);
        return out.toByteArray();
    }
}
