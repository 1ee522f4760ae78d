package io.datapipelines.runtime.it;

import io.datapipelines.embedded.KafkaBrokerExtension;
import io.datapipelines.runtime.app.PipelineTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Topics for integration tests: created, filled by an idempotent producer, read as committed, offsets looked up.
 * Either connected at once ({@link #TopicClient(String)}, closed by its user), or the client of a test class's broker
 * ({@link #of(KafkaBrokerExtension)}, a static extension field).
 */
final class TopicClient implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** The broker whose class lifetime this client follows; null for a client connected at construction. */
    private final KafkaBrokerExtension<?> broker;
    private String bootstrapServers;
    private Admin admin;

    TopicClient(String bootstrapServers) {
        this.broker = null;
        connect(bootstrapServers);
    }

    private TopicClient(KafkaBrokerExtension<?> broker) {
        this.broker = broker;
    }

    /**
     * The client of a test class's broker, as a static extension field registered after the broker's (a higher
     * {@code @Order}): it connects once the broker runs, before the class's {@code @BeforeAll} methods, and closes after
     * its {@code @AfterAll} methods, before the broker stops.
     */
    static TopicClient of(KafkaBrokerExtension<?> broker) {
        return new TopicClient(broker);
    }

    private void connect(String servers) {
        this.bootstrapServers = servers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "120000"));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (broker != null) {
            connect(broker.bootstrapServers());
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (broker != null && admin != null) {
            close();
            admin = null;
        }
    }

    /** A record to produce: a key, value bytes (not necessarily valid JSON), headers, and a partition (null: by key). */
    record Input(String key, byte[] value, Map<String, String> headers, Integer partition) {
        static Input json(String key, String json) {
            return new Input(key, json.getBytes(StandardCharsets.UTF_8), Map.of(), null);
        }

        static Input raw(String key, String text) {
            return new Input(key, text.getBytes(StandardCharsets.UTF_8), Map.of(), null);
        }

        Input withHeader(String name, String value) {
            Map<String, String> copy = new TreeMap<>(headers);
            copy.put(name, value);
            return new Input(key, this.value, copy, partition);
        }

        Input toPartition(int number) {
            return new Input(key, value, headers, number);
        }
    }

    String bootstrapServers() {
        admin();
        return bootstrapServers;
    }

    Admin admin() {
        if (admin == null) {
            throw new IllegalStateException("no topic client: it connects before the test class's @BeforeAll methods and closes after its @AfterAll methods");
        }
        return admin;
    }

    /** Creates the topics and waits until each partition has a leader. */
    void create(int partitions, String... topics) throws Exception {
        admin().createTopics(List.of(topics).stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get(60, TimeUnit.SECONDS);
        PipelineTopics.awaitLeaders(admin(), List.of(topics), Duration.ofSeconds(60));
    }

    /**
     * Produces the records in order (idempotent, acks=all) and returns where each landed. One request
     * in flight at a time: with more, a batch rejected by a partition the broker had not opened yet can
     * be overtaken by the next one and then never get in (KAFKA-15591, fixed in later brokers).
     */
    List<RecordMetadata> produce(String topic, List<Input> records) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1",
                ProducerConfig.LINGER_MS_CONFIG, "5", ProducerConfig.BATCH_SIZE_CONFIG, "65536",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Input r : records) {
                RecordHeaders headers = new RecordHeaders();
                r.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
                byte[] key = r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8);
                sent.add(producer.send(new ProducerRecord<>(topic, r.partition(), key, r.value(), headers)));
            }
            producer.flush();
        }
        List<RecordMetadata> result = new ArrayList<>(sent.size());
        for (Future<RecordMetadata> f : sent) {
            result.add(f.get());
        }
        return result;
    }

    /** Each partition's end offset: the last stable offset with {@code READ_COMMITTED}, the high watermark otherwise. */
    Map<TopicPartition, Long> endOffsets(String topic, IsolationLevel isolation) throws Exception {
        int partitions = admin().describeTopics(List.of(topic)).allTopicNames().get(60, TimeUnit.SECONDS).get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            request.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        return admin().listOffsets(request, new ListOffsetsOptions(isolation)).all().get(60, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        return endOffsets(topic, IsolationLevel.READ_UNCOMMITTED);
    }

    /** The group's committed offsets on {@code topic}'s partitions (partitions without one are left out). */
    Map<TopicPartition, Long> committedOffsets(String groupId, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> all = admin().listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get(60, TimeUnit.SECONDS);
        return all.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Waits until the group has committed every record of {@code topic}: it has processed the whole
     * topic. Fails at once if the runtime that should do it exits.
     */
    void awaitCommittedToEnd(String groupId, String topic, Duration timeout, RuntimeProcess runtime) throws Exception {
        Map<TopicPartition, Long> end = endOffsets(topic);
        await("group " + groupId + " committed " + topic + " up to its end " + end).atMost(timeout).pollInterval(Duration.ofMillis(250))
                .failFast("the runtime exited", () -> !runtime.isAlive())
                .until(() -> committedOffsets(groupId, topic), end::equals);
    }

    /** A read_committed reader of these topics, from their beginning. */
    TopicReader reader(String... topics) {
        return new TopicReader(this, List.of(topics));
    }

    @Override
    public void close() {
        admin().close(Duration.ofSeconds(10));
    }
}
