package io.jenkins.plugins.datapipelines;

import java.io.IOException;
import java.util.List;

/**
 * Runs one CLI command and gives its standard output, or fails with the command's own words. On an agent that is
 * {@link CliLauncher} (through Jenkins' Launcher); without Jenkins, a local process does the same.
 */
@FunctionalInterface
public interface CliRunner {
    /** Runs the command, whatever its exit code. */
    CliOutcome outcome(List<String> arguments) throws IOException, InterruptedException;

    /**
     * @return the command's standard output, when it exited 0
     * @throws DeploymentFailure when it exited otherwise, with {@link CliOutcome#failureMessage()}
     */
    default String run(List<String> arguments) throws DeploymentFailure, IOException, InterruptedException {
        CliOutcome outcome = outcome(arguments);
        if (!outcome.succeeded()) {
            throw new DeploymentFailure(outcome.failureMessage());
        }
        // The result is data, checked field by field, and it must stay intact (masking a short secret could
        // rewrite a digest); only what goes to the log is masked.
        return outcome.stdout();
    }
}
