"""The case for hiring peers is the benefits of peer support (round 27).

"why should we hire peers" was declined as hiring advice, "why hire a peer specialist" quoted
where peer specialists work, and "benefits of hiring peer support workers" quoted that unclear
roles hinder adoption: "hire" was a word to cover, and the passages' asks about where peers are
employed held it. A manager asking why to hire peers asks what peer support does for the people
served; shorthand.yaml now reads "why (should we) hire", "the case for hiring", "benefits of
hiring/having/adding" as "(what are) the benefits of". How to hire stays hiring advice. Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own, topics_of


@pytest.mark.parametrize(
    "question",
    [
        "ok so why should we hire peers at all? board is skeptical",
        "why would an agency hire a peer specialist",
        "what's the case for hiring recovery coaches",
        "benefits of adding peer staff to our clinic?",
    ],
)
def test_the_case_for_hiring_is_answered_with_what_peer_support_does(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, answer.missing
    first = answer.results[0].snippet_id
    assert "evidence-outcomes" in topics_of(real_index, first), first


def test_how_to_hire_stays_hiring_advice(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("should we hire a peer who just got out of rehab"))
    assert not answer.answered
    assert answer.frame == "hiring"
