package io.kafkatranslator.evaluation;

import io.kafkatranslator.conversation.ConversationMemory;
import io.kafkatranslator.decode.DecodingOptions;
import io.kafkatranslator.decode.Formality;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.language.FrenchRegister;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.policy.TenantPolicy;
import io.kafkatranslator.route.RoutedRequest;
import io.kafkatranslator.route.Routing;
import io.kafkatranslator.schema.ConversationState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether English → French translations follow the register asked: each set's sources translated by the message
 * pipeline with formality auto, formal and informal, each output's register read by {@link FrenchRegister} (the rule
 * the model was trained with), and BLEU and chrF2 against the set's references.
 */
public final class FormalityReport {
    /** An English sentence that may address its reader as "you" (training/register.py's rule). */
    private static final Pattern YOU = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:you|your|yours|yourself|yourselves|y'all|u|ur)"
            + "(?![\\p{L}\\p{N}_])", Pattern.CASE_INSENSITIVE);

    private final Routing routing;
    private final DecodingOptions options;
    private final LanguagePair pair;

    public FormalityReport(Routing routing, DecodingOptions options, LanguagePair pair) {
        this.routing = routing;
        this.options = options;
        this.pair = pair;
    }

    /** A set to translate: its sources and, for each, its references. */
    public record TestSet(String name, List<String> sources, List<List<String>> references) {
        /** The sentences whose English says "you". */
        public TestSet addressing() {
            List<String> s = new ArrayList<>();
            List<List<String>> r = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                if (YOU.matcher(sources.get(i)).find()) {
                    s.add(sources.get(i));
                    r.add(references.get(i));
                }
            }
            return new TestSet(name + ", the sentences that say \"you\"", s, r);
        }
    }

    /** conversation: the WMT chat set's turns in order (both directions), or null for no conversation section. */
    public String build(String command, List<TestSet> sets, List<WmtChat.Turn> conversation) {
        StringBuilder md = new StringBuilder("# Formality: tu or vous, as asked\n\n");
        md.append(String.format(Locale.ROOT, "`%s` (%s): each set translated %s by the message pipeline with `formality` "
                + "auto, formal and informal. An output's register is read by the rule the model was trained with "
                + "(`FrenchRegister`, training/register.py: tu, te, t', toi, ton, ta, tes are informal; vous, votre, vos and "
                + "an opening imperative in -ez formal; both: mixed; neither: none, such as an output that says \"on\" or "
                + "addresses nobody). \"As asked\" is the share of the outputs with a register that are in the one asked "
                + "(mixed ones count against it).%n%n", command, LocalDate.now(), pair));
        for (TestSet set : sets) {
            md.append(section(set));
        }
        if (conversation != null) {
            md.append(conversations(conversation));
        }
        return md.toString();
    }

    /**
     * The WMT chat set's conversations replayed in order: each English → French turn translated with formality auto
     * alone, and with the register the conversation's French turns showed so far (as the processor does,
     * {@link ConversationMemory#learnRegister}); a conversation is consistent when no output mixes tu and vous and its
     * outputs do not use both.
     */
    private String conversations(List<WmtChat.Turn> turns) {
        ConversationMemory memory = new ConversationMemory(1);
        Map<String, ConversationState> states = new HashMap<>();
        List<WmtChat.Turn> english = new ArrayList<>();
        List<DecodingOptions> remembered = new ArrayList<>();
        for (WmtChat.Turn t : turns) {
            ConversationState state = states.computeIfAbsent(t.conversation(), c -> ConversationMemory.fresh(0));
            memory.learnRegister(state, t.pair().source(), t.text());
            if (t.pair().equals(pair)) {
                english.add(t);
                remembered.add(options.withFormality(ConversationMemory.register(state.getRegister())));
            }
        }
        List<String> sources = english.stream().map(WmtChat.Turn::text).toList();
        List<List<String>> refs = english.stream().map(t -> List.of(t.reference())).toList();
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## WMT 2024 chat dev set, its conversations: %d "
                + "conversations, %d %s turns%n%n| formality | consistent conversations | outputs formal | informal | mixed | "
                + "BLEU | chrF2 |%n|---|---:|---:|---:|---:|---:|---:|%n", english.stream().map(WmtChat.Turn::conversation)
                .distinct().count(), english.size(), pair));
        for (boolean remember : new boolean[] {false, true}) {
            List<String> outputs = translate(sources, remember ? remembered : Collections.nCopies(sources.size(),
                    options.withFormality(Formality.AUTO)));
            Map<String, Set<FrenchRegister>> seen = new LinkedHashMap<>();
            for (int i = 0; i < outputs.size(); i++) {
                seen.computeIfAbsent(english.get(i).conversation(), c -> EnumSet.noneOf(FrenchRegister.class))
                        .add(FrenchRegister.of(outputs.get(i)));
            }
            long consistent = seen.values().stream().filter(r -> !r.contains(FrenchRegister.MIXED)
                    && !(r.contains(FrenchRegister.FORMAL) && r.contains(FrenchRegister.INFORMAL))).count();
            Map<FrenchRegister, Integer> t = tally(outputs);
            md.append(String.format(Locale.ROOT, "| %s | %d of %d | %d | %d | %d | %.2f | %.2f |%n",
                    remember ? "auto, the conversation's register" : "auto, each message alone", consistent, seen.size(),
                    t.get(FrenchRegister.FORMAL), t.get(FrenchRegister.INFORMAL), t.get(FrenchRegister.MIXED),
                    Bleu.corpus(outputs, refs), Chrf.corpus(outputs, refs)));
        }
        return md.append('\n').toString();
    }

    private String section(TestSet set) {
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "## %s: %d sentences%n%n", set.name(), set.sources().size()));
        Map<FrenchRegister, Integer> refs = tally(set.references().stream().map(r -> r.get(0)).toList());
        md.append(String.format(Locale.ROOT, "First references: %d formal, %d informal, %d mixed, %d none.%n%n",
                refs.get(FrenchRegister.FORMAL), refs.get(FrenchRegister.INFORMAL), refs.get(FrenchRegister.MIXED),
                refs.get(FrenchRegister.NONE)));
        md.append("| formality | formal | informal | mixed | none | as asked | BLEU | chrF2 |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Formality asked : Formality.values()) {
            List<String> outputs = translate(set.sources(), options.withFormality(asked));
            Map<FrenchRegister, Integer> t = tally(outputs);
            int addressed = t.get(FrenchRegister.FORMAL) + t.get(FrenchRegister.INFORMAL) + t.get(FrenchRegister.MIXED);
            String asAsked = asked == Formality.AUTO ? "" : String.format(Locale.ROOT, "%.1f %%", 100.0
                    * t.get(asked == Formality.FORMAL ? FrenchRegister.FORMAL : FrenchRegister.INFORMAL) / Math.max(1, addressed));
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %.2f | %.2f |%n", asked,
                    t.get(FrenchRegister.FORMAL), t.get(FrenchRegister.INFORMAL), t.get(FrenchRegister.MIXED),
                    t.get(FrenchRegister.NONE), asAsked, Bleu.corpus(outputs, set.references()),
                    Chrf.corpus(outputs, set.references())));
        }
        return md.append('\n').toString();
    }

    private static Map<FrenchRegister, Integer> tally(List<String> texts) {
        Map<FrenchRegister, Integer> counts = new EnumMap<>(FrenchRegister.class);
        for (FrenchRegister r : FrenchRegister.values()) {
            counts.put(r, 0);
        }
        texts.forEach(t -> counts.merge(FrenchRegister.of(t), 1, Integer::sum));
        return counts;
    }

    private List<String> translate(List<String> sources, DecodingOptions asked) {
        return translate(sources, Collections.nCopies(sources.size(), asked));
    }

    private List<String> translate(List<String> sources, List<DecodingOptions> asked) {
        List<RoutedRequest> requests = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            requests.add(routing.route(pair.source(), null, pair.target(), sources.get(i), asked.get(i), Set.of(), TenantPolicy.NONE));
        }
        return routing.translate(requests).stream().map(o -> o instanceof Translation t ? t.text() : "").toList();
    }
}
