package io.jenkins.plugins.datapipelines;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A download mirror for tests: serves one file over HTTP on 127.0.0.1, and answers its requests in the order given
 * (the whole file once the script is used up), so that a test can have the first download (a node's) fail and the
 * next (the controller's) succeed, as when only the controller can reach a mirror.
 */
final class TestMirror implements AutoCloseable {

    enum Answer {
        /** 503, as a proxy refusing a node answers: the client throws at once. */
        UNAVAILABLE,
        /** The first half of the file, then a clean end of the stream: the JDK's client cannot tell it from the whole. */
        CUT_OFF,
        /** The first half of the file, then the connection dropped mid-chunk: the client's read fails. */
        BROKEN_OFF,
        WHOLE
    }

    private final HttpServer server;
    private final byte[] content;
    private final String name;
    private final Deque<Answer> script;
    private final AtomicInteger requests = new AtomicInteger();

    private TestMirror(Path file, List<Answer> answers) throws IOException {
        this.content = Files.readAllBytes(file);
        this.name = file.getFileName().toString();
        this.script = new ConcurrentLinkedDeque<>(answers);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/" + name, this::answer);
        server.start();
    }

    static TestMirror serving(Path file, Answer... answers) throws IOException {
        return new TestMirror(file, List.of(answers));
    }

    URL url() throws IOException {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + name).toURL();
    }

    int requests() {
        return requests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        Answer answer = script.isEmpty() ? Answer.WHOLE : script.poll();
        switch (answer) {
            case UNAVAILABLE -> {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            }
            case WHOLE -> {
                exchange.sendResponseHeaders(200, content.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(content);
                }
            }
            case CUT_OFF -> {
                exchange.sendResponseHeaders(200, 0); // chunked: closing the body ends it cleanly
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(content, 0, content.length / 2);
                }
            }
            case BROKEN_OFF -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream body = exchange.getResponseBody();
                body.write(content, 0, content.length / 2);
                body.flush();
                // The server drops a connection whose handler fails, without the last chunk.
                throw new IOException("the mirror breaks off");
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
