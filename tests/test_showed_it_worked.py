"""Whether a study showed something worked is an effect question; "work" there is no topic.

"Did the youth peer support study show it worked?" had no frame and quoted the youth study's
design passages as if they answered; "show it worked", "show * works" and "prove it works" are
now effectiveness cues, and the youth study's paper, which describes a design, is declined as
evidence. "Did it work? the hong kong thing" read "work" as a word to cover and quoted "people
can work individually or collaboratively" from a passage on knowledge construction: in a
findings cue ("did it work"), the verb asks whether it worked and is not covered. Own questions.
"""

from __future__ import annotations

from bot.index import SnippetIndex
from tests.own_questions import own


def test_a_design_paper_does_not_show_it_worked(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("so did the youth peer support study show it worked?"))
    assert answer.frame == "effectiveness"
    assert not answer.answered


def test_did_it_work_is_not_answered_by_the_word_work(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("did it work? the hong kong thing"))
    shown = [result.snippet_id for result in answer.results]
    assert "tse2019-knowledge-construction" not in shown
