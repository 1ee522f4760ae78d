package io.datapipelines.runtime.shadow;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.app.KafkaSettings;
import io.datapipelines.runtime.diff.DiffInput;
import io.datapipelines.runtime.diff.DiffReport;
import io.datapipelines.runtime.diff.Outcome;
import io.datapipelines.runtime.diff.PipelineComparison;
import io.datapipelines.runtime.diff.RecordDiff;
import io.datapipelines.runtime.topology.PipelineMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The shadow runtime mode: reads the live revision's source topics with a consumer group of its own,
 * runs every record through the live revision and the candidate side by side ({@link PipelineComparison},
 * in-process, so neither can write to the sink or the dead-letter topic), and writes to the diff topic
 * ({@link ShadowSettings#diffTopic}) a sample of the differing records and a summary every interval and at
 * the end. Counts are Micrometer counters {@code datapipelines.shadow.records{outcome}} (on /metrics as
 * {@code datapipelines_shadow_records_total}). Offsets are committed after each batch: a restarted shadow
 * goes on where it stopped (a batch may be compared twice after a crash; the counts are for reading, not
 * for accounting).
 *
 * <p>{@link #run()} blocks on the calling thread until the limits of the settings are reached or
 * {@link #stop()} is called from another thread.
 */
public final class ShadowRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShadowRunner.class);

    private final PipelineDefinition live;
    private final ShadowSettings settings;
    private final String diffTopic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<String, String> producer;
    private final PipelineComparison comparison;
    private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);
    private final AtomicReference<KafkaStreams.State> state = new AtomicReference<>(KafkaStreams.State.CREATED);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean stopRequested;
    private long processed;
    private volatile DiffReport lastReport;
    private final PipelineMetrics reads;

    /**
     * @param live      the live revision (its source is read; the diff topic is named after it)
     * @param candidate the new revision
     * @param registry  where the counts go; null for none
     */
    public ShadowRunner(PipelineDefinition live, PipelineDefinition candidate, KafkaSettings kafka, ShadowSettings settings, MeterRegistry registry) {
        this(live, candidate, kafka, settings, registry, PipelineMetrics.NONE);
    }

    /**
     * @param reads told of each source record read ({@link PipelineMetrics#recordIn}), e.g. to log the first one as the
     *              runtime does
     */
    public ShadowRunner(PipelineDefinition live, PipelineDefinition candidate, KafkaSettings kafka, ShadowSettings settings, MeterRegistry registry,
                        PipelineMetrics reads) {
        this.live = live;
        this.reads = reads;
        this.settings = settings;
        this.diffTopic = ShadowSettings.diffTopic(live, settings.deployment());
        String group = ShadowSettings.consumerGroup(live, settings.deployment());
        Properties consumerProps = kafka.toProperties();
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        consumerProps.put(ConsumerConfig.CLIENT_ID_CONFIG, group);
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.startFrom().name().toLowerCase(Locale.ROOT));
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Properties producerProps = kafka.toProperties();
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, group + "-diff");
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        for (Outcome outcome : Outcome.values()) {
            counters.put(outcome, registry == null ? null
                    : Counter.builder("datapipelines.shadow.records").tag("outcome", outcome.jsonName())
                    .description("Source records the shadow compared, by outcome").register(registry));
        }
        this.comparison = new PipelineComparison(live, candidate);
        KafkaProducer<String, String> p = null;
        try {
            p = new KafkaProducer<>(producerProps);
            this.consumer = new KafkaConsumer<>(consumerProps);
        } catch (RuntimeException e) {
            if (p != null) {
                p.close(Duration.ZERO);
            }
            comparison.close();
            throw e;
        }
        this.producer = p;
    }

    /** For /healthz and /readyz: RUNNING while comparing, NOT_RUNNING after a clean stop, ERROR after a failure. */
    public KafkaStreams.State state() {
        return state.get();
    }

    public String diffTopic() {
        return diffTopic;
    }

    /** The report of everything compared so far (as of the last batch). */
    public DiffReport report() {
        DiffReport report = lastReport;
        return report != null ? report : comparison.report();
    }

    /**
     * Compares records until a limit is reached or {@link #stop()} is called; writes the final summary.
     *
     * @return the final report
     */
    public DiffReport run() {
        state.set(KafkaStreams.State.RUNNING);
        Instant started = Instant.now();
        Instant deadline = settings.maxDuration() == null ? null : started.plus(settings.maxDuration());
        Instant nextSummary = started.plus(settings.summaryInterval());
        int samplesThisPeriod = 0;
        try {
            consumer.subscribe(live.spec().source().topics());
            LOG.info("Shadow of {} ({}): comparing on {}, differences to {}", live.name(), settings.deployment(),
                    String.join(", ", live.spec().source().topics()), diffTopic);
            while (!stopRequested && !limitReached(deadline)) {
                // A short poll, so a stop request is seen within 200 ms (no wakeup(): it could interrupt a commit).
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (settings.maxRecords() > 0 && processed >= settings.maxRecords()) {
                        break;
                    }
                    reads.recordIn();
                    RecordDiff diff = comparison.compare(input(record));
                    processed++;
                    Counter counter = counters.get(diff.outcome());
                    if (counter != null) {
                        counter.increment();
                    }
                    if (diff.outcome() != Outcome.UNCHANGED && samplesThisPeriod < settings.samplesPerSummary()) {
                        samplesThisPeriod++;
                        producer.send(new ProducerRecord<>(diffTopic, diff.inputId(),
                                ShadowDifference.toJson(live.name(), settings.deployment(), diff, Instant.now())));
                    }
                    done.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                if (!records.isEmpty()) {
                    lastReport = comparison.report();
                }
                if (!done.isEmpty()) {
                    producer.flush(); // the samples are out before the offsets that say they were compared
                    consumer.commitSync(done);
                }
                if (!Instant.now().isBefore(nextSummary)) {
                    writeSummary(false);
                    nextSummary = Instant.now().plus(settings.summaryInterval());
                    samplesThisPeriod = 0;
                }
            }
            DiffReport report = writeSummary(true);
            state.set(KafkaStreams.State.NOT_RUNNING);
            LOG.info("Shadow of {} ({}) stopped after {} record(s)", live.name(), settings.deployment(), processed);
            return report;
        } catch (RuntimeException e) {
            state.set(KafkaStreams.State.ERROR);
            throw e;
        } finally {
            finished.countDown();
        }
    }

    private boolean limitReached(Instant deadline) {
        return (settings.maxRecords() > 0 && processed >= settings.maxRecords()) || (deadline != null && !Instant.now().isBefore(deadline));
    }

    private DiffReport writeSummary(boolean last) {
        DiffReport report = comparison.report();
        lastReport = report;
        String summary = ShadowSummary.toJson(live.name(), settings.deployment(), report, settings.thresholds(), last, Instant.now());
        producer.send(new ProducerRecord<>(diffTopic, ShadowSummary.KEY, summary));
        producer.flush();
        return report;
    }

    private static DiffInput input(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new DiffInput(record.topic() + "/" + record.partition() + "@" + record.offset(), record.key(), record.value(), headers,
                record.timestamp());
    }

    /** Asks {@link #run()} to write its final summary and return; safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    /** Stops and waits for {@link #run()} to return, at most {@code timeout}. */
    public boolean stop(Duration timeout) throws InterruptedException {
        stop();
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            consumer.close(Duration.ofSeconds(5));
        } finally {
            try {
                producer.close(Duration.ofSeconds(5));
            } finally {
                comparison.close();
            }
        }
    }
}
