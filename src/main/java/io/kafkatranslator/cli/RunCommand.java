package io.kafkatranslator.cli;

import io.kafkatranslator.app.ProcessorApp;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;

/** The processor against a real cluster, until SIGTERM (or SIGINT), then an orderly shutdown. */
final class RunCommand {
    private final ConfigSource source;

    RunCommand(ConfigSource source) {
        this.source = source;
    }

    int run() throws InterruptedException {
        ProcessorConfig config = ProcessorConfig.from(source);
        if (!config.kafka().containsKey("bootstrap.servers")) {
            throw new Args.UsageException("kafka.bootstrap.servers is not set (in --config FILE or KAFKA_BOOTSTRAP_SERVERS)");
        }
        ProcessorApp app = new ProcessorApp(TranslationModels.load(TranslatorConfig.from(source)), config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        app.start();
        app.awaitStop();
        return 0;
    }
}
