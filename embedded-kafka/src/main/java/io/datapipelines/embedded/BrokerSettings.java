package io.datapipelines.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place for how a single Kafka node is set up to work as a whole cluster, for every broker the
 * project starts: the in-process {@link EmbeddedKafka} ({@code run --embedded} and the integration tests),
 * the forked broker of the restart tests, and the benchmarks' forked broker.
 *
 * <p>One node holds every replica, so the internal topics (consumer offsets, transaction state, share-group
 * state) get replication factor 1 and min ISR 1; without that, consumer groups and transactions never
 * start. Topics are created explicitly (no auto-creation), with 3 partitions by default.
 */
public final class BrokerSettings {
    /** Broker settings of a single node, in the order they are written. */
    public static final Map<String, String> SINGLE_NODE = ordered(
            "num.partitions", "3",
            "auto.create.topics.enable", "false",
            "offsets.topic.replication.factor", "1",
            "offsets.topic.num.partitions", "3",
            "transaction.state.log.replication.factor", "1",
            "transaction.state.log.min.isr", "1",
            "transaction.state.log.num.partitions", "3",
            "share.coordinator.state.topic.replication.factor", "1",
            "share.coordinator.state.topic.min.isr", "1",
            "min.insync.replicas", "1",
            // nobody else is about to join the group: no need to wait 3 s for them
            "group.initial.rebalance.delay.ms", "0",
            // A client that dies mid-transaction holds back read_committed readers until its transaction times
            // out and is aborted; look for such transactions every second instead of every 10.
            "transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");

    /** Where brokers listen: this machine only. */
    public static final String HOST = "localhost";

    private BrokerSettings() {
    }

    /**
     * A complete {@code server.properties} for a forked {@code kafka.Kafka}: a KRaft node that is broker and
     * controller in one, listening on {@link #HOST}, with the {@link #SINGLE_NODE} settings.
     */
    public static String serverProperties(int brokerPort, int controllerPort, Path logDirs) {
        List<String> lines = new ArrayList<>(List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + HOST + ":" + controllerPort,
                "listeners=PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort,
                "advertised.listeners=PLAINTEXT://" + HOST + ":" + brokerPort,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDirs));
        SINGLE_NODE.forEach((key, value) -> lines.add(key + "=" + value));
        return String.join("\n", lines) + "\n";
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
