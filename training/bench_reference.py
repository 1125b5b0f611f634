"""The Python reference decoder's throughput, for the Java benchmark table (`bench` subcommand).

Prints one JSON object per line: the machine's measured float32 matrix-multiply peak, then one
row per decoding configuration over the given sentences, with the same tokenizer and weights
as the shipped model (the checkpoint it was exported from).
"""
import argparse
import json
import os
import time

import sentencepiece as spm
import torch

import common
import data
from reference import DECODING, make_decoder


def matmul_peak(threads):
    n = 2048
    a, b = torch.randn(n, n), torch.randn(n, n)
    for _ in range(2):
        a @ b
    runs = 5
    start = time.perf_counter()
    for _ in range(runs):
        a @ b
    return 2 * n ** 3 * runs / (time.perf_counter() - start) / 1e9


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--source-model", required=True, help="the shipped model's source.model")
    ap.add_argument("--src", required=True)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    print(json.dumps({"matmul_peak_gflops": round(matmul_peak(args.threads), 1), "threads": args.threads,
                      "torch": torch.__version__}), flush=True)
    sp = spm.SentencePieceProcessor(model_file=args.source_model)
    with open(args.src, encoding="utf-8") as f:
        sources = [line.rstrip("\n") for line in f][:args.limit]
    encoded = sp.encode([data.normalize(s) for s in sources])
    decoder = make_decoder(common.load_model(args.checkpoint))
    decoder.greedy(encoded[:8])
    for batch in (1, 8, 32, 64):
        start = time.perf_counter()
        tokens = 0
        for i in range(0, len(encoded), batch):
            tokens += sum(len(h.ids) for h in decoder.greedy(encoded[i:i + batch]))
        seconds = time.perf_counter() - start
        print(json.dumps({"decoding": "greedy", "batch": batch, "sentences": len(encoded),
                          "seconds": seconds, "target_tokens": tokens}), flush=True)
    start = time.perf_counter()
    tokens = sum(len(decoder.beam(s, DECODING["beam_size"], DECODING["length_penalty_alpha"])[0].ids)
                 for s in encoded)
    print(json.dumps({"decoding": "beam5", "batch": 1, "sentences": len(encoded),
                      "seconds": time.perf_counter() - start, "target_tokens": tokens}), flush=True)


if __name__ == "__main__":
    main()
