package io.kafkatranslator.batching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts sentences into batches by a budget of padded tokens, as CTranslate2 and Marian do: sorted by
 * length, a batch grows while (its longest sentence) x (its size) stays within maxTokens and it
 * holds at most maxSentences, so that padding stays small. Batches hold indices into the input.
 */
public final class TokenBudgetBatcher {
    private final int maxTokens;
    private final int maxSentences;

    public TokenBudgetBatcher(int maxTokens, int maxSentences) {
        if (maxTokens < 1 || maxSentences < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
        this.maxTokens = maxTokens;
        this.maxSentences = maxSentences;
    }

    public List<int[]> batches(int[] lengths) {
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> lengths[i]).thenComparingInt(i -> i));
        List<int[]> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int longest = 0;
        for (int index : order) {
            int widest = Math.max(longest, lengths[index]);
            if (!current.isEmpty() && (current.size() >= maxSentences || widest * (current.size() + 1) > maxTokens)) {
                batches.add(current.stream().mapToInt(Integer::intValue).toArray());
                current.clear();
                widest = lengths[index];
            }
            current.add(index);
            longest = widest;
        }
        if (!current.isEmpty()) {
            batches.add(current.stream().mapToInt(Integer::intValue).toArray());
        }
        return batches;
    }
}
