package io.datapipelines.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's skopeo, to look at what a registry really holds, independently of Jib. */
public final class Skopeo {
    private static final Path BINARY = Path.of("/usr/bin/skopeo");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Skopeo() {
    }

    public static void require() {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "skipped: skopeo is not installed (apt-get install skopeo; .ci/run does)");
    }

    /** The raw manifest bytes of {@code docker://reference}, exactly as the registry serves them. */
    public static byte[] rawManifest(String reference) throws IOException, InterruptedException {
        return run("inspect", "--tls-verify=false", "--raw", "docker://" + reference);
    }

    /** The image configuration (OCI config JSON) of {@code docker://reference}. */
    public static JsonNode config(String reference) throws IOException, InterruptedException {
        return JSON.readTree(run("inspect", "--tls-verify=false", "--config", "docker://" + reference));
    }

    /** skopeo inspect's summary (Digest, Labels, Layers...). */
    public static JsonNode inspect(String reference) throws IOException, InterruptedException {
        return JSON.readTree(run("inspect", "--tls-verify=false", "docker://" + reference));
    }

    /** Copies an image to an OCI layout directory. */
    public static void copyToOciLayout(String reference, Path directory) throws IOException, InterruptedException {
        run("copy", "--quiet", "--src-tls-verify=false", "docker://" + reference, "oci:" + directory + ":image");
    }

    private static byte[] run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(BINARY.toString());
        command.addAll(List.of(args));
        Path err = Files.createTempFile("skopeo-", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("skopeo timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IOException("skopeo failed (" + process.exitValue() + "): " + command + ": " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
