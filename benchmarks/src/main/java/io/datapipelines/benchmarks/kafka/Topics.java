package io.datapipelines.benchmarks.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the harness asks the broker: topics made and removed, end offsets, and the moment a consumer
 * group's committed offsets reach them.
 */
final class Topics implements AutoCloseable {
    private final Admin admin;

    Topics(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    void create(int partitions, Collection<String> topics) throws Exception {
        admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get(60, TimeUnit.SECONDS);
    }

    void delete(Collection<String> topics) throws Exception {
        admin.deleteTopics(topics).all().get(60, TimeUnit.SECONDS);
    }

    /** Commits offset 0 of each partition for a group that has not started yet: it then reads the partitions from their start. */
    void commitAtStart(String group, Collection<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        partitions.forEach(tp -> start.put(tp, new OffsetAndMetadata(0)));
        admin.alterConsumerGroupOffsets(group, start).all().get(30, TimeUnit.SECONDS);
    }

    /** The end offset of each partition of {@code topic}. */
    Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Polls the group's committed offsets every {@code every} until each partition's reaches
     * {@code ends}, and returns the wall-clock time it first saw that (at most {@code every} plus one
     * request late).
     *
     * @param progress     gets every poll's committed total
     * @param stillRunning checked on each poll: the wait ends with an error once it returns false
     */
    long awaitCommitted(String group, Map<TopicPartition, Long> ends, Duration every, Duration timeout, CommitProgress progress,
                        java.util.function.BooleanSupplier stillRunning) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                    Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(ends.keySet())))
                    .partitionsToOffsetAndMetadata(group).get(30, TimeUnit.SECONDS);
            long now = System.currentTimeMillis();
            progress.add(now, committed.values().stream().filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum());
            boolean done = ends.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata offset = committed.get(e.getKey());
                return offset != null && offset.offset() >= e.getValue();
            });
            if (done) {
                return now;
            }
            if (!stillRunning.getAsBoolean()) {
                throw new IllegalStateException("the process under test exited before group " + group + " committed every record");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("group " + group + " did not commit every record within " + timeout + "; committed: " + committed);
            }
            Thread.sleep(every.toMillis());
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(10));
    }
}
