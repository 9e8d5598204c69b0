"""Role-title lookup: tolerant of case, plurals, abbreviations and typos; never fails."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.knowledge import KnowledgeBase
from bot.roles import all_roles, match_role, role_card


@pytest.mark.parametrize(
    ("title", "role_id"),
    [
        pytest.param("recovery coach", "recovery-coach", id="exact"),
        pytest.param("Recovery Coaches", "recovery-coach", id="case-and-plural"),
        pytest.param("recovry coach", "recovery-coach", id="typo"),
        pytest.param("CPS", "certified-peer-specialist", id="abbreviation"),
        pytest.param("psw", "peer-support-worker", id="abbreviation-lower"),
        pytest.param("peer bridger", "peer-bridger", id="bridger"),
        pytest.param("family support navigator", "family-support-navigator", id="navigator"),
        pytest.param("DDA facilitator", "dda-facilitator", id="dda"),
    ],
)
def test_titles_resolve(real_kb: KnowledgeBase, title: str, role_id: str) -> None:
    role, _ = match_role(real_kb, title)
    assert role is not None
    assert role.id == role_id


def test_card_quotes_passages_with_citations(real_kb: KnowledgeBase) -> None:
    card = role_card(real_kb, "recovery coach")
    assert card.found and card.title
    assert card.results
    for result in card.results:
        assert result.citation
        assert result.snippet_id in {s.id for s in real_kb.snippets_for_role("recovery-coach")}


def test_card_puts_passages_naming_the_role_first(real_kb: KnowledgeBase) -> None:
    card = role_card(real_kb, "certified peer specialist")
    assert "CPS" in card.results[0].text or "Certified Peer Specialist" in card.results[0].text


def test_unknown_title_offers_near_titles(real_kb: KnowledgeBase) -> None:
    card = role_card(real_kb, "peer nurse")
    assert not card.found
    assert card.results == ()
    assert card.suggestions
    assert all(s.id in real_kb.roles for s in card.suggestions)


def test_all_roles_sorted(real_kb: KnowledgeBase) -> None:
    titles = [role.title for role in all_roles(real_kb)]
    assert titles == sorted(titles, key=str.casefold)
    assert len(titles) == len(real_kb.roles)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_lookup_never_fails(real_kb: KnowledgeBase, title: str) -> None:
    card = role_card(real_kb, title)
    assert card.found or card.suggestions
