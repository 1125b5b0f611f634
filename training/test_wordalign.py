"""The statistical aligner that teaches the attention, and how its word links reach the model's pieces."""
import unittest

import common
import wordalign


class WordAlignTest(unittest.TestCase):
    def test_words_that_always_occur_together_are_linked_across_word_order(self):
        nouns = {"chat": "cat", "chien": "dog", "oiseau": "bird", "cheval": "horse"}
        colours = {"noir": "black", "blanc": "white", "rouge": "red", "vert": "green"}
        pairs = [(f"je vois le {n} {c} ici", f"I see the {ec} {en} here")
                 for n, en in nouns.items() for c, ec in colours.items()]
        links = wordalign.align(pairs)
        self.assertEqual([(0, 0), (1, 1), (2, 2), (3, 4), (4, 3), (5, 5)], links[0])

    def test_symmetrisation_keeps_the_agreed_links_and_fills_unaligned_words(self):
        self.assertEqual([(0, 0), (1, 1), (1, 2)],
                         wordalign.grow_diag_final_and({0: 0, 1: 1, 2: 1}, {0: 0, 1: 1}, 2, 3))


class PieceLinkTest(unittest.TestCase):
    def test_every_piece_of_a_linked_word_inherits_the_link(self):
        # Piece ids standing for "▁je ▁sui s" and "▁I ▁am"; word starts flagged by id.
        src_start = {10: 1, 11: 1, 12: 0}
        tgt_start = {20: 1, 21: 1}
        links = common.piece_links([10, 11, 12], [20, 21], [(0, 0), (1, 1)], src_start, tgt_start)
        self.assertEqual([(0, 0), (1, 1), (1, 2)], links)

    def test_the_guide_sends_each_linked_step_to_its_source_pieces_and_the_end_to_the_end(self):
        example = ([10, 11, 12, 3], [20, 21], [(0, 0), (1, 1), (1, 2)])
        guide = common.guide_matrix([example], [0], 4, 3)[0]
        self.assertEqual([[1, 0, 0, 0], [0, 0.5, 0.5, 0], [0, 0, 0, 1]], guide.tolist())


if __name__ == "__main__":
    unittest.main()
