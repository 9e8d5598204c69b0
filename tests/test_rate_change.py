"""Whether peer support lowers a rate is an effect question, not a request for the rate.

"Do peer support workers lower hospitalization rates?" matched the rate frame's cue
"hospitalization rates" and was declined for lack of "that rate", though the sources say peer
services were found effective at reducing hospitalization rates. A rate named after a verb of
change ("lower", "reduce", "cut", "improve") asks whether it changes (the effectiveness frame);
a rate asked for as such ("what's the readmission rate") still needs a figure. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

CHANGED_RATES = [
    "do peer support workers lower hospitalization rates",
    "hey does peer support reduce readmission rates? asking for a board slide",
    "would hiring peers cut hospitalization rates for inpatients",
]


@pytest.mark.parametrize("question", CHANGED_RATES)
def test_a_rate_changed_asks_whether_it_changes(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "effectiveness", question
    assert_among_answers(real_index, question, "bellamy2017-hospitalization-mixed")


def test_a_rate_asked_for_still_needs_its_figure(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what's the hospitalization rate for ppl in peer programs?"))
    assert answer.frame == "rate"
    assert not answer.answered
