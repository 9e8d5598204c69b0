"""A follow-up in a thread, read with the thread's subject (pure: ids in, question out).

People reply in a thread the way they talk: "what about youth?", "funding?", "and in the VA?".
Searched alone, such a facet finds whatever mentions youth; read with the thread, it is about the
role or topic the thread started with. So a thread remembers the concept ids (roles, topics,
concepts) its last answer used, never its text, and a short follow-up that names no concept of
its own is searched together with those concepts' names. Topics ("funding", "training") are
facets: a follow-up naming one keeps the thread's roles and concepts ("funding?" in a thread about
peer bridgers searches for peer bridgers' funding). A follow-up that names a role or concept of
its own ("what about recovery coaches?") changes the subject and is searched as written.

`Answer.concepts` is filled by retrieval when it reads a question as concepts; until it is, the
roles and topics of the passages shown stand in for them (`thread_concepts`), so this module works
with either.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping, Sequence
from functools import lru_cache

from bot.answer import Answer
from bot.knowledge import KnowledgeBase
from bot.records import Record, frozen_record
from bot.tokenize import stem_word, tokenize, words

# A follow-up of at most this many content words (after stop words) can be a bare facet.
MAX_FACET_WORDS = 4
# The most concept names added to a follow-up: the thread's subject, not a whole answer.
MAX_THREAD_CONCEPTS = 3

# Replies that thank or acknowledge; answering them would only say "not covered".
_CHATTER = frozenset(
    "thanks thank you ty thx ok okay k great cool got it perfect awesome nice "
    "helpful makes sense will do np sure yes yep no nope lol".split()
)


def _normal(text: str) -> str:
    return " ".join(stem_word(word) if word.isalpha() else word for word in words(text))


@lru_cache(maxsize=4096)
def _normal_name(name: str) -> str:
    """`_normal` of a concept's name, stemmed once: every answered question in a thread looks
    for every name (about 130 on the shipped knowledge base, a quarter of a millisecond to stem
    each time). Names come from the knowledge base, never from what people wrote."""
    return _normal(name)


def _concept_names(kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    names: dict[str, tuple[str, ...]] = {}
    for role in kb.roles.values():
        names[role.id] = role.names
    for topic in kb.topics.values():
        names.setdefault(topic.id, (topic.label,))
    extra = getattr(kb, "concepts", None)
    if isinstance(extra, Mapping):
        for concept_id, concept in extra.items():
            name = getattr(concept, "name", None)
            aliases = tuple(getattr(concept, "aliases", ()) or ())
            if isinstance(name, str):
                names.setdefault(str(concept_id), (name, *aliases))
    return names


@frozen_record
class _Facts(Record):
    """What threads are read with, for one knowledge base."""

    names: Mapping[str, tuple[str, ...]]
    facets: frozenset[str]
    # snippet id -> its first role and first topic
    first_tags: Mapping[str, tuple[str, ...]]


# The facts of the knowledge base in service, built on its first answer rather than on every
# answer (a dict over every snippet each time grows with the knowledge base). One entry: a
# reload brings a new knowledge base and the old one's facts go with it.
_last: tuple[weakref.ref[KnowledgeBase], _Facts] | None = None


def _facts(kb: KnowledgeBase) -> _Facts:
    global _last
    last = _last
    if last is not None and last[0]() is kb:
        return last[1]
    facts = _Facts(
        _concept_names(kb),
        frozenset(kb.topics),
        {snippet.id: (*snippet.roles[:1], *snippet.topics[:1]) for snippet in kb.snippets},
    )
    _last = (weakref.ref(kb), facts)
    return facts


def concept_names(kb: KnowledgeBase) -> Mapping[str, tuple[str, ...]]:
    """Concept id -> the names it goes by (first the one to search with), from the knowledge base.

    Roles (title, aliases) and topics (label); `concepts.yaml` entries too once the knowledge
    base carries them (an attribute `concepts` mapping ids to objects with `name`/`aliases`).
    Built once per knowledge base; not to be changed by callers.
    """
    return _facts(kb).names


def facet_ids(kb: KnowledgeBase) -> frozenset[str]:
    """The concept ids that are facets of a subject rather than subjects: the topics."""
    return _facts(kb).facets


# first word of a name -> (concept's place in the mapping, name's place, concept id, name)
_NameTable = dict[str, list[tuple[int, int, str, str]]]


def _name_table(names: Mapping[str, Sequence[str]]) -> _NameTable:
    """Every stemmed name filed under its first word, for the last mapping asked about (the
    knowledge base's, question after question)."""
    global _last_table
    last = _last_table
    if last is not None and last[0] is names:
        return last[1]
    table: _NameTable = {}
    for place, (concept_id, concept_names_) in enumerate(names.items()):
        for order, name in enumerate(concept_names_):
            if normal := _normal_name(name):
                table.setdefault(normal.split(" ")[0], []).append(
                    (place, order, concept_id, normal)
                )
    _last_table = (names, table)
    return table


_last_table: tuple[Mapping[str, Sequence[str]], _NameTable] | None = None


def named_concepts(text: str, names: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """The concept ids whose name or alias appears in `text` as whole words, in the order
    they appear; a name inside a longer one that also matched ("peer specialist" inside
    "certified peer specialist") does not count on its own.

    Only the names whose first word is one of the text's words are looked for (a name found
    in the text has its first word there): a question costs a lookup per word, not a pass
    over every name. Of a concept's names found, the longest counts (the first listed among
    equals), and concepts keep the mapping's order, as a scan of every name would.
    """
    normal_text = _normal(text)
    padded = f" {normal_text} "
    table = _name_table(names)
    # concept id -> (its place in the mapping, -length, name's place, name) of its best name
    best: dict[str, tuple[int, int, int, str]] = {}
    for word in frozenset(normal_text.split(" ")):
        for place, order, concept_id, normal in table.get(word, ()):
            if f" {normal} " not in padded:
                continue
            found = best.get(concept_id)
            if found is None or (-len(normal), order) < (found[1], found[2]):
                best[concept_id] = (place, -len(normal), order, normal)
    matched = {
        concept_id: found[3] for concept_id, found in sorted(best.items(), key=lambda i: i[1][0])
    }
    kept = [
        concept_id
        for concept_id, normal in matched.items()
        if not any(
            len(other) > len(normal) and f" {normal} " in f" {other} " for other in matched.values()
        )
    ]
    return tuple(sorted(kept, key=lambda concept_id: padded.find(f" {matched[concept_id]} ")))


def thread_concepts(answer: Answer, kb: KnowledgeBase) -> tuple[str, ...]:
    """The concept ids an answer used: retrieval's reading (`Answer.concepts`) when it gives
    one; else the roles, concepts and topics the question names (subjects first); else the
    first role and topic of the first passage shown."""
    if answer.concepts:
        return answer.concepts[:MAX_THREAD_CONCEPTS]
    facts = _facts(kb)
    named = named_concepts(answer.question, facts.names)
    if named:
        facets = facts.facets
        ordered = [c for c in named if c not in facets] + [c for c in named if c in facets]
        return tuple(ordered[:MAX_THREAD_CONCEPTS])
    if not answer.results:
        return ()
    return facts.first_tags.get(answer.results[0].snippet_id, ())


def is_chatter(text: str) -> bool:
    """True for a reply that only thanks or acknowledges ("thanks!", "ok got it")."""
    said = [word for word in words(text) if word.isalnum()]
    return not said or all(word in _CHATTER for word in said)


def thread_subject(
    text: str,
    thread: Sequence[str],
    names: Mapping[str, Sequence[str]],
    facets: frozenset[str] = frozenset(),
) -> tuple[str, ...]:
    """The names of the thread's concepts a follow-up `text` is to be read with, if any.

    A short follow-up that names no subject (role or concept) of its own is read with the
    thread's concepts (without the thread's facets when it names a facet itself); anything
    else with none.
    """
    if not thread or len(tokenize(text)) > MAX_FACET_WORDS:
        return ()
    named = named_concepts(text, names)
    if any(concept_id not in facets for concept_id in named):
        return ()
    kept = [c for c in thread if not (named and c in facets)]
    subject = [names[concept_id][0] for concept_id in kept if names.get(concept_id)]
    return tuple(subject[:MAX_THREAD_CONCEPTS])


def follow_up_question(
    text: str,
    thread: Sequence[str],
    names: Mapping[str, Sequence[str]],
    facets: frozenset[str] = frozenset(),
) -> str:
    """The question to search for a follow-up `text` in a thread about the concepts `thread`:
    the text with the names from `thread_subject` added, or as written when there are none."""
    subject = thread_subject(text, thread, names, facets)
    return f"{text} ({', '.join(subject)})" if subject else text
