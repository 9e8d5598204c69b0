"""A figure asked as of a year is not answered by a figure of another year.

"How many states had certification in 2015?" was answered with the 2017 report's "41 states and
the District of Columbia": a count of another year, given as if it were 2015's. A count, share
or amount asked "in", "as of", "back in" or "by" a year is answered only by a passage naming
that year or from a work of that year (or an undated one, which may report any year); else
the reply says the sources lack the figure as of that year, the passage beside it. A year
naming a work ("the 2010 study") picks the work instead. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own


@pytest.mark.parametrize(
    "question",
    [
        "how many states had peer certification in 2015?",
        "quick q - how many states had peer certification back in 2012",
    ],
)
def test_a_figure_of_another_year_is_no_answer(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and answer.missing.endswith(question.split()[-1].strip("?"))
    assert "lafrance2017-states-certify" in [result.snippet_id for result in answer.related]


def test_a_figure_of_its_own_year_is_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "how many states had established peer certification as of 2017?",
        "lafrance2017-states-certify",
    )


def test_a_year_naming_a_work_picks_the_work(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index, "how many CPSs answered the 2010 survey?", "peersforprogress-salzer-survey"
    )
