package io.kafkatranslator.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * GET /metrics (Prometheus text format), /health/live (200 while the process can still make
 * progress) and /health/ready (200 once the model is loaded and Kafka Streams is RUNNING).
 */
public final class HttpEndpoints implements AutoCloseable {
    private final HttpServer server;

    public HttpEndpoints(int port, Supplier<String> metrics, BooleanSupplier live, BooleanSupplier ready) throws IOException {
        server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/metrics", e -> respond(e, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.createContext("/health/live", e -> status(e, live.getAsBoolean()));
        server.createContext("/health/ready", e -> status(e, ready.getAsBoolean()));
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

    private static void status(HttpExchange e, boolean ok) throws IOException {
        respond(e, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "OK\n" : "NOT OK\n");
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
