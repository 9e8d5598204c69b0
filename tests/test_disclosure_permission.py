"""Whether self-disclosure is allowed is practice advice, as whether peers should disclose is.

"Can peers disclose their own diagnosis to clients? is self-disclosure allowed" chose its
second question as the ask, which had no frame, and quoted the passage naming research on
self-disclosure as a framework: no answer to whether it is allowed (found by an independent
reviewer). Asked as a permission ("self-disclosure allowed / ok", "allowed to disclose"), it
gets the advice reply, like "should peer workers disclose"; a question on the research about
self-disclosure keeps its answer. Own questions.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    "question",
    ["is self-disclosure even allowed for peer staff?", "are peers allowed to disclose their dx"],
)
def test_a_permission_to_disclose_is_advice(real_index: SnippetIndex, question: str) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "advice", question
    assert not answer.answered


def test_research_on_self_disclosure_is_still_answered(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("what does the research say about self-disclosure by peers?"))
    assert answer.answered
    assert answer.results[0].snippet_id == "rogers2017-core-conditions"
