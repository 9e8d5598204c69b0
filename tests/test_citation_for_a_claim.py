"""A request for a citation, reference or quote for a claim is answered with the passage saying
it (round 27).

"need a citation for peers being as effective as paraprofessionals" and "need a citation for
the 41 states number" were read as byline questions and declined ("who wrote it, or when and
where it appeared"), the passage wanted shown only as related; "looking for a quote about role
ambiguity" was declined bare. The claim after the request is now the question: its passage
answers, and every reply cites its source. A request naming a work (its author, year or a work
noun) still asks for the byline. Own questions, not in the eval files.

Where a figure or claim comes from ("where did the 41 states stat come from?") was read as who
created something and declined; "what's the source for <claim>" read in the claim's own frame
with "source" and "claim" as words to cover. Both are the claim now.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_answered_first, own


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        (
            "grant due fri - need a cite for peer services working as well as paraprofessionals",
            "bellamy2017-equally-effective",
        ),
        (
            "got a reference for the stat that 41 states certify peers?",
            "lafrance2017-states-certify",
        ),
        ("any good quote about peers and role ambiguity", "rogers2017-role-ambiguity"),
        (
            "need a source backing up peer support breaking down stigma",
            "goutam2020-stigma-isolation",
        ),
    ],
)
def test_the_claims_passage_answers(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_answered_first(real_index, question, snippet_id)


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("need the full citation for the Halsall paper", "halsall2021-byline"),
        ("reference for Goutam 2020 pls", "goutam2020-byline"),
    ],
)
def test_a_citation_for_a_work_is_still_its_byline(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered and answer.results[0].snippet_id == snippet_id, answer.results


@pytest.mark.parametrize(
    ("question", "snippet_id"),
    [
        ("where does that one in four number come from?", "goutam2020-one-in-four"),
        ("so where did the 2.3 million figure come from", "peersforprogress-samhsa-2-3-million"),
        (
            "what's the source for the claim that peer services are as effective as "
            "paraprofessional ones",
            "bellamy2017-equally-effective",
        ),
    ],
)
def test_where_a_figure_comes_from_is_its_passage(
    real_index: SnippetIndex, question: str, snippet_id: str
) -> None:
    assert_answered_first(real_index, question, snippet_id)
