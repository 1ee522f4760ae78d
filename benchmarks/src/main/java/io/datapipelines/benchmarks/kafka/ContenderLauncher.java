package io.datapipelines.benchmarks.kafka;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts the runtime or the peer for a workload against one broker, and keeps the first command line
 * of each kind for the report.
 */
final class ContenderLauncher {
    private final String bootstrapServers;
    private final String runtimeClasspath;
    private final List<String> runtimeJvmFlags;
    private final String python;
    private final Path peerScript;
    private final Map<String, String> commands = new TreeMap<>();

    ContenderLauncher(String bootstrapServers, String runtimeClasspath, List<String> runtimeJvmFlags, String python, Path peerScript) {
        this.bootstrapServers = bootstrapServers;
        this.runtimeClasspath = runtimeClasspath;
        this.runtimeJvmFlags = List.copyOf(runtimeJvmFlags);
        this.python = python;
        this.peerScript = peerScript;
    }

    /**
     * @param tag makes the consumer group (and the runtime's application.id) unique to this run
     * @param dir the run's directory: definition, logs, state
     */
    Contender start(Workload workload, String guarantee, String source, String sink, String deadLetters, String tag, Path dir)
            throws Exception {
        if (workload == Workload.PEER) {
            String group = "peer-" + tag;
            commands.putIfAbsent("peer, " + guarantee, String.join(" ",
                    PeerContender.command(python, peerScript, bootstrapServers, source, sink, group, guarantee)));
            return PeerContender.start(python, peerScript, bootstrapServers, source, sink, group, guarantee, dir);
        }
        return startRuntime(workload, guarantee, source, sink, deadLetters, tag, dir);
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
