"""Conversations end to end: follow-ups in peerbot's threads, edits, deletions, privacy."""

from __future__ import annotations

import json
import logging
import sqlite3
import statistics
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app import SLACK_LOGGER
from bot.server import configure_logging
from bot.store import database_path, open_store, sqlite_url
from tests.conftest import MINI_FILES, write_mini_kb
from tests.slack.conftest import LiveApp, Served
from tests.slack.fakes import (
    BOT_ID,
    BOT_USER_ID,
    WAIT_SECONDS,
    Call,
    FakeSlack,
    SlackSender,
    app_mention,
    block_kit_problems,
    message,
    next_ts,
    quotes_with_citations,
    texts,
)

CHANNEL = "C0TEAM"
BRIDGER_QUOTE = "Peer bridgers help people leave hospital and settle back into the community."
BRIDGER_YOUTH = "Peer bridgers who work with youth meet young people on the ward before discharge."
COACH_YOUTH = "Recovery coaches for youth work with youth in schools and youth centers."
COACH_QUOTE = "Recovery coaches support people in recovery from substance use."

_YOUTH_SNIPPETS = """\
  - id: mini-bridger-youth
    source: mini2020
    text: Peer bridgers who work with youth meet young people on the ward before discharge.
    topics: [roles-duties]
    roles: [peer-bridger]
  - id: mini-coach-youth
    source: mini2020
    text: Recovery coaches for youth work with youth in schools and youth centers.
    topics: [roles-duties]
    roles: [recovery-coach]
"""


@pytest.fixture
def mini_kb_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """The mini knowledge base plus a youth passage for each of its two roles."""
    snippets = textwrap.dedent(MINI_FILES["snippets/roles-duties.yaml"]) + _YOUTH_SNIPPETS
    knowledge, seeds = write_mini_kb(tmp_path / "kb", {"snippets/roles-duties.yaml": snippets})
    seed = seeds / "mini.txt"
    seed.write_text(seed.read_text() + f"{BRIDGER_YOUTH}\n{COACH_YOUTH}\n", encoding="utf-8")
    return knowledge, seeds


def _reply(live: LiveApp, thread_ts: str, count: int = 1) -> list[Call]:
    """The replies in a thread, once the listeners that posted them have finished."""
    calls = live.fake.wait_for(
        "chat.postMessage", count, where=lambda c: c.body.get("thread_ts") == thread_ts
    )
    live.drain()
    return calls


def _first_quote(call: Call) -> str:
    return quotes_with_citations(call.body["blocks"])[0][0]


def _thread_reply(text: str, thread_ts: str, **extra: Any) -> dict[str, Any]:
    return message(text, channel=CHANNEL, channel_type="channel", thread_ts=thread_ts, **extra)


def _edit(ts: str, old: str, new: str, thread_ts: str | None = None) -> dict[str, Any]:
    edited: dict[str, Any] = {"type": "message", "user": "U0ALICE", "text": new, "ts": ts}
    previous: dict[str, Any] = {"type": "message", "user": "U0ALICE", "text": old, "ts": ts}
    if thread_ts:
        edited["thread_ts"] = previous["thread_ts"] = thread_ts
    edited["edited"] = {"user": "U0ALICE", "ts": next_ts()}
    return message(
        "",
        channel=CHANNEL,
        channel_type="channel",
        user=None,
        subtype="message_changed",
        hidden=True,
        message=edited,
        previous_message=previous,
    )


def _tombstone(ts: str, previous_text: str) -> dict[str, Any]:
    """What Slack sends when a message with replies is deleted: a message_changed to a tombstone."""
    return message(
        "",
        channel=CHANNEL,
        channel_type="channel",
        user=None,
        subtype="message_changed",
        hidden=True,
        message={
            "type": "message",
            "subtype": "tombstone",
            "text": "This message was deleted.",
            "user": "USLACKBOT",
            "hidden": True,
            "ts": ts,
            "thread_ts": ts,
            "reply_count": 2,
        },
        previous_message={"type": "message", "user": "U0ALICE", "text": previous_text, "ts": ts},
    )


