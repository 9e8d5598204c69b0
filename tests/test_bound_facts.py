"""A fact is taken from what is asked, not from whatever a passage shares with the question.

1. A work named by its author is where to look, not what about: a passage of that work must
   still cover the topic asked about it (not Rogers's job title for what she found about
   hospitalization).
2. An outcome asked about ("does X reduce hospitalization") is answered by a passage that says
   something changes it, not one naming it for something else ("partial hospitalization
   programs" in a list of where CPSs work).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

# --- 1. a named work is a filter, not the topic -------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("what did the Rogers paper find about rehospitalization?", id="rogers"),
        pytest.param("did the Halsall study find anything about empowerment?", id="halsall"),
        pytest.param("did Salzer find that CPSs lower readmissions?", id="salzer-mentioned"),
    ],
)
def test_a_work_named_by_its_author_is_not_the_topic(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [r.snippet_id for r in answer.results]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(
            "what does the Tse paper say about medication?",
            "tse2019-medication-not-useful",
            id="tse-medication",
        ),
        pytest.param(
            "what did the Bellamy review say about hospital stays",
            "bellamy2017-hospitalization-mixed",
            id="bellamy-hospital",
        ),
        pytest.param(
            "what did the Milani paper find about getting back to work?",
            "milani2020-employment-commissioning",
            id="milani-work",
        ),
    ],
)
def test_a_work_named_by_its_author_still_answers_its_topic(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert expected in [r.snippet_id for r in answer.results]


# --- 2. an outcome is answered by a passage saying it changes ------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        pytest.param("do CPSs cut partial hospitalization use?", id="cut-partial"),
        pytest.param("did Salzer's CPSs lower hospitalization?", id="salzer-lower"),
    ],
)
def test_an_outcome_named_for_something_else_is_no_finding(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    ids = [r.snippet_id for r in answer.results]
    assert "peersforprogress-program-types" not in ids, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        pytest.param(
            "does having peers lower hospitalization",
            "bellamy2017-hospitalization-mixed",
            id="hospitalization",
        ),
        pytest.param(
            "can a peer worker help fight stigma?", "goutam2020-stigma-isolation", id="stigma"
        ),
    ],
)
def test_an_outcome_said_to_change_is_still_answered(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert expected in [r.snippet_id for r in answer.results]
