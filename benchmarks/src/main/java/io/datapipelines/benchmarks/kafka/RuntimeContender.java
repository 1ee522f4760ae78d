package io.datapipelines.benchmarks.kafka;

import io.datapipelines.image.ContainerLayout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pipeline runtime ({@code PipelineMain}, what the image runs) forked with a container's JVM
 * settings, its Kafka settings from {@code KAFKA_*} variables as in a pod.
 */
final class RuntimeContender implements Contender {
    /**
     * The JVM as the image runs it ({@link ContainerLayout#JVM_FLAGS}); the launcher puts {@code -XX:MaxRAM} before them,
     * standing in for the pod's memory limit ({@link ContainerMemory}).
     */
    static final List<String> JVM_FLAGS = ContainerLayout.JVM_FLAGS;
    /**
     * At-least-once commits every 100 ms here, as exactly-once does by default (the runtime's own default is
     * 1 s): a run ends at a commit, so with 1 s a four-second run could only measure 4.0 or 5.0 s (one full
     * run of 1,000,000 records read 248k and 197k records/s for nearly the same work). The peer commits at
     * the same interval.
     */
    static final String AT_LEAST_ONCE_COMMIT_INTERVAL_MS = "100";

    private static final String MAIN = "io.datapipelines.runtime.app.PipelineMain";
    private static final Pattern FIRST_RECORD = Pattern.compile("^(\\S+) INFO FirstRecordLog - First record read");
    /** TruffleRuntimeReport's start-up line. */
    private static final Pattern TRUFFLE_RUNTIME = Pattern.compile("Python \\(GraalPy\\) runs on the Truffle runtime.*|PYTHON RUNS INTERPRETED.*");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private static final Pattern METRIC = Pattern.compile("^(datapipelines_[a-z_]+_total)\\{[^}]*} ([0-9.eE+-]+)$");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The shadow's comparisons by outcome (ShadowRunner's counter). */
    private static final Pattern SHADOW_METRIC = Pattern.compile("^datapipelines_shadow_records_total\\{[^}]*outcome=\"([A-Za-z]+)\"[^}]*} ([0-9.eE+-]+)$");

    private final MeasuredProcess process;
    private final String group;
    private final int httpPort;
    private final boolean shadow;

    private RuntimeContender(MeasuredProcess process, String group, int httpPort, boolean shadow) {
        this.process = process;
        this.group = group;
        this.httpPort = httpPort;
        this.shadow = shadow;
    }

    /**
     * @param pipeline the definition's metadata.name; with {@code deployment} it makes the group
     */
    /**
     * @param jit the JVM is meant to run GraalPy with the Graal JIT: the start fails when the runtime reports the interpreter
     */
    static RuntimeContender start(String java, List<String> jvmFlags, String classpath, String bootstrapServers, Path definition, String pipeline,
                                  String deployment, String guarantee, Path workDir, boolean jit) throws Exception {
        int httpPort = BrokerProcess.freePort();
        Path stateDir = Files.createDirectories(workDir.resolve("state"));
        Map<String, String> environment = new HashMap<>(environment(bootstrapServers, guarantee));
        MeasuredProcess process = MeasuredProcess.start(command(java, jvmFlags, classpath, definition, deployment, httpPort, stateDir),
                environment, workDir.resolve("runtime.log"));
        if (jit) {
            // a compiler that does not match the JDK's JVMCI falls back to the interpreter silently: a figure "with the JIT" would be wrong
            String line = process.awaitLine(TRUFFLE_RUNTIME, Duration.ofMinutes(2)).group();
            if (!line.contains("Graal JIT")) {
                process.close();
                throw new IllegalStateException("the runtime was started for GraalPy's JIT but reports: " + line);
            }
        }
        return new RuntimeContender(process, "datapipelines-" + pipeline + "-" + deployment, httpPort, false);
    }

    /**
     * The runtime in shadow mode: {@code definition} (the candidate) compared with {@code live} on each source record.
     * Its consumer group is {@link #shadowGroup}; it starts where that group's offsets are (the harness sets them to
     * the source's start: a new shadow group otherwise starts at the end).
     */
    static RuntimeContender startShadow(String java, List<String> jvmFlags, String classpath, String bootstrapServers, Path live,
                                        Path definition, String pipeline, String deployment, Path workDir) throws Exception {
        int httpPort = BrokerProcess.freePort();
        Path stateDir = Files.createDirectories(workDir.resolve("state"));
        MeasuredProcess process = MeasuredProcess.start(shadowCommand(java, jvmFlags, classpath, live, definition, deployment, httpPort, stateDir),
                environment(bootstrapServers, "exactly-once"), workDir.resolve("shadow.log"));
        return new RuntimeContender(process, shadowGroup(pipeline, deployment), httpPort, true);
    }

    /** ShadowSettings.consumerGroup: the live revision's name and the deployment. */
    static String shadowGroup(String pipeline, String deployment) {
        return "datapipelines-" + pipeline + "-" + deployment + "-shadow";
    }

    static List<String> shadowCommand(String java, List<String> jvmFlags, String classpath, Path live, Path definition, String deployment,
                                      int httpPort, Path stateDir) {
        List<String> command = new ArrayList<>(command(java, jvmFlags, classpath, definition, deployment, httpPort, stateDir));
        // the diff topic is created by the shadow (the source exists)
        command.addAll(List.of("--shadow-of", live.toString(), "--create-topics"));
        return command;
    }

    static Map<String, String> environment(String bootstrapServers, String guarantee) {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        if (guarantee.equals("at-least-once")) {
            environment.put("KAFKA_COMMIT_INTERVAL_MS", AT_LEAST_ONCE_COMMIT_INTERVAL_MS);
        }
        return environment;
    }

    /** This harness's own java, which runs the runtime unless a workload needs GraalPy's JIT ({@link GraalPyJvm}). */
    static String harnessJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> command(String java, List<String> jvmFlags, String classpath, Path definition, String deployment, int httpPort,
                                Path stateDir) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classpath, MAIN, "--definition", definition.toString(), "--deployment", deployment,
                "--http-port", Integer.toString(httpPort), "--state-dir", stateDir.toString()));
        return command;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public MeasuredProcess process() {
        return process;
    }

    @Override
    public long awaitFirstRecordMillis(Duration timeout) throws Exception {
        Matcher line = process.awaitLine(FIRST_RECORD, timeout);
        return OffsetDateTime.parse(line.group(1), LOG_TIME).toInstant().toEpochMilli();
    }

    /** Waits until /readyz answers 200: the pipeline is RUNNING (assigned its partitions). */
    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (get("/readyz").statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notListeningYet) {
                // the HTTP server starts after the topic checks
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the runtime did not become ready within " + timeout + "; the end of "
                        + process.log() + ":\n" + process.tail());
            }
            Thread.sleep(100);
        }
    }

    /**
     * For a shadow: in = records compared, out = those unchanged (it writes nothing to the sink), dead-lettered = new
     * dead letters.
     */
    @Override
    public Counts stop() throws Exception {
        Map<String, Double> metrics = new HashMap<>();
        Map<String, Double> outcomes = new HashMap<>();
        for (String line : get("/metrics").body().split("\n")) {
            Matcher outcome = SHADOW_METRIC.matcher(line);
            if (outcome.matches()) {
                outcomes.merge(outcome.group(1), Double.parseDouble(outcome.group(2)), Double::sum);
            }
            Matcher m = METRIC.matcher(line);
            if (m.matches()) {
                metrics.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        int exit = process.stop(Duration.ofSeconds(40));
        if (shadow) {
            return new Counts((long) outcomes.values().stream().mapToDouble(Double::doubleValue).sum(),
                    outcomes.getOrDefault("unchanged", 0.0).longValue(), outcomes.getOrDefault("newDeadLetter", 0.0).longValue(), exit);
        }
        return new Counts(metrics.getOrDefault("datapipelines_records_in_total", -1.0).longValue(),
                metrics.getOrDefault("datapipelines_records_out_total", -1.0).longValue(),
                metrics.getOrDefault("datapipelines_records_dead_lettered_total", -1.0).longValue(), exit);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
