"""A sentence saying what a paper does or how it analysed its data is no finding (round 24).

"The landscape of peer specialist services in the USA ... is reviewed." says what the Rogers
paper covers, and "All interviews were recorded, transcribed verbatim, and analyzed using
thematic analysis" how Tse's study worked: neither is what the work found or concluded, yet both
were quoted for "what did Rogers conclude" / "what did Tse find". They are the `study_design`
answer type (knowledge/frames.yaml), which the findings frame does not answer with. Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

FINDINGS_OF_A_WORK = [
    ("rogers - what did she conclude", "rogers2017-landscape-reviewed"),
    ("what did Rogers find about the evidence", "rogers2017-landscape-reviewed"),
    ("what did tse 2019 conclude", "tse2019-thematic-analysis"),
]


@pytest.mark.parametrize(("question", "design"), FINDINGS_OF_A_WORK)
def test_a_design_sentence_is_not_quoted_as_what_a_work_found(
    real_index: SnippetIndex, question: str, design: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert design not in [result.snippet_id for result in answer.results]


def test_the_summary_still_answers_what_the_paper_is_about(real_index: SnippetIndex) -> None:
    """(A guard: the scope sentence is what "what is it about" asks.)"""
    answer = real_index.search(own("what is the Rogers paper about?"))
    assert "rogers2017-landscape-reviewed" in [result.snippet_id for result in answer.results]
