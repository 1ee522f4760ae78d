package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import io.datapipelines.model.JsonLimits;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records that once stopped a pipeline for good (JSON nested past the reader's limit, an integer of 5,000
 * digits, bytes that are not UTF-8), between good records on every partition, under exactly-once and
 * {@code errors.mode: dead-letter}: the good records reach the sink exactly once, each hostile one the
 * dead-letter topic exactly once, byte for byte, and the pipeline keeps running (no stream thread dies).
 */
class HostileRecordsIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    private static final int RECORDS = 3_000;

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    @Test
    void hostileRecordsBetweenGoodOnesGoToTheDeadLettersAndThePipelineKeepsRunning() throws Exception {
        TOPICS.create(3, "hostile-in", "hostile-out", "hostile-dlq");
        Map<String, byte[]> hostile = new TreeMap<>();
        List<TopicClient.Input> inputs = new ArrayList<>();
        for (int n = 1; n <= RECORDS; n++) {
            inputs.add(NumberedRecords.input(n).toPartition(n % 3));
            if (n % 600 == 0) { // five times, on each partition, with good records before and after
                for (int partition = 0; partition < 3; partition++) {
                    for (Map.Entry<String, byte[]> poison : poison(n, partition).entrySet()) {
                        hostile.put(poison.getKey(), poison.getValue());
                        inputs.add(new TopicClient.Input(poison.getKey(), poison.getValue(), Map.of(), partition));
                    }
                }
            }
        }
        Map<String, Object> expectedSink = NumberedRecords.expectedSink(RECORDS);
        Map<String, String> expectedDead = new TreeMap<>(NumberedRecords.expectedDeadLetters(RECORDS));
        hostile.keySet().forEach(id -> expectedDead.put(id, "JSONDecodeError"));

        Path definition = Files.writeString(PROCESSES.workDir().resolve("hostile.yaml"), NumberedRecords.definition("hostile", "exactly-once"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        runtime.awaitReady(Duration.ofSeconds(120));
        TOPICS.produce("hostile-in", inputs);
        try (TopicReader reader = TOPICS.reader("hostile-out", "hostile-dlq")) {
            TOPICS.awaitCommittedToEnd("datapipelines-hostile-it", "hostile-in", Duration.ofSeconds(240), runtime);
            reader.readToEnd(Duration.ofSeconds(120));

            Delivery sink = Delivery.of("hostile-out", reader.records("hostile-out"));
            sink.assertExactlyOnce(expectedSink.keySet());
            sink.assertValues(expectedSink);
            Delivery dead = Delivery.of("hostile-dlq", reader.records("hostile-dlq"));
            dead.assertExactlyOnce(expectedDead.keySet());
            dead.assertErrorClasses(expectedDead);
            for (OutputRecord letter : reader.records("hostile-dlq")) {
                if (hostile.containsKey(letter.key())) {
                    assertThat(letter.headers()).containsEntry("datapipelines.error.step", "source.value");
                    assertThat(letter.headers().get("datapipelines.error.message")).as(letter.key()).isNotBlank();
                    if (letter.key().startsWith("deep-")) {
                        assertThat(letter.value()).isEqualTo(new String(hostile.get(letter.key()), StandardCharsets.UTF_8));
                        assertThat(letter.headers().get("datapipelines.error.message")).contains("nesting depth");
                    }
                }
            }
        }
        assertThat(runtime.isAlive()).as("still running").isTrue();
        assertThat(runtime.jvm().starts()).as("never restarted").isEqualTo(1);
        PrometheusScrape metrics = runtime.metrics();
        assertThat(metrics.sum("datapipelines_records_dead_lettered_total")).isEqualTo(expectedDead.size());
        assertThat(runtime.log()).doesNotContain("A stream thread failed").doesNotContain("made a record error");
    }

    /** Three hostile values for one place in the stream, keyed by what they are. */
    private static Map<String, byte[]> poison(int n, int partition) {
        String where = n + "-" + partition;
        int depth = JsonLimits.MAX_NESTING_DEPTH * 2 + 1;
        byte[] invalidUtf8 = "{\"id\":\"x\",\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0xC3; // a lead byte followed by a quote, not a continuation
        invalidUtf8[invalidUtf8.length - 3] = (byte) 0x22;
        return Map.of(
                "deep-" + where, ("{\"id\":\"deep\",\"v\":" + "[".repeat(depth) + "]".repeat(depth) + "}").getBytes(StandardCharsets.UTF_8),
                "digits-" + where, ("{\"id\":\"digits\",\"n\":" + "9".repeat(5_000) + "}").getBytes(StandardCharsets.UTF_8),
                "utf8-" + where, invalidUtf8);
    }
}
