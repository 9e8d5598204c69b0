""" "What did <author> say" asks what their work found (round 24).

"What did grant and colleagues say" read "grant" as funding and quoted SAMHSA's grants first;
"what does Tse say about hope" quoted the DDA study beside Tse's. With no frame, nothing held the
answer to the work named. The findings frame (`said_by_author` in knowledge/frames.yaml) reads
such a question when the words between "what did/does" and "say" name one work by its author,
which no cue can tell from "what did the VA say" or "what does the research say". Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

# (question, the work every result must come from)
SAID_BY_AUTHOR = [
    ("what does tse say about hope", "tse2019"),
    ("what do milani and colleagues say about employment", "milani2020"),
    ("what did the bellamy review say about hospital stays", "bellamy2017"),
]

# Not an author: left to the frames they had.
NOT_AN_AUTHOR = [
    ("what does the research say about peer support for veterans", "effectiveness"),
    ("what did the VA say about peer hiring", None),
]


@pytest.mark.parametrize(("question", "source_id"), SAID_BY_AUTHOR)
def test_what_an_author_says_comes_from_their_work(
    real_index: SnippetIndex, question: str, source_id: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "findings", question
    assert answer.answered, question
    assert all(result.source_id == source_id for result in answer.results), question


def test_a_cited_authors_name_is_not_read_as_a_word(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("so what did grant and colleagues say?"))
    assert answer.answered
    shown = [result.snippet_id for result in answer.results]
    assert shown[0] == "peersforprogress-16-states-medicaid", shown
    assert "peersforprogress-samhsa-2-3-million" not in shown
    assert not any("salzer" in result.text.lower() for result in answer.results)


@pytest.mark.parametrize(("question", "frame"), NOT_AN_AUTHOR)
def test_say_without_an_author_keeps_its_frame(
    real_index: SnippetIndex, question: str, frame: str | None
) -> None:
    assert real_index.search(own(question)).frame == frame


def test_what_a_conceptual_paper_says_is_answered_from_it(real_index: SnippetIndex) -> None:
    # Round 26: read as findings, Goutam's conceptual paper was ruled out for its kind, and
    # "what does goutam say about india" was declined ("that paper describes ... a concept").
    answer = real_index.search(own("so what does goutam say about india?"))
    assert answer.frame is None
    assert answer.answered
    assert all(result.source_id == "goutam2020" for result in answer.results)
