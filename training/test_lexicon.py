"""The source lexicon: the words the model saw and the accents a writer left out."""
import unittest

import lexicon


class LexiconTest(unittest.TestCase):
    def test_a_word_without_accents_gets_the_form_its_neighbours_had_in_training(self):
        sources = ["Il a faim."] * 3 + ["Je vais à Paris.", "Tu vas à Lyon.", "Ça va à merveille."]
        restorer = lexicon.Restorer(lexicon.build(sources), alpha=0.01)
        self.assertEqual(["il", "a", "faim"], restorer.restore(["il", "a", "faim"]))
        self.assertEqual(["je", "vais", "à", "lyon"], restorer.restore(["je", "vais", "a", "lyon"]))
        self.assertEqual(["ça", "va", "bien"], restorer.restore(["ca", "va", "bien"]))


if __name__ == "__main__":
    unittest.main()