def _deletion(ts: str, channel: str = CHANNEL) -> dict[str, Any]:
    return message(
        "",
        channel=channel,
        channel_type="channel",
        user=None,
        subtype="message_deleted",
        hidden=True,
        deleted_ts=ts,
        previous_message={"type": "message", "user": "U0ALICE", "text": "x", "ts": ts},
    )


def test_a_conversation_mention_follow_up_edit_and_deletion(live_app: LiveApp) -> None:
    # A mention is answered in a new thread under it.
    mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel=CHANNEL)
    live_app.sender.event(mention)
    (first,) = _reply(live_app, mention["ts"])
    assert _first_quote(first) == BRIDGER_QUOTE
    # A reply in that thread, no mention, naming only a facet, is read with the thread's subject:
    # alone, "what about youth?" finds the recovery coaches' youth passage first.
    follow_up = _thread_reply("what about youth?", mention["ts"])
    live_app.sender.event(follow_up)
    second = _reply(live_app, mention["ts"], 2)[1]
    assert _first_quote(second) == BRIDGER_YOUTH
    notes = "\n".join(texts(second.body["blocks"], "mrkdwn"))
    assert "Read with this thread's subject: *Peer bridger*" in notes
    assert block_kit_problems(second.body["blocks"]) == []
    # An edit of the first question updates its reply in place with the new answer.
    live_app.sender.event(
        _edit(mention["ts"], mention["text"], f"<@{BOT_USER_ID}> what does a recovery coach do?")
    )
    (update,) = live_app.fake.wait_for("chat.update")
    assert update.body["channel"] == CHANNEL
    assert update.body["ts"] == first_ts(live_app, 0)
    assert _first_quote(update) == COACH_QUOTE
    # Deleting both questions deletes both replies. The first has replies, so Slack reports its
    # deletion as a change to a tombstone; the follow-up's as a plain deletion.
    live_app.sender.event(_tombstone(mention["ts"], mention["text"]))
    live_app.sender.event(_deletion(follow_up["ts"]))
    deletes = live_app.fake.wait_for("chat.delete", 2)
    live_app.drain()
    assert sorted(c.body["ts"] for c in deletes) == [first_ts(live_app, 0), first_ts(live_app, 1)]
    assert {c.body["channel"] for c in deletes} == {CHANNEL}
    assert len(live_app.fake.calls_to("chat.postMessage")) == 2
    assert len(live_app.fake.calls_to("chat.update")) == 1  # the tombstone is no edit


def first_ts(live: LiveApp, number: int) -> str:
    """The ts the fake Slack gave the `number`th posted message."""
    return f"1700000100.{number + 1:06d}"


def test_a_thread_s_first_message_is_read_alone(live_app: LiveApp) -> None:
    """A mention at the channel's top level starts its thread: even if the store holds a subject
    for that thread (an earlier attempt at this very question left one), it follows up nothing."""
    mention = app_mention(f"<@{BOT_USER_ID}> what about youth?", channel=CHANNEL)
    live_app.store.remember_thread(CHANNEL, mention["ts"], ("peer-bridger",))
    live_app.sender.event(mention)
    (reply,) = _reply(live_app, mention["ts"])
    assert _first_quote(reply) == COACH_YOUTH
    assert "thread's subject" not in json.dumps(reply.body["blocks"])


def test_youth_alone_is_about_another_role(live_app: LiveApp) -> None:
    """The control for the follow-up above: without the thread, the facet finds coaches first."""
    live_app.sender.event(message("what about youth?", channel="D0ALONE"))
    (post,) = live_app.fake.wait_for("chat.postMessage")
    assert _first_quote(post) == COACH_YOUTH


def test_a_follow_up_naming_another_role_changes_the_subject(live_app: LiveApp) -> None:
    mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel=CHANNEL)
    live_app.sender.event(mention)
    _reply(live_app, mention["ts"])
    live_app.sender.event(_thread_reply("what about recovery coaches?", mention["ts"]))
    reply = _reply(live_app, mention["ts"], 2)[1]
    assert _first_quote(reply) == COACH_QUOTE
    assert "thread's subject" not in json.dumps(reply.body["blocks"])


