"""Pins the scorer to sacreBLEU 2.x results for the same inputs (values from sacreBLEU's docs and tests)."""
import unittest

import metrics

HYPS = ["The dog bit the man.", "It wasn't surprising.", "The man had just bitten him."]
REFS = [["The dog bit the man.", "The dog had bit the man."],
        ["It was not unexpected.", "No one was surprised."],
        ["The man bit him first.", "The man had bitten the dog."]]


class BleuMatchesSacreBleu(unittest.TestCase):
    def test_multi_reference_corpus_bleu(self):
        self.assertAlmostEqual(metrics.corpus_bleu(HYPS, REFS), 48.530827, places=5)

    def test_empty_hypotheses_score_zero(self):
        self.assertEqual(metrics.corpus_bleu(["", "", ""], REFS), 0.0)

    def test_13a_tokenisation(self):
        self.assertEqual(metrics.tokenize_13a("It wasn't 3.5-4, \"ok\"?"),
                         ["It", "wasn't", "3.5", "-", "4", ",", '"', "ok", '"', "?"])


class ChrfMatchesSacreBleu(unittest.TestCase):
    def test_effective_order_cases(self):
        for hyps, refs, expected in [(["a"], ["a"], 100.0), ([""], ["reference"], 0.0),
                                     (["a b c"], ["abc"], 100.0), (["a", "b"], ["a", "c"], 50.0),
                                     (["aa"], ["ab"], 25.0)]:
            self.assertAlmostEqual(metrics.corpus_chrf(hyps, [[r] for r in refs]), expected, places=4)

    def test_best_reference_is_used(self):
        self.assertAlmostEqual(metrics.corpus_chrf(["abc"], [["xyz", "abc"]]), 100.0, places=4)


if __name__ == "__main__":
    unittest.main()
