package io.kafkatranslator.cli;

import io.kafkatranslator.language.LanguagePair;
import picocli.CommandLine.Option;

/** --from and --to, ISO 639-1 codes; --from auto only where the command detects each message's language. */
abstract class LanguageOptions {
    @Option(names = "--to", paramLabel = "LANG", defaultValue = "en", description = "the target language (default: ${DEFAULT-VALUE})")
    private String to;

    /** The commands that work on one model (align, evaluate). */
    static final class Fixed extends LanguageOptions {
        @Option(names = "--from", paramLabel = "LANG", defaultValue = "fr", description = "the source language (default: ${DEFAULT-VALUE})")
        private String from;

        @Override
        String from() {
            return from;
        }
    }

    /** The commands that take --from auto (translate, produce): each message's language is detected. */
    static final class Detectable extends LanguageOptions {
        @Option(names = "--from", paramLabel = "LANG", defaultValue = "fr",
                description = "the source language (default: ${DEFAULT-VALUE}), or auto: each message's is detected")
        private String detectableFrom;

        @Override
        String from() {
            return detectableFrom;
        }
    }

    abstract String from();

    /** The direction of a command that works on one model. */
    LanguagePair pair() {
        String source = sourceOrAuto();
        if (source == null) {
            throw new UsageException("--from auto is for translate and produce; give the language");
        }
        return new LanguagePair(source, target());
    }

    /** --from, or null for auto: each message's language is detected. */
    String sourceOrAuto() {
        return from().equals("auto") ? null : code(from());
    }

    String target() {
        return code(to);
    }

    private static String code(String code) {
        if (!LanguagePair.isLanguageCode(code)) {
            throw new UsageException("'" + code + "' is not an ISO 639-1 language code (such as fr or en)");
        }
        return code;
    }
}
