package io.kafkatranslator.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * GET /metrics (Prometheus text format), /health/live and /health/ready: 200 "OK", or 503 with the
 * reason, from probes that return null when healthy and the problem otherwise.
 */
public final class HttpEndpoints implements AutoCloseable {
    private final HttpServer server;

    public HttpEndpoints(int port, Supplier<String> metrics, Supplier<String> live, Supplier<String> ready) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", e -> respond(e, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.createContext("/health/live", e -> status(e, live.get()));
        server.createContext("/health/ready", e -> status(e, ready.get()));
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http-endpoints");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void status(HttpExchange e, String problem) throws IOException {
        respond(e, problem == null ? 200 : 503, "text/plain; charset=utf-8", problem == null ? "OK\n" : "NOT OK: " + problem + "\n");
    }

    private static void respond(HttpExchange e, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        e.getResponseHeaders().set("Content-Type", type);
        e.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
