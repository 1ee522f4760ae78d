package io.datapipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.embedded.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.datapipelines.cli.CliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code datapipelines shadow} against the embedded broker: its own consumer group, nothing to the sink, the report. */
class ShadowCommandTest {
    private static final Path OLD = Path.of("../examples/orders-cleanup.yaml");

    @TempDir
    Path dir;

    @Test
    void theShadowComparesRecordsFromKafkaAndGoesOnWhereItStopped() throws Exception {
        Path changed = dir.resolve("orders-cleanup-v2.yaml");
        Files.writeString(changed, Files.readString(OLD).replace("config: {precision: 2}", "config: {precision: 0}"));
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(1, List.of("orders", "orders-clean"));
            produce(kafka, Map.of("a", "1.25", "b", "2", "c", "3.5", "d", "4"));
            CliTest.Run first = run("shadow", OLD.toString(), changed.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                    "--records", "4", "--duration", "90s", "--from", "earliest", "--create-topics", "--deployment", "test", "--output", "json");
            assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
            assertThat(first.err()).contains("consumer group datapipelines-orders-cleanup-test-shadow, differences to orders-cleanup-test-shadow");
            JsonNode report = new ObjectMapper().readTree(first.out());
            assertThat(report.get("total").asLong()).isEqualTo(4);
            assertThat(report.get("counts").get("changed").asLong()).isEqualTo(2); // 1.25 and 3.5 round differently
            assertThat(report.get("verdict").get("violations").get(0).asText()).startsWith("2 of 4 records (50%) changed");

            produce(kafka, Map.of("e", "5"));
            CliTest.Run second = run("shadow", OLD.toString(), changed.toString(), "--bootstrap-servers", kafka.bootstrapServers(),
                    "--records", "1", "--duration", "90s", "--deployment", "test");
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains(": 1 record(s)").contains("within the thresholds");

            try (Admin admin = kafka.admin()) {
                assertThat(admin.listOffsets(Map.of(new org.apache.kafka.common.TopicPartition("orders-clean", 0),
                        org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get().values())
                        .allSatisfy(o -> assertThat(o.offset()).as("nothing written to the sink").isZero());
                assertThat(admin.listConsumerGroupOffsets("datapipelines-orders-cleanup-test-shadow").partitionsToOffsetAndMetadata().get())
                        .containsEntry(new org.apache.kafka.common.TopicPartition("orders", 0), new org.apache.kafka.clients.consumer.OffsetAndMetadata(5));
            }
        }
    }

    @Test
    void withoutALimitOrKafkaItIsExitTwo() {
        CliTest.Run noLimit = run("shadow", OLD.toString(), OLD.toString(), "--bootstrap-servers", "localhost:9");
        assertThat(noLimit.exitCode()).isEqualTo(2);
        assertThat(noLimit.err().strip()).isEqualTo("datapipelines: give --records N or --duration D (or both): a local shadow stops by itself");
        CliTest.Run badFrom = run("shadow", OLD.toString(), OLD.toString(), "--bootstrap-servers", "localhost:9", "--records", "1", "--from", "middle");
        assertThat(badFrom.exitCode()).isEqualTo(2);
        assertThat(badFrom.err()).contains("--from must be latest or earliest");
    }

    private static void produce(EmbeddedKafka kafka, Map<String, String> amounts) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(amounts).entrySet()) {
                producer.send(new ProducerRecord<>("orders", e.getKey(), "{\"id\":\"" + e.getKey() + "\",\"country\":\"DE\",\"email\":\"a@example.com\","
                        + "\"name\":\"A\",\"amount\":" + e.getValue() + ",\"status\":\"PAID\",\"internal_note\":\"\"}")).get();
            }
        }
    }
}
