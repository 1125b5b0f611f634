"""Step 5 of the pipeline: train the alignment layer (model.Aligner) beside the frozen model.

The translation model's attention is computed before each target piece is chosen, so its strongest
link says where the decoder looked, not which source word the piece translates: guided alignment
moved it only so far (README.md, "Alignments"). The alignment layer reads the finished translation
whole and is trained on the word aligner's links (wordalign.py) alone, the translation weights
untouched: translation quality cannot change. Pairs of every --hold-out-th index are left out and
the epoch whose links agree best with the aligner's on them is kept (AER against those links,
word level, each target word's strongest link as the product extracts it).

Resumable like train.py: `checkpoint.pt` in --run is rewritten every few minutes and at each epoch.

    /usr/bin/python3 training/aligner.py --data training/work/data --checkpoint RUN/final.pt \
        --alignments training/work/data/train.align --run training/work/align --out RUN/aligned.pt
"""
import argparse
import os
import time

import numpy as np
import sentencepiece as spm
import torch

import common
import data
import similarity
from model import Aligner, AlignerConfig


class Spelling:
    """The similarity input of the alignment layer from piece ids (similarity.py)."""

    def __init__(self, src_sp, tgt_sp):
        self.src = [src_sp.id_to_piece(i) for i in range(src_sp.get_piece_size())]
        self.tgt = [tgt_sp.id_to_piece(i) for i in range(tgt_sp.get_piece_size())]

    def pair(self, source, target):
        """[target pieces, source pieces] for source ids with EOS and target ids without."""
        table = similarity.piece_matrix([self.tgt[t] for t in target], [self.src[s] for s in source[:-1]])
        return np.array(table, dtype=np.float32).reshape(len(target), len(source) - 1)

    @staticmethod
    def batch(matrices, target_len, source_len):
        """[B, target_len, source_len], zero for EOS and padding."""
        out = torch.zeros(len(matrices), target_len, source_len)
        for row, m in enumerate(matrices):
            out[row, :m.shape[0], :m.shape[1]] = torch.from_numpy(m)
        return out


def rows(model, aligner, spelling, source, target, count):
    """The layer's first `count` rows for one pair: source ids with EOS, target ids without."""
    with torch.no_grad():
        out = forward(model, aligner, torch.tensor([source]), torch.tensor([len(source)]),
                      torch.tensor([target + [model.cfg.eos_id]]), [spelling.pair(source, target)])
    return out[0, :count].tolist()


def forward(model, aligner, src, lengths, tgt_out, spelt, both=False):
    with torch.no_grad():
        states, _ = model.encoder(src, lengths)
    mask = (src != model.cfg.pad_id).float()
    sim = Spelling.batch(spelt, tgt_out.size(1), src.size(1))
    return aligner(tgt_out, (tgt_out != model.cfg.pad_id).sum(-1), states, mask, sim, both=both)


def linked_loss(weights, guide):
    """-log of the weight a target piece puts on the source pieces it is linked to, together, per
    linked piece. Unlike guided alignment's cross-entropy against an even split, it lets a piece
    linked to several words ("Tom" to "Tom" and to the auxiliary "a" of "Tom a vu", as the
    symmetrised links have it) settle on the one it can best tell, so its strongest link is a real one."""
    linked = guide.sum(-1) > 0
    mass = (weights * (guide > 0)).sum(-1)
    return -torch.log(mass.clamp_min(1e-9))[linked].mean()


