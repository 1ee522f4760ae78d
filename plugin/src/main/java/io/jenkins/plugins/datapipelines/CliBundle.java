package io.jenkins.plugins.datapipelines;

import edu.umd.cs.findbugs.annotations.CheckForNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The CLI distribution zip the plugin carries as a resource (datapipelines-cli.jar plus lib/, built by the cli
 * module). Its version is the SHA-256 of its bytes: a plugin build with a different CLI gets a different cache
 * directory on every agent, and the same plugin never copies it twice.
 */
public final class CliBundle {
    /** Where the build puts the zip inside the plugin's jar. */
    public static final String RESOURCE = "cli/datapipelines-cli.zip";

    private final URL url;
    private volatile String sha256;

    public CliBundle(URL url) {
        this.url = url;
    }

    /** The zip packaged with this plugin, or null in a build of the plugin that was made without it. */
    public static @CheckForNull CliBundle packaged() {
        URL url = CliBundle.class.getResource(RESOURCE);
        return url == null ? null : new CliBundle(url);
    }

    public InputStream open() throws IOException {
        return url.openStream();
    }

    /** SHA-256 of the zip, as hex: computed once (the zip is large) and kept. */
    public String sha256() throws IOException {
        String hash = sha256;
        if (hash == null) {
            try (InputStream in = new DigestInputStream(open(), MessageDigest.getInstance("SHA-256"))) {
                byte[] buffer = new byte[1 << 16];
                while (in.read(buffer) >= 0) {
                    // reading is hashing
                }
                hash = HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
            sha256 = hash;
        }
        return hash;
    }

    /** The name of this version's directory in an agent's cache: 16 hex digits of the hash are plenty. */
    public String version() throws IOException {
        return sha256().substring(0, 16);
    }
}
