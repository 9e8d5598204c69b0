"""A question asking a fact of one work itself (its year, authors, title, design, sample) is
answered from that work's byline or methods passages, or declined naming the work and the fact.

Every question here is our own (`tests.own_questions`), several phrasings per fact.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot import work_facts
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeBase
from tests.own_questions import own


def _shown(index: SnippetIndex, question: str) -> list[str]:
    answer = index.search(own(question))
    assert answer.answered, (question, answer.missing)
    return [result.snippet_id for result in answer.results]


@pytest.mark.parametrize(
    ("question", "byline"),
    [
        ("barrenger viewpoint - what year?", "barrenger2019-byline"),
        ("when did tse and colleagues publish", "tse2019-byline"),
        ("halsall study yr + who wrote it", "halsall2021-byline"),
        ("lafrance report, date pls", "lafrance2017-authors"),
        ("when was the goutam paper written?", "goutam2020-byline"),
        ("milani paper authors and year", "milani2020-byline"),
        ("bellamy review: who / when", "bellamy2017-byline"),
        ("what year did the india paper come out", "goutam2020-byline"),
        ("who wrote the hong kong bipolar article", "tse2019-byline"),
    ],
)
def test_a_works_date_or_authors_come_from_its_byline(
    real_index: SnippetIndex, question: str, byline: str
) -> None:
    """Its byline only: not the work's findings (which cite it) nor another work's byline."""
    assert _shown(real_index, question) == [byline]


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("what's the title of the barrenger paper", "barrenger2019"),
        ("what is the halsall paper called", "halsall2021"),
        ("goutam article title?", "goutam2020"),
    ],
)
def test_a_title_no_seed_prints_is_declined_with_the_works_byline(
    real_index: SnippetIndex, question: str, source: str
) -> None:
    """The byline is no title: the reply says the work's title is not given."""
    answer = real_index.search(own(question))
    assert not answer.answered
    assert answer.missing is not None and answer.missing.startswith("the title of the")
    surname = source.rstrip("0123456789").capitalize()
    assert surname in answer.missing
    assert answer.related and {r.source_id for r in answer.related} == {source}


def test_a_printed_title_is_answered_by_the_citation(real_index: SnippetIndex) -> None:
    assert _shown(real_index, "title of the rogers article?") == ["rogers2017-citation"]


@pytest.mark.parametrize(
    ("question", "source", "expected"),
    [
        ("how was the tse study designed", "tse2019", "tse2019-thematic-analysis"),
        ("methodology of the milani paper", "milani2020", "milani2020-trajectory-analysis"),
        ("design of the bipolar study in hong kong?", "tse2019", "tse2019-32-clients"),
        ("bellamy review methods", "bellamy2017", "bellamy2017-how-studies-found"),
    ],
)
def test_a_works_design_comes_from_its_methods_passages(
    real_index: SnippetIndex, question: str, source: str, expected: str
) -> None:
    shown = real_index.search(own(question)).results
    assert expected in [r.snippet_id for r in shown], question
    assert {r.source_id for r in shown} == {source}, question


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how many participants in the tse study", "tse2019-32-clients"),
        ("milani study sample size?", "milani2020-interviews"),
        ("how many ppl were in the salzer study", "peersforprogress-salzer-survey"),
        ("sample of the DDA evaluation", "milani2020-interviews"),
    ],
)
def test_a_works_sample_is_a_count_of_those_it_recruited(
    real_index: SnippetIndex, question: str, expected: str
) -> None:
    assert _shown(real_index, question) == [expected]


