package io.kafkatranslator.engine;

import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.message.MessagePreparer;
import io.kafkatranslator.message.WordLists;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Translations people wrote of short sentences: the training corpus's (training/phrasebook.py, shipped with the model)
 * and the project's chat formulas ({@link #chatPhrases}). The model does not give
 * back what it was taught for most short sources ("Super !" → "Go away."; training/README.md, "Short replies"), so a
 * message's sentence that is one of them, and whose search found none of its translations, gets the one the model
 * ranks first ({@link MessageTranslator}). A sentence is looked up as the
 * model is given it, with case, spacing and its final full stop or exclamation mark set aside; a question stays
 * apart from a statement ("Ça va ?" is not "Ça va."). A sentence the phrasebook does not hold whole but whose two or
 * three parts it holds, or that are names the model copies, gets the parts' translations joined the same way: parts
 * cut at commas and around a name at either end ("Oui, bien sûr.", "Joyeux Noël, Alice !", "Bonne nuit Tom !").
 * A translation ends as the sentence does: the corpus pairs "Thanks." with "Merci !" as often as with "Merci.", and
 * a writer's full stop or exclamation mark is theirs to choose. Immutable, thread-safe.
 */
public final class Phrasebook {
    public static final Phrasebook EMPTY = new Phrasebook(Map.of());
    /** Spaces before closing punctuation (French typography) and after an opening guillemet. */
    private static final Pattern INNER_SPACES = Pattern.compile("\\s+(?=[!?.,:;…»])|(?<=«)\\s+");
    private static final Pattern FINAL_MARKS = Pattern.compile("[\\s.!…]+$");
    /** A text's end: the space French puts before its mark, and the mark. */
    private static final Pattern ENDING = Pattern.compile("(\\s*)([.!?…]*)$");
    /** A translation's final full stop or exclamation mark, with the space French puts before the latter. */
    private static final Pattern STATEMENT_END = Pattern.compile("\\s*[.!]$");
    private static final Pattern PARTS = Pattern.compile("\\s*,\\s*");
    private static final int MAX_PARTS = 3;
    /** The most joined translations of a sentence for the model to rank: 8 of each of two parts, 4 of each of three. */
    private static final int MAX_JOINED = 64;

    private final Map<String, List<String>> translations;
    /** Whether the target language puts a space before "!" and "?", as most of the phrasebook's translations do. */
    private final boolean spacedMarks;

    private Phrasebook(Map<String, List<String>> translations) {
        this.translations = translations;
        long marked = translations.values().stream().flatMap(List::stream).filter(t -> t.matches(".*[!?]$")).count();
        long spaced = translations.values().stream().flatMap(List::stream).filter(t -> t.matches(".*\\s[!?]$")).count();
        this.spacedMarks = spaced * 2 > marked;
    }

    /** A model's phrasebook file: source TAB target a line, both normalised as the model's training text. */
    public static Phrasebook read(Path file) {
        try {
            return of(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the phrasebook " + file, e);
        }
    }

    /**
     * The project's chat formulas for a pair: {@code /phrases/A-B.tsv} in the jar, A TAB B a line, read in the
     * direction asked; empty for a pair without a list.
     */
    public static Phrasebook chatPhrases(LanguagePair pair) {
        String forward = "/phrases/" + pair.source() + "-" + pair.target() + ".tsv";
        String backward = "/phrases/" + pair.target() + "-" + pair.source() + ".tsv";
        List<String> lines = WordLists.entries(forward);
        return lines.isEmpty() ? of(WordLists.entries(backward), backward, true) : of(lines, forward, false);
    }

    private static Phrasebook of(List<String> lines, String name, boolean reversed) {
        Map<String, List<String>> translations = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\t", -1);
            if (f.length != 2 || f[0].isBlank() || f[1].isBlank()) {
                throw new IllegalArgumentException("line " + (i + 1) + " of " + name + " is not source TAB target");
            }
            translations.computeIfAbsent(key(f[reversed ? 1 : 0]), k -> new ArrayList<>()).add(f[reversed ? 0 : 1]);
        }
        translations.replaceAll((k, v) -> List.copyOf(v));
        return new Phrasebook(Map.copyOf(translations));
    }

    /** Both phrasebooks' translations, this one's first where both translate a text. */
    public Phrasebook plus(Phrasebook other) {
        Map<String, List<String>> merged = new HashMap<>(translations);
        other.translations.forEach((k, v) -> merged.merge(k, v,
                (mine, theirs) -> Stream.concat(mine.stream(), theirs.stream()).distinct().toList()));
        return new Phrasebook(Map.copyOf(merged));
    }

