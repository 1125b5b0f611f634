"""The register rule the English -> French model is trained with, and the source end marks it is taught."""
import random
import unittest

import torch

import interpolate
import register

# The same sentences pin the Java rule (FrenchRegisterTest): what the model was taught is what is measured.
CASES = [("Tu viens ?", register.INFORMAL), ("Je t'aime.", register.INFORMAL), ("Va-t'en !", register.INFORMAL),
         ("Assieds-toi.", register.INFORMAL), ("Ta mère a appelé.", register.INFORMAL),
         ("Venez ici.", register.FORMAL), ("Ne partez pas !", register.FORMAL), ("Votre commande est partie.", register.FORMAL),
         ("Taisez-vous !", register.FORMAL), ("Chez moi.", register.NONE), ("Il en a assez.", register.NONE),
         ("A-t-il fini ?", register.NONE), ("Vous et toi.", register.MIXED)]


class RegisterTest(unittest.TestCase):
    def test_the_french_side_register(self):
        for text, expected in CASES:
            self.assertEqual(expected, register.of_french(text), text)

    def test_a_pair_with_a_register_is_marked_with_it_and_sometimes_left_to_the_model(self):
        marks = register.EndMarks(eos_id=3, formal_id=8000)
        ends = [marks.end_id("Come in.", "Entrez.", random.Random(i)) for i in range(200)]
        self.assertEqual({3, 8000}, set(ends))
        self.assertGreater(ends.count(8000), 150)
        ends = [marks.end_id("Come in.", "Entre.", random.Random(i)) for i in range(200)]
        self.assertNotIn(8000, ends, "an informal imperative the rule cannot see is never marked formal")

    def test_a_pair_that_addresses_nobody_takes_either_mark(self):
        marks = register.EndMarks(eos_id=3, formal_id=8000)
        ends = {marks.end_id("He is tired.", "Il est fatigué.", random.Random(i)) for i in range(200)}
        self.assertEqual({3, 8000, 8001}, ends)

    def test_the_grown_embedding_starts_each_mark_as_eos(self):
        state = {"encoder.embed.weight": torch.randn(10, 4)}
        grown = register.grow_source_embedding(dict(state), 12, eos_id=3)["encoder.embed.weight"]
        self.assertEqual((12, 4), tuple(grown.shape))
        self.assertTrue(torch.equal(grown[10], state["encoder.embed.weight"][3]))
        self.assertTrue(torch.equal(grown[11], state["encoder.embed.weight"][3]))

    def test_the_interpolated_weights_lie_between_and_the_marks_are_the_tuned_ones(self):
        base = {"model": {"encoder.embed.weight": torch.zeros(10, 4), "w": torch.zeros(2)}}
        tuned = {"model": {"encoder.embed.weight": torch.ones(12, 4), "w": torch.ones(2)},
                 "config": {"src_vocab": 12, "eos_id": 3}}
        out = interpolate.interpolate(base, tuned, 0.7)["model"]
        self.assertTrue(torch.allclose(out["w"], torch.full((2,), 0.7)))
        self.assertTrue(torch.allclose(out["encoder.embed.weight"][:10], torch.full((10, 4), 0.7)))
        self.assertTrue(torch.equal(out["encoder.embed.weight"][10:], torch.ones(2, 4)))


if __name__ == "__main__":
    unittest.main()
