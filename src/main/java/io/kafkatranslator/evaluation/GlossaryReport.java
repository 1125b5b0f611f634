package io.kafkatranslator.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.policy.GlossaryTerm;
import io.kafkatranslator.policy.TenantPolicy;
import io.kafkatranslator.route.Routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a glossary is honoured on real chats: the WMT 2024 chat dev set's turns of one direction translated without
 * and with a glossary (the message pipeline, as the processor runs it); for each term, how often the translation
 * renders it as required (its target term, or the source's words as written for a term kept), and BLEU and chrF2
 * on the turns that hold no term (where the glossary must change nothing) and on those that do.
 */
public final class GlossaryReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Routing routing;
    private final DecodingOptions options;

    public GlossaryReport(Routing routing, DecodingOptions options) {
        this.routing = routing;
        this.options = options;
    }

    /** A term's occurrences and how many were rendered as required, without and with the glossary. */
    private static final class Tally {
        int occurrences;
        int without;
        int with;
    }

    /** One section per language pair of the glossary. */
    public String build(String command, Path wmt, Path glossary) throws IOException {
        StringBuilder md = new StringBuilder("# Glossaries on real chats\n\n");
        md.append(String.format(Locale.ROOT, "`%s` (%s): the WMT 2024 chat dev set's turns translated by the message pipeline "
                + "without and with the project's glossary for that set, `%s` (product and feature names: some given a target "
                + "term, some kept as written). A term is found as the glossary finds it (whole words, any case, any spaces "
                + "between its words), and rendered when the translation holds its target term, or the source's words for a "
                + "term kept (any case). The BLEU and chrF2 of the turns without a term say whether the glossary changes "
                + "anything it should not.%n%n", command, LocalDate.now(), glossary));
        for (Map.Entry<LanguagePair, List<GlossaryTerm>> e : readGlossary(glossary).entrySet()) {
            md.append(section(wmt, e.getKey(), e.getValue()));
        }
        return md.toString();
    }

    private String section(Path wmt, LanguagePair pair, List<GlossaryTerm> terms) throws IOException {
        List<WmtChat.Turn> turns = WmtChat.read(wmt, pair);
        List<String> without = translate(pair, turns, TenantPolicy.NONE);
        List<String> with = translate(pair, turns, TenantPolicy.glossary(Map.of(pair, terms)));
        Map<GlossaryTerm, Tally> tallies = new LinkedHashMap<>();
        terms.forEach(t -> tallies.put(t, new Tally()));
        List<Integer> plain = new ArrayList<>();
        List<Integer> holding = new ArrayList<>();
        for (int i = 0; i < turns.size(); i++) {
            boolean holds = false;
            for (GlossaryTerm term : terms) {
                String found = term.findIn(turns.get(i).text());
                if (found != null) {
                    holds = true;
                    Tally tally = tallies.get(term);
                    tally.occurrences++;
                    tally.without += term.renderedIn(without.get(i), found) ? 1 : 0;
                    boolean rendered = term.renderedIn(with.get(i), found);
                    tally.with += rendered ? 1 : 0;
                    if (!rendered) {
                        System.err.printf("term %s not rendered: %s -> %s%n", term.term(), turns.get(i).text(), with.get(i));
                    }
                }
            }
            (holds ? holding : plain).add(i);
        }
        return render(pair, terms.size(), turns.size(), tallies, scores(plain, turns, without, with),
                scores(holding, turns, without, with), plain.size(), holding.size());
    }

    /** JSON lines as `glossary put` reads them: {"pair", "term", "translation"}. */
    private static Map<LanguagePair, List<GlossaryTerm>> readGlossary(Path file) throws IOException {
        Map<LanguagePair, List<GlossaryTerm>> terms = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode entry = JSON.readTree(line);
                JsonNode t = entry.get("translation");
                terms.computeIfAbsent(LanguagePair.parse(entry.get("pair").asText()), p -> new ArrayList<>())
                        .add(new GlossaryTerm(entry.get("term").asText(), t == null || t.isNull() ? null : t.asText()));
            }
        }
        return terms;
    }

    private List<String> translate(LanguagePair pair, List<WmtChat.Turn> turns, TenantPolicy policy) {
        List<TranslationOutcome> outcomes = routing.translate(turns.stream().map(t -> routing.route(pair.source(), null,
                pair.target(), t.text(), options, Set.of(), policy)).toList());
        return outcomes.stream().map(o -> o instanceof Translation t ? t.text() : "").toList();
    }

    /** BLEU and chrF2 without and with the glossary, on the given turns. */
    private static double[] scores(List<Integer> members, List<WmtChat.Turn> turns, List<String> without, List<String> with) {
        List<List<String>> refs = members.stream().map(i -> List.of(turns.get(i).reference())).toList();
        List<String> a = members.stream().map(without::get).toList();
        List<String> b = members.stream().map(with::get).toList();
        return new double[] {Bleu.corpus(a, refs), Bleu.corpus(b, refs), Chrf.corpus(a, refs), Chrf.corpus(b, refs)};
    }

    private static String render(LanguagePair pair, int termCount, int turnCount, Map<GlossaryTerm, Tally> tallies,
                                 double[] plain, double[] holding, int plainTurns, int holdingTurns) {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## %s: %d turns, %d terms%n%n", pair, turnCount, termCount));
        md.append("| term | required | occurrences | rendered without the glossary | rendered with it |\n|---|---|---:|---:|---:|\n");
        int occurrences = 0;
        int without = 0;
        int with = 0;
        for (Map.Entry<GlossaryTerm, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            occurrences += t.occurrences;
            without += t.without;
            with += t.with;
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d |%n", e.getKey().term(),
                    e.getKey().translation() == null ? "kept as written" : e.getKey().translation(), t.occurrences, t.without, t.with));
        }
        md.append(String.format(Locale.ROOT, "| **all** | | **%d** | **%d (%.1f %%)** | **%d (%.1f %%)** |%n%n", occurrences,
                without, 100.0 * without / Math.max(1, occurrences), with, 100.0 * with / Math.max(1, occurrences)));
        md.append("| turns | BLEU without | BLEU with | chrF2 without | chrF2 with |\n|---|---:|---:|---:|---:|\n");
        md.append(String.format(Locale.ROOT, "| without a term (%d) | %.2f | %.2f | %.2f | %.2f |%n", plainTurns, plain[0], plain[1],
                plain[2], plain[3]));
        md.append(String.format(Locale.ROOT, "| with a term (%d) | %.2f | %.2f | %.2f | %.2f |%n%n", holdingTurns, holding[0],
                holding[1], holding[2], holding[3]));
        return md.toString();
    }
}
