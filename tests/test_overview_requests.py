"""An overview asked for in Slack words is what the thing is (round 26).

"whats the 411 on peer bridgers" was declined ("411" read as a figure), "eli5 peer support" and
"peer support in a nutshell" were declined as too general once their chatter was set aside, and
"5 min overview of peer certification" said the sources lack "what was asked". "the 411 on" is
"about", an overview, rundown or lowdown of something asks what it is, and a bare name left by
the chatter asks so too. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first

OVERVIEWS = [
    ("so whats the 411 on peer bridgers", "lafrance2017-job-titles"),
    ("eli5 peer support pls", "goutam2020-shared-experience"),
    ("peer support in a nutshell?", "goutam2020-shared-experience"),
    ("could someone give me a quick overview of peer certification", "lafrance2017-states-certify"),
    ("need the lowdown on peer certification", "lafrance2017-states-certify"),
]


@pytest.mark.parametrize(("question", "snippet_id"), OVERVIEWS)
def test_an_overview_is_answered_from_the_card(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_answered_first(real_index, question, snippet_id)
