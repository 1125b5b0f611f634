package io.kafkatranslator.reason;

import java.util.Collection;
import java.util.Locale;

/** The one wording of UNSUPPORTED_LANGUAGE_PAIR, wherever the pair is found to have no model. */
public final class UnsupportedPair {
    private UnsupportedPair() {
    }

    /**
     * source: the language given or detected, null when the request left it to detection and no model writes the
     * target at all; lead: the detected language's lead, null when it was given; served: the pairs the models serve.
     */
    public static String message(String source, String target, Double lead, Collection<?> served) {
        String detected = lead == null ? "" : String.format(Locale.ROOT, "the message was detected as %s (lead %.2f); ", source, lead);
        return detected + "no loaded model translates " + (source == null ? "" : source + " ") + "into " + target
                + " (the models serve " + served.stream().map(Object::toString).sorted().toList() + ")";
    }
}
