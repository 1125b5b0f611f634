"""Step 7 of the pipeline: export the trained model to the processor's model contract.

Writes encoder.onnx, decoder_step.onnx, aligner.onnx (where the checkpoint has an alignment layer,
aligner.py), the two SentencePiece models, the source lexicon, the phrasebook and model.json (see
training/README.md, "Model contract") into --out.
"""
import argparse
import json
import os
import shutil

import onnx
import sentencepiece as spm
import torch

import common
import data
import lexicon
import phrasebook
import register
from model import DecoderStep, aligner_from

OPSET = 17
ALIGNER_FILE = "aligner.onnx"
TOKENIZER_FILES = {"source": "source.model", "target": "target.model"}


def export_onnx(model, aligner, out_dir):
    cfg = model.cfg
    src = torch.tensor([[5, 6, 7, cfg.eos_id], [8, cfg.eos_id, cfg.pad_id, cfg.pad_id]])
    lengths = torch.tensor([4, 2])
    encoder_path = os.path.join(out_dir, "encoder.onnx")
    torch.onnx.export(
        model.encoder, (src, lengths), encoder_path, opset_version=OPSET,
        input_names=["source_ids", "source_lengths"],
        output_names=["encoder_states", "decoder_state"],
        dynamic_axes={"source_ids": {0: "batch", 1: "source_len"}, "source_lengths": {0: "batch"},
                      "encoder_states": {0: "batch", 1: "source_len"},
                      "decoder_state": {0: "batch"}})
    states, init = model.encoder(src, lengths)
    mask = (src != cfg.pad_id).float()
    prev = torch.tensor([cfg.bos_id, cfg.bos_id])
    step_path = os.path.join(out_dir, "decoder_step.onnx")
    torch.onnx.export(
        DecoderStep(model.decoder), (prev, init, states, mask), step_path, opset_version=OPSET,
        input_names=["previous_ids", "decoder_state", "encoder_states", "source_mask"],
        output_names=["log_probs", "new_decoder_state", "attention"],
        dynamic_axes={"previous_ids": {0: "batch"}, "decoder_state": {0: "batch"},
                      "encoder_states": {0: "batch", 1: "source_len"},
                      "source_mask": {0: "batch", 1: "source_len"},
                      "log_probs": {0: "batch"}, "new_decoder_state": {0: "batch"},
                      "attention": {0: "batch", 1: "source_len"}})
    paths = [encoder_path, step_path]
    if aligner is not None:
        target = torch.tensor([[9, 10, cfg.eos_id], [11, cfg.eos_id, cfg.eos_id]])
        spelt = torch.zeros(2, 3, src.size(1))
        paths.append(os.path.join(out_dir, ALIGNER_FILE))
        torch.onnx.export(
            aligner, (target, torch.tensor([3, 2]), states, mask, spelt), paths[-1], opset_version=OPSET,
            input_names=["target_ids", "target_lengths", "encoder_states", "source_mask", "similarity"],
            output_names=["alignment"],
            dynamic_axes={"target_ids": {0: "batch", 1: "target_len"}, "target_lengths": {0: "batch"},
                          "encoder_states": {0: "batch", 1: "source_len"},
                          "source_mask": {0: "batch", 1: "source_len"},
                          "similarity": {0: "batch", 1: "target_len", 2: "source_len"},
                          "alignment": {0: "batch", 1: "target_len", 2: "source_len"}})
    for path in paths:
        onnx.checker.check_model(onnx.load(path), full_check=True)


def write_manifest(out_dir, cfg, name, version, direction, scores, decoding, extra):
    files = ["encoder.onnx", "decoder_step.onnx"] + list(TOKENIZER_FILES.values()) + [lexicon.FILE_NAME, phrasebook.FILE_NAME]
    if "aligner" in extra:
        files.append(extra["aligner"]["graph"])
    manifest = {
        "format": "kafka-translator-model/1",
        "name": name,
        "version": version,
        "source_language": direction.split("-")[0],
        "target_language": direction.split("-")[1],
        "architecture": {
            "type": "rnn-attention",
            "encoder": "bidirectional GRU",
            "decoder": "GRU",
            "attention": "luong-general",
            "embedding_size": cfg.emb,
            "encoder_hidden_size": cfg.enc_hidden,
            "encoder_state_size": 2 * cfg.enc_hidden,
            "decoder_hidden_size": cfg.dec_hidden,
            "attention_hidden_size": cfg.attn_hidden,
            "source_vocab_size": cfg.src_vocab,
            "target_vocab_size": cfg.tgt_vocab,
            "onnx_opset": OPSET,
        },
        "special_ids": {"pad": cfg.pad_id, "unk": cfg.unk_id, "bos": cfg.bos_id, "eos": cfg.eos_id},
        "source_appends_eos": True,
        "max_source_tokens": 200,
        "decoding": decoding,
        "tokenizers": TOKENIZER_FILES,
        "lexicons": {"source": lexicon.FILE_NAME, "phrasebook": phrasebook.FILE_NAME},
        "normalization": "NFKC, typographic apostrophes to ASCII, whitespace collapsed",
        "scores": scores,
        "files": {f: common.sha256(os.path.join(out_dir, f)) for f in files},
    }
    manifest.update(extra)
    with open(os.path.join(out_dir, "model.json"), "w") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    return manifest


