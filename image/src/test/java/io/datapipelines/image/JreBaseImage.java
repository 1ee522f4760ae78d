package io.datapipelines.image;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Debian bookworm + OpenJDK 17 JRE base image, a 'docker save' archive built offline by
 * .ci/base-image.sh (mmdebstrap) and cached by it. DATAPIPELINES_TEST_BASE_ARCHIVE names an archive to use
 * instead. Tests that need it are skipped, saying why, when it can be neither found nor built.
 */
public final class JreBaseImage {
    public static final String ENV = "DATAPIPELINES_TEST_BASE_ARCHIVE";
    private static Path archive;

    private JreBaseImage() {
    }

    public static synchronized Path archive() {
        if (archive == null) {
            archive = locate();
        }
        return archive;
    }

    private static Path locate() {
        String given = System.getenv(ENV);
        if (given != null && !given.isBlank()) {
            Path file = Path.of(given);
            Assumptions.assumeTrue(Files.isRegularFile(file), "skipped: " + ENV + "=" + given + " is not a file");
            return file;
        }
        Path script = repositoryRoot().resolve(".ci/base-image.sh");
        Assumptions.assumeTrue(Files.isRegularFile(script), "skipped: no " + ENV + " and no " + script);
        try {
            // Prints the cached archive at once, or builds it (root and Debian's mirror needed; about a minute).
            Process process = new ProcessBuilder("bash", script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = process.waitFor();
            Assumptions.assumeTrue(code == 0 && !out.isEmpty(), "skipped: the JRE base image could not be built by " + script
                    + " (it needs root and mmdebstrap); set " + ENV + " to a 'docker save' archive with java 17");
            return Path.of(out.lines().reduce((first, second) -> second).orElseThrow());
        } catch (IOException e) {
            Assumptions.abort("skipped: cannot run " + script + ": " + e.getMessage());
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
