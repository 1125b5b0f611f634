package io.kafkatranslator.cli;

import io.kafkatranslator.app.EmbeddedProcessor;
import io.kafkatranslator.app.TopicPreflight;
import io.kafkatranslator.chat.ChatPage;
import io.kafkatranslator.config.ChatConfig;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.model.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * The live chat page, until Ctrl-C: on the embedded default (a broker, the processor and the shipped
 * models in this JVM), or, where kafka.bootstrap.servers names a cluster, on that cluster, whose
 * processor runs elsewhere (`run`); the page then offers the languages of the configured models.
 */
@Command(name = "chat", description = {"The live chat page (--port or chat.port, 8090), on a broker and processor in this JVM, or on "
        + "the cluster that kafka.bootstrap.servers names (whose processor runs there), until Ctrl-C."})
final class ChatCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption configuration;

    @Mixin
    private ChatPortOption port;

    @Override
    public Integer call() throws Exception {
        ConfigSource source = port.apply(configuration.source());
        long start = System.nanoTime();
        ChatConfig chat = ChatConfig.from(source);
        ChatPage.ensurePortFree(chat);
        ProcessorConfig config = ProcessorConfig.from(source);
        ShutdownSignal signal = new ShutdownSignal();
        try {
            if (config.kafka().containsKey("bootstrap.servers")) {
                TopicPreflight.ensure(config.kafka(), List.of(config.outputTopic(), config.deadLetterTopic()),
                        List.of(config.inputTopic()), false, Duration.ofSeconds(30));
                try (ChatPage page = ChatPage.start(chat, config, LanguageRouter.languages(configuredPairs(source)), false)) {
                    announce(page, start, "on " + config.kafka().get("bootstrap.servers")
                            + " (the processor must be running there: `run`)");
                    signal.await();
                }
            } else {
                Main.requireInProcessBroker("chat without kafka.bootstrap.servers");
                System.out.println("Starting a Kafka broker and the processor in this JVM...");
                try (EmbeddedProcessor embedded = EmbeddedProcessor.start(source, "kafka-translator-chat");
                     ChatPage page = ChatPage.start(chat, embedded.config(), LanguageRouter.languages(embedded.pairs()), true)) {
                    announce(page, start, "on a broker in this JVM at " + embedded.bootstrapServers());
                    signal.await();
                }
            }
        } finally {
            signal.done();
        }
        return 0;
    }

    static void announce(ChatPage page, long start, String where) {
        System.out.printf("Chat page at %s %s, ready in %.1f s. Ctrl-C stops it.%n", page.url(), where,
                (System.nanoTime() - start) / 1e9);
        System.out.flush();
    }

    private static Set<LanguagePair> configuredPairs(ConfigSource source) {
        TranslatorConfig translator = TranslatorConfig.from(source);
        return ModelDirectory.openAll(translator.models(), translator.cacheDir()).stream()
                .map(d -> new LanguagePair(d.manifest().sourceLanguage(), d.manifest().targetLanguage()))
                .collect(Collectors.toSet());
    }
}