def training_summary(run_dirs, ckpt, earlier=()):
    """The stages that made the model (earlier ones from a shipped manifest, then one run directory
    each, in order) and how it was chosen."""
    stages = list(earlier)
    for run_dir in run_dirs:
        state = torch.load(os.path.join(run_dir, "checkpoint.pt"), map_location="cpu")["state"]
        # Runs from before the hardware was recorded all ran on this project's 2-core machine.
        stages.append({"hours": round(state["elapsed"] / 3600, 2), "epochs": len(state["history"]),
                       "hardware": state.get("hardware", "2 CPU cores, torch 1.13.0a0"),
                       "augment": state.get("augment", {}), "guided_alignment_weight": state.get("guided_weight", 0.0),
                       "history": [{k: round(v, 3) if isinstance(v, float) else v for k, v in h.items()}
                                   for h in state["history"]]})
    return {"hours": round(sum(s["hours"] for s in stages), 2), "epochs": sum(s["epochs"] for s in stages),
            "dev_bleu_greedy": round(ckpt["dev_bleu"], 2), "selection": ckpt.get("selection"),
            "hardware": sorted({s["hardware"] for s in stages}), "stages": stages}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--data", required=True, help="directory with source.model and target.model")
    ap.add_argument("--out", required=True)
    ap.add_argument("--name", help="default: tatoeba-<direction>-gru-attention")
    ap.add_argument("--version", default="1.0.0")
    ap.add_argument("--scores", default=None, help="JSON file with test-split scores")
    ap.add_argument("--run", action="append", default=[],
                    help="a training run directory, its history goes into the manifest (repeat for each stage)")
    ap.add_argument("--earlier", help="the model.json of the shipped model the runs started from (recover.py), "
                                      "whose stages come first in the history")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    ckpt = torch.load(args.checkpoint, map_location="cpu")
    model = common.model_from(ckpt)
    aligner = aligner_from(ckpt)
    export_onnx(model, aligner, args.out)
    for file_name in TOKENIZER_FILES.values():
        shutil.copyfile(os.path.join(args.data, file_name), os.path.join(args.out, file_name))
    lexicon.write(args.data, args.out)
    phrasebook.write(args.data, args.out)
    scores = json.load(open(args.scores)) if args.scores else {}
    earlier = json.load(open(args.earlier))["training"]["stages"] if args.earlier else []
    extra = {"training": training_summary(args.run, ckpt, earlier)} if args.run else {}
    if aligner is not None:
        info = ckpt["aligner"]
        extra["aligner"] = {"graph": ALIGNER_FILE, "architecture": info["config"],
                            "training": {k: info[k] for k in ("epoch", "hours", "held_out_aer",
                                                              "attention_held_out_aer", "history")}}
    pieces = spm.SentencePieceProcessor(model_file=os.path.join(args.data, TOKENIZER_FILES["source"])).get_piece_size()
    if model.cfg.src_vocab > pieces:
        # The ids after the source pieces are the register marks the model was trained to follow (train.py --register).
        extra["register_marks"] = {mark: pieces + i for i, mark in enumerate(register.MARKS)}
    decoding = {"max_length_a": 1.5, "max_length_b": 10, "beam_size": 5, "length_penalty_alpha": 0.6}
    direction = data.direction(args.data)
    name = args.name or f"tatoeba-{direction}-gru-attention"
    write_manifest(args.out, model.cfg, name, args.version, direction, scores, decoding, extra)
    print(f"exported to {args.out}")


if __name__ == "__main__":
    main()
