"""The training mix of the chat stage: a prepared data directory's pairs, the Debian catalogues'
pairs (catalogues.py) and the short pairs again, written as a new data directory that shares the
original's tokenizers, dev and test splits:

    /usr/bin/python3 training/mix.py --data training/work/data --alignments training/work/data/train.align \
        --catalogues training/work/catalogues/pairs.tsv --out training/work/data-chat

Short replies ("Super !", "Parfait !", "D'accord.") are the commonest chat messages, and the
model answered them with the corpus's commonest short pairs, its imperatives ("Go away.", "Get
out."): Tatoeba's one-word exclamations are mostly orders, and a capitalised word that seldom starts
a sentence there is split into letters by the tokenizer ("Super" -> "▁S up er"), so the model
cannot read it. Three sources of short pairs, repeated --short-repeat times each:
  short     the corpus' pairs whose source has at most SHORT_WORDS words
  heads     a sentence's opening words before its first comma or exclamation mark, where the word
            links keep them apart from the rest on both sides: "Désolé, je suis en retard." /
            "Sorry, I'm late." gives "Désolé." / "Sorry."; "Bien sûr, ..." gives "Bien sûr." /
            "Of course."
  ellipses  "C'est X !" / "It's Y!" gives "X !" / "Y!" ("Parfait !" / "Perfect!"), the reply
            as chat writes it, capitalised as it starts the message
Catalogue pairs whose source is a dev or test source, or a single word (interface labels, mostly
commands: "Open", "Cancel"), are left out.
"""
import argparse
import json
import os
import re
import shutil

import common
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


_HEAD = re.compile(r"^([^,!?.;:]+?) ?([,!]) (\S.*)$")
_ELLIPSIS = {"fr": re.compile(r"^C'est (\w+(?: \w+)?) ?([!.])$"),
             "en": re.compile(r"^(?:It's|That's|It is|That is) (\w+(?: \w+)?)([!.])$")}
_END = {"fr": {"!": " !", ",": ".", ".": "."}, "en": {"!": "!", ",": ".", ".": "."}}


def _reply(words, mark, language):
    return words[:1].upper() + words[1:] + _END[language][mark]


def heads(pairs, links, direction):
    """Opening words of both sides (at most SHORT_WORDS on the source, one more on the target) whose
    word links stay inside them, as a short pair (module docstring)."""
    source_lang, target_lang = direction.split("-")
    out = []
    for (source, target), row in zip(pairs, links):
        s, t = _HEAD.match(source), _HEAD.match(target)
        if not s or not t or s.group(2) != t.group(2):
            continue
        n_s, n_t = len(s.group(1).split()), len(t.group(1).split())
        if n_s > SHORT_WORDS or n_t > SHORT_WORDS + 1 or not any(i < n_s for i, _ in row):
            continue
        if all((i < n_s) == (j < n_t) for i, j in row):
            out.append((_reply(s.group(1), s.group(2), source_lang), _reply(t.group(1), t.group(2), target_lang)))
    return out


def ellipses(pairs, direction):
    """"C'est X !" / "It's Y!" as the reply "X !" / "Y!" (either direction)."""
    source_lang, target_lang = direction.split("-")
    out = []
    for source, target in pairs:
        s, t = _ELLIPSIS[source_lang].match(source), _ELLIPSIS[target_lang].match(target)
        if s and t and s.group(2) == t.group(2):
            out.append((_reply(s.group(1), s.group(2), source_lang), _reply(t.group(1), t.group(2), target_lang)))
    return out


def mix(train, links, catalogue, held_out, short_repeat, direction):
    replies = {"short": [p for p in train if len(p[0].split()) <= SHORT_WORDS],
               "heads": heads(train, links, direction), "ellipses": ellipses(train, direction)}
    kept = [p for p in catalogue if p[0] not in held_out and len(p[0].split()) > 1]
    repeated = [p for part in replies.values() for p in part] * short_repeat
    return train + kept + repeated, {"tatoeba": len(train), "catalogues": len(kept),
                                     "catalogues_left_out": len(catalogue) - len(kept),
                                     **{name: len(part) for name, part in replies.items()},
                                     "replies_repeated": len(repeated)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--alignments", required=True, help="word links of --data's train.tsv (wordalign.py)")
    ap.add_argument("--catalogues", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--short-repeat", type=int, default=2, help="extra copies of each short pair")
    args = ap.parse_args()
    direction = data.direction(args.data)
    held_out = set(data.read_eval_set(args.data, "dev")[0]) | set(data.read_eval_set(args.data, "test")[0])
    pairs, counts = mix(data.read_train(args.data), common.read_links(args.alignments),
                        catalogue_pairs(args.catalogues, direction), held_out, args.short_repeat, direction)
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
