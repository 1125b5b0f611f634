"""Step 6 of the pipeline: score the model on the test split and write the Java parity fixtures.

    /usr/bin/python3 training/reference.py --checkpoint RUN/best.pt --data DATA \
        --scores RUN/scores.json --fixtures src/test/resources/parity/fr-en.json

The reference decoder runs the PyTorch modules that were exported (same weights, same graphs);
the Java engine must reproduce its greedy ids and beam-5 hypotheses exactly.
"""
import argparse
import json
import os
import time

import sentencepiece as spm
import torch

import common
import data
import metrics
from decode import ReferenceDecoder
from aligner import Spelling, rows
from model import DecoderStep, aligner_from

# Sentences written for this project (not from the corpus) on which Python and Java must tokenise
# alike, by source language.
TOKENIZER_CASES = {
    "fr": ["Je suis étudiant.", "Elle est en retard.", "Où est la gare ?", "J’ai faim !",
           "Nous partons demain matin à 8 h 30.", "C'est l'été : il fait très chaud."],
    "en": ["I am a student.", "She is late.", "Where is the station?", "I’m hungry!",
           "We're leaving tomorrow at 8:30 a.m.", "It's summer: it's very hot."],
}

DECODING = {"max_length_a": 1.5, "max_length_b": 10, "beam_size": 5, "length_penalty_alpha": 0.6}


def make_decoder(model):
    return ReferenceDecoder(model.encoder, DecoderStep(model.decoder), model.cfg,
                            DECODING["max_length_a"], DECODING["max_length_b"])


def translate_all(decoder, encoded, beam, batch_size=64):
    """Greedy in length-sorted batches, or beam search sentence by sentence; input order kept."""
    if beam > 1:
        return [decoder.beam(s, beam, DECODING["length_penalty_alpha"])[0] for s in encoded]
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    out = [None] * len(encoded)
    for start in range(0, len(order), batch_size):
        chunk = order[start:start + batch_size]
        for i, hyp in zip(chunk, decoder.greedy([encoded[i] for i in chunk])):
            out[i] = hyp
    return out


def score(model, data_dir, src_sp, tgt_sp, beam, limit=None):
    sources, refs = data.read_eval_set(data_dir, "test")
    if limit:
        sources, refs = sources[:limit], refs[:limit]
    encoded = src_sp.encode(sources)
    start = time.time()
    hyps = translate_all(make_decoder(model), encoded, beam)
    seconds = time.time() - start
    texts = [tgt_sp.decode(h.ids) for h in hyps]
    return {"bleu": metrics.corpus_bleu(texts, refs), "chrf": metrics.corpus_chrf(texts, refs),
            "sentences_per_second": len(texts) / seconds}, texts


def fixtures(model, aligner, data_dir, src_sp, tgt_sp, count):
    """The greedy hypotheses' "alignment" is the alignment layer's rows where the checkpoint has one,
    the attention's otherwise: what the Java engine reports."""
    sources, _ = data.read_eval_set(data_dir, "test")
    decoder = make_decoder(model)
    spelling = Spelling(src_sp, tgt_sp)
    sources = sources[:count]
    encoded = src_sp.encode(sources)
    greedy = decoder.greedy(encoded)
    sentences = []
    for ids, g in zip(encoded, greedy):
        beams = decoder.beam(ids, DECODING["beam_size"], DECODING["length_penalty_alpha"])
        sentences.append({
            "source_ids": ids,
            "greedy": {"ids": g.ids, "score": g.raw_score,
                       "alignment": g.attention if aligner is None else rows(
                           model, aligner, spelling, ids + [model.cfg.eos_id], g.ids, len(g.attention))},
            "beam": [{"ids": h.ids, "score": h.score, "raw_score": h.raw_score} for h in beams],
        })
    source_language = data.direction(data_dir).split("-")[0]
    cases = [{"text": t, "ids": src_sp.encode(data.normalize(t))} for t in TOKENIZER_CASES[source_language]]
    return {"decoding": DECODING, "tokenizer_cases": cases, "sentences": sentences}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--scores", help="write test-split scores (greedy and beam) to this JSON file")
    ap.add_argument("--hypotheses", help="write beam-5 test translations to this file")
    ap.add_argument("--fixtures", help="write the parity fixtures to this JSON file")
    ap.add_argument("--fixture-count", type=int, default=50)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    model = common.load_model(args.checkpoint)
    src_sp = spm.SentencePieceProcessor(model_file=os.path.join(args.data, "source.model"))
    tgt_sp = spm.SentencePieceProcessor(model_file=os.path.join(args.data, "target.model"))
    if args.scores:
        greedy, _ = score(model, args.data, src_sp, tgt_sp, 1, args.limit or None)
        beam, texts = score(model, args.data, src_sp, tgt_sp, DECODING["beam_size"], args.limit or None)
        result = {"test_bleu_greedy": round(greedy["bleu"], 2), "test_chrf_greedy": round(greedy["chrf"], 2),
                  "test_bleu_beam5": round(beam["bleu"], 2), "test_chrf_beam5": round(beam["chrf"], 2)}
        with open(args.scores, "w") as f:
            json.dump(result, f, indent=2)
        if args.hypotheses:
            with open(args.hypotheses, "w", encoding="utf-8") as f:
                f.writelines(t + "\n" for t in texts)
        print(json.dumps({**result, "greedy_sentences_per_second": round(greedy["sentences_per_second"], 1),
                          "beam5_sentences_per_second": round(beam["sentences_per_second"], 1)}))
    if args.fixtures:
        os.makedirs(os.path.dirname(os.path.abspath(args.fixtures)), exist_ok=True)
        with open(args.fixtures, "w") as f:
            ckpt = torch.load(args.checkpoint, map_location="cpu")
            json.dump(fixtures(model, aligner_from(ckpt), args.data, src_sp, tgt_sp, args.fixture_count), f)
        print(f"wrote {args.fixtures}")


if __name__ == "__main__":
    main()
