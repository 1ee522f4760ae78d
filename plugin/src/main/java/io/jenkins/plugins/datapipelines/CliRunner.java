package io.jenkins.plugins.datapipelines;

import java.io.IOException;
import java.util.List;

/**
 * Runs one CLI command and gives its standard output, or fails with the command's own words. On an agent that is
 * {@link CliLauncher} (through Jenkins' Launcher); without Jenkins, a local process does the same.
 */
@FunctionalInterface
public interface CliRunner {
    /**
     * @return the command's standard output, when it exited 0
     * @throws DeploymentFailure when it exited otherwise, with {@link CliOutcome#failureMessage()}
     */
    String run(List<String> arguments) throws DeploymentFailure, IOException, InterruptedException;
}
