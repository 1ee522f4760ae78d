package io.datapipelines.runtime.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM forked from the test JVM's own class path, that a test can kill the way Kubernetes does:
 * SIGKILL ({@link #kill()}) or SIGTERM ({@link #terminate}), and start again with the same command,
 * environment and directories. Its standard output and error go to one log file, appended to across
 * restarts with a marker line per start, so that a failing test can show what the process said.
 */
final class ForkedJvm implements AutoCloseable {
    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    /**
     * @param jvmOptions such as {@code -Xmx256m}
     * @param environment added to this JVM's environment
     */
    ForkedJvm(String name, List<String> jvmOptions, String mainClass, List<String> arguments, Map<String, String> environment, Path log) {
        this.name = name;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(arguments);
        this.command = List.copyOf(cmd);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    /** How many times it was started. */
    int starts() {
        return starts;
    }

    /** Starts it (again). */
    synchronized ForkedJvm start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        starts++;
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== " + Instant.now() + " start #" + starts + " of " + name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as when a container is OOM-killed or its node dies; waits until it is gone. */
    synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * SIGTERM, as Kubernetes sends when it stops a pod, then waits up to {@code gracePeriod} for the
     * process to exit; like Kubernetes, kills it after that.
     *
     * @return the exit code
     * @throws AssertionError if it did not exit within the grace period
     */
    int terminate(Duration gracePeriod) throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        p.destroy();
        if (!p.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError(name + " did not exit within " + gracePeriod + " of SIGTERM");
        }
        return p.exitValue();
    }

    /**
     * Waits for the process to exit on its own.
     *
     * @return the exit code
     * @throws AssertionError if it is still running after {@code timeout}
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        Process p;
        synchronized (this) {
            p = process;
        }
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still runs after " + timeout);
        }
        return p.exitValue();
    }

    /** The exit code of the last run, or null while it runs. */
    synchronized Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** The whole log, all starts. */
    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** The last {@code lines} lines of the log. */
    String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        kill();
    }

    @Override
    public String toString() {
        return name + " (log " + log + ")";
    }
}
