"""A question asking only for an author's works, or who an author is (`bot.authors`)."""

from __future__ import annotations

import re

import pytest

from bot.authors import WHO, WORKS, asked, authors_of
from bot.index import SnippetIndex
from bot.knowledge import Source
from tests.own_questions import not_in_eval_files, own


def _source(source_id: str, *authors: str) -> Source:
    return Source(
        id=source_id,
        authors=authors,
        year=2020,
        title=None,
        description=None,
        venue=None,
        volume=None,
        issue=None,
        pages=None,
        doi=None,
        url=None,
        kind="review",
        seeds=(f"{source_id}.txt",),
    )


def test_people_are_the_persons_of_the_bylines() -> None:
    """An organisation or a placeholder is no person; a surname two people share is left out,
    as a question naming it could mean either; one person's works are gathered."""
    people = authors_of(
        {
            "a": _source("a", "Ann B. Smith", "Peers for Progress", "..."),
            "b": _source("b", "Ann B. Smith", "Carl Jones"),
            "c": _source("c", "Dana Jones"),
        }
    )
    assert set(people) == {"smith"}
    assert people["smith"].works == ("a", "b")
    assert people["smith"].words == frozenset({"ann", "b", "smith"})


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("papers by ann smith", WORKS),
        ("what has smith written", WORKS),
        ("anything else by ann b smith", WORKS),
        ("who is ann smith", WHO),
        ("who is smith and what has she written", WORKS),
        ("what did smith find", None),  # what the work says: the usual search
        ("who is smith s co-author on the bipolar paper", None),
        ("who is salzer", None),  # no byline names Salzer
    ],
)
def test_only_names_and_asking_words_make_the_question(words: str, kind: str | None) -> None:
    people = authors_of({"a": _source("a", "Ann B. Smith")})
    found = asked(words.split(), people)
    assert (found[1] if found else None) == kind


@pytest.mark.parametrize(
    ("question", "surname", "works"),
    [
        ("papers by Joanne Spetz?", "Spetz", {"lafrance2017"}),
        ("what has Samson Tse written", "Tse", {"tse2019"}),
        ("hey, anything by Emma Miller in there?", "Miller", {"barrenger2019"}),
        ("what else has Larry Davidson co-authored", "Davidson", {"bellamy2017", "tse2019"}),
        ("what did Goutam write", "Goutam", {"goutam2020"}),
    ],
)
def test_an_authors_works_are_answered_by_the_bylines_naming_them(
    real_index: SnippetIndex, question: str, surname: str, works: set[str]
) -> None:
    """No content word but the name: the bot declined with nothing. The works' bylines, which
    print the name, answer."""
    not_in_eval_files(question)
    answer = real_index.search(own(question))
    assert answer.answered, question
    assert {hit.source_id for hit in answer.results} == works
    for hit in answer.results:
        assert "Author(s)" in hit.text and re.search(rf"\b{surname}\b", hit.text)


def test_who_an_author_is_is_their_affiliation_when_a_passage_gives_it(
    real_index: SnippetIndex,
) -> None:
    answer = real_index.search(own("so who is E Sally Rogers"))
    assert answer.answered
    assert answer.results[0].snippet_id == "rogers2017-author-affiliation"


@pytest.mark.parametrize("question", ["who is Larry Davidson", "who's Samson Tse?"])
def test_who_an_author_is_says_the_sources_print_only_the_byline(
    real_index: SnippetIndex, question: str
) -> None:
    """No passage says where they work: "they name it but do not define it" beside passages
    that merely sit in the paper, or nothing at all. Now: the works they wrote, with their
    bylines as related."""
    not_in_eval_files(question)
    answer = real_index.search(own(question))
    assert not answer.answered
    assert answer.missing is not None and "only among the authors of" in answer.missing
    assert answer.related and all("Author(s)" in hit.text for hit in answer.related)
