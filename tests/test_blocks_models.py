"""Every reply is exactly what slack_sdk's Block Kit models would emit, and valid by them.

`bot.blocks` writes the blocks of a reply as plain dicts (slack_sdk's validating models cost
more than the search). These tests hold those dicts to the models: each rendered block, parsed
back through `slack_sdk.models.blocks.Block.parse` and emitted again with `to_dict()` (which
validates every Block Kit limit), must come out unchanged, for every question of the
evaluation and hostile sets, in every shape a reply takes.
"""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.models.blocks import (
    ActionsBlock,
    ButtonElement,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    OverflowMenuElement,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.blocks import (
    Block as SdkBlock,
)

from bot.blocks import (
    Commands,
    actions_block,
    button,
    context_block,
    mrkdwn,
    plain_text,
    render_answer,
    render_ask_prompt,
    render_help,
    render_home,
    render_role_card,
    render_role_list,
    section_block,
)
from bot.conversation_blocks import (
    ask_person_value,
    render_vote_state,
    share_answer_value,
    with_ask_a_person,
    with_reading_note,
    with_remove,
    with_share_value,
)
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeBase
from bot.roles import all_roles, role_card
from tests.golden_answers import golden_questions

Json = dict[str, Any]
COMMANDS = Commands("/peer-ask", "/peer-role", "/peer-help")


def _as_slack_sdk_emits(blocks: list[Json]) -> list[Json]:
    parsed = [SdkBlock.parse(block) for block in blocks]
    assert all(block is not None for block in parsed)
    return [block.to_dict() for block in parsed if block is not None]


def test_builders_match_the_models_they_replace() -> None:
    cases: list[tuple[Json, Json]] = [
        (mrkdwn("a *b*", verbatim=True), MarkdownTextObject(text="a *b*", verbatim=True).to_dict()),
        (mrkdwn("x"), MarkdownTextObject(text="x").to_dict()),
        (mrkdwn(""), MarkdownTextObject(text="").to_dict()),
        (plain_text("q", emoji=False), PlainTextObject(text="q", emoji=False).to_dict()),
        (plain_text("q"), PlainTextObject(text="q").to_dict()),
        (plain_text(""), PlainTextObject(text="").to_dict()),
        (
            button("Go", "act", "v", "primary"),
            ButtonElement(
                text=PlainTextObject(text="Go", emoji=True),
                action_id="act",
                value="v",
                style="primary",
            ).to_dict(),
        ),
        (
            button("Go", "act", ""),
            ButtonElement(
                text=PlainTextObject(text="Go", emoji=True), action_id="act", value=""
            ).to_dict(),
        ),
        (
            section_block(mrkdwn("s", verbatim=True), button("B", "b", "1")),
            SectionBlock(
                text=MarkdownTextObject(text="s", verbatim=True),
                accessory=ButtonElement(
                    text=PlainTextObject(text="B", emoji=True), action_id="b", value="1"
                ),
            ).to_dict(),
        ),
        (
            context_block([mrkdwn("c"), plain_text("p", emoji=False)]),
            ContextBlock(
                elements=[MarkdownTextObject(text="c"), PlainTextObject(text="p", emoji=False)]
            ).to_dict(),
        ),
        (
            actions_block("ids", [button("B", "b", "1")]),
            ActionsBlock(
                block_id="ids",
                elements=[
                    ButtonElement(
                        text=PlainTextObject(text="B", emoji=True), action_id="b", value="1"
                    )
                ],
            ).to_dict(),
        ),
        (
            {"text": plain_text("H"), "type": "header"},
            HeaderBlock(text=PlainTextObject(text="H")).to_dict(),
        ),
    ]
    for ours, theirs in cases:
        assert ours == theirs
        assert list(ours) == list(theirs)  # same key order, so the same JSON goes to Slack


def test_remove_menu_matches_the_model() -> None:
    blocks = with_remove([], "U0OWNER")
    menu = blocks[-1]["elements"][-1]
    assert menu == (
        OverflowMenuElement(
            action_id="peerbot_more",
            options=[
                Option(value="remove:U0OWNER", text="Remove this reply"),
                Option(value="about", text="About this reply"),
            ],
        ).to_dict()
    )


@pytest.mark.parametrize("crisis", [None, "If you are in danger now, call or text 988."])
def test_every_reply_is_what_slack_sdk_emits(
    real_index: SnippetIndex, real_kb: KnowledgeBase, crisis: str | None
) -> None:
    checked = 0
    for _label, question in golden_questions():
        answer = real_index.search(question, k=3)
        shapes = [
            render_answer(answer, real_kb, crisis_notice=crisis),
            render_answer(answer, real_kb, echo=True, share=True, keep_question=True),
            render_answer(answer, real_kb, shared_by="U0SHARER", crisis_notice=crisis),
            render_answer(answer, real_kb, echo=True, interactive=False),
        ]
        base = shapes[1]
        shapes += [
            with_ask_a_person(base, ask_person_value(answer)),
            with_remove(base, "U0OWNER"),
            with_share_value(base, share_answer_value(answer, "C0CHANNEL:1.2")),
            with_reading_note(with_remove(shapes[0], "U0OWNER"), ["peer <bridger> & co"]),
        ]
        for blocks in shapes:
            assert _as_slack_sdk_emits(blocks) == blocks, question
            checked += 1
    assert checked > 100


def test_other_payloads_are_what_slack_sdk_emits(real_kb: KnowledgeBase) -> None:
    roles = all_roles(real_kb)
    payloads = [
        render_home(real_kb, COMMANDS, roles)["blocks"],
        render_help(real_kb, COMMANDS),
        render_role_list(roles),
        render_ask_prompt(COMMANDS),
        render_vote_state("helpful", "hash|a,b", "C0CHANNEL:1.2"),
        *(render_role_card(role_card(real_kb, role.title), real_kb) for role in roles),
    ]
    for blocks in payloads:
        assert _as_slack_sdk_emits(blocks) == blocks


def test_share_value_is_copy_on_write(real_index: SnippetIndex, real_kb: KnowledgeBase) -> None:
    answer = real_index.search("What does a peer specialist do?", k=3)
    base = render_answer(answer, real_kb, echo=True, share=True)
    before = [dict(block) for block in base]
    shared = with_share_value(base, "answer:x|C1:2|q")
    assert base == before
    values = [
        element.get("value")
        for block in shared
        if block.get("type") == "actions"
        for element in block["elements"]
        if element.get("action_id") == "share_in_channel"
    ]
    assert values == ["answer:x|C1:2|q"]
