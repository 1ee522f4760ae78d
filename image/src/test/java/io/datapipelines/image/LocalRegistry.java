package io.datapipelines.image;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real OCI registry (Debian's docker-registry, the CNCF distribution) on 127.0.0.1, plain HTTP. Uses the
 * one named by DATAPIPELINES_TEST_REGISTRY (host:port; .ci/run starts one on 127.0.0.1:5000), or else
 * starts /usr/bin/docker-registry on a free port with its storage in a temporary directory, once per JVM.
 * Tests that need it are skipped, saying why, when neither is possible.
 */
public final class LocalRegistry {
    public static final String ENV = "DATAPIPELINES_TEST_REGISTRY";
    private static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static LocalRegistry shared;

    private final String address;

    private LocalRegistry(String address) {
        this.address = address;
    }

    /** The registry, or the test is skipped with the reason. */
    public static synchronized LocalRegistry get() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** host:port, e.g. 127.0.0.1:5000. */
    public String address() {
        return address;
    }

    /** A repository no other test uses, so that "pushed" means what each test expects. */
    public String newRepository(String name) {
        return address + "/test/" + name + "-" + Long.toHexString(System.nanoTime());
    }

    private static LocalRegistry start() {
        String given = System.getenv(ENV);
        if (given != null && !given.isBlank()) {
            Assumptions.assumeTrue(answers(given), "skipped: " + ENV + "=" + given + " but no registry answers there");
            return new LocalRegistry(given);
        }
        Assumptions.assumeTrue(Files.isExecutable(BINARY), "skipped: no registry: set " + ENV
                + " or install Debian's docker-registry (apt-get install docker-registry; .ci/run does)");
        try {
            Path dir = Files.createTempDirectory("datapipelines-registry-");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String address = "127.0.0.1:" + port;
            Path config = dir.resolve("config.yml");
            Files.writeString(config, "version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: " + dir.resolve("storage")
                    + "\n  delete:\n    enabled: true\nhttp:\n  addr: " + address + "\n");
            Process process = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("registry.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                TestFiles.deleteRecursively(dir);
            }));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!answers(address)) {
                Assumptions.assumeTrue(process.isAlive(), "skipped: docker-registry exited at start; see " + dir.resolve("registry.log"));
                Assumptions.assumeTrue(Instant.now().isBefore(deadline), "skipped: docker-registry did not answer within 30 s");
                Thread.sleep(100);
            }
            return new LocalRegistry(address);
        } catch (IOException e) {
            Assumptions.abort("skipped: cannot start docker-registry: " + e.getMessage());
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Whether a registry answers GET /v2/ at host:port. */
    static boolean answers(String address) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://" + address + "/v2/").toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
