"""English-French pairs from the gettext catalogues Debian packages carry (the kind of data OPUS
distributes as its GNOME, KDE and Ubuntu corpora), fetched by the pipeline itself:

    /usr/bin/python3 training/catalogues.py --out training/work/catalogues

Each package in PACKAGES is fetched with `apt-get download` (no installation, no root needed
beyond apt's own lists), unpacked with `dpkg-deb -x`, and every French catalogue in it
(`.../fr/LC_MESSAGES/*.mo`) is read. Writes `pairs.tsv` (`English<TAB>French<TAB>package`) and
`counts.json` (per package: messages read, pairs kept, and why the others were not).

The catalogues are interface strings and game dialogue, not conversation; mix.py decides how much
of them a model sees. What a pair must pass (FILTERS, in order; the first that fails is counted):
  placeholder  printf/Python/shell/brace placeholders, escapes: the model would learn to emit them
  markup       tags, entities, URLs, paths, newlines
  length       1 to 40 words a side, character ratio within [1/3, 3] (catches partial translations)
  copied       French identical to English once case and punctuation are ignored (untranslated)
  letters      fewer than half the characters letters (key names, formats, symbols)
Accelerator marks (`_File`, `~File`, `&File`) are removed first; they are not part of the words.
"""
import argparse
import glob
import json
import os
import re
import struct
import subprocess
from collections import Counter

import data

# Package -> licence, as its /usr/share/doc/PACKAGE/copyright states (checked when the list was made).
PACKAGES = {
    "libreoffice-l10n-fr": "MPL-2.0",
    "gnucash-common": "GPL-2+",
    "pidgin-data": "GPL-2+",
    "libc-l10n": "LGPL-2.1+",
    "gnome-control-center-data": "GPL-2+",
    "evolution-common": "LGPL-2 or LGPL-3",
    "network-manager": "GPL-2+",
    "wesnoth-1.16-httt": "GPL-2+",
    "wesnoth-1.16-tsg": "GPL-2+",
    "wesnoth-1.16-l": "GPL-2+",
    "wesnoth-1.16-nr": "GPL-2+",
}

_ACCELERATOR = re.compile(r"(?<![\w&~_])[_~&](?=\w)")
_PLACEHOLDER = re.compile(r"%[-+ #0-9.$*lhz]*[a-zA-Z%]|%\(\w+\)|\{[\w.:]*\}|\$\w|\\[ntr\\]|\b[A-Z_]{2,}\d*_[A-Z_]+\b")
_MARKUP = re.compile(r"<[^>]*>|&\w+;|https?://|www\.|\w/\w+/|[\n\t]")
_WORD = re.compile(r"\w+")


def read_mo(path):
    """(msgid, msgstr) of a GNU .mo file: context dropped, the singular of plural entries, the header skipped."""
    with open(path, "rb") as f:
        blob = f.read()
    magic = struct.unpack("<I", blob[:4])[0]
    order = "<" if magic == 0x950412de else ">"
    count, originals, translations = struct.unpack(order + "3I", blob[8:20])
    entries = []
    for i in range(count):
        o_len, o_off = struct.unpack(order + "2I", blob[originals + 8 * i:originals + 8 * i + 8])
        t_len, t_off = struct.unpack(order + "2I", blob[translations + 8 * i:translations + 8 * i + 8])
        source = blob[o_off:o_off + o_len].decode("utf-8", "replace")
        target = blob[t_off:t_off + t_len].decode("utf-8", "replace")
        source = source.split("\x04")[-1].split("\x00")[0]
        target = target.split("\x00")[0]
        if source and target:
            entries.append((source, target))
    return entries


def _words(text):
    return _WORD.findall(text.lower())


def rejection(en, fr):
    """The first filter a pair fails (module docstring), or None when it is kept."""
    both = en + " " + fr
    if _PLACEHOLDER.search(both):
        return "placeholder"
    if _MARKUP.search(both):
        return "markup"
    if not (1 <= len(en.split()) <= 40 and 1 <= len(fr.split()) <= 40 and 1 / 3 <= len(fr) / len(en) <= 3):
        return "length"
    if _words(en) == _words(fr):
        return "copied"
    if sum(c.isalpha() for c in both) < len(both.replace(" ", "")) / 2:
        return "letters"
    return None


def clean(text):
    return data.normalize(_ACCELERATOR.sub("", text))


def fetch(package, work):
    """The package unpacked under work/tree/PACKAGE (downloaded once)."""
    debs, tree = os.path.join(work, "debs"), os.path.join(work, "tree", package)
    if not os.path.isdir(tree):
        os.makedirs(debs, exist_ok=True)
        os.makedirs(os.path.dirname(tree), exist_ok=True)
        if not glob.glob(os.path.join(debs, f"{package}_*.deb")):
            subprocess.run(["apt-get", "-o", "APT::Sandbox::User=root", "download", package], cwd=debs, check=True, stdout=subprocess.DEVNULL)
        deb, = glob.glob(os.path.join(debs, f"{package}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", deb, tree + ".part"], check=True)
        os.rename(tree + ".part", tree)
    return tree


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    seen, kept, counts = set(), [], {}
    for package, licence in PACKAGES.items():
        tree = fetch(package, args.out)
        reasons = Counter()
        catalogues = sorted(glob.glob(os.path.join(tree, "**", "fr", "LC_MESSAGES", "*.mo"), recursive=True))
        for path in catalogues:
            for en, fr in read_mo(path):
                en, fr = clean(en), clean(fr)
                reason = rejection(en, fr) if en and fr else "length"
                if reason is None and (en, fr) in seen:
                    reason = "duplicate"
                reasons[reason or "kept"] += 1
                if reason is None:
                    seen.add((en, fr))
                    kept.append((en, fr, package))
        counts[package] = {"licence": licence, "catalogues": len(catalogues), "messages": sum(reasons.values()),
                           **dict(sorted(reasons.items()))}
        print(package, json.dumps(counts[package]))
    with open(os.path.join(args.out, "pairs.tsv"), "w", encoding="utf-8") as f:
        f.writelines(f"{en}\t{fr}\t{package}\n" for en, fr, package in kept)
    with open(os.path.join(args.out, "counts.json"), "w") as f:
        json.dump(counts, f, indent=2)


if __name__ == "__main__":
    main()
