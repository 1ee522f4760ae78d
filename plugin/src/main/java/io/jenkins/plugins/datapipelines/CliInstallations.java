package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Computer;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.slaves.WorkspaceList;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which CLI a build runs, and how: the {@link DataPipelinesCliInstallation} the step or builder names
 * ({@code cliTool}), else the first one configured, else {@code datapipelines} from the PATH.
 *
 * <ul>
 *   <li>On an agent: the installation as Jenkins translates it for the node (its installers run there, into the
 *       agent's tools directory, once per version), run by the agent JVM's own java.</li>
 *   <li>In a container ({@link CliPlace#CONTAINER}): the agent's tools directory is not mounted, so an installation
 *       with a download installer installs the same checked zip under {@code WORKSPACE@tmp/datapipelines-cli/}, which
 *       is; an installation with a home only names a CLI inside the image. The container's java runs it.</li>
 * </ul>
 */
final class CliInstallations {
    static final String CONTAINER_CACHE = "datapipelines-cli";

    private CliInstallations() {
    }

    /** The installation a build uses; null for "datapipelines on the PATH" (nothing configured, nothing named). */
    static @CheckForNull DataPipelinesCliInstallation choose(@CheckForNull String cliTool, List<DataPipelinesCliInstallation> configured)
            throws DeploymentFailure {
        String name = Strings.trimToNull(cliTool);
        if (name == null) {
            return configured.isEmpty() ? null : configured.get(0);
        }
        for (DataPipelinesCliInstallation installation : configured) {
            if (name.equals(installation.getName())) {
                return installation;
            }
        }
        String names = configured.isEmpty() ? "none" : configured.stream().map(i -> "'" + i.getName() + "'").collect(Collectors.joining(", "));
        throw new DeploymentFailure(Messages.CliInstallations_NoSuchInstallation(name, names));
    }

    /** Installs the chosen CLI where the build's processes run when it must be, and says how to start it. */
    static JavaCommand command(@CheckForNull String cliTool, FilePath workspace, Launcher launcher, Map<String, String> environment,
                               TaskListener listener) throws DeploymentFailure, IOException, InterruptedException {
        DataPipelinesCliInstallation installation = choose(cliTool, DataPipelinesCliInstallation.all());
        if (installation == null) {
            return JavaCommand.onPath();
        }
        CliPlace place = CliPlace.of(launcher);
        Node node = node(workspace);
        EnvVars variables = new EnvVars(environment);
        String home;
        if (place == CliPlace.AGENT) {
            home = installation.forNode(node, listener).forEnvironment(variables).getHome();
        } else {
            CliDistributionInstaller download = installation.distributionInstallers().stream()
                    .filter(installer -> installer.appliesTo(node)).findFirst().orElse(null);
            if (download != null) {
                String jar = download.installInto(new FilePathInstallLocation(containerVisible(workspace)), node.getDisplayName(), listener);
                return JavaCommand.forAgent(environment, null, launcher.isUnix(), jar);
            }
            home = installation.forEnvironment(variables).getHome(); // a path in the image
        }
        home = Strings.trimToNull(home);
        if (home == null) {
            throw new DeploymentFailure(Messages.CliInstallations_NoHome(installation.getName(), node.getDisplayName()));
        }
        // In a container the agent JVM's java.home does not exist: the container's own java runs the CLI.
        String javaHome = place == CliPlace.AGENT ? agentJavaHome(workspace) : null;
        return JavaCommand.forAgent(environment, javaHome, launcher.isUnix(), jarIn(home, launcher.isUnix()));
    }

    /** datapipelines-cli.jar in an installation's home, in the syntax of the machine that runs it. */
    static String jarIn(String home, boolean unix) {
        String separator = unix ? "/" : "\\";
        return (home.endsWith("/") || home.endsWith("\\") ? home : home + separator) + CliCache.JAR;
    }

    private static FilePath containerVisible(FilePath workspace) throws DeploymentFailure {
        FilePath temporary = WorkspaceList.tempDir(workspace);
        if (temporary == null) {
            throw new DeploymentFailure("no temporary directory next to the workspace " + workspace.getRemote());
        }
        return temporary.child(CONTAINER_CACHE);
    }

    private static Node node(FilePath workspace) throws DeploymentFailure {
        Computer computer = workspace.toComputer();
        Node node = computer == null ? null : computer.getNode();
        if (node == null) {
            throw new DeploymentFailure(Messages.CliInstallations_Offline(workspace.getRemote()));
        }
        return node;
    }

    /** The agent JVM's {@code java.home}, or null when it cannot be asked (then {@code java} on the PATH runs the CLI). */
    private static @CheckForNull String agentJavaHome(FilePath workspace) throws IOException, InterruptedException {
        Computer computer = workspace.toComputer();
        if (computer == null) {
            return null;
        }
        Object home = computer.getSystemProperties().get("java.home");
        return home == null ? null : home.toString();
    }
}
