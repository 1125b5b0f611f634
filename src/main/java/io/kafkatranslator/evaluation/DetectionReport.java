package io.kafkatranslator.evaluation;

import io.kafkatranslator.language.LanguageDetector;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How often detection names the right language, the wrong one or none, for several margins
 * (translator.detection.margin), on sentences whose language is known: the sources of a split and
 * the first reference of each (docs/detection.md).
 */
public final class DetectionReport {
    private static final double[] MARGINS = {0, 0.05, 0.1, 0.15, 0.2, 0.3};

    private DetectionReport() {
    }

    /** sentences: language → sentences written in it; languages: what the detector chooses among. */
    public static String build(String command, Map<String, List<String>> sentences, List<String> languages) {
        StringBuilder md = new StringBuilder("# Language detection: right, wrong and undetected, by margin\n\n");
        md.append(String.format(Locale.ROOT, "%s. Reproduce with:%n%n    %s%n%n", LocalDate.now(), command));
        int total = sentences.values().stream().mapToInt(List::size).sum();
        md.append(String.format(Locale.ROOT, "%d sentences (%s), detected among %s; an undetected message is returned"
                + " untranslated with `LANGUAGE_NOT_DETECTED`.%n%n", total,
                String.join(", ", sentences.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey()).toList()),
                String.join(", ", languages)));
        md.append("| margin | right | wrong | undetected |\n|---|---|---|---|\n");
        for (double margin : MARGINS) {
            LanguageDetector detector = new LanguageDetector(languages, margin);
            int right = 0;
            int wrong = 0;
            for (Map.Entry<String, List<String>> e : sentences.entrySet()) {
                for (String s : e.getValue()) {
                    LanguageDetector.Detection d = detector.detect(s);
                    right += d.detected() && d.language().equals(e.getKey()) ? 1 : 0;
                    wrong += d.detected() && !d.language().equals(e.getKey()) ? 1 : 0;
                }
            }
            md.append(String.format(Locale.ROOT, "| %.2f | %.2f %% | %.2f %% | %.2f %% |%n", margin,
                    100.0 * right / total, 100.0 * wrong / total, 100.0 * (total - right - wrong) / total));
        }
        return md.toString();
    }
}
