"""A role the sources only mention in passing is not defined by the passage that mentions it.

"What does a peer support leader do?" was answered with SAMHSA's grant news (funding "training
for peer support leaders"), "what is a community health worker" with a blog's remark on their
licensing and an unrelated passage on research needs, "what does a DDA facilitator do" with the
DDA study's design. Such roles have `unexplained` and `named_in` in roles.yaml, as concepts do:
a what-is or duties question says what the sources lack, with the naming passage as related.
Other questions about them are still answered from the passages. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

ONLY_MENTIONED = [
    ("so what do peer support leaders actually do?", "peersforprogress-samhsa-2-3-million"),
    ("quick one - what's a CHW?", "peersforprogress-chw-reimbursement"),
    ("what is a DDA facilitator's role day to day", "milani2020-employment-commissioning"),
]


@pytest.mark.parametrize(("question", "naming"), ONLY_MENTIONED)
def test_a_role_only_mentioned_is_not_defined_by_its_mention(
    real_index: SnippetIndex, question: str, naming: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and " only " in answer.missing
    assert naming in [result.snippet_id for result in answer.related]


def test_what_the_mention_says_is_still_answered(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what did the DDA facilitators notice about jobs and school?"))
    assert answer.answered
    assert answer.results[0].snippet_id == "milani2020-employment-commissioning"
