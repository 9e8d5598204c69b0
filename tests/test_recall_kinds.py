"""Recall kinds of round 17: the right passage first, on questions found in no evaluation file.

Each test names a family of phrasings that put the passage saying what was asked below one that
only shares the frame's topic or cue, and proves the mechanism with questions of our own.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own


def _first(index: SnippetIndex, question: str) -> str:
    """The first shown passage of a question that is not an evaluation question."""
    answer = index.search(own(question))
    assert answer.answered, question
    return answer.results[0].snippet_id


# --- a frame's topic does not bury the passage far ahead of it -----------------------------------


@pytest.mark.parametrize(
    ("question", "first"),
    [
        # "evidence": the effectiveness cue; what is asked is how to keep peer specialists.
        (
            "is there evidence on sustaining peer specialists in the mental health system",
            "rogers2017-sustain-peer-specialists",
        ),
        # "do * work": the effectiveness cue; what is asked is where they work.
        (
            "do peer specialists work out in the community more or at the office",
            "peersforprogress-site-vs-community",
        ),
    ],
)
def test_an_off_topic_passage_far_ahead_keeps_its_place(
    real_index: SnippetIndex, question: str, first: str
) -> None:
    assert _first(real_index, question) == first


# --- a hedge inside a cue does not hide the frame ------------------------------------------------


@pytest.mark.parametrize(
    ("question", "byline"),
    [
        (
            "who actually wrote the Hong Kong paper on bipolar clients and peer workers?",
            "tse2019-byline",
        ),
        ("who really wrote the Bellamy evidence update", "bellamy2017-byline"),
    ],
)
def test_a_hedge_between_cue_words_is_read_past(
    real_index: SnippetIndex, question: str, byline: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "source-metadata", question
    assert answer.results[0].snippet_id == byline, answer.results


def test_a_cue_holding_a_hedge_still_matches_as_written(real_index: SnippetIndex) -> None:
    # "what * actually do" is a duties cue with the hedge in it.
    assert real_index.read(own("what do peer bridgers actually do all week")).frame is not None


# --- how big a study was is its sample -----------------------------------------------------------


def test_how_big_a_study_was_is_counted_in_people(real_index: SnippetIndex) -> None:
    # "Participants generally indicated ... three experiences": a number, but of no people.
    answer = real_index.search(
        own("how big was the Hong Kong study of clients with bipolar disorder?")
    )
    assert answer.answered
    assert [result.snippet_id for result in answer.results] == ["tse2019-32-clients"]
