""" "Which paper talks about X" and "where can I read about X" point at X's passage (round 26).

"can someone remind me which paper talks about role ambiguity" was declined bare: "paper" and
"talks" were weighed as words of the ask, and no passage holds them. Asked which work covers
something, or where to read about it, the answer is the passage on it: its citation names the
work. What a study *found* stays asked ("which study found ..."). Own questions, not in the
eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

WHERE_TO_READ = [
    ("can someone remind me which paper talks about role ambiguity", "rogers2017-role-ambiguity"),
    ("where can I read more about role ambiguity?", "rogers2017-role-ambiguity"),
    ("what source discusses the core conditions of helping?", "rogers2017-core-conditions"),
    ("which article goes into the VA hiring peers", "peersforprogress-va-800"),
]


@pytest.mark.parametrize(("question", "snippet_id"), WHERE_TO_READ)
def test_which_work_covers_it_is_answered_by_its_passage(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_answered_first(real_index, question, snippet_id)


def test_which_study_found_it_still_asks_what_was_found(real_index: SnippetIndex) -> None:
    reading = real_index.read(own("which study found that peers cut hospital stays?"))
    assert "found" in reading.words
