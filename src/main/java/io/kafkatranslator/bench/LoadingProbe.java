package io.kafkatranslator.bench;

import io.kafkatranslator.config.ConfigSource;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.engine.TranslationModels;
import io.kafkatranslator.language.LanguagePair;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Run by the benchmark in a fresh JVM per measurement (so that nothing loaded before counts): loads
 * the models of TRANSLATOR_MODELS, translates one sentence with each, and prints the load time,
 * the first translations' time and the resident memory, one line of key=value.
 */
final class LoadingProbe {
    private LoadingProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        TranslatorConfig config = TranslatorConfig.from(ConfigSource.load(null, System.getenv()));
        try (TranslationModels models = TranslationModels.load(config)) {
            long loaded = System.nanoTime();
            for (LanguagePair pair : models.pairs()) {
                try (MessageTranslator translator = models.find(pair).newTranslator()) {
                    translator.translate(List.of(pair.source().equals("fr") ? "Je suis étudiant." : "I am a student."));
                }
            }
            long translated = System.nanoTime();
            System.out.printf(Locale.ROOT, "load_ms=%d first_translation_ms=%d rss_kb=%d%n", (loaded - start) / 1_000_000,
                    (translated - loaded) / 1_000_000, residentKb());
        }
    }

    private static long residentKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
