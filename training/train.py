"""Step 3 of the pipeline: train the attention model with teacher forcing.

Resumable at any moment: `checkpoint.pt` in the run directory is rewritten atomically
every few minutes and at the end of each epoch; starting the same command again picks
up at the exact batch it left (the batch order of an epoch is a function of the seed
and the epoch number). `best.pt` holds the weights with the best dev BLEU so far.

    /usr/bin/python3 training/train.py --data training/work/data --run training/work/run
"""
import argparse
import json
import os
import time

import sentencepiece as spm
import torch

import augment
import common
import data
import register
from data import BOS_ID, EOS_ID, PAD_ID, UNK_ID
from model import ModelConfig, Seq2Seq


def guided_alignment_loss(attn, guide):
    """Cross-entropy of the attention against the guide, per guided target step (Garg et al. 2019;
    Marian's and OpenNMT-py's guided alignment)."""
    guided = guide.sum(-1) > 0
    ce = -(guide * torch.log(attn.clamp_min(1e-9))).sum(-1)
    return ce[guided].mean()


def smoothed_nll(logprobs, target, epsilon):
    mask = target != PAD_ID
    nll = -logprobs.gather(-1, target.unsqueeze(-1)).squeeze(-1)
    uniform = -logprobs.mean(dim=-1)
    loss = ((1 - epsilon) * nll + epsilon * uniform)[mask].sum()
    return loss, nll[mask].sum().item(), int(mask.sum())


