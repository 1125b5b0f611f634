package io.kafkatranslator.bench;

import io.kafkatranslator.app.ChildProcessor;
import io.kafkatranslator.app.TempDirectory;
import io.kafkatranslator.broker.EmbeddedBroker;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.ProcessorConfig;
import io.kafkatranslator.schema.DecodingRequestOptions;
import io.kafkatranslator.schema.TranslationRequest;
import io.kafkatranslator.topology.AvroSerde;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.net.ServerSocket;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Throughput as the processor scales out: for each layout (instances x stream threads), that many
 * processor instances as child JVMs, as deployed, over an input topic of 6 partitions on a broker in this
 * JVM; after a warm-up, bursts of requests with beam search and with greedy decoding (the request's own
 * beam size), alternated, the best of ROUNDS each: results/s from the first send to the last result at a
 * read_committed consumer. Beside it the machine's CPU use over each burst (/proc/stat) and each instance's
 * resident memory. Prints a Markdown table and writes it to a file. A measurement, not a test.
 */
public final class ScaleTest {
    private static final int PARTITIONS = 6;
    private static final int CONVERSATIONS = 60;
    private static final int ROUNDS = 2;
    private static final int WARMUP = 300;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

    /** How many instances, each with how many stream threads; written "2x1". */
    public record Layout(int instances, int threads) {
        public static Layout parse(String text) {
            String[] parts = text.trim().split("x");
            if (parts.length != 2) {
                throw new IllegalArgumentException("a layout is INSTANCESxTHREADS, such as 2x1: " + text);
            }
            Layout layout = new Layout(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            if (layout.instances < 1 || layout.threads < 1) {
                throw new IllegalArgumentException("a layout needs at least one instance and one thread: " + text);
            }
            return layout;
        }

        String name() {
            return instances + "x" + threads;
        }
    }

    /** One decoding's best burst: results/s, and the CPU cores busy meanwhile. */
    private record Burst(double perSecond, double coresBusy) {
    }

    private record Measured(Layout layout, Burst beam, Burst greedy, double residentMb) {
    }

    private final List<Layout> layouts;
    private final List<String> runArguments;
    private final int beamSize;
    private final Path src;
    private final int burst;
    private final Path out;

    /** runArguments: the instances' command line after `run` (their --config); beamSize: the beam bursts'. */
    public ScaleTest(List<Layout> layouts, List<String> runArguments, int beamSize, Path src, int burst, Path out) {
        this.layouts = layouts;
        this.runArguments = runArguments;
        this.beamSize = beamSize;
        this.src = src;
        this.burst = burst;
        this.out = out;
    }

    public int run() throws Exception {
        List<String> sentences = Report.chatSentences(src);
        Path dir = Files.createTempDirectory("kafka-translator-scale");
        List<Measured> measured = new ArrayList<>();
        try (EmbeddedBroker broker = EmbeddedBroker.start()) {
            for (Layout layout : layouts) {
                measured.add(measure(broker, sentences, layout, layout.name() + "-" + (measured.size() + 1), dir));
            }
        }
        // Kept when a layout fails: its error names the instances' logs in it.
        TempDirectory.delete(dir);
        Report.publish(render(measured, sentences.size()), out);
        return 0;
    }

