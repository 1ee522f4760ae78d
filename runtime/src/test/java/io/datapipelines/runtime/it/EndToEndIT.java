package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import io.datapipelines.runtime.codec.JsonCodec;
import io.datapipelines.runtime.topology.DeadLetterHeaders;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.datapipelines.runtime.it.TopicClient.Input.json;
import static io.datapipelines.runtime.it.TopicClient.Input.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A realistic pipeline (built-in filter and transforms, a Python record transform, dead letters)
 * run by the runtime process against a broker, fed a poison record of each kind among good ones:
 * exact sink and dead-letter records, metrics that move while it runs, and the probes.
 */
class EndToEndIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    static final String DEFINITION = """
            apiVersion: datapipelines/v1
            kind: DataPipeline
            metadata:
              name: payments-e2e
            spec:
              source: {topic: payments}
              sink: {topic: payments-clean}
              steps:
                - kind: Field
                  name: normalise
                  fields:
                    status: {filter: {key: not-equal, config: {value: test}}}
                    currency: {transform: {key: uppercase}}
                    email: {transform: {key: hash, config: {algorithm: sha256}}}
                    amount: {transform: {key: round, config: {precision: 2}}}
                - kind: Record
                  name: unit price in Python
                  transform:
                    key: user-defined-record-transformation
                    config:
                      code: |
                        def transform(record):
                            value = record["value"]
                            value["unit_price"] = round(value["amount"] / value["quantity"], 2)
                            return record
              errors:
                mode: dead-letter
                deadLetterTopic: payments-dlq
            """;

    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    @Test
    void recordsReachTheSinkOrTheDeadLetterTopicWhileProbesAndMetricsAnswer() throws Exception {
        TOPICS.create(3, "payments", "payments-clean", "payments-dlq");
        Path definition = Files.writeString(PROCESSES.workDir().resolve("payments.yaml"), DEFINITION);
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers()).build(PROCESSES).start();
        runtime.awaitReady(Duration.ofSeconds(120));

        RuntimeProcess.HttpClient.Response healthz = runtime.http().get("/healthz");
        RuntimeProcess.HttpClient.Response readyz = runtime.http().get("/readyz");
        assertThat(healthz.status()).isEqualTo(200);
        assertThat(healthz.body()).isEqualTo("RUNNING\n");
        assertThat(readyz.status()).isEqualTo(200);
        assertThat(readyz.body()).isEqualTo("RUNNING\n");
        assertThat(runtime.http().get("/nothing-here").status()).isEqualTo(404);
        RuntimeProcess.HttpClient.Response metrics = runtime.http().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
        assertThat(PrometheusScrape.parse(metrics.body()).sum("datapipelines_records_in_total")).isZero();

        List<TopicClient.Input> first = List.of(
                json("p-1", "{\"id\":\"p-1\",\"status\":\"paid\",\"currency\":\"eur\",\"email\":\"ada@example.com\",\"amount\":10.456,\"quantity\":2}")
                        .withHeader("traceparent", "00-p1-01"),
                json("p-2", "{\"id\":\"p-2\",\"status\":\"test\",\"currency\":\"eur\",\"email\":\"t@example.com\",\"amount\":1,\"quantity\":1}"),
                raw("p-3", "{\"id\": \"p-3\", ").withHeader("traceparent", "00-p3-01"),
                json("p-4", "{\"id\":\"p-4\",\"status\":\"paid\",\"currency\":\"usd\",\"email\":\"bob@example.com\",\"amount\":3,\"quantity\":0}"),
                json("p-5", "{\"id\":\"p-5\",\"status\":\"paid\",\"currency\":\"usd\",\"email\":\"eve@example.com\",\"amount\":\"ten\",\"quantity\":1}"),
                json("p-6", "{\"id\":\"p-6\",\"status\":\"paid\",\"currency\":\"chf\",\"email\":\"max@example.com\",\"amount\":7,\"quantity\":4}"));
        List<RecordMetadata> firstAt = TOPICS.produce("payments", first);

        try (TopicReader reader = TOPICS.reader("payments-clean", "payments-dlq")) {
            reader.pollUntil("2 sink records and 3 dead letters", Duration.ofSeconds(60), runtime,
                    r -> r.count("payments-clean") >= 2 && r.count("payments-dlq") >= 3);
            // Counted as they were processed: all six are in by the time their outputs are committed.
            PrometheusScrape during = runtime.metrics();
            assertThat(during.sum("datapipelines_records_in_total")).isEqualTo(6);
            assertThat(during.sum("datapipelines_records_out_total")).isEqualTo(2);
            assertThat(during.sum("datapipelines_records_filtered_total")).isEqualTo(1);
            assertThat(during.sum("datapipelines_records_dead_lettered_total")).isEqualTo(3);
            assertThat(during.sum("datapipelines_record_errors_total", Map.of("step", "source.value", "error", "JSONDecodeError"))).isEqualTo(1);
            assertThat(during.sum("datapipelines_record_errors_total", Map.of("step", "steps[1]", "error", "ZeroDivisionError"))).isEqualTo(1);
            assertThat(during.sum("datapipelines_record_errors_total", Map.of("step", "steps[0].fields[amount]", "error", "TypeError"))).isEqualTo(1);
            assertThat(during.sum("datapipelines_python_seconds_count")).isEqualTo(3); // p-1, p-4, p-6 reached the Python step
            assertThat(during.sum("datapipelines_python_seconds_sum")).isPositive();
            assertThat(during.samples("datapipelines_records_in_total").get(0).labels())
                    .containsEntry("pipeline", "payments-e2e").containsEntry("deployment", "it");

            // Poison records did not stop anything: records after them flow.
            TOPICS.produce("payments", List.of(
                    json("p-7", "{\"id\":\"p-7\",\"status\":\"refunded\",\"currency\":\"gbp\",\"email\":\"ann@example.com\",\"amount\":0.125,\"quantity\":1}"),
                    json("p-8", "{\"id\":\"p-8\",\"status\":\"paid\",\"currency\":\"sek\",\"email\":\"ole@example.com\",\"amount\":99.999,\"quantity\":3}")));
            reader.pollUntil("4 sink records", Duration.ofSeconds(60), runtime, r -> r.count("payments-clean") >= 4);
            PrometheusScrape after = runtime.metrics();
            Files.writeString(PROCESSES.workDir().resolve("metrics.txt"), after.text()); // for a look after the run
            assertThat(after.sum("datapipelines_records_in_total")).isEqualTo(8);
            assertThat(after.sum("datapipelines_records_out_total")).isEqualTo(4);
            assertThat(after.sum("datapipelines_python_seconds_count")).isEqualTo(5);
            // Kafka Streams' and its clients' own metrics, consumer lag among them.
            assertThat(after.has("kafka_consumer_fetch_manager_records_lag_max")).as("consumer lag metric").isTrue();
            await("per-partition consumer lag, 0 for each source partition").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<PrometheusScrape.Sample> lag = runtime.metrics().samples("kafka_consumer_fetch_manager_records_lag").stream()
                        .filter(sample -> "payments".equals(sample.labels().get("topic"))).toList();
                assertThat(lag).extracting(sample -> sample.labels().get("partition")).containsExactlyInAnyOrder("0", "1", "2");
                assertThat(lag).extracting(PrometheusScrape.Sample::value).containsOnly(0.0);
            });
            assertThat(after.samples("kafka_stream_thread_process_total")).isNotEmpty();
            assertThat(after.has("jvm_memory_used_bytes")).isTrue();

            TOPICS.awaitCommittedToEnd("datapipelines-payments-e2e-it", "payments", Duration.ofSeconds(60), runtime);
            reader.readToEnd(Duration.ofSeconds(60));

            Map<String, Object> sink = new LinkedHashMap<>();
            Map<String, Map<String, String>> sinkHeaders = new LinkedHashMap<>();
            for (OutputRecord r : reader.records("payments-clean")) {
                assertThat(sink.put(r.key(), JsonCodec.fromJson(r.value()))).as("duplicate " + r.key()).isNull();
                sinkHeaders.put(r.key(), r.headers());
            }
            assertThat(sink).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "p-1", JsonCodec.fromJson("{\"id\":\"p-1\",\"status\":\"paid\",\"currency\":\"EUR\",\"email\":\"" + Hashes.sha256("ada@example.com")
                            + "\",\"amount\":10.46,\"quantity\":2,\"unit_price\":5.23}"),
                    "p-6", JsonCodec.fromJson("{\"id\":\"p-6\",\"status\":\"paid\",\"currency\":\"CHF\",\"email\":\"" + Hashes.sha256("max@example.com")
                            + "\",\"amount\":7,\"quantity\":4,\"unit_price\":1.75}"),
                    "p-7", JsonCodec.fromJson("{\"id\":\"p-7\",\"status\":\"refunded\",\"currency\":\"GBP\",\"email\":\"" + Hashes.sha256("ann@example.com")
                            + "\",\"amount\":0.12,\"quantity\":1,\"unit_price\":0.12}"),
                    "p-8", JsonCodec.fromJson("{\"id\":\"p-8\",\"status\":\"paid\",\"currency\":\"SEK\",\"email\":\"" + Hashes.sha256("ole@example.com")
                            + "\",\"amount\":100.0,\"quantity\":3,\"unit_price\":33.33}")));
            assertThat(sinkHeaders.get("p-1")).isEqualTo(Map.of("traceparent", "00-p1-01"));
            assertThat(sinkHeaders.get("p-6")).isEmpty();

            List<OutputRecord> dead = new ArrayList<>(reader.records("payments-dlq"));
            dead.sort(Comparator.comparing(OutputRecord::key));
            assertThat(dead).extracting(OutputRecord::key).containsExactly("p-3", "p-4", "p-5");
            // The original bytes, byte for byte, and the original headers, plus the reason.
            assertThat(dead.get(0).value()).isEqualTo("{\"id\": \"p-3\", ");
            assertThat(dead.get(1).value()).isEqualTo(new String(first.get(3).value(), StandardCharsets.UTF_8));
            assertThat(dead.get(2).value()).isEqualTo(new String(first.get(4).value(), StandardCharsets.UTF_8));
            assertThat(dead.get(0).headers()).isEqualTo(deadLetterHeaders(Map.of("traceparent", "00-p3-01"), "source.value", "JSONDecodeError",
                    "the value is not valid JSON: Unexpected end-of-input within/between Object entries (at byte 14)", firstAt.get(2)));
            assertThat(dead.get(1).headers()).isEqualTo(deadLetterHeaders(Map.of(), "steps[1]", "ZeroDivisionError",
                    "division by zero (at " + definition + ":24, in spec.steps[1].transform)", firstAt.get(3)));
            assertThat(dead.get(2).headers()).isEqualTo(deadLetterHeaders(Map.of(), "steps[0].fields[amount]", "TypeError",
                    "type str doesn't define __round__ method", firstAt.get(4)));
        }

        assertThat(runtime.terminate(Duration.ofSeconds(30))).as("exit code after SIGTERM").isZero();
        await().until(() -> runtime.http().status("/healthz") == -1);
        assertThat(runtime.log()).contains("Stopped cleanly");
    }

    private static Map<String, String> deadLetterHeaders(Map<String, String> original, String step, String errorClass, String message,
                                                         RecordMetadata source) {
        Map<String, String> headers = new LinkedHashMap<>(original);
        headers.put(DeadLetterHeaders.STEP, step);
        headers.put(DeadLetterHeaders.CLASS, errorClass);
        headers.put(DeadLetterHeaders.MESSAGE, message);
        headers.put(DeadLetterHeaders.SOURCE_TOPIC, source.topic());
        headers.put(DeadLetterHeaders.SOURCE_PARTITION, Integer.toString(source.partition()));
        headers.put(DeadLetterHeaders.SOURCE_OFFSET, Long.toString(source.offset()));
        return headers;
    }
}
