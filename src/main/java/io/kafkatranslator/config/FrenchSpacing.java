package io.kafkatranslator.config;

import java.util.Arrays;
import java.util.Locale;

/** The space French output has before ! ? ; : and inside « » (translator.french.spacing). */
public enum FrenchSpacing {
    /** A plain space, as most French chat is typed. */
    SPACE(" ", " "),
    /** No-break spaces, as typesetters want: narrow before ! ? ;, full before : and inside guillemets. */
    NARROW("\u202F", "\u00A0"),
    /** No space. */
    NONE("", "");

    private final String beforeMark;
    private final String wide;

    FrenchSpacing(String beforeMark, String wide) {
        this.beforeMark = beforeMark;
        this.wide = wide;
    }

    /** Before ! ? ;. */
    public String beforeMark() {
        return beforeMark;
    }

    /** Before : and inside « ». */
    public String wide() {
        return wide;
    }

    static FrenchSpacing parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not one of " + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
