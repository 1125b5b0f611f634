"""Step 1 of the pipeline: normalise and split the corpus, train the SentencePiece models.

    /usr/bin/python3 training/prepare.py --corpus ../shared/data/tatoeba-fra-eng/fra-eng.tsv --out training/work/data
"""
import argparse
import json
import os

import sentencepiece as spm

import data

from data import BOS_ID, EOS_ID, PAD_ID, UNK_ID


def train_sentencepiece(sentences, prefix, vocab_size, seed_sentences):
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences), model_prefix=prefix, vocab_size=vocab_size,
        model_type="unigram", character_coverage=1.0,
        pad_id=PAD_ID, unk_id=UNK_ID, bos_id=BOS_ID, eos_id=EOS_ID,
        input_sentence_size=seed_sentences, shuffle_input_sentence=True,
        minloglevel=2)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dev-size", type=int, default=2000)
    ap.add_argument("--test-size", type=int, default=2000)
    ap.add_argument("--limit", type=int, default=0, help="use only the first N pairs (smoke test)")
    ap.add_argument("--src-vocab", type=int, default=8000)
    ap.add_argument("--tgt-vocab", type=int, default=8000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--direction", default="fr-en", choices=data.DIRECTIONS,
                    help="fr-en or en-fr: which side is the source (the split is by source sentence)")
    args = ap.parse_args()

    pairs = data.read_pairs(args.corpus, args.direction)
    if args.limit:
        pairs = pairs[:args.limit]
    train, dev, test = data.split_by_source(pairs, args.dev_size, args.test_size, args.seed)
    stats = data.write_splits(args.out, train, dev, test, args.direction)
    # Each side's tokenizer sees only its own language of the training split.
    train_sentencepiece(sorted({s for s, _ in train}), os.path.join(args.out, "source"),
                        args.src_vocab, 2_000_000)
    train_sentencepiece(sorted({t for _, t in train}), os.path.join(args.out, "target"),
                        args.tgt_vocab, 2_000_000)
    print(json.dumps(stats))


if __name__ == "__main__":
    main()
