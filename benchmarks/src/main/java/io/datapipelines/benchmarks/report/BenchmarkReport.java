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
    /** The runtime's workloads whose footprint goals predate GraalPy: no Python, or Python on Jython. */
    static final List<String> PIPELINES = List.of("builtin", "python-jython", "builtin-heavy", "python-heavy-jython", "python-heavy-field-jython",
            "python-heavy-title-jython");
    /** The runtime's workloads with GraalPy steps (issue 12's footprint goals: at most 768 MiB resident, first record within 6 s). */
    static final List<String> GRAALPY_PIPELINES = List.of("python", "five-steps", "python-heavy-graalpy", "python-heavy-field-graalpy",
            "python-heavy-title-graalpy");
    static final double PYTHON_SHARE_GOAL = 0.6;
    /** Issue 12: a GraalPy uppercase step against the built-in, exactly-once; the heavy step against Jython's. */
    static final double GRAALPY_SHARE_GOAL = 0.8;
    static final double GRAALPY_HEAVY_GOAL = 1.3;
    /** The heavy steps held to that goal: {@code id} is their workloads' without the engine ({@code ID-graalpy}, {@code ID-jython}). */
    private record HeavyStep(String id, String name) { }
    private static final List<HeavyStep> HEAVY_STEPS = List.of(new HeavyStep("python-heavy", "(e) heavier Python"),
            new HeavyStep("python-heavy-field", "(f) heavier Python field step"),
            new HeavyStep("python-heavy-title", "(g) heavier Python field step with str.title()"));
    static final double GRAALPY_LOADED_RSS_GOAL = 768;
    static final double GRAALPY_STARTUP_GOAL = 6.0;
    /** Issue 15: the shadow runs two pipelines per record and compares them. */
    static final double SHADOW_SHARE_GOAL = 0.45;
    /** Issue 4: a new revision of an existing pipeline builds and pushes in a second, pushing kilobytes. */
    static final double IMAGE_SECONDS_GOAL = 1.0;
    static final double IMAGE_BYTES_GOAL = 64 * 1024;
    static final double PEER_FACTOR_GOAL = 2.0;
    static final double IDLE_RSS_GOAL = 160;
    static final double LOADED_RSS_GOAL = 256;
    static final double STARTUP_GOAL = 3.0;
    /** Every workload, in the order the tables show them. */
    static final List<Workload> SHOWN = java.util.Arrays.stream(Workload.values()).filter(w -> w != Workload.FIVE_STEPS_JYTHON).toList();
    /** Issue 16: the contenders the runtime is held against, all doing (a)'s transform. */
    static final List<Workload> LIMIT_CONTENDERS = List.of(Workload.BUILTIN, Workload.PYTHON, Workload.BARE_STREAMS, Workload.PLAIN_LOOP, Workload.PEER);
    /** The steady-state run is defined by at least this many records (JIT warm-up a small part of it). */
    static final long STEADY_RECORDS = 5_000_000;
    static final String NOT_MEASURED = "not measured yet";

    /**
     * Issue 16's goals for (a) the built-in pipeline: its figure over the other's, at most or at least the bound.
     *
     * @param cpu true: CPU per record, at most {@code bound}; false: records/s, at least {@code bound}
     */
    record LimitGoal(String other, boolean cpu, double bound) {
        String text() {
            String of = Workload.byId(other).label();
            return cpu ? fmt("CPU per record <= %.2f x the %s's", bound, of) : fmt("records/s >= %.2f x the %s's", bound, of);
        }

        ToDoubleFunction<KafkaResults.Run> figure() {
            return cpu ? Figures::cpuMicrosPerRecord : KafkaResults.Run::recordsPerSecond;
        }

        boolean met(double ratio) {
            return cpu ? ratio <= bound : ratio >= bound;
        }
    }

    static final List<LimitGoal> LIMIT_GOALS = List.of(
            new LimitGoal("bare-streams", true, 1.10), new LimitGoal("bare-streams", false, 0.95),
            new LimitGoal("plain-loop", true, 1.5), new LimitGoal("plain-loop", false, 0.8),
            new LimitGoal("peer", true, 0.6));

    @Option(names = "--kafka", required = true, description = "The broker benchmark's results (JSON).")
    Path kafkaFile;

    @Option(names = "--kafka-steady", description = "The steady-state broker benchmark's results (JSON), when it ran.")
    Path steadyFile;

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
        Figures steady = steadyFile != null && Files.exists(steadyFile) ? new Figures(json.readValue(steadyFile.toFile(), KafkaResults.class)) : null;
        JmhResults jmh = JmhResults.read(jmhFile);
        ImageResults image = imageFile != null && Files.exists(imageFile) ? json.readValue(imageFile.toFile(), ImageResults.class) : null;
        Path charts = output.toAbsolutePath().getParent().resolve("benchmarks");
        Files.createDirectories(charts);
        writeCharts(figures, steady, charts);
        Markdown md = new Markdown();
        header(md, figures.results());
        goals(md, figures, steady, jmh, image);
        limitGoals(md, figures, steady);
        throughput(md, figures);
        limit(md, figures, steady);
        peer(md, figures.results());
        footprint(md, figures);
        image(md, image);
        topology(md, jmh);
        machine(md, figures.results());
        everyRun(md, figures.results(), "## Every run");
        if (steady != null) {
            everyRun(md, steady.results(), "## Every run of the steady-state benchmark");
        }
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

    private void goals(Markdown md, Figures f, Figures steady, JmhResults jmh, ImageResults image) {
        md.line("## Goals").line();
        md.line("Medians of " + f.results().rounds() + " run(s). Each ratio is taken round by round (its two runs ran minutes apart in the same round) and the median of those is given.").line();
        md.row("goal", "measured", "goal met?").row("---", "---:", "---");
        for (String g : GUARANTEES) {
            if (f.has("python-jython", g) && f.has("builtin", g)) {
                double ratio = f.medianThroughputRatio("python-jython", "builtin", g);
                md.row("(b) Python on Jython >= 0.6 x (a) built-in, " + g + ", real broker", fmt("%.2f x", ratio), met(ratio >= PYTHON_SHARE_GOAL));
            }
        }
        graalPyGoals(md, f, fmt("%,d records", f.results().records()));
        if (steady != null) {
            graalPyGoals(md, steady, fmt("steady state, %,d records", steady.results().records()));
        }
        for (String g : GUARANTEES) {
            if (f.has("shadow", g) && f.has("builtin", g)) {
                double ratio = f.medianThroughputRatio("shadow", "builtin", g);
                md.row("shadow of (a) >= 0.45 x (a) built-in, " + g + " (issue 15)", fmt("%.2f x", ratio), met(ratio >= SHADOW_SHARE_GOAL));
            }
        }
        for (String g : GUARANTEES) {
            for (String ours : List.of("builtin", "python", "python-jython")) {
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
        footprintGoals(md, f, PIPELINES, "", LOADED_RSS_GOAL, STARTUP_GOAL);
        footprintGoals(md, f, GRAALPY_PIPELINES, "GraalPy pipelines (issue 12): ", GRAALPY_LOADED_RSS_GOAL, GRAALPY_STARTUP_GOAL);
        for (String python : List.of("python", "python-jython")) {
            double topology = jmh.score(python) / jmh.score("builtin");
            if (Double.isFinite(topology)) {
                md.row("topology only (JMH, no broker): " + JmhResults.label(python) + " >= 0.6 x built-in", fmt("%.2f x", topology),
                        met(topology >= PYTHON_SHARE_GOAL));
            }
        }
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

    /**
     * Issue 12's throughput goals, each twice: over the whole run (the JIT's warm-up included) and over its later half
     * (once the JIT has had the first half to warm up: the steady state the goals are about).
     */
    private static void graalPyGoals(Markdown md, Figures f, String run) {
        Map<String, ToDoubleFunction<KafkaResults.Run>> spans = new LinkedHashMap<>();
        spans.put("whole run", KafkaResults.Run::recordsPerSecond);
        spans.put("later half", KafkaResults.Run::laterHalfRecordsPerSecond);
        spans.forEach((span, figure) -> {
            String where = " (issue 12; " + run + ", " + span + ")";
            if (f.has("python", "exactly-once") && f.has("builtin", "exactly-once")) {
                double ratio = f.medianRatio("python", "builtin", "exactly-once", figure);
                md.row("(b) Python on GraalPy >= 0.8 x (a) built-in, exactly-once" + where, ratioCell(ratio), metIfMeasured(ratio, ratio >= GRAALPY_SHARE_GOAL));
            }
            if (f.has("python", "exactly-once") && f.has("builtin-java25", "exactly-once")) {
                double ratio = f.medianRatio("python", "builtin-java25", "exactly-once", figure);
                md.row("(b) Python on GraalPy >= 0.8 x (a) built-in on the same Java 25, exactly-once" + where, ratioCell(ratio),
                        metIfMeasured(ratio, ratio >= GRAALPY_SHARE_GOAL));
            }
            for (String g : GUARANTEES) {
                for (HeavyStep heavy : HEAVY_STEPS) {
                    String graalPy = heavy.id() + "-graalpy";
                    String jython = heavy.id() + "-jython";
                    if (f.has(graalPy, g) && f.has(jython, g)) {
                        double ratio = f.medianRatio(graalPy, jython, g, figure);
                        md.row(heavy.name() + ": GraalPy >= 1.3 x Jython, " + g + where, ratioCell(ratio), metIfMeasured(ratio, ratio >= GRAALPY_HEAVY_GOAL));
                    }
                }
            }
        });
    }

    /** Whether a figure was taken: results written before it existed read it as 0, and NaN means it could not be. */
    private static boolean measured(double figure) {
        return Double.isFinite(figure) && figure > 0;
    }

    private static String orNotMeasured(String format, double value) {
        return measured(value) ? fmt(format, value) : "-";
    }

    private static String ratioCell(double ratio) {
        return measured(ratio) ? fmt("%.2f x", ratio) : NOT_MEASURED;
    }

    private static String metIfMeasured(double ratio, boolean met) {
        return measured(ratio) ? met(met) : "";
    }

    /** The largest median peak RSS and the slowest median start to first record of {@code workloads}, against the goals. */
    private static void footprintGoals(Markdown md, Figures f, List<String> workloads, String prefix, double rssGoal, double startupGoal) {
        String worstLoaded = null;
        double loaded = Double.NEGATIVE_INFINITY;
        String worstStart = null;
        double startup = Double.NEGATIVE_INFINITY;
        for (String g : GUARANTEES) {
            for (String w : workloads) {
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
            md.row(prefix + fmt("resident memory under load <= %.0f MiB (the largest median peak)", rssGoal),
                    fmt("%.0f MiB", loaded) + " (" + worstLoaded + ")", met(loaded <= rssGoal));
            md.row(prefix + fmt("process start to first record <= %.0f s (the slowest median)", startupGoal),
                    fmt("%.2f s", startup) + " (" + worstStart + ")", met(startup <= startupGoal));
        }
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
                - **(b) Python**: the same with a Python `transform(value, row)` returning `value.upper()`, once on
                  GraalPy (the default engine) and once on Jython;
                - **(c) five steps**: keep EU orders (`reg-exp` filter, 8 in 10 pass), hash the e-mail (`hash` sha256),
                  cast the amount to float, a Python record transform (title-cased customer, a `tier` from the amount), and
                  lower-case the status, drop the note and rename `id`: the kind of steps of `examples/orders-cleanup.yaml`
                  (its Python step on GraalPy, the default);
                - **(d) heavier built-in**: a `reg-exp` filter every record passes, `hash` sha256 of the e-mail, `uppercase`,
                  `lowercase`, `prepend-value`, `cast-data-type` and `round` on the amount, `drop-field`, `rename-field`;
                - **(e) heavier Python**, once per Python engine (chosen by `spec.processing.python.engine`): one record
                  transform with a regular expression match, sha256 of the e-mail, a formatted label (an f-string; Jython,
                  which has none, the same `str.format`) and a rounded sum over the note split into words; a build
                  without that engine skips it and says so;
                - **(f) heavier Python field step**, once per engine: issue 12's own heavy step, a field transform
                  `transform(value, row)` of the e-mail reading the row's country, note and customer (a regular
                  expression match, sha256, a rounded sum over the note's words, an f-string; Jython the same
                  `str.format`), the record crossing into Python as the three fields the function reads;
                - **(g)** (f) with the customer title-cased (`str.title()`, a third of GraalPy's time for the step);
                - **shadow**: the runtime's shadow mode (`--shadow-of`, docs/shadow.md) with (a) as both the live and the
                  new revision: each record runs through both and the outputs are compared; nothing goes to the sink,
                  differences (none here) and summaries to the diff topic; its own consumer group, started at the
                  source's beginning; it commits after each batch whatever the guarantee;
                - **CPython loop**: the peer, below; **bare Kafka Streams app** and **plain Java client loop**: see
                  "Against the limit".

                **Timed from the first record read to the last record committed.** Start: the runtime logs
                `First record read` (from its records-in counter, once) and the peer prints the time when its first
                record arrives. End: the harness polls the consumer group's committed offsets every 50 ms (Admin
                `listConsumerGroupOffsets`) and stops the clock when every partition's committed offset has reached the
                source's end offset, so the end is at most ~50 ms (and one request) late. **Later half**: the records/s from the
                first commit at or past half the records to the last one, from the same polls: the steady state once a JIT
                (GraalPy's Truffle JIT needs tens of seconds) has had the first half to warm up; **to half**: first record
                read to that commit. After each run the
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
        figureTable(md, f, SHOWN);
        md.line().line("![Records per second through a real broker](benchmarks/throughput.png)").line();
        md.line("Ratios, round by round (median in bold):").line();
        md.row("ratio", "guarantee", "per round", "median").row("---", "---", "---", "---:");
        for (String g : GUARANTEES) {
            ratioRow(md, f, "python", "builtin", g);
            ratioRow(md, f, "python", "builtin-java25", g);
            ratioRow(md, f, "builtin-java25", "builtin", g);
            ratioRow(md, f, "python-jython", "builtin", g);
            ratioRow(md, f, "python", "python-jython", g);
            ratioRow(md, f, "five-steps", "builtin", g);
            ratioRow(md, f, "builtin-heavy", "builtin", g);
            ratioRow(md, f, "python-heavy-jython", "builtin-heavy", g);
            ratioRow(md, f, "python-heavy-graalpy", "builtin-heavy", g);
            ratioRow(md, f, "python-heavy-graalpy", "python-heavy-jython", g);
            ratioRow(md, f, "python-heavy-field-graalpy", "python-heavy-field-jython", g);
            ratioRow(md, f, "python-heavy-title-graalpy", "python-heavy-title-jython", g);
            ratioRow(md, f, "shadow", "builtin", g);
            ratioRow(md, f, "builtin", "peer", g);
            ratioRow(md, f, "python", "peer", g);
            ratioRow(md, f, "python-jython", "peer", g);
        }
        md.line();
    }

    /**
     * Per workload and guarantee: records/s, CPU per record, cores busy, broker CPU per record; a workload
     * that was skipped or did not run says so.
     */
    private static void figureTable(Markdown md, Figures f, List<Workload> workloads) {
        md.row("workload", "guarantee", "records/s (median)", "min - max", "later half: records/s", "seconds", "to half", "CPU µs per record",
                        "cores busy", "broker CPU µs per record", "runs")
          .row("---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:");
        for (String g : GUARANTEES) {
            for (Workload w : workloads) {
                if (f.has(w.id(), g)) {
                    md.row(w.label(), g, fmt("%,.0f", f.median(w.id(), g, KafkaResults.Run::recordsPerSecond)),
                            fmt("%,.0f - %,.0f", f.min(w.id(), g, KafkaResults.Run::recordsPerSecond), f.max(w.id(), g, KafkaResults.Run::recordsPerSecond)),
                            orNotMeasured("%,.0f", f.median(w.id(), g, KafkaResults.Run::laterHalfRecordsPerSecond)),
                            fmt("%.2f", f.median(w.id(), g, KafkaResults.Run::seconds)),
                            orNotMeasured("%.2f", f.median(w.id(), g, KafkaResults.Run::halfSeconds)),
                            fmt("%.1f", f.median(w.id(), g, Figures::cpuMicrosPerRecord)),
                            fmt("%.2f", f.median(w.id(), g, run -> run.cpuSeconds() / run.seconds())),
                            fmt("%.1f", f.median(w.id(), g, Figures::brokerCpuMicrosPerRecord)), Integer.toString(f.runs(w.id(), g).size()));
                } else {
                    String why = f.results().skipped().get(w.id());
                    md.row(w.label(), g, why == null ? NOT_MEASURED : "not measured: " + why.replace('|', '/'), "", "", "", "", "", "", "", "0");
                }
            }
        }
    }

    private static void ratioRow(Markdown md, Figures f, String numerator, String denominator, String guarantee) {
        ratioRow(md, f, numerator, denominator, guarantee, "records/s", KafkaResults.Run::recordsPerSecond);
    }

    private static void ratioRow(Markdown md, Figures f, String numerator, String denominator, String guarantee, String what,
                                 ToDoubleFunction<KafkaResults.Run> figure) {
        double[] ratios = f.ratios(numerator, denominator, guarantee, figure);
        String name = what + ": " + Workload.byId(numerator).label() + " / " + Workload.byId(denominator).label();
        if (ratios.length == 0) {
            md.row(name, guarantee, NOT_MEASURED, "");
            return;
        }
        StringBuilder each = new StringBuilder();
        for (double ratio : ratios) {
            each.append(each.isEmpty() ? "" : ", ").append(fmt("%.2f", ratio));
        }
        md.row(name, guarantee, each.toString(), "**" + fmt("%.2f", Stats.median(ratios)) + "**");
    }

    /** Issue 16's goals, for the 1,000,000-record run and the steady-state one side by side. */
    private static void limitGoals(Markdown md, Figures f, Figures steady) {
        md.line("### Against a bare Kafka Streams app, a plain Java loop and the CPython loop (issue 16)").line();
        md.line("""
                (a) the built-in pipeline against the others doing the same transform (upper-case `customer`), one thread
                each, under the same guarantee; each ratio round by round, then the median. CPU per record is the
                process's user + system time over the run divided by the source records. The steady-state column is
                the run over at least 5,000,000 records, in which JIT warm-up is a small part.
                """.strip()).line();
        String steadyHead = steady == null ? "steady state" : fmt("steady state (%,d records, %d round(s))", steady.results().records(), steady.results().rounds());
        md.row("goal", "guarantee", fmt("%,d records, %d round(s)", f.results().records(), f.results().rounds()), steadyHead)
          .row("---", "---", "---:", "---:");
        for (String g : GUARANTEES) {
            for (LimitGoal goal : LIMIT_GOALS) {
                md.row("(a) built-in: " + goal.text(), g, limitGoalCell(f, goal, g, false), limitGoalCell(steady, goal, g, true));
            }
        }
        md.line();
    }

    private static String limitGoalCell(Figures f, LimitGoal goal, String guarantee, boolean steady) {
        if (f == null) {
            return NOT_MEASURED;
        }
        double ratio = f.medianRatio("builtin", goal.other(), guarantee, goal.figure());
        if (!Double.isFinite(ratio)) {
            return NOT_MEASURED;
        }
        String cell = fmt("%.2f x, ", ratio) + met(goal.met(ratio));
        if (steady && f.results().records() < STEADY_RECORDS) {
            cell += " (only " + fmt("%,d", f.results().records()) + " records: not a steady state)";
        }
        return cell;
    }

    /** Issue 16: the runtime against a bare Kafka Streams app, a plain Java loop and the CPython loop. */
    private static void limit(Markdown md, Figures f, Figures steady) {
        md.line("## Against the limit: a bare Kafka Streams app and a plain Java client loop").line();
        md.line("""
                What the runtime costs on top of Kafka itself. All contenders read the same source topic on the same broker
                and upper-case `customer` in each JSON record, one thread, under both guarantees, each a fresh process:
                the runtime with (a) the built-in and (b) Python; a **bare Kafka Streams app**
                ([BareStreamsApp](../benchmarks/src/main/java/io/datapipelines/benchmarks/limit/BareStreamsApp.java):
                `mapValues` with Jackson's tree model, `exactly_once_v2` or `at_least_once`); a **plain Java client loop**
                ([PlainClientLoop](../benchmarks/src/main/java/io/datapipelines/benchmarks/limit/PlainClientLoop.java):
                `KafkaConsumer`, the same Jackson transform, `KafkaProducer`; transactional with
                `sendOffsetsToTransaction` under exactly-once, flush then `commitSync` under at-least-once), the lower bound;
                and the CPython loop. Matched for fairness: the two Java contenders run with the runtime's JVM flags and the
                client settings the runtime ships (256 KiB producer batches, `acks=all`, `auto.offset.reset=earliest`, no
                task idling); the plain loop takes Kafka Streams' own client defaults (`max.poll.records` 1000,
                `linger.ms` 100, a 100 ms poll, `read_committed` under exactly-once; a test compares them); every
                contender commits every 100 ms. CPU per record: the process's user + system time from its first record
                to the last commit, over the source records; the broker's CPU in the same interval likewise.
                """.strip()).line();
        limitTables(md, f, fmt("### %,d records", f.results().records()), "cpu.png");
        if (steady == null) {
            md.line("### Steady state").line().line("Not measured yet: `benchmarks/run.sh` runs it after the run above"
                    + " (at least 5,000,000 records; `BENCH_STEADY_RECORDS`).").line();
        } else {
            long records = steady.results().records();
            limitTables(md, steady, fmt("### Steady state: %,d records", records)
                    + (records < STEADY_RECORDS ? fmt(" (fewer than %,d: not a steady state)", STEADY_RECORDS) : ""), "cpu-steady.png");
        }
    }

    private static void limitTables(Markdown md, Figures f, String heading, String chart) {
        md.line(heading).line();
        figureTable(md, f, LIMIT_CONTENDERS);
        md.line().line("Ratios, round by round (median in bold); CPU per record below 1 and records/s above 1 favour the runtime:").line();
        md.row("ratio", "guarantee", "per round", "median").row("---", "---", "---", "---:");
        for (String g : GUARANTEES) {
            for (String other : List.of("bare-streams", "plain-loop", "peer")) {
                // (a) always, "not measured yet" if so: the goals are its; (b) where it ran (the steady state leaves it out)
                for (String ours : f.has("python", g) ? List.of("builtin", "python") : List.of("builtin")) {
                    ratioRow(md, f, ours, other, g, "records/s", KafkaResults.Run::recordsPerSecond);
                    ratioRow(md, f, ours, other, g, "CPU per record", Figures::cpuMicrosPerRecord);
                    ratioRow(md, f, ours, other, g, "broker CPU per record", Figures::brokerCpuMicrosPerRecord);
                }
            }
        }
        md.line().line("![CPU per record](benchmarks/" + chart + ")").line();
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
                [images.md](images.md)) in a container with the memory limit the workload's definition gets (its
                default: 512Mi, more for Python steps on GraalPy; the hand-written Java contenders get 512Mi), for
                which `-XX:MaxRAM` before those flags stands in outside a container (the commands below show it). %s
                Resident memory is `VmRSS` from `/proc/<pid>/status` (what a container's memory limit counts), sampled
                every 100 ms.

                - **Idle**: the five-step pipeline with its Python step on Jython, exactly-once, RUNNING on an empty 3-partition topic;
                  the median of the samples over 5 s, from 10 s after `/readyz` first answered 200. Median over %d round(s): **%.0f MiB**
                  (ready %.2f s after the process was started).
                - **Under load**: the largest sample from the process start to its last commit, in each throughput run;
                  the median of those per workload below.
                - **Process start to first record**: from the harness's clock just before it forks the JVM to the
                  timestamp of the runtime's `First record read` log line (the first record handed to the pipeline by
                  Kafka Streams; the source is pre-filled, so this is JVM start, definition parsing and compilation,
                  topic checks, Kafka Streams start, the consumer group join and the first fetch).
                """).formatted(String.join(" ", r.runtimeJvmFlags()), graalPyJvmText(r), r.idle().size(), f.idleRssMedian(), f.idleReadyMedian()).strip()).line();
        md.row("workload", "guarantee", "peak VmRSS under load, MiB (median)", "min - max", "start to first record, s (median)", "min - max")
          .row("---", "---", "---:", "---:", "---:", "---:");
        for (String g : GUARANTEES) {
            for (Workload w : SHOWN) {
                if (f.has(w.id(), g)) {
                    md.row(w.label(), g, fmt("%.0f", f.median(w.id(), g, KafkaResults.Run::peakRssMiB)),
                            fmt("%.0f - %.0f", f.min(w.id(), g, KafkaResults.Run::peakRssMiB), f.max(w.id(), g, KafkaResults.Run::peakRssMiB)),
                            fmt("%.2f", f.median(w.id(), g, KafkaResults.Run::startupSeconds)),
                            fmt("%.2f - %.2f", f.min(w.id(), g, KafkaResults.Run::startupSeconds), f.max(w.id(), g, KafkaResults.Run::startupSeconds)));
                }
            }
        }
        md.line().line("The hand-written contenders' figures are there for scale; the goals are the runtime's.").line();
        md.line("![Resident memory](benchmarks/memory.png)").line();
        md.line("![Process start to first record](benchmarks/startup.png)").line();
    }

    /** How the workloads with GraalPy steps ran (and those without: on the class path their images hold). */
    static String graalPyJvmText(KafkaResults r) {
        return "Workloads without GraalPy steps ran without GraalPy's jars on the class path, as their images hold them"
                + " (`RuntimeClasspath.withoutGraalPy`). " + (r.graalPyJvm() == null
                ? "**Workloads with GraalPy steps ran with the same JVM, GraalPy interpreted (no Java 25 with the Graal compiler"
                        + " was given): their figures are not what an image built with the JIT does.**"
                : "Workloads with GraalPy steps ran as an image built with GraalPy's JIT runs them (`ContainerLayout.JIT_FLAGS`,"
                        + " with -XX:MaxRAM before them as for every pipeline" + (r.graalPyJvm().contains("-XX:SharedArchiveFile=")
                        ? "; on a jlink of the JDK as the Java 25 base holds it, with GraalPy's class data made as the base's is"
                        + " (`.ci/class-data`) for this machine's paths" : "") + "): `" + r.graalPyJvm() + "`; each run checked that the"
                        + " runtime reported the Graal JIT. \"" + Workload.BUILTIN_JAVA25.label() + "\" is (a) on that java with the"
                        + " flags above, as an image without Python steps on the Java 25 base runs it.");
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
                and (b) by Python `value.upper()` on GraalPy and on Jython (JVM: %s). JMH throughput mode, %d fork(s), %d warm-up and %d measured
                iterations of %s / %s, one thread; the score is the mean of the measured iterations with its 99.9%% error.
                This is the steady-state cost of the pipeline code alone, without Kafka's clients or a broker.
                """).formatted(jmh.jvm(), jmh.forks(), jmh.warmupIterations(), jmh.measurementIterations(), jmh.warmupTime(), jmh.measurementTime()).strip()).line();
        md.row("transform", "records/s", "error").row("---", "---:", "---:");
        for (JmhResults.Score score : jmh.scores()) {
            md.row(JmhResults.label(score.transform()), fmt("%,.0f", score.score()), Double.isFinite(score.error()) ? fmt("± %,.0f", score.error()) : "n/a (too few iterations)");
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

    private static void everyRun(Markdown md, KafkaResults r, String heading) {
        md.line(heading).line();
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

    private static void writeCharts(Figures f, Figures steady, Path dir) throws Exception {
        cpuChart(f, dir.resolve("cpu.png"));
        if (steady != null) {
            cpuChart(steady, dir.resolve("cpu-steady.png"));
        } else {
            Files.deleteIfExists(dir.resolve("cpu-steady.png")); // never an old run's chart next to this run's report
        }
        Map<String, Map<String, Double>> throughput = new LinkedHashMap<>();
        Map<String, Map<String, Double>> memory = new LinkedHashMap<>();
        Map<String, Map<String, Double>> startup = new LinkedHashMap<>();
        for (Workload w : SHOWN) {
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

    /** CPU µs per record of the contender and of the broker, per contender and guarantee. */
    private static void cpuChart(Figures f, Path png) throws Exception {
        Map<String, Map<String, Double>> cpu = new LinkedHashMap<>();
        for (Workload w : LIMIT_CONTENDERS) {
            for (String g : GUARANTEES) {
                if (f.has(w.id(), g)) {
                    put(cpu, "process, " + g, w.label(), f.median(w.id(), g, Figures::cpuMicrosPerRecord));
                    put(cpu, "broker, " + g, w.label(), f.median(w.id(), g, Figures::brokerCpuMicrosPerRecord));
                }
            }
        }
        String mode = f.results().quick() ? " (QUICK MODE)" : fmt(" (%,d records, median of %d)", f.results().records(), f.results().rounds());
        Charts.bars(png, "CPU µs per record, upper-case customer" + mode, "CPU µs per record", cpu, Map.of(), "0.0");
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
