"""The asker's own setting closing a question is context, not what the sources must name.

"Would hiring peers reduce hospitalization on our unit?" was declined: "unit" counted as a word
of the question no passage covers, though the same question without "on our unit" is answered
by the finding that peer services reduced hospitalization. A first-person setting at the end of
the ask ("on our unit", "at my agency", "for our clients") is where the asker works or whom
they serve (`settings:` in knowledge/shorthand.yaml); no source names it. Only at the end, and
only the setting noun itself: "for our clients with SUD" keeps what it says of them, and "our
peer program" keeps "peer". Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

HOSPITALIZATION = "bellamy2017-hospitalization-mixed"
SETTING_TAILS = [
    ("would hiring peers reduce hospitalization on our unit", HOSPITALIZATION),
    ("would hiring peers reduce hospitalization at our agency?", HOSPITALIZATION),
    ("would hiring peers cut hospitalization rates on our unit", HOSPITALIZATION),
    ("what do peer specialists do on our unit", "peersforprogress-activities"),
]


@pytest.mark.parametrize(("question", "snippet_id"), SETTING_TAILS)
def test_the_askers_setting_is_not_asked_about(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_among_answers(real_index, question, snippet_id)
    ask = real_index.search(question).ask or ""
    assert " our " not in f" {ask} ", ask


def test_what_a_question_says_of_the_people_served_stays(real_index: SnippetIndex) -> None:
    question = real_index.reader.read(own("do peers improve outcomes for our clients with SUD?"))
    assert "substance" in question.words or "sud" in question.words


def test_a_content_word_before_the_setting_stays(real_index: SnippetIndex) -> None:
    question = real_index.reader.read(own("how do we pick outcomes for our peer program"))
    assert "peer" in question.words
    assert "program" in question.words
