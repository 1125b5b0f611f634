package io.kafkatranslator.decode;

import java.util.Arrays;
import java.util.Locale;

/**
 * The register a translation addresses its reader in, where the target language has two (French "tu" and
 * "vous"). A model that can follow one ends its source with the register's mark instead of EOS
 * (training/register.py); AUTO, and every model that cannot, leaves the choice to the model.
 */
public enum Formality {
    AUTO, FORMAL, INFORMAL;

    /** "formal", "informal" or "auto", in any case; IllegalArgumentException naming the accepted values otherwise. */
    public static Formality parse(String value) {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("formality '" + value + "' is not one of " + names());
        }
    }

    public static java.util.List<String> names() {
        return Arrays.stream(values()).map(Formality::toString).toList();
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
