package io.datapipelines.runtime.it;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.embedded.KafkaBrokerExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Liveness of the real runtime process: a step in an endless loop keeps Kafka Streams RUNNING while
 * nothing moves, and /healthz says so once the record has been in progress for longer than the stall
 * timeout (so Kubernetes restarts the pod); idle connections held open never block the probes.
 */
class LivenessIT {
    @RegisterExtension
    @Order(1)
    static final ForkedProcesses PROCESSES = new ForkedProcesses();

    @RegisterExtension
    @Order(2)
    static final KafkaBrokerExtension<EmbeddedKafka> KAFKA = KafkaBrokerExtension.embedded();

    @RegisterExtension
    @Order(3)
    static final TopicClient TOPICS = TopicClient.of(KAFKA);

    /** A pipeline {@code name} from {@code name-in} to {@code name-out} (dead letters to {@code name-dlq}) with one record transform. */
    private static String pipeline(String name, String code) {
        return """
                apiVersion: datapipelines/v1
                kind: DataPipeline
                metadata:
                  name: %1$s
                spec:
                  source: {topic: %1$s-in}
                  sink: {topic: %1$s-out}
                  steps:
                    - kind: Record
                      transform:
                        key: user-defined-record-transformation
                        config:
                          code: |
                %2$s
                  errors:
                    mode: dead-letter
                    deadLetterTopic: %1$s-dlq
                """.formatted(name, code.indent(16).stripTrailing());
    }

    private static final String DEFINITION = pipeline("stall", """
            def transform(record):
                while record["value"].get("loop"):
                    pass
                return record
            """);

    @Test
    void aRecordInAnEndlessLoopFailsHealthzAfterTheStallTimeoutWhileIdleConnectionsAreHeld() throws Exception {
        TOPICS.create(1, "stall-in", "stall-out", "stall-dlq");
        Path definition = Files.writeString(PROCESSES.workDir().resolve("stall.yaml"), DEFINITION);
        RuntimeProcess runtime = RuntimeProcess.builder(definition, KAFKA.bootstrapServers())
                .env("DATAPIPELINES_STALL_TIMEOUT", "PT3S").build(PROCESSES).start();
        runtime.awaitReady(Duration.ofSeconds(120));
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                idle.add(new Socket("localhost", runtime.httpPort()));
            }
            try (TopicReader reader = TOPICS.reader("stall-out")) {
                TOPICS.produce("stall-in", List.of(TopicClient.Input.json("ok", "{\"loop\":false}")));
                reader.pollUntil("the good record", Duration.ofSeconds(60), runtime, r -> r.count("stall-out") == 1);
            }
            assertThat(runtime.http().status("/healthz")).isEqualTo(200);

            TOPICS.produce("stall-in", List.of(TopicClient.Input.json("loops", "{\"loop\":true}")));
            await("/healthz 503 on the stalled record").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> runtime.http().status("/healthz") == 503);
            RuntimeProcess.HttpClient.Response healthz = runtime.http().get("/healthz");
            assertThat(healthz.body()).startsWith("STALLED: stream thread ").contains("has been on one record for")
                    .contains("(the limit is 3 s, --stall-timeout)");
            assertThat(runtime.http().status("/readyz")).isEqualTo(503);
            assertThat(runtime.http().status("/metrics")).as("the endpoints still answer").isEqualTo(200);
            assertThat(runtime.isAlive()).isTrue();
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }

    /**
     * Kafka Streams starts while the steps load, with processing held: RUNNING and alive, not ready, nothing
     * processed, until the load ends; then every record that waited comes through.
     */
    @Test
    void whileTheStepsLoadItIsRunningAndAliveButNotReadyAndProcessesNothing() throws Exception {
        TOPICS.create(1, "slow-in", "slow-out", "slow-dlq");
        String definition = pipeline("slow", """
                import time
                time.sleep(8)  # a slow import, or a table built at load

                def transform(record):
                    return record
                """);
        TOPICS.produce("slow-in", List.of(TopicClient.Input.json("a", "{}"), TopicClient.Input.json("b", "{}"),
                TopicClient.Input.json("c", "{}")));
        RuntimeProcess runtime = RuntimeProcess.builder(Files.writeString(PROCESSES.workDir().resolve("slow.yaml"), definition),
                KAFKA.bootstrapServers()).build(PROCESSES).start();
        try (TopicReader reader = TOPICS.reader("slow-out")) {
            await("Kafka Streams RUNNING with processing held").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> runtime.http().status("/readyz") == 503 // -1 until the port answers
                            && "RUNNING, LOADING STEPS\n".equals(runtime.http().get("/readyz").body()));
            assertThat(runtime.http().status("/readyz")).isEqualTo(503);
            assertThat(runtime.http().status("/healthz")).isEqualTo(200);
            Thread.sleep(1000); // Kafka Streams has fetched by now: the records wait in its buffers
            assertThat(PrometheusScrape.parse(runtime.http().get("/metrics").body()).sum("datapipelines_records_in_total"))
                    .as("records read by the pipeline while the steps load").isZero();
            reader.poll();
            assertThat(reader.count("slow-out")).isZero();
            assertThat(runtime.http().get("/readyz").body()).as("still loading (8 s of it)").isEqualTo("RUNNING, LOADING STEPS\n");

            runtime.awaitReady(Duration.ofSeconds(60));
            reader.pollUntil("the three records", Duration.ofSeconds(60), runtime, r -> r.count("slow-out") == 3);
        }
    }
}
