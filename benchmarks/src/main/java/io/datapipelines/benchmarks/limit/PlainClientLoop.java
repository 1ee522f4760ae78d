package io.datapipelines.benchmarks.limit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The lower bound: one thread, a {@link KafkaConsumer}, {@link UppercaseCustomer}, a {@link KafkaProducer}.
 * Exactly-once: a transactional producer, the consumed positions sent with
 * {@code sendOffsetsToTransaction} and the transaction committed every {@code --commit-interval-ms}.
 * At-least-once: every interval the producer is flushed, then the positions are committed synchronously.
 *
 * <p>What is matched with Kafka Streams: the commit interval (100 ms in the benchmark), the poll timeout
 * (Streams' {@code poll.ms}, 100 ms) and the clients' settings ({@link ContenderSettings}: what Kafka Streams
 * gives its own clients under the runtime's settings). What it leaves out is what Kafka Streams adds:
 * tasks, record queues, sensors, the state machine.
 */
@Command(name = "plain-client-loop", description = "A KafkaConsumer -> transform -> KafkaProducer loop upper-casing the field customer.")
public final class PlainClientLoop implements Callable<Integer> {
    static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    @Mixin
    LoopOptions options;

    private volatile boolean stopping;

    public static void main(String[] args) {
        System.exit(new CommandLine(new PlainClientLoop()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        boolean exactlyOnce = options.exactlyOnce();
        LoopReport report = new LoopReport(System.out);
        AtomicReference<Exception> failed = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ContenderSettings.plainConsumer(options.bootstrapServer, options.group, options.guarantee), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ContenderSettings.plainProducer(options.bootstrapServer, options.group, options.guarantee), new ByteArraySerializer(), new ByteArraySerializer())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping = true;
                consumer.wakeup();
                try {
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop"));
            if (exactlyOnce) {
                producer.initTransactions();
            }
            consumer.subscribe(List.of(options.source));
            boolean uncommitted = false;
            long nextCommit = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.commitIntervalMs);
            try {
                while (!stopping) {
                    ConsumerRecords<byte[], byte[]> records;
                    try {
                        records = consumer.poll(POLL_TIMEOUT);
                    } catch (WakeupException stop) {
                        break;
                    }
                    if (!records.isEmpty() && !uncommitted && exactlyOnce) {
                        producer.beginTransaction();
                    }
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        report.read();
                        producer.send(new ProducerRecord<>(options.sink, record.key(), UppercaseCustomer.apply(record.value())), (metadata, e) -> {
                            if (e != null) {
                                failed.compareAndSet(null, e);
                            }
                        });
                        report.written();
                        uncommitted = true;
                    }
                    if (uncommitted && System.nanoTime() >= nextCommit) {
                        commit(consumer, producer, exactlyOnce, failed);
                        uncommitted = false;
                        nextCommit = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.commitIntervalMs);
                    }
                }
                if (uncommitted) {
                    commit(consumer, producer, exactlyOnce, failed);
                }
            } finally {
                report.counts();
                done.countDown();
            }
        }
        return 0;
    }

    private static void commit(KafkaConsumer<byte[], byte[]> consumer, KafkaProducer<byte[], byte[]> producer, boolean exactlyOnce,
                               AtomicReference<Exception> failed) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            positions.put(partition, new OffsetAndMetadata(consumer.position(partition)));
        }
        if (exactlyOnce) {
            producer.sendOffsetsToTransaction(positions, consumer.groupMetadata());
            producer.commitTransaction();
        } else {
            producer.flush();
            if (failed.get() != null) {
                throw failed.get(); // never commit past a record that was not written
            }
            consumer.commitSync(positions);
        }
    }
}
