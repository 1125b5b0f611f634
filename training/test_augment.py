"""The augmentation modifiers: deterministic per epoch, consistent on both sides, off when not asked."""
import unittest

import augment

PAIRS = [("Tom a 3 chats.", "Tom has 3 cats."), ("Marie est très fatiguée.", "Mary is very tired."),
         ("Je suis étudiant.", "I am a student."), ("Il est 10 heures.", "It's 10 o'clock."),
         ("Où est la gare ?", "Where is the station?")]


def pairs(triples):
    return [(src, tgt) for src, tgt, _ in triples]


class AugmentTest(unittest.TestCase):
    def test_no_rates_leaves_the_pairs_as_they_are(self):
        self.assertEqual(PAIRS, pairs(augment.augment_epoch(PAIRS, {}, 1, 0)))

    def test_an_epoch_is_a_function_of_seed_and_epoch(self):
        rates = augment.parse_rates("upper=0.3,typos=0.5,names=0.5,merge=0.3")
        self.assertEqual(augment.augment_epoch(PAIRS * 20, rates, 1, 3), augment.augment_epoch(PAIRS * 20, rates, 1, 3))
        self.assertNotEqual(augment.augment_epoch(PAIRS * 20, rates, 1, 3), augment.augment_epoch(PAIRS * 20, rates, 1, 4))

    def test_names_are_replaced_by_the_same_name_on_both_sides(self):
        out = pairs(augment.augment_epoch(PAIRS[:2] * 30, {"names": 1.0}, 1, 0))
        for src, tgt in out:
            name = src.split(" ")[0]
            self.assertIn(name, augment.NAMES)
            self.assertTrue(tgt.startswith(name + " "), (src, tgt))
        self.assertGreater(len({src.split(" ")[0] for src, _ in out}), 10, "names vary")

    def test_coined_names_are_new_every_time_and_the_same_on_both_sides(self):
        out = augment.augment_epoch([PAIRS[0]] * 200, {"coined": 1.0}, 1, 0)
        names = {src.split(" ")[0] for src, _, _ in out}
        self.assertGreater(len(names), 190)
        self.assertFalse(names & set(augment.NAMES))
        for src, tgt, _ in out:
            self.assertEqual(src.split(" ")[0], tgt.split(" ")[0])

    def test_names_follow_the_direction_of_the_pairs(self):
        [(src, tgt, _)] = augment.augment_epoch([("Mary is tired.", "Marie est fatiguée.")], {"names": 1.0}, 1, 0,
                                                direction="en-fr")
        name = src.split(" ")[0]
        self.assertIn(name, augment.NAMES)
        self.assertEqual(f"{name} est fatiguée.", tgt)

    def test_numbers_are_replaced_consistently_and_keep_their_length(self):
        for src, tgt in pairs(augment.augment_epoch([PAIRS[0], PAIRS[3]] * 20, {"numbers": 1.0}, 1, 0)):
            number = [w for w in src.split(" ") if w.isdigit()][0]
            self.assertIn(number, tgt.split(" "))
        numbers = {src.split(" ")[2] for src, _, _ in augment.augment_epoch([PAIRS[3]] * 50, {"numbers": 1.0}, 1, 0)}
        self.assertTrue(all(len(n) == 2 and not n.startswith("0") for n in numbers), numbers)

    def test_accents_are_stripped_from_the_source_only(self):
        [(src, tgt, _)] = augment.augment_epoch([("Marie est très fatiguée, à côté.", "Mary is very tired.")],
                                                {"noaccents": 1.0}, 1, 0)
        self.assertEqual("Marie est tres fatiguee, a cote.", src)
        self.assertEqual("Mary is very tired.", tgt)

    def test_chat_style_lowers_the_first_letter_and_drops_the_full_stop_of_the_source(self):
        [(src, tgt, _)] = augment.augment_epoch([PAIRS[2]], {"chat": 1.0}, 1, 0)
        self.assertEqual(("je suis étudiant", "I am a student."), (src, tgt))

    def test_merged_pairs_join_consecutive_sentences_on_both_sides_and_keep_their_word_links(self):
        # Each pair's words linked in order: the k-th source word to the k-th target word.
        links = [[(k, k) for k in range(min(len(s.split()), len(t.split())))] for s, t in PAIRS]
        out = augment.augment_epoch(PAIRS, {"merge": 1.0}, 1, 0, links)
        self.assertLess(len(out), len(PAIRS))
        self.assertEqual(" ".join(s for s, _ in PAIRS), " ".join(s for s, _, _ in out))
        self.assertEqual(" ".join(t for _, t in PAIRS), " ".join(t for _, t, _ in out))
        words = {(s.split()[i], t.split()[j]) for s, t, row in out for i, j in row}
        self.assertEqual({(s.split()[k], t.split()[k]) for (s, t), row in zip(PAIRS, links) for k, _ in row}, words)

    def test_long_joins_five_to_eight_pairs(self):
        out = augment.augment_epoch(PAIRS * 40, {"long": 1.0}, 1, 0)
        sizes = {s.count(".") + s.count("?") for s, _, _ in out[:-1]}
        self.assertEqual(set(range(5, 9)), sizes)

    def test_unknown_modifiers_and_rates_out_of_range_are_refused(self):
        with self.assertRaises(ValueError):
            augment.parse_rates("shout=0.1")
        with self.assertRaises(ValueError):
            augment.parse_rates("upper=1.5")


if __name__ == "__main__":
    unittest.main()
