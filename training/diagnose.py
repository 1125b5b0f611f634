"""Diagnostics behind the alignment figures of README.md ("Before and after"); not a pipeline step.

  attention CHECKPOINT...  on every 800th training pair (200 pairs): how much attention each target
                           piece leaves on the source's end of sentence (what makes a heatmap row
                           pale), and how often its strongest link is a piece the aligner linked
  lengths CHECKPOINT...    on the first --comments MTNT forum comments (sentences split at . ! ?, greedy): output
                           words over source words per sentence length, and over reference words overall,
                           with BLEU: where a model stops translating long inputs (evaluation data only)
  short-replies CHECKPOINT...
                           the project's short replies (src/main/resources/evaluation/short-replies.fr-en.tsv),
                           model alone: how many come out as one of their references (case and
                           punctuation aside), greedy and beam 5, as written, without the end mark,
                           with a full stop and with the first letter lower-cased; and of 300
                           training sources of at most two words, how many come back (greedy) as
                           one of their training translations, split by whether the tokenizer
                           breaks the first word into several pieces
  unseen                   the share of the WMT 2024 chat dev set's French words (\\w+, lower-cased,
                           numbers left out) that the training sources lack, and that the
                           catalogues' French side (catalogues.py) lacks too
  teacher-aer              the aligner's own AER on the Hansards trial set, its EM run over the
                           training pairs plus the trial pairs (unsupervised, as aligners are
                           evaluated); evaluation data, never trained on by the model

    /usr/bin/python3 training/diagnose.py attention training/work/run/best.pt training/work/run3/final.pt
    /usr/bin/python3 training/diagnose.py lengths training/work/run4-long/final.pt --comments 300
    /usr/bin/python3 training/diagnose.py short-replies training/work/shipped.pt
    /usr/bin/python3 training/diagnose.py unseen
    /usr/bin/python3 training/diagnose.py teacher-aer
"""
import argparse
import os
import random
import re

import sentencepiece as spm
import torch

import common
import data
import metrics
import reference
import wordalign

HERE = os.path.dirname(os.path.abspath(__file__))
HANSARDS = os.path.join(HERE, "..", "..", "shared", "data", "hansards-align-trial")
MTNT = os.path.join(HERE, "..", "..", "shared", "data", "mtnt-valid-fr-en", "valid.fr-en.tsv")
WMT = os.path.join(HERE, "..", "..", "shared", "data", "wmt24-chat-valid-en-fr", "valid.tsv")
SHORT_REPLIES = os.path.join(HERE, "..", "src", "main", "resources", "evaluation", "short-replies.fr-en.tsv")
SOURCE_VARIANTS = {"as written": lambda x: x, "no end mark": lambda x: re.sub(r" ?[!.?]$", "", x),
                   "full stop": lambda x: re.sub(r" ?[!.?]$", ".", x), "first letter lower-cased": lambda x: x[:1].lower() + x[1:]}


def _words(text):
    return re.sub(r"[^\w\s]", "", text.lower()).split()


def short_replies(data_dir, checkpoints):
    src_sp = spm.SentencePieceProcessor(model_file=os.path.join(data_dir, "source.model"))
    tgt_sp = spm.SentencePieceProcessor(model_file=os.path.join(data_dir, "target.model"))
    with open(SHORT_REPLIES, encoding="utf-8") as f:
        replies = [line.rstrip("\n").split("\t") for line in f]
    refs = {}
    for source, target in data.read_train(data_dir):
        refs.setdefault(source, set()).add(target)
    sample = random.Random(1).sample([s for s in refs if len(s.split()) <= 2], 300)
    split = [len(src_sp.encode(s.split()[0])) > 1 for s in sample]
    for path in checkpoints:
        decoder = reference.make_decoder(common.load_model(path))
        with torch.no_grad():
            for name, variant in SOURCE_VARIANTS.items():
                for beam in (1, 5):
                    hyps = reference.translate_all(decoder, src_sp.encode([variant(r[0]) for r in replies]), beam)
                    ok = sum(any(_words(tgt_sp.decode(h.ids)) == _words(ref) for ref in r[1:]) for r, h in zip(replies, hyps))
                    print(f"{path}: short replies {name}, {'greedy' if beam == 1 else 'beam 5'}: {ok} of {len(replies)}")
            hyps = reference.translate_all(decoder, src_sp.encode(sample), 1)
        back = [any(_words(tgt_sp.decode(h.ids)) == _words(t) for t in refs[s]) for s, h in zip(sample, hyps)]
        print(f"{path}: short training sources given back {sum(back)} of {len(sample)}; first word in several "
              f"pieces {sum(b for b, x in zip(back, split) if x)} of {sum(split)}, in one "
              f"{sum(b for b, x in zip(back, split) if not x)} of {len(split) - sum(split)}")


def unseen(data_dir):
    def words(text):
        return [w for w in re.findall(r"\w+", text.lower()) if not w.isdigit()]
    with open(WMT, encoding="utf-8") as f:
        french = [w for line in list(f)[1:] for fields in [line.rstrip("\n").split("\t")] if fields[0] == "fr"
                  for w in words(fields[4])]
    training = {w for source, _ in data.read_train(data_dir) for w in words(source)}
    with open(os.path.join(HERE, "work", "catalogues", "pairs.tsv"), encoding="utf-8") as f:
        catalogues = {w for line in f for w in words(line.split("\t")[1])}
    lacking = [w for w in french if w not in training]
    print(f"WMT chat dev, {len(french)} French words: {100 * len(lacking) / len(french):.1f} % not in the training "
          f"sources, {100 * sum(w not in catalogues for w in lacking) / len(french):.1f} % in neither those nor the catalogues")


