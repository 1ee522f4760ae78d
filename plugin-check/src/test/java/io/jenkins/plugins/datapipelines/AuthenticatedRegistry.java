package io.jenkins.plugins.datapipelines;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A real OCI registry (Debian's docker-registry, the CNCF distribution, as the image module's tests use) that
 * requires a login: htpasswd basic authentication, plain HTTP, on a free port of 127.0.0.1, with its storage in a
 * temporary directory. Skips the test, saying why, when docker-registry is not installed (.ci/start-registry.sh
 * installs it).
 */
final class AuthenticatedRegistry implements AutoCloseable {
    static final String USER = "robot";
    /** A password for this registry only; its bcrypt hash (cost 4) is below, as htpasswd -B would write it. */
    static final String PASSWORD = "registry-test-pw";
    private static final String HTPASSWD = USER + ":$2b$04$1JqdJOmGAcTuzQtl4rCuj.d7cnhXbwXOlXccii00wYh69nQ8C5.fO\n";
    private static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final String address;
    private final Process process;

    private AuthenticatedRegistry(String address, Process process) {
        this.address = address;
        this.process = process;
    }

    static AuthenticatedRegistry start(Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "SKIPPED: no " + BINARY + " (apt-get install docker-registry; "
                + ".ci/start-registry.sh does): the end-to-end test against the real CLI needs a registry to push to");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        Files.writeString(dir.resolve("htpasswd"), HTPASSWD);
        Files.writeString(dir.resolve("config.yml"), "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: "
                + dir.resolve("storage") + "\nhttp:\n  addr: " + address + "\n  secret: plugin-check\nauth:\n  htpasswd:\n"
                + "    realm: plugin-check\n    path: " + dir.resolve("htpasswd") + "\n");
        Process process = new ProcessBuilder(BINARY.toString(), "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        AuthenticatedRegistry registry = new AuthenticatedRegistry(address, process);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (registry.status("/v2/", null) != 401) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                registry.close();
                Assumptions.abort("SKIPPED: docker-registry did not start; see " + dir.resolve("registry.log"));
            }
            Thread.sleep(100);
        }
        return registry;
    }

    String address() {
        return address;
    }

    /** The HTTP status of a GET, with this registry's login or (null) none; -1 when nothing answers. */
    int status(String path, String password) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + address + path).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            connection.setRequestProperty("Accept", "application/vnd.oci.image.manifest.v1+json, "
                    + "application/vnd.docker.distribution.manifest.v2+json");
            if (password != null) {
                connection.setRequestProperty("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
    }
}