def test_thanks_in_a_thread_gets_no_reply(live_app: LiveApp) -> None:
    mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel=CHANNEL)
    live_app.sender.event(mention)
    _reply(live_app, mention["ts"])
    live_app.sender.event(_thread_reply("thanks, got it!", mention["ts"]))
    live_app.drain()
    assert len(live_app.fake.calls_to("chat.postMessage")) == 1


def test_a_thread_change_that_is_no_edit_does_nothing(live_app: LiveApp) -> None:
    """Slack sends message_changed when a reply is added under a question; the text is the same."""
    mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel=CHANNEL)
    live_app.sender.event(mention)
    _reply(live_app, mention["ts"])
    live_app.sender.event(_edit(mention["ts"], mention["text"], mention["text"]))
    live_app.drain()
    assert live_app.fake.calls_to("chat.update") == []


def test_edit_and_deletion_of_a_dm_question(live_app: LiveApp) -> None:
    question = message("what does a peer bridger do?", channel="D0EDIT")
    live_app.sender.event(question)
    (post,) = live_app.fake.wait_for("chat.postMessage")
    live_app.drain()  # the reply's place is recorded once its listener finishes
    edit = _edit(question["ts"], question["text"], "what does a recovery coach do?")
    edit.update(channel="D0EDIT", channel_type="im")
    live_app.sender.event(edit)
    (update,) = live_app.fake.wait_for("chat.update")
    assert (update.body["channel"], _first_quote(update)) == ("D0EDIT", COACH_QUOTE)
    deletion = _deletion(question["ts"], channel="D0EDIT")
    deletion["channel_type"] = "im"
    live_app.sender.event(deletion)
    (delete,) = live_app.fake.wait_for("chat.delete")
    assert (delete.body["channel"], delete.body["ts"]) == ("D0EDIT", first_ts(live_app, 0))
    assert post.body["channel"] == "D0EDIT"


def test_follow_ups_off_leaves_thread_replies_alone(make_live_app: Callable[..., LiveApp]) -> None:
    live = make_live_app(PEERBOT_FOLLOW_UPS="false")
    mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel=CHANNEL)
    live.sender.event(mention)
    _reply(live, mention["ts"])
    reply = live.sender.event(_thread_reply("what about youth?", mention["ts"]))
    assert reply.status == 200
    live.drain()
    assert len(live.fake.calls_to("chat.postMessage")) == 1


# --- privacy --------------------------------------------------------------------------------------


@pytest.fixture
def debug_app(make_live_app: Callable[..., LiveApp]) -> Iterator[LiveApp]:
    """Follow-ups on, LOG_LEVEL=DEBUG applied as `peerbot serve` applies it, no opt-ins."""
    live = make_live_app(LOG_LEVEL="DEBUG")
    names = ["", SLACK_LOGGER, "slack_sdk"]
    saved = {name: logging.getLogger(name).level for name in names}
    logging.getLogger().setLevel(logging.DEBUG)
    configure_logging(live.settings)
    yield live
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def _rows(live: LiveApp) -> list[str]:
    """Every row of every table in the deployment's database (SQLite's own dump)."""
    connection = sqlite3.connect(live.settings.data_dir / "peerbot.sqlite3")
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def _stored(live: LiveApp) -> bytes:
    return b"".join(
        path.read_bytes() for path in sorted(live.settings.data_dir.rglob("*")) if path.is_file()
    )


