package io.datapipelines.benchmarks.limit;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The command line both hand-written contenders take, the CPython peer's options. */
final class LoopOptions {
    @Option(names = "--bootstrap-server", required = true)
    String bootstrapServer;

    @Option(names = "--source", required = true)
    String source;

    @Option(names = "--sink", required = true)
    String sink;

    @Option(names = "--group", required = true, description = "The consumer group (the Kafka Streams application.id).")
    String group;

    @Option(names = "--guarantee", required = true, description = "exactly-once or at-least-once")
    String guarantee;

    @Option(names = "--commit-interval-ms", defaultValue = "100")
    long commitIntervalMs;

    @Option(names = "--state-dir", description = "Kafka Streams' state directory (the bare Kafka Streams app only).")
    Path stateDir;

    boolean exactlyOnce() {
        return ContenderSettings.exactlyOnce(guarantee);
    }
}
