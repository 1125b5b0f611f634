package io.kafkatranslator.decode;

/**
 * Source sentences as the encoder takes them: SentencePiece ids followed by their end (EOS, or the mark of a
 * register: {@link Formality}), padded into one [batch, longest] array. pieces[b] counts sentence b's pieces
 * without the end (it sets the output cap).
 */
public record SourceBatch(long[] ids, long[] lengths, int[] pieces, int longest) {

    public static SourceBatch of(int[][] sentences, int endId, int padId) {
        int longest = 0;
        for (int[] s : sentences) {
            longest = Math.max(longest, s.length + 1);
        }
        long[] ids = new long[sentences.length * longest];
        long[] lengths = new long[sentences.length];
        int[] pieces = new int[sentences.length];
        java.util.Arrays.fill(ids, padId);
        for (int b = 0; b < sentences.length; b++) {
            int[] s = sentences[b];
            for (int i = 0; i < s.length; i++) {
                ids[b * longest + i] = s[i];
            }
            ids[b * longest + s.length] = endId;
            lengths[b] = s.length + 1;
            pieces[b] = s.length;
        }
        return new SourceBatch(ids, lengths, pieces, longest);
    }

    public int size() {
        return lengths.length;
    }
}
