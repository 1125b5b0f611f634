"""Step 2 of the pipeline: word alignments of the training pairs, the teacher of the model's
attention (guided alignment, issue 10).

A statistical aligner in the manner of fast_align (Dyer et al. 2013): IBM Model 2 with a
diagonal-favouring distortion prior and a null word, trained by EM in both directions and
symmetrised with grow-diag-final-and (Koehn et al. 2005). Written here rather than taken from
NLTK because NLTK's IBM models run pure-Python loops that need hours on this corpus; this
one is vectorised with NumPy and aligns the corpus in minutes on two cores.

Words are whitespace words, the units the model's tokenizer marks with "▁", so a word link maps
onto the model's pieces without a second tokenisation. For the lexicon a word is lower-cased and
stripped of surrounding punctuation.

Output: one line per line of train.tsv, Pharaoh "i-j" links (source word first, 0-based).

    /usr/bin/python3 training/wordalign.py --data training/work/data
"""
import argparse
import os
import string

import numpy as np

import data

NULL_PROB = 0.08      # fast_align's default p0
TENSION = 4.0         # fast_align's default diagonal tension
ITERATIONS = 5
_PUNCT = string.punctuation + "«»¿¡…“”„"


def lexical_key(word):
    key = word.lower().strip(_PUNCT)
    return key or word


class Corpus:
    """Every (sentence, target position j, source position i) triple, flattened for NumPy."""

    def __init__(self, sources, targets):
        vocab_s, vocab_t = {"<null>": 0}, {}
        columns = {name: [] for name in ("sentence", "j", "i", "f", "e", "m", "n")}
        for k, (src, tgt) in enumerate(zip(sources, targets)):
            f_ids = np.array([0] + [vocab_s.setdefault(lexical_key(w), len(vocab_s)) for w in src])
            e_ids = np.array([vocab_t.setdefault(lexical_key(w), len(vocab_t)) for w in tgt])
            m, n = len(f_ids), len(e_ids)  # m counts the null word (i = 0)
            columns["sentence"].append(np.full(m * n, k))
            columns["j"].append(np.repeat(np.arange(n), m))
            columns["i"].append(np.tile(np.arange(m), n))
            columns["f"].append(np.tile(f_ids, n))
            columns["e"].append(np.repeat(e_ids, m))
            columns["m"].append(np.full(m * n, m - 1))
            columns["n"].append(np.full(m * n, n))
        sent, js, is_, fs, es, m, n = (np.concatenate(columns[c]) for c in columns)
        self.sentence, self.j, self.i = sent, js, is_
        # One probability per distinct (source word, target word) pair: the translation table.
        uniq, self.pair = np.unique(fs * len(vocab_t) + es, return_inverse=True)
        self.pair_source = uniq // len(vocab_t)
        m, n = m.astype(np.float64), n.astype(np.float64)
        # Each (sentence, j) is a group of consecutive rows: the candidates for one target word.
        starts = np.flatnonzero(np.r_[True, (np.diff(self.sentence) != 0) | (np.diff(self.j) != 0)])
        self.group_starts = starts
        self.group = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(self.j)]))
        self.prior = self._distortion(m, n)

    def _distortion(self, m, n):
        real = self.i > 0
        closeness = np.where(real, np.exp(-TENSION * np.abs((self.i - 1 + 0.5) / np.maximum(m, 1)
                                                            - (self.j + 0.5) / n)), 0.0)
        per_group = np.add.reduceat(closeness, self.group_starts)[self.group]
        return np.where(real, (1 - NULL_PROB) * closeness / per_group, NULL_PROB)

    def train(self):
        table = np.ones(len(self.pair_source))
        for _ in range(ITERATIONS):
            posterior = self._posterior(table)
            counts = np.bincount(self.pair, weights=posterior, minlength=len(table))
            totals = np.bincount(self.pair_source, weights=counts)
            table = counts / totals[self.pair_source]
        return table

    def _posterior(self, table):
        score = table[self.pair] * self.prior
        return score / np.add.reduceat(score, self.group_starts)[self.group]

    def viterbi(self, table):
        """For each sentence, {j: i} with i the best source word of target word j (null left out)."""
        score = table[self.pair] * self.prior
        best = {}
        order = np.lexsort((-score, self.group))
        first = order[np.r_[True, np.diff(self.group[order]) != 0]]
        for row in first:
            if self.i[row] > 0:
                best.setdefault(int(self.sentence[row]), {})[int(self.j[row])] = int(self.i[row]) - 1
        return best


def grow_diag_final_and(forward, backward, m, n):
    """forward: {j: i} (target word -> source word), backward: {i: j}; returns sorted (i, j) links."""
    f2e = {(i, j) for j, i in forward.items()}
    e2f = {(i, j) for i, j in backward.items()}
    links = f2e & e2f
    union = f2e | e2f
    neighbours = [(-1, 0), (0, -1), (1, 0), (0, 1), (-1, -1), (-1, 1), (1, -1), (1, 1)]

    def aligned_source(i):
        return any(a == i for a, _ in links)

    def aligned_target(j):
        return any(b == j for _, b in links)

    grown = True
    while grown:
        grown = False
        for i, j in sorted(links):
            for di, dj in neighbours:
                cand = (i + di, j + dj)
                if (cand in union and cand not in links and 0 <= cand[0] < m and 0 <= cand[1] < n
                        and (not aligned_source(cand[0]) or not aligned_target(cand[1]))):
                    links.add(cand)
                    grown = True
    for candidates in (f2e, e2f):
        for i, j in sorted(candidates):
            if not aligned_source(i) and not aligned_target(j):
                links.add((i, j))
    return sorted(links)


def align(pairs):
    """pairs: (source, target) strings -> one sorted list of (source word, target word) links each."""
    sources = [s.split() for s, _ in pairs]
    targets = [t.split() for _, t in pairs]
    forward_corpus = Corpus(sources, targets)
    forward = forward_corpus.viterbi(forward_corpus.train())
    backward_corpus = Corpus(targets, sources)
    backward = backward_corpus.viterbi(backward_corpus.train())
    return [grow_diag_final_and(forward.get(k, {}), backward.get(k, {}), len(s), len(t))
            for k, (s, t) in enumerate(zip(sources, targets))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="prepared data directory (train.tsv)")
    ap.add_argument("--out", help="default: DATA/train.align")
    args = ap.parse_args()
    out = args.out or os.path.join(args.data, "train.align")
    links = align(data.read_train(args.data))
    tmp = out + ".tmp"
    with open(tmp, "w") as f:
        for row in links:
            f.write(" ".join(f"{i}-{j}" for i, j in row) + "\n")
    os.replace(tmp, out)
    print(f"{len(links)} pairs aligned, {sum(map(len, links))} links -> {out}")


if __name__ == "__main__":
    main()
