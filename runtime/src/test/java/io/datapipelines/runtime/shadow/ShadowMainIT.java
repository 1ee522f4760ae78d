package io.datapipelines.runtime.shadow;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import io.datapipelines.model.DefinitionParser;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.app.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime's shadow mode as the container runs it: topics checked and created, probes, and the counts on /metrics. */
class ShadowMainIT {
    @RegisterExtension
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    private static final Path EXAMPLE = Path.of("../examples/orders-cleanup.yaml");

    @TempDir
    Path dir;

    @Test
    void theShadowModeServesProbesAndCountsOnMetrics() throws Exception {
        PipelineDefinition live = new DefinitionParser().parse(EXAMPLE);
        Path candidateFile = dir.resolve("candidate.yaml");
        Files.writeString(candidateFile, Files.readString(EXAMPLE).replace("config: {precision: 2}", "config: {precision: 0}"));
        PipelineDefinition candidate = new DefinitionParser().parse(candidateFile);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        { // the class's broker, from the shared fixture
            EmbeddedKafka kafka = KAFKA.broker();
            kafka.createTopics(1, List.of("orders"));
            KafkaSettings settings = KafkaSettings.fromEnvironment(Map.of()).with("bootstrap.servers", kafka.bootstrapServers());
            ShadowSettings shadow = ShadowSettings.builder("prod").startFrom(ShadowSettings.StartFrom.EARLIEST)
                    .maxDuration(Duration.ofSeconds(25)).build();
            // Without --create-topics the missing diff topic is named, exit 2.
            assertThat(ShadowMain.run(live, candidate, settings, shadow, "127.0.0.1", port, false, 1, Duration.ofSeconds(5))).isEqualTo(2);

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (String amount : List.of("1.25", "2", "3")) {
                    producer.send(new ProducerRecord<>("orders", amount, "{\"id\":\"" + amount + "\",\"country\":\"DE\",\"email\":\"a@example.com\","
                            + "\"name\":\"A\",\"amount\":" + amount + ",\"status\":\"PAID\",\"internal_note\":\"\"}")).get();
                }
            }
            int httpPort = port;
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return ShadowMain.run(live, candidate, settings, shadow, "127.0.0.1", httpPort, true, 1, Duration.ofSeconds(5));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String metrics = "";
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline) && !metrics.contains("outcome=\"unchanged\",pipeline=\"orders-cleanup\"} 2.0")) {
                Thread.sleep(300);
                try {
                    metrics = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                } catch (java.io.IOException notYet) {
                    // the server is not up yet
                }
            }
            assertThat(metrics).contains("datapipelines_shadow_records_total{deployment=\"prod\",outcome=\"changed\",pipeline=\"orders-cleanup\"} 1.0")
                    .contains("datapipelines_shadow_records_total{deployment=\"prod\",outcome=\"unchanged\",pipeline=\"orders-cleanup\"} 2.0")
                    .contains("datapipelines_shadow_records_total{deployment=\"prod\",outcome=\"newDeadLetter\",pipeline=\"orders-cleanup\"} 0.0");
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("RUNNING\n");
            assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
            try (Admin admin = kafka.admin()) {
                assertThat(admin.listTopics().names().get()).contains("orders-cleanup-prod-shadow").doesNotContain("orders-clean");
            }
        }
    }
}