def hardware(device):
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"{os.cpu_count()} CPU cores"
    return f"{name}, torch {torch.__version__}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--run", required=True)
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--emb", type=int, default=256)
    ap.add_argument("--enc-hidden", type=int, default=256)
    ap.add_argument("--dec-hidden", type=int, default=512)
    ap.add_argument("--attn-hidden", type=int, default=256)
    ap.add_argument("--dropout", type=float, default=0.25)
    ap.add_argument("--label-smoothing", type=float, default=0.1)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--max-tokens", type=int, default=3000, help="padded tokens per batch")
    ap.add_argument("--max-len", type=int, default=64, help="drop longer training pairs")
    ap.add_argument("--max-epochs", type=int, default=12)
    ap.add_argument("--patience", type=int, default=2, help="epochs without dev BLEU gain")
    ap.add_argument("--max-hours", type=float, default=4.0)
    ap.add_argument("--checkpoint-minutes", type=float, default=5.0)
    ap.add_argument("--dev-limit", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--augment", default="", help="modifier rates, e.g. names=0.3,merge=0.05 (augment.py)")
    ap.add_argument("--alignments", help="word links of train.tsv (wordalign.py) to guide the attention")
    ap.add_argument("--guided-weight", type=float, default=0.1, help="weight of the guided-alignment loss")
    ap.add_argument("--init", help="start from these weights (a best.pt) instead of random ones")
    ap.add_argument("--register", action="store_true",
                    help="English to French: end each source with its French side's register mark (register.py)")
    args = ap.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    os.makedirs(args.run, exist_ok=True)
    device = torch.device(args.device)
    src_sp = spm.SentencePieceProcessor(model_file=os.path.join(args.data, "source.model"))
    tgt_sp = spm.SentencePieceProcessor(model_file=os.path.join(args.data, "target.model"))
    ckpt_path = os.path.join(args.run, "checkpoint.pt")
    ckpt = torch.load(ckpt_path, map_location=device) if os.path.exists(ckpt_path) else None
    if ckpt:
        # A resumed run keeps the model it started with, whatever size flags it is given now.
        cfg = ModelConfig(**ckpt["config"])
    else:
        # The register marks are two source ids after the vocabulary's pieces.
        cfg = ModelConfig(src_vocab=src_sp.get_piece_size() + (len(register.MARKS) if args.register else 0), tgt_vocab=tgt_sp.get_piece_size(),
                          emb=args.emb, enc_hidden=args.enc_hidden, dec_hidden=args.dec_hidden,
                          attn_hidden=args.attn_hidden, dropout=args.dropout,
                          pad_id=PAD_ID, bos_id=BOS_ID, eos_id=EOS_ID, unk_id=UNK_ID)
    model = Seq2Seq(cfg).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    pairs = data.read_train(args.data)
    direction = data.direction(args.data)
    links = common.read_links(args.alignments) if args.alignments else None
    if links is not None and len(links) != len(pairs):
        raise SystemExit(f"{args.alignments} has {len(links)} lines for {len(pairs)} training pairs")

    state = {"epoch": 0, "batch": 0, "best_bleu": -1.0, "bad_epochs": 0, "history": [],
             "elapsed": 0.0, "lr": args.lr, "augment": augment.parse_rates(args.augment),
             "guided_weight": args.guided_weight if links else 0.0, "hardware": hardware(device)}
    if ckpt:
        model.load_state_dict(ckpt["model"])
        optimizer.load_state_dict(ckpt["optimizer"])
        torch.set_rng_state(ckpt["rng"])
        state = ckpt["state"]
        common.log(args.run, f"resumed at epoch {state['epoch']} batch {state['batch']}")
    else:
        if args.init:
            init = torch.load(args.init, map_location=device)["model"]
            model.load_state_dict(register.grow_source_embedding(init, cfg.src_vocab, cfg.eos_id))
        common.log(args.run, f"start: {len(pairs)} training pairs, config {json.dumps(cfg.to_dict())}, "
                      f"{sum(p.numel() for p in model.parameters())} parameters, args {vars(args)}")

    # A resumed run keeps the augmentation it started with: its epochs' batches must not change.
    rates = state.get("augment", {})
    marks = (register.EndMarks(cfg.eos_id, src_sp.get_piece_size())
             if cfg.src_vocab > src_sp.get_piece_size() else None)
    if marks and direction != "en-fr":
        raise SystemExit("register marks are for English to French: the register is the French side's")
    guided_weight = state.get("guided_weight", 0.0)

    def epoch_examples(epoch):
        """Each epoch sees its own variants of the pairs (the pairs themselves when rates is empty)."""
        triples = augment.augment_epoch(pairs, rates, args.seed, epoch, links, direction)
        ends = marks.for_epoch([(s, t) for s, t, _ in triples], args.seed, epoch) if marks else None
        return common.encode_pairs(src_sp, tgt_sp, triples, args.max_len, ends)

    def checkpoint():
        common.save_atomic({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                     "rng": torch.get_rng_state(), "state": state, "config": cfg.to_dict()},
                    ckpt_path)

    def finished():
        return (state["bad_epochs"] > args.patience or state["epoch"] >= args.max_epochs
                or state["elapsed"] > args.max_hours * 3600)

    model.train()
    session_start = time.time()
    last_ckpt = time.time()
    # Checked here too: a run resumed with a smaller budget than it started with stops at once.
    while not finished():
        epoch = state["epoch"]
        examples = epoch_examples(epoch)
        batches = common.make_batches(examples, args.max_tokens, args.seed, epoch)
        loss_sum, tokens = 0.0, 0
        for b in range(state["batch"], len(batches)):
            src, lengths, tgt_in, tgt_out, guide = common.collate(examples, batches[b], device)
            logprobs, attn = model(src, lengths, tgt_in)
            loss, nll, n = smoothed_nll(logprobs, tgt_out, args.label_smoothing)
            optimizer.zero_grad()
            if guide is None:
                align_loss = None
                (loss / n).backward()
            else:
                align_loss = guided_alignment_loss(attn, guide)
                (loss / n + guided_weight * align_loss).backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            loss_sum, tokens = loss_sum + nll, tokens + n
            state["batch"] = b + 1
            if b % 100 == 0:
                common.log(args.run, f"epoch {epoch} batch {b}/{len(batches)} nll/token {nll / n:.3f}"
                              + ("" if align_loss is None else f" alignment ce {align_loss.item():.3f}"))
            if time.time() - last_ckpt > args.checkpoint_minutes * 60:
                state["elapsed"] += time.time() - session_start
                session_start = last_ckpt = time.time()
                checkpoint()
        bleu = common.dev_bleu(model, args.data, tgt_sp, src_sp, args.dev_limit or None)
        state["history"].append({"epoch": epoch, "train_nll": loss_sum / max(tokens, 1),
                                 "dev_bleu": bleu, "lr": state["lr"]})
        common.log(args.run, f"epoch {epoch} done: train nll/token {loss_sum / max(tokens, 1):.3f} "
                      f"dev BLEU {bleu:.2f}")
        # Every epoch's weights are kept for checkpoint averaging (average.py).
        common.save_atomic({"model": model.state_dict(), "config": cfg.to_dict(), "dev_bleu": bleu, "epoch": epoch},
                    os.path.join(args.run, f"epoch{epoch}.pt"))
        if bleu > state["best_bleu"]:
            state["best_bleu"], state["bad_epochs"] = bleu, 0
            common.save_atomic({"model": model.state_dict(), "config": cfg.to_dict(),
                         "dev_bleu": bleu, "epoch": epoch}, os.path.join(args.run, "best.pt"))
        else:
            state["bad_epochs"] += 1
            state["lr"] /= 2
            for group in optimizer.param_groups:
                group["lr"] = state["lr"]
        state["epoch"], state["batch"] = epoch + 1, 0
        state["elapsed"] += time.time() - session_start
        session_start = time.time()
        checkpoint()
        last_ckpt = time.time()
    common.log(args.run, f"finished: best dev BLEU {state['best_bleu']:.2f}, "
                  f"{state['elapsed'] / 3600:.2f} h of training")


if __name__ == "__main__":
    main()
