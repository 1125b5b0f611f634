package io.kafkatranslator.evaluation;

import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.message.ChatSpelling;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How translation holds up on text written the way people chat. From a test split it builds
 * deterministic variants (messages of 2–4 sentences, protected spans inserted where chat writers put
 * them, capitals, a lower-case first letter with no final full stop, chat spelling) and scores each with the model
 * alone (the whole text given to the model as one sentence, as this engine did before it translated
 * messages) and with the message pipeline, in the same run; then the project's short replies. Optionally
 * the real forum comments of MTNT and the customer-support chats of WMT 2024 (evaluation only).
 */
public final class RobustnessReport {
    /** Span kinds inserted into sentences as chat writers place them: %1$s is the sentence, %2$d a number from its index. */
    // Names in neither the corpus nor the training's augmentation list (training/augment.py): a kept
    // name is one the model copied, not one it learnt.
    private static final List<String> HELD_OUT_NAMES = List.of("Gwenaëlle", "Jean-Baptiste", "Oksana", "Thibault", "Kofi",
            "Maëlys", "Radhika", "Aurélien", "Eamon", "Solène", "Nnamdi", "Ludivine", "Józef", "Leilani", "Anh", "Hélio");
    private static final String[][] SPANS = {
            {"URL", "%1$s https://example.com/docs/page?id=%2$d", "https://example.com/docs/page?id=%2$d"},
            {"EMAIL", "%1$s Écris à lea.martin%2$d@example.fr", "lea.martin%2$d@example.fr"},
            {"MENTION", "@lea%2$d %1$s", "@lea%2$d"},
            {"HASHTAG", "%1$s #vacances%2$d", "#vacances%2$d"},
            {"EMOJI", "%1$s 😂👍🏽", "😂👍🏽"},
            {"CODE", "%1$s `git pull --rebase`", "`git pull --rebase`"},
            {"NUMBER (ticket)", "Ticket JIRA-%2$d : %1$s", "JIRA-%2$d"},
            {"NUMBER (time)", "%1$s À 8h%2$d.", "8h%2$d"},
            {"MENTION (chat platform)", "@lea.martin%2$d %1$s", "@lea.martin%2$d"},
            {"MENTION (Slack)", "<@U0%2$dBE7LH> %1$s", "<@U0%2$dBE7LH>"},
            {"MENTION (Discord)", "%1$s <@!8035%2$d>", "<@!8035%2$d>"},
            {"CAPITALS (acronym)", "%1$s Je t'envoie le PDF ce soir.", "PDF"},
            {"CAPITALS (company)", "%1$s Je contacte AIR-FRANCE.", "AIR-FRANCE"},
            {"CAPITALS (anonymised name)", "Je suis NAME-M. %1$s", "NAME-M"},
            {"CAPITALS (anonymised organisation)", "%1$s Merci d'avoir contacté PRS-ORG.", "PRS-ORG"},
            {"LABEL (speaker, glued)", "AGENT_%2$d:%1$s", "AGENT_%2$d:"},
    };

    private final MessageTranslator translator;
    private final DecodingOptions options;
    private final LanguagePair pair;
    private final StringBuilder md = new StringBuilder();
    /** The clean sentences' translations, model alone and pipeline: every variant is compared with them. */
    private Scored cleanAlone;
    private Scored cleanPipeline;

    public RobustnessReport(MessageTranslator translator, DecodingOptions options, LanguagePair pair) {
        this.translator = translator;
        this.options = options;
        this.pair = pair;
    }

    /** kept: sentences with letters copied as written (already in the target language). */
    private record Scored(List<String> hypotheses, int failed, int lowConfidence, long kept) {
    }

