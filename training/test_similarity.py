"""The spelling similarity the alignment layer reads; SpellingSimilarityTest pins the same cases in Java."""
import unittest

import similarity

CASES = [("complex,", "complexe", 7 / 8), ("legal", "légal,", 1.0), ("prostitutes", "prostituées", 8 / 11),
         ("on", "on", 0.0), ("C-49", "C-49,", 1.0), ("buying", "achat", 0.0), ("Québec", "quebec", 1.0),
         ("3", "3", 1.0), ("l'homme", "homme", 1.0), ("«Bonjour»", "bonjour", 1.0), ("sex", "sexuels", 0.0)]


class SimilarityTest(unittest.TestCase):
    def test_words(self):
        for a, b, expected in CASES:
            self.assertAlmostEqual(similarity.similarity(a, b), expected, places=6, msg=f"{a} / {b}")

    def test_pieces_take_the_similarity_of_their_words(self):
        self.assertEqual(similarity.piece_matrix(["\u2581The", "\u2581situ", "ation"], ["\u2581La", "\u2581situation", "."]),
                         [[0.0, 0.0, 0.0], [0.0, 1.0, 1.0], [0.0, 1.0, 1.0]])


if __name__ == "__main__":
    unittest.main()
