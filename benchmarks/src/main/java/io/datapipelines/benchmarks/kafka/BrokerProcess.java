package io.datapipelines.benchmarks.kafka;

import io.datapipelines.embedded.BrokerSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process) forked from Kafka's own
 * jars, so that the broker's work and memory never count towards the measured process. Formatted
 * fresh in its own directory; set up as every broker of the project ({@link BrokerSettings}). Durability is Kafka's default (the OS
 * flushes), as on a real cluster.
 */
final class BrokerProcess implements AutoCloseable {
    static final String HEAP = "-Xmx1g";

    private final MeasuredProcess process;
    private final String bootstrapServers;
    private final List<String> command;

    private BrokerProcess(MeasuredProcess process, String bootstrapServers, List<String> command) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
        this.command = command;
    }

    /**
     * @param classpath Kafka's server jars (kafka_2.13 and its dependencies) and an SLF4J binding
     * @param directory an empty directory for the configuration, the data and the log
     */
    static BrokerProcess start(String classpath, Path directory) throws Exception {
        int brokerPort = freePort();
        int controllerPort = freePort();
        Path data = directory.resolve("data");
        Path config = directory.resolve("server.properties");
        Files.writeString(config, BrokerSettings.serverProperties(brokerPort, controllerPort, data));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> format = List.of(java, "-cp", classpath, "kafka.tools.StorageTool", "format",
                "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString());
        Process formatting = new ProcessBuilder(format).redirectErrorStream(true)
                .redirectOutput(directory.resolve("format.log").toFile()).start();
        if (!formatting.waitFor(2, TimeUnit.MINUTES) || formatting.exitValue() != 0) {
            formatting.destroyForcibly();
            throw new IllegalStateException("formatting the broker's storage failed; see " + directory.resolve("format.log"));
        }
        List<String> command = new ArrayList<>(List.of(java, HEAP, "-Xms1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath, "kafka.Kafka", config.toString()));
        MeasuredProcess process = MeasuredProcess.start(command, Map.of(), directory.resolve("broker.log"));
        BrokerProcess broker = new BrokerProcess(process, "localhost:" + brokerPort, command);
        broker.awaitReady(Duration.ofMinutes(2));
        return broker;
    }

    private void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the broker exited at start; the end of " + process.log() + ":\n" + process.tail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the broker did not answer within " + timeout + "; see " + process.log(), notYet);
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The command line, for the report (the classpath shortened). */
    List<String> command() {
        return command;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.stop(Duration.ofSeconds(30));
    }
}
