package io.kafkatranslator.topology;

import io.kafkatranslator.schema.Segment;
import io.kafkatranslator.schema.TranslationResult;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Serialises a result once, within processor.result.max.bytes, before it is produced: a record the
 * producer refuses (max.request.size) would abort the transaction of every result in its batch, so
 * a result over the budget loses its alignments (flagged alignment_dropped), never its text.
 */
final class ResultBudget {
    private static final ByteBuffer NONE = ByteBuffer.allocate(0);
    private final Serializer<TranslationResult> serializer;
    private final String topic;
    private final int maxBytes;

    ResultBudget(Serializer<TranslationResult> serializer, String topic, int maxBytes) {
        this.serializer = serializer;
        this.topic = topic;
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    /** The result's bytes, with its alignments or without them; null when even the translation alone is over the budget. */
    byte[] fit(TranslationResult result) {
        byte[] bytes = serializer.serialize(topic, result);
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        byte[] thin = serializer.serialize(topic, withoutAlignments(result));
        return thin.length <= maxBytes ? thin : null;
    }

    static TranslationResult withoutAlignments(TranslationResult r) {
        List<Segment> segments = r.getSegments().stream().map(s -> Segment.newBuilder(s)
                .setSourceTokenStart(0).setSourceTokenEnd(0).setTargetTokenStart(0).setTargetTokenEnd(0).setAlignment(NONE)
                .setSourceWordStart(0).setSourceWordEnd(0).setTargetWordStart(0).setTargetWordEnd(0).setWordAlignment(NONE)
                .build()).toList();
        return TranslationResult.newBuilder(r).setSourceTokens(List.of()).setTargetTokens(List.of())
                .setSourceWords(List.of()).setTargetWords(List.of()).setSegments(segments).setAlignmentDropped(true).build();
    }
}
