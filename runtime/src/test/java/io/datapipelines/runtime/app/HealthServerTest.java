package io.datapipelines.runtime.app;

import io.datapipelines.runtime.topology.RecordProgress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HealthServerTest {
    private static final Duration STALL = Duration.ofSeconds(60);
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private final java.util.concurrent.atomic.AtomicBoolean processing = new java.util.concurrent.atomic.AtomicBoolean(true);
    private final AtomicLong clock = new AtomicLong();
    private final RecordProgress progress = new RecordProgress(clock::get);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private HealthServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HealthServer("127.0.0.1", 0, new PipelineHealth(state::get, processing::get, progress, STALL), registry);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> request(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void healthzIsOkUnlessFailedOrStoppedAndReadyzOnlyWhileRunning(State current) throws Exception {
        state.set(current);
        HttpResponse<String> healthz = request("GET", "/healthz");
        HttpResponse<String> readyz = request("GET", "/readyz");
        boolean alive = !Set.of(State.ERROR, State.PENDING_ERROR, State.NOT_RUNNING).contains(current);
        assertThat(healthz.statusCode()).isEqualTo(alive ? 200 : 503);
        assertThat(healthz.body()).isEqualTo(current + "\n");
        assertThat(readyz.statusCode()).isEqualTo(current == State.RUNNING ? 200 : 503);
        assertThat(readyz.body()).isEqualTo(current + "\n");
    }

    @Test
    void whileProcessingIsHeldForTheStepsToLoadItIsAliveButNotReady() throws Exception {
        state.set(State.RUNNING);
        processing.set(false);
        assertThat(request("GET", "/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> readyz = request("GET", "/readyz");
        assertThat(readyz.statusCode()).isEqualTo(503);
        assertThat(readyz.body()).isEqualTo("RUNNING, LOADING STEPS\n");
        processing.set(true);
        assertThat(request("GET", "/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void aRecordInProgressLongerThanTheStallTimeoutFailsLivenessAndReadiness() throws Exception {
        state.set(State.RUNNING);
        progress.started();
        clock.addAndGet(STALL.toNanos());
        assertThat(request("GET", "/healthz").statusCode()).as("at the threshold").isEqualTo(200);
        clock.addAndGet(Duration.ofSeconds(5).toNanos());
        HttpResponse<String> healthz = request("GET", "/healthz");
        assertThat(healthz.statusCode()).isEqualTo(503);
        assertThat(healthz.body()).isEqualTo("STALLED: stream thread " + Thread.currentThread().getName()
                + " has been on one record for 65 s (the limit is 60 s, --stall-timeout)\n");
        assertThat(request("GET", "/readyz").statusCode()).isEqualTo(503);
        progress.finished();
        assertThat(request("GET", "/healthz").statusCode()).isEqualTo(200);
        assertThat(request("GET", "/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void idleAndSlowConnectionsDoNotBlockTheProbes() throws Exception {
        state.set(State.RUNNING);
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                held.add(socket);
                if (i % 2 == 1) { // half send part of a request and then nothing (slowloris)
                    socket.getOutputStream().write("GET /healthz HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            }
            for (String path : List.of("/healthz", "/readyz", "/metrics")) {
                assertThat(request("GET", path).statusCode()).as(path).isEqualTo(200);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aRequestWithHeadersPastTheLimitIsRefused() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(HealthServer.MAX_REQUEST_HEADER_BYTES) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).isEqualTo("HTTP/1.1 431");
        }
    }

    @Test
    void listensOnTheGivenAddressOnly() throws Exception {
        Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> { try { return i.isUp() && !i.isLoopback(); } catch (Exception e) { return false; } })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assertThat(request("GET", "/healthz").statusCode()).isIn(200, 503);
        if (external.isPresent()) { // a machine without a network has nothing more to show
            assertThatThrownBy(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(external.get(), server.port()), 2_000);
                }
            }).isInstanceOf(ConnectException.class);
        }
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        Counter.builder("datapipelines.records.in").register(registry).increment(3);
        HttpResponse<String> metrics = request("GET", "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("# TYPE datapipelines_records_in_total counter").contains("datapipelines_records_in_total 3.0");
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        state.set(State.RUNNING);
        HttpResponse<String> head = request("HEAD", "/readyz");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void otherPathsAreNotFoundAndOtherMethodsNotAllowed() throws Exception {
        state.set(State.RUNNING);
        assertThat(request("GET", "/healthzz").statusCode()).isEqualTo(404);
        assertThat(request("GET", "/metrics/x").statusCode()).isEqualTo(404);
        assertThat(request("GET", "/").statusCode()).isEqualTo(404);
        assertThat(request("POST", "/readyz").statusCode()).isEqualTo(405);
    }
}
