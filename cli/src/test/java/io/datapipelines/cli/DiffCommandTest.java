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

/** {@code datapipelines diff} on the examples, with a revision that changes a rounding rule. */
class DiffCommandTest {
    private static final Path EXAMPLES = Path.of("../examples");
    private static final Path OLD = EXAMPLES.resolve("orders-cleanup.yaml");
    private static final Path INPUT = EXAMPLES.resolve("orders-cleanup.ndjson");

    @TempDir
    Path dir;

    /** orders-cleanup with its amounts rounded to whole numbers instead of cents. */
    private Path roundedToWholeNumbers() throws Exception {
        String yaml = Files.readString(OLD);
        assertThat(yaml).contains("amount: {transform: {key: round, config: {precision: 2}}}");
        Path changed = dir.resolve("orders-cleanup-v2.yaml");
        Files.writeString(changed, yaml.replace("config: {precision: 2}", "config: {precision: 0}"));
        return changed;
    }

    @Test
    void theSameDefinitionIsUnchangedAndExitsZero() {
        CliTest.Run run = run("diff", OLD.toString(), OLD.toString(), "--input", INPUT.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(": 5 record(s)").containsPattern("unchanged +5  100%")
                .contains("sink topic: orders-clean (unchanged)").contains("within the thresholds");
    }

    @Test
    void aChangedRoundingRuleIsCaughtAndExitsOne() throws Exception {
        CliTest.Run run = run("diff", OLD.toString(), roundedToWholeNumbers().toString(), "--input", INPUT.toString());
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("unchanged +4  80%").containsPattern("changed +1  20%")
                .contains("  ../examples/orders-cleanup.ndjson:1: changed\n      value.amount: 10.5 -> 10.0\n")
                .contains("types changed: none")
                .contains("beyond the thresholds:\n  1 of 5 records (20%) changed, dropped or emitted only by NEW: more than the allowed 0%");

        CliTest.Run tolerant = run("diff", OLD.toString(), roundedToWholeNumbers().toString(), "--input", INPUT.toString(), "--max-changed-rate", "0.2");
        assertThat(tolerant.exitCode()).isZero();
        assertThat(tolerant.out()).contains("within the thresholds (max changed rate 20%");
    }

    @Test
    void jsonOutputIsOneObjectWithCountsRatesConsumersAndRecords() throws Exception {
        CliTest.Run run = run("diff", OLD.toString(), roundedToWholeNumbers().toString(), "--input", INPUT.toString(), "--output", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().lines().toList()).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable().containsExactly("old", "new", "total", "counts", "rates", "changedRate", "consumers", "verdict", "records");
        assertThat(json.get("total").asLong()).isEqualTo(5);
        assertThat(json.get("counts").get("changed").asLong()).isEqualTo(1);
        assertThat(json.get("rates").get("changed").asDouble()).isEqualTo(0.2);
        assertThat(json.get("consumers").get("sinkTopic").toString()).isEqualTo("{\"old\":\"orders-clean\",\"new\":\"orders-clean\"}");
        assertThat(json.get("verdict").get("within").asBoolean()).isFalse();
        JsonNode record = json.get("records").get(0);
        assertThat(record.get("input").asText()).isEqualTo("../examples/orders-cleanup.ndjson:1");
        assertThat(record.get("changes").toString()).isEqualTo("[{\"path\":\"value.amount\",\"kind\":\"changed\",\"old\":10.5,\"new\":10.0}]");
    }

    @Test
    void newDeadLettersAndConsumerChangesAreReported() throws Exception {
        // NEW casts amounts to integers ("10.499" fails: a new dead letter), and renames the sink topic.
        String yaml = Files.readString(OLD).replace("toDataType: float", "toDataType: int").replace("topic: orders-clean", "topic: orders-clean-v2");
        Path changed = dir.resolve("v3.yaml");
        Files.writeString(changed, yaml);
        CliTest.Run run = run("diff", OLD.toString(), changed.toString(), "--input", INPUT.toString(), "--max-changed-rate", "1");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("../examples/orders-cleanup.ndjson:1: new dead letter (steps[0].fields[amount]")
                .contains("sink topic: orders-clean -> orders-clean-v2")
                .contains("types changed: value.amount float -> integer")
                .contains("1 of 5 records (20%) are new dead letters: more than the allowed 0%")
                .contains("the sink topic changes from orders-clean to orders-clean-v2");
    }

    @Test
    void invalidInputIsExitTwo() throws Exception {
        Path bad = dir.resolve("bad.ndjson");
        Files.writeString(bad, "{\"key\":\"o-1\",\"value\":{}}\n{not json\n");
        CliTest.Run badLine = run("diff", OLD.toString(), OLD.toString(), "--input", bad.toString());
        assertThat(badLine.exitCode()).isEqualTo(2);
        assertThat(badLine.err()).startsWith(bad + ":2:2: not valid JSON");
        CliTest.Run noSource = run("diff", OLD.toString(), OLD.toString());
        assertThat(noSource.exitCode()).isEqualTo(2);
        assertThat(noSource.err()).contains("--input", "--from-topic");
        CliTest.Run badRate = run("diff", OLD.toString(), OLD.toString(), "--input", INPUT.toString(), "--max-changed-rate", "5");
        assertThat(badRate.exitCode()).isEqualTo(2);
        assertThat(badRate.err().strip()).isEqualTo("datapipelines: the maximum changed rate must be between 0 and 1 (a share of the input records), not 5.0");
        CliTest.Run missing = run("diff", OLD.toString(), dir.resolve("nope.yaml").toString(), "--input", INPUT.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.out()).isEmpty();
    }

    @Test
    void fromTopicReadsTheLastRecordsOfEachPartitionWithoutAConsumerGroup() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            kafka.createTopics(2, List.of("orders"));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 5; i++) { // partition 0: amounts 1.25 .. 5.25; only the last 3 are read
                    producer.send(new ProducerRecord<>("orders", 0, "p0-" + i, order("p0-" + i, i + 1.25))).get();
                }
                producer.send(new ProducerRecord<>("orders", 1, "p1-0", order("p1-0", 2.0))).get();
            }
            CliTest.Run run = run("diff", OLD.toString(), roundedToWholeNumbers().toString(), "--from-topic", "--records", "3",
                    "--bootstrap-servers", kafka.bootstrapServers(), "--output", "json", "--max-changed-rate", "0.75");
            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("total").asLong()).isEqualTo(4); // 3 of partition 0, the only one of partition 1
            assertThat(json.get("counts").get("changed").asLong()).isEqualTo(3); // 3.25, 4.25, 5.25 round to whole numbers; 2.0 stays
            assertThat(json.get("records")).extracting(r -> r.get("input").asText()).containsExactly("orders/0@2", "orders/0@3", "orders/0@4");
            try (Admin admin = kafka.admin()) {
                assertThat(admin.listGroups().all().get()).as("no consumer group, no committed offsets").isEmpty();
            }

            Path elsewhere = dir.resolve("elsewhere.yaml");
            Files.writeString(elsewhere, Files.readString(OLD).replace("topic: orders\n", "topic: no-such-topic\n"));
            CliTest.Run missing = run("diff", elsewhere.toString(), OLD.toString(), "--from-topic", "--bootstrap-servers", kafka.bootstrapServers(),
                    "--kafka-timeout", "10s");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err().strip()).isEqualTo("datapipelines: topic no-such-topic does not exist at " + kafka.bootstrapServers());
        }
    }

    private static String order(String id, double amount) {
        return "{\"id\":\"" + id + "\",\"country\":\"DE\",\"email\":\"a@example.com\",\"name\":\"A\",\"amount\":" + amount
                + ",\"status\":\"PAID\",\"internal_note\":\"\"}";
    }
}
