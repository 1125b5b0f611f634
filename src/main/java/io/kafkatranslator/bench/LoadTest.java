package io.kafkatranslator.bench;

import io.kafkatranslator.app.ProcessorApp;
import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.schema.Timings;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.AvroSerde;
import io.kafkatranslator.topology.RefusedResults;
import io.kafkatranslator.topology.TranslationTopology;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The processor under load on a real broker over loopback: a producer at fixed rates, then as fast
 * as it can, chat-like sentences from the test split; latency from produce to the result's arrival at
 * a read_committed consumer. Compared in the same run with the engine's offline batched throughput.
 * Prints a Markdown table and writes it to a file. A measurement, not a test.
 */
public final class LoadTest {
    private static final int[] RATES = {10, 50, 100, 200};
    private static final Pattern BATCH_SUM = Pattern.compile("translator_batch_size_sum (\\S+)");
    private static final Pattern BATCH_COUNT = Pattern.compile("translator_batch_size_count (\\S+)");

    private final ConfigSource source;
    private final Path src;
    private final Duration phase;
    private final int burst;
    private final Path out;

    public LoadTest(ConfigSource source, Path src, Duration phase, int burst, Path out) {
        this.source = source;
        this.src = src;
        this.phase = phase;
        this.burst = burst;
        this.out = out;
    }

    /** Where one result's latency went, in ms: each stage is read from the result's timings. */
    private record Sample(long total, long toProcessor, long batchWait, long decoding, long commitAndDelivery) {
    }

    private record Phase(String load, double offeredPerSecond, double seconds, List<Sample> samples, double meanBatch) {
        double throughput() {
            return samples.size() / seconds;
        }

        long percentile(ToLongFunction<Sample> stage, double p) {
            long[] values = samples.stream().mapToLong(stage).sorted().toArray();
            return values.length == 0 ? -1 : values[(int) Math.min(values.length - 1, Math.ceil(p * values.length) - 1)];
        }

        long percentile(double p) {
            return percentile(Sample::total, p);
        }
    }

