package io.datapipelines.runtime.python;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread per process that watches every running call of user code and, when one runs past
 * its time limit, has it interrupted. A call costs two volatile writes; nothing is scheduled per call.
 * The thread looks every {@value #TICK_MILLIS} ms, so a call is stopped between its limit and its limit
 * plus a tick plus the engine's reaction time (GraalPy: about 0.2 s).
 */
final class CallWatchdog {
    static final long TICK_MILLIS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(CallWatchdog.class);
    private static final Set<Watch> WATCHES = ConcurrentHashMap.newKeySet();
    private static volatile Thread thread;

    private CallWatchdog() {
    }

    /** What the watchdog does to stop a call that ran too long; runs on the watchdog's thread. */
    @FunctionalInterface
    interface Stopper {
        void stop();
    }

    /** One task's calls, one at a time. */
    static final class Watch {
        private final Stopper stopper;
        private volatile long limitNanos;
        private volatile long startedAt;
        private volatile long call;
        private volatile long stoppedCall = -1;

        private Watch(Stopper stopper) {
            this.stopper = stopper;
        }

        /** @return the call's number, for {@link #wasStopped} */
        long begin(Duration limit) {
            limitNanos = limit.toNanos();
            long number = call + 1;
            call = number;
            startedAt = System.nanoTime() | 1; // never 0, which means idle
            return number;
        }

        void end() {
            startedAt = 0;
        }

        /** Whether the watchdog stopped that call (rather than something else interrupting it). */
        boolean wasStopped(long number) {
            return stoppedCall == number;
        }

        void close() {
            WATCHES.remove(this);
        }

        private void check(long now) {
            long started = startedAt;
            long number = call;
            if (started != 0 && now - started > limitNanos && stoppedCall != number && startedAt == started) {
                stoppedCall = number;
                try {
                    stopper.stop();
                } catch (RuntimeException e) {
                    LOG.warn("could not stop user code that ran past its time limit: {}", e.toString());
                }
            }
        }
    }

    static Watch watch(Stopper stopper) {
        Watch watch = new Watch(stopper);
        WATCHES.add(watch);
        ensureRunning();
        return watch;
    }

    private static void ensureRunning() {
        if (thread == null) {
            synchronized (CallWatchdog.class) {
                if (thread == null) {
                    Thread t = new Thread(CallWatchdog::run, "python-time-limit");
                    t.setDaemon(true);
                    t.start();
                    thread = t;
                }
            }
        }
    }

    private static void run() {
        while (true) {
            LockSupport.parkNanos(TICK_MILLIS * 1_000_000);
            long now = System.nanoTime();
            for (Watch watch : WATCHES) {
                watch.check(now);
            }
        }
    }
}
