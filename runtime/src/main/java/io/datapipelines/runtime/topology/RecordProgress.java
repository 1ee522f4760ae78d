package io.datapipelines.runtime.topology;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * When each stream thread started the record it is processing, if it is processing one: what liveness
 * reads. A step in an endless loop keeps Kafka Streams RUNNING while nothing moves; the age of the record
 * in progress shows it. An idle pipeline (no input) has no record in progress and is not stalled.
 *
 * <p>The processor calls {@link #started} and {@link #finished} around every record on its stream thread:
 * a volatile write each, no allocation after the thread's first record. Thread-safe.
 */
public final class RecordProgress {
    private static final long IDLE = Long.MIN_VALUE;

    private final LongSupplier nanoClock;
    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Slot> current = ThreadLocal.withInitial(this::register);

    public RecordProgress() {
        this(System::nanoTime);
    }

    public RecordProgress(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The record in progress on one thread, and for how long it has been. */
    public record Stall(String thread, Duration inProgressFor) {
    }

    private static final class Slot {
        final Thread thread = Thread.currentThread();
        volatile long startedAt = IDLE;
    }

    private Slot register() {
        Slot slot = new Slot();
        slots.add(slot);
        return slot;
    }

    /** The calling thread starts a record. */
    public void started() {
        current.get().startedAt = nanoClock.getAsLong();
    }

    /** The calling thread is done with its record (processed, dead-lettered, or thrown out). */
    public void finished() {
        current.get().startedAt = IDLE;
    }

    /** The longest-running record in progress, if one has run for longer than {@code threshold}. */
    public Optional<Stall> stalledLongerThan(Duration threshold) {
        long now = nanoClock.getAsLong();
        Stall longest = null;
        for (Slot slot : slots) {
            if (!slot.thread.isAlive()) {
                slots.remove(slot); // a replaced stream thread
                continue;
            }
            long startedAt = slot.startedAt;
            if (startedAt == IDLE) {
                continue;
            }
            Duration age = Duration.ofNanos(now - startedAt);
            if (age.compareTo(threshold) > 0 && (longest == null || age.compareTo(longest.inProgressFor()) > 0)) {
                longest = new Stall(slot.thread.getName(), age);
            }
        }
        return Optional.ofNullable(longest);
    }
}
