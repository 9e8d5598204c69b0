"""Presidents no source names are subjects, not words to pass over (round 27).

"what did Trump announce about VA peer hiring?" quoted President Obama's announcement that the
VA will hire 800 peer counselors: the one announcement the sources report matched every other
word. Presidents other than Obama are now subjects no source discusses; the reply says so, with
the policy news related. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    ("question", "president"),
    [
        ("did trump announce VA peer counselor hiring?", "President Trump"),
        ("what has the biden administration done for peer support workers", "President Biden"),
    ],
)
def test_another_presidents_announcement_is_not_obamas(
    real_index: SnippetIndex, question: str, president: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [result.snippet_id for result in answer.results]
    assert answer.missing == f"anything specific to {president}"
    assert answer.related, "the policy news is related"


def test_obamas_announcement_is_still_answered(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index, "which VA peer announcement did obama make", "peersforprogress-va-800"
    )
