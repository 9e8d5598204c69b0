"""Mentions and DMs, end to end: signed HTTP requests in, what Slack would receive out."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import pytest

from tests.slack.conftest import LiveApp
from tests.slack.fakes import (
    BOT_ID,
    BOT_TOKEN,
    BOT_USER_ID,
    SIGNING_SECRET,
    Call,
    app_mention,
    block_kit_problems,
    event_callback,
    http_post,
    message,
    next_ts,
    quotes_with_citations,
    sign,
    texts,
)

QUESTION = "what does a peer bridger do?"
BRIDGER_QUOTE = "Peer bridgers help people leave hospital and settle back into the community."
MINI_CITATION = "[1] Example (2020). A small test report"


def _posts(live: LiveApp, channel: str) -> list[Call]:
    return live.fake.calls_to("chat.postMessage", lambda c: c.body.get("channel") == channel)


def test_url_verification_echoes_the_challenge(live_app: LiveApp) -> None:
    body = json.dumps(
        {"token": "x", "challenge": "3eZbrw1aBm2rZgRNFdxV", "type": "url_verification"}
    )
    reply = live_app.sender.raw(body, "application/json")
    assert reply.status == 200
    assert json.loads(reply.body) == {"challenge": "3eZbrw1aBm2rZgRNFdxV"}


@pytest.mark.parametrize(
    "signed",
    [
        pytest.param(lambda body: sign("wrong-secret", body), id="wrong-secret"),
        pytest.param(lambda body: sign(SIGNING_SECRET, body, timestamp=1_600_000_000), id="stale"),
        pytest.param(lambda body: sign(SIGNING_SECRET, body + " "), id="body-changed"),
        pytest.param(lambda body: {}, id="unsigned"),
    ],
)
def test_badly_signed_requests_get_401_and_no_reply(
    live_app: LiveApp, signed: Callable[[str], dict[str, str]]
) -> None:
    body = json.dumps(event_callback(app_mention(f"<@{BOT_USER_ID}> {QUESTION}"), "EvBAD"))
    reply = http_post(live_app.url, body, {"Content-Type": "application/json", **signed(body)})
    assert reply.status == 401
    live_app.drain()
    assert live_app.fake.calls_to("chat.postMessage") == []
    # The refused delivery claimed nothing: the same event, correctly signed, is answered.
    live_app.sender.event(event_callback_event(body), event_id="EvBAD")
    live_app.fake.wait_for("chat.postMessage")


def event_callback_event(body: str) -> dict[str, object]:
    event: dict[str, object] = json.loads(body)["event"]
    return event


def test_mention_is_answered_in_a_new_thread_under_it(live_app: LiveApp) -> None:
    event = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0MENTION")
    reply = live_app.sender.event(event)
    assert reply.status == 200
    (post,) = live_app.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "C0MENTION"
    assert post.body["thread_ts"] == event["ts"]
    assert post.headers["authorization"] == f"Bearer {BOT_TOKEN}"
    pairs = quotes_with_citations(post.body["blocks"])
    assert pairs[0][0] == BRIDGER_QUOTE
    assert MINI_CITATION in pairs[0][1] and "_report_" in pairs[0][1]
    assert BRIDGER_QUOTE in post.body["text"]
    actions = [b for b in post.body["blocks"] if b["type"] == "actions"][-1]
    assert [e["action_id"] for e in actions["elements"]] == [
        "feedback_helpful",
        "feedback_not_helpful",
        "peerbot_more",
    ]
    assert block_kit_problems(post.body["blocks"]) == []


def test_mention_inside_a_thread_is_answered_in_that_thread(live_app: LiveApp) -> None:
    parent = next_ts()
    event = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0THREAD", thread_ts=parent)
    live_app.sender.event(event)
    (post,) = live_app.fake.wait_for("chat.postMessage")
    assert post.body["thread_ts"] == parent != event["ts"]


def test_direct_message_is_answered_in_the_dm(live_app: LiveApp) -> None:
    live_app.sender.event(message("does insurance pay for peers?", channel="D0ALICE"))
    (post,) = live_app.fake.wait_for("chat.postMessage")
    assert post.body["channel"] == "D0ALICE"
    assert "thread_ts" not in post.body
    (pair,) = quotes_with_citations(post.body["blocks"])
    assert pair[0].startswith("Medicaid reimbursement is a major source of funding")


def test_declined_question_says_so_and_shows_no_passage(live_app: LiveApp) -> None:
    live_app.sender.event(message("what is the wifi password?", channel="D0WIFI"))
    (post,) = live_app.fake.wait_for("chat.postMessage")
    blocks = post.body["blocks"]
    assert quotes_with_citations(blocks) == []
    mrkdwn = "\n".join(texts(blocks, "mrkdwn"))
    assert "do not cover this question" in mrkdwn
    suggested = [
        (element["action_id"], element["value"])
        for block in blocks
        if block.get("block_id") == "suggestions"
        for element in block["elements"]
    ]
    assert ("topic_pick_0", "roles-duties") in suggested or any(
        value == "roles-duties" for _, value in suggested
    )
    assert "Example (2020)" in mrkdwn  # which sources it knows
    assert "feedback_not_helpful" in json.dumps(blocks)


def test_crisis_wording_puts_the_crisis_notice_first(live_app: LiveApp) -> None:
    live_app.sender.event(message("my client talks about suicide, what does a peer bridger do?"))
    (post,) = live_app.fake.wait_for("chat.postMessage")
    first = post.body["blocks"][0]["text"]["text"]
    assert first.startswith(":rotating_light: *If you or someone you support may be in crisis")
    assert "<tel:988|Call 988>" in first and "<sms:988|text 988>" in first
    assert "988" in post.body["text"]


@pytest.mark.parametrize(
    "event",
    [
        pytest.param(message(QUESTION, user=BOT_USER_ID), id="own-message"),
        pytest.param(message(QUESTION, user=None, bot_id="B0OTHER"), id="other-bot"),
        pytest.param(message(QUESTION, bot_id=BOT_ID, subtype="bot_message"), id="bot-subtype"),
        pytest.param(
            message(QUESTION, subtype="message_changed", message={"text": QUESTION}), id="edit"
        ),
        pytest.param(message(QUESTION, subtype="message_deleted"), id="deletion"),
        pytest.param(
            message(
                "<@U0BOB> has joined the channel",
                channel="C0JOIN",
                channel_type="channel",
                subtype="channel_join",
            ),
            id="join",
        ),
        pytest.param(message(QUESTION, channel="C0PLAIN", channel_type="channel"), id="channel"),
        pytest.param(message(QUESTION, channel="G0GROUP", channel_type="group"), id="private"),
    ],
)
def test_ignored_messages_get_no_reply(live_app: LiveApp, event: dict[str, object]) -> None:
    reply = live_app.sender.event(event)
    assert reply.status == 200
    live_app.drain()
    assert live_app.fake.calls_to("chat.postMessage") == []


def test_mention_also_delivered_as_a_message_event_is_answered_once(live_app: LiveApp) -> None:
    mention = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0TWICE")
    as_message = message(
        mention["text"], channel="C0TWICE", channel_type="channel", ts=mention["ts"]
    )
    live_app.sender.event(mention)
    live_app.sender.event(as_message)
    live_app.drain()
    assert len(_posts(live_app, "C0TWICE")) == 1


def test_dm_mention_delivered_as_two_events_is_answered_once(live_app: LiveApp) -> None:
    dm = message(f"<@{BOT_USER_ID}> {QUESTION}", channel="D0TWICE")
    mention = app_mention(dm["text"], channel="D0TWICE", ts=dm["ts"])
    live_app.sender.event(dm)
    live_app.sender.event(mention)
    live_app.drain()
    assert len(_posts(live_app, "D0TWICE")) == 1


def test_retried_event_is_answered_once(live_app: LiveApp) -> None:
    event = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0RETRY")
    replies = [
        live_app.sender.event(event, event_id="Ev0RETRY"),
        live_app.sender.event(event, event_id="Ev0RETRY", retry_num=1),
        live_app.sender.event(event, event_id="Ev0RETRY", retry_num=2),
    ]
    assert [reply.status for reply in replies] == [200, 200, 200]
    live_app.drain()
    assert len(_posts(live_app, "C0RETRY")) == 1


def test_empty_mention_gets_a_prompt_with_examples(live_app: LiveApp) -> None:
    live_app.sender.event(app_mention(f"<@{BOT_USER_ID}>", channel="C0EMPTY"))
    (post,) = live_app.fake.wait_for("chat.postMessage")
    assert "For example" in post.body["blocks"][0]["text"]["text"]


def test_rate_limited_post_is_retried_after_retry_after(live_app: LiveApp) -> None:
    live_app.fake.script(
        "chat.postMessage",
        status=429,
        body={"ok": False, "error": "ratelimited"},
        headers={"Retry-After": "0"},
    )
    live_app.sender.event(message(QUESTION, channel="D0LIMIT"))
    posts = live_app.fake.wait_for("chat.postMessage", count=2)
    live_app.drain()
    assert [p.body["channel"] for p in posts] == ["D0LIMIT", "D0LIMIT"]
    assert len(live_app.fake.calls_to("chat.postMessage")) == 2


def test_failed_post_is_logged_with_event_id_and_app_keeps_serving(
    live_app: LiveApp, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="peerbot")
    live_app.fake.script("chat.postMessage", body={"ok": False, "error": "channel_not_found"})
    live_app.sender.event(message(QUESTION, channel="D0GONE"), event_id="Ev0FAILS")
    live_app.drain()
    assert "post failed event_id=Ev0FAILS error=channel_not_found" in caplog.text
    live_app.sender.event(message(QUESTION, channel="D0NEXT"))
    live_app.fake.wait_for("chat.postMessage", where=lambda c: c.body["channel"] == "D0NEXT")


def test_one_log_line_per_event_without_the_question(
    live_app: LiveApp, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="peerbot")
    live_app.sender.event(message(QUESTION, channel="D0LOG1"), event_id="Ev0LOG1")
    live_app.sender.event(
        message("what is the wifi password?", channel="D0LOG2"), event_id="Ev0LOG2"
    )
    live_app.drain()
    # The two events are answered concurrently, so their lines may come in either order.
    lines = sorted(r.getMessage() for r in caplog.records if r.name == "peerbot.events")
    assert len(lines) == 2
    assert lines[0].startswith("event_id=Ev0LOG1 kind=message.im outcome=answered latency_ms=")
    assert lines[1].startswith("event_id=Ev0LOG2 kind=message.im outcome=declined latency_ms=")
    assert "bridger" not in caplog.text and "wifi" not in caplog.text


def test_question_is_logged_only_when_the_operator_opts_in(
    make_live_app: object, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="peerbot")
    live = make_live_app(PEERBOT_LOG_MESSAGE_TEXT="true")  # type: ignore[operator]
    live.sender.event(message(QUESTION, channel="D0OPTIN"), event_id="Ev0OPTIN")
    live.drain()
    assert f"text='{QUESTION}'" in caplog.text
