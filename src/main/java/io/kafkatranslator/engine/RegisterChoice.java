package io.kafkatranslator.engine;

import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.decode.Hypothesis;
import io.kafkatranslator.language.FrenchRegister;
import io.kafkatranslator.tokenize.SubwordTokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a register is asked of a French model that follows one, a sentence whose best translation addresses its reader in
 * the other register (or in both) takes the beam's best one in the register asked instead, when the beam found one. The
 * register mark makes the model choose the register asked for most sentences; this holds it where the mark was not
 * enough (an order with no pronoun, a phrase the corpus only has one way). Greedy search has no other hypothesis.
 */
final class RegisterChoice {
    private RegisterChoice() {
    }

    static List<List<Hypothesis>> apply(List<List<Hypothesis>> found, Formality asked, SubwordTokenizer target) {
        if (asked == Formality.AUTO) {
            return found;
        }
        FrenchRegister wanted = asked == Formality.FORMAL ? FrenchRegister.FORMAL : FrenchRegister.INFORMAL;
        List<List<Hypothesis>> out = new ArrayList<>(found.size());
        for (List<Hypothesis> sentence : found) {
            out.add(sentence.isEmpty() || fits(target.decode(sentence.get(0).ids()), asked) ? sentence
                    : preferring(sentence, wanted, target));
        }
        return out;
    }

    /** Whether a French text may be given where the register asked is asked: it is in that one, or addresses no one. */
    static boolean fits(String french, Formality asked) {
        if (asked == Formality.AUTO) {
            return true;
        }
        FrenchRegister r = FrenchRegister.of(french);
        return r == FrenchRegister.NONE || r == (asked == Formality.FORMAL ? FrenchRegister.FORMAL : FrenchRegister.INFORMAL);
    }

    private static List<Hypothesis> preferring(List<Hypothesis> sentence, FrenchRegister wanted, SubwordTokenizer target) {
        for (int i = 1; i < sentence.size(); i++) {
            if (FrenchRegister.of(target.decode(sentence.get(i).ids())) == wanted) {
                List<Hypothesis> reordered = new ArrayList<>(sentence);
                reordered.add(0, reordered.remove(i));
                return reordered;
            }
        }
        return sentence;
    }
}
