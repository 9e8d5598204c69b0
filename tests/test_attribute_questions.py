"""A question asking something *of* a concept is not answered by the concept's card.

"What are the limits of peer support" asks for limits; the card defining peer support says what
peer support is. Before, the card path let one word beside the concept through (for "what is
peer support in mental health *care*"), and that word was the very thing asked: the defining
passage came first, unchecked. Now a word between the question's cue and the concept, joined to
the concept by "of", "for", "behind", "about" or "to", rules the card out, and the question is
answered, or declined, by what covers its words. Questions here are our own (checked not to be
evaluation questions).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

PEER_SUPPORT_DEFINED = "goutam2020-shared-experience"
DDA_DEFINED = "milani2020-dda-programme"


@pytest.mark.parametrize(
    ("question", "defining"),
    [
        ("what are the limits of peer support?", PEER_SUPPORT_DEFINED),
        ("so what's the purpose of peer support", PEER_SUPPORT_DEFINED),
        ("what are the components of peer support again", PEER_SUPPORT_DEFINED),
        ("what are the weaknesses of DDA?", DDA_DEFINED),
        ("ok what's known about why peer support helps people", PEER_SUPPORT_DEFINED),
    ],
)
def test_what_is_asked_of_a_concept_is_not_its_definition(
    real_index: SnippetIndex, question: str, defining: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "definition"
    shown = [result.snippet_id for result in answer.results]
    assert defining not in shown[:1], question


@pytest.mark.parametrize(
    ("question", "defining"),
    [
        # The word left over qualifies the concept, or stands outside the question's cue.
        ("whats peer support in mental health care", PEER_SUPPORT_DEFINED),
        ("a client mentioned dual diagnosis anonymous, what is it?", DDA_DEFINED),
        ("what is DDA in the UK", DDA_DEFINED),
    ],
)
def test_a_concept_with_a_word_beside_it_is_still_defined_by_its_card(
    real_index: SnippetIndex, question: str, defining: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == defining, question
