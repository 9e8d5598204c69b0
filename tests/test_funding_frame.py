"""How peer work is funded, and what peers do: the frame's topic answers first (reviewer 1's F6).

"How do agencies fund peer positions" had no frame, so BM25 ranked it by the literal word
"funding" (a group planning research "with the increase in funding" came first). The funding
frame puts the funding topic's passages first, in the order the topic lists them; pay rates,
prices, one state's rules and applying for money stay declined. "What do peers do" is answered
by the activities CPSs reported before a passage saying their tasks are broad.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_partial, own

MEDICAID_FUNDING = "lafrance2017-medicaid-funding"
ACTIVITIES = "peersforprogress-activities"


@pytest.mark.parametrize(
    "question",
    [
        "how does a program pay for its peer support workers?",
        "where does funding for peer workers typically come from?",
        "what are the usual funding sources for peer support programs?",
        "how do most clinics cover the cost of peer staff?",
        "how do clinics finance peer support",
    ],
)
def test_how_peer_work_is_funded_is_answered_by_the_funding_topic(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.frame == "funding", question
    assert answer.results[0].snippet_id == MEDICAID_FUNDING, question


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        # A pay rate or a price: the money frame, read before the funding frame.
        ("how much does Medicaid pay per hour for peer support?", "pay or cost figures"),
        # Getting money oneself: a procedure no source explains.
        ("how do we get a grant to pay for a peer worker?", "steps for doing that"),
        ("how do I apply for funding for our peer program?", "current information"),
        # One state's or one payer's rule: no source names it.
        ("what grants fund peer programs in Oregon?", "anything specific to Oregon"),
        ("will Medicare pay for our peer support groups?", "anything specific to Medicare"),
        # Which costs less is a comparison of prices, which no source gives.
        ("is peer support cheaper than case management?", "pay or cost figures"),
    ],
)
def test_amounts_applications_and_one_payers_rules_stay_declined(
    real_index: SnippetIndex, question: str, missing: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and answer.missing.startswith(missing), answer.missing


@pytest.mark.parametrize(
    "question",
    [
        "what do peer workers do all week?",
        "what does a peer support specialist actually do?",
        "what are a peer's main duties?",
    ],
)
def test_what_peers_do_starts_with_the_activities_they_reported(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == ACTIVITIES, question


def test_a_definition_still_starts_with_the_defining_passage(real_index: SnippetIndex) -> None:
    """The duties order is the topic's; "what is a peer specialist" keeps the card's own order,
    and a role the sources only list keeps its decline."""
    answer = real_index.search(own("what is a peer specialist, in plain words?"))
    assert answer.answered
    assert answer.results[0].snippet_id == "lafrance2017-tasks-settings-models"
    coach = real_index.search(own("what does a recovery coach actually do?"))
    assert not coach.answered


@pytest.mark.parametrize(
    "question",
    [
        "who pays for peer support in india?",
        "how is peer support funded in hong kong",
        "quick q: who funds peer programs in hong kong?",
    ],
)
def test_funding_in_a_named_place_needs_a_funding_passage(
    real_index: SnippetIndex, question: str
) -> None:
    """With a place named, only a passage on funding answers (round 23): "who pays for peer
    support in India?" was answered with India's social and economic challenges."""
    assert_partial(real_index, question, "funding", "who pays for it or how it is funded")


def test_where_peers_work_in_a_place_is_still_answered_off_the_settings_topic(
    real_index: SnippetIndex,
) -> None:
    """Only the funding frame holds a place to its topic: Hong Kong's adoption of peer services
    by its public psychiatric and social welfare services says where peers work there."""
    answer = real_index.search(own("so where do peers work in hong kong?"))
    assert answer.answered
    assert "tse2019-hong-kong-since-2015" in [r.snippet_id for r in answer.results]
