"""What the answer is for, put before the question, is not what is asked (round 27).

"for our strategic plan, what settings do peer specialists work in?" was declined and "for our
plan, what settings do peers work in?" quoted a study's plan to engage peers: a tail "... for
our strategic plan" was dropped, but the same put first stayed in the ask. A first clause "for
our/the/my <a few words>" naming no place, subject or name the passages know, before a
question, is now set aside; one that names something ("for our youth program", "for the VA")
stays. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        (
            "for our three year plan, how many states certify peer specialists?",
            "lafrance2017-states-certify",
        ),
        (
            "for the budget narrative, in how many states is peer support publicly funded?",
            "rogers2017-35-of-50-states",
        ),
    ],
)
def test_the_purpose_put_first_is_set_aside(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_answered_first(real_index, question, snippet_id)


def test_a_purpose_naming_a_subject_stays(real_index: SnippetIndex) -> None:
    read = real_index.read(own("for our teen program, is there research on peer support?"))
    assert "teen" in read.words
