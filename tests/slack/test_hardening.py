"""Hardening: hostile questions, forged requests, Slack failing, load, privacy and reloads.

Each test counts what it tried and what survived and prints the figures (`pytest -s` shows
them); assertions are on behaviour and counts, never on timings.
"""

from __future__ import annotations

import json
import logging
import re
import signal
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient

from bot.app import SLACK_LOGGER
from bot.config import load_settings
from bot.server import MAX_BODY_BYTES, SLACK_SDK_CLIENT_LOGGERS, configure_logging, health
from tests.slack.conftest import LiveApp, Served
from tests.slack.fakes import (
    BOT_USER_ID,
    FakeSlack,
    SlackSender,
    app_mention,
    block_kit_problems,
    event_callback,
    http_get,
    http_post,
    message,
    quotes_with_citations,
    sign,
    texts,
)
from tests.test_hostile import hostile_questions

QUESTION = "what does a peer bridger do?"
MENTION_RE = re.compile(r"<[!@#]|<(?!https://doi\.org/)[a-z]+:")


def _unsafe_mrkdwn(blocks: list[dict[str, Any]]) -> list[str]:
    """mrkdwn texts holding a special mention or a link other than a citation's DOI link."""
    return [text for text in texts(blocks, "mrkdwn") if MENTION_RE.search(text)]


def _slack_text(question: str) -> str:
    """How Slack delivers typed text: &, < and > as entities (mentions arrive already encoded)."""
    return question.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- hostile questions through every entry point -------------------------------------------


@pytest.mark.parametrize("question", hostile_questions())
def test_hostile_question_gets_valid_safe_reply_everywhere(
    live_app: LiveApp, fake_slack: FakeSlack, question: str
) -> None:
    """Mention, DM, /peer-ask and /peer-role: one valid reply each, nothing pinged or broken."""
    channel = f"C{abs(hash(question)) % 10**8:08d}"
    raw = question.replace("\x00", "")  # JSON from Slack cannot carry NUL; the rest is as typed
    sent = [
        live_app.sender.event(app_mention(f"<@{BOT_USER_ID}> {_slack_text(raw)}", channel=channel)),
        live_app.sender.event(message(_slack_text(raw), channel="D" + channel[1:])),
        live_app.sender.command("/peer-ask", raw, fake_slack.response_url(f"ask-{channel}")),
        live_app.sender.command("/peer-role", raw, fake_slack.response_url(f"role-{channel}")),
    ]
    assert [reply.status for reply in sent] == [200, 200, 200, 200]
    live_app.drain()
    posts = fake_slack.calls_to("chat.postMessage", lambda c: c.body["channel"][1:] == channel[1:])
    responses = fake_slack.calls_to("respond", lambda c: c.path.endswith(channel))
    assert len(posts) == 2 and len(responses) == 2
    for call in posts + responses:
        blocks = call.body["blocks"]
        assert block_kit_problems(blocks) == []
        assert _unsafe_mrkdwn(blocks) == []
        assert call.body["text"]
        assert all(re.match(r"\[\d+\] ", cite) for _, cite in quotes_with_citations(blocks))


def test_hostile_corpus_summary(live_app: LiveApp, fake_slack: FakeSlack) -> None:
    """One batch through mentions, with the figures printed for the closing note."""
    questions = [param.values[0] for param in hostile_questions()]
    for number, question in enumerate(questions):
        raw = question.replace("\x00", "")
        live_app.sender.event(app_mention(_slack_text(raw), channel=f"CHOST{number:04d}"))
    live_app.drain()
    posts = fake_slack.calls_to("chat.postMessage")
    unsafe = [post for post in posts if _unsafe_mrkdwn(post.body["blocks"])]
    print(f"hostile mentions sent={len(questions)} answered={len(posts)} unsafe={len(unsafe)}")
    assert len(posts) == len(questions)
    assert unsafe == []


# --- forged, stale, replayed, oversized and odd requests ------------------------------------------


