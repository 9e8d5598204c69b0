"""Confident wrong answers of kinds found on fresh study questions (round 16), on our own questions.

Each test names a class of wrong answer, not a question: a comparison whose first side sits in
the cue's wildcard, a count of one thing answered with a count of another, a share of something
the passage does not name, a question about a work the sources only mention.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, assert_partial, own

# --- a comparison whose first side is inside the cue ("how is A different from B") ------------


@pytest.mark.parametrize(
    "question",
    [
        "how is a peer mentor different from a social worker?",
        "what makes a recovery coach different from a nurse?",
        "is a peer bridger different from a case manager?",
    ],
)
def test_a_side_inside_the_cue_is_still_a_side(real_index: SnippetIndex, question: str) -> None:
    """ "How is a peer supporter different from a community health worker" had no sides (the
    left one stood in the cue's wildcard), so any passage with comparing words answered it."""
    reading = real_index.read(own(question))
    assert reading.sides is not None
    assert_partial(real_index, question, "comparison", "a comparison of both")


# --- a count of one thing answered with a count of another --------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "how many DDA meetings run in England?",
        "how many DDA chapters are there in America?",
    ],
)
def test_a_count_of_a_unit_needs_that_unit_counted(real_index: SnippetIndex, question: str) -> None:
    """ "How many DDA groups" was answered with "six DDA members were interviewed": the name
    matched, the unit counted (groups, meetings, programs) did not."""
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.frame == "how-many"


def test_a_count_of_the_units_named_still_answers(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "roughly how many states train and certify peer staff?",
        "lafrance2017-states-certify",
    )
    assert_among_answers(
        real_index, "how many DDA members did the researchers interview?", "milani2020-interviews"
    )


# --- a count or share of something the passage does not name ------------------------------------


@pytest.mark.parametrize(
    ("question", "frame", "missing"),
    [
        ("what share of Canadian young people get peer support?", "percentage", "that percentage"),
        (
            "what percent of people in India have access to peer support?",
            "percentage",
            "that percentage",
        ),
        ("how many Indians receive peer support each year?", "how-many", "a figure for that"),
    ],
)
def test_a_share_of_peer_support_needs_peer_support_named(
    real_index: SnippetIndex, question: str, frame: str, missing: str
) -> None:
    """The share of youth accessing mental health services is no share receiving peer support,
    nor are the people treated in India a count of those getting peer support: the field's
    words are too common for coverage to miss them, so a count or share checks them."""
    assert_partial(real_index, question, frame, missing)
