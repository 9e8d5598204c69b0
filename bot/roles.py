"""Role-title lookup for `/peer-role` and `peerbot role`: tolerant of case, plurals, typos.

Staff type titles the way they say them ("recovery coaches", "CPS", "recovry coach"), so a title
is matched on normalised words, then on aliases and abbreviations, then by closeness of spelling.
A miss never fails: it returns the nearest titles to choose from.
"""

from __future__ import annotations

import difflib

from bot.answer import Result, RoleCard, Suggestion
from bot.knowledge import KnowledgeBase, Role
from bot.records import Record, frozen_record
from bot.tokenize import stem_word, words


@frozen_record
class Facet(Record):
    """One section of a role card ("What they do"), made of the snippet topics that feed it."""

    id: str
    heading: str
    topics: frozenset[str]


# The order staff read a role card in; a passage belongs to a facet when it carries one of its
# topics (knowledge/topics.yaml). Topics in no facet (workforce growth, policy news, outside the
# USA) are still on the card, after "More passages".
FACETS: tuple[Facet, ...] = (
    Facet("duties", "What they do", frozenset({"roles-duties", "integration-role-clarity"})),
    Facet("settings", "Where they work", frozenset({"settings", "programs"})),
    Facet("training", "Training and certification", frozenset({"training-certification"})),
    Facet("funding", "Funding", frozenset({"funding"})),
    Facet("evidence", "Evidence", frozenset({"evidence-outcomes", "research-gaps"})),
)
# A card's summary: at most one passage per facet, and this many in all.
MAX_SUMMARY_PASSAGES = 4


@frozen_record
class RoleSummary(Record):
    """A role card split for reading at a glance: one passage per facet, then the rest.

    A section's facet is None for a passage in no facet, shown because the whole card fits.
    """

    sections: tuple[tuple[Facet | None, Result], ...]
    rest: tuple[Result, ...]


_FUZZY_CUTOFF = 0.75
_MAX_SUGGESTIONS = 5
_MAX_QUERY_CHARS = 200


def _normal(text: str) -> str:
    """Words, each stemmed, so 'Recovery Coaches' and 'recovery coach' agree."""
    return " ".join(stem_word(word) if word.isalpha() else word for word in words(text))


def _names(kb: KnowledgeBase) -> dict[str, str]:
    """Normalised title or alias -> role id."""
    names: dict[str, str] = {}
    for role in kb.roles.values():
        for name in role.names:
            names.setdefault(_normal(name), role.id)
    return names


def match_role(kb: KnowledgeBase, title: str) -> tuple[Role | None, tuple[Role, ...]]:
    """(the role `title` names, or None; the nearest other roles, best first)."""
    query = _normal(title[:_MAX_QUERY_CHARS])
    if not query:
        return None, ()
    names = _names(kb)
    if query in names:
        return kb.roles[names[query]], ()
    close = difflib.get_close_matches(query, list(names), n=_MAX_SUGGESTIONS * 3, cutoff=0.5)
    if close and difflib.SequenceMatcher(None, query, close[0]).ratio() >= _FUZZY_CUTOFF:
        return kb.roles[names[close[0]]], ()
    ranked: list[str] = []
    for name in close:
        if names[name] not in ranked:
            ranked.append(names[name])
    query_words = set(query.split())
    for name, role_id in names.items():
        if query_words & set(name.split()) and role_id not in ranked:
            ranked.append(role_id)
    return None, tuple(kb.roles[role_id] for role_id in ranked[:_MAX_SUGGESTIONS])


def _mentions(role: Role, text: str) -> bool:
    normal_text = f" {_normal(text)} "
    return any(f" {_normal(name)} " in normal_text for name in role.names)


def role_card(kb: KnowledgeBase, title: str) -> RoleCard:
    """What the sources say of the role `title` names; near titles if it names none.

    Passages that use the role's own name come first; the rest are tagged with the role by the
    curators because they speak of it under a general heading (e.g. "peer providers").
    """
    role, near = match_role(kb, title)
    if role is None:
        if not near:
            near = tuple(kb.roles.values())[:_MAX_SUGGESTIONS]
        suggestions = tuple(Suggestion("role", r.id, r.title) for r in near)
        return RoleCard(title, None, None, (), (), suggestions)
    snippets = sorted(
        kb.snippets_for_role(role.id), key=lambda snippet: not _mentions(role, snippet.text)
    )
    results = tuple(Result.from_snippet(kb, snippet, 0.0) for snippet in snippets)
    return RoleCard(title, role.id, role.title, distinct_aliases(role), results, ())


def distinct_aliases(role: Role) -> tuple[str, ...]:
    """The other names of a role worth showing: no plural or repeat of a name already shown."""
    seen = {_plain(role.title)}
    shown: list[str] = []
    for alias in role.aliases:
        key = _plain(alias)
        if key not in seen:
            seen.add(key)
            shown.append(alias)
    return tuple(shown)


def _plain(name: str) -> str:
    """A name stemmed and with a plural 's' dropped ('CPSs' -> 'cps', 'coaches' -> 'coach')."""
    return " ".join(word.rstrip("s") or word for word in _normal(name).split())


def summarise(kb: KnowledgeBase, card: RoleCard) -> RoleSummary:
    """The card's best passage for each facet, in facet order (at most four), then the rest.

    A card of four passages or fewer is shown whole (nothing to page to); one whose passages fit
    no facet opens on its first passage. A passage the knowledge
    base no longer has (a card from before a reload) belongs to no facet.
    """
    topics = {snippet.id: snippet.topics for snippet in kb.snippets}
    picked: list[tuple[Facet | None, int]] = []
    for facet in FACETS:
        if len(picked) == MAX_SUMMARY_PASSAGES:
            break
        taken = {position for _, position in picked}
        candidates = [
            (position, topics.get(result.snippet_id, ()))
            for position, result in enumerate(card.results)
            if position not in taken and set(topics.get(result.snippet_id, ())) & facet.topics
        ]
        if candidates:
            # Filed under the facet first, then fewest other topics, then card order.
            best = min(
                candidates,
                key=lambda item: (item[1][0] not in facet.topics, len(item[1]), item[0]),
            )
            picked.append((facet, best[0]))
    if not picked and card.results:  # no passage in any facet: the card still opens on one
        picked.append((None, 0))
    taken = {position for _, position in picked}
    if len(card.results) <= MAX_SUMMARY_PASSAGES:
        picked += [
            (None, position) for position in range(len(card.results)) if position not in taken
        ]
        taken = set(range(len(card.results)))
    sections = tuple((facet, card.results[position]) for facet, position in picked)
    rest = tuple(result for position, result in enumerate(card.results) if position not in taken)
    return RoleSummary(sections, rest)


def all_roles(kb: KnowledgeBase) -> tuple[Role, ...]:
    """Every role title, alphabetically, for an empty lookup and the App Home tab."""
    return tuple(sorted(kb.roles.values(), key=lambda role: role.title.casefold()))
