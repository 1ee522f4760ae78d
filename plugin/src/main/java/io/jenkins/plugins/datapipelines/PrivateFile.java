package io.jenkins.plugins.datapipelines;

import hudson.remoting.VirtualChannel;
import jenkins.agents.ControllerToAgentFileCallable;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a secret (a login's username or password, a kubeconfig) into a new file of its own in a directory of the
 * machine that holds it ({@code FilePath.act}: on the agent, for {@code WORKSPACE@tmp}). On POSIX file systems the
 * file is created owner-only ({@code 0600}), before a byte of the secret is in it; elsewhere it has the directory's
 * default access. The directory is created if missing. Returns the file's absolute path there.
 *
 * <p>Remoting sends it to the agent serialized, secret included, as {@code FilePath.write} sends its content; its
 * {@link #toString()} never shows the secret.
 */
final class PrivateFile implements ControllerToAgentFileCallable<String> {
    private static final long serialVersionUID = 1L;
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String prefix;
    private final String suffix;
    private final byte[] content;

    PrivateFile(String prefix, String suffix, byte[] content) {
        this.prefix = prefix;
        this.suffix = suffix;
        this.content = content.clone();
    }

    @Override
    public String invoke(File directory, VirtualChannel channel) throws IOException {
        Path dir = Files.createDirectories(directory.toPath());
        Path file = dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(dir, prefix, suffix, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, prefix, suffix);
        try {
            Files.write(file, content);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file.toAbsolutePath().toString();
    }

    @Override
    public String toString() {
        return "PrivateFile[" + prefix + "*" + suffix + ", " + content.length + " bytes]";
    }
}
