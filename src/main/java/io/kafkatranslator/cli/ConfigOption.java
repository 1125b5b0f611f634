package io.kafkatranslator.cli;

import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.TranslatorConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** --config FILE, which every command takes: the settings, with the environment's on top. */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "a properties file (README.md, \"Configuration\"); environment variables override it")
    private Path file;

    ConfigSource source() throws IOException {
        if (file != null && !Files.exists(file)) {
            throw new UsageException("--config " + file + ": no such file");
        }
        if (file != null && !Files.isRegularFile(file)) {
            throw new UsageException("--config " + file + " is not a file (a properties file is expected)");
        }
        return ConfigSource.load(file, System.getenv());
    }

    /** The option as given, for a child process's command line: empty when there is none. */
    List<String> arguments() {
        return file == null ? List.of() : List.of("--config", file.toAbsolutePath().toString());
    }

    TranslatorConfig translator() throws IOException {
        return TranslatorConfig.from(source());
    }
}
