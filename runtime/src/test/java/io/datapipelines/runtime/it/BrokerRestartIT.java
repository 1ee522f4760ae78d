package io.datapipelines.runtime.it;

import io.datapipelines.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker restarts mid-stream (a controlled shutdown, then a start on the same port and log
 * directory, as in a rolling upgrade of a one-node cluster): the runtime rides it out without
 * restarting, and the sink ends complete and exactly once.
 */
class BrokerRestartIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    /** Forked, so that the test can stop it and start it again on the same ports and log directory. */
    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<KafkaBrokerProcess> KAFKA = KafkaBrokerExtension.of(() -> KafkaBrokerProcess.format(PROCESSES).start());

    static final int RECORDS = 30_000;

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    @Test
    void runtimeSurvivesABrokerRestartAndTheSinkEndsExactlyOnce() throws Exception {
        TOPICS.create(3, "restart-in", "restart-out", "restart-dlq");
        TOPICS.produce("restart-in", NumberedRecords.inputs(RECORDS));
        Map<String, Object> expectedSink = NumberedRecords.expectedSink(RECORDS);
        Map<String, String> expectedDead = NumberedRecords.expectedDeadLetters(RECORDS);

        Path definition = Files.writeString(PROCESSES.workDir().resolve("restart.yaml"), NumberedRecords.definition("restart", "exactly-once"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        try (TopicReader reader = TOPICS.reader("restart-out", "restart-dlq")) {
            reader.pollUntil("5000 sink records", Duration.ofSeconds(180), runtime, r -> r.count("restart-out") >= 5_000);
            KAFKA.broker().stop();
            assertThat(reader.count("restart-out")).as("broker stopped mid-stream").isLessThan(expectedSink.size());
            await("the runtime lost its connections to the broker").atMost(Duration.ofSeconds(60)).until(() -> {
                PrometheusScrape metrics = runtime.metrics();
                return metrics.sum("kafka_consumer_connection_count") == 0 && metrics.sum("kafka_producer_connection_count") == 0;
            });
            KAFKA.broker().start();

            TOPICS.awaitCommittedToEnd("datapipelines-restart-it", "restart-in", Duration.ofSeconds(240), runtime);
            reader.readToEnd(Duration.ofSeconds(120));

            Delivery sink = Delivery.of("restart-out", reader.records("restart-out"));
            sink.assertExactlyOnce(expectedSink.keySet());
            sink.assertValues(expectedSink);
            Delivery dead = Delivery.of("restart-dlq", reader.records("restart-dlq"));
            dead.assertExactlyOnce(expectedDead.keySet());
            dead.assertErrorClasses(expectedDead);
        }
        assertThat(runtime.isAlive()).as("the runtime rode out the broker restart").isTrue();
        assertThat(runtime.jvm().starts()).isEqualTo(1);
        assertThat(runtime.http().status("/readyz")).isEqualTo(200);
    }
}
