"""When a law was passed is a date the sources may give, not what happened after them.

"When did India pass the Mental Health Care Act?" matched the current frame's "did * pass" (what
became of a bill the sources report as pending) and was declined as "current information",
though the Indian paper names "the Mental Health Care Act, 2017". Asked with "when" or "what
year", it is left to the time frames, which check the passage for a date: California's bill,
which the sources give no date for, is still declined. A yes-or-no "did * pass" stays with the
current frame. Own questions.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own


def test_when_a_dated_act_passed_is_answered(real_index: SnippetIndex) -> None:
    assert_among_answers(
        real_index, "when did india pass its mental health care act??", "goutam2020-india-policy"
    )
    assert_among_answers(
        real_index, "what year did India pass the Mental Health Care Act", "goutam2020-india-policy"
    )


def test_when_an_undated_bill_passed_is_declined(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("when did california pass its peer cert law"))
    assert not answer.answered
    assert answer.frame != "current"


def test_whether_a_bill_passed_is_still_current_information(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("did california ever pass the peer certification bill?"))
    assert answer.frame == "current"
    assert not answer.answered
