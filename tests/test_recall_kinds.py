"""Recall kinds of round 17: the right passage first, on questions found in no evaluation file.

Each test names a family of phrasings that put the passage saying what was asked below one that
only shares the frame's topic or cue, and proves the mechanism with questions of our own.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


def _first(index: SnippetIndex, question: str) -> str:
    """The first shown passage of a question that is not an evaluation question."""
    answer = index.search(own(question))
    assert answer.answered, question
    return answer.results[0].snippet_id


# --- a frame's topic does not bury the passage far ahead of it -----------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # "evidence": the effectiveness cue; what is asked is how to keep peer specialists.
        (
            "is there evidence on sustaining peer specialists in the mental health system",
            "rogers2017-sustain-peer-specialists",
        ),
        # "do * work": the effectiveness cue; what is asked is where they work.
        (
            "do peer specialists work out in the community more or at the office",
            "peersforprogress-site-vs-community",
        ),
    ],
)
def test_an_off_topic_passage_far_ahead_keeps_its_place(
    real_index: SnippetIndex, question: str, first: str
) -> None:
    assert _first(real_index, question) == first
