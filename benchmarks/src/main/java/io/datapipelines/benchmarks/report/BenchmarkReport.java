package io.datapipelines.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapipelines.benchmarks.Stats;
import io.datapipelines.benchmarks.kafka.KafkaResults;
import io.datapipelines.benchmarks.kafka.Workload;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/**
 * Writes docs/benchmarks.md and its charts from one invocation's results: the goals first, each next to
 * its measurement, then each benchmark with its method, the machine and the exact commands.
 */
@Command(name = "benchmark-report", mixinStandardHelpOptions = true, description = "Writes docs/benchmarks.md and its PNG charts.")
public final class BenchmarkReport implements Callable<Integer> {
    static final List<String> GUARANTEES = List.of("exactly-once", "at-least-once");
    static final List<String> PIPELINES = List.of("builtin", "python", "five-steps");
    static final double PYTHON_SHARE_GOAL = 0.6;
    /** Issue 4: a new revision of an existing pipeline builds and pushes in a second, pushing kilobytes. */
    static final double IMAGE_SECONDS_GOAL = 1.0;
    static final double IMAGE_BYTES_GOAL = 64 * 1024;
    static final double PEER_FACTOR_GOAL = 2.0;
    static final double IDLE_RSS_GOAL = 160;
    static final double LOADED_RSS_GOAL = 256;
    static final double STARTUP_GOAL = 3.0;

    @Option(names = "--kafka", required = true, description = "The broker benchmark's results (JSON).")
    Path kafkaFile;

    @Option(names = "--jmh", required = true, description = "The topology benchmark's JMH results (JSON).")
    Path jmhFile;

    @Option(names = "--image", description = "The image benchmark's results (JSON), when it ran.")
    Path imageFile;

    @Option(names = "--output", required = true, description = "The Markdown report to write.")
    Path output;

