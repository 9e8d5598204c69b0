""" "PSW meaning?" and "peer support = ?" ask what the term means.

"Peer support = ?" was declined (no frame, field words only), and "PSW meaning?" quoted "some
clients perceived medication as the chief means to recovery": "meaning" matched "means". A
lone "meaning" (and "means what") is now a definition cue, and the shorthand reads "=" as
"meaning", so both are definition questions answered from the term's card. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("peer support = ?", "goutam2020-shared-experience"),
        ("PSW meaning??", "lafrance2017-tasks-settings-models"),
    ],
)
def test_meaning_asks_what_a_term_is(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert real_index.search(own(question)).frame == "definition"
    assert_among_answers(real_index, question, snippet_id)


def test_meaning_is_not_the_word_means(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("PSW meaning??"))
    assert "tse2019-medication-not-useful" not in [r.snippet_id for r in answer.results]
