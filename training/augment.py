"""On-the-fly augmentation of the training pairs, so the model meets text written the way people
chat (issue 10). Modifiers in the manner of OpusTrainer's, each applied in place to a share of the
pairs given by its rate:

  upper      both sides in capitals            title     both sides with every word capitalised
  noaccents  diacritics stripped from the source (as many phones type)
  chat       source's first letter lower-cased and final full stop dropped
  typos      one character swapped, dropped or repeated in a source word
  names      a corpus name (Tom, Mary/Marie, John/Jean) replaced on both sides by a name from a
             varied list
  coined     the same with a name coined from random syllables (accents, hyphens, apostrophes):
             thousands of names the model cannot memorise, so it has to learn to copy them
  numbers    a number written in digits on both sides replaced by another of the same length
  merge      2 to 4 consecutive pairs joined into one, so long inputs are not out of distribution
  long       5 to 8 consecutive pairs joined into one: inputs as long as forum comments (40+ words),
             where a model that met only short ones stops translating half-way

An epoch's pairs are a function of (seed, epoch) alone: a resumed run sees the same batches.

    train.py --augment names=0.3,numbers=0.5,merge=0.05
"""
import random
import re
import unicodedata

MODIFIERS = ("upper", "title", "noaccents", "chat", "typos", "names", "numbers", "merge", "coined", "long")
JOINS = {"merge": (2, 4), "long": (5, 8)}

# Names the corpus uses, French spelling -> English spelling.
CORPUS_NAMES = {"Tom": "Tom", "Marie": "Mary", "Mary": "Mary", "John": "John", "Jean": "John"}

# Written for this project: French, English and other origins, with accents, hyphens and apostrophes.
NAMES = (
    "Bérénice", "Jean-Pierre", "Éloïse", "Mathéo", "Gaëlle", "Anaïs", "Hélène", "François", "Noémie",
    "Zoé", "Benoît", "Loïc", "Marie-Claire", "Théo", "Inès", "Gérald", "Océane", "Jérôme", "Léa",
    "Oliver", "Charlotte", "Harry", "Emily", "Jack", "Sophie", "William", "Grace", "Liam", "Olivia",
    "Mohammed", "Aïcha", "Yuki", "Kwame", "Priya", "Mateo", "Olusegun", "Svetlana", "Nguyen", "Björn",
    "Zoë", "Siobhán", "Ngozi", "Rafael", "Ingrid", "Dmitri", "Fatoumata", "Seo-yeon", "Kenji",
    "Youssef", "Amara", "Lucía", "Tiago", "Chloé", "Ayşe", "Søren", "Marta", "O'Brien", "Ana-Maria",
)

# A number standing as a word of its own ("3", "1984"), not a part of one ("8h15", "C-49" count as words).
_NUMBER = re.compile(r"\b\d+\b")


def parse_rates(spec):
    """'names=0.3,merge=0.05' -> {'names': 0.3, 'merge': 0.05}; unknown modifiers are an error."""
    rates = {}
    for item in filter(None, (s.strip() for s in (spec or "").split(","))):
        name, _, value = item.partition("=")
        if name not in MODIFIERS:
            raise ValueError(f"unknown augmentation '{name}' (known: {', '.join(MODIFIERS)})")
        rate = float(value)
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"augmentation rate of {name} must be in [0, 1], got {rate}")
        rates[name] = rate
    return rates


def _capitalise_words(text):
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


def strip_accents(text):
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def _chat(src, tgt, rng):
    src = src[:1].lower() + src[1:]
    if src.endswith("."):
        src = src[:-1].rstrip()
    return src, tgt


def _typo(src, tgt, rng):
    words = src.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
    if not candidates:
        return src, tgt
    i = rng.choice(candidates)
    w = words[i]
    j = rng.randrange(len(w) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif kind == 1:
        w = w[:j] + w[j + 1:]
    else:
        w = w[:j] + w[j] + w[j:]
    words[i] = w
    return " ".join(words), tgt


_ONSETS = ("b", "c", "d", "f", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "br", "tr", "gr",
           "kl", "st", "th", "w", "y", "h", "")
# Plain vowels most of the time, as in most names; accented ones often enough to be copied too.
_VOWELS = ("a", "e", "i", "o", "u") * 4 + ("é", "è", "ë", "ï", "ô", "â", "ü", "y", "ou", "ai", "ia", "ei", "ø", "å")
_CODAS = ("", "", "", "n", "l", "r", "s", "k", "m", "th", "x")


def coin_name(rng):
    """A name nobody wrote: 2-3 syllables, sometimes two joined by a hyphen or an O'/D' prefix."""
    def part():
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(rng.randint(2, 3)))
        word += rng.choice(_CODAS)
        return word[:1].upper() + word[1:]
    kind = rng.random()
    if kind < 0.15:
        return part() + "-" + part()
    if kind < 0.2:
        return rng.choice(("O'", "D'")) + part()
    return part()


