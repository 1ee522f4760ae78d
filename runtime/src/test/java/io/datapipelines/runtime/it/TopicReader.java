package io.datapipelines.runtime.it;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * Reads topics from their beginning the way consumers downstream of an exactly-once pipeline do:
 * {@code isolation.level=read_committed}, so records of open or aborted transactions are never seen.
 * Keeps everything it read. Not thread-safe: one test thread polls it.
 */
final class TopicReader implements AutoCloseable {
    private final TopicClient topics;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<OutputRecord> records = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();

    TopicReader(TopicClient topics, List<String> names) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, topics.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "120000"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        for (String name : names) {
            for (PartitionInfo p : consumer.partitionsFor(name, Duration.ofSeconds(60))) {
                partitions.add(new TopicPartition(name, p.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** One poll; returns what it read (also kept). */
    List<OutputRecord> poll() {
        List<OutputRecord> fresh = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
            fresh.add(OutputRecord.of(r));
        }
        records.addAll(fresh);
        fresh.forEach(r -> counts.merge(r.topic(), 1, Integer::sum));
        return fresh;
    }

    /** Polls until the condition holds for what was read so far; fails at once if the runtime that should make it true exits. */
    TopicReader pollUntil(String what, Duration timeout, RuntimeProcess runtime, Predicate<TopicReader> condition) {
        await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                .failFast("the runtime exited", () -> !runtime.isAlive()).until(() -> {
                    poll();
                    return condition.test(this);
                });
        return this;
    }

    /**
     * Reads up to the end of every partition once no transaction is open on them: then nothing more
     * can become visible unless something writes again. Callers make sure nothing does (the pipeline
     * has committed the whole source, or is stopped).
     */
    TopicReader readToEnd(Duration timeout) {
        await("read to the end of " + partitions + " with no open transaction").atMost(timeout)
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                    poll();
                    Map<TopicPartition, Long> stable = new HashMap<>();
                    Map<TopicPartition, Long> high = new HashMap<>();
                    for (String topic : partitions.stream().map(TopicPartition::topic).distinct().toList()) {
                        stable.putAll(topics.endOffsets(topic, IsolationLevel.READ_COMMITTED));
                        high.putAll(topics.endOffsets(topic, IsolationLevel.READ_UNCOMMITTED));
                    }
                    if (!stable.equals(high)) {
                        return false;
                    }
                    for (TopicPartition p : partitions) {
                        if (consumer.position(p) < high.get(p)) {
                            return false;
                        }
                    }
                    return true;
                });
        return this;
    }

    List<OutputRecord> records() {
        return List.copyOf(records);
    }

    /** How many records were read from the topic so far. */
    int count(String topic) {
        return counts.getOrDefault(topic, 0);
    }

    List<OutputRecord> records(String topic) {
        return records.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    @Override
    public void close() {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
}
