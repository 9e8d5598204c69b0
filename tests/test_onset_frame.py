"""When something started is a date bound to a start, of the thing named (round 25).

"when did states start certifying peers" quoted "a 2010 study by Salzer and colleagues that
featured a survey completed by 291 CPSs across 28 states": the `when` frame needs a date, and
that passage has one, of a survey. A new `onset` frame ("when did * start", "when was *
founded", "since when") needs an `onset` fact: a date bound to a start ("since 2015",
"established ... in 1990") or a span reaching back ("the past 30 years", "decades ago"). What
started must be the concept named, by a whole name (`_names_the_named`): "dependent on state
initiatives" names no certification. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


def test_a_surveys_year_is_not_when_certification_started(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("when did states first start certifying peer specialists?"))
    assert not answer.answered
    assert answer.missing == "when it started"
    assert "peersforprogress-salzer-survey" not in [r.snippet_id for r in answer.results]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("when did hong kong begin offering peer support services", "tse2019-hong-kong-since-2015"),
        ("since when has HK used peer support workers?", "tse2019-hong-kong-since-2015"),
        ("when did peer support services start to grow in the USA?", "rogers2017-burgeoned-uneven"),
    ],
)
def test_a_start_the_sources_give_is_answered(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    assert_answered_first(real_index, question, expected)


def test_the_frame_is_read(real_index: SnippetIndex) -> None:
    reading = real_index.read(own("when was the DDA programme set up?"))
    assert reading.frame is not None and reading.frame.id == "onset"