    private Scored run(List<String> sources, boolean pipeline) {
        List<TranslationOutcome> out = pipeline ? translator.translate(sources, options)
                : translator.translateAsOneSentence(sources, options);
        List<String> hypotheses = new ArrayList<>();
        int failed = 0;
        int low = 0;
        long kept = 0;
        for (int i = 0; i < out.size(); i++) {
            String source = sources.get(i);
            if (out.get(i) instanceof Translation t) {
                hypotheses.add(t.text());
                low += t.quality() != null && t.quality().lowConfidence() ? 1 : 0;
                kept += t.segments().stream().filter(g -> !g.translated()
                        && source.substring(g.sourceStart(), g.sourceEnd()).codePoints().anyMatch(Character::isLetter)).count();
            } else {
                hypotheses.add("");
                failed++;
            }
        }
        return new Scored(hypotheses, failed, low, kept);
    }

    public String build(String command, List<String> sources, List<List<String>> references, Path mtnt, Path wmt)
            throws IOException {
        md.append("# Robustness: chat messages against single sentences\n\n");
        md.append(String.format(Locale.ROOT, "%s, decoding: %s. Reproduce with:%n%n    %s%n%n", LocalDate.now(),
                options.greedy() ? "greedy" : "beam " + options.beamSize() + ", length penalty " + options.lengthPenalty()
                        + ", coverage penalty " + options.coveragePenalty(), command));
        md.append("*Model alone* (before): the whole text given to the model as one sentence, as the engine did before "
                + "it translated messages (commit 7450ad0), with the same decoding options. *Pipeline* (after): the "
                + "message pipeline (README, \"Messages\"). Both on the same texts, in this run. BLEU and chrF2 are "
                + "sacreBLEU's; length ratio: output words over first-reference words (13a tokens).\n\n");
        clean(sources, references);
        messages(sources, references);
        spans(sources);
        styles(sources, references);
        chatSpelling(sources, references);
        shortReplies();
        if (mtnt != null) {
            mtnt(mtnt);
        }
        if (wmt != null) {
            wmt(wmt);
        }
        return md.toString();
    }

    private void clean(List<String> sources, List<List<String>> references) {
        cleanAlone = run(sources, false);
        cleanPipeline = run(sources, true);
        md.append("## Clean sentences (").append(sources.size()).append(" of the split, all references)\n\n");
        md.append("| | BLEU | chrF2 | length ratio | outputs < 60 % of reference length | low confidence | untranslated | sentences kept as written |\n|---|---|---|---|---|---|---|---|\n");
        row("model alone", cleanAlone, references);
        row("pipeline", cleanPipeline, references);
        md.append('\n');
    }

