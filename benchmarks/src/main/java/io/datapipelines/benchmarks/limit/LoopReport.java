package io.datapipelines.benchmarks.limit;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a hand-written contender tells the harness, in the CPython peer's words: the wall-clock time of its
 * first record read ({@code first-record-read-epoch-ms=}), and at the end what it read and wrote
 * ({@code records-in= records-out=}). Counting is one increment per record: the runtime counts too.
 */
final class LoopReport {
    private final PrintStream out;
    private final AtomicBoolean first = new AtomicBoolean();
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong written = new AtomicLong();

    LoopReport(PrintStream out) {
        this.out = out;
    }

    void read() {
        if (in.getAndIncrement() == 0 && first.compareAndSet(false, true)) {
            out.println("first-record-read-epoch-ms=" + System.currentTimeMillis());
            out.flush();
        }
    }

    void written() {
        written.incrementAndGet();
    }

    void counts() {
        out.println("records-in=" + in.get() + " records-out=" + written.get());
        out.flush();
    }
}
