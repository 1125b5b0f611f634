"""Reference decoders over the model's two exported parts (Encoder, DecoderStep).

These define the decoding the Java engine must reproduce id for id:

* The source is the SentencePiece ids followed by EOS. The target starts from BOS.
* Output length is capped at  floor(a * source_pieces + b)  generated tokens (EOS included).
* Greedy: argmax of the log-probabilities at every step, until EOS or the cap.
* Beam search (per sentence, K beams): at each step every live hypothesis is extended by
  every token; the 2K best candidates by raw score (sum of log-probs) are taken in order.
  An EOS candidate among the first K becomes a finished hypothesis with the normalised
  score raw / lp(L), lp(L) = ((5 + L) / 6) ** alpha (GNMT), L = generated tokens with EOS;
  the others fill the K live beams. The sentence stops when K hypotheses are finished,
  or at the cap, where the live beams are finished as they are. Hypotheses are ranked
  by normalised score.
"""
import math

import torch


class Hypothesis:
    def __init__(self, ids, raw_score, score, attention):
        self.ids = ids              # generated ids, EOS excluded
        self.raw_score = raw_score  # sum of log-probabilities, EOS included
        self.score = score          # length-normalised score used for ranking
        self.attention = attention  # one row [S] per generated token, EOS step included


def max_output_length(source_pieces, a, b):
    return int(math.floor(a * source_pieces + b))


def length_penalty(length, alpha):
    return ((5.0 + length) / 6.0) ** alpha


def pad_batch(sequences, pad_id):
    lengths = torch.tensor([len(s) for s in sequences], dtype=torch.long)
    src = torch.full((len(sequences), int(lengths.max())), pad_id, dtype=torch.long)
    for i, s in enumerate(sequences):
        src[i, :len(s)] = torch.tensor(s, dtype=torch.long)
    return src, lengths


class ReferenceDecoder:
    def __init__(self, encoder, step, cfg, length_a=1.5, length_b=10.0):
        self.encoder, self.step, self.cfg = encoder, step, cfg
        self.length_a, self.length_b = length_a, length_b

    def _device(self):
        return next(self.encoder.parameters()).device

    def _encode(self, sources):
        """sources: lists of source piece ids without EOS."""
        src, lengths = pad_batch([s + [self.cfg.eos_id] for s in sources], self.cfg.pad_id)
        src = src.to(self._device())
        states, init = self.encoder(src, lengths)
        mask = (src != self.cfg.pad_id).float()
        return states, init, mask, lengths

    @torch.no_grad()
    def greedy(self, sources):
        """Batched greedy decoding; rows that finished are dropped from later steps."""
        states, state, mask, lengths = self._encode(sources)
        source_lengths = lengths.tolist()
        caps = [max_output_length(len(s), self.length_a, self.length_b) for s in sources]
        out = [Hypothesis([], 0.0, 0.0, []) for _ in sources]
        active = torch.arange(len(sources))
        prev = torch.full((len(sources),), self.cfg.bos_id, dtype=torch.long, device=state.device)
        t = 0
        while len(active) > 0:
            logprobs, state, attn = self.step(prev, state, states, mask)
            best_lp, best = logprobs.max(dim=-1)
            # Read once per step: on a GPU, reading element by element would synchronise for each.
            best_lp, best_ids, attn = best_lp.cpu(), best.cpu(), attn.cpu()
            keep = []
            for row, sentence in enumerate(active.tolist()):
                hyp = out[sentence]
                token = int(best_ids[row])
                hyp.raw_score += float(best_lp[row])
                hyp.attention.append(attn[row, :source_lengths[sentence]].tolist())
                if token == self.cfg.eos_id:
                    continue
                hyp.ids.append(token)
                if t + 1 < caps[sentence]:
                    keep.append(row)
            t += 1
            keep = torch.tensor(keep, dtype=torch.long)
            active = active[keep]
            keep = keep.to(state.device)
            prev, state = best[keep], state[keep]
            states, mask = states[keep], mask[keep]
        for hyp in out:
            hyp.score = hyp.raw_score
        return out

    @torch.no_grad()
    def beam(self, source, k=5, alpha=0.6):
        """Beam search for one sentence; returns finished hypotheses, best first."""
        states, state, mask, _ = self._encode([source])
        cap = max_output_length(len(source), self.length_a, self.length_b)
        eos = self.cfg.eos_id
        live = [Hypothesis([], 0.0, 0.0, [])]
        prev = torch.tensor([self.cfg.bos_id], dtype=torch.long)
        finished = []
        for t in range(cap):
            n = len(live)
            logprobs, new_state, attn = self.step(prev, state, states.expand(n, -1, -1),
                                                  mask.expand(n, -1))
            raw = torch.tensor([h.raw_score for h in live]).unsqueeze(1) + logprobs
            vocab = raw.size(1)
            top_scores, top_flat = raw.view(-1).topk(min(2 * k, raw.numel()))
            next_live, rows, tokens = [], [], []
            for rank, (score, flat) in enumerate(zip(top_scores.tolist(), top_flat.tolist())):
                beam_row, token = divmod(flat, vocab)
                parent = live[beam_row]
                attention = parent.attention + [attn[beam_row].tolist()]
                if token == eos:
                    if rank < k:
                        finished.append(Hypothesis(parent.ids, score,
                                                   score / length_penalty(t + 1, alpha), attention))
                elif len(next_live) < k:
                    next_live.append(Hypothesis(parent.ids + [token], score, score, attention))
                    rows.append(beam_row)
                    tokens.append(token)
            if len(finished) >= k:
                break
            live = next_live
            rows_t = torch.tensor(rows, dtype=torch.long)
            state, prev = new_state[rows_t], torch.tensor(tokens, dtype=torch.long)
        else:
            for h in live:
                finished.append(Hypothesis(h.ids, h.raw_score,
                                           h.raw_score / length_penalty(len(h.ids), alpha),
                                           h.attention))
        finished.sort(key=lambda h: -h.score)
        return finished
