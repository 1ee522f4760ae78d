package io.datapipelines.runtime.app;

import io.datapipelines.runtime.topology.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Passes every count on to another {@link PipelineMetrics} and, once, logs when the first record was
 * read: "First record read after N ms (since the JVM started)". How soon a new replica starts working
 * matters to autoscaling and rollouts; the benchmarks measure process start to first record from this
 * line's timestamp.
 */
public final class FirstRecordLog implements PipelineMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(FirstRecordLog.class);

    private final PipelineMetrics delegate;
    private final LongConsumer onFirstRecord;
    private final AtomicBoolean seen = new AtomicBoolean();

    /** Logs the milliseconds from JVM start to the first record. */
    public FirstRecordLog(PipelineMetrics delegate) {
        this(delegate, millis -> LOG.info("First record read after {} ms (since the JVM started)", millis));
    }

    /** @param onFirstRecord called once, with the milliseconds from JVM start to the first record */
    FirstRecordLog(PipelineMetrics delegate, LongConsumer onFirstRecord) {
        this.delegate = delegate;
        this.onFirstRecord = onFirstRecord;
    }

    @Override
    public void recordIn() {
        // a plain volatile read per record; the compare-and-set happens once
        if (!seen.get() && seen.compareAndSet(false, true)) {
            onFirstRecord.accept(ManagementFactory.getRuntimeMXBean().getUptime());
        }
        delegate.recordIn();
    }

    @Override
    public void recordsOut(int count) {
        delegate.recordsOut(count);
    }

    @Override
    public void filtered() {
        delegate.filtered();
    }

    @Override
    public void recordError(String step, String errorClass) {
        delegate.recordError(step, errorClass);
    }

    @Override
    public void deadLettered() {
        delegate.deadLettered();
    }

    @Override
    public void skipped() {
        delegate.skipped();
    }

    @Override
    public void timeInPython(long nanos) {
        delegate.timeInPython(nanos);
    }
}
