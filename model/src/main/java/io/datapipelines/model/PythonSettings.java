package io.datapipelines.model;

import java.time.Duration;
import java.util.Objects;

/**
 * {@code spec.processing.python}: the engine that runs Python steps and the time one call of user
 * code may take on one record before it is interrupted and the record becomes a {@code TimeoutError}
 * record error.
 */
public record PythonSettings(PythonEngineKind engine, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
    /** Kafka Streams' default max.poll.interval.ms is 5 minutes; one record must stay well below it. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    public static final PythonSettings DEFAULTS = new PythonSettings(PythonEngineKind.GRAALPY, DEFAULT_TIMEOUT);

    public PythonSettings {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(timeout, "timeout");
    }

    public PythonSettings withEngine(PythonEngineKind newEngine) {
        return new PythonSettings(newEngine, timeout);
    }

    public PythonSettings withTimeout(Duration newTimeout) {
        return new PythonSettings(engine, newTimeout);
    }
}
