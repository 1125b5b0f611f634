"""Helpers the training scripts share: checkpoints, the run log, pairs encoded and batched for the
model, and greedy translation for a quick dev BLEU. Scripts import this module; it imports no script.
"""
import hashlib
import json
import os
import random
import time

import torch

import data
import metrics
from data import BOS_ID, EOS_ID, PAD_ID
from decode import ReferenceDecoder
from model import DecoderStep, ModelConfig, Seq2Seq


def log(run_dir, message):
    line = f"{time.strftime('%Y-%m-%d %H:%M:%S')} {message}"
    print(line, flush=True)
    with open(os.path.join(run_dir, "train.log"), "a") as f:
        f.write(line + "\n")


def save_atomic(obj, path):
    tmp = path + ".tmp"
    torch.save(obj, tmp)
    os.replace(tmp, path)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def add_lexicon(model_dir, kind, name, version=None):
    """Names a file written into an exported model as its lexicon of this kind in model.json, with its checksum."""
    path = os.path.join(model_dir, "model.json")
    with open(path, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest.setdefault("lexicons", {})[kind] = name
    manifest["files"][name] = sha256(os.path.join(model_dir, name))
    if version:
        manifest["version"] = version
    with open(path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")


def load_model(checkpoint_path):
    return model_from(torch.load(checkpoint_path, map_location="cpu"))


def model_from(ckpt):
    """The model of a checkpoint dict (best.pt, epoch<N>.pt, final.pt), ready to decode."""
    model = Seq2Seq(ModelConfig(**ckpt["config"]))
    model.load_state_dict(ckpt["model"])
    model.eval()
    return model


def piece_words(ids, word_start):
    """The whitespace word each piece belongs to: SentencePiece marks a word's first piece with "▁"."""
    words, current = [], -1
    for piece in ids:
        current += word_start[piece]
        words.append(max(current, 0))
    return words


def piece_links(src, tgt, word_links, src_start, tgt_start):
    """Word links -> (target piece, source piece) links: every piece of a word inherits its links."""
    if not word_links:
        return []
    src_pieces, tgt_pieces = {}, {}
    for k, w in enumerate(piece_words(src, src_start)):
        src_pieces.setdefault(w, []).append(k)
    for k, w in enumerate(piece_words(tgt, tgt_start)):
        tgt_pieces.setdefault(w, []).append(k)
    return [(t, s) for i, j in word_links for t in tgt_pieces.get(j, ()) for s in src_pieces.get(i, ())]


def word_start_table(sp):
    return [1 if sp.id_to_piece(i).startswith("\u2581") else 0 for i in range(sp.get_piece_size())]


def encode_pairs(src_sp, tgt_sp, triples, max_len, ends=None):
    """(source, target, word links) -> (source ids + its end, target ids, piece links), too long ones dropped.
    ends: each pair's source end id (register.EndMarks); EOS for all when None."""
    srcs = src_sp.encode([s for s, _, _ in triples])
    tgts = tgt_sp.encode([t for _, t, _ in triples])
    src_start, tgt_start = word_start_table(src_sp), word_start_table(tgt_sp)
    ends = ends or [EOS_ID] * len(triples)
    return [(s + [end], t, piece_links(s, t, links, src_start, tgt_start))
            for s, t, end, (_, _, links) in zip(srcs, tgts, ends, triples)
            if 0 < len(s) < max_len and 0 < len(t) < max_len]


def read_links(path):
    with open(path) as f:
        return [[tuple(map(int, link.split("-"))) for link in line.split()] for line in f]


def make_batches(examples, max_tokens, seed, epoch):
    """Length-sorted batches under a padded-token budget, in an epoch-specific order."""
    rng = random.Random(seed * 1000 + epoch)
    order = sorted(range(len(examples)),
                   key=lambda i: (len(examples[i][0]), len(examples[i][1]), rng.random()))
    batches, current, longest = [], [], 0
    for i in order:
        need = max(len(examples[i][0]), len(examples[i][1]) + 1)
        if current and max(longest, need) * (len(current) + 1) > max_tokens:
            batches.append(current)
            current, longest = [], 0
        current.append(i)
        longest = max(longest, need)
    if current:
        batches.append(current)
    rng.shuffle(batches)
    return batches


def collate(examples, indices, device):
    srcs = [examples[i][0] for i in indices]
    tgts = [examples[i][1] for i in indices]
    s_len = max(len(s) for s in srcs)
    t_len = max(len(t) for t in tgts) + 1
    src = torch.full((len(indices), s_len), PAD_ID, dtype=torch.long)
    tgt_in = torch.full((len(indices), t_len), PAD_ID, dtype=torch.long)
    tgt_out = torch.full((len(indices), t_len), PAD_ID, dtype=torch.long)
    for row, (s, t) in enumerate(zip(srcs, tgts)):
        src[row, :len(s)] = torch.tensor(s)
        tgt_in[row, :len(t) + 1] = torch.tensor([BOS_ID] + t)
        tgt_out[row, :len(t) + 1] = torch.tensor(t + [EOS_ID])
    lengths = torch.tensor([len(s) for s in srcs])
    guide = guide_matrix(examples, indices, s_len, t_len)
    return (src.to(device), lengths, tgt_in.to(device), tgt_out.to(device),
            None if guide is None else guide.to(device))


def guide_matrix(examples, indices, s_len, t_len):
    """[B,T,S] the attention a step should have: uniform over the source pieces its word is linked
    to, and the source's end for the target's end. Rows of unlinked pieces are zero (no guidance).
    None when no pair of the batch has links (an unguided run builds nothing)."""
    rows, cols, srcs = [], [], []
    for row, i in enumerate(indices):
        src, tgt, links = examples[i]
        if not links:
            continue
        for t, s in links + [(len(tgt), len(src) - 1)]:
            rows.append(row), cols.append(t), srcs.append(s)
    if not rows:
        return None
    guide = torch.zeros(len(indices), t_len, s_len)
    guide[rows, cols, srcs] = 1.0
    return guide / guide.sum(-1, keepdim=True).clamp_min(1.0)


def dev_bleu(model, data_dir, tgt_sp, src_sp, limit=None):
    sources, refs = data.read_eval_set(data_dir, "dev")
    if limit:
        sources, refs = sources[:limit], refs[:limit]
    model.eval()
    hyps = translate_greedy(model, src_sp.encode(sources), tgt_sp)
    model.train()
    return metrics.corpus_bleu(hyps, refs)


def translate_greedy(model, encoded, tgt_sp, chunk_size=100):
    """Greedy translations of source piece ids, in their order, decoded in chunks of similar length."""
    decoder = ReferenceDecoder(model.encoder, DecoderStep(model.decoder), model.cfg)
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i]))
    hyps = [None] * len(encoded)
    for start in range(0, len(order), chunk_size):
        chunk = order[start:start + chunk_size]
        for i, hyp in zip(chunk, decoder.greedy([encoded[i] for i in chunk])):
            hyps[i] = tgt_sp.decode(hyp.ids)
    return hyps
