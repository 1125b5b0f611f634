"""The catalogue reader and filters (catalogues.py) and the chat mix (mix.py)."""
import os
import struct
import tempfile
import unittest

import catalogues
import mix


def write_mo(path, entries):
    """A little-endian GNU .mo file holding (msgid, msgstr) entries, as msgfmt lays it out."""
    count = len(entries)
    originals, translations = 28, 28 + 8 * count
    offset = translations + 8 * count
    table_o, table_t, blob = b"", b"", b""
    for source, _ in entries:
        raw = source.encode("utf-8")
        table_o += struct.pack("<2I", len(raw), offset + len(blob))
        blob += raw + b"\x00"
    for _, target in entries:
        raw = target.encode("utf-8")
        table_t += struct.pack("<2I", len(raw), offset + len(blob))
        blob += raw + b"\x00"
    with open(path, "wb") as f:
        f.write(struct.pack("<7I", 0x950412de, 0, count, originals, translations, 0, 0) + table_o + table_t + blob)


class CatalogueTest(unittest.TestCase):
    def test_reads_singulars_without_context_or_header(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "app.mo")
            write_mo(path, [("", "Content-Type: text/plain; charset=UTF-8\n"),
                            ("menu\x04_Open", "_Ouvrir"),
                            ("%d file\x00%d files", "%d fichier\x00%d fichiers"),
                            ("Your payment was received.", "Votre versement a été reçu.")])
            self.assertEqual([("_Open", "_Ouvrir"), ("%d file", "%d fichier"),
                              ("Your payment was received.", "Votre versement a été reçu.")],
                             catalogues.read_mo(path))

    def test_filters_say_why_a_pair_is_left_out(self):
        cases = {
            ("Delete %s?", "Supprimer %s ?"): "placeholder",
            ("Open {name}", "Ouvrir {name}"): "placeholder",
            ("<b>Bold</b>", "<b>Gras</b>"): "markup",
            ("See https://example.org", "Voir https://example.org"): "markup",
            ("Cancel", "Annuler l'opération en cours et revenir à la fenêtre principale"): "length",
            ("Ethernet", "Ethernet"): "copied",
            ("1, 2 / 3", "1 à 2 / 3"): "letters",
            ("Your refund is on its way.", "Votre remboursement est en route."): None,
        }
        for (en, fr), reason in cases.items():
            self.assertEqual(reason, catalogues.rejection(en, fr), en)

    def test_accelerator_marks_are_not_words(self):
        self.assertEqual(["Open File", "Save As", "Tom & Jerry"],
                         [catalogues.clean(t) for t in ("_Open File", "~Save &As", "Tom & Jerry")])


class MixTest(unittest.TestCase):
    def test_short_replies_from_short_pairs_opening_words_and_ellipses(self):
        train = [("Super !", "Great!"),
                 ("Désolé, je suis en retard.", "Sorry, I'm late."),
                 ("Tom, je suis en retard.", "I'm late, Tom."),
                 ("C'est parfait !", "That's perfect!")]
        links = [[(0, 0)], [(0, 0), (1, 1), (2, 1), (3, 2), (4, 2), (5, 2)], [(0, 3), (1, 0), (2, 0)], [(0, 0), (1, 1)]]
        catalogue = [("Annuler", "Cancel"), ("Votre versement est reçu.", "Your payment is received."),
                     ("Bonjour.", "Hello.")]
        pairs, counts = mix.mix(train, links, catalogue, {"Bonjour."}, 1, "fr-en")
        self.assertEqual(train + [("Votre versement est reçu.", "Your payment is received."),
                                  ("Super !", "Great!"), ("C'est parfait !", "That's perfect!"),
                                  ("Désolé.", "Sorry."), ("Parfait !", "Perfect!")], pairs)
        self.assertEqual({"tatoeba": 4, "catalogues": 1, "catalogues_left_out": 2, "short": 2, "heads": 1,
                          "ellipses": 1, "replies_repeated": 4}, counts)


if __name__ == "__main__":
    unittest.main()
