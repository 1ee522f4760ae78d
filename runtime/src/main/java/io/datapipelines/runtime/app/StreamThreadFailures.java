package io.datapipelines.runtime.app;

import io.datapipelines.runtime.step.StepStartupException;
import io.datapipelines.runtime.topology.PipelineFailedException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * What happens when a stream thread dies.
 *
 * <ul>
 *   <li>A record error under {@code errors.mode: fail} stops the pipeline: the process exits 1 and
 *       Kubernetes restarts it, at the same record.</li>
 *   <li>A step whose code cannot load ({@link StepStartupException}) stops it too, at once, in one
 *       line: that is not transient.</li>
 *   <li>Anything else (a broker that restarts in the middle of a transaction, a coordinator that
 *       moves) is met by replacing the thread: its tasks resume from the last commit, which under
 *       exactly-once repeats nothing. At most {@code maxReplacements} times per {@code window}: past
 *       that the error is taken as lasting, and the pipeline stops, so that it shows as a crash loop
 *       rather than as a healthy-looking pod that does nothing.</li>
 * </ul>
 *
 * Thread-safe: stream threads die concurrently.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

    private final int maxReplacements;
    private final Duration window;
    private final LongSupplier nanoClock;
    private final Deque<Long> replacements = new ArrayDeque<>();
    private Throwable fatal;

    /** At most 5 thread replacements in 10 minutes. */
    StreamThreadFailures() {
        this(5, Duration.ofMinutes(10), System::nanoTime);
    }

    StreamThreadFailures(int maxReplacements, Duration window, LongSupplier nanoClock) {
        this.maxReplacements = maxReplacements;
        this.window = window;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof PipelineFailedException)) {
            cause = cause.getCause();
        }
        if (cause instanceof PipelineFailedException) {
            return stop(cause, null);
        }
        if (StepStartupException.in(e).isPresent()) {
            // a step whose code cannot load fails the same way on every thread: replacing would only loop
            return stop(StepStartupException.in(e).get(), null);
        }
        long now = nanoClock.getAsLong();
        while (!replacements.isEmpty() && now - replacements.peekFirst() > window.toNanos()) {
            replacements.removeFirst();
        }
        if (replacements.size() >= maxReplacements) {
            return stop(cause, e);
        }
        replacements.addLast(now);
        LOG.warn("A stream thread failed: {}; replacing it ({} of at most {} in {}); its tasks resume from the last commit",
                cause.getMessage(), replacements.size(), maxReplacements, window, e);
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    private StreamThreadExceptionResponse stop(Throwable cause, Throwable logged) {
        if (fatal == null) {
            fatal = cause;
        }
        // A record error is told in one line; anything else with its stack trace, for whoever debugs it.
        LOG.error("Pipeline stopped: {}", cause.getMessage(), logged);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** Why the pipeline stopped, once it did. */
    synchronized Throwable fatal() {
        return fatal;
    }
}
