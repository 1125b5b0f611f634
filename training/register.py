"""The register of a French sentence (tu or vous) and the source end marks that ask the model for one
(issue 30: formality control).

A source sentence ends with EOS, or with one of two more ids the encoder learns (`formal`: the source
vocabulary's size, `informal`: one more). The end mark is the model's side constraint (Sennrich et al.
2016, "Controlling Politeness in Neural Machine Translation via Side Constraints"): replacing EOS rather than
adding a position keeps every source position, and so the attention, the alignments and the Java engine's
piece-to-word mapping, as they are. EOS is `auto`: the model chooses, as before.

The rule, over the French side (a pair's target when translating English into French):
- informal: a second person singular pronoun or possessive: tu, te, t', toi, ton, ta, tes;
- formal: vous, votre, vos, vôtre(s), or a sentence opening with an imperative in -ez ("Venez", "Asseyez");
- mixed: both (left without a mark); none: neither.
"vous" is also the plural "you": the rule cannot tell a group from one person addressed formally, and
counts both as formal (documented in training/README.md with the rule's measured accuracy).
"""
import random
import re

import torch

FORMAL, INFORMAL, MIXED, NONE = "formal", "informal", "mixed", "none"
MARKS = (FORMAL, INFORMAL)

_TU = re.compile(r"(?<!\w)(?:tu|te|toi|ton|ta|tes)(?!\w)|(?<!\w)t'", re.IGNORECASE)
_VOUS = re.compile(r"(?<!\w)(?:vous|votre|vos|vôtres?)(?!\w)", re.IGNORECASE)
_IMPERATIVE_EZ = re.compile(r"^\W*(?:ne\s+|n')?(\w+ez)(?!\w)", re.IGNORECASE)
_NOT_VERBS = {"chez", "assez", "nez", "rez"}

# English openings that make a sentence a statement about someone else, not addressed to the reader.
_THIRD_PARTY_OPENINGS = {
    "i", "i'm", "i've", "i'll", "i'd", "he", "he's", "she", "she's", "it", "it's", "we", "we're", "we've",
    "they", "they're", "this", "that", "that's", "these", "those", "the", "there", "there's", "my", "his",
    "her", "its", "our", "their", "a", "an", "tom", "tom's", "mary", "mary's", "john", "everyone",
    "everybody", "nobody", "someone", "somebody", "nothing", "everything", "something",
}
_YOU = re.compile(r"(?<!\w)(?:you|your|yours|yourself|yourselves|y'all|u|ur)(?!\w)", re.IGNORECASE)


def of_french(text):
    """FORMAL, INFORMAL, MIXED or NONE: the register the sentence addresses its reader in."""
    informal = bool(_TU.search(text))
    opening = _IMPERATIVE_EZ.match(text)
    formal = bool(_VOUS.search(text)) or (opening is not None and opening.group(1).lower() not in _NOT_VERBS)
    if informal and formal:
        return MIXED
    return INFORMAL if informal else FORMAL if formal else NONE


def addresses_reader(english):
    """Whether an English sentence may address its reader: it says "you", or does not open as a
    statement about someone else (an order, a greeting, a question without a subject)."""
    if _YOU.search(english):
        return True
    words = english.split()
    return not words or words[0].strip("\"'¡¿(").lower() not in _THIRD_PARTY_OPENINGS


class EndMarks:
    """The source end id of each training pair: the French side's register, marked on most of the pairs
    that have one; any mark on a share of the pairs that address nobody (so that asking for a register
    changes nothing there); EOS otherwise, so that `auto` stays the model's own choice."""

    def __init__(self, eos_id, formal_id, marked=0.85, neutral=0.5):
        self.ids = {None: eos_id, FORMAL: formal_id, INFORMAL: formal_id + 1}
        self.marked, self.neutral = marked, neutral

    def end_id(self, english, french, rng):
        register = of_french(french)
        if register in MARKS:
            return self.ids[register if rng.random() < self.marked else None]
        if register == NONE and not addresses_reader(english) and rng.random() < self.neutral:
            return self.ids[rng.choice(MARKS)]
        return self.ids[None]

    def for_epoch(self, pairs, seed, epoch):
        rng = random.Random(seed * 7919 + epoch)
        return [self.end_id(english, french, rng) for english, french in pairs]


def grow_source_embedding(state, rows, eos_id):
    """A checkpoint's weights with the source embedding grown to `rows`: each new row starts as EOS's,
    so the model begins as it was and learns from there what each mark asks."""
    key = "encoder.embed.weight"
    weight = state[key]
    if weight.size(0) < rows:
        extra = weight[eos_id:eos_id + 1].repeat(rows - weight.size(0), 1)
        state[key] = torch.cat([weight, extra], dim=0)
    return state
