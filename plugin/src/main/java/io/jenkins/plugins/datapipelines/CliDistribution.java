package io.jenkins.plugins.datapipelines;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CLI distribution zip (datapipelines-cli.jar plus lib/, built by the cli module) where a tool installer finds it:
 * its URL and the SHA-256 the administrator gave for it. The hash is the version: a different zip gets a different
 * cache directory on every node, and a node that has it installed never downloads it again (nor hashes it again).
 */
public final class CliDistribution {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final URL url;
    private final String sha256;

    /**
     * @param sha256 the expected SHA-256 of the zip, 64 hex digits (either case)
     * @throws IllegalArgumentException when it is not a SHA-256
     */
    public CliDistribution(URL url, String sha256) {
        String hash = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException(Messages.CliDistribution_NotASha256(url, sha256 == null ? "" : sha256));
        }
        this.url = url;
        this.sha256 = hash;
    }

    /** Checks the form of a SHA-256 as an administrator types it (the installers' form checks). */
    public static boolean isSha256(String value) {
        return value != null && SHA256.matcher(value.trim().toLowerCase(Locale.ROOT)).matches();
    }

    public URL url() {
        return url;
    }

    /** The zip's bytes as they come; {@link CliCache} checks them against {@link #sha256()} while unpacking. */
    public InputStream open() throws IOException {
        return url.openStream();
    }

    /** The expected SHA-256, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** The name of this version's directory in a node's cache: 16 hex digits of the hash are plenty. */
    public String version() {
        return sha256.substring(0, 16);
    }

    @Override
    public String toString() {
        return url + " (sha256 " + sha256 + ")";
    }
}
