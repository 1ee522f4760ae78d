package io.datapipelines.runtime.topology;

import java.util.concurrent.atomic.AtomicLong;

/** Plain counters, for previews, tests and local runs. */
public final class PipelineCounters implements PipelineMetrics {
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final AtomicLong filtered = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    @Override
    public void recordIn() {
        in.incrementAndGet();
    }

    @Override
    public void recordsOut(int count) {
        out.addAndGet(count);
    }

    @Override
    public void filtered() {
        filtered.incrementAndGet();
    }

    @Override
    public void recordError(String step, String errorClass) {
        errors.incrementAndGet();
    }

    @Override
    public void deadLettered() {
        deadLettered.incrementAndGet();
    }

    @Override
    public void skipped() {
        skipped.incrementAndGet();
    }

    public long inCount() {
        return in.get();
    }

    public long outCount() {
        return out.get();
    }

    public long filteredCount() {
        return filtered.get();
    }

    public long errorCount() {
        return errors.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    public long skippedCount() {
        return skipped.get();
    }
}
