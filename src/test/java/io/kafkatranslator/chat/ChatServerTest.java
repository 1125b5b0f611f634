package io.kafkatranslator.chat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page's server serves the page, its assets and the event stream and nothing else, refuses
 * oversized, foreign and malformed posts (messages, corrections, terms) before Kafka sees them, and forbids inline scripts. (Sending
 * and receiving through a real broker is ChatPageBrowserTest's.)
 */
class ChatServerTest {
    private static ChatServer server;
    private static MessageSender sender;
    private static PolicySender policy;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        // Nothing listens there: these requests must all be turned away before a message would be sent.
        Map<String, Object> nowhere = Map.of("bootstrap.servers", "127.0.0.1:9", "max.block.ms", "1000", "reconnect.backoff.ms", "60000");
        sender = new MessageSender(nowhere, "requests");
        policy = new PolicySender(nowhere, "corrections", "glossary");
        EventHub hub = new EventHub(10, 10);
        server = new ChatServer(new InetSocketAddress("127.0.0.1", 0), hub, sender, policy, PageEvents.hello(List.of("fr", "en")));
        hub.publish("{\"type\":\"result\",\"request_id\":\"alice-1\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
        sender.close();
        policy.close();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String type, String body) throws Exception {
        return post("/messages", type, body);
    }

    private static HttpResponse<String> post(String path, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageAndItsAssetsWithoutInlineScripts() throws Exception {
        for (String path : List.of("/", "/chat.js", "/chat.css")) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path);
            String policy = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        assertTrue(get("/").body().contains("<script src=\"chat.js\" defer></script>"));
    }

    @Test
    void servesNothingElse() throws Exception {
        for (String path : List.of("/index.html", "/chat/chat.js", "/../pom.xml", "/events/x", "/metrics", "/messages", "/corrections",
                "/glossary")) {
            assertEquals(404, get(path).statusCode(), path);
        }
    }

    @Test
    void refusesOversizedForeignAndMalformedPostsWithTheReason() throws Exception {
        String message = "{\"conversation\":\"c\",\"writer\":\"alice\",\"from\":\"fr\",\"to\":\"en\",\"text\":\"%s\"}";
        HttpResponse<String> big = post("application/json", message.formatted("x".repeat(ChatServer.MAX_BODY_BYTES)));
        assertEquals(413, big.statusCode());
        assertTrue(big.body().contains("at most 16384 bytes"), big.body());
        // What a form on another site can send without the browser asking this server first.
        assertEquals(403, post("text/plain", message.formatted("salut")).statusCode());
        HttpResponse<String> badWriter = post("application/json",
                message.formatted("salut").replace("\"alice\"", "\"<b>alice-1</b>\""));
        assertEquals(400, badWriter.statusCode());
        assertTrue(badWriter.body().contains("writer must be"), badWriter.body());
        HttpResponse<String> badLanguage = post("application/json", message.formatted("salut").replace("\"en\"", "\"english\""));
        assertEquals(400, badLanguage.statusCode());
        assertTrue(badLanguage.body().contains("ISO 639-1"), badLanguage.body());
        assertEquals(400, post("application/json", "[1, 2]").statusCode());
        HttpResponse<String> badCorrection = post("/corrections", "application/json", "{\"source_language\": \"fr\"}");
        assertEquals(400, badCorrection.statusCode());
        assertTrue(badCorrection.body().contains("target_language must be a non-empty string"), badCorrection.body());
        assertEquals(403, post("/corrections", "text/plain", "{}").statusCode());
        HttpResponse<String> badTerm = post("/glossary", "application/json", "{\"pair\": \"fr-en\", \"term\": \"  \"}");
        assertEquals(400, badTerm.statusCode());
        assertTrue(badTerm.body().contains("TENANT|SOURCE-TARGET|TERM"), badTerm.body());
    }

    @Test
    void eventStreamStartsWithTheLanguagesThenTheKeptEvents() throws Exception {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(uri("/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            List<String> data = in.lines().filter(l -> l.startsWith("data: ")).limit(2).toList();
            assertEquals(List.of("data: {\"type\":\"hello\",\"languages\":[\"en\",\"fr\"]}",
                    "data: {\"type\":\"result\",\"request_id\":\"alice-1\"}"), data);
        }
    }
}
