package io.datapipelines.runtime.topology;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.driver.FuzzedDataProviderImpl;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.local.LocalTopology;
import io.datapipelines.runtime.topology.HostileSeeds.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import static io.datapipelines.runtime.TestDefinitions.parse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and adversarial keys and values ({@link HostileBytes}) through the real processor (Kafka Streams'
 * TopologyTestDriver), in JSON for keys and values: whatever the bytes, each record gives either its sink records
 * or exactly one dead letter that names the step and the error class, carries the input byte for byte, and nothing
 * is thrown out of the topology (which, in a running pipeline, would kill the stream thread).
 *
 * <p>A Jazzer fuzz test, run in every build in JVMs of its own (runtime/pom.xml, profile {@code fuzz}): in regression
 * mode on the seed corpus of {@link HostileSeeds} and any finding committed next to it
 * (src/test/resources/.../HostileRecordsFuzzTestInputs), then with {@code JAZZER_FUZZ=1}, where Jazzer explores from
 * them, guided by coverage, for {@code maxDuration} (override with {@code -Djazzer.max_duration=10m}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileRecordsFuzzTest {
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

    @BeforeAll
    static void start() {
        counters = new PipelineCounters();
        topology = new LocalTopology(PIPELINE, counters);
    }

    @AfterAll
    static void stop() {
        topology.close();
    }

    @Order(1)
    @FuzzTest(maxDuration = "25s")
    void everyRecordGivesItsOutputsOrOneDeadLetter(FuzzedDataProvider data) {
        byte[] key = HostileBytes.next(data);
        byte[] value = HostileBytes.next(data);
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

    /**
     * The committed seed corpus is {@link HostileSeeds}, and each seed, read by Jazzer's own FuzzedDataProvider,
     * still makes {@link HostileBytes} give the key and value it is named for: a change to the generator cannot
     * silently turn the nasty cases into noise. It runs after the fuzz test, which installs the Jazzer agent that
     * FuzzedDataProviderImpl needs (run it alone and it fails with NoClassDefFoundError).
     */
    @Test
    @Order(2)
    void eachCommittedSeedGivesItsKeyAndValue() throws IOException {
        List<Seed> seeds = HostileSeeds.all();
        assertThat(seeds).hasSizeGreaterThan(10);
        for (Seed seed : seeds) {
            byte[] committed;
            try (InputStream in = HostileRecordsFuzzTest.class.getResourceAsStream(HostileSeeds.INPUTS + "/" + seed.name())) {
                assertThat(in).as("seed file %s (rewrite the corpus with HostileSeeds.main)", seed.name()).isNotNull();
                committed = in.readAllBytes();
            }
            assertThat(committed).as("seed %s as committed", seed.name()).isEqualTo(seed.input());
            try (FuzzedDataProviderImpl data = FuzzedDataProviderImpl.withJavaData(committed)) {
                assertThat(HostileBytes.next(data)).as("key of seed %s", seed.name()).isEqualTo(seed.key());
                assertThat(HostileBytes.next(data)).as("value of seed %s", seed.name()).isEqualTo(seed.value());
                assertThat(data.remainingBytes()).as("bytes left in seed %s", seed.name()).isZero();
            }
        }
    }
}
