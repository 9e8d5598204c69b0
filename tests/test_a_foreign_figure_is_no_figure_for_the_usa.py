"""A figure for another country is no figure for the USA when the question names the USA
(round 27).

"what percent of US youth access the mental health services they need?" quoted that "less than
one third" of Canadian youth access them, and "how many people in the US need mental health
care but don't get it" India's treatment gap: a question naming the sources' own country kept
a passage about another when it was all there was. For a figure, it is declined now, with the
foreign figures related; anything else is still answered from what there is. Own questions, not
in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "question",
    [
        "roughly what share of young people in the united states get the MH care they need?",
        "how many americans needing mental health care actually get treated, nationally",
    ],
)
def test_a_foreign_figure_is_related_not_the_answer(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [result.snippet_id for result in answer.results]
    assert answer.missing is not None and answer.missing.endswith("for the USA")
    assert answer.related


def test_the_same_figure_asked_of_its_country_is_answered(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what share of canadian youth get the MH care they need"))
    assert answer.answered
    assert answer.results[0].snippet_id == "halsall2021-canada-fragmented"
