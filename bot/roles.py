"""Role-title lookup for `/peer-role` and `peerbot role`: tolerant of case, plurals, typos.

Staff type titles the way they say them ("recovery coaches", "CPS", "recovry coach"), so a title
is matched on normalised words, then on aliases and abbreviations, then by closeness of spelling.
A miss never fails: it returns the nearest titles to choose from.
"""

from __future__ import annotations

import difflib

from bot.answer import Result, RoleCard, Suggestion
from bot.knowledge import KnowledgeBase, Role
from bot.tokenize import stem_word, words

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
    return RoleCard(title, role.id, role.title, role.aliases, results, ())


def all_roles(kb: KnowledgeBase) -> tuple[Role, ...]:
    """Every role title, alphabetically, for an empty lookup and the App Home tab."""
    return tuple(sorted(kb.roles.values(), key=lambda role: role.title.casefold()))