def attention(data_dir, checkpoints):
    src_sp = spm.SentencePieceProcessor(model_file=os.path.join(data_dir, "source.model"))
    tgt_sp = spm.SentencePieceProcessor(model_file=os.path.join(data_dir, "target.model"))
    pairs = data.read_train(data_dir)
    links = common.read_links(os.path.join(data_dir, "train.align"))
    sample = range(0, len(pairs), 800)
    examples = common.encode_pairs(src_sp, tgt_sp, [(*pairs[i], links[i]) for i in sample], 64)
    for path in checkpoints:
        model = common.load_model(path)
        eos = linked = guided = rows = 0
        with torch.no_grad():
            for k in range(len(examples)):
                src, lengths, tgt_in, _, guide = common.collate(examples, [k], "cpu")
                _, attn = model(src, lengths, tgt_in)
                for r in range(attn.size(1) - 1):  # the end-of-sentence step left out
                    eos, rows = eos + attn[0, r, -1].item(), rows + 1
                    if guide is not None and guide[0, r].sum() > 0:
                        guided += 1
                        linked += int(guide[0, r, attn[0, r].argmax()] > 0)
        print(f"{path}: attention on the end of sentence {eos / rows:.3f} per target piece; "
              f"strongest link on a linked piece {100 * linked / guided:.1f} % ({len(examples)} pairs)")


def lengths(data_dir, checkpoints, comments):
    src_sp = spm.SentencePieceProcessor(model_file=os.path.join(data_dir, "source.model"))
    tgt_sp = spm.SentencePieceProcessor(model_file=os.path.join(data_dir, "target.model"))
    with open(MTNT, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f][:comments]
    split = [[p for p in re.split(r"(?<=[.!?])\s+", data.normalize(row[1])) if p] for row in rows]
    sentences = [p for parts in split for p in parts]
    encoded = src_sp.encode(sentences)
    for path in checkpoints:
        out = common.translate_greedy(common.load_model(path), encoded, tgt_sp, chunk_size=32)
        buckets = {}
        for sentence, hyp in zip(sentences, out):
            words = len(sentence.split())
            b = buckets.setdefault(min(words // 5 * 5, 40), [0, 0])
            b[0], b[1] = b[0] + words, b[1] + len(hyp.split())
        per_length = ", ".join(f"{k}+ words {h / s:.2f}" for k, (s, h) in sorted(buckets.items()))
        joined, k = [], 0
        for parts in split:
            joined.append(" ".join(out[k:k + len(parts)]))
            k += len(parts)
        ratio = sum(len(h.split()) for h in joined) / sum(len(row[2].split()) for row in rows)
        bleu = metrics.corpus_bleu(joined, [[row[2]] for row in rows])
        print(f"{path}: output over source words by sentence length: {per_length}; "
              f"output over reference words {ratio:.3f}, BLEU {bleu:.2f} ({len(rows)} comments)")


def teacher_aer(data_dir):
    def lines(name):
        with open(os.path.join(HANSARDS, name), encoding="utf-8") as f:
            return [line.strip() for line in f]
    french, english = lines("trial.f"), lines("trial.e")
    sure, possible = [set() for _ in french], [set() for _ in french]
    for line in lines("trial.wa.nonullalign"):
        fields = line.split()
        if len(fields) < 3:
            continue
        k, e, f = (int(x) - 1 for x in fields[:3])
        possible[k].add((f, e))
        if len(fields) < 4 or fields[3] == "S":
            sure[k].add((f, e))
    train_pairs = data.read_train(data_dir)
    predicted = wordalign.align(train_pairs + list(zip(french, english)))[len(train_pairs):]
    a_s = a_p = a = s = 0
    for k, row in enumerate(predicted):
        links = set(row)
        a_s, a_p, a, s = a_s + len(links & sure[k]), a_p + len(links & possible[k]), a + len(links), s + len(sure[k])
    print(f"aligner on the Hansards trial set: AER {100 * (1 - (a_s + a_p) / (a + s)):.1f} %, "
          f"precision {100 * a_p / a:.1f} %, recall {100 * a_s / s:.1f} %")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("attention", "lengths", "short-replies", "unseen", "teacher-aer"))
    ap.add_argument("checkpoints", nargs="*")
    ap.add_argument("--data", default=os.path.join(HERE, "work", "data"))
    ap.add_argument("--comments", type=int, default=886, help="lengths: the first N MTNT comments")
    args = ap.parse_args()
    torch.set_num_threads(os.cpu_count())
    if args.what == "attention":
        attention(args.data, args.checkpoints)
    elif args.what == "lengths":
        lengths(args.data, args.checkpoints, args.comments)
    elif args.what == "short-replies":
        short_replies(args.data, args.checkpoints)
    elif args.what == "unseen":
        unseen(args.data)
    else:
        teacher_aer(args.data)


if __name__ == "__main__":
    main()
