"""Adverbs that say when, how often or how sure are not what a question is about.

"Is X a thing yet", "is Y still the main funder", "does Z officially count": staff add such words
all the time, and a word no passage has ("yet") weighed as the rarest word of all, so the basic
question behind it was declined; one a passage happens to use ("still little literature") pulled
that passage in. The class is closed (`bot.tokenize.TOPICLESS_ADVERBS`): a question with one of
its words is answered as the same question without it. Questions of our own.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from bot.tokenize import FILLER_WORDS, STOP_WORDS, TOPICLESS_ADVERBS
from tests.own_questions import assert_partial, own


def _shown(index: SnippetIndex, question: str) -> list[str]:
    answer = index.search(own(question))
    return [result.snippet_id for result in answer.results] if answer.answered else []


@pytest.mark.parametrize(
    ("plain", "with_adverb"),
    [
        ("does medicaid pay for peer services", "does medicaid pay for peer services yet"),
        ("does medicaid pay for peer services", "does medicaid still pay for peer services"),
        ("is peer certification common", "is peer certification common already"),
        ("do peers lower readmissions", "do peers lower readmissions anymore"),
        ("is there certification for peers", "is there certification for peers currently"),
        ("are peer specialists certified", "are peer specialists mostly certified"),
        ("do cpss run groups", "do cpss generally run groups"),
        ("is the va hiring peer staff", "is the va officially hiring peer staff yet"),
    ],
)
def test_a_topicless_adverb_leaves_the_answer_as_it_is(
    real_index: SnippetIndex, plain: str, with_adverb: str
) -> None:
    shown = _shown(real_index, plain)
    assert shown, f"{plain!r} should be answered for this test to mean anything"
    assert _shown(real_index, with_adverb)[:1] == shown[:1], with_adverb


def test_a_passage_using_the_adverb_is_not_pulled_in(real_index: SnippetIndex) -> None:
    # "still little literature" (a research gap) is not on whether the workforce grows.
    shown = _shown(real_index, "is the peer workforce still expanding")
    assert shown and shown[0] == _shown(real_index, "is the peer workforce expanding")[0]
    assert "lafrance2017-forensic-inpatient" not in shown[:1]


def test_the_outcome_asked_about_is_said_without_the_adverb(real_index: SnippetIndex) -> None:
    answer = real_index.search(own("do peer bridgers cut relapse yet"))
    assert answer.missing is None or "yet" not in answer.missing


def test_a_cue_that_spells_the_adverb_keeps_it(real_index: SnippetIndex) -> None:
    # "still missing" asks what research has not settled: the research-gap passages answer.
    answer = real_index.search(own("what is still missing in peer workforce research?"))
    assert answer.frame == "research-gaps"
    assert answer.answered


def test_how_often_still_asks_for_a_frequency() -> None:
    from bot.index import _topicless

    assert not _topicless(["how", "frequently", "do", "peers", "meet"], 1)
    assert _topicless(["do", "peers", "frequently", "meet"], 2)


def test_the_class_keeps_negations_and_contrasts_out() -> None:
    for word in ("never", "neither", "earlier", "later", "since", "twice", "not", "seriously"):
        assert word not in TOPICLESS_ADVERBS
    # Hedges that are filler words keep their own treatment; stop words are gone already.
    assert TOPICLESS_ADVERBS.isdisjoint(FILLER_WORDS)
    assert TOPICLESS_ADVERBS.isdisjoint(STOP_WORDS)


@pytest.mark.parametrize(
    "question",
    [
        "what does ohio's peer certification require",
        "what does the peer certification in texas require these days",
    ],
)
def test_what_a_certification_requires_asks_for_its_requirements(
    real_index: SnippetIndex, question: str
) -> None:
    # Not "California's efforts to create certification seem likely to continue": what a
    # state's certification requires is the requirements frame's to decline.
    assert_partial(real_index, question, "requirements", "the requirements asked about")
