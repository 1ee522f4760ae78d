package io.datapipelines.cli;

import io.datapipelines.runtime.diff.DiffInput;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads the last N records of each partition of some topics, as they are now, with a consumer that
 * joins no group and commits nothing (partitions assigned, not subscribed): reading for a diff leaves no
 * trace on the cluster. Only committed records are read (read_committed), as the pipeline reads them.
 */
final class TopicTail {

    /** Kafka was unreachable or the topic does not exist; the message says which. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private TopicTail() {
    }

    /** @return the records, by topic, partition and offset; ids such as {@code orders/0@41} */
    static List<DiffInput> read(Properties clientSettings, List<String> topics, int recordsPerPartition, Duration timeout) throws Unreadable {
        Properties props = new Properties();
        props.putAll(clientSettings);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "datapipelines-diff");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Instant deadline = Instant.now().plus(timeout);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, remaining(deadline));
                if (infos == null || infos.isEmpty()) {
                    throw new Unreadable("topic " + topic + " does not exist at " + props.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG), null);
                }
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, remaining(deadline));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, remaining(deadline));
            Map<TopicPartition, Long> pending = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                long start = Math.max(begins.get(partition), end - recordsPerPartition);
                consumer.seek(partition, start);
                if (start < end) {
                    pending.put(partition, end);
                }
            }
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (!pending.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new Unreadable("Kafka did not deliver the last records of " + pending.keySet() + " within " + timeout.toSeconds() + " s", null);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Long end = pending.get(new TopicPartition(record.topic(), record.partition()));
                    if (end != null && record.offset() < end) {
                        records.add(record);
                    }
                }
                // Positions also move past transaction markers, which are never delivered as records.
                pending.keySet().removeIf(partition -> consumer.position(partition, remaining(deadline)) >= pending.get(partition));
                consumer.pause(partitions.stream().filter(p -> !pending.containsKey(p)).toList());
            }
            records.sort(Comparator.<ConsumerRecord<byte[], byte[]>, String>comparing(ConsumerRecord::topic)
                    .thenComparingInt(ConsumerRecord::partition).thenComparingLong(ConsumerRecord::offset));
            List<DiffInput> inputs = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : records) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header header : record.headers()) {
                    headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                }
                inputs.add(new DiffInput(record.topic() + "/" + record.partition() + "@" + record.offset(), record.key(), record.value(),
                        headers, record.timestamp()));
            }
            return inputs;
        } catch (KafkaException e) {
            throw new Unreadable("cannot read " + String.join(", ", topics) + " from Kafka at " + props.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
                    + ": " + rootMessage(e), e);
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
