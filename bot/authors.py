"""What the sources say of a person who wrote one of them: which of the works are theirs, or who
they are.

"papers by Joanne Spetz", "what has Samson Tse written", "anything by Emma Miller?", "who is
Larry Davidson": a question made only of an author's name and words asking for their works (or
who they are). Such a question has no content word BM25 could match but the name, and the name
is printed only in the works' bylines, which no frame lets answer anything but a byline question:
the bot declined with nothing, or said "who Tse is (they name it but do not define it)" beside
two passages that merely sit in Tse's paper. The works are the answer to the first kind: their
bylines, which print the name. For the second, a passage saying where the person works (an
affiliation naming them) answers; otherwise the reply says the sources name them only as an
author, with those bylines as related.

A question with any other word ("what did Tse find", "who is Tse's co-author on the bipolar
paper") is left to the usual search (`asked` returns None).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.knowledge import Source
from bot.records import Record, frozen_record

WORKS = "works"
WHO = "who"
# Words asking for a person's works: "papers by", "what has X written", "anything by X".
_WORKS_WORDS = frozenset(
    "paper papers publication publications published publish written wrote write writes "
    "authored coauthored co-authored coauthor co-author article articles stuff "
    "anything something research studies study pieces".split()
)
# "who is", "who's", "who are": who the person is.
_WHO_WORDS = frozenset("who whos".split())
# Words that carry nothing of their own in such a question.
_FILLER = frozenset(
    "what whats which is was were are has have had did does do the a an of by on in any else "
    "other others all there their his her he she they s from pls please me tell show list "
    "else also and or co".split()
)


@frozen_record
class Author(Record):
    """A person who wrote one or more of the sources: the name as the sources print it, the
    case-folded words of that name, and the ids of their works."""

    name: str
    words: frozenset[str]
    surname: str
    works: tuple[str, ...]


def authors_of(sources: Mapping[str, Source]) -> dict[str, Author]:
    """{case-folded surname: Author} for every person named in a byline. An organisation
    ("Peers for Progress") and a placeholder ("...") are no person; a surname shared by two
    people is left out, as a question naming it could mean either."""
    found: dict[str, list[tuple[str, str]]] = {}
    for source in sources.values():
        for name in source.authors:
            parts = name.replace(".", " ").split()
            if len(parts) < 2 or not all(part[:1].isupper() for part in parts):
                continue  # "Peers for Progress", "...", a lone word
            surname = parts[-1].casefold()
            if len(surname) < 3 or not surname.isalpha():
                continue
            found.setdefault(surname, []).append((name, source.id))
    people: dict[str, Author] = {}
    for surname, entries in found.items():
        names = {name for name, _ in entries}
        if len(names) != 1:
            continue
        name = names.pop()
        words = frozenset(part.casefold() for part in name.replace(".", " ").split())
        works = tuple(dict.fromkeys(source_id for _, source_id in entries))
        people[surname] = Author(name, words, surname, works)
    return people


def asked(
    words: Sequence[str], people: Mapping[str, Author]
) -> tuple[tuple[Author, ...], str] | None:
    """(the authors named, WORKS or WHO) for a question made only of authors' names and words
    asking for their works or who they are; None for any other question."""
    named = tuple(dict.fromkeys(people[w] for w in words if w in people))
    if not named:
        return None
    name_words = frozenset().union(*(author.words for author in named))
    kind: str | None = None
    for word in words:
        if word in name_words or word in _FILLER:
            continue
        if word in _WORKS_WORDS:
            kind = WORKS
        elif word in _WHO_WORDS:
            kind = kind or WHO
        else:
            return None
    return (named, kind) if kind is not None else None


def who_missing(people: Sequence[Author], labels: Sequence[str]) -> str:
    """What the sources lack when they print a person only in a byline."""
    names = " and ".join(person.name for person in people)
    verb = "is" if len(people) == 1 else "are"
    works = " and ".join(labels)
    return f"who {names} {verb} (they print the name only among the authors of {works})"
