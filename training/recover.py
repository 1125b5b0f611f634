"""A training checkpoint rebuilt from a shipped model's ONNX graphs.

The shipped model is the project's artifact in git; the PyTorch checkpoints it was trained from
live only on the machine that trained it (training/work/ is not committed). Training on from the
shipped weights (a new data mix, a fine-tuning stage) starts here:

    /usr/bin/python3 training/recover.py --model src/main/resources/models/fr-en --out training/work/shipped.pt

The mapping follows how torch.onnx exports each module: a Linear without bias becomes a MatMul by
its transposed weight; a GRU stores [z, r, n] gate blocks where PyTorch stores [r, z, n], its two
biases concatenated, one slice per direction. Each graph's node names give the module path.
The written checkpoint decodes exactly as the graphs do (reference.py's parity fixtures check it).
"""
import argparse
import json
import os

import numpy as np
import onnx
import torch
from onnx import numpy_helper

import common
from model import AlignerConfig, ModelConfig, Seq2Seq, Aligner

GRAPHS = (("encoder.onnx", "encoder."), ("decoder_step.onnx", ""))
ALIGNER_GRAPH = "aligner.onnx"


def _gates(block, hidden):
    """ONNX [z, r, n] rows -> PyTorch [r, z, n]."""
    return np.concatenate([block[hidden:2 * hidden], block[:hidden], block[2 * hidden:]])


def graph_weights(path, prefix):
    """State-dict entries of one graph: initializers named after their parameter, and the
    transposed or re-gated ones found through the node that uses them."""
    graph = onnx.load(path).graph
    inits = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    weights = {prefix + name: array for name, array in inits.items() if not name.startswith("onnx::")}
    for node in graph.node:
        module = prefix + ".".join(node.name.strip("/").split("/")[:-1])
        if node.op_type == "MatMul" and node.input[1] in inits:
            weights[module + ".weight"] = inits[node.input[1]].T
        elif node.op_type == "GRU":
            w, r, b = (inits[name] for name in node.input[1:4])
            hidden = w.shape[1] // 3
            for direction, suffix in enumerate(("", "_reverse")[:w.shape[0]]):
                weights[f"{module}.weight_ih_l0{suffix}"] = _gates(w[direction], hidden)
                weights[f"{module}.weight_hh_l0{suffix}"] = _gates(r[direction], hidden)
                weights[f"{module}.bias_ih_l0{suffix}"] = _gates(b[direction][:3 * hidden], hidden)
                weights[f"{module}.bias_hh_l0{suffix}"] = _gates(b[direction][3 * hidden:], hidden)
    return weights


def load(module, weights, what):
    state = module.state_dict()
    missing = set(state) - set(weights)
    if missing:
        raise SystemExit(f"{what}: no ONNX weight for {sorted(missing)}")
    module.load_state_dict({name: torch.from_numpy(np.array(weights[name])).to(state[name].dtype)
                            .reshape(state[name].shape) for name in state})


def recover(model_dir):
    manifest = json.load(open(os.path.join(model_dir, "model.json")))
    arch, ids = manifest["architecture"], manifest["special_ids"]
    # The manifest records no dropout (it does not change a trained model's outputs): train.py's default.
    cfg = ModelConfig(src_vocab=arch["source_vocab_size"], tgt_vocab=arch["target_vocab_size"],
                      emb=arch["embedding_size"], enc_hidden=arch["encoder_hidden_size"],
                      dec_hidden=arch["decoder_hidden_size"], attn_hidden=arch["attention_hidden_size"],
                      dropout=0.25, pad_id=ids["pad"], bos_id=ids["bos"], eos_id=ids["eos"], unk_id=ids["unk"])
    model = Seq2Seq(cfg)
    weights = {}
    for file_name, prefix in GRAPHS:
        weights.update(graph_weights(os.path.join(model_dir, file_name), prefix))
    if model.decoder.project.weight is model.decoder.embed.weight:
        # Tied: the export stores the output projection once, as the decoder's embedding.
        weights["decoder.project.weight"] = weights["decoder.embed.weight"]
    load(model, weights, model_dir)
    ckpt = {"model": model.state_dict(), "config": cfg.to_dict(),
            "dev_bleu": manifest["training"]["dev_bleu_greedy"], "recovered_from": manifest["version"]}
    if "aligner" in manifest:
        aligner = Aligner(AlignerConfig(**manifest["aligner"]["architecture"]))
        load(aligner, graph_weights(os.path.join(model_dir, ALIGNER_GRAPH), ""), ALIGNER_GRAPH)
        ckpt["aligner"] = {"config": manifest["aligner"]["architecture"], "model": aligner.state_dict(),
                           **manifest["aligner"]["training"]}
    return ckpt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", required=True, help="a shipped model directory (model.json and its graphs)")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    common.save_atomic(recover(args.model), args.out)
    print(f"{args.model} -> {args.out}")


if __name__ == "__main__":
    main()