    /** Whether the phrasebook translates this text whole. */
    public boolean holds(String text) {
        return translations.containsKey(key(text));
    }

    /** The translations of a sentence as the model is given it, or of its parts joined; none when there are none. */
    public List<String> translations(String sentence) {
        List<String> whole = translations.getOrDefault(key(sentence), List.of());
        if (whole.isEmpty()) {
            return joined(sentence);
        }
        Matcher end = ENDING.matcher(sentence.strip());
        end.find();
        String mark = end.group(2).equals(".") ? "." : end.group(2).matches("!+") ? "!" : "";
        return mark.isEmpty() ? whole : whole.stream().map(t -> endingWith(t, mark)).distinct().toList();
    }

    /** A translation with its final full stop or exclamation mark replaced by the one given; a question keeps its own. */
    private String endingWith(String translation, String mark) {
        Matcher end = STATEMENT_END.matcher(translation);
        return end.find() ? translation.substring(0, end.start()) + spaced(mark) : translation;
    }

    private String spaced(String mark) {
        return (spacedMarks && !mark.equals(".") && !mark.equals("…") ? " " : "") + mark;
    }

    /**
     * Every way to join the parts' translations: each part's end mark taken off, the parts after the first in lower
     * case (but "I" and acronyms), the sentence's own end mark last, spaced as the target language spaces it.
     */
    private List<String> joined(String sentence) {
        Matcher end = ENDING.matcher(sentence.strip());
        end.find();
        List<String> parts = new ArrayList<>(List.of(PARTS.split(sentence.strip().substring(0, end.start()))));
        List<String> separators = new ArrayList<>(Collections.nCopies(parts.size() - 1, ", "));
        splitName(parts, separators, 0, true);
        splitName(parts, separators, parts.size() - 1, false);
        if (parts.size() < 2 || parts.size() > MAX_PARTS) {
            return List.of();
        }
        int perPart = (int) Math.floor(Math.pow(MAX_JOINED, 1.0 / parts.size()) + 1e-9);
        List<List<String>> options = new ArrayList<>();
        boolean known = false;
        for (int p = 0; p < parts.size(); p++) {
            String part = parts.get(p);
            // The last part ends as the sentence does: "Salut Tom, ça va ?" asks "Ça va ?".
            List<String> found = translations.getOrDefault(key(p == parts.size() - 1 ? part + end.group(2) : part), List.of());
            if (found.isEmpty() && !MessagePreparer.placeholderName(part)) {
                return List.of();
            }
            known |= !found.isEmpty();
            options.add(found.isEmpty() ? List.of(part) : found.subList(0, Math.min(perPart, found.size())));
        }
        if (!known) {
            return List.of();
        }
        String mark = end.group(2).isEmpty() ? "" : spaced(end.group(2));
        List<String> out = new ArrayList<>(List.of(""));
        for (int p = 0; p < options.size(); p++) {
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String option : options.get(p)) {
                    String part = ENDING.matcher(option).replaceFirst("");
                    next.add(p == 0 ? part : prefix + separators.get(p - 1) + continuing(part));
                }
            }
            out = next;
        }
        return out.stream().map(s -> s + mark).toList();
    }

    /**
     * A name the model copies at the start or the end of a part, without a comma ("Bonne nuit Tom"), is a part of its
     * own, joined back with a space.
     */
    private static void splitName(List<String> parts, List<String> separators, int index, boolean atStart) {
        String part = parts.get(index);
        int space = atStart ? part.indexOf(' ') : part.lastIndexOf(' ');
        if (space < 0) {
            return;
        }
        String name = atStart ? part.substring(0, space) : part.substring(space + 1);
        if (MessagePreparer.placeholderName(name)) {
            String rest = atStart ? part.substring(space + 1) : part.substring(0, space);
            parts.set(index, atStart ? name : rest);
            parts.add(index + 1, atStart ? rest : name);
            separators.add(index, " ");
        }
    }

    /** A translation that goes on a sentence: its first letter in lower case, unless it is "I", an acronym or a name. */
    private static String continuing(String part) {
        String first = part.split("[\\s']", 2)[0];
        if (part.isEmpty() || first.equals("I") || first.length() > 1 && Character.isUpperCase(first.charAt(1))
                || MessagePreparer.placeholderName(part)) {
            return part;
        }
        return part.substring(0, 1).toLowerCase(Locale.ROOT) + part.substring(1);
    }

    /** Lower case, no space before punctuation, no final full stop, exclamation mark or ellipsis. */
    static String key(String sentence) {
        String s = INNER_SPACES.matcher(sentence.strip().toLowerCase(Locale.ROOT)).replaceAll("");
        return FINAL_MARKS.matcher(s).replaceAll("");
    }
}
