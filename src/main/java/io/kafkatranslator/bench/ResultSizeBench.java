package io.kafkatranslator.bench;

import io.kafkatranslator.config.OutputFormat;
import io.kafkatranslator.config.TranslatorConfig;
import io.kafkatranslator.engine.MessageTranslator;
import io.kafkatranslator.engine.Translation;
import io.kafkatranslator.engine.TranslationEngine;
import io.kafkatranslator.engine.TranslationOutcome;
import io.kafkatranslator.language.LanguagePair;
import io.kafkatranslator.schema.Segment;
import io.kafkatranslator.schema.TranslationResult;
import io.kafkatranslator.topology.OutputCodec;
import io.kafkatranslator.topology.TranslationResults;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How large a result record is against the length of its message: messages of 100 to 10,000
 * characters made of the given sentences, translated by the French → English model, serialised as
 * the processor writes them (Avro and JSON), beside the layout before schema v4, whose message-level
 * matrices (float per weight, every target token against every source token) grew with the square.
 */
public final class ResultSizeBench {
    private static final int[] LENGTHS = {100, 300, 1_000, 3_000, 10_000};
    private final TranslatorConfig config;
    private final Path src;
    private final Path out;

    public ResultSizeBench(TranslatorConfig config, Path src, Path out) {
        this.config = config;
        this.src = src;
        this.out = out;
    }

    public int run() throws Exception {
        List<String> sentences = Report.sentences(src).stream().filter(s -> !s.isBlank()).toList();
        OutputCodec<TranslationResult> codec = new OutputCodec<>(TranslationResult.getClassSchema());
        StringBuilder sb = new StringBuilder("# Result size against message length\n\n");
        sb.append(String.format(Locale.ROOT, "Messages made of the sentences of `%s`, joined by spaces up to each length, translated "
                + "by the French → English model (beam %d) and serialised as the processor writes them; \"before v4\" is the same "
                + "result with the message-level matrices of schema v3 instead of each segment's blocks. Measured %s with:%n%n"
                + "    java -jar target/kafka-translator.jar bench --suite sizes --src %s --out %s%n%n",
                src, config.decoding().beamSize(), LocalDate.now(), src, out));
        sb.append("| characters | segments | source tokens | Avro bytes | JSON bytes | Avro bytes per character | before v4: Avro bytes | before v4: JSON bytes |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        try (TranslationEngine engine = TranslationEngine.load(config, new LanguagePair("fr", "en"));
             MessageTranslator translator = engine.newTranslator()) {
            for (int length : LENGTHS) {
                String message = message(sentences, length);
                TranslationOutcome outcome = translator.translate(List.of(message), config.decoding()).get(0);
                if (!(outcome instanceof Translation t)) {
                    throw new IllegalStateException("a message of " + length + " characters was not translated: " + outcome);
                }
                TranslationResult result = TranslationResults.of(t).setRequestId("r").setConversationId("c").setSourceText(message).build();
                TranslationResult before = messageLevel(result, t);
                int avro = codec.serializer(OutputFormat.AVRO).serialize("t", result).length;
                int json = codec.serializer(OutputFormat.JSON).serialize("t", result).length;
                sb.append(String.format(Locale.ROOT, "| %,d | %d | %,d | %,d | %,d | %.1f | %,d | %,d |%n", message.length(),
                        t.segments().size(), t.sourcePieces().size(), avro, json, (double) avro / message.length(),
                        codec.serializer(OutputFormat.AVRO).serialize("t", before).length,
                        codec.serializer(OutputFormat.JSON).serialize("t", before).length));
            }
        }
        Report.publish(sb.toString(), out);
        return 0;
    }

    /** Whole sentences up to the length, the last one cut to it. */
    private static String message(List<String> sentences, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < length; i++) {
            sb.append(sb.isEmpty() ? "" : " ").append(sentences.get(i % sentences.size()));
        }
        return sb.substring(0, length).strip();
    }

    /** The v3 layout: both matrices over the whole message, segments without blocks. */
    private static TranslationResult messageLevel(TranslationResult r, Translation t) {
        List<Segment> bare = r.getSegments().stream().map(s -> Segment.newBuilder(s).setAlignment(ByteBuffer.allocate(0))
                .setWordAlignment(ByteBuffer.allocate(0)).build()).toList();
        return TranslationResult.newBuilder(r).setSegments(bare).setAlignment(lists(t.alignment()))
                .setWordAlignment(lists(t.wordAlignment())).build();
    }

    private static List<List<Float>> lists(float[][] m) {
        List<List<Float>> rows = new ArrayList<>(m.length);
        for (float[] row : m) {
            List<Float> r = new ArrayList<>(row.length);
            for (float v : row) {
                r.add(v);
            }
            rows.add(r);
        }
        return rows;
    }
}
