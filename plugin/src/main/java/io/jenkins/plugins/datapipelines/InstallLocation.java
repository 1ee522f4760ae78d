package io.jenkins.plugins.datapipelines;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * A directory on some machine where the CLI is cached, with just the operations {@link CliCache} needs, and a way to
 * run a whole install on that machine ({@link CliInstall} tries that first). On an agent it is a Jenkins
 * {@code FilePath}, each call a remote operation; in tests, a local directory. Paths are relative to the directory and
 * use '/'.
 */
public interface InstallLocation {

    /** Whether the directory is on another machine than this JVM's (an agent's, seen from the controller). */
    boolean isRemote();

    /**
     * Runs the install on the machine that holds the directory ({@code FilePath.act}): that machine reads the URL.
     *
     * @return the absolute path of datapipelines-cli.jar there
     */
    String installThere(CliDownload download) throws IOException, InterruptedException;

    boolean exists(String path) throws IOException, InterruptedException;

    String read(String path) throws IOException, InterruptedException;

    void write(String path, String content) throws IOException, InterruptedException;

    /** Unpacks a zip into a new directory {@code path}; closes the stream. */
    void unzip(InputStream zip, String path) throws IOException, InterruptedException;

    /** Renames a directory; false (and nothing changed) when the target exists already. */
    boolean renameIfAbsent(String from, String to) throws IOException, InterruptedException;

    void deleteRecursive(String path) throws IOException, InterruptedException;

    /** Names of the entries directly in this directory (empty when it does not exist). */
    List<String> list() throws IOException, InterruptedException;

    /** The absolute path on that machine, in its own syntax, for command lines. */
    String absolutePath(String path);
}
