"""A date is of what the question names.

"When did SAMHSA announce the grants?" was answered with "In September, President Obama
announced the Department of Veterans Affairs (VA) will hire 800 ...": a month, but of the VA's
announcement. The SAMHSA passage says only "later that month". The time frames (`when`,
`year`) now take `names_dated`: the concepts the question names (not roles) must be in the
passage's own words, as for counts. Own questions.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own


def test_a_date_of_something_else_is_no_answer(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("when exactly did SAMHSA announce that peer funding?"))
    assert not answer.answered
    assert "peersforprogress-va-800" not in [r.snippet_id for r in answer.results]
    assert "peersforprogress-samhsa-2-3-million" in [r.snippet_id for r in answer.related]


def test_a_date_of_what_is_named_is_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index,
        "when did the VA say it would hire 800 peer counselors?",
        "peersforprogress-va-800",
    )
    assert_among_answers(
        real_index,
        "what year did India pass its Mental Health Care Act?",
        "goutam2020-india-policy",
    )
