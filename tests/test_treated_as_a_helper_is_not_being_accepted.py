"""Peer staff treated as helpers by clinicians is the sources' "struggle to accept the role"
(round 27).

"our clinicians keep treating our peer staff like aides. is that a known thing?" was declined
as too vague: only "treat me like an intern" and disrespect were read as clinicians not
accepting peers. Being treated like aides, assistants or volunteers, not listened to, or left
out of team meetings now reads as that too (not of clients, families or medication). Own
questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    "question",
    [
        "the MDs treat our peer staff like assistants, anyone else dealing with this?",
        "peers on my team get left out of team meetings. is this a known issue?",
        "our nurses don't listen to peers at all. is that normal in other programs",
        "do the nurses ignore us peers in meetings at other places too? normal?",
    ],
)
def test_peers_treated_as_helpers_get_the_clinical_team_passage(
    real_index: SnippetIndex, question: str
) -> None:
    assert_answered_first(real_index, question, "lafrance2017-clinical-team")


def test_how_clients_are_treated_is_not_about_peers_being_accepted(
    real_index: SnippetIndex,
) -> None:
    answer = real_index.search(own("do some clinicians treat clients like children"))
    assert "lafrance2017-clinical-team" not in [result.snippet_id for result in answer.results]
