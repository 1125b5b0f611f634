package io.kafkatranslator.tokenize;

import java.text.Normalizer;

/**
 * The normalisation the model was trained on (training/data.py, {@code normalize}): NFKC, which
 * also turns French no-break spaces before ? ! : into plain spaces; typographic apostrophes to
 * ASCII; whitespace runs collapsed to one space; ends stripped.
 */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    public static String normalize(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085') {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c == '\u2019' || c == '\u2018' || c == '\u02bc' ? '\'' : c);
        }
        return out.toString();
    }
}
