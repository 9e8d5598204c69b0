"""A question naming the US is not answered beside it by a passage about another country
(round 25).

"how long has peer support been around in the US" listed "Peer support services have been
adopted by the public psychiatric and social welfare service as a regular form of intervention
since 2015 in Hong Kong" third, and "what do peer workers do in America" a Hong Kong study's
finding: the USA is the sources' implicit place, so naming it required nothing of a passage.
When a question names it, a passage about places outside the US only (its work's description
included) is dropped from beside the US passages (`SnippetIndex._abroad_only`); when it is all
there is, it stays, its citation saying where it is from. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

ABROAD = {"tse2019-hong-kong-since-2015", "tse2019-role-models"}


@pytest.mark.parametrize(
    "question",
    [
        "how long has peer support been part of mental health care in the united states?",
        "what do peer support workers do day to day in america?",
    ],
)
def test_no_passage_from_abroad_beside_the_us_answers(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert not ABROAD.intersection(r.snippet_id for r in answer.results), question


def test_without_the_us_named_the_abroad_passage_may_stand(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index,
        "since when have hong kong services used peer support?",
        "tse2019-hong-kong-since-2015",
    )
