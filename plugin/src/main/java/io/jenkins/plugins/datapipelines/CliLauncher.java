package io.jenkins.plugins.datapipelines;

import hudson.AbortException;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.TaskListener;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs CLI commands as processes on the build's agent through its {@link Launcher}, in the workspace. Standard
 * error (progress, messages) streams into the build log as it comes, masked; standard output (the JSON result) is
 * collected; whatever else a command prints there is logged after it ends.
 */
final class CliLauncher implements CliRunner {
    private static final int FAILURE_LINES = 20;
    /** What a POSIX shell (and docker exec) answer for a command that is not on the PATH. */
    private static final int COMMAND_NOT_FOUND = 127;

    private final Launcher launcher;
    private final FilePath workspace;
    private final JavaCommand java;
    private final Map<String, String> buildEnvironment;
    private final CliEnvironment logins;
    private final TaskListener listener;
    private final SecretMasker masker;

    /**
     * @param buildEnvironment the build's environment
     * @param logins           the credentials, each given only to the command that needs it
     */
    CliLauncher(Launcher launcher, FilePath workspace, JavaCommand java, Map<String, String> buildEnvironment, CliEnvironment logins,
                TaskListener listener, SecretMasker masker) {
        this.launcher = launcher;
        this.workspace = workspace;
        this.java = java;
        this.buildEnvironment = buildEnvironment;
        this.logins = logins;
        this.listener = listener;
        this.masker = masker;
    }

    /**
     * The overrides for this command's process: its logins, and an empty value for every variable it must not have,
     * which removes the variable from what the launcher inherits from the agent's own environment (EnvVars.override).
     */
    static Map<String, String> environmentFor(String command, Map<String, String> buildEnvironment, CliEnvironment logins) {
        Map<String, String> environment = new java.util.LinkedHashMap<>();
        CliEnvironment.hiddenFrom(command).forEach(name -> environment.put(name, ""));
        environment.putAll(logins.applyTo(buildEnvironment, command));
        return environment;
    }

    @Override
    public CliOutcome outcome(List<String> arguments) throws IOException, InterruptedException {
        PrintStream log = listener.getLogger();
        // Our own line instead of the launcher's: it shows the CLI command, not the java command line around it.
        log.println(masker.mask("+ datapipelines " + String.join(" ", arguments)));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CliLogStream stderr = new CliLogStream(log, masker, FAILURE_LINES);
        int exitCode;
        try {
            exitCode = launcher.launch()
                    .cmds(java.commandLine(arguments))
                    .envs(environmentFor(arguments.get(0), buildEnvironment, logins))
                    .pwd(workspace)
                    .stdout(stdout)
                    .stderr(stderr)
                    .quiet(true)
                    .join();
        } catch (IOException e) {
            if (java.isOnPath() && !(e instanceof AbortException)) {
                throw new AbortException(Messages.CliInstallations_NotOnPath(workspace.getRemote(), e.getMessage()));
            }
            throw e;
        } finally {
            stderr.close();
        }
        if (java.isOnPath() && exitCode == COMMAND_NOT_FOUND) {
            // A shell or docker exec that did not find the command (a launcher that throws IOException instead is above).
            throw new AbortException(Messages.CliInstallations_NotOnPath(workspace.getRemote(), "exit code 127: command not found"));
        }
        String output = stdout.toString(StandardCharsets.UTF_8);
        for (String line : CliOutput.of(output).otherLines()) {
            log.println(masker.mask(line));
        }
        return new CliOutcome(arguments.get(0), exitCode, output, stderr.tail());
    }
}
