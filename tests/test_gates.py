"""Gates, not coverage (round 21), on questions not in the eval files.

1. A yes-or-no question about a named place is not answered by a passage that is about the
   place but says nothing of what is asked of it ("does Hong Kong certify peer workers?" / Hong
   Kong's adoption of peer services); it is declined with that passage related and what is
   missing said. A question about the place's own work, or whether something is there at all,
   is left as it was.
2. A typed fact comes from what the passage says: a year inside a parenthetical citation
   ("(National Mental Health Survey of India, 2015)") is no year of the question's subject, and
   what someone spends or budgets asks for money, which a head count of those hired is not.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import not_in_eval_files

# --- 1. a place is a gate: what is asked of it must be said ---------------------------------------


@pytest.mark.parametrize(
    ("question", "related", "missing"),
    [
        pytest.param(
            "so are peer workers in hong kong certified?",
            "tse2019-hong-kong-since-2015",
            "certified",
            id="hong-kong-certified",
        ),
        pytest.param(
            "is there any state funding for peer support workers in Hong Kong",
            "tse2019-hong-kong-since-2015",
            "funding",
            id="hong-kong-funding",
        ),
        pytest.param(
            "do california peer specialists get reimbursed?",
            "lafrance2017-california",
            "reimbursed",
            id="california-reimbursed",
        ),
        pytest.param(
            "are peer supporters licensed in india these days?",
            None,
            "licensed",
            id="india-licensed",
        ),
        # Behind "do you know" or "wondering", the yes-or-no question starts with "if" or
        # "whether" (round 23): the same gate.
        pytest.param(
            "do you know if hong kong certifies its peer workers?",
            None,
            "certifies",
            id="do-you-know-if-hong-kong-certifies",
        ),
        pytest.param(
            "anyone know whether california reimburses CPS services?",
            None,
            "reimburses",
            id="anyone-know-whether-california-reimburses",
        ),
        pytest.param(
            "wondering if india pays its peer workers",
            None,
            "pays",
            id="wondering-if-india-pays",
        ),
    ],
)
def test_a_place_passage_does_not_answer_what_it_does_not_say(
    real_index: SnippetIndex, question: str, related: str | None, missing: str
) -> None:
    not_in_eval_files(question)
    answer = real_index.search(question)
    assert not answer.answered, question
    assert missing in (answer.missing or ""), answer.missing
    if related is not None:
        assert related in [r.snippet_id for r in answer.related], answer.related


@pytest.mark.parametrize(
    ("question", "first"),
    [
        pytest.param(
            "is California working toward statewide peer certification?",
            "lafrance2017-california",
            id="california-certification",
        ),
        pytest.param(
            "has Hong Kong adopted peer support in its public services?",
            "tse2019-hong-kong-since-2015",
            id="hong-kong-adopted",
        ),
        pytest.param(
            "are peer support services available in Hong Kong?",
            "tse2019-hong-kong-since-2015",
            id="hong-kong-available",
        ),
        pytest.param(
            "does anyone know if hong kong has adopted peer support in public services?",
            "tse2019-hong-kong-since-2015",
            id="anyone-know-if-hong-kong-adopted",
        ),
    ],
)
def test_a_place_passage_answers_what_it_says(
    real_index: SnippetIndex, question: str, first: str
) -> None:
    not_in_eval_files(question)
    answer = real_index.search(question)
    assert answer.answered, question
    assert answer.results[0].snippet_id == first


# --- 2. a typed fact comes from what the passage says, not from a citation or a head count --------


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("what year did India start peer support", id="india-year"),
        pytest.param("which year did peer support come to India?", id="india-which-year"),
        pytest.param("when did peer support start in india", id="india-when"),
    ],
)
def test_a_citations_year_is_no_year_of_the_subject(
    real_index: SnippetIndex, question: str
) -> None:
    """ "(National Mental Health Survey of India, 2015)" dates the survey cited, not when
    India began anything."""
    not_in_eval_files(question)
    answer = real_index.search(question)
    assert not answer.answered, (question, [r.snippet_id for r in answer.results])


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("how much has the VA spent on its peer support counselors?", id="va-spent"),
        pytest.param("what's the VA's budget for the new peer counselors", id="va-budget"),
    ],
)
def test_spending_asks_for_money_not_a_head_count(real_index: SnippetIndex, question: str) -> None:
    not_in_eval_files(question)
    answer = real_index.search(question)
    assert not answer.answered, (question, [r.snippet_id for r in answer.results])
    assert answer.frame == "money"
    assert "peersforprogress-va-800" in [r.snippet_id for r in answer.related]


def test_spending_with_a_money_passage_is_answered(real_index: SnippetIndex) -> None:
    """Read as money, what SAMHSA spent is still answered by the grant's amount."""
    question = "how much did SAMHSA spend on the peer networks?"
    not_in_eval_files(question)
    answer = real_index.search(question)
    assert answer.answered, question
    assert answer.results[0].snippet_id == "peersforprogress-samhsa-2-3-million"


def test_a_citations_year_answers_for_the_work_it_cites(real_index: SnippetIndex) -> None:
    """Asked about the work a citation names, its year is the answer."""
    question = "when was the National Mental Health Survey of India done"
    not_in_eval_files(question)
    answer = real_index.search(question)
    assert answer.answered, question
    assert answer.results[0].snippet_id == "goutam2020-india-treatment-gap"
