package io.kafkatranslator.evaluation;

import io.kafkatranslator.conversation.ConversationMemory;
import io.kafkatranslator.language.LanguageRouter;
import io.kafkatranslator.schema.ConversationState;

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

/**
 * Whether each turn of real conversations goes the right way when its language is left to the
 * processor (docs/conversations.md): translated from its own language, or returned as written when
 * it is already in its reader's; with each message detected alone, and with the conversation's
 * memory of each sender's language ({@link ConversationMemory}, the processor's rule) for several
 * switch thresholds. The WMT 2024 chat dev set's conversations as recorded (the customer writes
 * French, the agent English), and the same with each participant switching language halfway: their
 * later turns replaced by the references, which their reader then needs as written. Routing only: no
 * model runs.
 */
public final class ConversationReport {
    private static final int[] SWITCH_AFTER = {1, 2, 3};
    /** A turn of this many words or fewer is short: where detection fails most. */
    private static final int SHORT = 3;

    private record Turn(String conversation, String sender, String language, String reader, String text) {
        boolean isShort() {
            return text.strip().split("\\s+").length <= SHORT;
        }
    }

    /** How the turns went: right, returned as written for want of a language, or wrong (the wrong way or left untranslated). */
    private record Count(int right, int undetected, int wrong, int shortRight, int shortTurns) {
    }

    private static final double[] SENDER_MARGINS = {0, 0.1, 0.2, 0.3};
    private final java.util.function.DoubleFunction<LanguageRouter> routers;
    private final double senderMargin;

    /** routers: the router with a given sender margin; senderMargin: the configured one. */
    public ConversationReport(java.util.function.DoubleFunction<LanguageRouter> routers, double senderMargin) {
        this.routers = routers;
        this.senderMargin = senderMargin;
    }

    public String build(String command, Path wmt) throws IOException {
        List<Turn> recorded = read(wmt, false);
        List<Turn> switching = read(wmt, true);
        StringBuilder md = new StringBuilder("# Conversations: does each turn go the right way?\n\n");
        md.append(String.format(Locale.ROOT, "%s. Reproduce with:%n%n    %s%n%n", LocalDate.now(), command));
        md.append(String.format(Locale.ROOT, "The WMT 2024 chat dev set (evaluation only): %d turns in %d conversations, "
                + "replayed in order with `source_language` null (detected) and each turn's `sender`. Right: translated from "
                + "the turn's own language, or returned as written when it is already in its reader's (`SAME_LANGUAGE`). "
                + "Undetected: returned as written with `LANGUAGE_NOT_DETECTED` although its reader needs it translated. "
                + "Wrong: translated from the wrong language, or returned as written in a language its reader does not read. "
                + "Short: turns of %d words or fewer. Switching: the same conversations with each participant writing "
                + "their reader's language from halfway (their later turns replaced by the references), so that those "
                + "turns need no translation. Routing only, no model.%n%n", recorded.size(),
                recorded.stream().map(Turn::conversation).distinct().count(), SHORT));
        md.append("| conversations | routing | right | undetected | wrong | short turns right |\n|---|---|---|---|---|---|\n");
        for (List<Turn> turns : List.of(recorded, switching)) {
            String name = turns == recorded ? "as recorded" : "switching halfway";
            row(md, name, "each message alone", replay(turns, 0, 0));
            for (int after : SWITCH_AFTER) {
                for (double margin : SENDER_MARGINS) {
                    row(md, name, String.format(Locale.ROOT, "sender's language: switched after %d in a row, detection wins "
                            + "from a lead of %.2f%s", after, margin, after == 2 && margin == senderMargin ? " (the default)" : ""),
                            replay(turns, after, margin));
                }
            }
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String conversations, String routing, Count c) {
        int total = c.right + c.undetected + c.wrong;
        md.append(String.format(Locale.ROOT, "| %s | %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% (%d of %d) |%n", conversations,
                routing, 100.0 * c.right / total, 100.0 * c.undetected / total, 100.0 * c.wrong / total,
                100.0 * c.shortRight / c.shortTurns, c.shortRight, c.shortTurns));
    }

    /** switchAfter: 0 routes each message alone; otherwise the conversations' memory with that threshold. */
    private Count replay(List<Turn> turns, int switchAfter, double margin) {
        LanguageRouter router = routers.apply(margin);
        ConversationMemory memory = switchAfter == 0 ? null : new ConversationMemory(switchAfter);
        Map<String, ConversationState> states = new LinkedHashMap<>();
        int right = 0;
        int undetected = 0;
        int shortRight = 0;
        int shortTurns = 0;
        for (Turn turn : turns) {
            ConversationState state = states.computeIfAbsent(turn.conversation, c -> ConversationMemory.fresh(0));
            String usual = memory == null ? null : memory.usualLanguage(state, turn.sender);
            LanguageRouter.Route route = router.route(null, usual, turn.reader, turn.text);
            if (memory != null) {
                memory.learn(state, turn.sender, ConversationMemory.shownLanguage(null, route.detection()));
            }
            boolean ok = turn.language.equals(turn.reader) ? route instanceof LanguageRouter.SameLanguage
                    : route instanceof LanguageRouter.ToModel m && m.pair().source().equals(turn.language);
            right += ok ? 1 : 0;
            undetected += route instanceof LanguageRouter.Undetected && !turn.language.equals(turn.reader) ? 1 : 0;
            if (turn.isShort()) {
                shortTurns++;
                shortRight += ok ? 1 : 0;
            }
        }
        return new Count(right, undetected, turns.size() - right - undetected, shortRight, shortTurns);
    }

    /** switching: each sender's turns after the first half of theirs in a conversation are the references. */
    private static List<Turn> read(Path wmt, boolean switching) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(wmt, StandardCharsets.UTF_8)) {
            String[] c = line.split("\t", -1);
            if (c.length >= 6 && !c[0].equals("source_language")) {
                rows.add(c);
            }
        }
        Map<String, Integer> turnsOf = new LinkedHashMap<>();
        rows.forEach(c -> turnsOf.merge(c[2] + "\t" + c[3], 1, Integer::sum));
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<Turn> turns = new ArrayList<>();
        for (String[] c : rows) {
            String sender = c[2] + "\t" + c[3];
            int index = seen.merge(sender, 1, Integer::sum);
            boolean later = switching && index > turnsOf.get(sender) / 2;
            turns.add(later ? new Turn(c[2], c[3], c[1], c[1], c[5]) : new Turn(c[2], c[3], c[0], c[1], c[4]));
        }
        return turns;
    }
}
