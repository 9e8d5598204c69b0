"""A misspelt word is read as the word meant before the frame reads the question (round 27).

"how many states certifiy peer specialists" was declined with "a figure for that" (the count's
check read "certifiy", which no passage counts) and "what is a recovry coach" said the sources
do not define "a recovry coach": only the concepts were corrected. Each word of five letters or
more that the passages, their asks and the question lexicon do not know is now written as the
corpus word meant before the question is read. A word that only adds letters at its end
("paste", not "past") and a word the lexicon knows ("Texas", "salary") stay as typed. Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("how many staets certfy peers?", "lafrance2017-states-certify"),
        ("what exactly is a peer bridgr", "lafrance2017-job-titles"),
        ("how many participnts were in the DDA study", "milani2020-interviews"),
    ],
)
def test_the_misspelt_question_is_answered(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_answered_first(real_index, question, snippet_id)


def test_a_word_that_only_adds_letters_is_not_corrected(real_index: SnippetIndex) -> None:
    assert "paste" in real_index.read(own("could someone paste the CPS definition")).words


def test_a_place_no_passage_names_is_not_corrected(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("how do peers get certified in Texas these days"))
    assert not answer.answered
    assert answer.missing is not None and "Texas" in answer.missing