    private void row(String name, Scored s, List<List<String>> references) {
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %.1f %% | %.1f %% | %d | %d |%n", name,
                Bleu.corpus(s.hypotheses(), references), Chrf.corpus(s.hypotheses(), references),
                lengthRatio(s.hypotheses(), references), 100 * shortShare(s.hypotheses(), references),
                100.0 * s.lowConfidence() / s.hypotheses().size(), s.failed(), s.kept()));
    }

    /** Consecutive sentences joined into messages of 2, 3, 4, 2, 3, 4… sentences; their first references joined too. */
    private void messages(List<String> sources, List<List<String>> references) {
        List<String> messages = new ArrayList<>();
        List<List<String>> messageRefs = new ArrayList<>();
        List<String> oneByOne = new ArrayList<>();
        for (int i = 0, size = 2; i + size <= sources.size(); i += size, size = size == 4 ? 2 : size + 1) {
            messages.add(String.join(" ", sources.subList(i, i + size)));
            messageRefs.add(List.of(String.join(" ", references.subList(i, i + size).stream().map(r -> r.get(0)).toList())));
            oneByOne.add(String.join(" ", cleanPipeline.hypotheses().subList(i, i + size)));
        }
        Scored alone = run(messages, false);
        Scored pipeline = run(messages, true);
        double reference = Bleu.corpus(oneByOne, messageRefs);
        md.append("## Messages of 2–4 sentences (").append(messages.size()).append(" messages, first reference of each sentence)\n\n");
        md.append("| | BLEU | of sentence by sentence | length ratio | outputs < 60 % of reference length | untranslated |\n|---|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| sentences translated one by one, joined | %.2f | 1.00 | %.3f | %.1f %% | 0 |%n",
                reference, lengthRatio(oneByOne, messageRefs), 100 * shortShare(oneByOne, messageRefs)));
        messageRow("model alone", alone, messageRefs, reference);
        messageRow("pipeline", pipeline, messageRefs, reference);
        md.append('\n');
    }

    private void messageRow(String name, Scored s, List<List<String>> references, double sentenceBySentence) {
        double bleu = Bleu.corpus(s.hypotheses(), references);
        md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %.1f %% | %d |%n", name, bleu, bleu / sentenceBySentence,
                lengthRatio(s.hypotheses(), references), 100 * shortShare(s.hypotheses(), references), s.failed()));
    }

    private void spans(List<String> sources) {
        md.append("## Protected spans inserted into the sentences: share that comes out verbatim, exactly once\n\n");
        md.append("| kind | inserted as | model alone | pipeline |\n|---|---|---|---|\n");
        for (String[] kind : SPANS) {
            List<String> inserted = new ArrayList<>();
            List<String> spans = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                inserted.add(String.format(Locale.ROOT, kind[1], sources.get(i), 10 + i % 50));
                spans.add(String.format(Locale.ROOT, kind[2], sources.get(i), 10 + i % 50));
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% | %.1f %% |%n", kind[0],
                    String.format(Locale.ROOT, kind[1], "…", 42).replace("|", "\\|"),
                    100 * verbatim(run(inserted, false).hypotheses(), spans), 100 * verbatim(run(inserted, true).hypotheses(), spans)));
        }
        List<String> named = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String s : sources) {
            if (s.matches(".*\\bTom\\b.*")) {
                String name = HELD_OUT_NAMES.get(names.size() % HELD_OUT_NAMES.size());
                named.add(s.replaceAll("\\bTom\\b", name));
                names.add(name);
            }
        }
        md.append(String.format(Locale.ROOT, "| name the model never saw (given as a placeholder) | Tom → %s, … in %d sentences | %.1f %% | %.1f %% |%n%n",
                String.join(", ", HELD_OUT_NAMES.subList(0, 3)), named.size(),
                100 * verbatim(run(named, false).hypotheses(), names), 100 * verbatim(run(named, true).hypotheses(), names)));
    }

    private static double verbatim(List<String> hypotheses, List<String> spans) {
        int kept = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            String h = hypotheses.get(i);
            int first = h.indexOf(spans.get(i));
            kept += first >= 0 && h.indexOf(spans.get(i), first + 1) < 0 ? 1 : 0;
        }
        return hypotheses.isEmpty() ? 0 : (double) kept / hypotheses.size();
    }

    /** Capitals (scored case-insensitively), accents left out and chat style (first letter lower-cased, no final full stop), against clean input. */
    private void styles(List<String> sources, List<List<String>> references) {
        List<List<String>> lowerRefs = references.stream().map(r -> r.stream().map(x -> x.toLowerCase(Locale.ROOT)).toList()).toList();
        List<String> capitals = sources.stream().map(s -> s.toUpperCase(Locale.FRENCH)).toList();
        List<String> chat = sources.stream().map(s -> {
            String t = s.replaceAll("\\s*\\.$", "");
            return t.isEmpty() ? t : t.substring(0, 1).toLowerCase(Locale.FRENCH) + t.substring(1);
        }).toList();
        md.append("## Capitals, accents and chat style, against the clean sentences\n\n");
        md.append("| variant | model alone: BLEU | of clean | pipeline: BLEU | of clean |\n|---|---|---|---|---|\n");
        style("in capitals (case-insensitive BLEU)", capitals, lowerRefs, lowerRefs, (h, r) -> Bleu.corpus(lower(h), r));
        List<String> noAccents = sources.stream()
                .map(s -> Normalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{Mn}", ""), Normalizer.Form.NFC))
                .toList();
        style("accents left out, as on many phones", noAccents, references, references, Bleu::corpus);
        style("first letter lower-cased, final full stop dropped", chat, references, references, Bleu::corpus);
        // The pipeline gives back no full stop where the writer put none: scored also against references written the same way.
        List<List<String>> noStop = references.stream().map(r -> r.stream().map(x -> x.replaceAll("\\.$", "")).toList()).toList();
        style("the same, against references without their final full stop", chat, noStop, references, Bleu::corpus);
        md.append('\n');
    }

    /** The variant's BLEU against references, and its share of the clean sentences' BLEU against cleanReferences. */
    private void style(String name, List<String> variant, List<List<String>> references, List<List<String>> cleanReferences,
                       BiFunction<List<String>, List<List<String>>, Double> bleu) {
        StringBuilder row = new StringBuilder("| " + name);
        for (boolean pipeline : new boolean[] {false, true}) {
            double base = bleu.apply((pipeline ? cleanPipeline : cleanAlone).hypotheses(), cleanReferences);
            double score = bleu.apply(run(variant, pipeline).hypotheses(), references);
            row.append(String.format(Locale.ROOT, " | %.2f | %.2f", score, score / base));
        }
        md.append(row).append(" |\n");
    }

    private static List<String> lower(List<String> hypotheses) {
        return hypotheses.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * The sentences with a word or phrase of the project's chat spelling list written as chatters write it
     * ("je suis" as "jsuis", "pourquoi" as "pk"), against the same sentences written out.
     */
    private void chatSpelling(List<String> sources, List<List<String>> references) {
        Map<String, String> spelling = ChatSpelling.list(pair.source());
        Map<Pattern, String> abbreviate = new LinkedHashMap<>();
        spelling.forEach((written, spelt) -> abbreviate.putIfAbsent(Pattern.compile("(?<![\\p{L}'’])" + Pattern.quote(spelt)
                + "(?![\\p{L}'’])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), written));
        List<String> clean = new ArrayList<>();
        List<String> chat = new ArrayList<>();
        List<List<String>> refs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String abbreviated = sources.get(i);
            for (Map.Entry<Pattern, String> e : abbreviate.entrySet()) {
                String written = e.getValue();
                abbreviated = e.getKey().matcher(abbreviated).replaceAll(m -> Matcher.quoteReplacement(
                        Character.isUpperCase(m.group().charAt(0)) ? written.substring(0, 1).toUpperCase(Locale.ROOT) + written.substring(1) : written));
            }
            if (!abbreviated.equals(sources.get(i))) {
                clean.add(sources.get(i));
                chat.add(abbreviated);
                refs.add(references.get(i));
            }
        }
        md.append("## Chat spelling (").append(chat.size()).append(" sentences with a word of the ").append(pair.source())
                .append(" list written short), against the same sentences written out\n\n");
        md.append("| | BLEU written out | BLEU in chat spelling | ratio |\n|---|---|---|---|\n");
        for (boolean pipeline : new boolean[] {false, true}) {
            double base = Bleu.corpus(run(clean, pipeline).hypotheses(), refs);
            double score = Bleu.corpus(run(chat, pipeline).hypotheses(), refs);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", pipeline ? "pipeline" : "model alone",
                    base, score, base == 0 ? 0 : score / base));
        }
        if (!chat.isEmpty()) {
            md.append("\nFor example: \"").append(chat.get(0)).append("\".\n");
        }
        md.append('\n');
    }

    /**
     * The project's short replies (greetings, thanks, reactions, wishes, agreement) with several references
     * each: a reply is acceptable when it matches one of them once case, punctuation and spacing are set aside.
     */
    private void shortReplies() throws IOException {
        String resource = "/evaluation/short-replies." + pair + ".tsv";
        List<String> sources = new ArrayList<>();
        List<List<String>> references = new ArrayList<>();
        try (InputStream in = RobustnessReport.class.getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] columns = line.split("\t");
                if (columns.length >= 2) {
                    sources.add(columns[0]);
                    references.add(List.of(columns).subList(1, columns.length));
                }
            }
        }
        Scored alone = run(sources, false);
        Scored pipeline = run(sources, true);
        md.append("## Short replies (").append(sources.size()).append(", `src/main/resources").append(resource)
                .append("`): acceptable, i.e. one of the references once case, punctuation and spacing are set aside\n\n");
        md.append(String.format(Locale.ROOT, "| model alone | pipeline |%n|---|---|%n| %.1f %% | %.1f %% |%n%n",
                100 * ShortReplies.acceptable(alone.hypotheses(), references), 100 * ShortReplies.acceptable(pipeline.hypotheses(), references)));
        md.append("The pipeline's misses:\n\n| source | translation | references |\n|---|---|---|\n");
        for (int i = 0; i < sources.size(); i++) {
            if (!ShortReplies.acceptable(pipeline.hypotheses().get(i), references.get(i))) {
                md.append("| ").append(sources.get(i)).append(" | ").append(pipeline.hypotheses().get(i)).append(" | ")
                        .append(String.join(" / ", references.get(i))).append(" |\n");
            }
        }
        md.append('\n');
    }

    /** The WMT 2024 chat dev set's turns in this report's direction (evaluation only), with the share of capitalised tokens kept. */
    private void wmt(Path file) throws IOException {
        List<WmtChat.Turn> turns = WmtChat.read(file, pair);
        List<String> sources = turns.stream().map(WmtChat.Turn::text).toList();
        List<List<String>> references = turns.stream().map(t -> List.of(t.reference())).toList();
        md.append("## Real customer-support chats: WMT 2024 chat dev set, ").append(pair.source()).append(" → ")
                .append(pair.target()).append(" (").append(sources.size()).append(" turns, one reference; evaluation only)\n\n");
        md.append("| | BLEU | chrF2 | length ratio | capitalised tokens kept verbatim, exactly once | untranslated |\n|---|---|---|---|---|---|\n");
        for (boolean pipeline : new boolean[] {false, true}) {
            Scored s = run(sources, pipeline);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %s | %d |%n", pipeline ? "pipeline" : "model alone",
                    Bleu.corpus(s.hypotheses(), references), Chrf.corpus(s.hypotheses(), references),
                    lengthRatio(s.hypotheses(), references), CapitalsKept.of(sources, s.hypotheses()), s.failed()));
        }
        md.append("\nThe task's baseline, NLLB-3.3B (a 3.3-billion-parameter model trained on far more data), scores BLEU 52.2 / "
                + "chrF2 72.5 French → English and 56.2 / 74.2 English → French on this set (its SOURCE.md). Capitalised tokens: "
                + "words of two capitals or more (the set's anonymisation tokens NAME-M, PRS-ORG, EMAIL…, acronyms), each "
                + "as many times as in its turn, outside turns with no lower-case letter besides them.\n\n");
    }

    /** MTNT's comments, one reference each: evaluation only. */
    private void mtnt(Path file) throws IOException {
        List<String> sources = new ArrayList<>();
        List<List<String>> references = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t", -1);
            if (columns.length >= 3) {
                sources.add(columns[1]);
                references.add(List.of(columns[2]));
            }
        }
        md.append("## Real forum comments: MTNT validation set, fr → en (").append(sources.size())
                .append(" comments, one reference; evaluation only)\n\n");
        md.append("| | BLEU | chrF2 | length ratio | outputs < 60 % of reference length | low confidence | untranslated | sentences kept as written |\n|---|---|---|---|---|---|---|---|\n");
        row("model alone", run(sources, false), references);
        row("pipeline", run(sources, true), references);
        md.append('\n');
    }

    /** Hypothesis words over first-reference words, over the corpus. */
    static double lengthRatio(List<String> hypotheses, List<List<String>> references) {
        long h = 0;
        long r = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            h += Bleu.tokenize13a(hypotheses.get(i)).size();
            r += Bleu.tokenize13a(references.get(i).get(0)).size();
        }
        return r == 0 ? 0 : (double) h / r;
    }

    static double shortShare(List<String> hypotheses, List<List<String>> references) {
        int shorter = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            shorter += Bleu.tokenize13a(hypotheses.get(i)).size() < 0.6 * Bleu.tokenize13a(references.get(i).get(0)).size() ? 1 : 0;
        }
        return hypotheses.isEmpty() ? 0 : (double) shorter / hypotheses.size();
    }

}