def held_out_aer(model, aligner, spelling, examples, tables):
    """AER of each target word's strongest source word (mean of its pieces' rows, sum of the source
    word's pieces) against the aligner's links, on held-out pairs; the attention's when aligner is None."""
    matched = predicted = reference = 0
    with torch.no_grad():
        for source, target, _, word_links in examples:
            src, lengths, tgt_in, tgt_out, _ = common.collate([(source, target, [])], [0], "cpu")
            if aligner is None:
                states, init = model.encoder(src, lengths)
                _, _, weights = model.decoder(tgt_in, init, states, (src != model.cfg.pad_id).float())
            else:
                weights = forward(model, aligner, src, lengths, tgt_out, [spelling.pair(source, target)])
            weights = weights[0, :len(target), :len(source) - 1]
            src_words = common.piece_words(source[:-1], tables[0])
            tgt_words = common.piece_words(target, tables[1])
            merged = torch.zeros(tgt_words[-1] + 1, src_words[-1] + 1)
            merged.index_add_(0, torch.tensor(tgt_words),
                              torch.zeros(len(target), merged.size(1)).index_add_(1, torch.tensor(src_words), weights))
            links = {(int(j), i) for i, j in enumerate(merged.argmax(-1))}
            gold = set(word_links)
            matched, predicted, reference = matched + len(links & gold), predicted + len(links), reference + len(gold)
    return 100 * (1 - 2 * matched / (predicted + reference))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--checkpoint", required=True, help="the translation model (kept frozen)")
    ap.add_argument("--alignments", required=True, help="word links of train.tsv (wordalign.py)")
    ap.add_argument("--run", required=True)
    ap.add_argument("--out", required=True, help="the translation checkpoint with the alignment layer added")
    ap.add_argument("--emb", type=int, default=128)
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--key-dim", type=int, default=256)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--max-tokens", type=int, default=4000)
    ap.add_argument("--hold-out", type=int, default=100, help="every N-th pair is held out")
    ap.add_argument("--checkpoint-minutes", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--init", help="start from the alignment layer of this checkpoint (one whose model was trained on)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.run, exist_ok=True)
    base = torch.load(args.checkpoint, map_location="cpu")
    model = common.model_from(base)
    for p in model.parameters():
        p.requires_grad_(False)
    src_sp = spm.SentencePieceProcessor(model_file=os.path.join(args.data, "source.model"))
    tgt_sp = spm.SentencePieceProcessor(model_file=os.path.join(args.data, "target.model"))
    tables = (common.word_start_table(src_sp), common.word_start_table(tgt_sp))
    spelling = Spelling(src_sp, tgt_sp)
    pairs = data.read_train(args.data)
    links = common.read_links(args.alignments)
    if len(links) != len(pairs):
        raise SystemExit(f"{args.alignments} has {len(links)} lines for {len(pairs)} training pairs")
    triples = [(*p, l) for p, l in zip(pairs, links)]
    examples = common.encode_pairs(src_sp, tgt_sp, [t for i, t in enumerate(triples) if i % args.hold_out], 64)
    spelt = [spelling.pair(source, target) for source, target, _ in examples]
    held_out = [(*e[0], t[2]) for i, t in enumerate(triples) if i % args.hold_out == 0 and t[2]
                for e in [common.encode_pairs(src_sp, tgt_sp, [t], 64)] if e]

    ckpt_path = os.path.join(args.run, "checkpoint.pt")
    ckpt = torch.load(ckpt_path, map_location="cpu") if os.path.exists(ckpt_path) else None
    init = torch.load(args.init, map_location="cpu")["aligner"] if args.init and not ckpt else None
    if ckpt or init:
        cfg = AlignerConfig(**(ckpt or init)["config"])
    else:
        cfg = AlignerConfig(tgt_vocab=model.cfg.tgt_vocab, emb=args.emb, hidden=args.hidden,
                            enc_dim=2 * model.cfg.enc_hidden, key_dim=args.key_dim, dropout=args.dropout,
                            pad_id=model.cfg.pad_id)
    aligner = Aligner(cfg)
    if init:
        aligner.load_state_dict(init["model"])
    optimizer = torch.optim.Adam(aligner.parameters(), lr=args.lr)
    state = {"epoch": 0, "batch": 0, "history": [], "best": None, "elapsed": 0.0}
    if ckpt:
        aligner.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        torch.set_rng_state(ckpt["rng"])
        state = ckpt["state"]
        common.log(args.run, f"resumed at epoch {state['epoch']} batch {state['batch']}")
    else:
        attention = held_out_aer(model, None, spelling, held_out, tables)
        state["attention_aer"] = attention
        common.log(args.run, f"start: {len(examples)} pairs, {len(held_out)} held out, "
                            f"{sum(p.numel() for p in aligner.parameters())} parameters; "
                            f"the attention's AER against the held-out links {attention:.1f} %")

    def checkpoint():
        common.save_atomic({"model": aligner.state_dict(), "optimizer": optimizer.state_dict(),
                           "rng": torch.get_rng_state(), "state": state, "config": cfg.to_dict()}, ckpt_path)

    session_start = last_ckpt = time.time()
    aligner.train()
    while state["epoch"] < args.epochs:
        epoch = state["epoch"]
        batches = common.make_batches(examples, args.max_tokens, args.seed, epoch)
        for b in range(state["batch"], len(batches)):
            src, lengths, _, tgt_out, guide = common.collate(examples, batches[b], "cpu")
            if guide is None:
                continue
            first, second = forward(model, aligner, src, lengths, tgt_out, [spelt[i] for i in batches[b]], both=True)
            loss = linked_loss(second, guide) + linked_loss(first, guide)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            state["batch"] = b + 1
            if b % 100 == 0:
                common.log(args.run, f"epoch {epoch} batch {b}/{len(batches)} alignment ce {loss.item():.3f}")
            if time.time() - last_ckpt > args.checkpoint_minutes * 60:
                state["elapsed"] += time.time() - session_start
                session_start = last_ckpt = time.time()
                checkpoint()
        aligner.eval()
        aer = held_out_aer(model, aligner, spelling, held_out, tables)
        aligner.train()
        state["history"].append({"epoch": epoch, "held_out_aer": round(aer, 2)})
        common.log(args.run, f"epoch {epoch} done: AER against the held-out links {aer:.1f} %")
        if state["best"] is None or aer < state["best"]["held_out_aer"]:
            state["best"] = {"epoch": epoch, "held_out_aer": round(aer, 2),
                             "model": {k: v.clone() for k, v in aligner.state_dict().items()}}
        state["epoch"], state["batch"] = epoch + 1, 0
        state["elapsed"] += time.time() - session_start
        session_start = time.time()
        checkpoint()
        last_ckpt = time.time()
    best = state["best"]
    common.save_atomic({**base, "aligner": {
        "config": cfg.to_dict(), "model": best["model"], "epoch": best["epoch"],
        "held_out_aer": best["held_out_aer"], "attention_held_out_aer": round(state["attention_aer"], 2),
        "history": state["history"], "hours": round(state["elapsed"] / 3600, 2)}}, args.out)
    common.log(args.run, f"kept epoch {best['epoch']} (held-out AER {best['held_out_aer']:.1f} %) -> {args.out}")


if __name__ == "__main__":
    main()
