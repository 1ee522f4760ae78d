package io.datapipelines.runtime.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class HealthServerTest {
    private final AtomicReference<State> state = new AtomicReference<>(State.CREATED);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient client = HttpClient.newHttpClient();
    private HealthServer server;

    @BeforeEach
    void start() throws Exception {
        server = new HealthServer(0, state::get, registry);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> request(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
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
