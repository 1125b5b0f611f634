package io.kafkatranslator.evaluation;

import io.kafkatranslator.engine.ForcedAlignment;
import io.kafkatranslator.engine.MessageTranslator;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * How well the model's alignments match human word alignments (docs/alignment.md): the model is
 * forced through the gold English of each hand-aligned pair and the links the engine reports (the
 * words that are each other's strongest in its alignment: the alignment layer's where the model has
 * one) are scored by alignment error rate against the gold sure and possible links, beside the
 * one-sided links of the same alignment (each English word to its strongest French word), the
 * decoder's attention's, and the baseline that links each word to the same relative position.
 * Where the model of the other direction is loaded too, it is forced through the gold French, and
 * the two directions' links are also scored intersected and united (symmetrised, as statistical
 * aligners' two directions are).
 */
public final class AlignmentReport {
    private final MessageTranslator translator;
    private final MessageTranslator reverse;

    /** reverse: a translator of the other direction (English → French), or null. */
    public AlignmentReport(MessageTranslator translator, MessageTranslator reverse) {
        this.translator = translator;
        this.reverse = reverse;
    }

    public String build(String model, String command, AlignmentTestSet set) {
        Aer aer = new Aer();
        Aer oneSided = new Aer();
        Aer attention = new Aer();
        Aer diagonal = new Aer();
        Aer backward = new Aer();
        Aer intersection = new Aer();
        Aer union = new Aer();
        int skipped = 0;
        for (int s = 0; s < set.pairs().size(); s++) {
            AlignmentTestSet.Pair pair = set.pairs().get(s);
            diagonal.add(diagonal(pair), set.gold().get(s));
            ForcedAlignment forced = force(translator, pair, true);
            if (forced == null) {
                skipped++;
                continue;
            }
            Set<Integer> forward = links(forced.links(), pair, true);
            aer.add(forward, set.gold().get(s));
            oneSided.add(links(strongest(forced.strongestSourceWords()), pair, true), set.gold().get(s));
            attention.add(links(strongest(forced.strongestAttendedSourceWords()), pair, true), set.gold().get(s));
            ForcedAlignment backwardForced = reverse == null ? null : force(reverse, pair, false);
            Set<Integer> back = backwardForced == null ? null : links(backwardForced.links(), pair, false);
            if (back != null) {
                backward.add(back, set.gold().get(s));
                Set<Integer> both = new HashSet<>(forward);
                both.retainAll(back);
                intersection.add(both, set.gold().get(s));
                Set<Integer> either = new HashSet<>(forward);
                either.addAll(back);
                union.add(either, set.gold().get(s));
            }
        }
        StringBuilder md = render(model, command, set.pairs().size(), skipped, aer, oneSided,
                translator.aligns() ? attention : null, diagonal);
        if (reverse != null) {
            row(md, "the other direction's model forced through the French: its reported links", backward);
            row(md, "both directions' reported links, intersected", intersection);
            row(md, "both directions' reported links, united", union);
        }
        return md.toString();
    }

    /**
     * The model forced through the pair (French to English, or the other way); null when the model
     * cannot align the pair word for word.
     */
    private static ForcedAlignment force(MessageTranslator model, AlignmentTestSet.Pair pair, boolean frenchToEnglish) {
        ForcedAlignment a;
        try {
            a = frenchToEnglish ? model.forceAlign(pair.french(), pair.english()) : model.forceAlign(pair.english(), pair.french());
        } catch (IllegalArgumentException e) {
            return null;
        }
        int sources = (frenchToEnglish ? pair.frenchPositions() : pair.englishPositions()).size();
        int targets = (frenchToEnglish ? pair.englishPositions() : pair.frenchPositions()).size();
        return a.sourceWords().size() == sources && a.targetWords().size() == targets ? a : null;
    }

    /** Each target word i linked to its strongest source word best[i]: pairs {source, target}. */
    private static List<int[]> strongest(int[] best) {
        return IntStream.range(0, best.length).mapToObj(i -> new int[] {best[i], i}).toList();
    }

    /** Word links {source, target} mapped back to the gold token positions of both words. */
    private static Set<Integer> links(List<int[]> wordLinks, AlignmentTestSet.Pair pair, boolean frenchToEnglish) {
        List<List<Integer>> sources = frenchToEnglish ? pair.frenchPositions() : pair.englishPositions();
        List<List<Integer>> targets = frenchToEnglish ? pair.englishPositions() : pair.frenchPositions();
        Set<Integer> links = new HashSet<>();
        for (int[] link : wordLinks) {
            for (int t : targets.get(link[1])) {
                for (int src : sources.get(link[0])) {
                    links.add(frenchToEnglish ? AlignmentTestSet.key(t, src) : AlignmentTestSet.key(src, t));
                }
            }
        }
        return links;
    }

    /** Each English token linked to the French token at the same relative position. */
    private static Set<Integer> diagonal(AlignmentTestSet.Pair pair) {
        Set<Integer> links = new HashSet<>();
        for (int e = 0; e < pair.englishTokens(); e++) {
            int f = Math.min(pair.frenchTokens() - 1, (int) Math.floor((e + 0.5) * pair.frenchTokens() / pair.englishTokens()));
            links.add(AlignmentTestSet.key(e, f));
        }
        return links;
    }

    private static void row(StringBuilder md, String name, Aer aer) {
        md.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% | %.1f %% |%n", name,
                100 * aer.aer(), 100 * aer.precision(), 100 * aer.recall()));
    }

    /** attention: the decoder's own links where the reported ones are the alignment layer's, else null. */
    private static StringBuilder render(String model, String command, int pairs, int skipped, Aer aer, Aer oneSided,
                                        Aer attention, Aer diagonal) {
        StringBuilder md = new StringBuilder("# Alignments against human word alignments\n\n");
        md.append(String.format(Locale.ROOT, "%s, model %s, %d hand-aligned English–French Hansards sentence pairs "
                + "(HLT-NAACL 2003 trial set; evaluation only), %d skipped. Reproduce with:%n%n    %s%n%n",
                LocalDate.now(), model, pairs, skipped, command));
        md.append("The model is forced through the gold English (its target side) of each pair, and the links the engine "
                + "reports are scored: an English word and a French word are linked where each is the other's strongest in "
                + "the alignment (end of sentence left out): the alignment layer's where the model has one (training/README.md, "
                + "\"Alignments\"), the decoder's attention otherwise. The one-sided rows link every English word to its "
                + "strongest French word instead. "
                + "Gold sentences are lower-cased and tokenised with French contractions split: they are given to the model "
                + "re-contracted (\"de le\" → \"du\", \"de une\" → \"d'une\"), detokenised and with the first letter raised, and "
                + "a link to a word counts for every gold token it stands for. AER = 1 − (|A∩S| + |A∩P|) / (|A| + |S|).\n\n");
        md.append("| links | AER | precision | recall |\n|---|---:|---:|---:|\n");
        row(md, "reported links: English and French words each other's strongest", aer);
        row(md, "one-sided: the same alignment, strongest French word per English word", oneSided);
        if (attention != null) {
            row(md, "the decoder's attention, strongest link per English word (without the alignment layer)", attention);
        }
        row(md, "baseline: same relative position", diagonal);
        return md;
    }
}
