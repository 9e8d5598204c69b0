"""'Define X' asks what 'what is X' asks (round 25).

"what is a recovery coach" was answered with the list of peer job titles that names the role,
but "define recovery coach" and "recovery coach definition" were declined: the definition frame
checks no answer type, so its cue word ("define") stayed among the concepts, and
`_only_names_the_roles` read it as something more asked of the role that the list of titles does
not name. A frame's own cue words are no longer counted as asked there. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    "question",
    [
        "define recovery coach",
        "define peer bridger",
        "recovery coach definition",
        "peer bridger definition?",
    ],
)
def test_define_a_listed_role_is_answered_like_what_is(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, "lafrance2017-job-titles")


def test_more_asked_of_a_listed_role_is_still_declined(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("can a family support navigator bill insurance for visits?"))
    assert not answer.answered
    assert "lafrance2017-job-titles" not in [r.snippet_id for r in answer.results]
