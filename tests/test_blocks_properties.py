"""Every renderer, fed any text: never raises, stays within Block Kit limits, pings nobody."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.blocks import (
    Commands,
    answer_text,
    render_answer,
    render_role_card,
    render_role_choices,
    role_card_text,
)
from bot.index import SnippetIndex
from bot.roles import role_card
from tests.slack.fakes import block_kit_problems, texts

COMMANDS = Commands("/peer-ask", "/peer-role", "/peer-help")
# In mrkdwn, "<" may only open a citation's link; anything else could be a mention or a link.
UNSAFE_MRKDWN = re.compile(r"<(?!https://doi\.org/[^\s<>|]+\|)")
SPECIAL = re.compile(r"<[!@#]")

# Text built to look like Slack markup as often as like prose.
slackish = st.text(
    alphabet=st.sampled_from(list("<>&|!@#^*_~`:/. abcdeptrs\n\t\u200b\u202e😀")) | st.characters(),
    max_size=600,
)


def _check(blocks: list[dict[str, Any]], fallback: str) -> None:
    assert block_kit_problems(blocks) == []
    for text in texts(blocks, "mrkdwn"):
        assert not UNSAFE_MRKDWN.search(text), text
    for text in texts(blocks, "plain_text"):
        assert len(text) <= 3000
    assert not SPECIAL.search(fallback), fallback
    assert 0 < len(fallback) <= 40000


@settings(max_examples=300, deadline=None)
@given(question=slackish, echo=st.booleans(), share=st.booleans(), crisis=st.booleans())
def test_answers_render_safely(
    real_index: SnippetIndex, question: str, echo: bool, share: bool, crisis: bool
) -> None:
    answer = real_index.search(question)
    notice = "Call 988 <!channel>" if crisis else None
    blocks = render_answer(
        answer, real_index.kb, echo=echo, share=share, crisis_notice=notice, shared_by="U1"
    )
    _check(blocks, answer_text(answer, notice))


@settings(max_examples=150, deadline=None)
@given(question=slackish)
def test_answers_with_results_render_safely(real_index: SnippetIndex, question: str) -> None:
    """The same, on questions guaranteed to be answered, so the passage path is exercised."""
    answer = real_index.search(f"medicaid reimbursement peer {question}")
    blocks = render_answer(answer, real_index.kb, echo=True, share=True)
    _check(blocks, answer_text(answer))


@settings(max_examples=300, deadline=None)
@given(title=slackish, echo=st.booleans(), share=st.booleans())
def test_role_cards_render_safely(
    real_index: SnippetIndex, title: str, echo: bool, share: bool
) -> None:
    card = role_card(real_index.kb, title)
    blocks = render_role_card(card, echo=echo, share=share)
    _check(blocks, role_card_text(card))
    if not card.found:
        _check(render_role_choices(card), role_card_text(card))


def test_every_real_role_card_fits(real_index: SnippetIndex) -> None:
    for role in real_index.kb.roles.values():
        card = role_card(real_index.kb, role.title)
        _check(render_role_card(card, share=True), role_card_text(card))
