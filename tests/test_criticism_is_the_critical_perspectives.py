"""Criticism of peer support is the Hong Kong study's critical perspectives (round 27).

"are there critiques of peer support services?" and "any criticism of peer support" were
declined as downsides the sources do not weigh, though the decline itself said a Hong Kong study
presents clients' "critical perspectives about peer support services" (an independent
reviewer's family 6). Criticism, critiques and critics now read as those critical perspectives
and are answered by them; risks, harms and drawbacks stay downsides no source weighs. Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    "question",
    [
        "has anyone published critiques of peer support?",
        "what do the critics of peer services say",
        "any negative views of peer workers from clients?",
    ],
)
def test_criticism_is_answered_with_the_critical_perspectives(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, "tse2019-three-themes")


def test_risks_are_still_not_weighed(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what are the main risks of peer support programs"))
    assert not answer.answered
    assert answer.missing is not None and answer.missing.startswith("what the downsides")
