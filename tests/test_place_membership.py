"""A place asked about as one of a set is asked what the set does (round 24).

"Is DC one of the places that certifies peers?" was declined with "anything on one places
certifies for District of Columbia": the check that a passage about the place says what is asked
of it (`SnippetIndex._asked_of_the_place`) kept "one", "places", "among", "jurisdictions" and
"states" as asked, and the passage naming DC among the certifying jurisdictions says none of
them. Words referring back to the place or its class, and words putting it in a set, are the
place's (`_PLACE_REFERENCE`): what is asked of it is the rest ("certifies"). Own questions, not in
the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

# The place as one of a set doing something a passage about the place says it does.
MEMBERSHIP = [
    ("is DC among the places that certify peer specialists?", "lafrance2017-states-certify"),
    (
        "is the District of Columbia one of the places that train peer specialists?",
        "lafrance2017-states-certify",
    ),
    ("is california part of the states with peer certification?", "lafrance2017-california"),
    ("would California be one of the states that certify peers?", "lafrance2017-california"),
]


@pytest.mark.parametrize(("question", "snippet_id"), MEMBERSHIP)
def test_a_place_asked_as_one_of_a_set_is_answered_by_its_passage(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_among_answers(real_index, question, snippet_id)


@pytest.mark.parametrize(
    "question",
    [
        "is Hong Kong one of the places that certify peer workers?",
        "is hong kong among the places that certify peer support workers?",
        "is India one of the countries that certifies peer workers?",
    ],
)
def test_what_is_asked_of_the_place_is_still_checked(
    real_index: SnippetIndex, question: str
) -> None:
    """Hong Kong's passages say it adopted peer services, not that it certifies peers: the set
    words are set aside, "certify" is still asked of the place."""
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and answer.missing.startswith("anything on certif")