@pytest.mark.parametrize(
    ("question", "source", "named"),
    [
        ("rogers review sample size?", "rogers2017", "Rogers"),
        ("how many participants in the barrenger paper", "barrenger2019", "Barrenger"),
        ("design of the goutam article", "goutam2020", "Goutam"),
        ("when was the peers for progress blog put up, what date", "peersforprogress", "Peers"),
    ],
)
def test_a_fact_a_work_lacks_is_declined_naming_the_work(
    real_index: SnippetIndex, question: str, source: str, named: str
) -> None:
    """No other work's count or design stands in ("35 out of 50 states" is no sample): the
    reply names the work, and its related passages are that work's only."""
    answer = real_index.search(own(question))
    assert not answer.answered, question
    assert answer.missing is not None and named in answer.missing, answer.missing
    assert {r.source_id for r in answer.related} <= {source}


@pytest.mark.parametrize(
    "question",
    [
        "what did bellamy publish",  # what it says, not when
        "who is tse",  # not "who wrote"
        "when did peer support start in hong kong",  # a date in a work, not the work's
        "when was the tse study done",  # when the study ran is not when it was published
        "what did the goutam paper conclude",
        "exact date of the bellamy review",  # the exact-date frame
        "what journal is the tse paper in",  # the journal frame
        "how many states did rogers say fund peer services",
        "who wrote about davidson",  # two works have a Davidson
        # What a work found, named by its subject: "youth" is its subject, not those counted,
        # and "find" names no work though a description says "a summary of findings".
        "what did the youth peer support study find?",
        "so what were the results of the youth peer support paper",
        "what did the canadian youth evaluation show",
    ],
)
def test_other_questions_naming_a_work_are_left_to_the_search(
    real_index: SnippetIndex, question: str
) -> None:
    assert real_index._work_plan(real_index.read(own(question))) is None


def test_asked_facets_reads_only_questions_made_of_a_name_and_asking_words() -> None:
    names = frozenset({"goutam"})
    assert work_facts.asked_facets(("goutam", "paper", "who", "when"), names) == (
        work_facts.DATE,
        work_facts.AUTHORS,
    )
    assert work_facts.asked_facets(("who", "is", "goutam"), names) is None
    assert work_facts.asked_facets(("goutam", "paper"), names) is None
    assert work_facts.asked_facets(("when", "did", "goutam", "say", "it"), names) is None
    assert work_facts.asked_facets(("how", "many", "authors", "goutam"), names) == (
        work_facts.AUTHORS,
    )


def test_a_work_only_mentioned_is_named_by_its_author_beside_a_word_for_a_work(
    real_index: SnippetIndex,
) -> None:
    """ "Grant and Colleagues" is a work the blog reports, not the blog (whose description names
    Grant): its date is not given, and the passage naming it is the related one. "The grant"
    alone is a grant, not that work."""
    answer = real_index.search(own("year of the grant article?"))
    assert not answer.answered
    assert answer.missing == "a date for the work by Grant and colleagues"
    assert answer.related and all("Grant and Colleagues" in r.text for r in answer.related)
    question = real_index.read(own("what year was the grant awarded"))
    assert real_index._work_plan(question) is None
    title = real_index.read(own("title + year of the Grant et al. piece on CPS roles"))
    plan = real_index._work_plan(title)
    assert plan is None or not plan.shown


def test_the_works_passages_mention_are_found_as_by_the_pattern_alone(
    real_kb: KnowledgeBase,
) -> None:
    """`mentioned_works` tries its pattern only on passages holding " by ", "olleagues" or
    "et al": the same works and passages as trying it on every passage (the knowledge base's,
    and made-up ones of each wording)."""
    made_up = [
        "A 2010 study by Salzer found it.",
        "Grant and Colleagues wrote on it.",
        "Smith et al. agreed.",
        "Jones and colleagues found it.",
        "studied by nobody in particular",
    ]
    snippets = [*real_kb.snippets, *(replace(real_kb.snippets[0], text=t) for t in made_up)]
    found = work_facts.mentioned_works(snippets)
    names = {
        (match.group(1) or match.group(2)).casefold()
        for snippet in snippets
        for match in work_facts._MENTIONED_RE.finditer(snippet.text)
    }
    assert set(found) == names
    assert {"salzer", "grant", "smith", "jones"} <= names
