package io.jenkins.plugins.datapipelines;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs an installed CLI the way the step does on an agent (the same command line, environment and stream
 * handling), with a local process instead of Jenkins' Launcher: for tests without Jenkins.
 */
public final class LocalCli {
    private final String jar;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final SecretMasker masker;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    public LocalCli(String jar, Path workingDirectory, CliEnvironment environment) {
        this.jar = jar;
        this.workingDirectory = workingDirectory;
        this.environment = environment.variables();
        this.masker = new SecretMasker(environment.secrets());
    }

    public CliOutcome run(List<String> arguments) throws IOException, InterruptedException {
        JavaCommand java = JavaCommand.forAgent(Map.of(), System.getProperty("java.home"), File.separatorChar == '/', jar);
        ProcessBuilder builder = new ProcessBuilder(java.commandLine(arguments)).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        CliLogStream stderr = new CliLogStream(new PrintStream(log, true, StandardCharsets.UTF_8), masker, 20);
        Thread pump = new Thread(() -> {
            try (InputStream in = process.getErrorStream()) {
                in.transferTo(stderr);
                stderr.close();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        pump.start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        pump.join();
        return new CliOutcome(arguments.get(0), exit, stdout, stderr.tail());
    }

    public String log() {
        return log.toString(StandardCharsets.UTF_8);
    }
}
