package io.kafkatranslator.chat;

import io.kafkatranslator.config.ChatConfig;
import io.kafkatranslator.config.ProcessorConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * The live chat page on a cluster where the processor runs: what participants type goes to the
 * input topic, and the processor's results and dead letters stream back to every open page.
 */
public final class ChatPage implements AutoCloseable {
    /** Results kept for a page opened later: a conversation's worth, not the topic's history. */
    private static final int KEPT_EVENTS = 200;

    private final MessageSender sender;
    private final PolicySender policy;
    private final ResultFeed feed;
    private final ChatServer server;

    private ChatPage(MessageSender sender, PolicySender policy, ResultFeed feed, ChatServer server) {
        this.sender = sender;
        this.policy = policy;
        this.feed = feed;
        this.server = server;
    }

    /**
     * Fails at once, naming the setting, when the page's port is taken: checked before a command starts a
     * broker and loads models, which would otherwise be done before the page found out.
     */
    public static void ensurePortFree(ChatConfig chat) throws IOException {
        if (chat.port() == 0) {
            return;
        }
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.bind(new InetSocketAddress(chat.bindAddress(), chat.port()));
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("the chat page's port " + chat.port() + " on " + chat.bindAddress()
                    + " is in use: choose another with --port or chat.port (0: any free one)", e);
        }
    }

    /**
     * Serves the page for the given languages; fromBeginning shows the results already in the output
     * topic (the embedded broker's, which hold only this run's), otherwise only those from now on.
     */
    public static ChatPage start(ChatConfig chat, ProcessorConfig processor, Set<String> languages,
                                 boolean fromBeginning) throws IOException, InterruptedException {
        EventHub hub = new EventHub(KEPT_EVENTS, 4 * KEPT_EVENTS);
        Map<String, Object> producer = ProcessorConfig.clientSettings(processor.kafka(), ProducerConfig.configNames());
        MessageSender sender = new MessageSender(producer, processor.inputTopic());
        PolicySender policy = new PolicySender(producer, processor.correctionsTopic(), processor.glossaryTopic());
        ResultFeed feed = null;
        try {
            feed = new ResultFeed(processor.kafka(), processor.outputTopic(), processor.deadLetterTopic(), fromBeginning, hub);
            ChatServer server = new ChatServer(new InetSocketAddress(chat.bindAddress(), chat.port()), hub, sender, policy,
                    PageEvents.hello(languages));
            return new ChatPage(sender, policy, feed, server);
        } catch (IOException e) {
            stop(feed, sender, policy);
            throw new IOException("cannot serve the chat page on " + chat.bindAddress() + ":" + chat.port()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop(feed, sender, policy);
            throw e;
        }
    }

    private static void stop(ResultFeed feed, MessageSender sender, PolicySender policy) throws InterruptedException {
        if (feed != null) {
            feed.close();
        }
        sender.close();
        policy.close();
    }

    public URI url() {
        InetSocketAddress address = server.address();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort() + "/");
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        stop(feed, sender, policy);
    }
}
