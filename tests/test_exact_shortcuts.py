"""Speed shortcuts of the per-question path give exactly what the longer way gives.

Each shortcut here replaces a computation on a small knowledge base (or on ASCII text) by a
cheaper one; these tests run both on the real knowledge base's questions and compare.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.golden_answers import golden_questions


def test_wordings_weight_from_bits_is_the_postings_weight(real_index: SnippetIndex) -> None:
    """A concept's weight counted from bit sets equals the one from numpy's postings, float for
    float, for every concept of every golden question and for wordings mixing their terms."""
    checked = 0
    for _, question in golden_questions():
        reading = real_index._analyse(real_index.read(question))
        for concept in reading.concepts:
            expected = real_index._wordings_weight_postings(concept)
            assert real_index._wordings_weight_bits(concept) == expected, question
            checked += 1
        # Wordings of several terms, some no passage holds together (or at all).
        mixed = [c for c in reading.concepts if c.alternatives]
        for first, second in zip(mixed, mixed[1:], strict=False):
            first.alternatives.add(frozenset({first.term, second.term, "\x00never"}))
            first.alternatives.add(frozenset({first.term, second.term}))
            first.alternatives.add(frozenset())
            expected = real_index._wordings_weight_postings(first)
            assert real_index._wordings_weight_bits(first) == expected, question
            checked += 1
    assert checked > 1000
