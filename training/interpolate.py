"""English -> French stage 4's last step: the weights between the model before a fine-tuning and after it
(WiSE-FT, Wortsman et al. 2022). The register marks' fine-tuning taught the model to follow a mark and cost it
0.5 BLEU on the test split with no mark; weights 70 % of the way to the fine-tuned ones keep the marks followed
(98 % of the test split's "you" sentences in the register asked) and lose nothing without one (training/README.md,
"English -> French 2.2.0"). The marks' own embedding rows, which the model before has not, are the fine-tuned ones.

    /usr/bin/python3 training/interpolate.py --data DATA --base run3/final.pt --tuned run4-register/final.pt --weight 0.7 --out OUT
"""
import argparse
import os

import sentencepiece as spm
import torch

import common
import register


def interpolate(base, tuned, weight):
    """A checkpoint dict: weight x tuned + (1 - weight) x base, the base's source embedding grown to the tuned one's."""
    rows = tuned["config"]["src_vocab"]
    grown = register.grow_source_embedding(dict(base["model"]), rows, tuned["config"]["eos_id"])
    state = {name: weight * value + (1 - weight) * grown[name] if value.is_floating_point() else value
             for name, value in tuned["model"].items()}
    first_new = base["model"]["encoder.embed.weight"].size(0)
    state["encoder.embed.weight"][first_new:] = tuned["model"]["encoder.embed.weight"][first_new:]
    return {**tuned, "model": state, "selection": {"interpolated": weight, "tuned": tuned.get("selection")}}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True, help="the prepared data: its dev split scores the result")
    ap.add_argument("--base", required=True, help="the checkpoint the fine-tuning started from")
    ap.add_argument("--tuned", required=True, help="the fine-tuned checkpoint")
    ap.add_argument("--weight", type=float, default=0.7, help="how far towards the fine-tuned weights")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    out = interpolate(torch.load(args.base, map_location="cpu"), torch.load(args.tuned, map_location="cpu"), args.weight)
    sp = {side: spm.SentencePieceProcessor(model_file=os.path.join(args.data, f"{side}.model")) for side in ("source", "target")}
    out["dev_bleu"] = common.dev_bleu(common.model_from(out), args.data, sp["target"], sp["source"])
    common.save_atomic(out, args.out)
    print(f"{args.weight:.2f} of the way from {args.base} to {args.tuned}: dev BLEU {out['dev_bleu']:.2f} -> {args.out}")


if __name__ == "__main__":
    main()
