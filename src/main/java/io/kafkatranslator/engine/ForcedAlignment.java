package io.kafkatranslator.engine;

import java.util.List;

/** Where the model attends while producing a given translation: weights[i][j], target word i over source word j. */
public record ForcedAlignment(List<String> sourceWords, List<String> targetWords, float[][] weights) {
}
