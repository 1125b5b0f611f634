package io.kafkatranslator.cli;

import io.kafkatranslator.config.TranslatorConfig;

import java.util.List;

final class BenchCommand {
    BenchCommand(TranslatorConfig config, List<String> argv) {
    }

    int run() {
        throw new UnsupportedOperationException("bench: not yet");
    }
}
