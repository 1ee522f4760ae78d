package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM, as Kubernetes stops a pod: the runtime stops within its shutdown timeout (well inside the
 * pod's 30 s grace period), exits 0, commits what it processed and leaves the consumer group.
 */
class GracefulShutdownIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    /** A pod's default terminationGracePeriodSeconds; the runtime is given 20 s of it. */
    static final Duration GRACE_PERIOD = Duration.ofSeconds(30);
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(20);

    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    /**
     * At-least-once with commits held back for an hour: the only commit that can happen is the one
     * on shutdown, so afterwards the committed offsets must be the source's end offsets.
     */
    @Test
    void sigtermCommitsEverythingProcessedAndExitsZero() throws Exception {
        int records = 5_000;
        TOPICS.create(3, "term-in", "term-out", "term-dlq");
        TOPICS.produce("term-in", NumberedRecords.inputs(records));
        Set<String> expected = NumberedRecords.expectedSink(records).keySet();

        Path definition = Files.writeString(PROCESSES.workDir().resolve("term.yaml"), NumberedRecords.definition("term", "at-least-once"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers())
                .env("KAFKA_COMMIT_INTERVAL_MS", "3600000")
                .shutdownTimeout(SHUTDOWN_TIMEOUT)
                .build(PROCESSES).start();
        try (TopicReader reader = TOPICS.reader("term-out")) {
            reader.pollUntil("all " + expected.size() + " sink records", Duration.ofSeconds(120), runtime, r -> r.count("term-out") >= expected.size());
            Delivery.of("term-out", reader.records("term-out")).assertExactlyOnce(expected);
        }
        Map<TopicPartition, Long> end = TOPICS.endOffsets("term-in");
        assertThat(TOPICS.committedOffsets("datapipelines-term-it", "term-in")).as("nothing committed before the shutdown").isNotEqualTo(end);

        assertThat(runtime.terminate(GRACE_PERIOD)).as("exit code after SIGTERM").isZero();

        assertThat(TOPICS.committedOffsets("datapipelines-term-it", "term-in")).isEqualTo(end);
        assertThat(group("datapipelines-term-it").members()).as("members left in the group").isEmpty();
        assertThat(runtime.log()).contains("Stopping: committing processed records (at most PT20S)").contains("Stopped cleanly");
    }

    /**
     * Exactly-once, SIGTERM mid-stream: what the sink holds afterwards is exactly the output of the
     * source records below the committed offsets, nothing more and nothing less; a restart then
     * finishes the rest, each output still exactly once.
     */
    @Test
    void sigtermMidStreamLeavesSinkAndOffsetsConsistent() throws Exception {
        int records = 30_000;
        TOPICS.create(3, "midterm-in", "midterm-out", "midterm-dlq");
        List<TopicClient.Input> inputs = NumberedRecords.inputs(records);
        List<RecordMetadata> positions = TOPICS.produce("midterm-in", inputs);
        Map<String, Object> expectedSink = NumberedRecords.expectedSink(records);
        Map<String, String> expectedDead = NumberedRecords.expectedDeadLetters(records);

        Path definition = Files.writeString(PROCESSES.workDir().resolve("midterm.yaml"), NumberedRecords.definition("midterm", "exactly-once"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).shutdownTimeout(SHUTDOWN_TIMEOUT).build(PROCESSES).start();
        try (TopicReader reader = TOPICS.reader("midterm-out", "midterm-dlq")) {
            reader.pollUntil("5000 sink records", Duration.ofSeconds(120), runtime, r -> r.count("midterm-out") >= 5_000);
            assertThat(runtime.terminate(GRACE_PERIOD)).as("exit code after SIGTERM").isZero();

            Map<TopicPartition, Long> committed = TOPICS.committedOffsets("datapipelines-midterm-it", "midterm-in");
            Set<String> processed = new TreeSet<>();
            for (int i = 0; i < inputs.size(); i++) {
                RecordMetadata at = positions.get(i);
                if (at.offset() < committed.getOrDefault(new TopicPartition(at.topic(), at.partition()), 0L)) {
                    processed.add(inputs.get(i).key());
                }
            }
            assertThat(processed.size()).as("stopped mid-stream").isBetween(5_000, records - 1);
            reader.readToEnd(Duration.ofSeconds(60));
            Delivery.of("midterm-out", reader.records("midterm-out")).assertExactlyOnce(intersection(expectedSink.keySet(), processed));
            Delivery.of("midterm-dlq", reader.records("midterm-dlq")).assertExactlyOnce(intersection(expectedDead.keySet(), processed));

            runtime.start();
            TOPICS.awaitCommittedToEnd("datapipelines-midterm-it", "midterm-in", Duration.ofSeconds(180), runtime);
            reader.readToEnd(Duration.ofSeconds(60));
            Delivery sink = Delivery.of("midterm-out", reader.records("midterm-out"));
            sink.assertExactlyOnce(expectedSink.keySet());
            sink.assertValues(expectedSink);
            Delivery.of("midterm-dlq", reader.records("midterm-dlq")).assertExactlyOnce(expectedDead.keySet());
        }
        assertThat(runtime.terminate(GRACE_PERIOD)).isZero();
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new TreeSet<>(a);
        both.retainAll(b);
        return both;
    }

    private static ConsumerGroupDescription group(String id) throws Exception {
        return TOPICS.admin().describeConsumerGroups(List.of(id)).describedGroups().get(id).get(60, TimeUnit.SECONDS);
    }
}
