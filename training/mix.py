"""The training mix of the chat stage: a prepared data directory's pairs, the Debian catalogues'
pairs (catalogues.py) and the short pairs again, written as a new data directory that shares the
original's tokenizers, dev and test splits:

    /usr/bin/python3 training/mix.py --data training/work/data --catalogues training/work/catalogues/pairs.tsv \
        --out training/work/data-chat

Short pairs (a source of at most SHORT_WORDS words: "Super !", "Bien reçu.") are the commonest
chat messages and a small share of a corpus whose later stages join sentences into long inputs;
repeating them is how the model stops answering them with the corpus's commonest imperatives.
Catalogue pairs whose source is a dev or test source are left out, so scores stay on unseen text.
"""
import argparse
import json
import os
import shutil

import data

SHORT_WORDS = 3
SHARED = ("source.model", "source.vocab", "target.model", "target.vocab", "dev.src", "dev.refs.tsv",
          "test.src", "test.refs.tsv")


def catalogue_pairs(path, direction):
    """(source, target) of the direction from catalogues.py's `English<TAB>French<TAB>package` lines."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            en, fr, _ = line.rstrip("\n").split("\t")
            pairs.append((fr, en) if direction == "fr-en" else (en, fr))
    return pairs


def mix(train, catalogue, held_out, short_repeat):
    short = [p for p in train if len(p[0].split()) <= SHORT_WORDS]
    kept = [p for p in catalogue if p[0] not in held_out]
    return train + kept + short * short_repeat, {"tatoeba": len(train), "catalogues": len(kept),
                                                 "catalogues_held_out": len(catalogue) - len(kept),
                                                 "short_repeated": len(short) * short_repeat}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--catalogues", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--short-repeat", type=int, default=2, help="extra copies of each short pair")
    args = ap.parse_args()
    direction = data.direction(args.data)
    held_out = set(data.read_eval_set(args.data, "dev")[0]) | set(data.read_eval_set(args.data, "test")[0])
    pairs, counts = mix(data.read_train(args.data), catalogue_pairs(args.catalogues, direction), held_out,
                        args.short_repeat)
    os.makedirs(args.out, exist_ok=True)
    for name in SHARED:
        shutil.copyfile(os.path.join(args.data, name), os.path.join(args.out, name))
    with open(os.path.join(args.out, "train.tsv"), "w", encoding="utf-8") as f:
        f.writelines(f"{s}\t{t}\n" for s, t in pairs)
    with open(os.path.join(args.data, "split.json")) as f:
        split = json.load(f)
    split.update(train_pairs=len(pairs), mix=counts)
    with open(os.path.join(args.out, "split.json"), "w") as f:
        json.dump(split, f, indent=2)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
