package io.datapipelines.runtime.app;

import io.datapipelines.benchmarks.limit.ContenderSettings;
import io.datapipelines.model.Guarantee;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fairness of the hand-written Java contenders (benchmarks' package {@code limit}): the bare Kafka Streams
 * app sets what the runtime sets ({@link ClientDefaults}, package-private, hence this test's package), and
 * the plain loop's clients get what Kafka Streams gives its own clients under those settings.
 */
class ContenderSettingsTest {
    private static final List<String> CONSUMER_KEYS = List.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG);
    private static final List<String> PRODUCER_KEYS = List.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG);

    private static Guarantee guarantee(String name) {
        return name.equals("exactly-once") ? Guarantee.EXACTLY_ONCE : Guarantee.AT_LEAST_ONCE;
    }

    @ParameterizedTest
    @ValueSource(strings = {"exactly-once", "at-least-once"})
    void theBareStreamsAppHasTheRuntimesSettings(String guarantee) {
        Properties bare = ContenderSettings.bareStreams("localhost:9092", "g", guarantee, 100);
        Properties runtime = new Properties();
        runtime.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        runtime.put(StreamsConfig.APPLICATION_ID_CONFIG, "g");
        runtime.put(StreamsConfig.CLIENT_ID_CONFIG, "g");
        runtime.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee(guarantee).kafkaStreamsName());
        runtime.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        runtime.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100"); // KAFKA_COMMIT_INTERVAL_MS in the benchmark
        ClientDefaults.apply(runtime, guarantee(guarantee));
        assertThat(bare).isEqualTo(runtime);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exactly-once", "at-least-once"})
    void thePlainLoopsClientsHaveKafkaStreamsSettings(String guarantee) {
        StreamsConfig streams = new StreamsConfig(ContenderSettings.bareStreams("localhost:9092", "g", guarantee, 100));
        Map<String, Object> streamsConsumer = streams.getMainConsumerConfigs("g", "c", 0);
        Map<String, Object> streamsProducer = streams.getProducerConfigs("p");
        Map<String, Object> consumer = ContenderSettings.plainConsumer("localhost:9092", "g", guarantee);
        Map<String, Object> producer = ContenderSettings.plainProducer("localhost:9092", "g", guarantee);
        Map<String, Object> consumerDefaults = ConsumerConfig.configDef().defaultValues();
        Map<String, Object> producerDefaults = ProducerConfig.configDef().defaultValues();
        for (String key : CONSUMER_KEYS) {
            assertThat(String.valueOf(consumer.get(key))).as(key)
                    .isEqualTo(String.valueOf(streamsConsumer.getOrDefault(key, consumerDefaults.get(key))).toLowerCase(java.util.Locale.ROOT));
        }
        for (String key : PRODUCER_KEYS) {
            assertThat(String.valueOf(producer.get(key))).as(key).isEqualTo(String.valueOf(streamsProducer.getOrDefault(key, producerDefaults.get(key))));
        }
        assertThat(producer.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG)).isEqualTo(guarantee.equals("exactly-once"));
    }
}
