package io.jenkins.plugins.datapipelines;

import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import jenkins.agents.ControllerToAgentFileCallable;

import java.io.File;
import java.io.IOException;
import java.net.URL;

/**
 * A CLI install that runs on the node holding the cache ({@code FilePath.act}): the node downloads the zip itself,
 * checks its SHA-256 and unpacks it, through {@link CliCache} on its own directory. This is what Jenkins core's
 * {@code FilePath.installIfNecessaryFrom} tries first for its tool installers (its {@code Unpack} callable): the
 * hundreds of megabytes then cross neither the controller nor its channel to the agent.
 *
 * <p>Remoting sends it to the agent serialized: hence the URL and the hash rather than a {@link CliDistribution}, and
 * the build's listener, which remoting forwards, so that the log lines written there reach the build log.
 */
record CliDownload(URL url, String sha256, TaskListener listener) implements ControllerToAgentFileCallable<String> {

    CliDownload(CliDistribution distribution, TaskListener listener) {
        this(distribution.url(), distribution.sha256(), listener);
    }

    /** On the node: the directory is local there, so FilePath's own unzip (modes, times, its checks) runs locally. */
    @Override
    public String invoke(File directory, VirtualChannel channel) throws IOException, InterruptedException {
        return installInto(new FilePathInstallLocation(new FilePath(directory)));
    }

    /** The install itself, into a directory of the machine this runs on. */
    String installInto(InstallLocation here) throws IOException, InterruptedException {
        return new CliCache(here, new CliDistribution(url, sha256)).ensureInstalled(listener.getLogger()::println);
    }
}
