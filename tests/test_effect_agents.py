"""An effect asked of something other than peer support needs a passage naming it (round 23).

"Does medication reduce hospitalization?" read as an effectiveness question, and the passage
finding peer services effective at reducing hospitalization was quoted as its answer: evidence
about peer support presented as evidence about medication. The words an effect cue's wildcard
stands for ("does *medication* reduce") name what acts; when that is not peer support under one
of its names (`peer_support: true` in concepts.yaml), a role, a pronoun or the program asked
about, a passage must name it. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

# What acts is not peer support, and no passage names it.
OTHER_AGENTS = [
    "does medication reduce hospitalization?",
    "do antipsychotics reduce readmissions",
    "would CBT reduce hospital stays for our clients?",
    "does therapy improve symptom severity",
    "does mindfulness help people in recovery",
    "quick q - does meditation reduce relapse? thx",
]

# What acts is peer support, a peer role or the program asked about: the findings answer.
PEER_AGENTS = [
    ("do peers reduce readmissions", "bellamy2017-hospitalization-mixed"),
    ("would a peer bridger reduce hospitalization", "bellamy2017-hospitalization-mixed"),
    ("does peer support reduce hospital readmissions", "bellamy2017-hospitalization-mixed"),
    ("will adding a recovery coach improve hope and empowerment", "bellamy2017-hope-empowerment"),
    ("does the program reduce hospitalization?", "bellamy2017-hospitalization-mixed"),
]


@pytest.mark.parametrize("question", OTHER_AGENTS)
def test_an_effect_of_something_else_is_not_answered_by_peer_support_findings(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    shown = [result.snippet_id for result in answer.results]
    assert "bellamy2017-hospitalization-mixed" not in shown


@pytest.mark.parametrize(("question", "snippet_id"), PEER_AGENTS)
def test_an_effect_of_peer_support_is_answered_by_its_findings(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_among_answers(real_index, question, snippet_id)


def test_a_study_of_the_agent_names_it_in_its_works_words(real_index: SnippetIndex) -> None:
    """A passage of the DDA study speaks of "the programme" or of attendance: the work's own
    description names what it studied, so its findings answer an effect asked of DDA."""
    answer = real_index.search(own("does DDA help ppl with mental health and substance use?"))
    assert answer.answered
    assert all(result.snippet_id.startswith("milani2020-") for result in answer.results)


def test_an_evidence_word_in_the_cue_is_not_what_acts(real_index: SnippetIndex) -> None:
    """ "does *the research* show peer support helps": the wildcard holds where the answer is
    to come from, not an agent the passage must name."""
    answer = real_index.search(own("does the research show that peer support helps people?"))
    assert answer.answered


def test_an_effect_asked_for_a_place_needs_a_finding_there(real_index: SnippetIndex) -> None:
    """ "Does peer support work in Hong Kong?": a passage of the Hong Kong study saying what
    the article presents, or that Hong Kong adopted peer services, names the place but finds
    nothing; the reply says the evidence is missing, with what the study says as related. Where
    the place's passages do say what changed (India: "can help in breaking down stigmas"), they
    answer."""
    hong_kong = real_index.search(own("does peer support actually work in hong kong?"))
    assert not hong_kong.answered
    assert hong_kong.missing is not None and hong_kong.missing.startswith("evidence on")
    india = real_index.search(own("does peer support help ppl in india?"))
    assert india.answered
    assert all(result.source_id == "goutam2020" for result in india.results)
