"""A work named by its author and its year or kind is that work, not a topic (round 24).

Staff cite papers as "milani 2020", "the goutam 2020 paper" or "halsall and colleagues": the
year, the kind word and "et al" beside the surname say which work is meant. Read as topic
words, no findings passage held them, so "what did Bellamy find?" was answered and "what did
the bellamy 2017 review conclude" declined; a cited work's year ("(Cronise et al., 2016)")
covered the question for the citing passage whatever else it asked. A year that is none of the
author's works' is not silently read as their other work. Own questions, not in the eval files.
"""

from __future__ import annotations

import pytest

from bot.index import SnippetIndex
from tests.own_questions import assert_among_answers, own

# The author's name with the work's year or kind: answered as the name alone is.
NAMED_WITH_YEAR_OR_KIND = [
    ("milani 2020 - what did they conclude?", "milani2020"),
    ("what did the barrenger 2019 paper conclude", "barrenger2019"),
    ("what did the bellamy 2017 article find", "bellamy2017"),
    ("what did the Milani et al paper find", "milani2020"),
    ("what did the 2019 barrenger piece conclude", "barrenger2019"),
]

# The author's name with a year none of their works has.
MISDATED = [
    ("what did milani 2018 find", "Milani", "2018"),
    ("barrenger 2015 - what did they conclude", "Barrenger", "2015"),
]


@pytest.mark.parametrize(("question", "source_id"), NAMED_WITH_YEAR_OR_KIND)
def test_a_work_named_by_author_and_year_is_answered_from_its_findings(
    real_index: SnippetIndex, question: str, source_id: str
) -> None:
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert all(result.source_id == source_id for result in answer.results), question


def test_the_year_picks_which_of_an_authors_works(real_index: SnippetIndex) -> None:
    """Davidson wrote the 2017 review and the 2019 Hong Kong study: "2017" says which."""
    answer = real_index.search(own("what did davidson 2017 conclude"))
    assert answer.answered
    assert all(result.source_id == "bellamy2017" for result in answer.results)


def test_a_cited_works_year_does_not_cover_the_rest(real_index: SnippetIndex) -> None:
    """The citing passage prints "(Chinman et al., 2014)" but says nothing of recovery."""
    answer = real_index.search(own("what did chinman 2014 find about recovery"))
    assert not answer.answered


def test_a_cited_work_named_with_its_year_is_answered_by_the_citing_passage(
    real_index: SnippetIndex,
) -> None:
    """(A guard: answered before the change too, and must stay so.)"""
    assert_among_answers(
        real_index, "what did chinman 2014 find about settings", "rogers2017-ancillary-settings"
    )


@pytest.mark.parametrize(("question", "name", "year"), MISDATED)
def test_a_year_none_of_the_authors_works_has_is_said_to_be_missing(
    real_index: SnippetIndex, question: str, name: str, year: str
) -> None:
    answer = real_index.search(own(question))
    assert not answer.answered
    assert answer.missing is not None
    assert year in answer.missing and name in answer.missing, answer.missing
