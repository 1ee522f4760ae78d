package io.datapipelines.runtime.it;

import io.datapipelines.embedded.BrokerSettings;
import io.datapipelines.embedded.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A single-node Kafka (KRaft broker and controller in one) in its own JVM, from Kafka's own jars on
 * the test class path ({@code kafka.Kafka}, formatted once with {@code kafka.tools.StorageTool}), so
 * that a test can stop it and start it again on the same ports and log directory, as a broker
 * restarts in a rolling upgrade. Configured as every broker of the project ({@link BrokerSettings}).
 */
final class KafkaBrokerProcess implements KafkaBroker {
    private final ForkedJvm jvm;
    private final int port;

    private KafkaBrokerProcess(ForkedJvm jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /** Formats a new node in the current work directory of {@code processes}; does not start it. */
    static KafkaBrokerProcess format(ForkedProcesses processes) throws IOException, InterruptedException {
        Path dir = processes.workDir().resolve("kafka");
        Files.createDirectories(dir);
        int port = FreePort.find();
        int controllerPort = FreePort.find();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, BrokerSettings.serverProperties(port, controllerPort, dir.resolve("data")));
        List<String> jvmOptions = List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.log.kafka=warn",
                "-Dorg.slf4j.simpleLogger.log.state.change.logger=warn");
        ForkedJvm formatter = new ForkedJvm("kafka format", jvmOptions, "kafka.tools.StorageTool",
                List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()), Map.of(), dir.resolve("format.log"));
        processes.track(formatter.start());
        int code = formatter.awaitExit(Duration.ofSeconds(120));
        if (code != 0) {
            throw new IllegalStateException("formatting the Kafka node failed (" + code + "):\n" + formatter.logTail(40));
        }
        ForkedJvm broker = new ForkedJvm("kafka broker", jvmOptions, "kafka.Kafka", List.of(config.toString()), Map.of(), dir.resolve("broker.log"));
        processes.track(broker);
        return new KafkaBrokerProcess(broker, port);
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts it and waits until it answers as a cluster of one. */
    KafkaBrokerProcess start() {
        jvm.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            await("Kafka broker up on " + bootstrapServers()).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!jvm.isAlive()) {
                    throw new AssertionError("the Kafka broker exited with code " + jvm.exitCode() + ":\n" + jvm.logTail(40));
                }
                try {
                    return admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).size() == 1;
                } catch (Exception notYet) {
                    return false;
                }
            });
        }
        return this;
    }

    /** A controlled shutdown (SIGTERM), as in a rolling restart; waits until it exited. */
    void stop() throws InterruptedException {
        int code = jvm.terminate(Duration.ofSeconds(60));
        if (code != 0 && code != 143) {
            throw new IllegalStateException("the Kafka broker exited with " + code);
        }
    }

    ForkedJvm jvm() {
        return jvm;
    }

    @Override
    public void close() {
        jvm.kill();
    }
}
