package io.kafkatranslator.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** model.json: the contract between an exported model and the engine (training/README.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(
        String format,
        String name,
        String version,
        @JsonProperty("source_language") String sourceLanguage,
        @JsonProperty("target_language") String targetLanguage,
        Architecture architecture,
        @JsonProperty("special_ids") SpecialIds specialIds,
        @JsonProperty("source_appends_eos") boolean sourceAppendsEos,
        @JsonProperty("max_source_tokens") int maxSourceTokens,
        Map<String, String> tokenizers,
        Map<String, String> lexicons,
        Aligner aligner,
        @JsonProperty("register_marks") Map<String, Integer> registerMarks,
        Map<String, Double> scores,
        Map<String, String> files) {

    public static final String FILE_NAME = "model.json";
    public static final String FORMAT = "kafka-translator-model/1";

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Architecture(
            String attention,
            @JsonProperty("embedding_size") int embeddingSize,
            @JsonProperty("encoder_state_size") int encoderStateSize,
            @JsonProperty("decoder_hidden_size") int decoderHiddenSize,
            @JsonProperty("attention_hidden_size") int attentionHiddenSize,
            @JsonProperty("source_vocab_size") int sourceVocabSize,
            @JsonProperty("target_vocab_size") int targetVocabSize) {
    }

    public record SpecialIds(int pad, int unk, int bos, int eos) {
    }

    /** The optional alignment layer (training/aligner.py): its graph's file name. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Aligner(String graph) {
    }

    public static ModelManifest read(Path file) throws IOException {
        ModelManifest manifest = new ObjectMapper().readValue(file.toFile(), ModelManifest.class);
        if (!FORMAT.equals(manifest.format())) {
            throw new ModelLoadException("Unsupported model format '" + manifest.format() + "' in " + file
                    + " (expected " + FORMAT + ")");
        }
        return manifest;
    }

    public String languagePair() {
        return sourceLanguage + "-" + targetLanguage;
    }

    public String sourceTokenizer() {
        return tokenizers.get("source");
    }

    public String targetTokenizer() {
        return tokenizers.get("target");
    }

    /** The alignment layer's graph (training/aligner.py), or null for a model without one. */
    public String alignerGraph() {
        return aligner == null ? null : aligner.graph();
    }

    /**
     * The id a source sentence ends with: EOS, or the mark of the register asked where the model has one
     * (training/register.py); a model without marks, or AUTO, ends it with EOS.
     */
    public int sourceEnd(io.kafkatranslator.decode.Formality formality) {
        if (registerMarks == null || formality == io.kafkatranslator.decode.Formality.AUTO) {
            return specialIds.eos();
        }
        Integer mark = registerMarks.get(formality.toString());
        return mark == null ? specialIds.eos() : mark;
    }

    /** Whether asking for a register changes this model's translations. */
    public boolean followsFormality() {
        return registerMarks != null && !registerMarks.isEmpty();
    }

    /** The source lexicon's file (training/lexicon.py), or null for a model exported without one. */
    public String sourceLexicon() {
        return lexicons == null ? null : lexicons.get("source");
    }

    /** The phrasebook's file (training/phrasebook.py), or null for a model exported without one. */
    public String phrasebook() {
        return lexicons == null ? null : lexicons.get("phrasebook");
    }
}
