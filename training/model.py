"""RNN encoder-decoder with Luong "general" attention.

Attention choice: Luong's general score  s_ti = h_t^T W h_i  is computed as
(W^T h_t) . h_i, one matrix-vector product per step whatever the source length, while
Bahdanau's additive score needs tanh(W1 h_i + W2 h_t) for every source position at
every step. Decoding cost is what the product pays for, and on this data the two
reach the same quality (Luong et al. 2015, Table 4).

The decoder runs the same code for training (teacher forcing over the whole target at
once, so only the GRU recurrence is sequential) and for the exported single step
(T = 1); that is what makes the ONNX step and the training graph agree.
"""
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class Config:
    """Sizes and ids saved with a checkpoint as a plain dict: FIELDS names them."""
    FIELDS = ()

    def __init__(self, **kw):
        for name in self.FIELDS:
            setattr(self, name, kw[name])

    def to_dict(self):
        return {name: getattr(self, name) for name in self.FIELDS}


class ModelConfig(Config):
    FIELDS = ("src_vocab", "tgt_vocab", "emb", "enc_hidden", "dec_hidden", "attn_hidden",
              "dropout", "pad_id", "bos_id", "eos_id", "unk_id")


class Encoder(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.embed = nn.Embedding(cfg.src_vocab, cfg.emb, padding_idx=cfg.pad_id)
        self.rnn = nn.GRU(cfg.emb, cfg.enc_hidden, batch_first=True, bidirectional=True)
        self.bridge = nn.Linear(2 * cfg.enc_hidden, cfg.dec_hidden)
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, src, lengths):
        """src [B,S] int64, lengths [B] int64 -> states [B,S,2*enc_hidden], init [B,dec_hidden].

        Packing makes the backward direction start at each sentence's own last token,
        so padding never leaks into it; padded positions of `states` are zero.
        """
        x = self.dropout(self.embed(src))
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        # An explicit zero state sized from the input keeps the batch dimension dynamic in ONNX
        # (left implicit, the export bakes in the traced batch size).
        h0 = x.new_zeros(2, src.size(0), self.rnn.hidden_size)
        out, last = self.rnn(packed, h0)
        states, _ = pad_packed_sequence(out, batch_first=True, total_length=src.size(1))
        init = torch.tanh(self.bridge(torch.cat([last[0], last[1]], dim=-1)))
        return states, init


