package io.datapipelines.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka (broker and controller in one) running in this JVM, started from Kafka's
 * own jars with nothing downloaded. Set up the way one node must be for consumer groups and
 * transactions to work ({@link BrokerSettings#SINGLE_NODE}), listening on localhost only.
 */
public final class EmbeddedKafka implements KafkaBroker {
    private final KafkaClusterTestKit cluster;
    private final Path baseDir;

    private EmbeddedKafka(KafkaClusterTestKit cluster, Path baseDir) {
        this.cluster = cluster;
        this.baseDir = baseDir;
    }

    /** Formats and starts a fresh single-node cluster in a temporary directory. */
    public static EmbeddedKafka start() throws Exception {
        Path baseDir = Files.createTempDirectory("datapipelines-kafka-");
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(baseDir)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
        BrokerSettings.SINGLE_NODE.forEach(builder::setConfigProp);
        KafkaClusterTestKit cluster = builder
                // Each record on disk at once: the in-process broker of a local run holds little, and a
                // crashed run keeps what it wrote.
                .setConfigProp("log.flush.interval.messages", "1")
                .setDeleteOnClose(true)
                .build();
        // Kafka's formatter prints to System.out; our callers' standard output is for records only.
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        } finally {
            System.setOut(stdout);
        }
        return new EmbeddedKafka(cluster, baseDir);
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates topics with the given partition count (replication factor 1). */
    public void createTopics(int partitions, List<String> topics) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get(60, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            try (var paths = Files.walk(baseDir)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a leftover temporary directory is harmless
            }
        }
    }
}
