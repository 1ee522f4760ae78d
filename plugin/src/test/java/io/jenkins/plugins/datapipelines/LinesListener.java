package io.jenkins.plugins.datapipelines;

import hudson.model.TaskListener;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A build log for tests: what the plugin prints to its TaskListener, line by line. */
final class LinesListener implements TaskListener {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream logger = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Override
    public PrintStream getLogger() {
        return logger;
    }

    List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
