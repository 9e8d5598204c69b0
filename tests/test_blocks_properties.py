"""Every renderer, fed any text: never raises, stays within Block Kit limits, pings nobody."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.answer import Answer
from bot.blocks import (
    Commands,
    answer_text,
    render_answer,
    render_answer_modal,
    render_home,
    render_in_source,
    render_role_card,
    render_role_choices,
    render_role_modal,
    render_role_page,
    render_topic,
    role_card_text,
)
from bot.config import PROJECT_ROOT
from bot.excerpt import excerpt
from bot.index import SnippetIndex
from bot.roles import all_roles, role_card
from bot.topics import topic_overview
from tests.slack.fakes import block_kit_problems, texts

COMMANDS = Commands("/peer-ask", "/peer-role", "/peer-help")
# In mrkdwn, "<" may only open a citation's link or the crisis line's call/text link; anything
# else could be a mention or a disguised link.
UNSAFE_MRKDWN = re.compile(r"<(?!https?://[^\s<>|]+\||tel:988\||sms:988\|)")
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
    modal = render_answer_modal(answer, real_index.kb, crisis_notice=notice)
    assert block_kit_problems(modal["blocks"], max_blocks=100) == []
    assert len(modal["title"]["text"]) <= 24


@settings(max_examples=200, deadline=None)
@given(
    question=slackish,
    missing=slackish.filter(lambda text: text.strip() != ""),
    crisis=st.booleans(),
    count=st.integers(0, 60),
)
def test_partial_answers_render_safely_and_keep_the_notice_first(
    real_index: SnippetIndex, question: str, missing: str, crisis: bool, count: int
) -> None:
    related = real_index.search("medicaid reimbursement peer", k=3).results
    answer = Answer(
        question, False, (), (), crisis=crisis, missing=missing, related=(related * 20)[:count]
    )
    notice = "Call or text 988 <!here> *now*"
    blocks = render_answer(answer, real_index.kb, echo=True, crisis_notice=notice)
    _check(blocks, answer_text(answer, notice))
    first = blocks[0].get("text", {}).get("text", "")
    assert first.startswith(":rotating_light: *") is crisis
    assert "The sources do not give" in json.dumps(blocks)


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
    blocks = render_role_card(card, real_index.kb, echo=echo, share=share, thread_ts="1.2")
    _check(blocks, role_card_text(card))
    if not card.found:
        _check(render_role_choices(card), role_card_text(card))


def test_every_real_role_card_page_and_modal_fits(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    for role in kb.roles.values():
        card = role_card(kb, role.title)
        _check(render_role_card(card, kb, share=True), role_card_text(card))
        for start in range(0, len(card.results), 5):
            _check(render_role_page(card, kb, start), role_card_text(card))
        assert block_kit_problems(render_role_modal(card, kb)["blocks"], max_blocks=100) == []


def test_every_real_topic_passage_in_source_and_home_fits(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    for topic_id in kb.topics:
        overview = topic_overview(kb, topic_id)
        assert overview is not None
        _check(render_topic(overview), overview.label)
    for snippet in kb.snippets:
        found = excerpt(kb, PROJECT_ROOT / "seeds", snippet.id)
        assert found is not None
        _check(render_in_source(found), "x")
    home = render_home(kb, COMMANDS, all_roles(kb))
    assert block_kit_problems(home["blocks"], max_blocks=100) == []
