package io.datapipelines.cli;

import io.datapipelines.runtime.shadow.ShadowDifference;
import io.datapipelines.runtime.shadow.ShadowSummary;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a shadow's summaries from its diff topic ({@link ShadowSummary}), from the topic's end as it was when
 * {@link #open} ran (so no earlier shadow's summary counts), with a consumer that joins no group and commits
 * nothing. Only summaries of the given pipeline and deployment count. On the way it keeps the first
 * {@value #MAX_SAMPLES} sampled differences ({@link ShadowDifference}) of that shadow, for the report.
 */
final class ShadowSummaryWatch implements AutoCloseable {
    /** As many as the Jenkins plugin shows (its ShadowReport keeps 20). */
    static final int MAX_SAMPLES = 20;
    private final List<Map<String, Object>> samples = new ArrayList<>();
    private final KafkaConsumer<String, String> consumer;
    private final String pipeline;
    private final String deployment;
    private final Consumer<String> progress;

    private ShadowSummaryWatch(KafkaConsumer<String, String> consumer, String pipeline, String deployment, Consumer<String> progress) {
        this.consumer = consumer;
        this.pipeline = pipeline;
        this.deployment = deployment;
        this.progress = progress;
    }

    /**
     * Creates the diff topic if it is missing (one partition: the shadow's summaries share one key) and positions
     * at its end.
     */
    static ShadowSummaryWatch open(Properties kafka, String diffTopic, String pipeline, String deployment, Duration timeout,
                                   Consumer<String> progress) throws InterruptedException {
        try (Admin admin = Admin.create(kafka)) {
            if (!admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS).contains(diffTopic)) {
                admin.createTopics(List.of(new NewTopic(diffTopic, Optional.of(1), Optional.empty()))).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                progress.accept("created the diff topic " + diffTopic);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot check or create the diff topic " + diffTopic + ": " + e.getCause().getMessage(), e);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + timeout + " when checking the diff topic " + diffTopic, e);
        }
        Properties props = new Properties();
        props.putAll(kafka);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.isEmpty()) { // a topic just created may take a moment to show its partitions
                List<PartitionInfo> infos = consumer.partitionsFor(diffTopic, timeout);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
                if (partitions.isEmpty()) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("the diff topic " + diffTopic + " has no partitions after " + timeout);
                    }
                    Thread.sleep(200);
                }
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            ends.forEach(consumer::seek);
            return new ShadowSummaryWatch(consumer, pipeline, deployment, progress);
        } catch (RuntimeException | InterruptedException e) {
            consumer.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Waits for a summary that has compared at least {@code records} records, or until {@code deadline}.
     *
     * @return the last summary read (empty when none came); it has fewer than {@code records} when the deadline came first
     */
    Optional<ShadowSummary> await(long records, Instant deadline, Clock clock) {
        ShadowSummary last = null;
        while (clock.instant().isBefore(deadline)) {
            Duration left = Duration.between(clock.instant(), deadline);
            for (ConsumerRecord<String, String> record : consumer.poll(left.compareTo(Duration.ofMillis(500)) < 0 ? left : Duration.ofMillis(500))) {
                if (record.value() == null) {
                    continue;
                }
                if (!ShadowSummary.KEY.equals(record.key())) {
                    if (samples.size() < MAX_SAMPLES) {
                        ShadowDifference.parse(record.value(), pipeline, deployment).ifPresent(samples::add);
                    }
                    continue;
                }
                Optional<ShadowSummary> summary;
                try {
                    summary = ShadowSummary.parse(record.value());
                } catch (IllegalArgumentException e) {
                    progress.accept("warning: skipping an unreadable summary at " + record.topic() + "/" + record.partition() + "@"
                            + record.offset() + ": " + e.getMessage());
                    continue;
                }
                if (summary.isEmpty() || !pipeline.equals(summary.get().pipeline()) || !deployment.equals(summary.get().deployment())) {
                    continue;
                }
                last = summary.get();
                progress.accept("shadow: " + last.total() + " of " + records + " record(s) compared, " + last.changed() + " changed, "
                        + last.newDeadLetters() + " new dead letter(s)");
                if (last.total() >= records) {
                    return Optional.of(last);
                }
            }
        }
        return Optional.ofNullable(last);
    }

    /** The sampled differences read so far (at most {@value #MAX_SAMPLES}), in the order the shadow wrote them. */
    List<Map<String, Object>> samples() {
        return List.copyOf(samples);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
