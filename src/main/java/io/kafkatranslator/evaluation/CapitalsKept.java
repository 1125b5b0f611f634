package io.kafkatranslator.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many words of two capitals or more (anonymisation tokens such as NAME-M and PRS-ORG, acronyms) come
 * out of translation verbatim, as many times as the source has them, outside sources with no lower-case
 * letter besides them (shouted, and translated in capitals).
 */
final class CapitalsKept {
    private static final Pattern CAPITALS = Pattern.compile(
            "(?<![\\p{L}\\p{N}_-])\\p{Lu}[\\p{Lu}\\p{N}]*(?:[-_][\\p{Lu}\\p{N}]+)*(?![\\p{L}\\p{N}_-])");

    private CapitalsKept() {
    }

    /** "97.3 % (507 of 521)". */
    static String of(List<String> sources, List<String> hypotheses) {
        int kept = 0;
        int total = 0;
        for (int i = 0; i < sources.size(); i++) {
            String s = sources.get(i);
            if (CAPITALS.matcher(s).replaceAll("").codePoints().noneMatch(Character::isLowerCase)) {
                continue;
            }
            Map<String, Integer> inTranslation = counts(hypotheses.get(i));
            for (Map.Entry<String, Integer> e : counts(s).entrySet()) {
                total += e.getValue();
                kept += e.getValue().equals(inTranslation.get(e.getKey())) ? e.getValue() : 0;
            }
        }
        return String.format(Locale.ROOT, "%.1f %% (%d of %d)", total == 0 ? 0 : 100.0 * kept / total, kept, total);
    }

    private static Map<String, Integer> counts(String text) {
        Map<String, Integer> out = new HashMap<>();
        Matcher m = CAPITALS.matcher(text);
        while (m.find()) {
            if (m.group().codePoints().filter(Character::isUpperCase).count() >= 2) {
                out.merge(m.group(), 1, Integer::sum);
            }
        }
        return out;
    }
}
