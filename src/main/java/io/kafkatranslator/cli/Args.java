package io.kafkatranslator.cli;

import io.kafkatranslator.language.LanguagePair;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * --name value and --flag options of one subcommand, parsed by picocli (so --name=value works, and a
 * mistyped or missing value is said plainly); an unknown option or a stray argument is an error,
 * not ignored.
 */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(List<String> args, Set<String> withValue, Set<String> flags) {
        CommandSpec spec = CommandSpec.create();
        withValue.forEach(name -> spec.addOption(OptionSpec.builder(name).arity("1").type(String.class).build()));
        flags.forEach(name -> spec.addOption(OptionSpec.builder(name).arity("0").type(boolean.class).build()));
        try {
            // No @file expansion: "@bob" is a mention in a message, not a file of arguments.
            ParseResult parsed = new CommandLine(spec).setExpandAtFiles(false).parseArgs(args.toArray(String[]::new));
            parsed.matchedOptions().forEach(o -> values.put(o.longestName(), String.valueOf((Object) o.getValue())));
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage());
        }
    }

    String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException(name + " is required");
        }
        return v;
    }

    int getInt(String name, int defaultValue) {
        String v = values.get(name);
        try {
            return v == null ? defaultValue : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " takes a whole number, got '" + v + "'");
        }
    }

    /** --from and --to, ISO 639-1 codes (fr and en by default). */
    LanguagePair pair() {
        String from = from();
        if (from == null) {
            throw new UsageException("--from auto is for translate and produce; give the language");
        }
        return new LanguagePair(from, to());
    }

    /** --from, or null for auto: each message's language is detected. */
    String from() {
        String from = get("--from", "fr");
        return from.equals("auto") ? null : code(from);
    }

    String to() {
        return code(get("--to", "en"));
    }

    private static String code(String code) {
        if (!LanguagePair.isLanguageCode(code)) {
            throw new UsageException("'" + code + "' is not an ISO 639-1 language code (such as fr or en)");
        }
        return code;
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
