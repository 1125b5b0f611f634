package io.kafkatranslator.cli;

import io.kafkatranslator.app.ProcessorApp;
import io.kafkatranslator.app.TopicPreflight;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;

import java.time.Duration;

/** The processor against a real cluster, until SIGTERM (or SIGINT), then an orderly shutdown. */
final class RunCommand {
    private final ConfigSource source;

    RunCommand(ConfigSource source) {
        this.source = source;
    }

    int run() throws InterruptedException {
        ProcessorConfig config = ProcessorConfig.from(source);
        config.bootstrapServers();
        // Before the models load: a cluster that cannot be reached or lacks a topic is told in seconds.
        TopicPreflight.ensure(config.kafka(), config.topics(), config.createTopics(), Duration.ofSeconds(30));
        ProcessorApp app = new ProcessorApp(TranslationModels.load(TranslatorConfig.from(source)), config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        app.start();
        app.awaitStop();
        if (app.failed()) {
            System.err.println("error: the processor stopped on an error (see the log above)");
            return 1;
        }
        return 0;
    }
}
