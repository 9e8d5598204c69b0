"""A follow-up that points back never outranks the question it points at (round 21, own
questions).

Staff ask a basic question and add a yes/no follow-up about it in the same message: "what is a
peer specialist? is it the same as a social worker?", "how many states certify peers, and is
Texas one of them?". The follow-up's words ("social worker", "case manager") are rarer, so it
scored as the ask: a passage on case management answered a message that first asked what a
peer specialist is, and the follow-up's "it" was read against the whole message. The follow-up
only makes sense of the question before it, so that question is answered and the reply says
another question was asked. A yes/no question joined on after a comma (", and does Medicaid pay
for it?") is a question of its own, split off like ", and what ...".
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        (
            "what is a peer specialist? is it the same as a social worker?",
            "what is a peer specialist",
        ),
        (
            "new here. what do peer specialists do all day? is that similar to a CHW?",
            "what do peer specialists do all day",
        ),
        (
            "what's a recovery coach? are they certified?",
            "what s a recovery coach",
        ),
        (
            "how many states certify peer specialists? does that include texas?",
            "how many states certify peer specialists",
        ),
        (
            "what is intentional peer support? is it evidence based?",
            "what is intentional peer support",
        ),
        (
            "what does a peer specialist actually do? is it like being a case manager?",
            "what does a peer specialist actually do",
        ),
    ],
)
def test_the_question_pointed_at_is_answered(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    question = real_index.read(own(message))
    assert question.ask == ask
    assert question.other_questions == 1


@pytest.mark.parametrize(
    ("message", "ask"),
    [
        (
            "how many states certify peers, and does medicaid pay for them?",
            "how many states certify peers",
        ),
        (
            "what do peer bridgers do, and can they bill medicaid?",
            "what do peer bridgers do",
        ),
        (
            "how are peers funded, and is it different in india?",
            "how are peers funded",
        ),
        (
            "what is a peer specialist, and does medicaid pay for them?",
            "what is a peer specialist",
        ),
    ],
)
def test_a_yes_no_question_joined_on_is_a_second_question(
    real_index: SnippetIndex, message: str, ask: str
) -> None:
    question = real_index.read(own(message))
    assert question.ask == ask
    assert question.other_questions == 1


def test_the_follow_up_is_not_the_answer(real_index: SnippetIndex) -> None:
    """The definition is answered, not the follow-up's case management passage."""
    answer = real_index.search(
        own("just started supervising. what is a peer specialist? is it like a case manager?")
    )
    assert answer.answered
    assert answer.results[0].snippet_id != "peersforprogress-site-vs-community"
    assert "case management" not in answer.results[0].text


def test_the_follow_up_passed_over_is_no_context(real_index: SnippetIndex) -> None:
    """ "what is a CPS? does that differ in california?": the state is the second question's,
    not a place the definition must name."""
    question = real_index.read(own("what is a CPS? does that differ in california?"))
    assert "california" not in question.words
    assert question.other_questions == 1


@pytest.mark.parametrize(
    "message",
    [
        # The follow-up is the only question: it reads the statement before it.
        "we run a warmline. is it billable to medicaid?",
        "my team does mostly 1:1 work. is that more effective than groups?",
    ],
)
def test_what_is_not_a_follow_up_keeps_its_reading(real_index: SnippetIndex, message: str) -> None:
    question = real_index.read(own(message))
    assert question.other_questions == 0
