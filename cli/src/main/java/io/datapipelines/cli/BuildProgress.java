package io.datapipelines.cli;

import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.event.progress.Allocation;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a build's progress on stderr: Jib's lifecycle, progress and warning messages, and every few
 * seconds while something slow runs (a first push of the base and dependency layers), the share done.
 */
final class BuildProgress {
    private static final long INTERVAL_NANOS = 3_000_000_000L;

    private final PrintWriter err;
    private double done;
    private long lastShown = System.nanoTime();
    private int lastPercent = -1;

    BuildProgress(PrintWriter err) {
        this.err = err;
    }

    synchronized void log(LogEvent event) {
        if (event.getMessage().isBlank() || event.getMessage().startsWith("Container entrypoint set to") || event.getMessage().startsWith("Container program arguments set to")) {
            return; // the entrypoint is always the same, with a class path of thirty jars: docs/images.md shows it
        }
        switch (event.getLevel()) {
            case LIFECYCLE, PROGRESS -> err.println(event.getMessage());
            case WARN -> err.println("warning: " + event.getMessage());
            case ERROR -> err.println("error: " + event.getMessage());
            default -> {
                return;
            }
        }
        err.flush();
    }

    synchronized void progress(ProgressEvent event) {
        Allocation allocation = event.getAllocation();
        done += allocation.getFractionOfRoot() * event.getUnits() / Math.max(1, allocation.getAllocationUnits());
        long now = System.nanoTime();
        int percent = (int) Math.min(100, Math.floor(done * 100));
        if (now - lastShown >= INTERVAL_NANOS && percent != lastPercent && percent < 100) {
            err.println(String.format(Locale.ROOT, "... %d%% (%s)", percent, allocation.getDescription()));
            err.flush();
            lastShown = now;
            lastPercent = percent;
        }
    }
}
