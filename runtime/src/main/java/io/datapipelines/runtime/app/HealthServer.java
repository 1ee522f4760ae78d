package io.datapipelines.runtime.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The endpoints Kubernetes and Prometheus use: {@code /healthz} (alive: not failed, not stalled on a
 * record), {@code /readyz} (processing: RUNNING) and {@code /metrics} (Prometheus text format); see
 * {@link PipelineHealth}.
 *
 * <p>Why Jetty rather than the JDK's HttpServer: the JDK server hands each accepted connection to a worker
 * that then blocks reading its request, and its only time limits are JVM-wide system properties
 * (sun.net.httpserver.maxReqTime...), read once by whichever server starts first. So one idle or slow
 * client held the one worker, and the kubelet's probes failed on a healthy pod. Jetty reads requests
 * without holding a thread until a request is complete, closes connections idle for {@link #IDLE_TIMEOUT},
 * bounds the request line and headers ({@link #MAX_REQUEST_HEADER_BYTES}; a larger request is a 431), and
 * its limits belong to this server alone. Request bodies are never read.
 */
public final class HealthServer implements AutoCloseable {
    /** A connection with nothing to read or write for this long is closed. */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** Request line plus headers; probes and scrapes send a few hundred bytes. */
    static final int MAX_REQUEST_HEADER_BYTES = 8 * 1024;
    /** Workers that answer complete requests (Jetty also needs one for accepting and one for selecting). */
    static final int MAX_THREADS = 8;
    /** Open connections at most; past it new ones wait to be accepted until one closes. */
    static final int MAX_CONNECTIONS = 64;

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param host the address to listen on: 0.0.0.0 in a pod (the kubelet probes the pod's IP), 127.0.0.1 on
     *             a workstation
     * @param port 0 picks a free one
     */
    public HealthServer(String host, int port, PipelineHealth health, PrometheusMeterRegistry registry) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("datapipelines-http");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendDateHeader(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, server));
        server.setHandler(new Endpoints(health, registry));
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly();
            // Jetty wraps the socket's error ("Failed to bind to ..."): the cause says it best ("Address already in use")
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IOException(cause.getMessage(), e);
        }
    }

    /** The port actually bound (useful when 0 was asked for). */
    public int port() {
        return connector.getLocalPort();
    }

    private static final class Endpoints extends Handler.Abstract {
        private final PipelineHealth health;
        private final PrometheusMeterRegistry registry;

        Endpoints(PipelineHealth health, PrometheusMeterRegistry registry) {
            this.health = health;
            this.registry = registry;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String method = request.getMethod();
            if (!HttpMethod.GET.is(method) && !HttpMethod.HEAD.is(method)) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                respond(request, response, callback, 405, "text/plain", "only GET and HEAD\n");
                return true;
            }
            switch (Request.getPathInContext(request)) {
                case "/healthz" -> respond(request, response, callback, health.liveness());
                case "/readyz" -> respond(request, response, callback, health.readiness());
                case "/metrics" -> respond(request, response, callback, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape());
                default -> respond(request, response, callback, 404, "text/plain", "not found: try /healthz, /readyz or /metrics\n");
            }
            return true;
        }

        private static void respond(Request request, Response response, Callback callback, PipelineHealth.Answer answer) {
            respond(request, response, callback, answer.status(), "text/plain", answer.body());
        }

        private static void respond(Request request, Response response, Callback callback, int status, String type, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, Integer.toString(bytes.length));
            response.write(true, HttpMethod.HEAD.is(request.getMethod()) ? null : ByteBuffer.wrap(bytes), callback);
        }
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // it did not start: nothing to stop
        }
    }

    @Override
    public void close() {
        stopQuietly();
    }
}
