package io.kafkatranslator.segment;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.twitter.twittertext.Extractor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the spans of a chat message that must come out of translation verbatim. URLs, @mentions
 * and #hashtags are found by twitter-text (as chat platforms delimit them), emoji by ICU's emoji
 * properties over grapheme clusters (so ZWJ sequences, flags, skin tones and keycaps stay whole).
 * Only what no maintained library covers is matched by a pattern here: e-mail addresses (twitter-text
 * leaves them out), mentions as chat platforms write them (Twitter's user names have no dots or
 * hyphens, so twitter-text cuts "@jean.dupont" after "@jean"; Slack, Discord, Mattermost, GitHub and
 * Teams allow them inside a name, and Slack and Discord put their own forms, "<@U024BE7LH>",
 * "<#C123|general>", "<@!123>", in the text), `code spans` and HTML or XML tags, emoticons, speaker labels ("AGENT:"), tokens with digits (with a currency or percent sign
 * beside them), and tokens with an @ or a # that twitter-text found malformed. Last come the marks
 * the model cannot carry from source to target (markdown's ** and >, typographic quotes): those are
 * spans so that the model never sees them. Earlier kinds win overlaps.
 * Not thread-safe (twitter-text's extractor, ICU's break iterators and the cache keep state): one per thread.
 */
public final class SpanDetector {
    private static final Pattern CODE = Pattern.compile("`[^`\\n]+`");
    /** An HTML or XML tag, attributes and all ("<br>", "</div>", "<img src=x>"); "<3" and "a < b" are none. */
    private static final Pattern TAG = Pattern.compile("</?[A-Za-z][A-Za-z0-9:-]*(?:\\s[^<>\\n]*)?/?>");
    /** At a line's start (spaces allowed before it); "HTTP://" is no label. */
    private static final Pattern LABEL = Pattern.compile("(?m)(?<=^[ \\t]{0,8})\\p{Lu}[\\p{Lu}\\p{N}_-]*[\\p{Lu}\\p{N}]:(?!//)");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");
    /** A user name with dots, hyphens and underscores inside; a dot or hyphen at its end is the sentence's ("@bob@alice" is none). */
    private static final Pattern CHAT_MENTION = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.@])@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])?(?![\\p{L}\\p{N}_@])");
    /** Slack's user, channel and group forms (<@U024BE7LH>, <#C123|general>, <!here>, <!subteam^S123|@team>) and Discord's (<@123>, <@!123>, <@&123>, <#123>). */
    private static final Pattern WIRE_MENTION = Pattern.compile(
            "<(?:[@#][!&]?[A-Za-z0-9]+|![a-z]+(?:\\^[A-Za-z0-9]+)?)(?:\\|[^<>\\n]*)?>");
    private static final Pattern EMOTICON = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:[:;=][-']?[)(\\]\\[DPpOo3/|*]+|[xX][D]+|<3+|\\^\\^|\\^_\\^|-_-|[oO]_[oO])(?![\\p{L}\\p{N}])");
    /** Laughter and reactions as chatters write them, letters drawn out or not ("loool", "mdrrr", "hahaha"). */
    private static final Pattern REACTION = Pattern.compile(
            "(?iu)l+o+l+|mdr+|ptdr+|lmf?ao+|rofl|(?:ha){2,}h?|(?:hi){2,}|(?:h[eé]){2,}");
    /** A whitespace-delimited token (see {@link #tokens}). */
    private static final Pattern TOKEN = Pattern.compile("[^\\s\\p{Z}]+");
    private static final String OUTER_PUNCTUATION = "([{\"'«»“”‘’)]}.,;:!?…";
    /** What any URL, mention or hashtag has: a dot or colon before a letter or digit, or a sign. Most sentences have none. */
    private static final Pattern TWITTER_HINT = Pattern.compile("[.:][\\p{L}\\p{N}/]|[@#$＠＃]");

    private final Extractor twitter = new Extractor();
    private final BreakIterator graphemes = BreakIterator.getCharacterInstance();
    private final IntPredicate carried;
    private final Map<Integer, Boolean> carriedCache = new HashMap<>();

    /** carried: whether the model reads and writes a punctuation mark or sign (a code point); the others are SYMBOL spans. */
    public SpanDetector(IntPredicate carried) {
        this.carried = carried;
    }

    public List<ProtectedSpan> find(String text) {
        List<ProtectedSpan> spans = new ArrayList<>();
        if (text.indexOf(':') >= 0) {
            addMatches(spans, LABEL.matcher(text), SpanKind.LABEL);
        }
        // Both patterns backtrack over every word: on a long run of letters with no @ or ` they would cost quadratic time.
        if (text.indexOf('`') >= 0) {
            addMatches(spans, CODE.matcher(text), SpanKind.CODE);
        }
        if (text.indexOf('@') >= 0) {
            addMatches(spans, EMAIL.matcher(text), SpanKind.EMAIL);
        }
        if (text.indexOf('<') >= 0) {
            addMatches(spans, WIRE_MENTION.matcher(text), SpanKind.MENTION);
            addMatches(spans, TAG.matcher(text), SpanKind.CODE);
        }
        if (text.indexOf('@') >= 0) {
            addMatches(spans, CHAT_MENTION.matcher(text), SpanKind.MENTION);
        }
        List<Extractor.Entity> entities = TWITTER_HINT.matcher(text).find() ? twitter.extractEntitiesWithIndices(text) : List.of();
        for (Extractor.Entity e : entities) {
            SpanKind kind = switch (e.getType()) {
                case URL -> SpanKind.URL;
                case MENTION -> SpanKind.MENTION;
                case HASHTAG, CASHTAG -> SpanKind.HASHTAG;
            };
            add(spans, new ProtectedSpan(e.getStart(), e.getEnd(), kind));
        }
        emoji(text, spans);
        addMatches(spans, EMOTICON.matcher(text), SpanKind.EMOTICON);
        tokens(text, spans);
        symbols(text, spans);
        spans.sort(Comparator.comparingInt(ProtectedSpan::start));
        return merge(text, spans);
    }

    private void emoji(String text, List<ProtectedSpan> spans) {
        if (text.codePoints().noneMatch(cp -> cp >= 0xA9 && (isPictographic(cp) || cp == 0x20E3))) {
            return;
        }
        graphemes.setText(text);
        int start = graphemes.first();
        for (int end = graphemes.next(); end != BreakIterator.DONE; start = end, end = graphemes.next()) {
            if (isEmoji(text, start, end)) {
                add(spans, new ProtectedSpan(start, end, SpanKind.EMOJI));
            }
        }
    }

    private static boolean isPictographic(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(cp, UProperty.REGIONAL_INDICATOR);
    }

    private static boolean isEmoji(String text, int start, int end) {
        if (isPictographic(text.codePointAt(start))) {
            return true;
        }
        // Keycaps (1️⃣, #️⃣) start with an ordinary digit or sign: the enclosing keycap mark tells them apart.
        return text.substring(start, end).indexOf('\u20E3') >= 0;
    }

    /**
     * Whitespace-delimited tokens, outer punctuation trimmed: one with a digit is a NUMBER, and so is
     * a currency, percent or per-mille sign on its own (it merges with the amount beside it); one
     * with an @ or starting with # that twitter-text did not take (a malformed "@bob@alice") is kept
     * as a MENTION or HASHTAG all the same, since the model would only garble it; laughter is a REACTION.
     */
    private static void tokens(String text, List<ProtectedSpan> spans) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            while (start < end && OUTER_PUNCTUATION.indexOf(text.charAt(start)) >= 0) {
                start++;
            }
            while (end > start && OUTER_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            String token = text.substring(start, end);
            if (token.chars().anyMatch(Character::isDigit) || (!token.isEmpty() && token.chars().allMatch(SpanDetector::isUnitSign))) {
                add(spans, new ProtectedSpan(start, end, SpanKind.NUMBER));
            } else if (token.indexOf('@') >= 0 && token.length() > 1) {
                add(spans, new ProtectedSpan(start, end, SpanKind.MENTION));
            } else if (token.startsWith("#") && token.length() > 1) {
                add(spans, new ProtectedSpan(start, end, SpanKind.HASHTAG));
            } else if (REACTION.matcher(token).matches()) {
                add(spans, new ProtectedSpan(start, end, SpanKind.REACTION));
            }
        }
    }

    /** Runs of punctuation marks and signs the model does not carry. */
    private void symbols(String text, List<ProtectedSpan> spans) {
        int start = -1;
        for (int i = 0; i <= text.length(); ) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            boolean symbol = isMarkOrSign(cp) && !carriedCache.computeIfAbsent(cp, carried::test);
            if (symbol && start < 0) {
                start = i;
            } else if (!symbol && start >= 0) {
                add(spans, new ProtectedSpan(start, i, SpanKind.SYMBOL));
                start = -1;
            }
            i += Character.charCount(cp);
        }
    }

    private static boolean isMarkOrSign(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    private static boolean isUnitSign(int c) {
        return Character.getType(c) == Character.CURRENCY_SYMBOL || c == '%' || c == '‰';
    }

    private static void addMatches(List<ProtectedSpan> spans, Matcher m, SpanKind kind) {
        while (m.find()) {
            add(spans, new ProtectedSpan(m.start(), m.end(), kind));
        }
    }

    private static void add(List<ProtectedSpan> spans, ProtectedSpan candidate) {
        for (ProtectedSpan s : spans) {
            if (candidate.start() < s.end() && s.start() < candidate.end()) {
                return;
            }
        }
        spans.add(candidate);
    }

    /**
     * Adjacent emoji become one span, and so do numbers separated only by spaces (a phone number
     * written in groups): each is one thing a reader sees, placed once in the translation.
     */
    private static List<ProtectedSpan> merge(String text, List<ProtectedSpan> sorted) {
        List<ProtectedSpan> out = new ArrayList<>();
        for (ProtectedSpan s : sorted) {
            if (!out.isEmpty()) {
                ProtectedSpan last = out.get(out.size() - 1);
                String gap = text.substring(last.end(), s.start());
                boolean joins = last.kind() == s.kind() && ((s.kind() == SpanKind.EMOJI && gap.isEmpty())
                        || (s.kind() == SpanKind.NUMBER && !gap.isEmpty() && gap.indexOf('\n') < 0
                        && gap.chars().allMatch(c -> SentenceSplitter.isSpace((char) c))));
                if (joins) {
                    out.set(out.size() - 1, new ProtectedSpan(last.start(), s.end(), s.kind()));
                    continue;
                }
            }
            out.add(s);
        }
        return out;
    }
}
