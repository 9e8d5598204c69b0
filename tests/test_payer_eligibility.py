"""Eligible for a payer is funding, not what it takes to become a peer.

"Are CPS services eligible for Medicaid?" matched the requirements frame by "eligible" and was
declined with "the requirements asked about (a state's certification board ...)", though the
sources say CPSs' eligibility for Medicaid reimbursement is why their settings matter and that
16 states reimburse CPS services. Eligibility for a payer (Medicaid, Medicare, insurance,
payment, funding) turns the requirements frame off; eligibility to become one keeps it. Own
questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

PAYER_ELIGIBILITY = [
    "are CPS services eligible for medicaid?",
    "quick q: medicaid eligibility for certified peer specialists, what do we know",
]


@pytest.mark.parametrize("question", PAYER_ELIGIBILITY)
def test_eligibility_for_a_payer_is_answered_by_the_funding_passages(
    real_index: SnippetIndex, question: str
) -> None:
    assert real_index.search(own(question)).frame != "requirements"
    assert_among_answers(real_index, question, "peersforprogress-medicaid-eligibility")


def test_eligibility_to_become_one_is_still_a_requirement(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("who is eligible to become a certified peer specialist?"))
    assert answer.frame == "requirements"
