package io.datapipelines.benchmarks.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forked process under measurement: standard output and error go to one log file, its resident memory
 * is sampled from the moment it is forked, and the wall-clock time just before the fork is kept, so that
 * "process start to first record" includes everything from exec on.
 */
final class MeasuredProcess implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final long forkedAtMillis;
    private final ResidentMemory memory;

    private MeasuredProcess(Process process, Path log, long forkedAtMillis) {
        this.process = process;
        this.log = log;
        this.forkedAtMillis = forkedAtMillis;
        this.memory = ResidentMemory.sample(process.pid(), Duration.ofMillis(100));
    }

    static MeasuredProcess start(List<String> command, Map<String, String> environment, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long forkedAt = System.currentTimeMillis();
        return new MeasuredProcess(builder.start(), log, forkedAt);
    }

    long pid() {
        return process.pid();
    }

    long forkedAtMillis() {
        return forkedAtMillis;
    }

    ResidentMemory memory() {
        return memory;
    }

    Path log() {
        return log;
    }

    /**
     * Waits for the first log line matching {@code pattern} and returns its matcher.
     *
     * @throws IllegalStateException if the process exits first or the time runs out, with the log's tail
     */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<Matcher> found = findLine(pattern);
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the process exited with " + process.exitValue()
                        + " before logging /" + pattern + "/; the end of " + log + ":\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no line /" + pattern + "/ within " + timeout + " in " + log + ":\n" + tail());
            }
            Thread.sleep(20);
        }
    }

    Optional<Matcher> findLine(Pattern pattern) throws IOException {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return Optional.of(matcher);
            }
        }
        return Optional.empty();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of the log, for error messages. */
    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** SIGTERM, then SIGKILL if it has not exited within {@code grace}; returns the exit code. */
    int stop(Duration grace) throws InterruptedException {
        memory.stop();
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        }
        memory.stop();
    }
}
