package io.kafkatranslator.message;

import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.reason.ErrorCode;
import io.kafkatranslator.segment.ProtectedSpan;
import io.kafkatranslator.segment.SentenceSplitter;
import io.kafkatranslator.segment.SpanDetector;
import io.kafkatranslator.tokenize.SourceLexicon;
import io.kafkatranslator.tokenize.SubwordTokenizer;
import io.kafkatranslator.tokenize.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The one place where a message is validated, segmented and tokenised. A message is split into
 * sentences and its protected spans found; a sentence already in the target language (an English
 * one in a French message) is kept as written; a sentence too long for the model is cut into
 * {@link ClauseChunks}; each unit is then adapted for the model in the order {@link Adaptations}
 * declares, and tokenised. Not thread-safe (one per translator).
 */
public final class MessagePreparer {
    private final SubwordTokenizer tokenizer;
    private final SpanDetector spans;
    private final SentenceSplitter splitter;
    private final Predicate<String> inTargetLanguage;
    private final Predicate<String> formula;
    private final ClauseChunks chunks;
    private final List<Adaptation.Adapter> adaptations;
    private final int maxMessageChars;
    private final int maxSourceTokens;

    /**
     * lexicon: the model's source lexicon, or null; carried: whether the model reads and writes a
     * punctuation mark or sign (see {@link SpanDetector}); formula: whether a text is a chat formula the phrasebook
     * translates ("Pas de problème"); config: the message limits, clause chunks and French spacing.
     */
    public MessagePreparer(SubwordTokenizer tokenizer, SourceLexicon lexicon, LanguagePair pair, IntPredicate carried,
                           Predicate<String> inTargetLanguage, Predicate<String> formula, TranslatorConfig config) {
        this.tokenizer = tokenizer;
        this.spans = new SpanDetector(carried);
        this.splitter = new SentenceSplitter(pair.source());
        this.inTargetLanguage = inTargetLanguage;
        this.formula = formula;
        this.chunks = new ClauseChunks(tokenizer, config.maxSourceTokens(), config.maxSentenceWords());
        this.adaptations = Adaptations.inOrder(lexicon, pair, config.frenchSpacing());
        this.maxMessageChars = config.maxMessageChars();
        this.maxSourceTokens = config.maxSourceTokens();
    }

    /** Whether a word is a name the model is given in place of a writer's (NamePlaceholders): one it copies, never translates. */
    public static boolean placeholderName(String word) {
        return NamePlaceholders.PLACEHOLDERS.contains(word);
    }

    public Preparation prepare(String text, MessageContext context) {
        TranslationError error = check(text);
        if (error != null) {
            return error;
        }
        List<ProtectedSpan> found = spans.find(text);
        List<Unit> units = new ArrayList<>();
        for (int[] sentence : splitter.split(text, found)) {
            List<Element> elements = Element.of(text, sentence[0], sentence[1], found);
            if (inTargetLanguage.test(text.substring(sentence[0], sentence[1]))) {
                units.add(new UnitDraft(text, elements, false).copied());
            } else {
                units.addAll(units(text, elements, context));
            }
        }
        return message(text, units);
    }

    /**
     * The whole text as one sentence, as the model alone would take it: no segmentation, no
     * protected spans, no adaptation. The robustness report's baseline.
     */
    public Preparation prepareAsOneSentence(String text) {
        TranslationError error = check(text);
        if (error != null) {
            return error;
        }
        Unit unit = encoded(new UnitDraft(text, Element.of(text, 0, text.length(), List.of()), false));
        if (unit.ids().length > maxSourceTokens) {
            return new TranslationError(ErrorCode.TEXT_TOO_LONG, "the text has " + unit.ids().length
                    + " source pieces, more than the model's maximum of " + maxSourceTokens);
        }
        return message(text, List.of(unit));
    }

    private TranslationError check(String text) {
        TranslationError error = InputValidator.check(text);
        if (error == null && text.length() > maxMessageChars) {
            error = new TranslationError(ErrorCode.TEXT_TOO_LONG, "the message has " + text.length()
                    + " characters, more than the maximum of " + maxMessageChars + " (translator.max.message.chars)");
        }
        return error;
    }

    private static Preparation message(String text, List<Unit> units) {
        int tokens = units.stream().mapToInt(u -> u.ids().length).sum();
        if (units.stream().anyMatch(Unit::translatable) && tokens == 0) {
            return new TranslationError(ErrorCode.EMPTY_TEXT, "the text has no translatable content");
        }
        return new PreparedMessage(text, units, tokens);
    }

    /**
     * The sentence as one unit where the model takes it whole, else its chunks; a chat formula that opens it before a
     * comma ("No problem, I can pick you up.") is a unit of its own, so that the phrasebook translates it.
     */
    private List<Unit> units(String text, List<Element> elements, MessageContext context) {
        int opening = opening(text, elements);
        List<Unit> out = new ArrayList<>();
        if (opening > 0) {
            out.add(adapted(text, elements.subList(0, opening), false, context));
        }
        List<Element> rest = elements.subList(opening, elements.size());
        Unit whole = adapted(text, rest, opening > 0, context);
        if (!whole.translatable() || chunks.fits(rest, whole.ids().length)) {
            out.add(whole);
            return out;
        }
        List<List<Element>> parts = chunks.chunks(text, rest);
        for (int c = 0; c < parts.size(); c++) {
            out.add(adapted(text, parts.get(c), opening > 0 || c > 0, context));
        }
        return out;
    }

    /**
     * How many words open the sentence as a chat formula with a comma at its end and more words after; 0 where none
     * does. A comma standing apart ("super , merci") is not cut at: the sentence is looked up whole or by its parts.
     */
    private int opening(String text, List<Element> elements) {
        for (int i = 0; i < elements.size() - 1 && elements.get(i).isWord(); i++) {
            String word = elements.get(i).text(text);
            if (word.endsWith(",") && word.length() > 1) {
                String words = text.substring(elements.get(0).start(), elements.get(i).end() - 1);
                return elements.get(i + 1).isWord() && formula.test(words) ? i + 1 : 0;
            }
        }
        return 0;
    }

    /** A unit with no word with letters (emoji, numbers, a URL…) is copied as it is, its spans where they are. */
    private Unit adapted(String text, List<Element> elements, boolean continues, MessageContext context) {
        UnitDraft draft = new UnitDraft(text, elements, continues, context);
        if (!draft.anyLexical()) {
            return draft.copied();
        }
        adaptations.forEach(a -> a.adapt(draft));
        return encoded(draft);
    }

    private Unit encoded(UnitDraft draft) {
        String modelText = TextNormalizer.normalize(String.join(" ", draft.words()));
        return draft.toUnit(modelText, tokenizer.encode(modelText));
    }
}
