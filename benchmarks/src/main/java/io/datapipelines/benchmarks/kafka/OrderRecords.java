package io.datapipelines.benchmarks.kafka;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark's source data: order records of exactly {@value #SIZE} bytes of JSON each, varied
 * (names, countries, amounts, statuses) but the same for every run, keyed by order id. Eight in ten are
 * from EU countries, which the five-step pipeline keeps.
 */
final class OrderRecords {
    static final int SIZE = 200;

    private static final String[] CUSTOMERS = {"ada lovelace", "grace hopper", "alan turing", "edsger dijkstra",
        "barbara liskov", "donald knuth", "margaret hamilton", "ken thompson", "frances allen", "john backus", "radia perlman"};
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "US", "IT", "ES", "PL", "GB", "AT", "BE"};
    private static final String[] STATUSES = {"PAID", "SHIPPED", "PENDING"};
    private static final String NOTE = "leave it at the door, please; ring twice and wait for an answer ";

    private OrderRecords() {
    }

    static byte[] key(long i) {
        return id(i).getBytes(StandardCharsets.US_ASCII);
    }

    /** Record {@code i}: {@value #SIZE} bytes of JSON. */
    static byte[] value(long i) {
        String customer = CUSTOMERS[(int) (i % CUSTOMERS.length)];
        String head = String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"customer\":\"%s\",\"email\":\"%s@example.com\",\"country\":\"%s\",\"amount\":\"%d.%02d\","
                        + "\"currency\":\"EUR\",\"status\":\"%s\",\"items\":%d,\"ts\":%d,\"note\":\"",
                id(i), customer, customer.replace(' ', '.'), COUNTRIES[(int) (i % COUNTRIES.length)],
                (i * 7919) % 5000, i % 100, STATUSES[(int) (i % STATUSES.length)], 1 + i % 9, 1_764_230_400_000L + i);
        int noteLength = SIZE - head.length() - 2;
        if (noteLength < 0) {
            throw new IllegalStateException("record " + i + " is longer than " + SIZE + " bytes without its note");
        }
        String json = head + NOTE.repeat(1 + noteLength / NOTE.length()).substring(0, noteLength) + "\"}";
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether record {@code i} is from an EU country (the five-step pipeline keeps those). */
    static boolean fromEu(long i) {
        return !Set.of("US", "GB").contains(COUNTRIES[(int) (i % COUNTRIES.length)]);
    }

    private static String id(long i) {
        return String.format(Locale.ROOT, "o-%08d", i);
    }

    /**
     * Produces records 0 to {@code count - 1} to {@code topic}, acknowledged by the broker, in order, one
     * request at a time per partition. Not idempotent: the 4.3 client's idempotent producer was seen to
     * stall on this single-node broker, resending a first batch the broker refused as out of order; the
     * caller checks the end offsets instead, which would show a duplicate.
     */
    static void produce(String bootstrapServers, String topic, long count) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (long i = 0; i < count && failure.get() == null; i++) {
                producer.send(new ProducerRecord<>(topic, key(i), value(i)), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
