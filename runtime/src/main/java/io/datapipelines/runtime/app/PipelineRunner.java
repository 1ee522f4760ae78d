package io.datapipelines.runtime.app;

import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.topology.PipelineMetrics;
import io.datapipelines.runtime.topology.PipelineTopology;
import io.datapipelines.runtime.topology.PreloadedSteps;
import io.datapipelines.runtime.topology.RecordProgress;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * One running pipeline deployment: a KafkaStreams client for the definition's topology. Its
 * application.id is {@code datapipelines-<pipeline>-<deployment>}, so several deployments of one
 * pipeline run side by side with their own consumer groups, offsets and transactions. A stream
 * thread that dies is replaced or stops the pipeline as {@link StreamThreadFailures} decides.
 */
public final class PipelineRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineRunner.class);

    private final KafkaStreams streams;
    private final CompletableFuture<KafkaStreams.State> stopped = new CompletableFuture<>();
    private final StreamThreadFailures failures = new StreamThreadFailures();
    private final RecordProgress progress = new RecordProgress();
    private final PreloadedSteps preloaded;

    /**
     * @param stateDir the one writable directory (the container's root filesystem is read-only)
     * @param threads  stream threads; each runs its own tasks, each task its own Python interpreter
     */
    public PipelineRunner(PipelineDefinition definition, String deployment, KafkaSettings kafka, Path stateDir,
                          int threads, PipelineMetrics metrics) {
        this(definition, deployment, kafka, stateDir, threads, metrics, PreloadedSteps.none());
    }

    /**
     * @param preloaded the steps as loaded before (to fail fast), which the first stream task takes over instead of
     *                  loading them again; the runner closes them on {@link #close} if no task took them
     */
    public PipelineRunner(PipelineDefinition definition, String deployment, KafkaSettings kafka, Path stateDir,
                          int threads, PipelineMetrics metrics, PreloadedSteps preloaded) {
        this.preloaded = preloaded;
        Properties props = kafka.toProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(definition, deployment));
        props.put(StreamsConfig.CLIENT_ID_CONFIG, applicationId(definition, deployment));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, definition.spec().processing().guarantee().kafkaStreamsName());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("kafka-streams").toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        ClientDefaults.apply(props, definition.spec().processing().guarantee());
        optIntoGlobalProcessingExceptionHandler(props);
        this.streams = new KafkaStreams(PipelineTopology.build(definition, metrics, progress, preloaded, new StreamsConfig(props)), props);
        streams.setUncaughtExceptionHandler(failures);
        streams.setStateListener((now, before) -> {
            LOG.info("Pipeline {} is {} (was {})", applicationId(definition, deployment), now, before);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.complete(now);
            }
        });
    }

    /**
     * There is no global state; opting in now (the default from Kafka 5.0, hence the deprecation)
     * silences Kafka Streams' warning at every start. The main consumer's partition assignor builds its
     * own StreamsConfig from the consumer's settings, so it needs the flag too.
     */
    @SuppressWarnings("deprecation")
    private static void optIntoGlobalProcessingExceptionHandler(Properties props) {
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        props.putIfAbsent(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), "true");
    }

    public static String applicationId(PipelineDefinition definition, String deployment) {
        return "datapipelines-" + definition.name() + "-" + deployment;
    }

    /**
     * Starts Kafka Streams. While the preloaded steps still load, processing is held (Kafka Streams' pause): the
     * consumer joins the group and fetches meanwhile, and processing starts once the steps have loaded. A GraalPy
     * pipeline's load takes seconds, the group join about one, so this takes about that second off the time to the
     * first record. Steps that cannot load leave processing held: whoever started the runner closes it
     * ({@link PreloadedSteps#awaitLoaded} says why), and not one record has been processed.
     */
    public void start() {
        if (!preloaded.loadedWell()) { // still loading, or failed (then it stays held)
            streams.pause(); // before the registration below: a load that ends well in between resumes at once
            preloaded.whenLoaded().thenRun(streams::resume);
        }
        streams.start();
    }

    /** Whether records are processed: false while processing is held for the steps to load ({@link #start}). */
    public boolean processing() {
        return !streams.isPaused();
    }

    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** When each stream thread started the record it is on: what liveness reads. */
    public RecordProgress progress() {
        return progress;
    }

    /** Why the pipeline stopped on its own, if it did. */
    public Throwable failure() {
        return failures.fatal();
    }

    /** Completes with the final state (ERROR or NOT_RUNNING) when the pipeline stops on its own or is closed. */
    public CompletableFuture<KafkaStreams.State> whenStopped() {
        return stopped.copy();
    }

    /** Stops processing, commits what was processed, and leaves the group. */
    public boolean close(Duration timeout) {
        try {
            return streams.close(CloseOptions.timeout(timeout).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } finally {
            preloaded.close();
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }
}
