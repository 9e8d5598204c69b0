"""A definition question said with feeling ("what even is peer support?") is still one.

Before, an intensifier between the question word and the verb left the question without a frame,
and "what even is peer support" was answered with how unevenly peer support has grown. Questions
here are our own (checked not to be evaluation questions).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    ("question", "defining"),
    [
        ("what even is peer support?", "goutam2020-shared-experience"),
        (
            "hey all, new hire here - what even is peer support exactly? my manager keeps "
            "saying it like i know lol",
            "goutam2020-shared-experience",
        ),
        ("what even is DDA", "milani2020-dda-programme"),
        ("what actually is Dual Diagnosis Anonymous?", "milani2020-dda-programme"),
    ],
)
def test_an_intensified_definition_is_answered_from_the_card(
    real_index: SnippetIndex, question: str, defining: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "definition"
    assert answer.answered
    assert answer.results[0].snippet_id == defining


def test_what_the_evidence_really_is_stays_an_evidence_question(real_index: SnippetIndex) -> None:
    """An earlier frame still wins: "what really is the evidence" asks whether it works."""
    answer = real_index.search(own("what really is the evidence for peer support?"))
    assert answer.frame == "effectiveness"
    assert answer.answered


@pytest.mark.parametrize(
    "question",
    ["new here, what is a peer exactly?", "who counts as a peer?", "who is considered a peer"],
)
def test_what_a_peer_is_is_answered_from_its_card(real_index: SnippetIndex, question: str) -> None:
    # The most basic word of the field: declined before, as "peer" named no concept.
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == "goutam2020-shared-experience"


def test_a_longer_name_holding_peer_keeps_its_own_card(real_index: SnippetIndex) -> None:
    # "peer bridger" is a role of its own: its card (the job titles), not the word "peer".
    answer = real_index.search(own("ok but what is a peer bridger though"))
    assert answer.answered
    assert answer.results[0].snippet_id == "lafrance2017-job-titles"
