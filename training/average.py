"""Step 4 of the pipeline: checkpoint averaging (Vaswani et al. 2017; Marian's and OpenNMT's
`average_models`), chosen on the dev split.

Averages the weights of the last 2, 3, ... epochs a run kept (epoch<N>.pt), scores each average
and the run's best.pt on the dev split (greedy BLEU), and writes the best of them to --out, with
the candidates' scores in its "selection" entry.

    /usr/bin/python3 training/average.py --data training/work/data --run training/work/run2 --out final.pt
"""
import argparse
import glob
import os
import re

import sentencepiece as spm
import torch

import common


def epoch_checkpoints(run_dir):
    paths = glob.glob(os.path.join(run_dir, "epoch*.pt"))
    return sorted(paths, key=lambda p: int(re.search(r"epoch(\d+)\.pt$", p).group(1)))


def average(paths):
    states = [torch.load(p, map_location="cpu") for p in paths]
    mean = {k: sum(s["model"][k].float() for s in states) / len(states) for k in states[0]["model"]}
    return {"model": mean, "config": states[-1]["config"], "epoch": states[-1]["epoch"]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--run", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-average", type=int, default=3, help="average at most this many last epochs")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    src_sp = spm.SentencePieceProcessor(model_file=os.path.join(args.data, "source.model"))
    tgt_sp = spm.SentencePieceProcessor(model_file=os.path.join(args.data, "target.model"))
    epochs = epoch_checkpoints(args.run)
    candidates = {"best": torch.load(os.path.join(args.run, "best.pt"), map_location="cpu")}
    for n in range(2, min(args.max_average, len(epochs)) + 1):
        candidates[f"average of last {n}"] = average(epochs[-n:])
    scores = {}
    for name, ckpt in candidates.items():
        model = common.model_from(ckpt)
        scores[name] = round(common.dev_bleu(model, args.data, tgt_sp, src_sp), 2)
        print(f"{name}: dev BLEU {scores[name]:.2f}", flush=True)
    chosen = max(scores, key=scores.get)
    common.save_atomic({**candidates[chosen], "dev_bleu": scores[chosen],
                       "selection": {"chosen": chosen, "dev_bleu": scores}}, args.out)
    print(f"chose {chosen} -> {args.out}")


if __name__ == "__main__":
    main()
