package io.jenkins.plugins.datapipelines;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Installs a CLI distribution into a cache directory once per version and finds it there afterwards.
 *
 * <p>Layout: {@code VERSION/} (16 hex digits of the zip's expected SHA-256) holding the unpacked distribution and a
 * {@code .installed} marker with the full hash. The zip is hashed while it is unpacked into a temporary directory,
 * and only a zip whose SHA-256 is the expected one is renamed into place: a mismatch ({@link ChecksumMismatch})
 * leaves nothing installed. Concurrent builds on one agent are safe: each unpacks into its own
 * temporary directory and renames it into place; whoever renames first wins and the others throw theirs away. A
 * directory without its marker (a crash, a full disk) is removed and installed again. Installing a new version
 * removes the previous ones: an upgrade of the CLI does not leave hundreds of megabytes behind on every agent.
 *
 * <p>It runs where the zip is downloaded: on the node itself ({@link CliDownload}, the first try), or on the controller
 * driving the node's directory when the node cannot download it ({@link CliInstall} chooses).
 */
public final class CliCache {
    static final String MARKER = ".installed";
    static final String JAR = "datapipelines-cli.jar";
    private static final Pattern VERSION_DIRECTORY = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TEMPORARY_DIRECTORY = Pattern.compile("[0-9a-f]{16}\\.tmp-[0-9a-f-]{36}");

    private final InstallLocation location;
    private final CliDistribution bundle;

    public CliCache(InstallLocation location, CliDistribution bundle) {
        this.location = location;
        this.bundle = bundle;
    }

    /**
     * @param log told when the CLI is copied (the one slow case), not when it is found
     * @return the absolute path of datapipelines-cli.jar on that machine
     */
    public String ensureInstalled(Consumer<String> log) throws IOException, InterruptedException {
        String version = bundle.version();
        if (isInstalled(version)) {
            return location.absolutePath(version + "/" + JAR);
        }
        if (location.exists(version)) {
            location.deleteRecursive(version); // left half-done: start again
        }
        String temporary = version + ".tmp-" + UUID.randomUUID();
        try {
            MessageDigest digest = sha256();
            // Opened before the log says it installs: a URL this machine cannot reach fails here, saying only that.
            WholeStream zip = new WholeStream(new DigestInputStream(bundle.open(), digest));
            IOException unpacking = null;
            try (zip) {
                log.accept("Installing the datapipelines CLI " + version + " from " + bundle.url() + " into " + location.absolutePath(version)
                        + " (once per version)");
                location.unzip(zip, temporary);
            } catch (IOException e) {
                unpacking = e;
            }
            if (unpacking != null && !zip.readToTheEnd()) {
                throw unpacking; // the download broke off: no verdict on the file
            }
            // Checked before an unpacking error is reported: a cut-off download or an error page fails to unzip too, and
            // what the administrator needs then is the URL and both hashes, not the unzipper's complaint.
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(bundle.sha256())) {
                ChecksumMismatch mismatch = new ChecksumMismatch(bundle, actual);
                if (unpacking != null) {
                    mismatch.addSuppressed(unpacking);
                }
                throw mismatch;
            }
            if (unpacking != null) {
                throw unpacking;
            }
            if (!location.exists(temporary + "/" + JAR)) {
                throw new IOException("the CLI distribution " + bundle.url() + " has no " + JAR + " at its top: is it the datapipelines-cli distribution zip?");
            }
            location.write(temporary + "/" + MARKER, bundle.sha256());
            if (!location.renameIfAbsent(temporary, version) && !isInstalled(version)) {
                throw new IOException("could not install the datapipelines CLI into " + location.absolutePath(version));
            }
        } finally {
            if (location.exists(temporary)) {
                location.deleteRecursive(temporary);
            }
        }
        removeOtherVersions(version);
        return location.absolutePath(version + "/" + JAR);
    }

    private boolean isInstalled(String version) throws IOException, InterruptedException {
        String marker = version + "/" + MARKER;
        return location.exists(marker) && location.read(marker).trim().equals(bundle.sha256());
    }

    private void removeOtherVersions(String keep) throws IOException, InterruptedException {
        for (String name : location.list()) {
            boolean otherVersion = VERSION_DIRECTORY.matcher(name).matches() && !name.equals(keep);
            boolean abandonedTemporary = TEMPORARY_DIRECTORY.matcher(name).matches() && !name.startsWith(keep + ".");
            if (otherVersion || abandonedTemporary) {
                location.deleteRecursive(name);
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The zip's bytes were not the ones the installation's SHA-256 names: nothing was installed. */
    public static final class ChecksumMismatch extends IOException {
        private static final long serialVersionUID = 1L;

        ChecksumMismatch(CliDistribution distribution, String actual) {
            super(Messages.CliCache_ChecksumMismatch(distribution.url(), actual, distribution.sha256()));
        }
    }

    /**
     * Reads to the end before it closes: an unzipper may stop at the zip's central directory, and the hash must cover
     * every byte of the file.
     */
    private static final class WholeStream extends FilterInputStream {
        private boolean closed;
        private boolean end;

        WholeStream(InputStream in) {
            super(in);
        }

        /** Whether every byte was read (and so hashed): false when reading failed before the end. */
        boolean readToTheEnd() {
            return end;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            end |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            end |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return; // the unzipper closed it, then try-with-resources
            }
            closed = true;
            try {
                in.transferTo(java.io.OutputStream.nullOutputStream());
                end = true;
            } finally {
                super.close();
            }
        }
    }
}
