"""The phrasebook shipped with a model (phrasebook.tsv): the training corpus's own translations of
its short sentences. The model does not give back what it was taught for most short sources ("Super
!" -> "That's great!" is in every epoch, and it answers "Go away."; training/README.md, "Short
replies"), so the Java runtime translates a sentence of a message that is one of these with the
corpus's translations instead of searching, the model choosing among them by forcing itself through
each (README.md, "Messages").

    phrasebook.py --data work/data --model-dir ../src/main/resources/models/fr-en

adds it to an exported model directory and lists it in model.json (export.py does this for new
models). Lines: `source<TAB>target`, both as data.normalize leaves them, each distinct pair once,
sorted. Only the training split goes in, so the dev and test splits stay unseen.
"""
import argparse
import os
import re

import common
import data

FILE_NAME = "phrasebook.tsv"
# One to three words are most chat replies; four takes in "Merci pour tout !" and "Je suis d'accord."
MAX_WORDS = 4
# Letter runs, as lexicon.WORD.
WORD = re.compile(r"[^\W\d_]+")
# Numbers never reach the model (protected spans), so a source with a digit could never be looked up.
DIGIT = re.compile(r"\d")


def entries(pairs, max_words=MAX_WORDS):
    """The distinct (source, target) pairs whose source has 1 to max_words words and no digit, sorted."""
    return sorted({(s, t) for s, t in pairs
                   if 0 < len(WORD.findall(s)) <= max_words and not DIGIT.search(s) and "\t" not in s + t})


def write(data_dir, out_dir):
    rows = entries(data.read_train(data_dir))
    with open(os.path.join(out_dir, FILE_NAME), "w", encoding="utf-8") as f:
        f.writelines(f"{s}\t{t}\n" for s, t in rows)
    return FILE_NAME, len(rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="directory with train.tsv (source<TAB>target)")
    ap.add_argument("--model-dir", required=True, help="an exported model directory, its model.json is updated")
    ap.add_argument("--version", help="the model's new version")
    args = ap.parse_args()
    name, count = write(args.data, args.model_dir)
    common.add_lexicon(args.model_dir, "phrasebook", name, args.version)
    print(f"{name}: {count} pairs written to {args.model_dir}")


if __name__ == "__main__":
    main()
