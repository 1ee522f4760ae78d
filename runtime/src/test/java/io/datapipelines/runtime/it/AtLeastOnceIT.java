package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At-least-once under crashes: the runtime process is SIGKILLed three times mid-stream and restarted;
 * nothing is lost (duplicates are allowed: that is the guarantee).
 *
 * <p>Here the group membership is static: {@code KAFKA_GROUP_INSTANCE_ID}, as a pod whose name is
 * passed in would set it. A restarted container then takes its old place in the group at once,
 * without waiting for the killed member's session to time out.
 */
class AtLeastOnceIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    static final int RECORDS = 20_000;
    static final int[] KILL_AFTER = {3_000, 8_000, 13_000};

    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    @Test
    void nothingIsLostAfterRepeatedSigkills() throws Exception {
        TOPICS.create(3, "alos-in", "alos-out", "alos-dlq");
        TOPICS.produce("alos-in", NumberedRecords.inputs(RECORDS));
        Map<String, Object> expectedSink = NumberedRecords.expectedSink(RECORDS);
        Map<String, String> expectedDead = NumberedRecords.expectedDeadLetters(RECORDS);

        Path definition = Files.writeString(PROCESSES.workDir().resolve("alos.yaml"), NumberedRecords.definition("alos", "at-least-once"));
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers())
                .env("KAFKA_GROUP_INSTANCE_ID", "alos-pod-0")
                .build(PROCESSES).start();
        try (TopicReader reader = TOPICS.reader("alos-out", "alos-dlq")) {
            RepeatedKills.killAtEach(KILL_AFTER, reader, "alos-out", expectedSink.size(), runtime);
            TOPICS.awaitCommittedToEnd("datapipelines-alos-it", "alos-in", Duration.ofSeconds(240), runtime);
            reader.readToEnd(Duration.ofSeconds(120));

            Delivery sink = Delivery.of("alos-out", reader.records("alos-out"));
            sink.assertAtLeastOnce(expectedSink.keySet());
            sink.assertValues(expectedSink);
            Delivery dead = Delivery.of("alos-dlq", reader.records("alos-dlq"));
            dead.assertAtLeastOnce(expectedDead.keySet());
            dead.assertErrorClasses(expectedDead);
        }
        // One member, the static one (Kafka Streams adds the thread number), in its old place.
        ConsumerGroupDescription group = TOPICS.admin().describeConsumerGroups(List.of("datapipelines-alos-it"))
                .describedGroups().get("datapipelines-alos-it").get(60, TimeUnit.SECONDS);
        assertThat(group.members()).extracting(MemberDescription::groupInstanceId).containsExactly(Optional.of("alos-pod-0-1"));
        assertThat(runtime.jvm().starts()).isEqualTo(KILL_AFTER.length + 1);
    }
}
