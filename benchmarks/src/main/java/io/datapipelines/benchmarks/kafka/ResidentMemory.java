package io.datapipelines.benchmarks.kafka;

import io.datapipelines.benchmarks.Stats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Samples a process's resident set size ({@code VmRSS} in {@code /proc/<pid>/status}: the memory a
 * container's limit counts, as opposed to the heap size) on a daemon thread, so that the peak and the
 * typical value over any interval can be read afterwards.
 */
final class ResidentMemory {
    private record Sample(long atMillis, long kib) {
    }

    private final Path status;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private ResidentMemory(long pid, Duration every) {
        this.status = Path.of("/proc", Long.toString(pid), "status");
        this.sampler = new Thread(() -> {
            while (running) {
                long kib = read();
                if (kib < 0) {
                    return; // the process has gone
                }
                synchronized (samples) {
                    samples.add(new Sample(System.currentTimeMillis(), kib));
                }
                try {
                    Thread.sleep(every.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-" + pid);
        sampler.setDaemon(true);
        sampler.start();
    }

    static ResidentMemory sample(long pid, Duration every) {
        return new ResidentMemory(pid, every);
    }

    /** The current VmRSS in KiB, or -1 once the process has gone. */
    long read() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    void stop() {
        running = false;
    }

    /** The largest sample taken from {@code fromMillis} to {@code toMillis}, in MiB. */
    OptionalDouble peakMiB(long fromMillis, long toMillis) {
        return between(fromMillis, toMillis).stream().mapToLong(Sample::kib).max().stream().mapToDouble(k -> k / 1024.0).findFirst();
    }

    /** The median of the samples taken from {@code fromMillis} to {@code toMillis}, in MiB. */
    OptionalDouble medianMiB(long fromMillis, long toMillis) {
        List<Sample> in = between(fromMillis, toMillis);
        if (in.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Stats.median(in.stream().mapToDouble(s -> s.kib() / 1024.0).toArray()));
    }

    private List<Sample> between(long fromMillis, long toMillis) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.atMillis() >= fromMillis && s.atMillis() <= toMillis).toList();
        }
    }
}
