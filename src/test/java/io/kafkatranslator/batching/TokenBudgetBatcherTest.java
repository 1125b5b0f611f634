package io.kafkatranslator.batching;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBudgetBatcherTest {

    @Test
    void everySentenceLandsInExactlyOneBatchWithinTheBudget() {
        int[] lengths = {5, 40, 7, 12, 3, 40, 9, 25, 6, 11};
        List<int[]> batches = new TokenBudgetBatcher(60, 4).batches(lengths);
        int[] seen = batches.stream().flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, seen);
        for (int[] batch : batches) {
            int longest = Arrays.stream(batch).map(i -> lengths[i]).max().orElseThrow();
            assertTrue(batch.length <= 4);
            assertTrue(batch.length == 1 || longest * batch.length <= 60, Arrays.toString(batch));
        }
        // Sorted by length, so that short sentences are not padded to long ones.
        assertArrayEquals(new int[] {4, 0, 8, 2}, batches.get(0));
    }
}
