""" "back in <a year>" says when, not what is asked about (round 27).

"did hong kong make peer support a regular service back in 2010?" quoted a Hong Kong passage on
empathy: Hong Kong's adoption "since 2015" lacked the year asked, and "back" was a word to cover
that the empathy passage's ask held ("does research back that up?"). "back in 2010", "back in
the 90s", "back then" and "back when" now say when, as "still" or "already" do; "back in the
hospital" is still readmission. Own questions, not in the eval files.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


def test_a_wrong_year_back_then_is_declined_with_the_year_given_related(
    real_index: SnippetIndex,
) -> None:
    answer = real_index.search(own("did HK start using peer workers regularly back in 2009?"))
    assert not answer.answered, [result.snippet_id for result in answer.results]
    assert "tse2019-hong-kong-since-2015" in [result.snippet_id for result in answer.related]


def test_back_in_the_hospital_is_still_readmission(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index,
        "can peer support keep folks from landing back in the hospital?",
        "bellamy2017-hospitalization-mixed",
    )
