"""The source lexicon shipped with a model (source.lexicon.tsv): the words of the training sources
and, for the words that differ only by their accents (French "a"/"à", "ou"/"où"), the words seen
just before and after them. The Java runtime uses it to put back accents a phone left out (the
form that fits its neighbours best) and to recognise a capitalised word it has never seen as a
name, to be copied rather than translated (README.md, "Messages").

    lexicon.py --data work/data --model-dir ../src/main/resources/models/fr-en

adds it to an exported model directory and lists it in model.json (export.py does this for new
models); `lexicon.py --data work/data --evaluate` scores the accent restoration on the dev
sources, accents stripped, for several smoothing constants (README.md, "Steps"). Lines: `w<TAB>word<TAB>count`, `p<TAB>previous key<TAB>word<TAB>count` and
`n<TAB>word<TAB>next key<TAB>count`; words lower-cased, keys also without accents, `<s>` and
`</s>` at the ends of a sentence.
"""
import argparse
import collections
import math
import os
import re
import unicodedata

import common

FILE_NAME = "source.lexicon.tsv"
# Letter runs: the Java side splits with \p{L}+, which is the same on NFKC text.
WORD = re.compile(r"[^\W\d_]+")


def key(word):
    """The word without its accents: what a phone that leaves them out writes."""
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def build(sources):
    words = collections.Counter()
    sentences = []
    for text in sources:
        tokens = [w.lower() for w in WORD.findall(text)]
        sentences.append(tokens)
        words.update(tokens)
    forms = collections.defaultdict(set)
    for w in words:
        forms[key(w)].add(w)
    ambiguous = {k for k, v in forms.items() if len(v) > 1}
    before = collections.Counter()
    after = collections.Counter()
    for tokens in sentences:
        keys = [key(w) for w in tokens]
        for i, w in enumerate(tokens):
            if keys[i] in ambiguous:
                before[(keys[i - 1] if i else "<s>", w)] += 1
                after[(w, keys[i + 1] if i + 1 < len(tokens) else "</s>")] += 1
    lines = [f"w\t{w}\t{c}" for w, c in sorted(words.items(), key=lambda x: (-x[1], x[0]))]
    lines += [f"p\t{p}\t{w}\t{c}" for (p, w), c in sorted(before.items())]
    lines += [f"n\t{w}\t{n}\t{c}" for (w, n), c in sorted(after.items())]
    return lines


class Restorer:
    """What the Java runtime does with the lexicon (SourceLexicon.restoreAccents), for choosing its constants."""

    NEIGHBOURS = 50

    def __init__(self, lines, alpha):
        self.alpha = alpha
        self.count, self.forms, self.before, self.after = {}, collections.defaultdict(list), {}, {}
        for line in lines:
            f = line.split("\t")
            if f[0] == "w":
                self.count[f[1]] = int(f[2])
                self.forms[key(f[1])].append(f[1])
            elif f[0] == "p":
                self.before[(f[1], f[2])] = int(f[3])
            else:
                self.after[(f[1], f[2])] = int(f[3])

    def restore(self, words):
        """Lower-cased words written without accents -> the forms chosen."""
        out = []
        for i, k in enumerate(words):
            forms = self.forms.get(k)
            if not forms:
                out.append(k)
                continue
            prev = words[i - 1] if i else "<s>"
            nxt = words[i + 1] if i + 1 < len(words) else "</s>"
            a, n = self.alpha, self.NEIGHBOURS

            def score(f):
                c = self.count[f]
                return (math.log(c) + math.log((self.before.get((prev, f), 0) + a) / (c + a * n))
                        + math.log((self.after.get((f, nxt), 0) + a) / (c + a * n)))
            out.append(max(forms, key=score) if len(forms) > 1 else forms[0])
        return out


def evaluate(data_dir):
    with open(os.path.join(data_dir, "train.tsv"), encoding="utf-8") as f:
        lines = build(line.split("\t", 1)[0] for line in f)
    with open(os.path.join(data_dir, "dev.src"), encoding="utf-8") as f:
        dev = [[w.lower() for w in WORD.findall(line)] for line in f]
    print("| smoothing | words right | sentences right |\n|---|---|---|")
    as_written = [[key(w) for w in s] for s in dev]
    rows = [("accents left out", as_written)]
    restorer = Restorer(lines, 0.01)
    rows.append(("most frequent form", [[restorer.forms[k][0] if k in restorer.forms else k for k in s]
                                        for s in as_written]))
    for alpha in (0.01, 0.1, 0.5, 2.0):
        restorer = Restorer(lines, alpha)
        rows.append((f"alpha {alpha}", [restorer.restore(s) for s in as_written]))
    for name, restored in rows:
        words = sum(a == b for r, s in zip(restored, dev) for a, b in zip(r, s)) / sum(len(s) for s in dev)
        sentences = sum(r == s for r, s in zip(restored, dev)) / len(dev)
        print(f"| {name} | {100 * words:.2f} % | {100 * sentences:.1f} % |")


def write(data_dir, out_dir):
    """Writes the lexicon of data_dir/train.tsv's sources into out_dir; returns its file name."""
    with open(os.path.join(data_dir, "train.tsv"), encoding="utf-8") as f:
        sources = [line.split("\t", 1)[0] for line in f]
    with open(os.path.join(out_dir, FILE_NAME), "w", encoding="utf-8") as f:
        f.write("\n".join(build(sources)) + "\n")
    return FILE_NAME


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="directory with train.tsv (source<TAB>target)")
    ap.add_argument("--model-dir", help="an exported model directory, its model.json is updated")
    ap.add_argument("--version", help="the model's new version")
    ap.add_argument("--evaluate", action="store_true", help="score the accent restoration on the dev sources")
    args = ap.parse_args()
    if args.evaluate:
        evaluate(args.data)
        return
    if not args.model_dir:
        ap.error("--model-dir or --evaluate is required")
    name = write(args.data, args.model_dir)
    common.add_lexicon(args.model_dir, "source", name, args.version)
    print(f"{name} written to {args.model_dir}")


if __name__ == "__main__":
    main()
