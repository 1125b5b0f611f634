package io.kafkatranslator.bench;


import io.kafkatranslator.app.ProcessorApp;
import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.evaluation.WmtChat;
import io.kafkatranslator.evaluation.WmtChat.Turn;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.policy.PolicyTopic;
import io.kafkatranslator.policy.TranslationMemory;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WMT 2024 chat dev set's conversations replayed as one stream through the processor on a loopback broker, in its
 * order, keyed by conversation, each turn with its sender and its languages given: how many messages the cache of
 * recent translations and the translation memory answer, and what that does to throughput. Three set-ups, each on a
 * fresh processor (its own topics, an empty cache), interleaved over rounds on one broker: no cache and no memory;
 * the cache; the cache and a memory of the set's stock phrases (each message sent three times or more, with its first
 * reference as the approved translation, as an operator would approve them). The memory is there to count what it
 * answers and how fast, not to score translations. A measurement, not a test.
 */
public final class Replay {
    private static final int STOCK_PHRASE_REPEATS = 3;
    private static final List<String> WARM_UP = List.of("Bonjour, je suis étudiant.", "Il fait beau aujourd'hui.",
            "Nous partons demain matin.", "Où est la gare ?", "Merci pour ton aide.");

    private enum Setup {
        NEITHER("neither"), CACHE("cache"), CACHE_AND_MEMORY("cache and memory");

        final String label;

        Setup(String label) {
            this.label = label;
        }
    }

    private record Run(Setup setup, double seconds, int messages, Map<String, Integer> origins) {
        double perSecond() {
            return messages / seconds;
        }
    }

    private final ConfigSource source;
    private final Path wmt;
    private final int rounds;
    private final Path out;

    public Replay(ConfigSource source, Path wmt, int rounds, Path out) {
        this.source = source;
        this.wmt = wmt;
        this.rounds = rounds;
        this.out = out;
    }

