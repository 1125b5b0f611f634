"""Corpus preparation: normalisation and a deterministic split by source sentence.

The Java runtime applies exactly the same `normalize` before tokenising
(`TextNormalizer`), so any change here is a change of the model contract.
"""
import hashlib
import json
import os
import unicodedata
from collections import OrderedDict

# Typographic apostrophes and quotes that NFKC leaves alone but that the corpus
# mostly writes in ASCII; folding them keeps one spelling per word for the tokenizer.
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})

# Ids fixed by the model contract (see README): the Java runtime reads them from model.json.
PAD_ID, UNK_ID, BOS_ID, EOS_ID = 0, 1, 2, 3


def normalize(text):
    """NFKC (turns the French no-break spaces U+00A0/U+202F before ? ! : into spaces),
    typographic apostrophes to ASCII, whitespace runs collapsed, ends stripped."""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return " ".join(text.split())


DIRECTIONS = ("fr-en", "en-fr")


def read_pairs(tsv_path, direction="fr-en"):
    """Reads `English<TAB>French` lines and returns normalised (source, target) pairs of the direction."""
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, got {direction}")
    pairs = []
    with open(tsv_path, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                continue
            en, fr = normalize(fields[0]), normalize(fields[1])
            if en and fr:
                pairs.append((fr, en) if direction == "fr-en" else (en, fr))
    return pairs


def _rank(sentence, seed):
    return hashlib.sha256(f"{seed}\t{sentence}".encode("utf-8")).hexdigest()


def split_by_source(pairs, dev_size, test_size, seed):
    """Groups pairs by source sentence and assigns whole groups to test, dev or train.

    The order comes from a salted hash of the source, so the split is the same on every
    machine and no test source (with any of its translations) is ever seen in training.
    """
    groups = OrderedDict()
    for src, tgt in pairs:
        groups.setdefault(src, []).append(tgt)
    ranked = sorted(groups, key=lambda s: _rank(s, seed))
    test_src = ranked[:test_size]
    dev_src = ranked[test_size:test_size + dev_size]
    held_out = set(test_src) | set(dev_src)
    train = [(s, t) for s, t in pairs if s not in held_out]
    dev = [(s, groups[s]) for s in dev_src]
    test = [(s, groups[s]) for s in test_src]
    return train, dev, test


def direction(data_dir):
    """The direction a prepared data directory was made for (split.json)."""
    with open(os.path.join(data_dir, "split.json")) as f:
        return json.load(f).get("direction", "fr-en")


def write_splits(out_dir, train, dev, test, direction="fr-en"):
    """train.tsv: `source<TAB>target`; dev/test: `.src` (one source a line) and
    `.refs.tsv` (all references of that source, tab-separated, one line per segment)."""
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "train.tsv"), "w", encoding="utf-8") as f:
        for s, t in train:
            f.write(f"{s}\t{t}\n")
    for name, rows in (("dev", dev), ("test", test)):
        with open(os.path.join(out_dir, f"{name}.src"), "w", encoding="utf-8") as f:
            f.writelines(s + "\n" for s, _ in rows)
        with open(os.path.join(out_dir, f"{name}.refs.tsv"), "w", encoding="utf-8") as f:
            f.writelines("\t".join(refs) + "\n" for _, refs in rows)
    stats = {"direction": direction, "train_pairs": len(train), "dev_sources": len(dev), "test_sources": len(test),
             "dev_references": sum(len(r) for _, r in dev),
             "test_references": sum(len(r) for _, r in test)}
    with open(os.path.join(out_dir, "split.json"), "w") as f:
        json.dump(stats, f, indent=2)
    return stats


def read_eval_set(data_dir, name):
    with open(os.path.join(data_dir, f"{name}.src"), encoding="utf-8") as f:
        sources = [line.rstrip("\n") for line in f]
    with open(os.path.join(data_dir, f"{name}.refs.tsv"), encoding="utf-8") as f:
        refs = [line.rstrip("\n").split("\t") for line in f]
    return sources, refs


def read_train(data_dir):
    with open(os.path.join(data_dir, "train.tsv"), encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t")) for line in f]
