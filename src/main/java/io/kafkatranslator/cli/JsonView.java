package io.kafkatranslator.cli;

import io.kafkatranslator.engine.QualitySignal;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationError;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.language.LanguageDetector;
import io.kafkatranslator.route.RoutedRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON line `translate --format json` prints for one message: the result schema's fields, by the same names. */
final class JsonView {
    private JsonView() {
    }

    /** routed: how the message was routed (its detection, and why it was returned as it is, if it was). */
    static Map<String, Object> of(String source, RoutedRequest routed, TranslationOutcome outcome) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        LanguageDetector.Detection detection = routed.detection();
        if (detection != null) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("language", detection.language());
            d.put("confidence", detection.confidence());
            out.put("language_detection", d);
        }
        if (outcome instanceof TranslationError e) {
            out.put("error", Map.of("code", e.code().name(), "message", e.message()));
            return out;
        }
        Translation t = (Translation) outcome;
        out.put("translation", t.text());
        out.put("untranslated_reason", routed instanceof RoutedRequest.Unchanged u ? u.reason() : null);
        out.put("origin", t.origin().name());
        out.put("score", t.score());
        out.put("nbest", t.nbest());
        out.put("source_tokens", t.sourcePieces());
        out.put("target_tokens", t.targetPieces());
        out.put("unknowns_replaced", t.unknownsReplaced());
        out.put("source_words", t.sourceWords());
        out.put("target_words", t.targetWords());
        out.put("quality", quality(t.quality()));
        out.put("segments", t.segments().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("source_start", s.sourceStart());
            m.put("source_end", s.sourceEnd());
            m.put("target_start", s.targetStart());
            m.put("target_end", s.targetEnd());
            m.put("translated", s.translated());
            m.put("quality", quality(s.quality()));
            block(m, "token", "alignment", s.pieces());
            block(m, "word", "word_alignment", s.words());
            return m;
        }).toList());
        // Ordered, as everything else here: Map.of's order changes from one JVM run to the next.
        out.put("protected_spans", t.spans().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", s.kind().name());
            m.put("source_start", s.sourceStart());
            m.put("source_end", s.sourceEnd());
            m.put("target_start", s.targetStart());
            m.put("target_end", s.targetEnd());
            return m;
        }).toList());
        return out;
    }

    /** A segment's block as the result schema places it, its weights as numbers rather than the schema's bytes. */
    private static void block(Map<String, Object> m, String unit, String name, Translation.Block b) {
        m.put("source_" + unit + "_start", b.column());
        m.put("source_" + unit + "_end", b.column() + b.columns());
        m.put("target_" + unit + "_start", b.row());
        m.put("target_" + unit + "_end", b.row() + b.weights().length);
        m.put(name, b.weights());
    }

    private static Map<String, Object> quality(QualitySignal q) {
        if (q == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean_log_prob", q.meanLogProb());
        m.put("coverage", q.coverage());
        m.put("low_confidence", q.lowConfidence());
        return m;
    }
}
