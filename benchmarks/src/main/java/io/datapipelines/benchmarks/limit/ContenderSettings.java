package io.datapipelines.benchmarks.limit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The client settings of the two hand-written Java contenders, in one place so that what is matched is
 * visible (and tested: {@code io.datapipelines.runtime.app.ContenderSettingsTest}).
 *
 * <ul>
 *   <li>The bare Kafka Streams app sets exactly what the runtime sets for a pipeline (runtime's
 *       {@code PipelineRunner} and {@code ClientDefaults}): one stream thread, the guarantee, the commit
 *       interval, 256 KiB producer batches, {@code earliest}, no task idling, {@code acks=all}.</li>
 *   <li>The plain loop's consumer and producer get what Kafka Streams gives its own clients under those
 *       settings: {@code max.poll.records} 1000, no auto-commit, {@code read_committed} under exactly-once,
 *       {@code linger.ms} 100, the same batches, {@code acks=all} with idempotence.</li>
 * </ul>
 */
public final class ContenderSettings {
    static final int BATCH_SIZE = 256 * 1024;

    private ContenderSettings() {
    }

    public static Properties bareStreams(String bootstrapServers, String group, String guarantee, long commitIntervalMs) {
        boolean exactlyOnce = exactlyOnce(guarantee);
        Properties props = new Properties();
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, group);
        props.put(StreamsConfig.CLIENT_ID_CONFIG, group);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, exactlyOnce ? StreamsConfig.EXACTLY_ONCE_V2 : StreamsConfig.AT_LEAST_ONCE);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitIntervalMs));
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), Integer.toString(BATCH_SIZE));
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, Long.toString(StreamsConfig.MAX_TASK_IDLE_MS_DISABLED));
        if (!exactlyOnce) {
            props.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        }
        return props;
    }

    public static Map<String, Object> plainConsumer(String bootstrapServers, String group, String guarantee) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, exactlyOnce(guarantee) ? "read_committed" : "read_uncommitted");
        return settings;
    }

    public static Map<String, Object> plainProducer(String bootstrapServers, String group, String guarantee) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 100);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
        if (exactlyOnce(guarantee)) {
            settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-producer");
        }
        return settings;
    }

    static boolean exactlyOnce(String guarantee) {
        return switch (guarantee) {
            case "exactly-once" -> true;
            case "at-least-once" -> false;
            default -> throw new IllegalArgumentException("the guarantee must be exactly-once or at-least-once, not " + guarantee);
        };
    }
}
