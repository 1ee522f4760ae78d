package io.datapipelines.benchmarks.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts the runtime or a hand-written contender for a workload against one broker, and keeps the first command line
 * of each kind for the report.
 */
final class ContenderLauncher {
    static final String BARE_STREAMS_MAIN = "io.datapipelines.benchmarks.limit.BareStreamsApp";
    static final String PLAIN_LOOP_MAIN = "io.datapipelines.benchmarks.limit.PlainClientLoop";
    private final String bootstrapServers;
    private final String runtimeClasspath;
    private final List<String> runtimeJvmFlags;
    private final String python;
    private final Path peerScript;
    private final String contenderClasspath;
    private final Map<String, String> commands = new TreeMap<>();

    /**
     * @param contenderClasspath the harness's own classpath, which holds the hand-written Java contenders
     *                           (they are forked with the runtime's JVM flags)
     */
    ContenderLauncher(String bootstrapServers, String runtimeClasspath, List<String> runtimeJvmFlags, String python, Path peerScript,
                      String contenderClasspath) {
        this.bootstrapServers = bootstrapServers;
        this.runtimeClasspath = runtimeClasspath;
        this.runtimeJvmFlags = List.copyOf(runtimeJvmFlags);
        this.python = python;
        this.peerScript = peerScript;
        this.contenderClasspath = contenderClasspath;
    }

    /**
     * @param tag makes the consumer group (and the runtime's application.id) unique to this run
     * @param dir the run's directory: definition, logs, state
     */
    Contender start(Workload workload, String guarantee, String source, String sink, String deadLetters, String tag, Path dir)
            throws Exception {
        String group = workload.id() + "-" + tag;
        List<String> command = switch (workload.kind()) {
            case PIPELINE -> null;
            case PEER -> LoopContender.peerCommand(python, peerScript, bootstrapServers, source, sink, group, guarantee);
            case BARE_STREAMS -> LoopContender.javaCommand(runtimeJvmFlags, contenderClasspath, BARE_STREAMS_MAIN, bootstrapServers, source,
                    sink, group, guarantee, dir.resolve("state"));
            case PLAIN_LOOP -> LoopContender.javaCommand(runtimeJvmFlags, contenderClasspath, PLAIN_LOOP_MAIN, bootstrapServers, source,
                    sink, group, guarantee, dir.resolve("state"));
        };
        if (command == null) {
            return startRuntime(workload, guarantee, source, sink, deadLetters, tag, dir);
        }
        commands.putIfAbsent(workload.id() + ", " + guarantee, shortenClasspath(String.join(" ", command)));
        return LoopContender.start(command, group, dir.resolve(workload.id() + ".log"));
    }

    RuntimeContender startRuntime(Workload workload, String guarantee, String source, String sink, String deadLetters, String tag, Path dir)
            throws Exception {
        String pipeline = "bench-" + workload.id();
        Path definition = dir.resolve(pipeline + ".yaml");
        Files.writeString(definition, workload.definition(pipeline, source, sink, deadLetters, guarantee), StandardCharsets.UTF_8);
        StringBuilder environment = new StringBuilder();
        new TreeMap<>(RuntimeContender.environment(bootstrapServers, guarantee)).forEach((k, v) -> environment.append(k).append('=').append(v).append(' '));
        commands.putIfAbsent("runtime, " + guarantee, environment + shortenClasspath(String.join(" ",
                RuntimeContender.command(runtimeJvmFlags, runtimeClasspath, definition, tag, 8080, dir.resolve("state")))));
        return RuntimeContender.start(runtimeJvmFlags, runtimeClasspath, bootstrapServers, definition, pipeline, tag, guarantee, dir);
    }

    /** The first command line of each kind started, by kind. */
    Map<String, String> commands() {
        return Map.copyOf(commands);
    }

    /** A classpath as {@code <classpath>}: the report shows how a process was started, not every jar. */
    static String shortenClasspath(String command) {
        return command.replaceAll("(-cp )(\\S+)", "$1<classpath>");
    }
}
