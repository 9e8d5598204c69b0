"""The downsides of peer support: the sources weigh none, and say so (round 26).

"what could go wrong with peer support" quoted the passage on funding increases; "criticisms of
peer support?", "what are the risks of peer support" and "any drawbacks to hiring peers?" were
declined bare. A concept `downsides` (knowledge/concepts.yaml) is now asked about by naming it
(`asked_by_name`), whatever the question's frame: the reply says what the sources lack, beside
the Hong Kong passages on clients' critical perspectives. Asked about those clients, it is
answered from them. Own questions, not in the eval files.

Round 27: criticism is not a downside weighed. "criticisms of peer support?" is answered by the
Hong Kong study's "critical perspectives about peer support services"
(tests/test_criticism_is_the_critical_perspectives.py).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

NAMING = ["tse2019-three-themes", "tse2019-medication-not-useful"]


@pytest.mark.parametrize(
    "question",
    [
        "what might go wrong if we bring peers onto the team?",
        "any disadvantages to peer support?",
        "are there any drawbacks to using peer workers",
        "what are the risks of peer support for our clients",
        "can peer support do harm?",
    ],
)
def test_downsides_are_declined_with_what_comes_nearest(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None
    assert answer.missing.startswith("what the downsides or risks of peer support are")
    assert [result.snippet_id for result in answer.related] == NAMING


def test_what_the_clients_criticised_is_answered(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what criticisms did the hong kong clients have?"))
    assert answer.answered
    assert {result.snippet_id for result in answer.results} & set(NAMING)
