package io.datapipelines.runtime.it;

import io.datapipelines.runtime.app.PipelineMain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The pipeline runtime as the container runs it: {@link PipelineMain} in its own JVM, configured the
 * same way (flags, {@code KAFKA_*} environment), with a fixed HTTP port and a state directory that
 * survive restarts, as a pod's port and emptyDir do when its container is restarted.
 */
final class RuntimeProcess implements AutoCloseable {
    /**
     * Client settings that make a restart quick: the group notices a killed member after 6 s (the
     * broker's minimum session timeout) rather than 45, and the transaction a killed process left
     * open is aborted after 5 s rather than 10 (until then, read_committed readers, the restarted
     * process included, wait for it).
     */
    static final Map<String, String> FAST_RESTARTS = Map.of(
            "KAFKA_SESSION_TIMEOUT_MS", "6000",
            "KAFKA_HEARTBEAT_INTERVAL_MS", "1000",
            "KAFKA_TRANSACTION_TIMEOUT_MS", "5000");

    private final ForkedJvm jvm;
    private final int httpPort;
    private final HttpClient http;

    private RuntimeProcess(ForkedJvm jvm, int httpPort) {
        this.jvm = jvm;
        this.httpPort = httpPort;
        this.http = new HttpClient(httpPort);
    }

    static Builder builder(Path definition, String bootstrapServers) {
        return new Builder(definition, bootstrapServers);
    }

    static final class Builder {
        private final Path definition;
        private final Map<String, String> environment = new LinkedHashMap<>();
        private final List<String> extraArguments = new ArrayList<>();
        private String deployment = "it";
        private Duration shutdownTimeout = Duration.ofSeconds(20);
        private Integer httpPort;

        private Builder(Path definition, String bootstrapServers) {
            this.definition = definition;
            environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            environment.putAll(FAST_RESTARTS);
        }

        Builder deployment(String name) {
            this.deployment = name;
            return this;
        }

        /** An environment variable, such as {@code KAFKA_COMMIT_INTERVAL_MS}. */
        Builder env(String name, String value) {
            environment.put(name, value);
            return this;
        }

        Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = timeout;
            return this;
        }

        /** A given port for the endpoints, instead of a free one. */
        Builder httpPort(int port) {
            this.httpPort = port;
            return this;
        }

        Builder argument(String... arguments) {
            extraArguments.addAll(List.of(arguments));
            return this;
        }

        /** Creates (does not start) the process, tracked by {@code processes}, in its current work directory. */
        RuntimeProcess build(ForkedProcesses processes) {
            Path dir = processes.workDir();
            int port = httpPort == null ? FreePort.find() : httpPort;
            List<String> arguments = new ArrayList<>(List.of(
                    "--definition", definition.toString(),
                    "--deployment", deployment,
                    "--http-port", Integer.toString(port),
                    "--state-dir", dir.resolve("state-" + deployment).toString(),
                    "--shutdown-timeout", shutdownTimeout.toString()));
            arguments.addAll(extraArguments);
            // A small heap, as in the image: the tests also show the runtime works within it.
            List<String> jvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC");
            ForkedJvm jvm = new ForkedJvm("runtime " + deployment, jvmOptions, PipelineMain.class.getName(), arguments, environment,
                    dir.resolve("runtime-" + deployment + ".log"));
            processes.track(jvm);
            return new RuntimeProcess(jvm, port);
        }
    }

    RuntimeProcess start() {
        jvm.start();
        return this;
    }

    /** Waits until /readyz answers 200 (Kafka Streams is RUNNING); fails early if the process exits. */
    RuntimeProcess awaitReady(Duration timeout) {
        await("runtime ready (/readyz 200)").atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!jvm.isAlive()) {
                throw new AssertionError("the runtime exited with code " + jvm.exitCode() + " before it was ready");
            }
            return http.status("/readyz") == 200;
        });
        return this;
    }

    ForkedJvm jvm() {
        return jvm;
    }

    int httpPort() {
        return httpPort;
    }

    HttpClient http() {
        return http;
    }

    /** The current /metrics scrape. */
    PrometheusScrape metrics() {
        return PrometheusScrape.parse(http.get("/metrics").body());
    }

    void kill() {
        jvm.kill();
    }

    int terminate(Duration gracePeriod) throws InterruptedException {
        return jvm.terminate(gracePeriod);
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        return jvm.awaitExit(timeout);
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    String log() {
        return jvm.logText();
    }

    @Override
    public void close() {
        jvm.kill();
    }

    /** GET on the runtime's endpoints. */
    static final class HttpClient {
        private final int port;

        HttpClient(int port) {
            this.port = port;
        }

        record Response(int status, String contentType, String body) {
        }

        /** The status, or -1 when nothing answers on the port (yet). */
        int status(String path) {
            try {
                return get(path).status();
            } catch (UncheckedIOException e) {
                return -1;
            }
        }

        Response get(String path) {
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://localhost:" + port + path).toURL().openConnection();
                connection.setConnectTimeout(2000);
                connection.setReadTimeout(10000);
                int status = connection.getResponseCode();
                InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                connection.disconnect();
                return new Response(status, connection.getContentType(), body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