    /** run: the layout's name and its place in the run, naming its topics, group and logs. */
    private Measured measure(EmbeddedBroker broker, List<String> sentences, Layout layout, String run, Path dir)
            throws Exception {
        Map<String, String> topics = ProcessorConfig.topicsPrefixed(run + "-");
        ProcessorConfig config = ProcessorConfig.from(ConfigSource.of(topics));
        broker.createTopics(config.newTopics(PARTITIONS));
        String input = config.inputTopic();
        String output = config.outputTopic();
        String deadLetters = config.deadLetterTopic();
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_APPLICATION_ID", "scaletest-" + run,
                "KAFKA_NUM_STREAM_THREADS", Integer.toString(layout.threads),
                // As the load test: the sentences repeat, and the cache would answer them instead of the model.
                ConfigSource.variableName(ProcessorConfig.CACHE_SIZE.key()), "0"));
        topics.forEach((key, topic) -> environment.put(ConfigSource.variableName(key), topic));
        List<Process> instances = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "linger.ms", "5"), new StringSerializer(), new ByteArraySerializer());
             Arrivals arrivals = new Arrivals(broker.bootstrapServers(), "scale-test-" + output, List.of(output, deadLetters),
                     r -> true)) {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < layout.instances; i++) {
                Path log = dir.resolve(run + "-instance-" + i + ".log");
                Map<String, String> own = new HashMap<>(environment);
                ports.add(freePort());
                own.put(ConfigSource.variableName(ProcessorConfig.HTTP_PORT.key()), Integer.toString(ports.get(i)));
                instances.add(ChildProcessor.start(broker.bootstrapServers(), dir.resolve(run + "-state-" + i),
                        own, ProcessBuilder.Redirect.to(log.toFile()), runArguments));
            }
            System.err.printf(Locale.ROOT, "%s: %d instance(s) starting, logs in %s%n", layout.name(), layout.instances, dir);
            // Requests sent the moment their topic was made were refused out of sequence by the broker, the
            // producer retrying forever; once the instances are ready the topics have long settled.
            awaitReady(instances, ports, layout.name() + ": an instance did not become ready within "
                    + START_TIMEOUT.toMinutes() + " min; its log is in " + dir);
            send(producer, input, sentences, WARMUP, 1, "warmup");
            send(producer, input, sentences, WARMUP / 3, beamSize, "warmup-beam");
            if (!arrivals.await(WARMUP + WARMUP / 3, START_TIMEOUT)) {
                throw new IllegalStateException(layout.name() + ": the warm-up's results did not all arrive within "
                        + START_TIMEOUT.toMinutes() + " min; the instances' logs are in " + dir);
            }
            // A first round of bursts only warms the instances up: their first ran up to half as fast.
            burst(producer, arrivals, input, sentences, beamSize, "beam-warmup");
            burst(producer, arrivals, input, sentences, 1, "greedy-warmup");
            Burst beam = null;
            Burst greedy = null;
            for (int round = 0; round < ROUNDS; round++) {
                beam = best(beam, burst(producer, arrivals, input, sentences, beamSize, "beam-" + round));
                greedy = best(greedy, burst(producer, arrivals, input, sentences, 1, "greedy-" + round));
            }
            double residentMb = instances.stream().mapToDouble(p -> residentMb(p.pid())).average().orElse(Double.NaN);
            System.err.printf(Locale.ROOT, "%s: beam %.1f results/s, greedy %.1f results/s%n", layout.name(),
                    beam.perSecond, greedy.perSecond);
            return new Measured(layout, beam, greedy, residentMb);
        } finally {
            for (Process p : instances) {
                p.destroy();
            }
            for (Process p : instances) {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    /** Waits until each instance's /health/ready answers 200 (model loaded, Kafka Streams RUNNING). */
    private static void awaitReady(List<Process> instances, List<Integer> ports, String failure) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (int i = 0; i < instances.size(); i++) {
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(i) + "/health/ready")).build();
            while (true) {
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!instances.get(i).isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(failure);
                }
                Thread.sleep(200);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Burst best(Burst a, Burst b) {
        return a == null || b.perSecond > a.perSecond ? b : a;
    }

    private Burst burst(KafkaProducer<String, byte[]> producer, Arrivals arrivals, String topic, List<String> sentences,
                        int beam, String tag) throws Exception {
        arrivals.reset();
        long[] cpuBefore = cpuTicks();
        long start = System.nanoTime();
        send(producer, topic, sentences, burst, beam, tag);
        if (!arrivals.await(burst, Duration.ofSeconds(Math.max(120, burst / 10)))) {
            throw new IllegalStateException(tag + ": " + arrivals.count() + " of " + burst + " results arrived");
        }
        double seconds = (arrivals.lastArrivalNanos() - start) / 1e9;
        long[] cpuAfter = cpuTicks();
        double coresBusy = cpuBefore == null || cpuAfter == null ? Double.NaN : Runtime.getRuntime().availableProcessors()
                * (double) (cpuAfter[0] - cpuBefore[0]) / Math.max(1, cpuAfter[1] - cpuBefore[1]);
        System.err.printf(Locale.ROOT, "  %-10s %6.1f results/s, %.2f cores busy%n", tag, burst / seconds, coresBusy);
        return new Burst(burst / seconds, coresBusy);
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, List<String> sentences, int count,
                             int beam, String tag) {
        AvroSerde<TranslationRequest> serde = new AvroSerde<>(TranslationRequest.getClassSchema());
        DecodingRequestOptions options = DecodingRequestOptions.newBuilder().setBeamSize(beam).build();
        for (int i = 0; i < count; i++) {
            String conversation = "scale-" + (i % CONVERSATIONS);
            TranslationRequest r = TranslationRequest.newBuilder().setRequestId(tag + "-" + i).setConversationId(conversation)
                    .setText(sentences.get(i % sentences.size())).setOptions(options).setClientTimestamp(Instant.now()).build();
            producer.send(new ProducerRecord<>(topic, conversation, serde.encode(r)));
        }
        producer.flush();
    }

    /** [busy, total] jiffies of all cores since boot (/proc/stat), or null where there is none. */
    private static long[] cpuTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            // idle and iowait are the 4th and 5th values
            return new long[] {total - Long.parseLong(f[4]) - Long.parseLong(f[5]), total};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double residentMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process has gone: the column reads NaN
        }
        return Double.NaN;
    }

    private String render(List<Measured> measured, int pool) {
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder sb = new StringBuilder("# Scaling across instances\n\n");
        sb.append(String.format(Locale.ROOT, "Processor instances as child JVMs (`run`, one process each, as deployed), "
                + "over an input topic of %d partitions on a single-node Kafka broker in the bench's JVM, which also runs the "
                + "producer and a read_committed consumer, all on this machine's %d CPU cores; per layout a warm-up of %d "
                + "requests, then bursts of %d chat-like test-split sentences (%d in the pool, 12 words or fewer, %d "
                + "conversations), with beam %d and with greedy decoding alternated, a first round to warm up, then the "
                + "best of %d each. Throughput from the first send to the last result; CPU busy: the machine's, over that "
                + "burst, in cores; memory: each instance's resident set after the bursts, with the JVM's default heap (a "
                + "quarter of the machine's memory); x one instance: against the better 1x1 row. Measured %s with:%n%n"
                + "    java -jar target/kafka-translator-all.jar scaletest --layouts %s --burst %d --out %s%n%n",
                PARTITIONS, cores, WARMUP + WARMUP / 3, burst, pool, CONVERSATIONS, beamSize, ROUNDS, LocalDate.now(),
                String.join(",", measured.stream().map(m -> m.layout.name()).toList()), burst, out));
        sb.append(String.format(Locale.ROOT, "| instances x stream threads | beam %d results/s | x one instance | CPU busy "
                + "| greedy results/s | x one instance | CPU busy | memory per instance |%n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|%n", beamSize));
        // 1x1 may be measured twice, first and last: the broker in this JVM warms up over the run.
        Measured one = measured.stream().filter(m -> m.layout.equals(new Layout(1, 1)))
                .max(Comparator.comparingDouble(m -> m.beam.perSecond)).orElse(measured.get(0));
        for (Measured m : measured) {
            sb.append(String.format(Locale.ROOT, "| %d x %d | %.1f | %.2f | %.2f of %d | %.1f | %.2f | %.2f of %d | %.0f MB |%n",
                    m.layout.instances, m.layout.threads, m.beam.perSecond, m.beam.perSecond / one.beam.perSecond,
                    m.beam.coresBusy, cores, m.greedy.perSecond, m.greedy.perSecond / one.greedy.perSecond,
                    m.greedy.coresBusy, cores, m.residentMb));
        }
        sb.append(coresRunOut(measured, cores)).append(sizing(measured));
        return sb.toString();
    }

    /** The first layout whose beam bursts kept nine tenths of the cores busy, and what each instance added. */
    private static String coresRunOut(List<Measured> measured, int cores) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nWhere this machine's %d cores run out: ", cores));
        Measured full = measured.stream().filter(m -> m.beam.coresBusy >= 0.9 * cores).findFirst().orElse(null);
        sb.append(full == null ? "no layout measured kept them busy (beam bursts under nine tenths of the cores)"
                : String.format(Locale.ROOT, "at %d instance(s) x %d thread(s), with %.2f of %d cores busy during the beam "
                        + "bursts", full.layout.instances, full.layout.threads, full.beam.coresBusy, cores));
        // Each added instance against the one before it; a 1x1 measured again at the end starts no new series.
        List<Measured> single = measured.stream().filter(m -> m.layout.threads == 1).toList();
        for (int i = 1; i < single.size(); i++) {
            Measured a = single.get(i - 1);
            Measured b = single.get(i);
            if (b.layout.instances > a.layout.instances) {
                sb.append(String.format(Locale.ROOT, "; %d -> %d instances: beam x%.2f, greedy x%.2f", a.layout.instances,
                        b.layout.instances, b.beam.perSecond / a.beam.perSecond, b.greedy.perSecond / a.greedy.perSecond));
            }
        }
        return sb.append(".\n").toString();
    }

    /**
     * Instances for a peak of P requests/s from one instance's throughput T: N = ceil(P / (u T)) + 1, with
     * u = 0.5 of T planned (where loadtest's p99 stays within 100 ms; it also leaves headroom for bursts and
     * a rebalance's pause) and one instance spare (one may be lost or restarting). One column per
     * single-instance layout measured, its better run.
     */
    private String sizing(List<Measured> measured) {
        Map<Layout, Measured> single = new TreeMap<>(Comparator.comparingInt(Layout::threads));
        measured.stream().filter(m -> m.layout.instances == 1)
                .forEach(m -> single.merge(m.layout, m, (a, b) -> a.beam.perSecond >= b.beam.perSecond ? a : b));
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nSizing a cluster from one instance's measured "
                + "throughput T (results/s; measure it on the target hardware with this command, one instance with as many "
                + "stream threads as it will run): for a peak of P requests/s, instances N = ceil(P / (0.5 T)) + 1, planning "
                + "each instance at half of T (where the load test's p99 stays within 100 ms, docs/load.md; headroom too for "
                + "bursts and for the pause of a rebalance) with one spare (an "
                + "instance lost or restarting); input partitions at least the largest N x stream threads ever to run (a "
                + "partition is one task, a thread without one idles; partitions cannot be reduced later). With this "
                + "machine's one-instance figures:%n%n| peak requests/s"));
        StringBuilder rule = new StringBuilder("|---:");
        single.values().forEach(m -> {
            sb.append(String.format(Locale.ROOT, " | 1 x %d, beam %d: T = %.0f | 1 x %d, greedy: T = %.0f", m.layout.threads,
                    beamSize, m.beam.perSecond, m.layout.threads, m.greedy.perSecond));
            rule.append("|---:|---:");
        });
        sb.append(" |\n").append(rule).append("|\n");
        for (int peak : new int[] {100, 1_000, 10_000}) {
            sb.append(String.format(Locale.ROOT, "| %,d", peak));
            single.values().forEach(m -> sb.append(String.format(Locale.ROOT, " | %d | %d",
                    instancesFor(peak, m.beam.perSecond), instancesFor(peak, m.greedy.perSecond))));
            sb.append(" |\n");
        }
        return sb.toString();
    }

    static int instancesFor(double peak, double perInstance) {
        return (int) Math.ceil(peak / (0.5 * perInstance)) + 1;
    }
}
