package io.kafkatranslator.cli;

import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.engine.TranslationOutcome;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON line `translate --format json` prints for one sentence. */
final class JsonView {
    private JsonView() {
    }

    static Map<String, Object> of(String source, TranslationOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        if (outcome instanceof TranslationError e) {
            out.put("error", Map.of("code", e.code().name(), "message", e.message()));
            return out;
        }
        Translation t = (Translation) outcome;
        out.put("translation", t.text());
        out.put("score", t.score());
        out.put("nbest", t.nbest());
        out.put("source_tokens", t.sourcePieces());
        out.put("target_tokens", t.targetPieces());
        out.put("unknowns_replaced", t.unknownsReplaced());
        out.put("alignment", t.alignment());
        out.put("source_words", t.sourceWords());
        out.put("target_words", t.targetWords());
        out.put("word_alignment", t.wordAlignment());
        return out;
    }
}
