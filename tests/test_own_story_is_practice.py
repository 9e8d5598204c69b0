"""What peers are expected to do with their own story is practice advice (round 26).

"are peers supposed to share their own recovery story with clients" quoted the passage naming
research on self-disclosure as a framework, no answer to what a peer is expected to do; "is a
peer allowed to share their history of drug use" was read as how long something has existed
("history of"). Both now get the advice reply, as "should peer workers disclose" does; a
person's own history is no since-when question, and "the history of peer support" still is.
Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "question",
    [
        "are peers supposed to share their own recovery story with clients?",
        "are peer workers expected to disclose their diagnosis at intake",
        "is a peer allowed to share their history of drug use with members?",
    ],
)
def test_what_a_peer_is_expected_to_share_is_advice(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "advice", question
    assert not answer.answered


@pytest.mark.parametrize(
    "question",
    ["can someone with a history of psychosis work as a peer", "my history of addiction"],
)
def test_a_persons_own_history_is_not_how_long_something_existed(
    real_index: SnippetIndex, question: str
) -> None:
    frame = real_index.read(own(question)).frame
    assert frame is None or frame.id != "since-when", question


def test_the_history_of_peer_support_is_still_how_long_it_has_existed(
    real_index: SnippetIndex,
) -> None:
    reading = real_index.read(own("what's the history of peer support in our country?"))
    assert reading.frame is not None and reading.frame.id == "since-when"
