"""Ask a person, end to end: the button, the confirmation modal, the post, and its failures."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from bot.conversation_blocks import QUESTION_BLOCK, QUESTION_INPUT
from tests.slack.conftest import LiveApp
from tests.slack.fakes import BOT_USER_ID, Call, app_mention, block_kit_problems, button, texts

CHANNEL = "C0TEAM"
SUPPORT = "C0SUPPORT"
DECLINED = "what is the wifi password for the clinic?"
CRISIS = "my client talks about suicide, what does a peer bridger do?"


def _escalating(make_live_app: Callable[..., LiveApp], **extra: str) -> LiveApp:
    return make_live_app(
        PEERBOT_ESCALATION_CHANNEL=SUPPORT, PEERBOT_ESCALATION_MENTION="S0COORD", **extra
    )


def _ask(live: LiveApp, question: str) -> tuple[dict[str, Any], Call]:
    mention = app_mention(f"<@{BOT_USER_ID}> {question}", channel=CHANNEL)
    live.sender.event(mention)
    (reply,) = live.fake.wait_for("chat.postMessage")
    live.drain()
    return mention, reply


def _element(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any] | None:
    for block in blocks:
        for element in block.get("elements", []) if block["type"] == "actions" else []:
            if element.get("action_id") == action_id:
                return dict(element)
    return None


def _click(live: LiveApp, mention: dict[str, Any], reply: Call, reply_ts: str) -> dict[str, Any]:
    """Press Ask a person under a thread reply; the view Slack was asked to open."""
    value = _element(reply.body["blocks"], "ask_a_person")
    assert value is not None
    live.sender.action(
        button("ask_a_person", str(value["value"])),
        live.fake.response_url("ask"),
        channel_id=CHANNEL,
        is_ephemeral=False,
        message_ts=reply_ts,
        thread_ts=mention["ts"],
    )
    (opened,) = live.fake.wait_for("views.open")
    live.drain()
    view: dict[str, Any] = opened.body["view"]
    return view


def _typed(text: str) -> dict[str, Any]:
    return {QUESTION_BLOCK: {QUESTION_INPUT: {"type": "plain_text_input", "value": text}}}


REPLY_TS = "1700000100.000001"  # the fake's ts for the first post


def test_declined_reply_offers_a_person_and_the_modal_shows_the_post(
    make_live_app: Callable[..., LiveApp],
) -> None:
    live = _escalating(make_live_app)
    mention, reply = _ask(live, DECLINED)
    assert block_kit_problems(reply.body["blocks"]) == []
    view = _click(live, mention, reply, REPLY_TS)
    (permalink,) = live.fake.calls_to("chat.getPermalink")
    assert (permalink.body["channel"], permalink.body["message_ts"]) == (CHANNEL, REPLY_TS)
    assert view["callback_id"] == "ask_a_person_modal"
    assert block_kit_problems([b for b in view["blocks"] if b["type"] != "input"], 100) == []
    field = view["blocks"][-1]
    assert field["element"]["initial_value"] == DECLINED
    shown = "\n".join(texts(view["blocks"], "mrkdwn"))
    assert f"<#{SUPPORT}>" in shown
    assert "<!subteam^S0COORD>" in shown and "<@U0ALICE>" in shown
    assert f"/archives/{CHANNEL}/p1700000100000001|See the thread>" in shown
    assert "do not cover this question" in shown

    # The asker takes a detail out of the question and posts.
    edited = "what is the wifi password? <!channel> *urgent*"
    answer = live.sender.view_submission(view, _typed(edited))
    assert (answer.status, answer.body) == (200, "")
    post = live.fake.wait_for("chat.postMessage", where=lambda c: c.body["channel"] == SUPPORT)[0]
    live.fake.wait_for("chat.postMessage", 2, where=lambda c: c.body["channel"] == CHANNEL)
    live.drain()
    blocks = post.body["blocks"]
    # Exactly the preview, with the question as typed, in plain text (it cannot ping).
    preview = [b for b in view["blocks"][2:-2]]
    assert blocks[0] == preview[0] and blocks[2] == preview[2]
    assert blocks[1]["text"] == {
        "type": "plain_text",
        "text": f"Question: {edited}",
        "emoji": False,
    }
    assert DECLINED not in json.dumps(blocks)
    (ephemeral,) = live.fake.calls_to("chat.postEphemeral")
    assert ephemeral.body["user"] == "U0ALICE" and ephemeral.body["channel"] == CHANNEL
    assert "Posted" in ephemeral.body["text"]
    note = live.fake.calls_to("chat.postMessage", lambda c: c.body["channel"] == CHANNEL)[-1]
    assert note.body["thread_ts"] == mention["ts"]
    assert "A person was asked" in note.body["text"]


def test_crisis_reply_offers_a_person(make_live_app: Callable[..., LiveApp]) -> None:
    live = _escalating(make_live_app)
    _, reply = _ask(live, CRISIS)
    assert "988" in reply.body["blocks"][0]["text"]["text"]  # the crisis notice comes first
    assert _element(reply.body["blocks"], "ask_a_person") is not None


def test_answered_reply_has_no_person_button(make_live_app: Callable[..., LiveApp]) -> None:
    live = _escalating(make_live_app)
    _, reply = _ask(live, "what does a peer bridger do?")
    assert _element(reply.body["blocks"], "ask_a_person") is None


def test_without_an_escalation_channel_there_is_no_button(live_app: LiveApp) -> None:
    for question in (DECLINED, CRISIS):
        live_app.fake.calls.clear()
        _, reply = _ask(live_app, question)
        assert _element(reply.body["blocks"], "ask_a_person") is None


@pytest.mark.parametrize("error", ["not_in_channel", "channel_not_found"])
def test_a_refused_post_keeps_the_modal_open_with_a_clear_error(
    make_live_app: Callable[..., LiveApp], error: str
) -> None:
    live = _escalating(make_live_app)
    mention, reply = _ask(live, DECLINED)
    view = _click(live, mention, reply, REPLY_TS)
    live.fake.script("chat.postMessage", body={"ok": False, "error": error})
    answer = live.sender.view_submission(view, _typed(DECLINED))
    live.drain()
    assert answer.status == 200
    body = json.loads(answer.body)
    assert body["response_action"] == "errors"
    assert "could not post in the escalation channel" in body["errors"][QUESTION_BLOCK]
    assert "Traceback" not in answer.body
    assert live.fake.calls_to("chat.postEphemeral") == []
    posts = live.fake.calls_to("chat.postMessage")
    assert [p.body["channel"] for p in posts] == [CHANNEL, SUPPORT]  # reply, refused post


def test_a_private_answer_escalates_with_a_private_confirmation(
    make_live_app: Callable[..., LiveApp],
) -> None:
    live = _escalating(make_live_app)
    live.sender.command("/peer-ask", DECLINED, live.fake.response_url("ask"))
    (private,) = live.fake.wait_for("respond", where=lambda c: c.path.endswith("/ask"))
    live.drain()
    value = _element(private.body["blocks"], "ask_a_person")
    assert value is not None
    live.sender.action(
        button("ask_a_person", str(value["value"])),
        live.fake.response_url("clicked"),
        channel_id="C0PRIVATE",
    )
    (opened,) = live.fake.wait_for("views.open")
    live.drain()
    assert live.fake.calls_to("chat.getPermalink") == []  # nothing public to link to
    answer = live.sender.view_submission(opened.body["view"], _typed(DECLINED))
    assert (answer.status, answer.body) == (200, "")
    (post,) = live.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == SUPPORT
    assert "asked privately in <#C0PRIVATE>" in post.body["blocks"][0]["text"]["text"]
    (confirmation,) = live.fake.wait_for("respond", where=lambda c: c.path.endswith("/clicked"))
    live.drain()
    assert confirmation.body["response_type"] == "ephemeral"
    assert confirmation.body["replace_original"] is False
    assert "Posted" in confirmation.body["text"]
    assert len(live.fake.calls_to("chat.postMessage")) == 1  # no thread to note it in


def test_a_long_question_in_any_script_survives_the_modal(
    make_live_app: Callable[..., LiveApp],
) -> None:
    live = _escalating(make_live_app)
    long = "كلمة " * 700  # 3500 characters, each a \\u escape in ASCII JSON
    mention, reply = _ask(live, long)
    view = _click(live, mention, reply, REPLY_TS)
    assert len(view["private_metadata"]) <= 3000
    assert len(view["blocks"][-1]["element"]["initial_value"]) <= 3000
    answer = live.sender.view_submission(view, _typed("كلمة"))
    assert (answer.status, answer.body) == (200, "")
    post = live.fake.wait_for("chat.postMessage", where=lambda c: c.body["channel"] == SUPPORT)[0]
    live.drain()
    assert post.body["blocks"][1]["text"]["text"] == "Question: كلمة"
