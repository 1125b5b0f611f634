package io.kafkatranslator.config;

import java.util.Locale;

/** How results and dead letters are written (processor.output.format). */
public enum OutputFormat {
    /** Avro single-object encoding: compact, typed, schema fingerprint in every value. */
    AVRO,
    /** A plain JSON object with the schema's field names, for consumers without Avro. */
    JSON;

    static OutputFormat parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("avro or json, not '" + value + "'");
        }
    }
}
