package io.datapipelines.runtime.app;

import io.datapipelines.model.Guarantee;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.Properties;

/**
 * The Kafka Streams and client settings the runtime chooses for a pipeline unless its KAFKA_* variables
 * say otherwise. A client setting counts as given when it is given with or without its client prefix
 * ({@code batch.size} or {@code producer.batch.size}): Kafka Streams lets the prefixed form win, so a
 * prefixed default must never be added over a plain setting the user chose.
 */
final class ClientDefaults {
    /**
     * Producer batches of 256 KiB instead of 16 KiB: about 1,200 records of 200 bytes per request rather
     * than 80. In single benchmark runs through a real broker this cut the runtime's CPU per record by about
     * a fifth and the broker's work too. The producer takes a whole batch buffer per partition with records
     * waiting, so 128 such partitions fill its 32 MiB buffer.memory; a pod rarely has that many.
     */
    static final String BATCH_SIZE = Integer.toString(256 * 1024);

    private ClientDefaults() {
    }

    static void apply(Properties props, Guarantee guarantee) {
        if (guarantee == Guarantee.AT_LEAST_ONCE) {
            // Nothing is lost: produce to all in-sync replicas. Commit every second rather than Kafka
            // Streams' 30 s, so that a crash repeats about a second of records, not half a minute.
            putIfAbsent(props, StreamsConfig.PRODUCER_PREFIX, ProducerConfig.ACKS_CONFIG, "all");
            props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000");
        }
        putIfAbsent(props, StreamsConfig.PRODUCER_PREFIX, ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
        putIfAbsent(props, StreamsConfig.CONSUMER_PREFIX, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A pipeline has no joins or state, so nothing is gained by holding a task back to read its input
        // partitions in timestamp order; with the default (0) Kafka Streams checks that before every record.
        props.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, Long.toString(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));
    }

    /** Sets {@code prefix + name} unless {@code name} is set plain, with that prefix, or (a consumer's) for the main consumer. */
    private static void putIfAbsent(Properties props, String prefix, String name, String value) {
        boolean given = props.containsKey(name) || props.containsKey(prefix + name)
                || (prefix.equals(StreamsConfig.CONSUMER_PREFIX) && props.containsKey(StreamsConfig.MAIN_CONSUMER_PREFIX + name));
        if (!given) {
            props.put(prefix + name, value);
        }
    }
}
