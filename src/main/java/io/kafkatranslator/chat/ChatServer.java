package io.kafkatranslator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kafkatranslator.schema.TranslationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

/**
 * The page's HTTP server, and all it serves: the page and its two assets (GET), the event stream
 * (GET /events, server-sent events), the messages the page sends (POST /messages, JSON), and what its
 * participants say of the default tenant's policy (POST /corrections and /glossary, JSON). Every
 * response forbids inline scripts (Content-Security-Policy), so text from Kafka could not run even
 * if the page ever inserted it as HTML, which it does not.
 */
final class ChatServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChatServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far above any chat message; the processor's own limit on a message's length still applies. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_STREAMS = 16;
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final Map<String, Asset> ASSETS = Map.of(
            "/", Asset.load("index.html", "text/html; charset=utf-8"),
            "/chat.js", Asset.load("chat.js", "text/javascript; charset=utf-8"),
            "/chat.css", Asset.load("chat.css", "text/css; charset=utf-8"));

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventHub hub;
    private final MessageSender sender;
    private final PolicySender policy;
    private final String hello;
    private final Semaphore streams = new Semaphore(MAX_STREAMS);

    ChatServer(InetSocketAddress address, EventHub hub, MessageSender sender, PolicySender policy, String hello) throws IOException {
        this.hub = hub;
        this.sender = sender;
        this.policy = policy;
        this.hello = hello;
        this.server = HttpServer.create(address, 0);
        server.createContext("/", this::asset);
        server.createContext("/events", this::events);
        server.createContext("/messages", this::message);
        server.createContext("/corrections", this::correction);
        server.createContext("/glossary", this::term);
        // One thread per open event stream, and a few for everything else.
        this.executor = Executors.newFixedThreadPool(MAX_STREAMS + 4, r -> {
            Thread t = new Thread(r, "chat-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    InetSocketAddress address() {
        return server.getAddress();
    }

    private record Asset(byte[] bytes, String type) {
        static Asset load(String name, String type) {
            try (InputStream in = ChatServer.class.getResourceAsStream("/chat/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the jar lacks /chat/" + name);
                }
                return new Asset(in.readAllBytes(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void asset(HttpExchange e) throws IOException {
        Asset asset = ASSETS.get(e.getRequestURI().getPath());
        if (asset == null) {
            text(e, 404, "not found");
        } else if (!e.getRequestMethod().equals("GET")) {
            text(e, 405, "GET only");
        } else {
            respond(e, 200, asset.type(), asset.bytes());
        }
    }

    private void events(HttpExchange e) throws IOException {
        if (!e.getRequestURI().getPath().equals("/events") || !e.getRequestMethod().equals("GET")) {
            text(e, 404, "not found");
            return;
        }
        if (!streams.tryAcquire()) {
            text(e, 503, "too many open pages");
            return;
        }
        try (EventHub.Subscription subscription = hub.subscribe(); OutputStream out = e.getResponseBody()) {
            secure(e, "text/event-stream; charset=utf-8");
            e.sendResponseHeaders(200, 0);
            write(out, "retry: 2000\n\n");
            write(out, "data: " + hello + "\n\n");
            while (!subscription.ended()) {
                String event = subscription.next(HEARTBEAT);
                // A comment line now and then: a closed page shows up as a failed write, and proxies keep the stream.
                write(out, event == null ? ": keep-alive\n\n" : "data: " + event + "\n\n");
            }
        } catch (IOException closedByThePage) {
            LOG.debug("event stream closed: {}", closedByThePage.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            streams.release();
            e.close();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** What a POST of the page asks for: the JSON answer (202), IllegalArgumentException for a body that is not one. */
    private interface Post {
        ObjectNode answer(JsonNode body) throws ExecutionException, InterruptedException, TimeoutException;
    }

    private void message(HttpExchange e) throws IOException {
        post(e, "/messages", body -> {
            TranslationRequest request = sender.send(ChatMessage.from(body));
            return JSON.createObjectNode().put("request_id", request.getRequestId()).put("message_id", request.getMessageId());
        });
    }

    private void correction(HttpExchange e) throws IOException {
        post(e, "/corrections", body -> JSON.createObjectNode().put("memory_key", policy.correct(body).memoryKey()));
    }

    private void term(HttpExchange e) throws IOException {
        post(e, "/glossary", body -> JSON.createObjectNode().put("glossary_key", policy.keep(body)));
    }

    private void post(HttpExchange e, String path, Post post) throws IOException {
        if (!e.getRequestURI().getPath().equals(path) || !e.getRequestMethod().equals("POST")) {
            text(e, 404, "not found");
            return;
        }
        String type = e.getRequestHeaders().getFirst("Content-Type");
        String origin = e.getRequestHeaders().getFirst("Origin");
        // JSON only, from this page: another site's form cannot post here on a visitor's behalf.
        if (type == null || !type.startsWith("application/json")
                || (origin != null && !origin.equals("http://" + e.getRequestHeaders().getFirst("Host")))) {
            error(e, 403, "only this page may post, as application/json");
            return;
        }
        byte[] body;
        try (InputStream in = e.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            error(e, 413, "a post may be at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        ObjectNode answer;
        try {
            answer = post.answer(JSON.readTree(body));
        } catch (IOException | IllegalArgumentException invalid) {
            error(e, 400, "not a valid " + path.substring(1) + " post: " + invalid.getMessage());
            return;
        } catch (ExecutionException | TimeoutException kafka) {
            LOG.warn("cannot send the page's {} post to Kafka", path, kafka);
            error(e, 503, "Kafka did not take it: " + kafka.getMessage());
            return;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            error(e, 503, "stopping");
            return;
        }
        respond(e, 202, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void text(HttpExchange e, int status, String message) throws IOException {
        respond(e, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void error(HttpExchange e, int status, String message) throws IOException {
        respond(e, status, "application/json", JSON.createObjectNode().put("error", message).toString()
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange e, int status, String type, byte[] body) throws IOException {
        secure(e, type);
        e.sendResponseHeaders(status, body.length);
        try (OutputStream out = e.getResponseBody()) {
            out.write(body);
        }
    }

    private static void secure(HttpExchange e, String type) {
        var headers = e.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                + "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
    }

    @Override
    public void close() {
        hub.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