class Decoder(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        enc_dim = 2 * cfg.enc_hidden
        self.embed = nn.Embedding(cfg.tgt_vocab, cfg.emb, padding_idx=cfg.pad_id)
        self.rnn = nn.GRU(cfg.emb, cfg.dec_hidden, batch_first=True)
        self.query = nn.Linear(cfg.dec_hidden, enc_dim, bias=False)
        self.combine = nn.Linear(cfg.dec_hidden + enc_dim, cfg.attn_hidden)
        self.project = nn.Linear(cfg.attn_hidden, cfg.tgt_vocab)
        if cfg.attn_hidden == cfg.emb:
            # Tied input and output embeddings (Press & Wolf 2017): fewer parameters, better BLEU.
            self.project.weight = self.embed.weight
        self.dropout = nn.Dropout(cfg.dropout)

    def forward(self, prev, state, enc_states, src_mask):
        """prev [B,T] int64, state [B,H], enc_states [B,S,E], src_mask [B,S] float (1 real, 0 pad)
        -> log-probs [B,T,V], new state [B,H], attention [B,T,S]."""
        x = self.dropout(self.embed(prev))
        h, last = self.rnn(x, state.unsqueeze(0))
        scores = torch.bmm(self.query(h), enc_states.transpose(1, 2))
        scores = scores.masked_fill(src_mask.unsqueeze(1) == 0, float("-inf"))
        attn = torch.softmax(scores, dim=-1)
        context = torch.bmm(attn, enc_states)
        hidden = torch.tanh(self.combine(torch.cat([h, context], dim=-1)))
        # Projected as a 2-D product, which ONNX exports as Gemm(transB=1) over the tied embedding
        # itself: a 3-D one exports a transposed copy, storing the embedding twice.
        batch, steps, _ = hidden.shape
        logits = self.project(self.dropout(hidden).reshape(batch * steps, -1))
        logits = logits.view(batch, steps, self.project.out_features)
        return torch.log_softmax(logits, dim=-1), last.squeeze(0), attn


class Seq2Seq(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.encoder = Encoder(cfg)
        self.decoder = Decoder(cfg)

    def forward(self, src, lengths, tgt_in):
        """-> log-probs [B,T,V] and attention [B,T,S] (the latter for guided alignment)."""
        states, init = self.encoder(src, lengths)
        mask = (src != self.cfg.pad_id).float()
        logprobs, _, attn = self.decoder(tgt_in, init, states, mask)
        return logprobs, attn


class DecoderStep(nn.Module):
    """The exported decoding step: one target token per sentence."""

    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, prev_ids, state, enc_states, src_mask):
        logprobs, new_state, attn = self.decoder(prev_ids.unsqueeze(1), state, enc_states, src_mask)
        return logprobs.squeeze(1), new_state, attn.squeeze(1)


class AlignerConfig(Config):
    FIELDS = ("tgt_vocab", "emb", "hidden", "enc_dim", "key_dim", "dropout", "pad_id")


class Aligner(nn.Module):
    """An alignment layer beside the frozen translation model (after Zenkel et al. 2019 and Garg et
    al. 2019's dedicated alignment head): it reads a finished translation whole, forwards and
    backwards, so each target piece is scored against the encoder's states knowing the piece itself
    and what follows it, which the decoder's attention, computed before the piece is chosen, cannot.

    Two passes. The first scores each piece alone, with a fast_align-style diagonal term (learnt
    tension) favouring links near the same relative position and a learnt weight on how alike the
    two words are spelt (similarity.py: shared origins, names, numbers). The second reads, for every piece, where
    the first pass put it (the source context and its relative position) along the whole target,
    forwards and backwards, and predicts the position it should be near: neighbours' links inform
    each other, which is what an HMM aligner's jump model adds to IBM Model 2's fixed diagonal.
    """

    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        self.embed = nn.Embedding(cfg.tgt_vocab, cfg.emb, padding_idx=cfg.pad_id)
        self.rnn = nn.GRU(cfg.emb, cfg.hidden, batch_first=True, bidirectional=True)
        self.query = nn.Linear(2 * cfg.hidden, cfg.key_dim)
        self.key = nn.Linear(cfg.enc_dim, cfg.key_dim)
        self.tension = nn.Parameter(torch.tensor(1.0))
        self.rnn2 = nn.GRU(2 * cfg.hidden + cfg.key_dim + 1, cfg.hidden, batch_first=True, bidirectional=True)
        self.query2 = nn.Linear(2 * cfg.hidden, cfg.key_dim)
        self.centre = nn.Linear(2 * cfg.hidden, 1)
        self.tension2 = nn.Parameter(torch.tensor(1.0))
        self.spelling = nn.Parameter(torch.tensor(1.0))
        self.spelling2 = nn.Parameter(torch.tensor(1.0))
        self.dropout = nn.Dropout(cfg.dropout)

    def _bigru(self, rnn, x, lengths):
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        h0 = x.new_zeros(2, x.size(0), rnn.hidden_size)
        out, _ = rnn(packed, h0)
        states, _ = pad_packed_sequence(out, batch_first=True, total_length=x.size(1))
        return states

    def forward(self, target_ids, target_lengths, enc_states, src_mask, similarity, both=False):
        """target_ids [B,T] (the translation's pieces and EOS, padded), target_lengths [B],
        enc_states [B,S,E], src_mask [B,S], similarity [B,T,S] (similarity.py: of the words of each
        target and source piece, 0 for EOS and padding) -> alignment [B,T,S], each row a distribution over the
        real source positions (rows past a target's length are not meaningful); both: the first
        pass's too (training supervises both)."""
        x = self.dropout(self.embed(target_ids))
        states = self._bigru(self.rnn, x, target_lengths)
        keys = torch.tanh(self.key(enc_states))
        masked = src_mask.unsqueeze(1) == 0
        # Relative positions t/T and i/S, each sentence's own lengths (EOS included on both sides).
        src_len = src_mask.sum(-1, keepdim=True)
        tgt_pos = torch.arange(target_ids.size(1), device=x.device, dtype=x.dtype).unsqueeze(0)
        src_pos = torch.arange(enc_states.size(1), device=x.device, dtype=x.dtype).unsqueeze(0)
        rel_t = (tgt_pos / target_lengths.unsqueeze(-1).to(x.dtype)).unsqueeze(-1)
        rel_s = (src_pos / src_len).unsqueeze(1)
        scores = torch.bmm(self.query(self.dropout(states)), keys.transpose(1, 2))
        # Scaled by 10 so that weights starting at softplus(1) weigh about as much as the dot products.
        scores = scores - 10 * nn.functional.softplus(self.tension) * (rel_t - rel_s).abs()
        scores = scores + 10 * nn.functional.softplus(self.spelling) * similarity
        first = torch.softmax(scores.masked_fill(masked, float("-inf")), dim=-1)
        where = torch.bmm(first, (rel_s.squeeze(1) * src_mask).unsqueeze(-1))
        context = torch.bmm(first, keys)
        states2 = self._bigru(self.rnn2, torch.cat([states, context, where], dim=-1), target_lengths)
        centre = torch.sigmoid(self.centre(states2))
        scores2 = torch.bmm(self.query2(self.dropout(states2)), keys.transpose(1, 2))
        scores2 = scores2 - 10 * nn.functional.softplus(self.tension2) * (centre - rel_s).abs()
        scores2 = scores2 + 10 * nn.functional.softplus(self.spelling2) * similarity
        second = torch.softmax(scores2.masked_fill(masked, float("-inf")), dim=-1)
        return (first, second) if both else second


def aligner_from(ckpt):
    """The alignment layer a checkpoint carries (aligner.py's --out), or None."""
    if "aligner" not in ckpt:
        return None
    aligner = Aligner(AlignerConfig(**ckpt["aligner"]["config"]))
    aligner.load_state_dict(ckpt["aligner"]["model"])
    aligner.eval()
    return aligner