    public int run() throws Exception {
        List<String> sentences = Report.chatSentences(src);
        TranslatorConfig translatorConfig = TranslatorConfig.from(source);
        List<Phase> phases = new ArrayList<>();
        Path stateDir = Files.createTempDirectory("kafka-translator-load");
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            // The cache off: the load's sentences repeat, and it would answer most of them instead of the model.
            Map<String, String> settings = Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                    "kafka.state.dir", stateDir.toString(), ProcessorConfig.HTTP_PORT.key(), "0", ProcessorConfig.CACHE_SIZE.key(), "0");
            ProcessorConfig config = ProcessorConfig.from(source.with(settings));
            broker.createTopics(config.newTopics(2));
            TranslationModels models = TranslationModels.load(translatorConfig);
            // The load is French requests: the processor routes them to the fr-en model.
            TranslationEngine engine = models.find(new LanguagePair("fr", "en"));
            List<String> offlineSentences = sentences.subList(0, Math.min(burst, sentences.size()));
            double offlineBefore = offlineThroughput(engine, offlineSentences);
            AvroSerde<TranslationResult> serde = new AvroSerde<>(TranslationResult.getClassSchema());
            Queue<Sample> samples = new ConcurrentLinkedQueue<>();
            try (ProcessorApp app = new ProcessorApp(models, config);
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                         "linger.ms", "0"), new StringSerializer(), new ByteArraySerializer());
                 Arrivals reader = new Arrivals(broker.bootstrapServers(), "load-test", List.of(config.outputTopic()),
                         r -> record(r, serde, samples))) {
                app.start();
                waitUntilRunning(app);
                send(producer, config.inputTopic(), sentences, 20, 20, "warmup");
                reader.await(20, Duration.ofSeconds(60));
                for (int rate : RATES) {
                    phases.add(measure(app, producer, reader, samples, config.inputTopic(), sentences, rate + " requests/s", rate,
                            (int) (rate * phase.toSeconds())));
                }
                phases.add(measure(app, producer, reader, samples, config.inputTopic(), sentences, "as fast as possible", 0,
                        burst));
                // This machine's speed drifts by tens of percent over minutes: the better of two runs, one on each side.
                double offline = Math.max(offlineBefore, offlineThroughput(engine, offlineSentences));
                System.err.printf(Locale.ROOT, "offline batched: %.1f sentences/s%n", offline);
                Report.publish(render(phases, offline, sentences.size(), translatorConfig, config), out);
            }
        }
        return 0;
    }

    private static double offlineThroughput(TranslationEngine engine, List<String> sentences) {
        try (MessageTranslator translator = engine.newTranslator()) {
            translator.translate(sentences.subList(0, Math.min(32, sentences.size())));
            long start = System.nanoTime();
            translator.translate(sentences);
            return sentences.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static void waitUntilRunning(ProcessorApp app) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (app.state() != org.apache.kafka.streams.KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private Phase measure(ProcessorApp app, KafkaProducer<String, byte[]> producer, Arrivals reader, Queue<Sample> samples,
                          String topic, List<String> sentences, String name, int rate, int count) throws Exception {
        double[] batchBefore = batchStats(app);
        samples.clear();
        reader.reset();
        long start = System.nanoTime();
        send(producer, topic, sentences, count, rate, name);
        reader.await(count, Duration.ofSeconds(Math.max(60, count / 5)));
        double seconds = (reader.lastArrivalNanos() - start) / 1e9;
        double[] batchAfter = batchStats(app);
        Phase p = new Phase(name, rate == 0 ? Double.NaN : rate, seconds, List.copyOf(samples),
                (batchAfter[0] - batchBefore[0]) / Math.max(1, batchAfter[1] - batchBefore[1]));
        System.err.printf(Locale.ROOT, "%-20s %6.1f results/s  p50 %d ms  p99 %d ms  mean batch %.1f%n", name,
                p.throughput(), p.percentile(0.5), p.percentile(0.99), p.meanBatch);
        return p;
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, List<String> sentences, int count,
                             int rate, String tag) throws InterruptedException {
        AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            String conversation = "load-" + (i % 50);
            TranslationRequest r = TranslationRequest.newBuilder().setRequestId(tag + "-" + i).setConversationId(conversation)
                    .setText(sentences.get(i % sentences.size())).setClientTimestamp(Instant.now()).build();
            producer.send(new ProducerRecord<>(topic, conversation, serde.encode(r)));
        }
        producer.flush();
    }

    /** [sum, count] of the processor's batch-size summary, read from its /metrics endpoint. */
    private static double[] batchStats(ProcessorApp app) throws Exception {
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + app.httpPort() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new double[] {value(BATCH_SUM, metrics), value(BATCH_COUNT, metrics)};
    }

    private static double value(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * Records a result's latency since its request's client timestamp, and where it went; false for a result
     * without timings (not counted).
     */
    private static boolean record(ConsumerRecord<String, byte[]> r, AvroSerde<TranslationResult> serde, Queue<Sample> samples) {
        long now = System.currentTimeMillis();
        Timings t = serde.deserializer().deserialize(r.topic(), r.value()).getTimings();
        if (t.getEndToEndMs() == null) {
            return false;
        }
        // The result was stamped when the processor wrote it; its request's client
        // timestamp is that stamp minus end_to_end_ms. Same JVM, same clock.
        long delivery = now - r.timestamp();
        samples.add(new Sample(t.getEndToEndMs() + delivery, t.getEndToEndMs() - t.getQueuedMs() - t.getDecodingMs(),
                t.getQueuedMs(), t.getDecodingMs(), delivery));
        return true;
    }

    private String render(List<Phase> phases, double offline, int pool, TranslatorConfig config, ProcessorConfig processor) {
        StringBuilder sb = new StringBuilder(config.decoding().greedy() ? "# Load test, greedy decoding\n\n"
                : "# Load test, beam search (the default)\n\n");
        Properties streams = TranslationTopology.streamsProperties(processor, new RefusedResults());
        sb.append(String.format(Locale.ROOT, "One processor (%s stream thread(s), %s, %d ONNX Runtime thread(s) per graph run, "
                        + "one micro-batch per stream thread of up to %d requests or %d ms open (four times that on a backlog), a commit after each, %s) against a "
                        + "single-node Kafka broker in the same JVM over loopback, on %d CPU cores; %d chat-like test-split sentences "
                        + "(12 words or fewer) in 50 conversations; latency from the producer's send to the result's arrival at a "
                        + "read_committed consumer. Measured %s with:%n%n    java -jar target/kafka-translator-all.jar loadtest --beam %d --out %s%n%n",
                streams.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1"),
                config.decoding().greedy() ? "greedy" : "beam " + config.decoding().beamSize(), config.intraOpThreads(),
                processor.batchMaxRequests(), processor.batchMaxWait().toMillis(),
                streams.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG), Runtime.getRuntime().availableProcessors(),
                pool, LocalDate.now(), config.decoding().beamSize(), out));
        sb.append("| offered load | results/s | p50 ms | p95 ms | p99 ms | mean batch size |\n|---|---:|---:|---:|---:|---:|\n");
        for (Phase p : phases) {
            sb.append(String.format(Locale.ROOT, "| %s | %.1f | %d | %d | %d | %.1f |%n", p.load, p.throughput(),
                    p.percentile(0.5), p.percentile(0.95), p.percentile(0.99), p.meanBatch));
        }
        sb.append("\nWhere the time goes, p50 / p99 of each stage in ms (from the results' timings): to the processor "
                + "(produce, fetch), waiting for the batch, translating the batch, and commit and delivery (the transaction "
                + "commits, the consumer fetches).\n\n| offered load | to processor | batch wait | translation | commit and delivery |\n"
                + "|---|---:|---:|---:|---:|\n");
        for (Phase p : phases) {
            sb.append("| ").append(p.load);
            for (ToLongFunction<Sample> stage : List.<ToLongFunction<Sample>>of(Sample::toProcessor, Sample::batchWait,
                    Sample::decoding, Sample::commitAndDelivery)) {
                sb.append(String.format(Locale.ROOT, " | %d / %d", p.percentile(stage, 0.5), p.percentile(stage, 0.99)));
            }
            sb.append(" |\n");
        }
        Phase max = phases.get(phases.size() - 1);
        sb.append(String.format(Locale.ROOT, "%n- Maximum sustained end-to-end throughput: %.1f results/s; the engine's offline "
                + "batched throughput on the same sentences: %.1f sentences/s, so %.0f %% of it (target: >= 80 %%).%n",
                max.throughput(), offline, 100 * max.throughput() / offline));
        Phase half = phases.stream().filter(p -> !Double.isNaN(p.offeredPerSecond) && p.offeredPerSecond <= max.throughput() / 2)
                .reduce((a, b) -> b).orElse(null);
        if (half != null) {
            sb.append(String.format(Locale.ROOT, "- p99 at %s, the highest rate at or below half the maximum: %d ms (target: <= 100 ms).%n",
                    half.load, half.percentile(0.99)));
        }
        return sb.toString();
    }
}
