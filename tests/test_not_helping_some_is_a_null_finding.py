"""That peer support does not help some people is a finding that it does not work for them
(round 27).

"is there any evidence that peer support doesn't help some people?" quoted Bellamy's positive
findings on hope and empowerment first: it was read as asking whether peer support works. It
is now the null-finding frame, which only a passage saying something did not work or was of
no use answers: mixed evidence, or the Hong Kong clients for whom "PSWs were not useful". Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

NOT_FOR_ALL = {"barrenger2019-mixed-evidence", "tse2019-medication-not-useful"}


@pytest.mark.parametrize(
    "question",
    [
        "any research showing peer support doesn't help some folks?",
        "does peer support just not work for some clients",
    ],
)
def test_it_not_helping_some_is_answered_with_a_null_finding(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered and answer.frame == "null-finding"
    assert {result.snippet_id for result in answer.results} <= NOT_FOR_ALL, answer.results
