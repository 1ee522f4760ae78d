package io.datapipelines.benchmarks.kafka;

import java.time.Duration;

/**
 * A forked process that moves the source records to the sink under test: the pipeline runtime or the
 * CPython peer. A run is timed from {@link #awaitFirstRecordMillis} (its own report of the first record
 * read) to the moment the broker shows {@link #group()}'s committed offsets at the source's end.
 */
interface Contender extends AutoCloseable {

    /** The consumer group whose committed offsets end the run. */
    String group();

    MeasuredProcess process();

    /** Waits until the process reports its first record read; returns that wall-clock time. */
    long awaitFirstRecordMillis(Duration timeout) throws Exception;

    /** Stops the process (SIGTERM) and returns what it counted. */
    Counts stop() throws Exception;

    /** What a contender reports it did, to check that a run did the work it claims. */
    record Counts(long in, long out, long deadLettered, int exitCode) {
    }

    @Override
    default void close() throws Exception {
        process().close();
    }
}
