package io.datapipelines.runtime.topology;

/**
 * What the pipeline processor counts. The container binds it to Prometheus metrics; tests and previews
 * use {@link #NONE} or {@link PipelineCounters}. Called from stream threads: implementations must be
 * thread-safe.
 */
public interface PipelineMetrics {

    PipelineMetrics NONE = new PipelineMetrics() {
    };

    /** A record was read from a source topic. */
    default void recordIn() {
    }

    /** {@code count} records were written to the sink for one input record (more than one on fan-out). */
    default void recordsOut(int count) {
    }

    /** An input record gave no output (filtered out or dropped by a transform). */
    default void filtered() {
    }

    /** A record error: {@code errorClass} such as TypeError; {@code step} such as steps[1].fields[email]. */
    default void recordError(String step, String errorClass) {
    }

    /** The failed record was written to the dead-letter topic. */
    default void deadLettered() {
    }

    /** The failed record was dropped (errors.mode skip). */
    default void skipped() {
    }

    /** Time one input record spent in user Python code (only called when it spent some). */
    default void timeInPython(long nanos) {
    }
}
