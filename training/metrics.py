"""Corpus BLEU and chrF2 computed exactly as sacreBLEU 2.x does by default.

BLEU: 13a tokenisation, mixed case, exponential smoothing, n-grams up to 4, for each
segment the clipping counts are the maximum over its references and the reference
length is the closest one (the shorter on ties). chrF2: character n-grams up to 6,
whitespace removed, beta 2, for each segment the statistics of its best-scoring reference.
The Java `evaluate` command implements the same definitions; both are pinned by tests.
"""
import math
import re
from collections import Counter

_13A_RULES = [
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),
]


def tokenize_13a(line):
    line = line.rstrip()
    line = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
    line = (line.replace("&quot;", '"').replace("&amp;", "&")
            .replace("&lt;", "<").replace("&gt;", ">"))
    line = f" {line} "
    for pattern, repl in _13A_RULES:
        line = pattern.sub(repl, line)
    return line.split()


def _ngrams(tokens, max_order):
    return Counter(tuple(tokens[i:i + n]) for n in range(1, max_order + 1)
                   for i in range(len(tokens) - n + 1))


def bleu_stats(hypothesis, references, max_order=4):
    hyp = tokenize_13a(hypothesis)
    ref_max = Counter()
    ref_lens = []
    for ref in references:
        tokens = tokenize_13a(ref)
        ref_lens.append(len(tokens))
        for gram, count in _ngrams(tokens, max_order).items():
            ref_max[gram] = max(ref_max[gram], count)
    closest = min(ref_lens, key=lambda r: (abs(len(hyp) - r), r))
    correct = [0] * max_order
    total = [max(len(hyp) - n, 0) for n in range(max_order)]
    for gram, count in _ngrams(hyp, max_order).items():
        correct[len(gram) - 1] += min(count, ref_max.get(gram, 0))
    return [len(hyp), closest] + correct + total


def bleu_from_stats(stats, max_order=4):
    sys_len, ref_len = stats[0], stats[1]
    correct, total = stats[2:2 + max_order], stats[2 + max_order:]
    if not any(correct):
        return 0.0
    bp = 1.0 if sys_len >= ref_len else (math.exp(1 - ref_len / sys_len) if sys_len > 0 else 0.0)
    precisions = [0.0] * max_order
    smooth = 1.0
    for n in range(max_order):
        if total[n] == 0:
            break
        if correct[n] == 0:
            smooth *= 2
            precisions[n] = 100.0 / (smooth * total[n])
        else:
            precisions[n] = 100.0 * correct[n] / total[n]
    log_sum = sum(math.log(p) if p > 0 else -9999999999 for p in precisions)
    return bp * math.exp(log_sum / max_order)


def corpus_bleu(hypotheses, references):
    """references: one list of reference strings per hypothesis."""
    totals = None
    for hyp, refs in zip(hypotheses, references, strict=True):
        stats = bleu_stats(hyp, refs)
        totals = stats if totals is None else [a + b for a, b in zip(totals, stats)]
    return bleu_from_stats(totals)


def _char_ngrams(text, order):
    text = "".join(text.split())
    return [Counter(text[i:i + n] for i in range(len(text) - n + 1)) for n in range(1, order + 1)]


def _chrf_from_stats(stats, order=6, beta=2):
    factor = beta ** 2
    avg_p = avg_r = 0.0
    effective = 0
    for i in range(order):
        n_hyp, n_ref, n_match = stats[3 * i:3 * i + 3]
        if n_hyp > 0 and n_ref > 0:
            avg_p += n_match / n_hyp
            avg_r += n_match / n_ref
            effective += 1
    if effective == 0:
        return 0.0
    avg_p /= effective
    avg_r /= effective
    if avg_p + avg_r == 0:
        return 0.0
    return 100 * (1 + factor) * avg_p * avg_r / (factor * avg_p + avg_r)


def chrf_stats(hypothesis, references, order=6):
    hyp = _char_ngrams(hypothesis, order)
    best, best_f = None, -1.0
    for ref in references:
        stats = []
        for h, r in zip(hyp, _char_ngrams(ref, order)):
            match = sum(min(c, r[g]) for g, c in h.items() if g in r)
            stats += [sum(h.values()) if r else 0, sum(r.values()), match]
        f = _chrf_from_stats(stats, order)
        if f > best_f:
            best, best_f = stats, f
    return best


def corpus_chrf(hypotheses, references):
    totals = None
    for hyp, refs in zip(hypotheses, references, strict=True):
        stats = chrf_stats(hyp, refs)
        totals = stats if totals is None else [a + b for a, b in zip(totals, stats)]
    return _chrf_from_stats(totals)
