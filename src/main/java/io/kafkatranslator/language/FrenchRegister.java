package io.kafkatranslator.language;

import io.kafkatranslator.decode.Formality;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The register a French text addresses its reader in: the rule training/register.py tags the training pairs
 * with, so that what the model was taught and what is measured (evaluate --suite formality) or remembered
 * of a conversation are the same thing. Informal: tu, te, t', toi, ton, ta, tes. Formal: vous, votre, vos,
 * vôtre(s), or a sentence opening with an imperative in -ez. "vous" is also the plural "you", which the
 * rule counts as formal.
 */
public enum FrenchRegister {
    FORMAL, INFORMAL, MIXED, NONE;

    private static final Pattern TU = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:tu|te|toi|ton|ta|tes)(?![\\p{L}\\p{N}_])|(?<![\\p{L}\\p{N}_])t'",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern VOUS = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:vous|votre|vos|vôtres?)(?![\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern IMPERATIVE_EZ = Pattern.compile("^[^\\p{L}\\p{N}_]*(?:ne\\s+|n')?([\\p{L}\\p{N}_]+ez)(?![\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Set<String> NOT_VERBS = Set.of("chez", "assez", "nez", "rez");

    /** Typographic apostrophes read as the corpus writes them. */
    public static FrenchRegister of(String text) {
        String t = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'');
        boolean informal = TU.matcher(t).find();
        Matcher opening = IMPERATIVE_EZ.matcher(t);
        boolean formal = VOUS.matcher(t).find()
                || (opening.find() && !NOT_VERBS.contains(opening.group(1).toLowerCase(Locale.ROOT)));
        if (informal && formal) {
            return MIXED;
        }
        return informal ? INFORMAL : formal ? FORMAL : NONE;
    }

    /** The formality this register is, or null for MIXED and NONE. */
    public Formality formality() {
        return switch (this) {
            case FORMAL -> Formality.FORMAL;
            case INFORMAL -> Formality.INFORMAL;
            default -> null;
        };
    }
}
