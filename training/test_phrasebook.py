"""The phrasebook: the training split's short sentences and their translations."""
import unittest

import phrasebook


class PhrasebookTest(unittest.TestCase):
    def test_short_sources_without_digits_are_kept_once_each_sorted(self):
        pairs = [("Super !", "That's great!"), ("Super !", "Great!"), ("Super !", "Great!"),
                 ("Merci pour tout !", "Thanks for everything!"),
                 ("Je ne sais pas du tout.", "I have no idea at all."),
                 ("J'ai 3 chats.", "I have 3 cats."), ("...", "...")]
        self.assertEqual(phrasebook.entries(pairs), [("Merci pour tout !", "Thanks for everything!"),
                                                     ("Super !", "Great!"), ("Super !", "That's great!")])


if __name__ == "__main__":
    unittest.main()