    public int run() throws Exception {
        List<Turn> turns = WmtChat.read(wmt);
        Map<String, String> memory = stockPhrases(turns);
        List<Run> runs = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            for (int round = 1; round <= rounds; round++) {
                for (Setup setup : Setup.values()) {
                    Run run = replay(broker, setup, round, turns, memory);
                    System.err.printf(Locale.ROOT, "round %d, %s: %.1f messages/s %s%n", round, setup.label, run.perSecond(),
                            run.origins());
                    runs.add(run);
                }
            }
        }
        Report.publish(render(runs, turns, memory.size()), out);
        return 0;
    }

    /** The memory's entries, by key: each message sent STOCK_PHRASE_REPEATS times or more (as normalised), its first reference. */
    private static Map<String, String> stockPhrases(List<Turn> turns) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, String> first = new LinkedHashMap<>();
        for (Turn t : turns) {
            String key = PolicyTopic.MEMORY.key(null, t.pair(), t.text());
            if (!TranslationMemory.normalise(t.text()).isEmpty()) {
                counts.merge(key, 1, Integer::sum);
                first.putIfAbsent(key, t.reference());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        counts.forEach((key, n) -> {
            if (n >= STOCK_PHRASE_REPEATS) {
                out.put(key, first.get(key));
            }
        });
        return out;
    }

    private Run replay(EmbeddedBroker broker, Setup setup, int round, List<Turn> turns, Map<String, String> memory)
            throws Exception {
        String prefix = "replay-" + round + "-" + setup.ordinal() + "-";
        Path stateDir = Files.createTempDirectory("kafka-translator-replay");
        Map<String, String> settings = new LinkedHashMap<>(Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka.state.dir", stateDir.toString(), "kafka.application.id", prefix + "app", ProcessorConfig.HTTP_PORT.key(), "0"));
        settings.putAll(ProcessorConfig.topicsPrefixed(prefix));
        if (setup == Setup.NEITHER) {
            settings.put(ProcessorConfig.CACHE_SIZE.key(), "0");
        }
        ProcessorConfig config = ProcessorConfig.from(source.with(settings));
        broker.createTopics(config.newTopics(2));
        Map<String, Integer> origins = new ConcurrentHashMap<>();
        AvroSerde<TranslationRequest> requests = new AvroSerde<>(TranslationRequest.getClassSchema());
        AvroSerde<TranslationResult> results = new AvroSerde<>(TranslationResult.getClassSchema());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer())) {
            if (setup == Setup.CACHE_AND_MEMORY) {
                try (KafkaProducer<String, String> policy = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                        new StringSerializer(), new StringSerializer())) {
                    memory.forEach((key, translation) -> policy.send(new ProducerRecord<>(config.memoryTopic(), key,
                            PolicyTopic.value(translation))));
                }
            }
            try (ProcessorApp app = new ProcessorApp(TranslationModels.load(TranslatorConfig.from(source)), config);
                 Arrivals arrivals = new Arrivals(broker.bootstrapServers(), prefix + "reader",
                         List.of(config.outputTopic(), config.deadLetterTopic()), r -> counted(r, config, results, origins))) {
                app.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (app.state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                for (int i = 0; i < WARM_UP.size(); i++) {
                    send(producer, requests, config, new Turn("warm-up", "customer", new LanguagePair("fr", "en"), WARM_UP.get(i), ""),
                            "warm-up-" + i);
                }
                arrivals.await(WARM_UP.size(), Duration.ofSeconds(60));
                arrivals.reset();
                origins.clear();
                long start = System.nanoTime();
                for (int i = 0; i < turns.size(); i++) {
                    send(producer, requests, config, turns.get(i), "turn-" + i);
                }
                if (!arrivals.await(turns.size(), Duration.ofMinutes(10))) {
                    throw new IllegalStateException("only " + arrivals.count() + " of " + turns.size() + " answers within 10 minutes");
                }
                return new Run(setup, (arrivals.lastArrivalNanos() - start) / 1e9, turns.size(), Map.copyOf(origins));
            }
        } finally {
            io.kafkatranslator.app.TempDirectory.delete(stateDir);
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, AvroSerde<TranslationRequest> serde, ProcessorConfig config,
                             Turn t, String id) {
        producer.send(new ProducerRecord<>(config.inputTopic(), t.conversation(), serde.encode(TranslationRequest.newBuilder()
                .setRequestId(id).setConversationId(t.conversation()).setSender(t.sender()).setText(t.text())
                .setSourceLanguage(t.pair().source()).setTargetLanguage(t.pair().target()).build())));
    }

    /** A replayed turn's answer (not a warm-up's): its origin counted, a dead letter as DEAD_LETTER. */
    private static boolean counted(ConsumerRecord<String, byte[]> r, ProcessorConfig config, AvroSerde<TranslationResult> results,
                                   Map<String, Integer> origins) {
        if (r.topic().equals(config.deadLetterTopic())) {
            origins.merge("DEAD_LETTER", 1, Integer::sum);
            return true;
        }
        try {
            TranslationResult result = results.decode(r.value());
            if (result.getRequestId().startsWith("warm-up")) {
                return true;
            }
            origins.merge(result.getOrigin(), 1, Integer::sum);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String render(List<Run> runs, List<Turn> turns, int memoryEntries) {
        TranslatorConfig translator = TranslatorConfig.from(source);
        StringBuilder md = new StringBuilder();
        md.append("# The WMT 2024 chat dev set replayed: cache and translation memory\n\n");
        md.append(String.format(Locale.ROOT, "Measured %s with `java -jar target/kafka-translator-all.jar loadtest --replay "
                + "../shared/data/wmt24-chat-valid-en-fr/valid.tsv --rounds %d --out docs/replay.md` (beam %d, one stream thread, "
                + "2 partitions, a loopback broker in the same JVM): its %,d turns (%d conversations, both directions, each with "
                + "its sender and languages given) sent as fast as the producer can, in the set's order, to a fresh processor "
                + "per run; throughput from the first send to the last answer. The set-ups are interleaved, %d rounds; the "
                + "best round's throughput, and the answers' origins of the last round (`origin` in the results; a dead "
                + "letter is a message that could not be translated). The memory holds the set's %d stock phrases (messages "
                + "sent %d times or more, as the memory normalises them), each with its first reference as the approved "
                + "translation: it is there to count what a memory answers, not to score translations.%n%n",
                LocalDate.now(), rounds, translator.decoding().beamSize(), turns.size(),
                turns.stream().map(Turn::conversation).distinct().count(), rounds, memoryEntries, STOCK_PHRASE_REPEATS));
        md.append("| set-up | messages/s (best of rounds) | vs neither | MODEL | CACHE | MEMORY | NONE | dead letters |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        double base = best(runs, Setup.NEITHER);
        for (Setup setup : Setup.values()) {
            Run last = runs.stream().filter(r -> r.setup() == setup).reduce((a, b) -> b).orElseThrow();
            md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %s | %s | %s | %s | %s |%n", setup.label, best(runs, setup),
                    best(runs, setup) / base, share(last, "MODEL"), share(last, "CACHE"), share(last, "MEMORY"), share(last, "NONE"),
                    share(last, "DEAD_LETTER")));
        }
        md.append("\nEvery round:\n\n| round | set-up | seconds | messages/s |\n|---:|---|---:|---:|\n");
        for (int i = 0; i < runs.size(); i++) {
            Run r = runs.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f |%n", i / Setup.values().length + 1, r.setup().label,
                    r.seconds(), r.perSecond()));
        }
        return md.toString();
    }

    private static double best(List<Run> runs, Setup setup) {
        return runs.stream().filter(r -> r.setup() == setup).mapToDouble(Run::perSecond).max().orElse(Double.NaN);
    }

    private static String share(Run run, String origin) {
        int n = run.origins().getOrDefault(origin, 0);
        return String.format(Locale.ROOT, "%d (%.1f %%)", n, 100.0 * n / run.messages());
    }
}
