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
    private final Map<String, String> buildEnvironment;
    private final CliEnvironment logins;
    private final SecretMasker masker;
    final ByteArrayOutputStream log = new ByteArrayOutputStream();

    public LocalCli(String jar, Path workingDirectory, CliEnvironment environment) {
        this(jar, workingDirectory, Map.of(), environment);
    }

    /**
     * @param buildEnvironment what a build's environment would add to this machine's (DATAPIPELINES_JAVA_OPTS, say)
     */
    public LocalCli(String jar, Path workingDirectory, Map<String, String> buildEnvironment, CliEnvironment environment) {
        this(jar, workingDirectory, buildEnvironment, environment, new SecretMasker(environment.secrets()));
    }

    /** @param masker the secrets to mask, also those that are not in the environment (logins in files, in a container) */
    public LocalCli(String jar, Path workingDirectory, Map<String, String> buildEnvironment, CliEnvironment environment, SecretMasker masker) {
        this.jar = jar;
        this.workingDirectory = workingDirectory;
        this.buildEnvironment = Map.copyOf(buildEnvironment);
        this.logins = environment;
        this.masker = masker;
    }

    public SecretMasker masker() {
        return masker;
    }

    /** As the step's runner: the standard output, or the failure with the command's own words. */
    public CliRunner runner() {
        return this::run;
    }

    public CliOutcome run(List<String> arguments) throws IOException, InterruptedException {
        JavaCommand java = JavaCommand.forAgent(buildEnvironment, System.getProperty("java.home"), File.separatorChar == '/', jar);
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        logStream.println(masker.mask("+ datapipelines " + String.join(" ", arguments)));
        ProcessBuilder builder = new ProcessBuilder(java.commandLine(arguments)).directory(workingDirectory.toFile());
        // As the step's launcher does: each command with only the logins it needs.
        builder.environment().keySet().removeAll(CliEnvironment.hiddenFrom(arguments.get(0)));
        builder.environment().putAll(logins.applyTo(buildEnvironment, arguments.get(0)));
        Process process = builder.start();
        process.getOutputStream().close();
        CliLogStream stderr = new CliLogStream(logStream, masker, 20);
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
