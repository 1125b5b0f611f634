package io.kafkatranslator.cli;

import io.kafkatranslator.app.ProcessorApp;
import io.kafkatranslator.app.TopicPreflight;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/** The processor against a real cluster, until SIGTERM (or SIGINT), then an orderly shutdown. */
@Command(name = "run", description = {"The processor against a real cluster (kafka.* settings pass through to Kafka Streams), "
        + "until SIGTERM."})
final class RunCommand implements Callable<Integer> {
    @Mixin
    private ConfigOption configuration;

    @Override
    public Integer call() throws Exception {
        ConfigSource source = configuration.source();
        ProcessorConfig config = ProcessorConfig.from(source);
        config.bootstrapServers();
        // Before the models load: a cluster that cannot be reached or lacks a topic is told in seconds.
        List<String> results = List.of(config.outputTopic(), config.deadLetterTopic(), config.latestTopic());
        List<String> writes = List.of(config.outputTopic(), config.deadLetterTopic(), config.latestTopic(), config.memoryTopic());
        TopicPreflight.ensure(config.kafka(), List.of(config.inputTopic(), config.glossaryTopic(), config.memoryTopic(),
                        config.correctionsTopic()), writes,
                Set.of(config.latestTopic(), config.glossaryTopic(), config.memoryTopic()),
                config.createTopics(), Duration.ofSeconds(30));
        TopicPreflight.ensureAccepts(config.kafka(), results, config.resultMaxBytes(),
                ProcessorConfig.RESULT_MAX_BYTES.key(), Duration.ofSeconds(30));
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
