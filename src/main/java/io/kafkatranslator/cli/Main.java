package io.kafkatranslator.cli;

import io.kafkatranslator.bench.BenchCommand;
import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.TranslatorConfig;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Entry point of target/kafka-translator.jar: one subcommand per mode. */
public final class Main {
    private static final String USAGE = """
            usage: java -jar target/kafka-translator.jar COMMAND [--config FILE] [options]
                   (demo, chat without a cluster, broker and loadtest: target/kafka-translator-all.jar)

              demo [--exit]
                  a Kafka broker in this JVM, the processor, a few messages and their translations with alignments,
                  then the live chat page with that conversation until Ctrl-C (--exit: stop at once)
              chat
                  the live chat page (chat.port, 8090), on a broker and processor in this JVM, or on the cluster that
                  kafka.bootstrap.servers names (whose processor runs there), until Ctrl-C
              run [--config FILE]
                  the processor against a real cluster (kafka.* settings pass through to Kafka Streams), until SIGTERM
              produce [--topic T] [--conversation C] [--from fr|en|auto] [--to en|fr] "Je suis étudiant."
                  sends one translation request (Avro) to the input topic
              consume [--from-beginning] [--max N]
                  results and dead letters (with their reasons) as JSON lines, whichever format the processor writes
              broker
                  a single-node Kafka broker with the processor's topics, for trying run and produce by hand

              translate [--from fr|en|auto] [--to en|fr] [--beam K] [--nbest N] [--format text|json] [--alignments]
                        [--heatmap FILE.png|FILE.svg]
                  messages on stdin, one a line (French by default; auto: each line's detected language) -> their
                  translations on stdout (English by default), one a line, in order
              evaluate --src FILE --refs FILE.tsv [--from fr --to en] [--beam K] [--suite quality|robustness|detection]
                       [--mtnt FILE.tsv] [--out docs/robustness.md]
                  BLEU and chrF2 (sacreBLEU's definitions, all tab-separated references of a line), sentences/s;
                  robustness: chat-style variants of the set (and MTNT's forum comments), model alone vs message pipeline;
                  detection: how often the sources and first references are detected right, wrong or not at all
              evaluate --suite alignment [--src F --tgt E --gold LINKS] [--out docs/alignment.md]
                  alignment error rate of the attention against hand word alignments (the Hansards trial set by default)
              align (--src FILE --tgt FILE | --pairs FILE.tsv) [--from fr --to en] [--format pharaoh|json]
                  the model forced through given translations: one line of links (source-target words) per pair;
                  json: the word matrix and the translation's log-probability
              bench [--src FILE] [--limit N] [--threads N] [--out docs/benchmarks.md] [--checkpoint training/work/run3/final.pt]
                  throughput table: DJL vs direct ONNX Runtime vs the Python reference (test split by default)
              bench --suite loading [--out docs/loading.md]
                  load time and memory of each shipped model alone and of all of them, each in a fresh JVM
              loadtest [--beam K] [--src FILE] [--phase-seconds 15] [--burst 2000] [--out docs/load.md]
                  the processor on a loopback broker at 10, 50, 100, 200 requests/s and flat out: latency table

            --config FILE: a properties file (README.md, "Configuration"); environment variables override it.
            """;

