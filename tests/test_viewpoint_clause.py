"""A viewpoint clause ("from a billing standpoint") says what the question is about (round 24).

"Why does it matter what programs CPSs work in, from a billing standpoint?" quoted the passages
listing the programs, not the one saying it matters given their eligibility for Medicaid
reimbursement: "from a ..." was read as who asks ("question from a new CPS", the `from a`
introduction cue and `_INTRODUCED_RE`), so "billing" never reached the reading. A clause ending
in standpoint, perspective, angle, point of view, lens, side or view names the view the answer
should take; its head word is kept as content (`_VIEWPOINT_RE` in bot/question.py). Who asks
("question from a peer mentor, ...") is still dropped. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

VIEWPOINTS = [
    "from a reimbursement standpoint, why does it matter which programs CPSs work in?",
    "why does it matter which programs CPSs are employed in, from a billing perspective?",
    "from a funding point of view, why do the programs CPSs work in matter?",
]


@pytest.mark.parametrize("question", VIEWPOINTS)
def test_the_viewpoint_is_what_is_asked_about(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == "peersforprogress-medicaid-eligibility", question


def test_who_asks_is_still_dropped(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("quick one from a peer mentor, how many states certify peers?"))
    assert answer.ask is not None and "mentor" not in answer.ask


def test_a_viewpoint_before_a_question_of_its_own_keeps_its_answer(
    real_index: SnippetIndex,
) -> None:
    assert_among_answers(
        real_index,
        "from a policy standpoint, how many states certify peer specialists?",
        "lafrance2017-states-certify",
    )
