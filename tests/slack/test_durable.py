"""No question lost: the real app, a real SQLite store, a fake Slack; crashes simulated by
leaving jobs as a dead process would (leased to it, its lease expired, maybe mid-post)."""

from __future__ import annotations

import time

from slack_sdk import WebClient

from bot.listeners.replying import ANSWER_METADATA_TYPE
from bot.store import Answered, Job
from bot.store.behind import WriteBehind
from bot.work import WorkQueue
from tests.slack.conftest import LiveApp
from tests.slack.fakes import (
    BOT_TOKEN,
    BOT_USER_ID,
    FakeSlack,
    app_mention,
    message,
    quotes_with_citations,
)

QUESTION = "what does a peer bridger do?"


def _dead_process_took(live_app: LiveApp, job: Job, *, posting: bool = False) -> WorkQueue:
    """Record `job` as another process would have, then let that process die (lease expired)."""
    dead = WorkQueue(live_app.store, BOT_TOKEN)
    assert dead.accept(job).status == "new"
    if posting:
        assert live_app.store.mark_posting(job.key, dead.owner, job.received_at + 30)
    live_app.store.release(job.key, dead.owner, 0.0)
    return dead


def _job_for(event: dict[str, str], kind: str, thread_ts: str | None) -> Job:
    return Job(
        key=f"message:{event['channel']}:{event['ts']}",
        kind=kind,
        event_id="Ev0FIRST",
        received_at=time.time(),
        channel=event["channel"],
        ts=event["ts"],
        thread_ts=thread_ts,
        user_id="U0ALICE",
        text=QUESTION,
    )


