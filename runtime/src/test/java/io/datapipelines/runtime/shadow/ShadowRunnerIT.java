package io.datapipelines.runtime.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.app.KafkaSettings;
import io.datapipelines.runtime.app.PipelineRunner;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.Outcome;
import io.datapipelines.runtime.topology.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live pipeline (the real runtime, exactly-once) and its shadow at once against a real broker, with
 * a candidate whose rounding rule differs: the shadow counts exactly the records the change alters, writes
 * its samples and summary to the diff topic, and the sink holds only the live revision's records.
 */
class ShadowRunnerIT {
    @RegisterExtension
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    private static final Path EXAMPLE = Path.of("../examples/orders-cleanup.yaml");

    @TempDir
    Path dir;

    @Test
    void theShadowCountsAKnownChangeWhileTheLivePipelineRuns() throws Exception {
        PipelineDefinition live = new DefinitionParser().parse(EXAMPLE);
        Path candidateFile = dir.resolve("candidate.yaml");
        Files.writeString(candidateFile, Files.readString(EXAMPLE).replace("config: {precision: 2}", "config: {precision: 0}"));
        PipelineDefinition candidate = new DefinitionParser().parse(candidateFile);
        { // the class's broker, from the shared fixture
            EmbeddedKafka kafka = KAFKA.broker();
            String diffTopic = ShadowSettings.diffTopic(live, "prod");
            assertThat(diffTopic).isEqualTo("orders-cleanup-prod-shadow");
            kafka.createTopics(2, List.of("orders", "orders-clean", "orders-cleanup-dlq", diffTopic));
            KafkaSettings settings = KafkaSettings.fromEnvironment(Map.of()).with("bootstrap.servers", kafka.bootstrapServers());

            // 10 amounts with cents (changed by rounding to whole numbers), 10 whole ones and 2 that are no numbers (dead letters in both).
            List<String> values = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                values.add(order("c-" + i, String.valueOf(i + 0.25)));
                values.add(order("w-" + i, String.valueOf(i)));
            }
            values.add(order("x-1", "\"n/a\""));
            values.add(order("x-2", "\"n/a\""));

            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            ShadowSettings shadowSettings = ShadowSettings.builder("prod").startFrom(ShadowSettings.StartFrom.EARLIEST)
                    .maxRecords(values.size()).maxDuration(Duration.ofSeconds(120)).summaryInterval(Duration.ofMillis(500)).build();
            try (PipelineRunner runner = new PipelineRunner(live, "prod", settings, dir.resolve("state"), 1, PipelineMetrics.NONE);
                 ShadowRunner shadow = new ShadowRunner(live, candidate, settings, shadowSettings, registry)) {
                runner.start();
                CompletableFuture<DiffReport> shadowed = CompletableFuture.supplyAsync(shadow::run);
                try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                        new StringSerializer(), new StringSerializer())) {
                    for (String value : values) {
                        String id = json(value).get("id").asText();
                        producer.send(new ProducerRecord<>("orders", id, value)).get();
                    }
                }
                DiffReport report = shadowed.get(150, TimeUnit.SECONDS);
                assertThat(report.total()).isEqualTo(22);
                assertThat(report.count(Outcome.CHANGED)).isEqualTo(10);
                assertThat(report.count(Outcome.UNCHANGED)).isEqualTo(12);
                assertThat(report.differing()).allSatisfy(d -> assertThat(d.changes()).singleElement()
                        .satisfies(c -> assertThat(c.path()).isEqualTo("value.amount")));
                assertThat(registry.get("datapipelines.shadow.records").tag("outcome", "changed").counter().count()).isEqualTo(10);
                assertThat(registry.get("datapipelines.shadow.records").tag("outcome", "unchanged").counter().count()).isEqualTo(12);
                assertThat(shadow.state()).hasToString("NOT_RUNNING");

                // The sink: the live revision's 20 records (cents kept), none from the shadow.
                List<ConsumerRecord<String, String>> sink = read(kafka, "orders-clean", 20, Duration.ofSeconds(90));
                assertThat(sink).hasSize(20);
                ObjectMapper json = new ObjectMapper();
                for (ConsumerRecord<String, String> record : sink) {
                    JsonNode value = json.readTree(record.value());
                    String id = value.get("order_id").asText();
                    double expected = Double.parseDouble(id.substring(2)) + (id.startsWith("c-") ? 0.25 : 0);
                    assertThat(value.get("amount").asDouble()).as(id).isEqualTo(expected);
                }
                // The diff topic: the 10 sampled differences and the summaries, the last one final with the counts.
                List<ConsumerRecord<String, String>> diffs = read(kafka, diffTopic, 11, Duration.ofSeconds(30));
                List<JsonNode> differences = new ArrayList<>();
                JsonNode lastSummary = null;
                for (ConsumerRecord<String, String> record : diffs) {
                    JsonNode node = json.readTree(record.value());
                    if (node.get("type").asText().equals("difference")) {
                        differences.add(node);
                    } else {
                        lastSummary = node;
                    }
                }
                assertThat(differences).hasSize(10).allSatisfy(d -> {
                    assertThat(d.get("outcome").asText()).isEqualTo("changed");
                    assertThat(d.get("input").asText()).startsWith("orders/");
                    assertThat(d.get("changes").get(0).get("path").asText()).isEqualTo("value.amount");
                });
                assertThat(lastSummary).isNotNull();
                assertThat(lastSummary.get("final").asBoolean()).isTrue();
                assertThat(lastSummary.get("total").asLong()).isEqualTo(22);
                assertThat(lastSummary.get("counts").get("changed").asLong()).isEqualTo(10);
                assertThat(lastSummary.get("verdict").get("within").asBoolean()).isFalse();
                runner.close(Duration.ofSeconds(30));
            }
            // Nothing more reached the sink after both stopped.
            assertThat(read(kafka, "orders-clean", 21, Duration.ofSeconds(3))).hasSize(20);
        }
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static String order(String id, String amount) {
        return "{\"id\":\"" + id + "\",\"country\":\"DE\",\"email\":\"a@example.com\",\"name\":\"A\",\"amount\":" + amount
                + ",\"status\":\"PAID\",\"internal_note\":\"\"}";
    }

    /** Reads a topic from the start (committed records only) until {@code count} records or the timeout. */
    private static List<ConsumerRecord<String, String>> read(EmbeddedKafka kafka, String topic, int count, Duration timeout) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic + "-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
