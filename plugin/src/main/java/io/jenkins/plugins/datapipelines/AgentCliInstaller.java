package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.slaves.WorkspaceList;

import java.io.IOException;
import java.io.PrintStream;

/**
 * Puts the bundled CLI on the agent that holds a workspace, in {@code AGENT-ROOT/tools/datapipelines-cli/VERSION/}
 * (where Jenkins installs its own tools), through {@link CliCache}: copied on the first deployment after a plugin
 * install or upgrade, found there afterwards. For a build step that runs in a container ({@link CliPlace#CONTAINER})
 * it goes to {@code WORKSPACE@tmp/datapipelines-cli/VERSION/} instead, which the container sees.
 */
final class AgentCliInstaller {
    /** Tests put a stand-in CLI here; null means the zip packaged with the plugin. */
    static volatile @CheckForNull CliBundle bundleOverride;

    private AgentCliInstaller() {
    }

    /** @return the absolute path of datapipelines-cli.jar on the agent */
    static String install(FilePath workspace, PrintStream log) throws DeploymentFailure, IOException, InterruptedException {
        return install(workspace, CliPlace.AGENT, log);
    }

    /**
     * @param place where the CLI's processes run: for a container, the CLI goes under {@code WORKSPACE@tmp}, which the
     *              container sees at the same path (the agent's tools directory it does not see)
     * @return the absolute path of datapipelines-cli.jar, as the CLI's processes see it
     */
    static String install(FilePath workspace, CliPlace place, PrintStream log) throws DeploymentFailure, IOException, InterruptedException {
        CliBundle bundle = bundleOverride != null ? bundleOverride : CliBundle.packaged();
        if (bundle == null) {
            throw new DeploymentFailure(Messages.AgentCliInstaller_NoBundle());
        }
        FilePath cache = place == CliPlace.CONTAINER ? containerVisible(workspace) : agentRoot(workspace).child("tools").child("datapipelines-cli");
        return new CliCache(new FilePathInstallLocation(cache), bundle).ensureInstalled(log::println);
    }

    private static FilePath containerVisible(FilePath workspace) throws DeploymentFailure {
        FilePath temporary = WorkspaceList.tempDir(workspace);
        if (temporary == null) {
            throw new DeploymentFailure("no temporary directory next to the workspace " + workspace.getRemote());
        }
        return temporary.child("datapipelines-cli");
    }

    private static FilePath agentRoot(FilePath workspace) throws DeploymentFailure {
        Computer computer = workspace.toComputer();
        Node node = computer == null ? null : computer.getNode();
        FilePath root = node == null ? null : node.getRootPath();
        if (root == null) {
            throw new DeploymentFailure(Messages.AgentCliInstaller_Offline(workspace.getRemote()));
        }
        return root;
    }

    /** The agent JVM's {@code java.home}, or null when it cannot be asked (then {@code java} on the PATH runs the CLI). */
    static @CheckForNull String agentJavaHome(FilePath workspace) throws IOException, InterruptedException {
        Computer computer = workspace.toComputer();
        if (computer == null) {
            return null;
        }
        Object home = computer.getSystemProperties().get("java.home");
        return home == null ? null : home.toString();
    }
}
