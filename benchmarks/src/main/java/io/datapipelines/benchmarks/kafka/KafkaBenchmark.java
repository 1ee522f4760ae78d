package io.datapipelines.benchmarks.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.datapipelines.benchmarks.Machine;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.AppInfoParser;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Throughput, CPU and footprint through the real runtime against a real broker, next to what a user would
 * write instead (the CPython loop, a bare Kafka Streams app) and the limit (a plain Java client loop).
 *
 * <p>Forks a single-node broker, fills a 3-partition source topic once, warms the broker up (its JIT,
 * its internal topics) with one uncounted run of the runtime and one of the peer, then runs rounds:
 * each round measures the idle runtime once and every workload under exactly-once and at-least-once,
 * one after another (the order rotating from round to round), so that the figures a ratio is made of
 * are taken minutes apart at most. Writes the results as JSON for
 * {@link io.datapipelines.benchmarks.report.BenchmarkReport}.
 */
@Command(name = "kafka-benchmark", mixinStandardHelpOptions = true,
        description = "Runs the runtime and the hand-written contenders against a forked broker and writes the results as JSON.")
public final class KafkaBenchmark implements Callable<Integer> {
    static final String SOURCE = "orders";
    static final String IDLE_SOURCE = "orders-idle";
    static final List<String> GUARANTEES = List.of("exactly-once", "at-least-once");
    static final List<Workload> WORKLOADS = List.of(Workload.BUILTIN, Workload.BUILTIN_JAVA25, Workload.PYTHON, Workload.PYTHON_JYTHON, Workload.FIVE_STEPS, Workload.BUILTIN_HEAVY,
            Workload.PYTHON_HEAVY_JYTHON, Workload.PYTHON_HEAVY_GRAALPY, Workload.PYTHON_HEAVY_FIELD_JYTHON, Workload.PYTHON_HEAVY_FIELD_GRAALPY,
            Workload.PYTHON_HEAVY_TITLE_JYTHON, Workload.PYTHON_HEAVY_TITLE_GRAALPY, Workload.SHADOW, Workload.PEER, Workload.BARE_STREAMS, Workload.PLAIN_LOOP);
    /**
     * What the idle footprint is measured on: the realistic pipeline, Python included, on Jython, whose footprint goal
     * predates GraalPy (a GraalPy pipeline's pod is larger; its footprint under load is in the throughput runs).
     */
    static final Workload IDLE_WORKLOAD = Workload.FIVE_STEPS_JYTHON;

    @Option(names = "--records", defaultValue = "1000000", description = "Source records (default: ${DEFAULT-VALUE}).")
    long records;

    @Option(names = "--rounds", defaultValue = "5", description = "Runs of each workload (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--runtime-classpath", required = true, description = "The runtime's classpath (what the image holds).")
    String runtimeClasspath;