def _strangers(secret: str, count: int, peer_thread: str) -> Iterator[dict[str, Any]]:
    """Channel traffic that is not for peerbot: every shape Slack sends with message.channels."""
    other_thread = next_ts()
    for number in range(count):
        text = f"{secret}{number} my client in room 4 said something"
        shape = number % 8
        channel_type = "group" if number % 2 else "channel"
        channel = "G0PRIVATE" if number % 2 else CHANNEL
        if shape == 0:  # top level
            yield message(text, channel=channel, channel_type=channel_type)
        elif shape == 1:  # a reply in someone else's thread
            yield message(text, channel=channel, channel_type=channel_type, thread_ts=other_thread)
        elif shape == 2:  # peerbot's thread ts, but in another channel
            yield message(
                text, channel="C0ELSEWHERE", channel_type="channel", thread_ts=peer_thread
            )
        elif shape == 3:  # another bot replying in peerbot's thread
            yield message(
                text,
                channel=CHANNEL,
                channel_type="channel",
                user=None,
                bot_id="B0OTHER",
                subtype="bot_message",
                thread_ts=peer_thread,
            )
        elif shape == 4:  # an edit of a message peerbot never answered
            edit = _edit(next_ts(), text, text + " (edited)")
            edit.update(channel=channel, channel_type=channel_type)
            yield edit
        elif shape == 5:  # a deletion of one
            deletion = _deletion(next_ts(), channel=channel)
            deletion.update(channel_type=channel_type)
            yield deletion
        elif shape == 6 and number % 16 == 14:  # a deleted message with replies, not ours
            tombstone = _tombstone(next_ts(), text)
            tombstone.update(channel=channel, channel_type=channel_type)
            yield tombstone
        elif shape == 6:  # a join
            yield message(
                f"<@U0NEW{number}> has joined the channel {secret}",
                channel=channel,
                channel_type=channel_type,
                subtype="channel_join",
            )
        else:  # peerbot's own reply, echoed back as a message
            yield message(
                text,
                channel=CHANNEL,
                channel_type="channel",
                user=BOT_USER_ID,
                bot_id=BOT_ID,
                thread_ts=peer_thread,
            )


def test_channel_messages_not_for_peerbot_leave_no_trace(
    debug_app: LiveApp, caplog: pytest.LogCaptureFixture
) -> None:
    live = debug_app
    caplog.set_level(logging.DEBUG)
    mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel=CHANNEL)
    live.sender.event(mention)
    _reply(live, mention["ts"])
    live.drain()
    calls_before = len(live.fake.calls)
    rows_before = _rows(live)
    caplog.clear()
    secret = "quokkacaseworker"
    replies = [live.sender.event(event) for event in _strangers(secret, 200, mention["ts"])]
    live.drain()
    assert [reply.status for reply in replies] == [200] * 200
    assert [record.getMessage() for record in caplog.records] == []
    assert len(live.fake.calls) == calls_before
    assert _rows(live) == rows_before
    stored = _stored(live)
    assert secret.encode() not in stored
    acks = sorted(reply.elapsed * 1000 for reply in replies)
    print(
        f"privacy: strangers=200 log records=0 api calls=0 new rows=0 "
        f"ack p50={statistics.median(acks):.1f} ms p99={acks[197]:.1f} ms"
    )


# --- as deployed ----------------------------------------------------------------------------------


def _wait_until(check: Callable[[], bool]) -> None:
    """Poll until `check()` holds (a wait, not a timing assertion); fail after WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not check():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.02)


def test_follow_ups_and_edits_across_gunicorn_workers(
    served: Served, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    """Thread state lives in the shared store, so any worker answers any follow-up."""
    sender = SlackSender(f"{served.base_url}/slack/events")
    store = open_store(sqlite_url(database_path(tmp_path / "data")))
    try:
        mention = app_mention(f"<@{BOT_USER_ID}> what does a peer bridger do?", channel=CHANNEL)
        sender.event(mention)
        fake_slack.wait_for("chat.postMessage")
        _wait_until(lambda: store.thread(CHANNEL, mention["ts"]) is not None)
        follow_ups = [_thread_reply(f"what about youth? ({n})", mention["ts"]) for n in range(6)]
        replies = [sender.event(follow_up) for follow_up in follow_ups]
        assert [reply.status for reply in replies] == [200] * 6
        posts = fake_slack.wait_for("chat.postMessage", 7)
        _wait_until(lambda: store.answered(CHANNEL, mention["ts"]) is not None)
        sender.event(
            _edit(
                mention["ts"], mention["text"], f"<@{BOT_USER_ID}> what does a recovery coach do?"
            )
        )
        (update,) = fake_slack.wait_for("chat.update")
    finally:
        store.close()
    log = served.stop()
    assert [_first_quote(post) for post in posts[1:]] == [BRIDGER_YOUTH] * 6
    assert {post.body["thread_ts"] for post in posts} == {mention["ts"]}
    assert _first_quote(update) == COACH_QUOTE
    assert log.count("kind=follow_up outcome=answered") == 6
    assert "youth" not in log and "bridger" not in log