def _names(src, tgt, rng, corpus_names, pick):
    """corpus_names: (name as the source writes it, as the target does) pairs; pick(rng): the new name."""
    for a, b in corpus_names:
        if re.search(rf"\b{a}\b", src) and re.search(rf"\b{b}\b", tgt):
            name = pick(rng)
            return re.sub(rf"\b{a}\b", name, src), re.sub(rf"\b{b}\b", name, tgt)
    return src, tgt


def _numbers(src, tgt, rng):
    """Every number written in digits on both sides gets one replacement, the same on both."""
    shared = set(_NUMBER.findall(src)) & set(_NUMBER.findall(tgt))
    for number in sorted(shared):
        # No leading zero where there was none: "07" stays a two-digit number, "42" never becomes "05".
        first = str(rng.randrange(10)) if len(number) == 1 else str(rng.randrange(1, 10))
        new = first + "".join(str(rng.randrange(10)) for _ in range(len(number) - 1))
        pattern = rf"\b{number}\b"
        src, tgt = re.sub(pattern, new, src), re.sub(pattern, new, tgt)
    return src, tgt


_APPLY = {
    "upper": lambda s, t, rng: (s.upper(), t.upper()),
    "title": lambda s, t, rng: (_capitalise_words(s), _capitalise_words(t)),
    "noaccents": lambda s, t, rng: (strip_accents(s), t),
    "chat": _chat,
    "typos": _typo,
    "numbers": _numbers,
}


def _join_size(rates, rng):
    """How many consecutive pairs to join here (0: none). merge always draws, as it did before long
    existed, so that runs without long keep their epochs."""
    if rng.random() < rates.get("merge", 0.0):
        return rng.randint(*JOINS["merge"])
    if "long" in rates and rng.random() < rates["long"]:
        return rng.randint(*JOINS["long"])
    return 0


def augment_epoch(pairs, rates, seed, epoch, links=None, direction="fr-en"):
    """The training pairs of one epoch, each modified with the probabilities in rates, as
    (source, target, word links) triples. links (one list of (i, j) word links per pair, or None)
    follow the pairs: no modifier changes how many words a side has, so only a merge moves them."""
    links = links or [[] for _ in pairs]
    fr_en = list(CORPUS_NAMES.items())
    corpus_names = fr_en if direction == "fr-en" else [(en, fr) for fr, en in fr_en]
    apply = {**_APPLY, "names": lambda s, t, rng: _names(s, t, rng, corpus_names, lambda r: r.choice(NAMES)),
             "coined": lambda s, t, rng: _names(s, t, rng, corpus_names, coin_name)}
    rng = random.Random(f"{seed}/{epoch}")
    out = []
    i = 0
    while i < len(pairs):
        join = _join_size(rates, rng)
        if join and i + 1 < len(pairs):
            k = min(join, len(pairs) - i)
            group = pairs[i:i + k]
            src, tgt = " ".join(s for s, _ in group), " ".join(t for _, t in group)
            merged, src_words, tgt_words = [], 0, 0
            for (s, t), row in zip(group, links[i:i + k]):
                merged.extend((a + src_words, b + tgt_words) for a, b in row)
                src_words, tgt_words = src_words + len(s.split()), tgt_words + len(t.split())
            row = merged
            i += k
        else:
            (src, tgt), row = pairs[i], links[i]
            i += 1
        for name in MODIFIERS:
            # Only the modifiers asked for draw from rng: adding a modifier leaves other runs' epochs as they were.
            if name not in JOINS and name in rates and rng.random() < rates[name]:
                src, tgt = apply[name](src, tgt, rng)
        out.append((src, tgt, row))
    return out