    @Option(names = "--command", defaultValue = "benchmarks/run.sh", description = "The command that produced the results.")
    String command;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchmarkReport()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        for (Path input : List.of(kafkaFile, jmhFile)) {
            if (!Files.isRegularFile(input)) {
                System.err.println("benchmark-report: " + input + " does not exist; benchmarks/run.sh writes it");
                return 2;
            }
        }
        ObjectMapper json = new ObjectMapper();
        Figures figures = new Figures(json.readValue(kafkaFile.toFile(), KafkaResults.class));
        JmhResults jmh = JmhResults.read(jmhFile);
        ImageResults image = imageFile != null && Files.exists(imageFile) ? json.readValue(imageFile.toFile(), ImageResults.class) : null;
        Path charts = output.toAbsolutePath().getParent().resolve("benchmarks");
        Files.createDirectories(charts);
        writeCharts(figures, charts);
        Markdown md = new Markdown();
        header(md, figures.results());
        goals(md, figures, jmh, image);
        throughput(md, figures);
        peer(md, figures.results());
        footprint(md, figures);
        image(md, image);
        topology(md, jmh);
        machine(md, figures.results());
        everyRun(md, figures.results());
        Files.writeString(output, md.toString());
        System.out.println("wrote " + output + " and the charts in " + charts);
        return 0;
    }

    private void header(Markdown md, KafkaResults results) {
        md.line("# Benchmarks").line();
        md.line("Produced by `" + command + "` from " + results.started() + " to " + results.finished()
                + "; do not edit by hand. How to run it and what each part does: [benchmarks/README.md](../benchmarks/README.md).").line();
        if (results.quick()) {
            md.line("**Quick mode: " + results.rounds() + " run(s) of each figure over " + String.format(Locale.ROOT, "%,d", results.records())
                    + " records, not the 5 runs over 1,000,000 the figures are defined by. For development only; the figures below"
                    + " are not medians of 5 and not for publication.**").line();
        }
        md.line("Load average (1, 5, 15 min) before: " + results.loadAverageBefore() + "; after: " + results.loadAverageAfter()
                + ". The machine has " + results.machine().cores() + " cores, shared by the broker, the process measured and the"
                + " harness; a load well above that means other work ran at the same time and the figures are noisy.").line();
    }

    private void goals(Markdown md, Figures f, JmhResults jmh, ImageResults image) {
        md.line("## Goals").line();
        md.line("Medians of " + f.results().rounds() + " run(s). Each ratio is taken round by round (its two runs ran minutes apart in the same round) and the median of those is given.").line();
        md.row("goal", "measured", "goal met?").row("---", "---:", "---");
        for (String g : GUARANTEES) {
            if (f.has("python", g) && f.has("builtin", g)) {
                double ratio = f.medianThroughputRatio("python", "builtin", g);
                md.row("(b) Python >= 0.6 x (a) built-in, " + g + ", real broker", fmt("%.2f x", ratio), met(ratio >= PYTHON_SHARE_GOAL));
            }
        }
        for (String g : GUARANTEES) {
            for (String ours : List.of("builtin", "python")) {
                if (f.has(ours, g) && f.has("peer", g)) {
                    double ratio = f.medianThroughputRatio(ours, "peer", g);
                    md.row(Workload.byId(ours).label() + " >= 2 x the CPython loop, " + g, fmt("%.2f x", ratio), met(ratio >= PEER_FACTOR_GOAL));
                }
            }
        }
        if (!f.results().idle().isEmpty()) {
            double idle = f.idleRssMedian();
            md.row("resident memory idle <= 160 MiB", fmt("%.0f MiB", idle), met(idle <= IDLE_RSS_GOAL));
        }
        String worstLoaded = null;
        double loaded = Double.NEGATIVE_INFINITY;
        String worstStart = null;
        double startup = Double.NEGATIVE_INFINITY;
        for (String g : GUARANTEES) {
            for (String w : PIPELINES) {
                if (f.has(w, g)) {
                    double rss = f.median(w, g, KafkaResults.Run::peakRssMiB);
                    if (rss > loaded) {
                        loaded = rss;
                        worstLoaded = w + ", " + g;
                    }
                    double start = f.median(w, g, KafkaResults.Run::startupSeconds);
                    if (start > startup) {
                        startup = start;
                        worstStart = w + ", " + g;
                    }
                }
            }
        }
        if (worstLoaded != null) {
            md.row("resident memory under load <= 256 MiB (the largest median peak)", fmt("%.0f MiB", loaded) + " (" + worstLoaded + ")",
                    met(loaded <= LOADED_RSS_GOAL));
            md.row("process start to first record <= 3 s (the slowest median)", fmt("%.2f s", startup) + " (" + worstStart + ")",
                    met(startup <= STARTUP_GOAL));
        }
        double topology = jmh.score("python") / jmh.score("builtin");
        md.row("topology only (JMH, no broker): Python >= 0.6 x built-in", fmt("%.2f x", topology), met(topology >= PYTHON_SHARE_GOAL));
        if (image == null) {
            md.row("new-revision image build and push: median <= 1 s, <= 64 KiB pushed (warm registry)", "not measured in this run", "see below");
        } else {
            double seconds = Stats.median(image.newRevision().stream().mapToDouble(ImageResults.Push::seconds).toArray());
            double pushed = Stats.median(image.newRevision().stream().mapToDouble(ImageResults.Push::bytes).toArray());
            md.row("new-revision image build and push: median <= 1 s, <= 64 KiB pushed (warm registry)",
                    fmt("%.2f s, %s", seconds, bytes(pushed)), met(seconds <= IMAGE_SECONDS_GOAL && pushed <= IMAGE_BYTES_GOAL));
        }
        md.line();
    }

    private void throughput(Markdown md, Figures f) {
        KafkaResults r = f.results();
        md.line("## Throughput through a real broker").line();
        md.line(String.format(Locale.ROOT, """
                A pre-filled source topic of %,d JSON records of 200 bytes in 3 partitions, on a single-node Kafka %s broker
                (KRaft, broker and controller in one process) forked from Kafka's own jars with a 1 GiB heap. Each run is a
                fresh process with a fresh consumer group, fresh sink and dead-letter topics (3 partitions), and one stream
                thread (one consumer loop for the peer). Before the first round one run of the runtime and one of the peer
                warm the broker up and are not counted; in each round every workload runs under both guarantees, the order
                rotating by one place from round to round. The workloads:

                - **(a) built-in**: the field `customer` upper-cased by the built-in `uppercase`;
                - **(b) Python**: the same with a Python `transform(value, row)` returning `value.upper()` (Jython);
                - **(c) five steps**: keep EU orders (`reg-exp` filter, 8 in 10 pass), hash the e-mail (`hash` sha256),
                  cast the amount to float, a Python record transform (title-cased customer, a `tier` from the amount), and
                  lower-case the status, drop the note and rename `id`: the kind of steps of `examples/orders-cleanup.yaml`;
                - **CPython loop**: the peer, below.

                **Timed from the first record read to the last record committed.** Start: the runtime logs
                `First record read` (from its records-in counter, once) and the peer prints the time when its first
                record arrives. End: the harness polls the consumer group's committed offsets every 50 ms (Admin
                `listConsumerGroupOffsets`) and stops the clock when every partition's committed offset has reached the
                source's end offset, so the end is at most ~50 ms (and one request) late. After each run the
                harness checks the process's own counts (records read = %,d, written = the expected number, 0 dead
                letters) and that it stopped cleanly on SIGTERM; a run that fails the check stops the benchmark.
                Exactly-once is Kafka Streams' `exactly_once_v2`, committing every 100 ms (its default); at-least-once
                commits every 100 ms too (`KAFKA_COMMIT_INTERVAL_MS=100`; the runtime's default is 1 s, Kafka Streams'
                30 s): the clock stops at a commit, so with 1 s a run of four to five seconds could only end on a whole
                second. The peer commits at the same intervals. CPU is the process's user +
                system time over the same interval (from `/proc/<pid>/stat`; JIT compilation and garbage collection
                included), which other load on the machine disturbs less than wall-clock time; "cores busy" is that CPU
                time over the run's seconds (1.00: one core all the time); the broker's CPU in that interval is given too.
                """, r.records(), r.kafkaVersion(), r.records()).strip()).line();
        md.row("workload", "guarantee", "records/s (median)", "min - max", "seconds", "CPU µs per record", "cores busy", "broker CPU s", "runs")
          .row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        for (String g : GUARANTEES) {
            for (Workload w : List.of(Workload.BUILTIN, Workload.PYTHON, Workload.FIVE_STEPS, Workload.PEER)) {
                if (f.has(w.id(), g)) {
                    md.row(w.label(), g, fmt("%,.0f", f.median(w.id(), g, KafkaResults.Run::recordsPerSecond)),
                            fmt("%,.0f - %,.0f", f.min(w.id(), g, KafkaResults.Run::recordsPerSecond), f.max(w.id(), g, KafkaResults.Run::recordsPerSecond)),
                            fmt("%.2f", f.median(w.id(), g, KafkaResults.Run::seconds)),
                            fmt("%.1f", f.median(w.id(), g, run -> run.cpuSeconds() / run.records() * 1e6)),
                            fmt("%.2f", f.median(w.id(), g, run -> run.cpuSeconds() / run.seconds())),
                            fmt("%.1f", f.median(w.id(), g, KafkaResults.Run::brokerCpuSeconds)), Integer.toString(f.runs(w.id(), g).size()));
                }
            }
        }
        md.line().line("![Records per second through a real broker](benchmarks/throughput.png)").line();
        md.line("Ratios, round by round (median in bold):").line();
        md.row("ratio", "guarantee", "per round", "median").row("---", "---", "---", "---:");
        for (String g : GUARANTEES) {
            ratioRow(md, f, "python", "builtin", g);
            ratioRow(md, f, "five-steps", "builtin", g);
            ratioRow(md, f, "builtin", "peer", g);
            ratioRow(md, f, "python", "peer", g);
        }
        md.line();
    }

    private static void ratioRow(Markdown md, Figures f, String numerator, String denominator, String guarantee) {
        double[] ratios = f.throughputRatios(numerator, denominator, guarantee);
        if (ratios.length == 0) {
            return;
        }
        StringBuilder each = new StringBuilder();
        for (double ratio : ratios) {
            each.append(each.isEmpty() ? "" : ", ").append(fmt("%.2f", ratio));
        }
        md.row(Workload.byId(numerator).label() + " / " + Workload.byId(denominator).label(), guarantee, each.toString(),
                "**" + fmt("%.2f", Stats.median(ratios)) + "**");
    }

    private static void peer(Markdown md, KafkaResults r) {
        md.line("## The CPython peer").line();
        md.line("""
                What a user would write instead: [benchmarks/peer/uppercase_loop.py](../benchmarks/peer/uppercase_loop.py), a
                consume-transform-produce loop on Debian's `python3-confluent-kafka` (librdkafka; %s). It consumes in
                batches of up to 500 (`consume(num_messages=500)`), parses each value with `json.loads`, upper-cases
                `customer`, writes it back with `json.dumps` and produces it with the same key (`acks=all`, idempotent).
                Exactly-once: a transactional producer, the consumed positions sent with `send_offsets_to_transaction`
                and the transaction committed every 100 ms, reading `read_committed`. At-least-once: every 100 ms the
                producer is flushed and then the consumed offsets are committed synchronously. Its records read and
                written are checked like the runtime's.
                """.formatted(r.peerVersions()).strip()).line();
    }

    private void footprint(Markdown md, Figures f) {
        KafkaResults r = f.results();
        md.line("## Runtime footprint").line();
        md.line(("""
                The runtime runs with the JVM flags `%s`: the image's own flags (`ContainerLayout.JVM_FLAGS`:
                heap up to 75%% of the memory limit, the Parallel collector, a young generation of at most 64 MiB; see
                [images.md](images.md)) in a container with the definition format's default memory limit (512Mi), for
                which `-XX:MaxRAM` stands in outside a container.
                Resident memory is `VmRSS` from `/proc/<pid>/status` (what a container's memory limit counts), sampled
                every 100 ms.

                - **Idle**: the five-step pipeline (Python included), exactly-once, RUNNING on an empty 3-partition topic;
                  the median of the samples over 5 s, from 10 s after `/readyz` first answered 200. Median over %d round(s): **%.0f MiB**
                  (ready %.2f s after the process was started).
                - **Under load**: the largest sample from the process start to its last commit, in each throughput run;
                  the median of those per workload below.
                - **Process start to first record**: from the harness's clock just before it forks the JVM to the
                  timestamp of the runtime's `First record read` log line (the first record handed to the pipeline by
                  Kafka Streams; the source is pre-filled, so this is JVM start, definition parsing and compilation,
                  topic checks, Kafka Streams start, the consumer group join and the first fetch).
                """).formatted(String.join(" ", r.runtimeJvmFlags()), r.idle().size(), f.idleRssMedian(), f.idleReadyMedian()).strip()).line();
        md.row("workload", "guarantee", "peak VmRSS under load, MiB (median)", "min - max", "start to first record, s (median)", "min - max")
          .row("---", "---", "---:", "---:", "---:", "---:");
        for (String g : GUARANTEES) {
            for (Workload w : List.of(Workload.BUILTIN, Workload.PYTHON, Workload.FIVE_STEPS, Workload.PEER)) {
                if (f.has(w.id(), g)) {
                    md.row(w.label(), g, fmt("%.0f", f.median(w.id(), g, KafkaResults.Run::peakRssMiB)),
                            fmt("%.0f - %.0f", f.min(w.id(), g, KafkaResults.Run::peakRssMiB), f.max(w.id(), g, KafkaResults.Run::peakRssMiB)),
                            fmt("%.2f", f.median(w.id(), g, KafkaResults.Run::startupSeconds)),
                            fmt("%.2f - %.2f", f.min(w.id(), g, KafkaResults.Run::startupSeconds), f.max(w.id(), g, KafkaResults.Run::startupSeconds)));
                }
            }
        }
        md.line().line("The CPython loop's figures are there for scale; the goals are the runtime's.").line();
        md.line("![Resident memory](benchmarks/memory.png)").line();
        md.line("![Process start to first record](benchmarks/startup.png)").line();
    }

    private static void image(Markdown md, ImageResults image) {
        md.line("## Image build and push (issue 8, item 3)").line();
        if (image == null) {
            md.line("""
                    Not measured in this run. The images work plugs in here: `benchmarks/run.sh` runs
                    `benchmarks/image/run.sh RESULTS_JSON [--quick]` when that script exists, and this section is written
                    from the JSON it leaves (the format is in [benchmarks/README.md](../benchmarks/README.md)).
                    """.strip()).line();
            return;
        }
        double[] seconds = image.newRevision().stream().mapToDouble(ImageResults.Push::seconds).toArray();
        double[] bytes = image.newRevision().stream().mapToDouble(ImageResults.Push::bytes).toArray();
        md.line("Registry: " + image.registry() + ". Command: `" + image.command() + "`.").line();
        md.row("push", "seconds", "bytes sent", "runs").row("---", "---:", "---:", "---:");
        md.row("first push (empty registry)", fmt("%.1f", image.firstPush().seconds()), bytes(image.firstPush().bytes()), "1");
        md.row("new revision (warm registry), median", fmt("%.1f", Stats.median(seconds)), bytes(Stats.median(bytes)),
                Integer.toString(seconds.length));
        md.line();
    }

    private static void topology(Markdown md, JmhResults jmh) {
        md.line("## Records per second through the topology alone (JMH)").line();
        md.line(("""
                One 200-byte JSON record at a time through the pipeline's real Kafka Streams topology (TopologyTestDriver:
                decode, steps, encode, forward; no broker), the field `customer` upper-cased (a) by the built-in `uppercase`
                and (b) by Python `value.upper()` in Jython. JMH throughput mode, %d fork(s), %d warm-up and %d measured
                iterations of %s / %s, one thread; the score is the mean of the measured iterations with its 99.9%% error.
                This is the steady-state cost of the pipeline code alone, without Kafka's clients or a broker.
                """).formatted(jmh.forks(), jmh.warmupIterations(), jmh.measurementIterations(), jmh.warmupTime(), jmh.measurementTime()).strip()).line();
        md.row("transform", "records/s", "error").row("---", "---:", "---:");
        for (JmhResults.Score score : jmh.scores()) {
            md.row(score.transform(), fmt("%,.0f", score.score()), Double.isFinite(score.error()) ? fmt("± %,.0f", score.error()) : "n/a (too few iterations)");
        }
        md.line();
    }

    private void machine(Markdown md, KafkaResults r) {
        md.line("## Machine and commands").line();
        md.line("```");
        md.line("CPU:     " + r.machine().cpu() + ", " + r.machine().cores() + " cores");
        md.line("memory:  " + r.machine().memory());
        md.line("JDK:     " + r.machine().jdk());
        md.line("kernel:  " + r.machine().kernel());
        md.line("OS:      " + r.machine().os());
        md.line("Kafka:   " + r.kafkaVersion() + " (broker and clients)");
        md.line("peer:    " + r.peerVersions());
        md.line("```").line();
        md.line("Everything above: `" + command + "` (it builds with the Maven wrapper, installs `python3-confluent-kafka` when"
                + " missing, and runs the steps below). The processes it starts (`<classpath>`: the module's runtime classpath;"
                + " ports and topic names vary per run; paths relative to the checkout):").line();
        md.line("```");
        String checkout = Path.of("").toAbsolutePath() + "/";
        r.commands().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.line("# " + e.getKey()).line(e.getValue().replace(checkout, "")));
        md.line("```").line();
    }

    private static void everyRun(Markdown md, KafkaResults r) {
        md.line("## Every run").line();
        md.line("In the order they ran; the load is the machine's 1-minute load average at the end of each run.").line();
        md.row("round", "workload", "guarantee", "records/s", "seconds", "CPU s", "broker CPU s", "start s", "peak MiB", "written", "load")
          .row("---:", "---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        for (KafkaResults.Run run : r.runs()) {
            md.row(Integer.toString(run.round()), run.workload(), run.guarantee(), fmt("%,.0f", run.recordsPerSecond()), fmt("%.2f", run.seconds()),
                    fmt("%.1f", run.cpuSeconds()), fmt("%.1f", run.brokerCpuSeconds()), fmt("%.2f", run.startupSeconds()),
                    fmt("%.0f", run.peakRssMiB()), fmt("%,d", run.recordsOut()), fmt("%.1f", run.loadAverage()));
        }
        md.line();
        if (!r.idle().isEmpty()) {
            md.row("round", "idle workload", "ready s", "VmRSS MiB").row("---:", "---", "---:", "---:");
            for (KafkaResults.Idle idle : r.idle()) {
                md.row(Integer.toString(idle.round()), idle.workload() + ", " + idle.guarantee(), fmt("%.2f", idle.readySeconds()), fmt("%.0f", idle.rssMiB()));
            }
            md.line();
        }
    }

    private static void writeCharts(Figures f, Path dir) throws Exception {
        Map<String, Map<String, Double>> throughput = new LinkedHashMap<>();
        Map<String, Map<String, Double>> memory = new LinkedHashMap<>();
        Map<String, Map<String, Double>> startup = new LinkedHashMap<>();
        for (Workload w : List.of(Workload.BUILTIN, Workload.PYTHON, Workload.FIVE_STEPS, Workload.PEER)) {
            for (String g : GUARANTEES) {
                if (f.has(w.id(), g)) {
                    put(throughput, w.label(), g, f.median(w.id(), g, KafkaResults.Run::recordsPerSecond));
                    put(memory, g, w.label(), f.median(w.id(), g, KafkaResults.Run::peakRssMiB));
                    if (w != Workload.PEER) {
                        put(startup, g, w.label(), f.median(w.id(), g, KafkaResults.Run::startupSeconds));
                    }
                }
            }
        }
        if (!f.results().idle().isEmpty()) {
            put(memory, "idle", "runtime idle", f.idleRssMedian());
        }
        String mode = f.results().quick() ? " (QUICK MODE: not medians of 5)" : " (median of " + f.results().rounds() + ")";
        Charts.bars(dir.resolve("throughput.png"), "Records per second, 1 stream thread, real broker" + mode, "records/s", throughput, Map.of(), "#,##0");
        Charts.bars(dir.resolve("memory.png"), "Resident memory (VmRSS), peak under load and idle" + mode, "MiB", memory,
                Map.of("goal idle 160 MiB", IDLE_RSS_GOAL, "goal loaded 256 MiB", LOADED_RSS_GOAL), "#,##0");
        Charts.bars(dir.resolve("startup.png"), "Process start to first record" + mode, "seconds", startup, Map.of("goal 3 s", STARTUP_GOAL), "0.00");
    }

    private static void put(Map<String, Map<String, Double>> values, String series, String category, double value) {
        values.computeIfAbsent(series, s -> new LinkedHashMap<>()).put(category, value);
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }

    private static String bytes(double bytes) {
        return bytes >= 1024 * 1024 ? fmt("%.1f MiB", bytes / 1024 / 1024) : fmt("%.1f KiB", bytes / 1024);
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
