package io.datapipelines.benchmarks.kafka;

import io.datapipelines.benchmarks.Machine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * The two measurements, each on a fresh process with a fresh consumer group and fresh sink and
 * dead-letter topics (deleted afterwards, so the broker's disk use stays flat):
 *
 * <ul>
 *   <li>throughput: from the contender's first record read (its own log) to the moment the broker shows
 *       the group's committed offsets at the source's end offsets (polled every 50 ms), then a check that
 *       it read every record once and wrote exactly what it should; and from those polls, the time to half the
 *       records and the rate over the later half (the steady state once a JIT has warmed up: {@link CommitProgress});</li>
 *   <li>idle: the runtime RUNNING with nothing to read; the median VmRSS over 5 s, from 10 s after
 *       /readyz first answered 200.</li>
 * </ul>
 */
final class Measurements {
    static final int PARTITIONS = 3;
    private static final Duration COMMIT_POLL = Duration.ofMillis(50);

    private final BrokerProcess broker;
    private final Topics topics;
    private final ContenderLauncher launcher;
    private final Path runsDir;
    private int runs;

    Measurements(BrokerProcess broker, Topics topics, ContenderLauncher launcher, Path runsDir) {
        this.broker = broker;
        this.topics = topics;
        this.launcher = launcher;
        this.runsDir = runsDir;
    }

    KafkaResults.Run throughput(SourceTopic source, Workload workload, String guarantee, int round) throws Exception {
        int n = ++runs;
        String tag = (guarantee.equals("exactly-once") ? "eos" : "alos") + "-r" + round + "-" + n;
        Path dir = runsDir.resolve(n + "-" + workload.id() + "-" + tag);
        Files.createDirectories(dir); // (its return value is made absolute when parents are created)
        String sink = "out-" + n;
        String deadLetters = "dlq-" + n;
        topics.create(PARTITIONS, List.of(sink, deadLetters));
        if (workload.kind() == Workload.Kind.SHADOW) { // a new shadow group would start at the source's end (live traffic from now on)
            topics.commitAtStart(RuntimeContender.shadowGroup(workload.pipelineName(), tag), source.ends().keySet());
        }
        try (Contender contender = launcher.start(workload, guarantee, source.name(), sink, deadLetters, tag, dir)) {
            MeasuredProcess process = contender.process();
            long first = contender.awaitFirstRecordMillis(Duration.ofMinutes(3));
            double cpuAtFirst = CpuTime.seconds(process.pid());
            double brokerCpuAtFirst = CpuTime.seconds(broker.pid());
            CommitProgress progress = new CommitProgress();
            long committed = topics.awaitCommitted(contender.group(), source.ends(), COMMIT_POLL, Duration.ofMinutes(20), progress, process::isAlive);
            double cpu = CpuTime.seconds(process.pid()) - cpuAtFirst;
            double brokerCpu = CpuTime.seconds(broker.pid()) - brokerCpuAtFirst;
            double peak = process.memory().peakMiB(process.forkedAtMillis(), committed).orElse(Double.NaN);
            Contender.Counts counts = contender.stop();
            check(source, workload, guarantee, counts, dir);
            double seconds = (committed - first) / 1000.0;
            long half = progress.millisAt(source.records() / 2);
            return new KafkaResults.Run(workload.id(), guarantee, round, source.records(), seconds, source.records() / seconds,
                    (first - process.forkedAtMillis()) / 1000.0, peak, cpu, brokerCpu, counts.out(), counts.deadLettered(),
                    Machine.loadAverageOneMinute(), half < 0 ? Double.NaN : (half - first) / 1000.0,
                    progress.laterHalfRecordsPerSecond(source.records()));
        } finally {
            topics.delete(List.of(sink, deadLetters));
        }
    }

    KafkaResults.Idle idle(String emptySource, Workload workload, String guarantee, int round) throws Exception {
        int n = ++runs;
        String tag = "idle-r" + round + "-" + n;
        Path dir = runsDir.resolve(n + "-" + tag);
        Files.createDirectories(dir);
        String sink = "out-" + n;
        String deadLetters = "dlq-" + n;
        topics.create(PARTITIONS, List.of(sink, deadLetters));
        try (RuntimeContender runtime = launcher.startRuntime(workload, guarantee, emptySource, sink, deadLetters, tag, dir)) {
            runtime.awaitReady(Duration.ofMinutes(2));
            long ready = System.currentTimeMillis();
            TimeUnit.SECONDS.sleep(10);
            long from = System.currentTimeMillis();
            TimeUnit.SECONDS.sleep(5);
            double rss = runtime.process().memory().medianMiB(from, System.currentTimeMillis()).orElse(Double.NaN);
            Contender.Counts counts = runtime.stop();
            if (counts.in() != 0 || !stoppedCleanly(counts)) {
                throw new IllegalStateException("the idle runtime read " + counts.in() + " records and exited with " + counts.exitCode() + "; see " + dir);
            }
            return new KafkaResults.Idle(workload.id(), guarantee, round, (ready - runtime.process().forkedAtMillis()) / 1000.0, rss);
        } finally {
            topics.delete(List.of(sink, deadLetters));
        }
    }

    /** A run counts only if the contender read every record once and wrote exactly what it should. */
    static void check(SourceTopic source, Workload workload, String guarantee, Contender.Counts counts, Path dir) {
        // the five-step pipelines keep EU orders only; the shadow "writes" the records it found unchanged: all of them
        long expectedOut = LongStream.range(0, source.records())
                .filter(i -> (workload != Workload.FIVE_STEPS && workload != Workload.FIVE_STEPS_JYTHON) || OrderRecords.fromEu(i)).count();
        if (counts.in() != source.records() || counts.out() != expectedOut || counts.deadLettered() != 0 || !stoppedCleanly(counts)) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s %s did not do the expected work: read %d (expected %d), wrote %d (expected %d), dead-lettered %d, exit code %d; see %s",
                    workload.id(), guarantee, counts.in(), source.records(), counts.out(), expectedOut, counts.deadLettered(), counts.exitCode(), dir));
        }
    }

    /** Exit code 0, or 143: the JVM's code after SIGTERM once its shutdown hooks (the runtime's clean stop) ran. */
    private static boolean stoppedCleanly(Contender.Counts counts) {
        return counts.exitCode() == 0 || counts.exitCode() == 143;
    }
}
