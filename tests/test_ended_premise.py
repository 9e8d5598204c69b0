"""A premise that something stopped is not answered by the passage saying it began (round 18).

"Why did Hong Kong stop funding peer support?" was answered with the passage saying Hong Kong
has offered it as a regular service since 2015, and "why did the VA cancel its peer counselor
program?" with the announcement that the VA will hire 800 counselors: the question's names
matched, its premise (that something ended) is in no source. The `ended` frame needs a passage
saying that something stopped, ended or was cancelled; none does, so these are partial answers
with the passages on the subject as related. Own questions, not in the evaluation files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, assert_partial, own

ENDED = "any report that it stopped or was cancelled"


@pytest.mark.parametrize(
    "question",
    [
        "why did the VA cancel its peer counselor program?",
        "why did Hong Kong stop funding peer support?",
        "was the SAMHSA consumer network money pulled?",
        "why was the UK DDA pilot discontinued?",
        "did the VA scrap the 800 peer counselor plan?",
        "when did Hong Kong stop using peer support workers?",
    ],
)
def test_a_premise_that_it_ended_needs_a_passage_saying_so(
    real_index: SnippetIndex, question: str
) -> None:
    assert_partial(real_index, question, "ended", ENDED)


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("when did Hong Kong start using peer support?", "tse2019-hong-kong-since-2015"),
        ("does peer support cut hospital stays?", "bellamy2017-hospitalization-mixed"),
    ],
)
def test_a_start_or_an_effect_is_no_ending(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert real_index.search(own(question)).frame != "ended"
    assert_among_answers(real_index, question, snippet_id)


def test_ending_up_is_no_ending(real_index: SnippetIndex) -> None:
    question = own("why did the DDA pilot end up helping members so much?")
    frame = real_index.read(question).frame
    assert frame is None or frame.id != "ended"
