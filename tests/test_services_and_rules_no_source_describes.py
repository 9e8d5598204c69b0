"""Peer respites, a code of ethics, continuing education and referrals are not in the sources
(round 26).

Each was declined bare ("what is a peer respite", "what's the code of ethics for peer
specialists", "do peers need CEUs", "peer support for moms") or, for a referral, with nothing
said of what is missing. They are now subjects no source discusses (mothers and fathers are
families and caregivers), and a referral route is what a directory gives. Own questions, not
in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("so what even is a peer respite?", "anything specific to peer respites"),
        ("is there a code of ethics peer staff follow", "anything specific to a code of ethics"),
        ("how many CEUs do peer specialists need each year", "continuing education"),
        ("any peer support programs for new moms?", "anything specific to families and caregivers"),
        ("how do I refer a client to a peer specialist?", "a directory of services or contacts"),
    ],
)
def test_what_the_sources_lack_is_said(
    real_index: SnippetIndex, question: str, missing: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, [result.snippet_id for result in answer.results]
    assert answer.missing is not None and missing in answer.missing, answer.missing


def test_a_count_of_peer_respites_keeps_the_broader_count_related(
    real_index: SnippetIndex,
) -> None:
    # Was "a figure for peer respite" (tests/test_narrower_counts.py, round 24).
    answer = real_index.search("in how many states is peer respite publicly funded?")
    assert not answer.answered
    assert answer.missing == "anything specific to peer respites"
    assert "rogers2017-35-of-50-states" in [result.snippet_id for result in answer.related]


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("so what exactly does a family peer advocate do?", "family peer advocates"),
        ("are there peer programs in emergency departments", "emergency departments"),
    ],
)
def test_settings_and_roles_no_source_names_are_said(
    real_index: SnippetIndex, question: str, missing: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered
    assert answer.missing == f"anything specific to {missing}"