def test_bad_requests_are_rejected_and_nothing_is_posted(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    url = live_app.url
    body = json.dumps(event_callback(app_mention(f"<@{BOT_USER_ID}> {QUESTION}"), "EvBAD0001"))
    now = int(time.time())
    good = sign(live_app.settings.slack_signing_secret or "", body, now)
    stale_stamp = now - 6 * 60
    stale = sign(live_app.settings.slack_signing_secret or "", body, stale_stamp)
    cases: dict[str, tuple[str, dict[str, str]]] = {
        "forged": (body, {**sign("wrong-secret", body)}),
        "missing-signature": (body, {"X-Slack-Request-Timestamp": str(now)}),
        "missing-timestamp": (body, {"X-Slack-Signature": good["X-Slack-Signature"]}),
        "malformed-signature": (body, {**good, "X-Slack-Signature": "v0=not-hex"}),
        "malformed-timestamp": (body, {**good, "X-Slack-Request-Timestamp": "yesterday"}),
        "stale-over-5-minutes": (body, stale),
        "replayed-with-fresh-timestamp": (
            body,
            {**stale, "X-Slack-Request-Timestamp": str(now)},
        ),
        "body-changed-after-signing": (body.replace("peer", "beer"), good),
        "no-headers-at-all": (body, {}),
    }
    statuses = {}
    for name, (payload, headers) in cases.items():
        reply = http_post(url, payload, {"Content-Type": "application/json", **headers})
        statuses[name] = reply.status
    oversized = "x" * (MAX_BODY_BYTES + 1)
    statuses["oversized"] = http_post(
        url, oversized, {"Content-Type": "application/json", **sign("s", oversized)}
    ).status
    print("rejected:", statuses)
    assert {name: status for name, status in statuses.items() if name != "oversized"} == {
        name: 401 for name in cases
    }
    assert statuses["oversized"] == 413
    live_app.drain()
    assert fake_slack.calls_to("chat.postMessage") == []
    # Still serving: the same event, correctly signed, is answered.
    assert http_post(url, body, {"Content-Type": "application/json", **good}).status == 200
    fake_slack.wait_for("chat.postMessage")


def test_signed_but_odd_requests_do_not_crash(live_app: LiveApp, fake_slack: FakeSlack) -> None:
    sender = live_app.sender
    odd = {
        "garbage-json": sender.raw("{not json", "application/json"),
        "wrong-content-type": sender.raw("hello", "text/plain"),
        "unknown-event-type": sender.event({"type": "reaction_added", "user": "U1"}),
        "unknown-envelope": sender.raw(json.dumps({"type": "mystery"}), "application/json"),
        "empty-body": sender.raw("", "application/json"),
        "event-without-text": sender.event({"type": "app_mention", "user": "U1", "ts": "1.2"}),
    }
    print("odd requests:", {name: reply.status for name, reply in odd.items()})
    assert all(reply.status < 500 for reply in odd.values())
    live_app.drain()
    assert fake_slack.calls_to("chat.postMessage") == []
    sender.event(app_mention(f"<@{BOT_USER_ID}> {QUESTION}"))
    fake_slack.wait_for("chat.postMessage")


def test_identical_signed_replay_is_answered_once(live_app: LiveApp, fake_slack: FakeSlack) -> None:
    body = json.dumps(event_callback(app_mention(QUESTION, channel="C0REPLAY"), "EvREPLAY01"))
    headers = {
        "Content-Type": "application/json",
        **sign(live_app.settings.slack_signing_secret or "", body),
    }
    replies = [http_post(live_app.url, body, headers) for _ in range(5)]
    assert [reply.status for reply in replies] == [200] * 5
    live_app.drain()
    assert len(fake_slack.calls_to("chat.postMessage")) == 1


# --- Slack failing --------------------------------------------------------------------------------


FAILURES: list[tuple[str, list[dict[str, Any]], bool]] = [
    (
        "429-retry-after",
        [
            {
                "status": 429,
                "body": {"ok": False, "error": "ratelimited"},
                "headers": {"Retry-After": "1"},
            }
        ],
        True,
    ),
    ("500-once", [{"status": 500, "body": "Internal Server Error"}], True),
    ("503-twice", [{"status": 503, "body": "busy"}] * 2, True),
    ("500-beyond-budget", [{"status": 500, "body": "down"}] * 3, False),
    ("channel-not-found", [{"body": {"ok": False, "error": "channel_not_found"}}], False),
    ("not-in-channel", [{"body": {"ok": False, "error": "not_in_channel"}}], False),
    ("invalid-json", [{"body": "<html>gateway</html>"}], False),
]


@pytest.mark.parametrize(
    ("script", "recovers"),
    [pytest.param(script, recovers, id=name) for name, script, recovers in FAILURES],
)
def test_slack_failures_deliver_once_or_log_and_keep_serving(
    live_app: LiveApp,
    fake_slack: FakeSlack,
    caplog: pytest.LogCaptureFixture,
    script: list[dict[str, Any]],
    recovers: bool,
) -> None:
    for answer in script:
        fake_slack.script("chat.postMessage", **answer)
    caplog.set_level(logging.INFO, logger="peerbot")
    live_app.sender.event(app_mention(QUESTION, channel="C0FAIL"), event_id="EvFAIL0001")
    live_app.drain()
    attempts = fake_slack.calls_to("chat.postMessage", lambda c: c.body["channel"] == "C0FAIL")
    delivered = len(attempts) - len(script) if recovers else 0
    print(f"injected={len(script)} attempts={len(attempts)} delivered={delivered}")
    if recovers:
        assert len(attempts) == len(script) + 1  # each failure retried, then one delivery
    else:
        lines = [r.getMessage() for r in caplog.records if "EvFAIL0001" in r.getMessage()]
        assert any("undelivered" in line or "error" in line for line in lines), lines
    # The app keeps serving others.
    live_app.sender.event(app_mention(QUESTION, channel="C0AFTER"))
    fake_slack.wait_for("chat.postMessage", where=lambda c: c.body["channel"] == "C0AFTER")


def test_slack_timeout_is_survived(
    make_live_app: Callable[..., LiveApp], fake_slack: FakeSlack
) -> None:
    live = make_live_app(PEERBOT_SLACK_TIMEOUT="1")
    fake_slack.script("chat.postMessage", delay=1.5)
    live.sender.event(app_mention(QUESTION, channel="C0SLOW"), event_id="EvSLOW0001")
    live.drain()
    live.sender.event(app_mention(QUESTION, channel="C0NEXT"))
    fake_slack.wait_for("chat.postMessage", where=lambda c: c.body["channel"] == "C0NEXT")


def test_connection_refused_is_logged_and_survived(
    make_live_app: Callable[..., LiveApp], fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    live = make_live_app()
    caplog.set_level(logging.INFO, logger="peerbot")
    fake_slack.stop()  # Slack unreachable: connections refused from now on
    live.sender.event(app_mention(QUESTION, channel="C0DOWN"), event_id="EvDOWN0001")
    live.drain()
    lines = [r.getMessage() for r in caplog.records if "EvDOWN0001" in r.getMessage()]
    assert any("undelivered" in line for line in lines), lines
    assert live.sender.event(app_mention(QUESTION)).status == 200  # still accepting events


# --- load -----------------------------------------------------------------------------------------


def test_load_every_event_answered_exactly_once(live_app: LiveApp, fake_slack: FakeSlack) -> None:
    events, concurrency = 300, 20
    sender = live_app.sender

    def send(number: int) -> float:
        mention = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel=f"CLOAD{number:04d}")
        started = time.monotonic()
        reply = sender.event(mention, event_id=f"EvLOAD{number:06d}")
        assert reply.status == 200
        return time.monotonic() - started

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        acks = list(pool.map(send, range(events)))
    fake_slack.wait_for("chat.postMessage", count=events, timeout=60)
    live_app.drain()
    posts = fake_slack.calls_to("chat.postMessage")
    channels = [post.body["channel"] for post in posts]
    lost = events - len(set(channels))
    duplicates = len(channels) - len(set(channels))
    ms = sorted(a * 1000 for a in acks)
    print(
        f"load: events={events} concurrency={concurrency} answered={len(set(channels))} "
        f"lost={lost} duplicates={duplicates} ack p50={statistics.median(ms):.1f} ms "
        f"p99={ms[int(len(ms) * 0.99) - 1]:.1f} ms"
    )
    assert (lost, duplicates) == (0, 0)


# --- privacy --------------------------------------------------------------------------------------


@pytest.fixture
def debug_logging_as_served(make_live_app: Callable[..., LiveApp]) -> Iterator[LiveApp]:
    """The app with LOG_LEVEL=DEBUG applied as `peerbot serve` applies it (opt-in left off)."""
    live = make_live_app(LOG_LEVEL="DEBUG")
    names = ["", SLACK_LOGGER, "slack_sdk", *SLACK_SDK_CLIENT_LOGGERS]
    saved = {name: logging.getLogger(name).level for name in names}
    logging.getLogger().setLevel(logging.DEBUG)
    configure_logging(live.settings)
    yield live
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


def test_default_logs_and_stores_hold_no_user_words(
    debug_logging_as_served: LiveApp, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    live_app = debug_logging_as_served
    secret = "zanzibarcaseworker"
    for number in range(20):
        live_app.sender.event(
            app_mention(f"<@{BOT_USER_ID}> my client {secret}{number} asked about peer bridgers")
        )
        live_app.sender.event(
            message(f"{secret} overdose last night, what do recovery coaches do?")
        )
    live_app.sender.command("/peer-ask", f"{secret} peer bridger", fake_slack.response_url("p"))
    live_app.drain()
    (answer,) = fake_slack.wait_for("respond")
    value = answer.body["blocks"][-1]["elements"][0]["value"]
    live_app.sender.action(
        {
            "type": "button",
            "action_id": "feedback_not_helpful",
            "block_id": "answer_actions",
            "value": value,
            "text": {"type": "plain_text", "text": "x"},
            "action_ts": "1.0",
        },
        fake_slack.response_url("vote"),
    )
    live_app.drain()
    assert len(fake_slack.calls_to("chat.postMessage")) == 40
    logged = "\n".join(
        record.getMessage() + repr(record.args) + str(record.exc_info) for record in caplog.records
    )
    assert caplog.records and secret not in logged
    stored = b"".join(
        path.read_bytes() for path in live_app.settings.data_dir.rglob("*") if path.is_file()
    )
    assert stored and secret.encode() not in stored
    print(f"privacy: log records={len(caplog.records)} stored bytes={len(stored)} leaks=0")


@pytest.mark.parametrize(
    ("level", "opt_in", "expected"),
    [("INFO", False, logging.INFO), ("DEBUG", False, logging.INFO), ("DEBUG", True, logging.DEBUG)],
)
def test_slack_clients_format_no_debug_line_unless_it_is_logged(
    level: str, opt_in: bool, expected: int, tmp_path: Path
) -> None:
    """slack_sdk's clients check their own logger's level (not the effective one) before
    formatting a debug line with the whole request body; it must be set so they skip that
    work when the line would not be logged, and still log it when the operator opted in."""
    environ = {"LOG_LEVEL": level, "PEERBOT_DATA_DIR": str(tmp_path)}
    if opt_in:
        environ["PEERBOT_LOG_MESSAGE_TEXT"] = "true"
    names = ["", SLACK_LOGGER, "slack_sdk", *SLACK_SDK_CLIENT_LOGGERS]
    saved = {name: logging.getLogger(name).level for name in names}
    try:
        configure_logging(load_settings(environ))
        web, webhook = WebClient(token="xoxb-x"), WebhookClient("http://127.0.0.1:9/hook")
        assert web._logger.level == webhook.logger.level == expected
    finally:
        for name, saved_level in saved.items():
            logging.getLogger(name).setLevel(saved_level)


# --- health and reload ----------------------------------------------------------------------------


def test_health_reports_knowledge_version_and_connection(live_app: LiveApp) -> None:
    kb = live_app.live.current.kb
    assert health(live_app.live, None) == (
        200,
        {"status": "ok", "knowledge": {"version": kb.version, "snippets": len(kb.snippets)}},
    )
    status, body = health(live_app.live, False)
    assert (status, body["status"], body["slack"]) == (503, "unavailable", "disconnected")


def test_sighup_reload_rejects_broken_edit_and_applies_good_one(
    served: Served, fake_slack: FakeSlack, mini_kb_dirs: tuple[Path, Path]
) -> None:
    knowledge, _ = mini_kb_dirs
    sender = SlackSender(f"{served.base_url}/slack/events")
    health_url = f"{served.base_url}/healthz"
    before = json.loads(http_get(health_url).body)["knowledge"]
    statuses: list[int] = []
    stop = threading.Event()

    def keep_asking() -> None:
        """Traffic throughout both reloads: every request must still get its 200."""
        while not stop.is_set() and len(statuses) < 2000:
            mention = app_mention(QUESTION, channel=f"CRL{len(statuses):05d}")
            statuses.append(sender.event(mention).status)

    traffic = threading.Thread(target=keep_asking)
    traffic.start()
    try:
        funding = knowledge / "snippets" / "funding.yaml"
        good_text = funding.read_text()
        funding.write_text(good_text.replace("major source", "minor source"))  # not in the seed
        served.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while "reload rejected" not in served.log_path.read_text():
            assert time.monotonic() < deadline, served.log_path.read_text()
            time.sleep(0.05)
        assert json.loads(http_get(health_url).body)["knowledge"] == before

        (knowledge / "snippets" / "extra.yaml").write_text(
            "snippets:\n  - id: mini-extra\n    source: mini2020\n"
            "    text: Recovery coaches support people in recovery from substance use.\n"
            "    topics: [funding]\n"
        )
        funding.write_text(good_text)
        served.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + 30
        while json.loads(http_get(health_url).body)["knowledge"]["snippets"] == 3:
            assert time.monotonic() < deadline, served.log_path.read_text()
            time.sleep(0.05)
        time.sleep(0.5)  # a little traffic on the new workers too
    finally:
        stop.set()
        traffic.join(timeout=30)
    after = json.loads(http_get(health_url).body)["knowledge"]
    log = served.stop()
    failed = sum(status != 200 for status in statuses)
    print(f"reload: requests={len(statuses)} failed={failed} snippets {before} -> {after}")
    assert statuses and failed == 0
    assert after["snippets"] == before["snippets"] + 1 and after["version"] != before["version"]
    assert "snippet mini-medicaid: text is not found verbatim" in log
    assert served.process.returncode == 0


def test_lone_surrogate_from_slack_json_is_answered(
    live_app: LiveApp, fake_slack: FakeSlack
) -> None:
    """JSON may escape a lone surrogate, which UTF-8 cannot encode; the bot must still reply."""
    body = json.dumps(event_callback(app_mention("peer bridger", channel="C0SURR"), "EvSURR0001"))
    body = body.replace("peer bridger", "peer \\ud800 bridger")
    assert live_app.sender.raw(body, "application/json").status == 200
    fake_slack.wait_for("chat.postMessage", where=lambda c: c.body["channel"] == "C0SURR")


def test_serve_refuses_a_broken_knowledge_base(
    tmp_path: Path, fake_slack: FakeSlack, mini_kb_dirs: tuple[Path, Path]
) -> None:
    from click.testing import CliRunner

    from bot.cli import main
    from tests.slack.conftest import slack_environ

    knowledge, seeds = mini_kb_dirs
    funding = knowledge / "snippets" / "funding.yaml"
    funding.write_text(funding.read_text().replace("major source", "minor source"))
    env = slack_environ(knowledge, seeds, tmp_path / "data", fake_slack)
    check = CliRunner().invoke(main, ["check"], env=env)
    serve = CliRunner().invoke(main, ["serve"], env=env)
    assert check.exit_code == serve.exit_code == 1
    problem = "knowledge/snippets/funding.yaml:4: snippet mini-medicaid: text is not found verbatim"
    assert problem in check.output and problem in serve.output
    assert fake_slack.calls_to("chat.postMessage") == []
