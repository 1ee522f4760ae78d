package io.datapipelines.cli;

import io.datapipelines.embedded.EmbeddedKafka;
import io.datapipelines.model.ErrorMode;
import io.datapipelines.model.PipelineDefinition;
import io.datapipelines.runtime.app.HealthServer;
import io.datapipelines.runtime.app.KafkaSettings;
import io.datapipelines.runtime.app.MicrometerPipelineMetrics;
import io.datapipelines.runtime.app.PipelineHealth;
import io.datapipelines.runtime.app.PipelineRunner;
import io.datapipelines.runtime.app.PipelineTopics;
import io.datapipelines.runtime.codec.RecordCodec;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

/** {@code datapipelines run}: the real runtime, locally, against a broker (or an embedded one). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a pipeline with the real runtime (Kafka Streams, exactly-once, dead letters) against Kafka:",
                "a cluster (--bootstrap-server, or KAFKA_BOOTSTRAP_SERVERS and other KAFKA_* variables), or a",
                "single-node broker started in-process (--embedded; nothing is downloaded).",
                "Produces --input records to the source topic, and prints every sink and dead-letter record as it",
                "arrives, one NDJSON line each with its topic. Stops on Ctrl-C, or after --until-idle seconds without",
                "new records.",
                "Exit codes: 0 stopped normally, 1 the pipeline failed, 2 invalid definition, input or flags."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEFINITION", description = "The definition file (YAML or JSON).")
    Path definitionFile;

    static final class Cluster {
        @Option(names = "--bootstrap-server", paramLabel = "HOST:PORT", description = "The Kafka cluster.")
        String bootstrapServer;

        @Option(names = "--embedded", description = "Start a single-node Kafka broker in this process, with the topics created.")
        boolean embedded;
    }

    @ArgGroup(exclusive = true)
    Cluster cluster = new Cluster();

    @Option(names = "--input", paramLabel = "FILE", description = "NDJSON records to produce to the source topic first (the format of 'preview'; 'partition' is honoured).")
    Path input;

    @Option(names = "--until-idle", paramLabel = "SECONDS", description = "Stop after this many seconds without a new sink or dead-letter record.")
    Integer untilIdle;

    @Option(names = "--deployment", defaultValue = "local", description = "The deployment name, part of the application.id (default: ${DEFAULT-VALUE}).")
    String deployment;

    @Option(names = "--create-topics", description = "Create missing topics on the cluster (always done with --embedded).")
    boolean createTopics;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of created topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Serve /healthz, /readyz and /metrics on this port while running.")
    Integer httpPort;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address the --http-port endpoints listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface)."
                    + " The --embedded broker always listens on localhost only.")
    String bindAddress;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PipelineDefinition definition = new DefinitionLoader().load(definitionFile, err);
        if (definition == null) {
            return ExitCodes.INVALID;
        }
        if (untilIdle != null && untilIdle <= 0) {
            err.println("datapipelines: --until-idle must be a positive number of seconds");
            return ExitCodes.INVALID;
        }
        InputStream reader = null;
        if (input != null && (reader = InputFiles.open(input, err)) == null) {
            return ExitCodes.INVALID;
        }
        KafkaSettings kafka = KafkaSettings.fromEnvironment(System.getenv());
        EmbeddedKafka embedded = null;
        try {
            if (cluster.embedded) {
                err.println("Starting an embedded Kafka broker...");
                embedded = EmbeddedKafka.start();
                kafka = kafka.with("bootstrap.servers", embedded.bootstrapServers());
            } else if (cluster.bootstrapServer != null) {
                kafka = kafka.with("bootstrap.servers", cluster.bootstrapServer);
            }
            if (kafka.bootstrapServers() == null) {
                err.println("datapipelines: no Kafka cluster: give --bootstrap-server HOST:PORT, set KAFKA_BOOTSTRAP_SERVERS, or use --embedded");
                return ExitCodes.INVALID;
            }
            try (Admin admin = Admin.create(kafka.toProperties())) {
                PipelineTopics.ensure(admin, definition, cluster.embedded || createTopics, partitions);
            } catch (IllegalStateException e) {
                err.println("datapipelines: " + e.getMessage());
                return ExitCodes.INVALID;
            }
            err.println("Kafka at " + kafka.bootstrapServers() + (cluster.embedded ? " (embedded)" : ""));
            return run(definition, kafka, reader, out, err);
        } finally {
            if (reader != null) {
                reader.close();
            }
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private int run(PipelineDefinition definition, KafkaSettings kafka, InputStream reader, PrintWriter out, PrintWriter err) throws Exception {
        Path stateDir = Files.createTempDirectory("datapipelines-run-");
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (PipelineRunner runner = new PipelineRunner(definition, deployment, kafka, stateDir, 1, new MicrometerPipelineMetrics(registry));
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(kafka), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            KafkaStreamsMetrics streamsMetrics = new KafkaStreamsMetrics(runner.streams());
            streamsMetrics.bindTo(registry);
            HealthServer http = httpPort == null ? null : new HealthServer(bindAddress, httpPort,
                    new PipelineHealth(runner::state, runner.progress(), PipelineHealth.DEFAULT_STALL_THRESHOLD), registry);
            if (http != null) {
                err.println("Health and metrics on http://" + (bindAddress.contains(":") ? "[" + bindAddress + "]" : bindAddress) + ":" + http.port() + "/metrics");
            }
            Thread interrupt = new Thread(runner::close, "datapipelines-run-shutdown");
            Runtime.getRuntime().addShutdownHook(interrupt);
            try {
                // Sink and dead letters are read as consumers downstream read them: committed records only.
                List<TopicPartition> partitions = partitionsOf(consumer, outputTopics(definition));
                consumer.assign(partitions);
                if (cluster.embedded) {
                    consumer.seekToBeginning(partitions);
                } else {
                    consumer.seekToEnd(partitions);
                    partitions.forEach(consumer::position); // fix "now" before anything is produced
                }
                runner.start();
                err.println("Pipeline " + definition.name() + " starting (application.id " + PipelineRunner.applicationId(definition, deployment) + ")");
                if (reader != null) {
                    int count = produce(definition, kafka, new NdjsonInput(reader, input.toString(), definition));
                    err.println("Produced " + count + " record(s) from " + input + " to " + definition.spec().source().topics().get(0));
                }
                return consume(definition, runner, consumer, out, err);
            } finally {
                if (http != null) {
                    http.close();
                }
                streamsMetrics.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(interrupt);
                } catch (IllegalStateException shuttingDown) {
                    // already stopping: the hook closes the runner
                }
            }
        } catch (NdjsonInput.BadInput e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID;
        } finally {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int produce(PipelineDefinition definition, KafkaSettings kafka, NdjsonInput records) throws Exception {
        Properties props = kafka.toProperties();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One request in flight: right after the topics are created, a rejected first batch must not be
        // overtaken by the next one (KAFKA-15591).
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        String topic = definition.spec().source().topics().get(0);
        int count = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            NdjsonInput.Encoded record;
            while ((record = records.next()) != null) {
                RecordHeaders headers = new RecordHeaders();
                if (record.headers() != null) {
                    record.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
                }
                producer.send(new ProducerRecord<>(topic, record.partition(), record.timestamp(), record.key(), record.value(), headers));
                count++;
            }
            producer.flush();
        }
        return count;
    }

    private int consume(PipelineDefinition definition, PipelineRunner runner, KafkaConsumer<byte[], byte[]> consumer,
                        PrintWriter out, PrintWriter err) throws InterruptedException {
        RecordCodec sinkKeys = RecordCodec.of(definition.spec().sink().keyFormat());
        RecordCodec sinkValues = RecordCodec.of(definition.spec().sink().format());
        RecordCodec sourceKeys = RecordCodec.of(definition.spec().source().keyFormat());
        RecordCodec sourceValues = RecordCodec.of(definition.spec().source().format());
        String sink = definition.spec().sink().topic();
        long lastActivity = System.nanoTime();
        boolean announcedRunning = false;
        while (true) {
            KafkaStreams.State state = runner.state();
            if (state == KafkaStreams.State.ERROR || state == KafkaStreams.State.NOT_RUNNING || state == KafkaStreams.State.PENDING_ERROR) {
                Throwable failure = runner.failure();
                err.println("Pipeline stopped: " + (failure == null ? state : failure.getMessage()));
                return ExitCodes.FAILED;
            }
            if (state == KafkaStreams.State.RUNNING && !announcedRunning) {
                announcedRunning = true;
                err.println("Pipeline running" + (untilIdle == null ? "; Ctrl-C stops it" : "; stops after " + untilIdle + " s without new records"));
            }
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                Map<String, String> headers = new LinkedHashMap<>();
                for (Header h : r.headers()) {
                    headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                }
                boolean isSink = r.topic().equals(sink);
                Map<String, Object> prefix = new LinkedHashMap<>();
                prefix.put("topic", r.topic());
                prefix.put("partition", r.partition());
                prefix.put("offset", r.offset());
                out.println(RecordPrinter.line(prefix, r.key(), r.value(), headers, isSink ? sinkKeys : sourceKeys, isSink ? sinkValues : sourceValues));
                lastActivity = System.nanoTime();
            }
            out.flush();
            // Idle time counts only while the pipeline is running (not while it starts or rebalances).
            if (state != KafkaStreams.State.RUNNING) {
                lastActivity = System.nanoTime();
            } else if (untilIdle != null && System.nanoTime() - lastActivity > Duration.ofSeconds(untilIdle).toNanos()) {
                err.println("No new records for " + untilIdle + " s: stopping");
                return runner.close(Duration.ofSeconds(30)) ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }

    private static List<String> outputTopics(PipelineDefinition definition) {
        List<String> topics = new ArrayList<>(List.of(definition.spec().sink().topic()));
        if (definition.spec().errors().mode() == ErrorMode.DEAD_LETTER) {
            topics.add(definition.spec().errors().deadLetterTopic());
        }
        return topics;
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, List<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo p : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
        }
        return partitions;
    }

    private static Properties consumerProps(KafkaSettings kafka) {
        Properties props = kafka.toProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }
}
