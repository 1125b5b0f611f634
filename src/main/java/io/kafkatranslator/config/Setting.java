package io.kafkatranslator.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One setting, declared once, in the manner of Kafka's ConfigDef: its key, its type (how its text is
 * read), its default, the rule its value must meet and what it does. The configuration records read
 * themselves from these declarations, the unknown-key check knows the keys from them, and README.md's
 * configuration table is checked against them row by row (ConfigurationTableTest).
 *
 * @param shownDefault the default as README.md shows it
 * @param rule         what check requires, as the error completes "KEY must be …"
 */
public record Setting<T>(String key, T defaultValue, String shownDefault, Function<String, T> parser,
                         Predicate<T> check, String rule, String doc) {

    public static Setting<String> text(String key, String defaultValue, String doc) {
        return new Setting<>(key, defaultValue, code(defaultValue), v -> v, v -> true, "", doc);
    }

    public static Setting<Integer> integer(String key, int defaultValue, Predicate<Integer> check, String rule, String doc) {
        return new Setting<>(key, defaultValue, code(defaultValue), Integer::parseInt, check, rule, doc);
    }

    public static Setting<Double> decimal(String key, double defaultValue, Predicate<Double> check, String rule, String doc) {
        return new Setting<>(key, defaultValue, code(BigDecimal.valueOf(defaultValue).stripTrailingZeros().toPlainString()),
                Double::parseDouble, check, rule, doc);
    }

    public static Setting<Boolean> flag(String key, boolean defaultValue, String doc) {
        return new Setting<>(key, defaultValue, code(defaultValue), Setting::parseBoolean, v -> true, "", doc);
    }

    /** A duration given in milliseconds. */
    public static Setting<Duration> millis(String key, long defaultMs, Predicate<Duration> check, String rule, String doc) {
        return new Setting<>(key, Duration.ofMillis(defaultMs), code(defaultMs), v -> Duration.ofMillis(Long.parseLong(v)),
                check, rule, doc);
    }

    /** Its value in the source, or its default; IllegalArgumentException naming the key when unreadable or against its rule. */
    public T from(ConfigSource source) {
        T value = source.get(key, defaultValue, parser);
        if (!check.test(value)) {
            throw new IllegalArgumentException(key + " must be " + rule);
        }
        return value;
    }

    /** Its row in README.md's configuration table. */
    public String row() {
        return "| " + code(key) + " | " + shownDefault + " | " + doc + " |";
    }

    private static String code(Object value) {
        return "`" + value + "`";
    }

    private static boolean parseBoolean(String v) {
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("not true or false");
        }
        return Boolean.parseBoolean(v);
    }
}
