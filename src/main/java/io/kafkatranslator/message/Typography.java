package io.kafkatranslator.message;

import io.kafkatranslator.config.FrenchSpacing;
import io.kafkatranslator.message.UnitOutput.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target language's typography, whatever the source's: guillemets copied from a French source
 * become “ ” in English, with no space inside, and “ ” copied from an English source become « » in
 * French; English has no space before ! ? ; :, and French has the one translator.french.spacing says
 * there and inside « ». Nothing changes before the model; made first and undone last, once the
 * copied spans and the end mark are in place.
 */
final class Typography implements Adaptation {
    /** A word and the marks glued to its end ("télé?"). */
    private static final Pattern GLUED_MARKS = Pattern.compile("(.*[^!?;:\\s\\u00A0\\u202F])([!?;:]+)");
    private static final Pattern MARKS = Pattern.compile("[\\u00A0\\u202F]?[!?;:]+");

    private final boolean french;
    private final FrenchSpacing spacing;

    private Typography(boolean french, FrenchSpacing spacing) {
        this.french = french;
        this.spacing = spacing;
    }

    /** Records nothing for a target language whose typography this does not know. */
    static Adapter adapter(String target, FrenchSpacing spacing) {
        boolean french = target.equals("fr");
        if (!french && !target.equals("en")) {
            return draft -> { };
        }
        Typography typography = new Typography(french, spacing);
        return draft -> draft.record(typography);
    }

    @Override
    public void restore(UnitOutput output) {
        List<Token> tokens = output.tokens();
        if (output.end() != null) {
            tokens.add(output.end());
            output.setEnd(null);
        }
        List<Token> out = new ArrayList<>();
        for (Token token : tokens) {
            Matcher glued = GLUED_MARKS.matcher(token.text());
            if (french && token.span() == null && glued.matches()) {
                out.add(token.withText(glued.group(1)));
                out.add(mark(token.withText(glued.group(2))));
            } else if (MARKS.matcher(token.text()).matches()) {
                out.add(mark(token));
            } else {
                out.add(token);
            }
        }
        quotes(out);
        tokens.clear();
        tokens.addAll(out);
    }

    /** A run of ! ? ; : spaced as the target language spaces it. */
    private Token mark(Token token) {
        String marks = token.text().replaceAll("[\\u00A0\\u202F]", "");
        if (!french) {
            return new Token(marks, false, token.row(), token.span());
        }
        if (spacing == FrenchSpacing.SPACE) {
            return new Token(marks, true, token.row(), token.span());
        }
        String space = marks.startsWith(":") ? spacing.wide() : spacing.beforeMark();
        return new Token(space + marks, false, token.row(), token.span());
    }

    /** Opening and closing quotes in the target's form, the words inside glued to them or spaced as French wants. */
    private void quotes(List<Token> tokens) {
        for (int t = 0; t < tokens.size(); t++) {
            String text = tokens.get(t).text();
            boolean opening = text.equals("«") || text.equals("“");
            boolean closing = text.equals("»") || text.equals("”");
            if (!opening && !closing) {
                continue;
            }
            String quote = french ? (opening ? "«" : "»") : (opening ? "“" : "”");
            boolean plainSpace = french && spacing == FrenchSpacing.SPACE;
            String inner = french && spacing == FrenchSpacing.NARROW ? spacing.wide() : "";
            if (opening) {
                tokens.set(t, tokens.get(t).withText(quote + inner));
                if (t + 1 < tokens.size()) {
                    tokens.set(t + 1, tokens.get(t + 1).withSpaceBefore(plainSpace));
                }
            } else {
                tokens.set(t, new Token(inner + quote, plainSpace, tokens.get(t).row(), tokens.get(t).span()));
            }
        }
    }
}
