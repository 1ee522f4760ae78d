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
     * What {@code ToolInstaller.performInstallation} does for both installers: the zip into
     * {@code location/VERSION/}, downloaded by the node itself if it can, else through the controller ({@link CliInstall}).
     *
     * @return the version's directory: the installation's home on that node
     */
    static FilePath install(CliDistribution distribution, FilePath location, Node node, TaskListener log) throws IOException, InterruptedException {
        CliInstall.install(distribution, new FilePathInstallLocation(location), node.getDisplayName(), log);
        return location.child(distribution.version());
    }

    /** A label for messages: which installation on which node. */
    static String where(ToolInstallation tool, Node node) {
        return "'" + tool.getName() + "' on " + node.getDisplayName();
    }
}
