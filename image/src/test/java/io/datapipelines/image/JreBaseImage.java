package io.datapipelines.image;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The base images the image tests build on, 'docker save' archives built offline by .ci/base-image.sh
 * (mmdebstrap) and cached by it: {@link #archive()} is Debian bookworm + OpenJDK 17 (DATAPIPELINES_TEST_BASE_ARCHIVE
 * names one to use instead); {@link #jvmciArchive()} is bookworm + a jlink runtime of Temurin 25 with JVMCI + tzdata
 * (DATAPIPELINES_TEST_JVMCI_BASE_ARCHIVE). Tests that need one are skipped, saying why, when it can be neither found
 * nor built; under CI=true they fail instead.
 */
public final class JreBaseImage {
    public static final String ENV = "DATAPIPELINES_TEST_BASE_ARCHIVE";
    public static final String JVMCI_ENV = "DATAPIPELINES_TEST_JVMCI_BASE_ARCHIVE";
    private static Path archive;
    private static Path jvmciArchive;

    private JreBaseImage() {
    }

    /** The Java 17 base. */
    public static synchronized Path archive() {
        if (archive == null) {
            archive = locate(ENV, "17");
        }
        return archive;
    }

    /** The Java 25 base with JVMCI, for images with the Graal JIT. */
    public static synchronized Path jvmciArchive() {
        if (jvmciArchive == null) {
            jvmciArchive = locate(JVMCI_ENV, "25");
        }
        return jvmciArchive;
    }

    /** Skips the test saying why when {@code condition} is false, or fails it under CI=true (a missing tool there is a broken CI). */
    public static void require(boolean condition, String reason) {
        if ("true".equals(System.getenv("CI"))) {
            if (!condition) {
                throw new AssertionError("CI=true, so not skipped: " + reason);
            }
        } else {
            Assumptions.assumeTrue(condition, "skipped: " + reason);
        }
    }

    private static Path locate(String env, String flavour) {
        String given = System.getenv(env);
        if (given != null && !given.isBlank()) {
            Path file = Path.of(given);
            require(Files.isRegularFile(file), env + "=" + given + " is not a file");
            return file;
        }
        Path script = repositoryRoot().resolve(".ci/base-image.sh");
        require(Files.isRegularFile(script), "no " + env + " and no " + script);
        try {
            // Prints the cached archive at once, or builds it (root and Debian's mirror needed; about a minute).
            Process process = new ProcessBuilder("bash", script.toString(), flavour).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = process.waitFor();
            require(code == 0 && !out.isEmpty(), "the Java " + flavour + " base image could not be built by " + script + " " + flavour
                    + " (it needs root and mmdebstrap); set " + env + " to a 'docker save' archive");
            return Path.of(out.lines().reduce((first, second) -> second).orElseThrow());
        } catch (IOException e) {
            require(false, "cannot run " + script + ": " + e.getMessage());
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The checkout's root: the nearest directory up from here with .ci/. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve(".ci"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("").toAbsolutePath() : dir;
    }
}
