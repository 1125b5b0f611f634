package io.kafkatranslator.message;

import java.util.List;

/**
 * A message validated, cut into units (sentences, or chunks of a sentence too long for the model)
 * and tokenised, once. sourceTokens counts the pieces the model will read, for token budgets.
 */
public record PreparedMessage(String text, List<Unit> units, int sourceTokens) implements Preparation {
}
