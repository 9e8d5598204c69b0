"""A question asking something *of* a concept is not answered by the concept's card.

"What are the limits of peer support" asks for limits; the card defining peer support says what
peer support is. Before, the card path let one word beside the concept through (for "what is
peer support in mental health *care*"), and that word was the very thing asked: the defining
passage came first, unchecked. Now a word between the question's cue and the concept, joined to
the concept by "of", "for", "behind", "about" or "to", rules the card out, and the question is
answered, or declined, by what covers its words. Questions here are our own (checked not to be
evaluation questions).
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import own

PEER_SUPPORT_DEFINED = "goutam2020-shared-experience"
DDA_DEFINED = "milani2020-dda-programme"


@pytest.mark.parametrize(
    ("question", "defining"),
    [
        ("what are the limits of peer support?", PEER_SUPPORT_DEFINED),
        ("what are the components of peer support again", PEER_SUPPORT_DEFINED),
        ("what are the weaknesses of DDA?", DDA_DEFINED),
        ("ok what's known about why peer support helps people", PEER_SUPPORT_DEFINED),
    ],
)
def test_what_is_asked_of_a_concept_is_not_its_definition(
    real_index: SnippetIndex, question: str, defining: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.frame == "definition"
    shown = [result.snippet_id for result in answer.results]
    assert defining not in shown[:1], question


@pytest.mark.parametrize(
    ("question", "defining"),
    [
        # The word left over qualifies the concept, or stands outside the question's cue.
        ("whats peer support in mental health care", PEER_SUPPORT_DEFINED),
        ("a client mentioned dual diagnosis anonymous, what is it?", DDA_DEFINED),
        ("what is DDA in the UK", DDA_DEFINED),
    ],
)
def test_a_concept_with_a_word_beside_it_is_still_defined_by_its_card(
    real_index: SnippetIndex, question: str, defining: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == defining, question


# --- the head of a definition question must be in the passage --------------------------------
#
# Off the card path, "what are the steps to bill Medicaid" was answered by Medicaid passages:
# "bill" and "Medicaid" weigh enough to pass the coverage bar with "steps" uncovered. The words
# between the cue's article and the first "of", "for", "to"... are what is asked; a passage
# shown must hold them (in its text or one of its asks), and hold something of what they are of.


@pytest.mark.parametrize(
    "question",
    [
        "what are the steps to bill Medicaid for peer work?",
        "whats the job outlook for peer workers",
        "what's the name of the law on peer certification in california",
    ],
)
def test_the_asked_head_missing_from_every_passage_is_declined(
    real_index: SnippetIndex, question: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered, question
    # Still a help: the passages on what it is asked of are offered as related.
    assert answer.related, question


@pytest.mark.parametrize(
    ("question", "first"),
    [
        ("what are the titles for peer workers", "lafrance2017-job-titles"),
        ("what is the treatment gap in india", "goutam2020-india-treatment-gap"),
        # "advantage" is a staff word for the sources' "strength" (synonyms.yaml).
        ("what's the advantage of DDA over AA?", "milani2020-dual-strength"),
    ],
)
def test_a_passage_holding_the_head_still_answers(
    real_index: SnippetIndex, question: str, first: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert answer.results[0].snippet_id == first, question
