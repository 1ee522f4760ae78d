package io.datapipelines.benchmarks.kafka;

import java.util.ArrayList;
import java.util.List;

/**
 * A consumer group's committed records over one run, as the harness polled them: (wall-clock time, records committed
 * across the source's partitions), in the order seen.
 *
 * <p>Why: a whole run's records/s mixes the warm-up into the steady state. For a JIT-compiled Python step (Truffle
 * needs tens of seconds) they are different figures, and issue 12 asks for both. Each sample is a commit the broker
 * already holds, so the rate between two of them is the rate between two commits, within one poll at each end.
 */
final class CommitProgress {
    private final List<long[]> samples = new ArrayList<>();

    /** Records a poll's result; only changes are kept. */
    void add(long millis, long committed) {
        if (samples.isEmpty() || samples.get(samples.size() - 1)[1] != committed) {
            samples.add(new long[] {millis, committed});
        }
    }

    /** When the committed records first reached {@code records}; -1 if never. */
    long millisAt(long records) {
        for (long[] sample : samples) {
            if (sample[1] >= records) {
                return sample[0];
            }
        }
        return -1;
    }

    /**
     * Records per second from the first commit at or past half of {@code total} to the first at {@code total}: the
     * steady state, once a JIT has had the first half to warm up. NaN when fewer than two commits fall in that span.
     */
    double laterHalfRecordsPerSecond(long total) {
        long[] from = null;
        for (long[] sample : samples) {
            if (from == null && sample[1] >= total / 2) {
                from = sample;
            }
            if (sample[1] >= total) {
                return from == sample || sample[0] == from[0] ? Double.NaN : (sample[1] - from[1]) * 1000.0 / (sample[0] - from[0]);
            }
        }
        return Double.NaN;
    }
}
