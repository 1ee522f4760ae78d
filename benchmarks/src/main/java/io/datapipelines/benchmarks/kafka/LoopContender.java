package io.datapipelines.benchmarks.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written consume-transform-produce contender: the CPython loop (benchmarks/peer/uppercase_loop.py),
 * the bare Kafka Streams app or the plain Java client loop (package {@code io.datapipelines.benchmarks.limit}).
 * All three take the same options and print the same two lines: {@code first-record-read-epoch-ms=<ms>} at the
 * first record, {@code records-in=<n> records-out=<n>} when stopped.
 */
final class LoopContender implements Contender {
    private static final Pattern FIRST_RECORD = Pattern.compile("^first-record-read-epoch-ms=(\\d+)");
    private static final Pattern COUNTS = Pattern.compile("^records-in=(\\d+) records-out=(\\d+)");

    private final MeasuredProcess process;
    private final String group;

    private LoopContender(MeasuredProcess process, String group) {
        this.process = process;
        this.group = group;
    }

    static LoopContender start(List<String> command, String group, Path log) throws Exception {
        return new LoopContender(MeasuredProcess.start(command, Map.of("PYTHONUNBUFFERED", "1"), log), group);
    }

    /** The commit interval every contender uses: Kafka Streams' exactly-once default, and the benchmark's at-least-once one. */
    static String commitIntervalMs(String guarantee) {
        return guarantee.equals("at-least-once") ? RuntimeContender.AT_LEAST_ONCE_COMMIT_INTERVAL_MS : "100";
    }

    static List<String> peerCommand(String python, Path script, String bootstrapServers, String source, String sink, String group,
                                    String guarantee) {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(options(bootstrapServers, source, sink, group, guarantee));
        return command;
    }

    /**
     * A Java contender, forked with the runtime's JVM flags (the same heap and collector) so that only the
     * code differs.
     */
    static List<String> javaCommand(List<String> jvmFlags, String classpath, String mainClass, String bootstrapServers, String source,
                                    String sink, String group, String guarantee, Path stateDir) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(options(bootstrapServers, source, sink, group, guarantee));
        command.addAll(List.of("--state-dir", stateDir.toString()));
        return command;
    }

    private static List<String> options(String bootstrapServers, String source, String sink, String group, String guarantee) {
        return List.of("--bootstrap-server", bootstrapServers, "--source", source, "--sink", sink, "--group", group,
                "--guarantee", guarantee, "--commit-interval-ms", commitIntervalMs(guarantee));
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
        return Long.parseLong(process.awaitLine(FIRST_RECORD, timeout).group(1));
    }

    @Override
    public Counts stop() throws Exception {
        int exit = process.stop(Duration.ofSeconds(40));
        Matcher counts = process.findLine(COUNTS)
                .orElseThrow(() -> new IllegalStateException("the contender printed no counts; see " + process.log()));
        return new Counts(Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2)), 0, exit);
    }
}