    private Main() {
    }

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        if (argv.length == 0 || argv[0].equals("--help") || argv[0].equals("-h")) {
            System.out.print(USAGE);
            return argv.length == 0 ? 2 : 0;
        }
        List<String> rest = new ArrayList<>(Arrays.asList(argv).subList(1, argv.length));
        try {
            ConfigSource source = ConfigSource.load(configFile(rest), System.getenv());
            TranslatorConfig config = TranslatorConfig.from(source);
            return switch (argv[0]) {
                case "demo" -> {
                    requireInProcessBroker("demo");
                    yield new DemoCommand(source, rest).run();
                }
                case "chat" -> new ChatCommand(source).run();
                case "broker" -> {
                    requireInProcessBroker("broker");
                    yield new BrokerCommand(source).run();
                }
                case "run" -> new RunCommand(source).run();
                case "produce" -> new ProduceCommand(source, rest).run();
                case "consume" -> new ConsumeCommand(source, rest).run(System.out);
                case "translate" -> new TranslateCommand(config, rest).run();
                case "evaluate" -> new EvaluateCommand(config, rest).run();
                case "align" -> new AlignCommand(config, rest).run();
                case "bench" -> bench(source, rest);
                case "loadtest" -> {
                    requireInProcessBroker("loadtest");
                    yield loadTest(source, rest);
                }
                default -> throw new Args.UsageException("unknown command " + argv[0]);
            };
        } catch (Args.UsageException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        } catch (Exception e) {
            System.err.println("error: " + describe(e));
            return 1;
        }
    }

    /**
     * The product jar (target/kafka-translator.jar) leaves Kafka's broker out; the commands that start one in
     * this JVM need target/kafka-translator-all.jar. Checked by name, before any class that uses the broker loads.
     */
    static void requireInProcessBroker(String command) {
        try {
            Class.forName("org.apache.kafka.common.test.KafkaClusterTestKit", false, Main.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(command + " starts a Kafka broker in this JVM, which this jar leaves out:"
                    + " run it with target/kafka-translator-all.jar");
        }
    }

    /** What went wrong, in words: file errors name the file and say what is wrong with it. */
    static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException f) {
            return f.getFile() + ": no such file or directory";
        }
        if (cause instanceof AccessDeniedException f) {
            return f.getFile() + ": permission denied";
        }
        if (cause instanceof FileSystemException f) {
            return f.getFile() + ": " + (f.getReason() == null ? f.getClass().getSimpleName() : f.getReason());
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    private static int bench(ConfigSource source, List<String> argv) throws Exception {
        Args args = new Args(argv, java.util.Set.of("--src", "--limit", "--out", "--checkpoint", "--threads", "--suite"),
                java.util.Set.of());
        source = withOption(source, args, "--threads", TranslatorConfig.INTRA_OP_THREADS);
        String suite = args.get("--suite", "throughput");
        if (!suite.equals("throughput") && !suite.equals("loading")) {
            throw new Args.UsageException("--suite is throughput or loading");
        }
        BenchCommand bench = new BenchCommand(TranslatorConfig.from(source), Path.of(args.get("--src", "training/work/data/test.src")),
                args.getInt("--limit", 500), Path.of(args.get("--out", suite.equals("loading") ? "docs/loading.md" : "docs/benchmarks.md")),
                Path.of(args.get("--checkpoint", "training/work/run3/final.pt")));
        return suite.equals("loading") ? bench.runLoading() : bench.run();
    }

    /** Command-line options override the configuration file and the environment. */
    private static ConfigSource withOption(ConfigSource source, Args args, String option, String key) {
        String value = args.get(option, null);
        return value == null ? source : source.with(java.util.Map.of(key, value));
    }

    private static int loadTest(ConfigSource source, List<String> argv) throws Exception {
        Args args = new Args(argv, java.util.Set.of("--src", "--phase-seconds", "--burst", "--out", "--beam"), java.util.Set.of());
        source = withOption(source, args, "--beam", TranslatorConfig.BEAM_SIZE);
        return new io.kafkatranslator.bench.LoadTestCommand(source, Path.of(args.get("--src", "training/work/data/test.src")),
                java.time.Duration.ofSeconds(args.getInt("--phase-seconds", 15)), args.getInt("--burst", 2000),
                Path.of(args.get("--out", "docs/load.md"))).run();
    }

    /** Removes --config FILE from the arguments and returns the file, or null. */
    private static Path configFile(List<String> args) {
        int i = args.indexOf("--config");
        if (i < 0) {
            return null;
        }
        if (i + 1 >= args.size()) {
            throw new Args.UsageException("--config needs a file");
        }
        Path file = Path.of(args.get(i + 1));
        args.subList(i, i + 2).clear();
        if (!Files.exists(file)) {
            throw new Args.UsageException("--config " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new Args.UsageException("--config " + file + " is not a file (a properties file is expected)");
        }
        return file;
    }
}
