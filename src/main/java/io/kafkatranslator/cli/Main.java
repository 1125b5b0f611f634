package io.kafkatranslator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;

/** Entry point of both jars: one picocli subcommand per mode, each with its own --help. */
@Command(name = "java -jar target/kafka-translator.jar", sortOptions = false,
        synopsisSubcommandLabel = "COMMAND",
        description = "Translation requests from one Kafka topic to translations with alignments on another.",
        subcommands = {DemoCommand.class, ChatCommand.class, RunCommand.class, ProduceCommand.class, ConsumeCommand.class,
                BrokerCommand.class, TranslateCommand.class, EvaluateCommand.class, AlignCommand.class, BenchCommand.class,
                LoadTestCommand.class, ScaleTestCommand.class, GlossaryCommand.class,
                MemoryCommand.class},
        footer = {"", "demo, chat without a cluster, broker, loadtest and scaletest start a Kafka broker in the JVM: they need "
                + "target/kafka-translator-all.jar.", "Every command takes --config FILE (README.md, \"Configuration\"); "
                + "environment variables override it."})
public final class Main implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "this help")
    private boolean help;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] argv) {
        System.exit(run(argv));
    }

    static int run(String[] argv) {
        IParameterExceptionHandler badArguments = (e, args) -> {
            System.err.println("error: " + e.getMessage());
            e.getCommandLine().usage(System.err);
            return 2;
        };
        IExecutionExceptionHandler failed = (e, command, parsed) -> {
            if (e instanceof UsageException) {
                System.err.println("error: " + e.getMessage());
                command.usage(System.err);
                return 2;
            }
            System.err.println("error: " + describe(e));
            return e instanceof IllegalArgumentException ? 2 : 1;
        };
        // No @file expansion: "@bob" is a mention in a message, not a file of arguments.
        // Each jar's help names that jar: commands that need the broker say so in theirs.
        return new CommandLine(new Main()).setExpandAtFiles(false)
                .setCommandName(hasInProcessBroker() ? "java -jar target/kafka-translator-all.jar" : "java -jar target/kafka-translator.jar")
                .setParameterExceptionHandler(badArguments).setExecutionExceptionHandler(failed).execute(argv);
    }

    /** No command: the usage, and a failure (a script that forgot its command must notice). */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 2;
    }

    /**
     * The product jar (target/kafka-translator.jar) leaves Kafka's broker out; the commands that start one in
     * this JVM need target/kafka-translator-all.jar. Checked by name, before any class that uses the broker loads.
     */
    static void requireInProcessBroker(String command) {
        if (!hasInProcessBroker()) {
            throw new IllegalStateException(command + " starts a Kafka broker in this JVM, which this jar leaves out:"
                    + " run it with target/kafka-translator-all.jar");
        }
    }

    private static boolean hasInProcessBroker() {
        try {
            Class.forName("org.apache.kafka.common.test.KafkaClusterTestKit", false, Main.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
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
}
