"""Slash commands, buttons and the App Home tab, end to end over signed HTTP."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import cast

import pytest

from bot.store import question_hash
from tests.slack.conftest import LiveApp
from tests.slack.fakes import (
    BOT_USER_ID,
    Call,
    block_kit_problems,
    button,
    event_callback,
    quotes_with_citations,
    static_select,
    texts,
)

ASK, ROLE, HELP = "/peer-ask", "/peer-role", "/peer-help"
QUESTION = "what does a peer bridger do?"
BRIDGER_QUOTE = "Peer bridgers help people leave hospital and settle back into the community."


def _responded(live: LiveApp, name: str) -> Call:
    (call,) = live.fake.wait_for("respond", where=lambda c: c.path == f"/respond/{name}")
    return call


def _action(blocks: list[dict[str, object]], action_id: str) -> dict[str, object]:
    for block in blocks:
        for element in block.get("elements", []):  # type: ignore[attr-defined]
            if element.get("action_id") == action_id:
                return element  # type: ignore[no-any-return]
    raise AssertionError(f"no {action_id} in {json.dumps(blocks)[:500]}")


def test_ask_acks_at_once_and_answers_privately_with_share(live_app: LiveApp) -> None:
    # The response_url answers slowly: an ack that waited for the answer would be slow too.
    live_app.fake.script("respond", body="ok", delay=1.5)
    reply = live_app.sender.command(ASK, QUESTION, live_app.fake.response_url("ask"))
    assert reply.status == 200 and reply.body == ""
    assert reply.elapsed < 1.0
    call = _responded(live_app, "ask")
    assert call.body["response_type"] == "ephemeral"
    blocks = call.body["blocks"]
    assert blocks[0]["elements"][0] == {
        "type": "plain_text",
        "text": f"You asked: {QUESTION}",
        "emoji": False,
    }
    assert quotes_with_citations(blocks)[0][0] == BRIDGER_QUOTE
    share = _action(blocks, "share_in_channel")
    assert share["value"] == f"answer:mini-bridger||{QUESTION}"
    assert block_kit_problems(blocks) == []


def test_share_posts_the_answer_for_everyone_and_removes_the_private_copy(
    live_app: LiveApp,
) -> None:
    live_app.sender.command(ASK, QUESTION, live_app.fake.response_url("ask"), channel_id="C0TEAM")
    share = _action(_responded(live_app, "ask").body["blocks"], "share_in_channel")
    live_app.sender.action(
        button("share_in_channel", str(share["value"])),
        live_app.fake.response_url("share"),
        channel_id="C0TEAM",
        user_id="U0ALICE",
    )
    (post,) = live_app.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C0TEAM" and "thread_ts" not in post.body
    blocks = post.body["blocks"]
    assert blocks[0]["elements"][0] == {
        "type": "mrkdwn",
        "text": "Shared by <@U0ALICE>",
    }
    assert blocks[0]["elements"][1]["text"] == f"Asked: {QUESTION}"
    assert quotes_with_citations(blocks)[0][0] == BRIDGER_QUOTE
    assert "share_in_channel" not in json.dumps(blocks)
    assert "feedback_helpful" in json.dumps(blocks)
    assert _responded(live_app, "share").body["delete_original"] is True


def test_share_where_the_bot_is_not_in_the_channel_explains_instead(live_app: LiveApp) -> None:
    live_app.fake.script("chat.postMessage", body={"ok": False, "error": "not_in_channel"})
    live_app.sender.action(
        button("share_in_channel", f"ask:{QUESTION}"), live_app.fake.response_url("share")
    )
    call = _responded(live_app, "share")
    assert call.body["response_type"] == "ephemeral"
    assert call.body["replace_original"] is False
    assert "/invite @peerbot" in call.body["text"]


def test_declined_ask_has_no_share_button(live_app: LiveApp) -> None:
    live_app.sender.command(ASK, "what is the wifi password?", live_app.fake.response_url("no"))
    blocks = _responded(live_app, "no").body["blocks"]
    assert quotes_with_citations(blocks) == []
    assert "share_in_channel" not in json.dumps(blocks)


def test_role_card_with_citations_and_shared_for_everyone(live_app: LiveApp) -> None:
    live_app.sender.command(ROLE, "recovry coaches", live_app.fake.response_url("role"))
    call = _responded(live_app, "role")
    blocks = call.body["blocks"]
    assert call.body["response_type"] == "ephemeral"
    assert blocks[0]["elements"][0]["text"] == "You looked up: recovry coaches"
    assert blocks[1] == {"type": "header", "text": {"type": "plain_text", "text": "Recovery coach"}}
    (pair,) = quotes_with_citations(blocks)
    assert pair[0] == "Recovery coaches support people in recovery from substance use."
    share = _action(blocks, "share_in_channel")
    assert share["value"] == "role:recovery-coach"
    live_app.sender.action(
        button("share_in_channel", "role:recovery-coach", "role_actions"),
        live_app.fake.response_url("share-role"),
        channel_id="C0ROLES",
    )
    (post,) = live_app.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C0ROLES"
    assert quotes_with_citations(post.body["blocks"])[0][0] == pair[0]


def test_empty_role_command_lists_roles_and_the_menu_opens_a_card(live_app: LiveApp) -> None:
    live_app.sender.command(ROLE, "  ", live_app.fake.response_url("list"))
    blocks = _responded(live_app, "list").body["blocks"]
    assert "*Peer bridger* — also bridger" in "\n".join(texts(blocks, "mrkdwn"))
    menu = _action(blocks, "role_pick_select")
    options = cast(list[dict[str, str]], menu["options"])
    assert [option["value"] for option in options] == ["peer-bridger", "recovery-coach"]
    live_app.sender.action(
        static_select("role_pick_select", "peer-bridger", "Peer bridger"),
        live_app.fake.response_url("picked"),
    )
    call = _responded(live_app, "picked")
    assert call.body["replace_original"] is True
    assert quotes_with_citations(call.body["blocks"])[0][0] == BRIDGER_QUOTE


def test_unknown_role_offers_did_you_mean_buttons_that_open_cards(live_app: LiveApp) -> None:
    live_app.sender.command(ROLE, "peer brigder person", live_app.fake.response_url("dym"))
    blocks = _responded(live_app, "dym").body["blocks"]
    assert blocks[0]["elements"][0]["text"] == "You looked up: peer brigder person"
    assert "No role by that title" in blocks[1]["text"]["text"]
    choice = _action(blocks, "role_pick_0")
    assert choice["value"] == "peer-bridger"
    live_app.sender.action(
        button("role_pick_0", "peer-bridger", "role_choices"), live_app.fake.response_url("opened")
    )
    call = _responded(live_app, "opened")
    assert call.body["replace_original"] is True
    assert quotes_with_citations(call.body["blocks"])[0][0] == BRIDGER_QUOTE


def test_role_suggestion_under_a_public_answer_opens_privately(live_app: LiveApp) -> None:
    live_app.sender.action(
        button("role_pick_0", "recovery-coach", "suggested_roles"),
        live_app.fake.response_url("public"),
        is_ephemeral=False,
    )
    call = _responded(live_app, "public")
    assert call.body["response_type"] == "ephemeral" and call.body["replace_original"] is False


MALICIOUS = "&lt;!channel&gt; &lt;@U0EVE&gt; &lt;https://evil.example|click me&gt; &amp; *bold*"
SHOWN = "<!channel> <@U0EVE> <https://evil.example|click me> & *bold*"


@pytest.mark.parametrize("command", [pytest.param(ROLE, id="role"), pytest.param(ASK, id="ask")])
def test_echoed_text_can_neither_ping_nor_disguise_a_link(live_app: LiveApp, command: str) -> None:
    live_app.sender.command(command, MALICIOUS, live_app.fake.response_url("evil"))
    call = _responded(live_app, "evil")
    blocks = call.body["blocks"]
    mrkdwn = list(texts(blocks, "mrkdwn")) + [call.body["text"]]
    for text in mrkdwn:
        assert "<!channel>" not in text and "<@U0EVE>" not in text and "<https://evil" not in text
    # Shown back as typed, in plain_text, which Slack never parses for mentions or links.
    assert f"You {'looked up' if command == ROLE else 'asked'}: {SHOWN}" in texts(
        blocks, "plain_text"
    )
    if command == ROLE:  # the notification text names the title, escaped
        assert (
            "&lt;!channel&gt; &lt;@U0EVE&gt; &lt;https://evil.example|click me&gt; &amp;"
            in call.body["text"]
        )


def test_long_question_is_cut_with_an_ellipsis(live_app: LiveApp) -> None:
    question = "what does a peer bridger do " + "and why " * 600
    live_app.sender.command(ASK, question, live_app.fake.response_url("long"))
    blocks = _responded(live_app, "long").body["blocks"]
    echo = blocks[0]["elements"][0]["text"]
    assert echo.endswith("…") and len(echo) <= len("You asked: ") + 200
    assert block_kit_problems(blocks) == []
    assert len(_action(blocks, "share_in_channel")["value"]) <= 2000  # type: ignore[arg-type]


def test_help_lists_commands_examples_and_sources(live_app: LiveApp) -> None:
    live_app.sender.command(HELP, "", live_app.fake.response_url("help"))
    call = _responded(live_app, "help")
    mrkdwn = "\n".join(texts(call.body["blocks"], "mrkdwn"))
    for expected in (
        ASK,
        ROLE,
        HELP,
        "How many states certify peer specialists?",
        "Example (2020)",
    ):
        assert expected in mrkdwn
    assert call.body["response_type"] == "ephemeral"


def test_configured_command_names_are_the_ones_served(
    make_live_app: Callable[..., LiveApp],
) -> None:
    live = make_live_app(PEERBOT_ASK_COMMAND="/ask-peers")
    live.sender.command("/ask-peers", QUESTION, live.fake.response_url("renamed"))
    assert quotes_with_citations(_responded(live, "renamed").body["blocks"])
    assert live.sender.command(ASK, QUESTION, live.fake.response_url("old")).status == 404


def test_app_home_is_published_when_opened(live_app: LiveApp) -> None:
    event = {
        "type": "app_home_opened",
        "user": "U0ALICE",
        "channel": "D0HOME",
        "tab": "home",
        "event_ts": "1700000000.000100",
    }
    live_app.sender.event(event)
    (call,) = live_app.fake.wait_for("views.publish")
    assert call.body["user_id"] == "U0ALICE"
    view = call.body["view"]
    assert view["type"] == "home"
    mrkdwn = "\n".join(texts(view["blocks"], "mrkdwn"))
    assert _action(view["blocks"], "home_ask")["text"] == {  # type: ignore[comparison-overlap]
        "type": "plain_text",
        "text": "Ask a question",
        "emoji": True,
    }
    picker = cast(list[dict[str, str]], _action(view["blocks"], "home_role_select")["options"])
    assert [option["value"] for option in picker] == ["peer-bridger", "recovery-coach"]
    assert "Example (2020). A small test report" in mrkdwn
    assert "How many states certify peer specialists?" in mrkdwn
    assert block_kit_problems(view["blocks"], max_blocks=100) == []


def test_messages_tab_does_not_publish(live_app: LiveApp) -> None:
    live_app.sender.event(
        {
            "type": "app_home_opened",
            "user": "U0ALICE",
            "channel": "D0HOME",
            "tab": "messages",
            "event_ts": "1700000000.000100",
        }
    )
    live_app.drain()
    assert live_app.fake.calls_to("views.publish") == []


def _vote_on_an_answer(live: LiveApp, action_id: str) -> None:
    live.sender.command(ASK, QUESTION, live.fake.response_url("ask"))
    value = _action(_responded(live, "ask").body["blocks"], action_id)["value"]
    live.sender.action(button(action_id, str(value)), live.fake.response_url("vote"))
    call = _responded(live, "vote")
    assert call.body["response_type"] == "ephemeral" and call.body["replace_original"] is False
    live.drain()


def test_vote_is_stored_with_snippets_and_question_hash_not_text(live_app: LiveApp) -> None:
    _vote_on_an_answer(live_app, "feedback_not_helpful")
    (vote,) = live_app.feedback.votes()
    assert vote.vote == "not_helpful"
    assert vote.snippet_ids == ("mini-bridger",)
    assert vote.question_hash == question_hash(QUESTION)
    assert vote.voted_at > 1_700_000_000
    summary = live_app.feedback.summary()
    assert summary.questions[0].text is None
    path = live_app.settings.data_dir / "peerbot.sqlite3"
    live_app.feedback.close()
    with sqlite3.connect(path) as connection:
        dump = "\n".join(connection.iterdump())
    connection.close()
    assert "bridger do" not in dump


def test_question_text_is_kept_with_votes_only_when_the_operator_opts_in(
    make_live_app: Callable[..., LiveApp],
) -> None:
    live = make_live_app(PEERBOT_STORE_QUESTION_TEXT="true")
    live.sender.command(ASK, "does insurance pay for peers?", live.fake.response_url("unvoted"))
    _responded(live, "unvoted")
    _vote_on_an_answer(live, "feedback_helpful")
    (question,) = live.feedback.summary().questions
    assert question.text == QUESTION and question.helpful == 1
    with sqlite3.connect(live.settings.data_dir / "peerbot.sqlite3") as connection:
        dump = "\n".join(connection.iterdump())
    connection.close()
    assert "insurance" not in dump  # asked, never voted on: not kept


def test_mention_answer_carries_feedback_for_the_snippets_shown(live_app: LiveApp) -> None:
    body_event = {
        "type": "app_mention",
        "user": "U0ALICE",
        "channel": "C0FB",
        "text": f"<@{BOT_USER_ID}> {QUESTION}",
        "ts": "1700000000.777777",
        "event_ts": "1700000000.777777",
    }
    assert event_callback(body_event, "Ev0FB")["event"] is body_event
    live_app.sender.event(body_event)
    (post,) = live_app.fake.wait_for("chat.postMessage")
    helpful = _action(post.body["blocks"], "feedback_helpful")
    assert helpful["value"] == f"{question_hash(QUESTION)}|mini-bridger"
