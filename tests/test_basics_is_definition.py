"""Asking for the basics is asking what it is (round 25).

"peer support basics", "intro to peer support" and "crash course on peer support" were declined
("not found in the sources"): none of the definition frame's cues was in them, so "basics",
"intro" and "crash course" were content words no passage holds. They are now definition cues,
answered like "what is peer support". A count ("were 101 peers surveyed") is not read as "101".
Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("peer support basics pls", "goutam2020-shared-experience"),
        ("intro to peer support?", "goutam2020-shared-experience"),
        ("need a crash course on peer support", "goutam2020-shared-experience"),
        ("a primer on recovery coaches", "lafrance2017-job-titles"),
    ],
)
def test_the_basics_are_a_definition(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    reading = real_index.read(own(question))
    assert reading.frame is not None and reading.frame.id == "definition", question
    answer = real_index.search(question)
    assert answer.answered, question
    assert answer.results[0].snippet_id == expected, question


def test_a_count_of_101_is_no_request_for_basics(real_index: SnippetIndex) -> None:
    reading = real_index.read(own("were 101 peer specialists surveyed in total?"))
    assert reading.frame is None or reading.frame.id != "definition"
