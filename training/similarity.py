"""Spelling similarity between target and source words: an input of the alignment layer.

English and French share thousands of words by origin or borrowing ("situation", "complexe" /
"complex", "prostituées" / "prostitutes") and copy names and numbers verbatim; where a word is
rare in the corpus, its spelling is the best evidence of what it aligns to (orthographic features of
discriminative aligners: Taskar et al. 2005, Moore 2005). The Java engine computes the same values
(`SpellingSimilarity`); test_similarity.py and its Java twin pin the same cases.
"""
import re
import unicodedata

ELISION = re.compile(r"^(?:qu|[a-z])'")
MIN_PREFIX = 4


def letter_or_digit(c):
    category = unicodedata.category(c)
    return category[0] == "L" or category == "Nd"


def fold(word):
    """Lower case, accents stripped, surrounding non-letters and non-digits and a French elision
    ("l'", "qu'") removed."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    bare = [c for c in decomposed if unicodedata.category(c)[0] != "M"]
    while bare and not letter_or_digit(bare[0]):
        bare.pop(0)
    while bare and not letter_or_digit(bare[-1]):
        bare.pop()
    return ELISION.sub("", "".join(bare))


def similarity(a, b):
    """1 for the same folded word (3 characters or more, or with a digit: "on", "a" are different words
    in the two languages); the shared prefix over the longer word where it is 4 characters or more; else 0."""
    return folded(fold(a), fold(b))


def folded(a, b):
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0 if len(a) >= 3 or any(unicodedata.category(c) == "Nd" for c in a) else 0.0
    prefix = 0
    while prefix < min(len(a), len(b)) and a[prefix] == b[prefix]:
        prefix += 1
    return prefix / max(len(a), len(b)) if prefix >= MIN_PREFIX else 0.0


def piece_matrix(target_pieces, source_pieces):
    """[target piece][source piece]: the similarity of the words the two pieces belong to, the words
    spelt from the pieces ("▁" opens a word) as the Java engine spells them."""
    def words(pieces):
        spelt, index = [], []
        for p in pieces:
            if p.startswith("\u2581") or not spelt:
                spelt.append("")
            spelt[-1] += p.lstrip("\u2581")
            index.append(len(spelt) - 1)
        return spelt, index
    tw, ti = words(target_pieces)
    sw, si = words(source_pieces)
    sf = [fold(w) for w in sw]
    table = [[folded(t, s) for s in sf] for t in map(fold, tw)]
    return [[table[t][s] for s in si] for t in ti]