    @Option(names = "--broker-classpath", required = true, description = "Kafka's server jars and an SLF4J binding.")
    String brokerClasspath;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "Debian's Python, with python3-confluent-kafka (default: ${DEFAULT-VALUE}).")
    String python;

    @Option(names = "--peer-script", required = true, description = "benchmarks/peer/uppercase_loop.py")
    Path peerScript;

    @Option(names = "--workloads", split = ",", converter = WorkloadId.class,
            description = "Only these workloads, by id (default: all): builtin, builtin-java25, python, python-jython, five-steps, builtin-heavy, python-heavy-jython,"
                    + " python-heavy-graalpy, python-heavy-field-jython, python-heavy-field-graalpy, python-heavy-title-jython, python-heavy-title-graalpy,"
                    + " shadow, peer, bare-streams, plain-loop.")
    List<Workload> workloads = WORKLOADS;

    /** A workload by its id, as the results and the report name it. */
    static final class WorkloadId implements CommandLine.ITypeConverter<Workload> {
        @Override
        public Workload convert(String id) {
            try {
                return Workload.byId(id);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("no workload '" + id + "'");
            }
        }
    }

    @Option(names = "--guarantees", split = ",", description = "Only these guarantees, for development (default: both).")
    List<String> guarantees = GUARANTEES;

    @Option(names = "--idle", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure the idle runtime in each round (default: yes; --no-idle for development).")
    boolean measureIdle;

    @Option(names = "--runtime-jvm-flags", split = " ", description = "Override the runtime's JVM flags, for experiments (the report shows them).")
    List<String> runtimeJvmFlags = RuntimeContender.JVM_FLAGS;

    @Option(names = "--graalpy-java", description = "The java of a JDK 25 whose JVMCI matches the Graal compiler (Temurin 25.0.3):"
            + " workloads with GraalPy steps run on it with the JIT, as in an image built with it (default: none, GraalPy interpreted).")
    Path graalPyJava;

    @Option(names = "--graal-compiler", description = "The Graal compiler's jars of GraalPy's version (with --graalpy-java).")
    Path graalCompiler;

    @Option(names = "--graalpy-class-data", description = "GraalPy's class-data archive, as the Java 25 base holds it"
            + " (/opt/datapipelines/graalpy.jsa, taken out of the base): GraalPy workloads map it as images on that base do"
            + " (with --graalpy-java, the base's own java; the runtime class path must start with the jars of the base's"
            + " io.datapipelines.class-data label and --graal-compiler be the directory it was dumped with).")
    Path graalPyClassData;

    @Option(names = "--graalpy-jvm-flags", split = " ", description = "More JVM flags for the GraalPy workloads, for experiments"
            + " (added after the image's and the JIT's; the report shows them).")
    List<String> graalPyJvmFlags = List.of();

    @Option(names = "--contender-classpath", description = "The classpath of the bare Kafka Streams app and the plain Java loop"
            + " (default: this harness's own).")
    String contenderClasspath = System.getProperty("java.class.path");

    @Option(names = "--work-dir", required = true, description = "Scratch directory: broker data, definitions, logs (emptied first).")
    Path workDir;

    @Option(names = "--output", required = true, description = "Where to write the results (JSON).")
    Path output;

    public static void main(String[] args) {
        System.exit(new CommandLine(new KafkaBenchmark()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = Machine.loadAverage();
        if ((graalPyJava == null) != (graalCompiler == null)) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--graalpy-java and --graal-compiler go together");
        }
        GraalPyJvm graalPyJvm = graalPyJava == null ? null : new GraalPyJvm(graalPyJava, graalCompiler, graalPyJvmFlags, graalPyClassData);
        // Ctrl-C or a failure must not leave a broker or a runtime behind: forked processes outlive the JVM
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        deleteRecursively(workDir);
        Files.createDirectories(workDir);
        String peerVersions = peerVersions();
        List<KafkaResults.Run> runs = new ArrayList<>();
        List<KafkaResults.Idle> idle = new ArrayList<>();
        Map<String, String> commands = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        List<Workload> measured = new ArrayList<>();
        for (Workload workload : workloads) {
            Optional<String> whyNot = workload.onlyForJava25() && graalPyJvm == null
                    ? Optional.of("it runs on --graalpy-java's JVM, and none was given")
                    : WorkloadProbe.whyNot(workload, guarantees.get(0));
            whyNot.ifPresentOrElse(reason -> {
                skipped.put(workload.id(), reason);
                progress("skipping %s: %s", workload.id(), reason);
            }, () -> measured.add(workload));
        }
        progress("starting a broker in %s", workDir.resolve("broker"));
        try (BrokerProcess broker = BrokerProcess.start(brokerClasspath, Files.createDirectories(workDir.resolve("broker")));
             Topics topics = new Topics(broker.bootstrapServers())) {
            commands.put("broker", ContenderLauncher.shortenClasspath(String.join(" ", broker.command())));
            ContenderLauncher launcher = new ContenderLauncher(broker.bootstrapServers(), runtimeClasspath, runtimeJvmFlags, python, peerScript,
                    contenderClasspath, graalPyJvm);
            Measurements measure = new Measurements(broker, topics, launcher, workDir.resolve("runs"));
            topics.create(Measurements.PARTITIONS, List.of(IDLE_SOURCE));
            SourceTopic source = fill(broker, topics, SOURCE, records);
            // The broker's first heavy run is slower (its JIT, its internal topics): one run of each kind
            // over the full source, not counted.
            for (Workload workload : List.of(Workload.BUILTIN, Workload.PEER)) {
                KafkaResults.Run run = measure.throughput(source, workload, guarantees.get(0), 0);
                progress("warm-up (not counted): %s %s, %,.0f records/s", workload.id(), guarantees.get(0), run.recordsPerSecond());
            }
            for (int round = 1; round <= rounds; round++) {
                if (measureIdle) {
                    KafkaResults.Idle run = measure.idle(IDLE_SOURCE, IDLE_WORKLOAD, "exactly-once", round);
                    idle.add(run);
                    progress("round %d idle %s: ready after %.2f s, VmRSS %.0f MiB", round, run.workload(), run.readySeconds(), run.rssMiB());
                }
                for (String guarantee : rotate(guarantees, round)) {
                    for (Workload workload : rotate(measured, round)) {
                        KafkaResults.Run run = measure.throughput(source, workload, guarantee, round);
                        runs.add(run);
                        progress("round %d %s %s: %,.0f records/s (%.2f s; CPU %.1f s, broker CPU %.1f s), start to first record %.2f s, "
                                        + "peak VmRSS %.0f MiB", round, workload.id(), guarantee, run.recordsPerSecond(), run.seconds(),
                                run.cpuSeconds(), run.brokerCpuSeconds(), run.startupSeconds(), run.peakRssMiB());
                    }
                }
            }
            commands.putAll(launcher.commands());
        }
        KafkaResults results = new KafkaResults(rounds < 5 || records < 1_000_000, records, rounds, started,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Machine.describe(), peerVersions, AppInfoParser.getVersion(),
                loadBefore, Machine.loadAverage(), runtimeJvmFlags, commands, runs, idle, skipped,
                graalPyJvm == null ? null : graalPyJvm.describe());
        Files.createDirectories(output.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), results);
        progress("wrote %s", output);
        return 0;
    }

    /** The list started {@code round - 1} places later: no workload always runs first, or right after another. */
    static <T> List<T> rotate(List<T> list, int round) {
        List<T> rotated = new ArrayList<>(list);
        java.util.Collections.rotate(rotated, -(round - 1));
        return rotated;
    }

    private static SourceTopic fill(BrokerProcess broker, Topics topics, String topic, long count) throws Exception {
        topics.create(Measurements.PARTITIONS, List.of(topic));
        long start = System.nanoTime();
        OrderRecords.produce(broker.bootstrapServers(), topic, count);
        Map<TopicPartition, Long> ends = topics.endOffsets(topic);
        if (Topics.total(ends) != count) {
            throw new IllegalStateException("topic " + topic + " holds " + Topics.total(ends) + " records, not " + count);
        }
        progress("filled %s with %,d records of %d bytes in %.1f s: %s", topic, count, OrderRecords.SIZE, (System.nanoTime() - start) / 1e9, ends);
        return new SourceTopic(topic, count, ends);
    }

    private String peerVersions() throws Exception {
        Process process = new ProcessBuilder(python, peerScript.toString(), "--versions").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the CPython peer cannot start (is python3-confluent-kafka installed?):\n" + out);
        }
        return out;
    }

    private static void progress(String format, Object... args) {
        System.out.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + "  " + String.format(Locale.ROOT, format, args));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