def test_a_redelivery_whose_first_delivery_never_got_its_200_is_answered(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    """Today's bug: the first delivery was claimed, its worker died before the 200, and the
    redelivery was skipped as already handled. Now the redelivery answers it."""
    mention = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0RETRY")
    _dead_process_took(live_app, _job_for(mention, "app_mention", mention["ts"]))
    reply = live_app.sender.event(mention, event_id="Ev0FIRST", retry_num=1)
    assert reply.status == 200
    live_app.drain()
    (post,) = fake_slack.calls_to("chat.postMessage")
    assert post.body["channel"] == "C0RETRY" and post.body["thread_ts"] == mention["ts"]
    assert quotes_with_citations(post.body["blocks"])[0][0].startswith("Peer bridgers help")
    assert live_app.store.job_state(f"message:C0RETRY:{mention['ts']}") == "answered"
    live_app.sender.event(mention, event_id="Ev0FIRST", retry_num=2)
    live_app.drain()
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


def test_pending_work_is_resumed_when_the_sweeper_starts(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    dm = message(QUESTION, channel="D0PENDING")
    _dead_process_took(live_app, _job_for(dm, "message.im", None))
    live_app.work.start()
    (post,) = fake_slack.wait_for("chat.postMessage")
    live_app.work.shutdown(5)
    assert post.body["channel"] == "D0PENDING" and post.body.get("thread_ts") is None
    assert post.body["metadata"]["event_type"] == ANSWER_METADATA_TYPE
    assert live_app.store.job_state(f"message:D0PENDING:{dm['ts']}") == "answered"


def test_a_crash_after_the_post_is_not_posted_twice_when_the_bot_can_look(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    """Died between chat.postMessage and 'answered': the DM history shows the reply."""
    dm = message(QUESTION, channel="D0WINDOW")
    job = _job_for(dm, "message.im", None)
    _dead_process_took(live_app, job, posting=True)
    WebClient(token=BOT_TOKEN, base_url=fake_slack.api_url).chat_postMessage(
        channel="D0WINDOW",
        text="the answer that went out",
        metadata={"event_type": ANSWER_METADATA_TYPE, "event_payload": {"key": job.key}},
    )
    assert live_app.work.sweep() == 1
    live_app.drain()
    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    (looked,) = fake_slack.calls_to("conversations.history")
    assert looked.body["channel"] == "D0WINDOW" and looked.body["oldest"] == dm["ts"]
    assert live_app.store.job_state(job.key) == "answered"


def test_a_crash_with_the_rows_behind_the_reply_unwritten_answers_once_and_remembers(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    """The reply went out, then the process died with its finish and where the reply went still
    queued (bot.store.behind): the sweeper finds the reply by its metadata, posts nothing more,
    and remembers it, so a follow-up in that thread is still answered there."""
    live_app.work.writes = WriteBehind(live_app.store, delay=3600)  # dies before writing
    mention = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0DIED")
    assert live_app.sender.event(mention).status == 200
    live_app.executor.wait_idle()
    (post,) = fake_slack.calls_to("chat.postMessage")
    key = f"message:C0DIED:{mention['ts']}"
    assert live_app.store.job_state(key) == "posting"
    assert live_app.store.answered("C0DIED", mention["ts"]) is None
    # The process dies: its queue goes with it, and its lease expires.
    live_app.store.release(key, live_app.work.owner, 0.0)
    live_app.work.writes = WriteBehind(live_app.store)  # the next process's

    assert live_app.work.sweep() == 1
    live_app.drain()

    assert len(fake_slack.calls_to("chat.postMessage")) == 1
    (looked,) = fake_slack.calls_to("conversations.replies")
    assert looked.body["ts"] == mention["ts"]
    assert live_app.store.job_state(key) == "answered"
    reply_ts = post.answer["ts"] if isinstance(post.answer, dict) else None
    assert live_app.store.answered("C0DIED", mention["ts"]) == Answered(
        "C0DIED", mention["ts"], str(reply_ts)
    )
    follow_up = message(
        "who pays for that?", channel="C0DIED", channel_type="channel", thread_ts=mention["ts"]
    )
    assert live_app.sender.event(follow_up).status == 200
    live_app.drain()
    posts = fake_slack.calls_to("chat.postMessage")
    assert len(posts) == 2 and posts[1].body["thread_ts"] == mention["ts"]


def test_a_crash_before_the_post_reached_slack_is_posted_once(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    mention = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0WINDOW")
    job = _job_for(mention, "app_mention", mention["ts"])
    _dead_process_took(live_app, job, posting=True)
    assert live_app.work.sweep() == 1
    live_app.drain()
    (post,) = fake_slack.calls_to("chat.postMessage")
    assert post.body["thread_ts"] == mention["ts"]
    (looked,) = fake_slack.calls_to("conversations.replies")
    assert looked.body["ts"] == mention["ts"]


def test_without_a_history_scope_the_crash_window_posts_once_more(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    """Channels need channels:history to look; without it the documented worst case is one
    repeated reply, never none."""
    mention = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0NOSCOPE")
    job = _job_for(mention, "app_mention", mention["ts"])
    _dead_process_took(live_app, job, posting=True)
    fake_slack.script("conversations.replies", body={"ok": False, "error": "missing_scope"})
    assert live_app.work.sweep() == 1
    live_app.drain()
    (post,) = fake_slack.calls_to("chat.postMessage")
    assert post.body["channel"] == "C0NOSCOPE"
    assert live_app.store.job_state(job.key) == "answered"


def test_a_response_url_reply_is_retried_on_server_errors_and_rate_limits(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    fake_slack.script("respond", status=500, body="oops")
    fake_slack.script("respond", status=429, body="slow down", headers={"Retry-After": "0"})
    reply = live_app.sender.command("/peer-ask", QUESTION, fake_slack.response_url("retried"))
    assert reply.status == 200
    live_app.drain()
    calls = fake_slack.calls_to("respond")
    assert len(calls) == 3
    assert quotes_with_citations(calls[-1].body["blocks"])[0][0].startswith("Peer bridgers")
    (job,) = live_app.store.jobs()
    assert (job.kind, job.state, job.text, job.response_url) == ("command", "answered", None, None)


def test_a_slash_command_whose_worker_died_is_answered_through_its_response_url(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    job = Job(
        key="command:1234.5678.trigger",
        kind="command",
        event_id="1234.5678.trigger",
        received_at=time.time(),
        channel="C0CHANNEL",
        user_id="U0ALICE",
        command="/peer-role",
        response_url=fake_slack.response_url("late"),
        text="peer bridger",
    )
    _dead_process_took(live_app, job)
    assert live_app.work.sweep() == 1
    live_app.drain()
    (answer,) = fake_slack.calls_to("respond")
    assert answer.path == "/respond/late" and answer.body["response_type"] == "ephemeral"
    assert live_app.store.job_state(job.key) == "answered"


def test_a_mention_in_a_peerbot_thread_also_sent_as_a_follow_up_is_one_job(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    """A reply that mentions peerbot in its own thread arrives as a message (a follow-up) and
    as an app_mention: both deliveries name one job, answered once."""
    mention = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0THREAD")
    live_app.sender.event(mention)
    fake_slack.wait_for("chat.postMessage")
    live_app.drain()
    again = app_mention(
        f"<@{BOT_USER_ID}> who pays for peer services?", channel="C0THREAD", thread_ts=mention["ts"]
    )
    as_follow_up = message(
        again["text"],
        channel="C0THREAD",
        channel_type="channel",
        ts=again["ts"],
        thread_ts=mention["ts"],
    )
    assert live_app.sender.event(as_follow_up).status == 200
    assert live_app.sender.event(again).status == 200
    live_app.drain()
    posts = fake_slack.calls_to("chat.postMessage")
    assert [post.body["thread_ts"] for post in posts] == [mention["ts"], mention["ts"]]
    (job,) = [job for job in live_app.store.jobs() if job.ts == again["ts"]]
    assert (job.kind, job.state, job.text) == ("follow_up", "answered", None)
