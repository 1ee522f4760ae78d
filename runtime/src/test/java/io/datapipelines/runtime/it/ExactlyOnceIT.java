package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly-once under crashes: the runtime process is SIGKILLed four times while it works through
 * 50,000 records on a 3-partition topic, and restarted each time with the same state directory (as
 * Kubernetes restarts a container in its pod). Afterwards a read_committed consumer finds every
 * expected output exactly once, and exactly the poison records in the dead-letter topic.
 *
 * <p>Group membership is dynamic here (no {@code group.instance.id}): the runtime's default, and the
 * harder case, since the killed member stays in the group until its session times out and the new
 * one must fence it. {@link AtLeastOnceIT} covers static membership.
 */
class ExactlyOnceIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    static final int RECORDS = 50_000;
    /** Kill points, in committed sink records seen. */
    static final int[] KILL_AFTER = {6_000, 15_000, 24_000, 33_000};

    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    @Test
    void everyOutputExactlyOnceAfterRepeatedSigkills() throws Exception {
        TOPICS.create(3, "eos-in", "eos-out", "eos-dlq");
        TOPICS.produce("eos-in", NumberedRecords.inputs(RECORDS));
        Map<String, Object> expectedSink = NumberedRecords.expectedSink(RECORDS);
        Map<String, String> expectedDead = NumberedRecords.expectedDeadLetters(RECORDS);
        assertThat(expectedDead).hasSize(150);

        Path definition = Files.writeString(PROCESSES.workDir().resolve("eos.yaml"), NumberedRecords.definition("eos", "exactly-once"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        try (TopicReader reader = TOPICS.reader("eos-out", "eos-dlq")) {
            RepeatedKills.killAtEach(KILL_AFTER, reader, "eos-out", expectedSink.size(), runtime);
            TOPICS.awaitCommittedToEnd("datapipelines-eos-it", "eos-in", Duration.ofSeconds(240), runtime);
            reader.readToEnd(Duration.ofSeconds(120));

            Delivery sink = Delivery.of("eos-out", reader.records("eos-out"));
            sink.assertExactlyOnce(expectedSink.keySet());
            sink.assertValues(expectedSink);
            Delivery dead = Delivery.of("eos-dlq", reader.records("eos-dlq"));
            dead.assertExactlyOnce(expectedDead.keySet());
            dead.assertErrorClasses(expectedDead);
        }
        assertThat(runtime.jvm().starts()).isEqualTo(KILL_AFTER.length + 1);
        assertThat(runtime.isAlive()).isTrue();
    }
}
