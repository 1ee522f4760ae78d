package io.datapipelines.benchmarks.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The CPython consume-transform-produce loop, benchmarks/peer/uppercase_loop.py. */
final class PeerContender implements Contender {
    private static final Pattern FIRST_RECORD = Pattern.compile("^first-record-read-epoch-ms=(\\d+)");
    private static final Pattern COUNTS = Pattern.compile("^records-in=(\\d+) records-out=(\\d+)");

    private final MeasuredProcess process;
    private final String group;

    private PeerContender(MeasuredProcess process, String group) {
        this.process = process;
        this.group = group;
    }

    static PeerContender start(String python, Path script, String bootstrapServers, String source, String sink, String group,
                               String guarantee, Path workDir) throws Exception {
        return new PeerContender(MeasuredProcess.start(command(python, script, bootstrapServers, source, sink, group, guarantee),
                Map.of("PYTHONUNBUFFERED", "1"), workDir.resolve("peer.log")), group);
    }

    static List<String> command(String python, Path script, String bootstrapServers, String source, String sink, String group,
                                String guarantee) {
        String commitInterval = guarantee.equals("at-least-once") ? RuntimeContender.AT_LEAST_ONCE_COMMIT_INTERVAL_MS : "100";
        return List.of(python, script.toString(), "--bootstrap-server", bootstrapServers, "--source", source, "--sink", sink,
                "--group", group, "--guarantee", guarantee, "--commit-interval-ms", commitInterval);
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
                .orElseThrow(() -> new IllegalStateException("the peer printed no counts; see " + process.log()));
        return new Counts(Long.parseLong(counts.group(1)), Long.parseLong(counts.group(2)), 0, exit);
    }
}
