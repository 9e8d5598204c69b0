"""A weak ask's context keeps what the answer is on, not who wants it (round 21, own questions).

"my director wants proof peers cut readmissions... what does the evidence say": the ask ("what
does the evidence say") names no topic, so it takes the sentence before as its topic. Only words
a passage has were kept, before any synonym was read: "readmissions" (which the synonyms read as
hospitalization) was dropped, "director" (a word of one passage's affiliation) kept, and the
question was declined with nothing related. A word a synonym or a name knows is kept now, and
who wants the answer ("my director wants", "our board asked for") is no part of the topic.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "message",
    [
        "my supervisor wants proof that peers reduce readmissions. what does research say?",
        "our board asked for evidence peers cut readmissions... what's out there?",
        "my boss keeps asking whether peer support lowers readmissions. what do studies show?",
    ],
)
def test_the_outcome_asked_about_is_kept(real_index: SnippetIndex, message: str) -> None:
    question = real_index.read(own(message))
    assert "readmissions" in question.words
    answer = real_index.search(message)
    assert answer.answered
    assert answer.results[0].snippet_id == "bellamy2017-hospitalization-mixed"


@pytest.mark.parametrize(
    ("message", "requester"),
    [
        (
            "our executive director wants proof peers improve hope. what do studies show?",
            "director",
        ),
        ("the board wants data on peer retention. what do we know?", "board"),
        (
            "my clinical director asked me if peers reduce symptoms. what does the lit say?",
            "director",
        ),
    ],
)
def test_who_wants_the_answer_is_no_topic(
    real_index: SnippetIndex, message: str, requester: str
) -> None:
    assert requester not in real_index.read(own(message)).words
