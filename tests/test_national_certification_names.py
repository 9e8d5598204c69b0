"""A national certification named with the role between its words is still one (round 25).

"is there a national peer certification" quoted California's statewide certification and the
states' programmes as if they answered it: the `national-certification` subject's aliases were
"national certification" and the like, matched word for word, so "national *peer*
certification" named no subject and the ask's words found the state passages. The aliases now
hold the forms with the role between ("national peer specialist certification", "nationwide
peer credential", "federal peer certification"); the question is declined as the sources name
no national certification, with the state passages beside it. Own questions, not in the eval
files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own

NATIONAL = [
    "is there a national peer certification?",
    "does a nationwide peer credential exist yet",
    "is there a federal peer specialist certification we could point to?",
]


@pytest.mark.parametrize("question", NATIONAL)
def test_no_source_names_a_national_certification(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and "national certification" in answer.missing, question


def test_state_certification_is_still_answered(real_index: SnippetIndex) -> None:
    assert_answered_first(
        real_index, "how many states have peer certification now?", "lafrance2017-states-certify"
    )
