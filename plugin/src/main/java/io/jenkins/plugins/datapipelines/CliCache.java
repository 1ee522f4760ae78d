package io.jenkins.plugins.datapipelines;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Installs the bundled CLI into a cache directory once per version and finds it there afterwards.
 *
 * <p>Layout: {@code VERSION/} (16 hex digits of the zip's SHA-256) holding the unpacked distribution and a
 * {@code .installed} marker with the full hash. Concurrent builds on one agent are safe: each unpacks into its own
 * temporary directory and renames it into place; whoever renames first wins and the others throw theirs away. A
 * directory without its marker (a crash, a full disk) is removed and installed again. Installing a new version
 * removes the previous ones: a plugin upgrade does not leave hundreds of megabytes behind on every agent.
 */
public final class CliCache {
    static final String MARKER = ".installed";
    static final String JAR = "datapipelines-cli.jar";
    private static final Pattern VERSION_DIRECTORY = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern TEMPORARY_DIRECTORY = Pattern.compile("[0-9a-f]{16}\\.tmp-[0-9a-f-]{36}");

    private final InstallLocation location;
    private final CliBundle bundle;

    public CliCache(InstallLocation location, CliBundle bundle) {
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
        log.accept("Copying the datapipelines CLI " + version + " to " + location.absolutePath(version) + " (once per version)");
        String temporary = version + ".tmp-" + UUID.randomUUID();
        try {
            try (InputStream zip = bundle.open()) {
                location.unzip(zip, temporary);
            }
            if (!location.exists(temporary + "/" + JAR)) {
                throw new IOException("the bundled CLI distribution has no " + JAR);
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
}
