package io.jenkins.plugins.datapipelines;

import hudson.FilePath;
import hudson.model.Node;
import hudson.model.TaskListener;
import hudson.tools.ToolInstallation;

import java.io.IOException;

/**
 * An installer that downloads a CLI distribution zip with a known SHA-256. On a node Jenkins runs it as any tool
 * installer; inside a container ({@code docker.inside}, {@code container()}) the plugin installs the same zip under
 * {@code WORKSPACE@tmp} instead, which the container sees.
 */
interface CliDistributionInstaller {

    /** @throws IOException when the configured URL or coordinates do not make a URL */
    CliDistribution distribution() throws IOException;

    /** Whether it installs on that node (its label). */
    boolean appliesTo(Node node);

    /**
     * Installs this installer's distribution into a cache directory, once per version: the zip downloaded by the machine
     * that holds the directory if it can, else through the controller ({@link CliInstall}), checked against the SHA-256
     * and unpacked into {@code VERSION/} ({@link CliCache}). What {@code performInstallation} does on a node's tool
     * directory ({@link #install}), and the step in a container under {@code WORKSPACE@tmp}.
     *
     * @param node the node's name, for the log
     * @return the absolute path of datapipelines-cli.jar in the cache
     */
    default String installInto(InstallLocation cache, String node, TaskListener log) throws IOException, InterruptedException {
        return CliInstall.install(distribution(), cache, node, log);
    }

    /**
     * What {@code ToolInstaller.performInstallation} does for both installers: {@link #installInto} the node's
     * {@code location}.
     *
     * @return the version's directory: the installation's home on that node
     */
    static FilePath install(CliDistributionInstaller installer, FilePath location, Node node, TaskListener log)
            throws IOException, InterruptedException {
        installer.installInto(new FilePathInstallLocation(location), node.getDisplayName(), log);
        return location.child(installer.distribution().version());
    }

    /** A label for messages: which installation on which node. */
    static String where(ToolInstallation tool, Node node) {
        return "'" + tool.getName() + "' on " + node.getDisplayName();
    }
}
