package io.jenkins.plugins.datapipelines;

import hudson.model.TaskListener;

import java.io.IOException;

/**
 * Installs a CLI distribution into a node's cache the way Jenkins core's tool installers install a tool
 * ({@code FilePath.installIfNecessaryFrom}, behind {@code ZipExtractionInstaller} and {@code DownloadFromUrlInstaller}):
 * the node first downloads, checks and unpacks the zip itself ({@link CliDownload}); if that fails (no route to the
 * mirror, a proxy only the controller is configured for, a {@code file:} URL only the controller has), the log says
 * why and the controller downloads the zip and streams it into the node's directory. {@link CliCache} checks the
 * SHA-256 either way, and leaves nothing half-unpacked behind either way.
 *
 * <p>As in core, any {@code IOException} of the node's attempt leads to the controller's, a checksum mismatch
 * included: a download cut off on the node's side arrives as a clean end of the stream (the JDK's HTTP client does
 * not notice a short body), so a wrong hash there may be the node's network rather than the file. A zip that is
 * really the wrong file then fails the controller's check as well, with the same message.
 */
final class CliInstall {
    private CliInstall() {
    }

    /**
     * @param node the node's name, for the log
     * @return the absolute path of datapipelines-cli.jar on the node
     */
    static String install(CliDistribution distribution, InstallLocation cache, String node, TaskListener listener)
            throws IOException, InterruptedException {
        if (cache.isRemote()) {
            try {
                return cache.installThere(new CliDownload(distribution, listener));
            } catch (IOException e) {
                listener.getLogger().println(Messages.CliInstall_ThroughController(distribution.url(), node, oneLine(e)));
            }
        }
        // The controller's own directory needs no second way: this is the same machine.
        return new CliCache(cache, distribution).ensureInstalled(listener.getLogger()::println);
    }

    private static String oneLine(IOException e) {
        return e.toString().replaceAll("\\s*\\R\\s*", " ");
    }
}
