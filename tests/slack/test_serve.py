"""`peerbot serve` as deployed: gunicorn, two worker processes, real signed HTTP on loopback.

The listening socket is opened here (port 0) and handed to gunicorn as `fd://N`, so there is no
race for a free port. Retries of one event may reach different workers; the shared SQLite
store makes sure exactly one is answered. The server is stopped gracefully before counting,
so any reply still on its way would have been sent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from bot.cli import main
from tests.slack.conftest import Served
from tests.slack.fakes import (
    BOT_USER_ID,
    FakeSlack,
    SlackSender,
    app_mention,
    event_callback,
    http_post,
    message,
    quotes_with_citations,
    sign,
)

QUESTION = "what does a peer bridger do?"


def test_serve_answers_once_across_workers_and_verifies_signatures(
    served: Served, fake_slack: FakeSlack
) -> None:
    sender = SlackSender(f"{served.base_url}/slack/events")

    challenge = json.dumps({"token": "t", "challenge": "abc123", "type": "url_verification"})
    reply = sender.raw(challenge, "application/json")
    assert (reply.status, json.loads(reply.body)) == (200, {"challenge": "abc123"})

    secret_question = json.dumps(
        event_callback(app_mention("a private worry about my caseload"), "Ev0FORGED")
    )
    forged = http_post(
        sender.url,
        secret_question,
        {"Content-Type": "application/json", **sign("not-the-secret", secret_question)},
    )
    assert forged.status == 401

    mention = app_mention(f"<@{BOT_USER_ID}> {QUESTION}", channel="C0GUNICORN")
    deliveries = [
        sender.event(mention, event_id="Ev0GUNI"),
        sender.event(mention, event_id="Ev0GUNI", retry_num=1),
        sender.event(mention, event_id="Ev0GUNI", retry_num=2),
        sender.event(
            message(mention["text"], channel="C0GUNICORN", channel_type="channel", ts=mention["ts"])
        ),
    ]
    assert [d.status for d in deliveries] == [200, 200, 200, 200]
    assert all(d.elapsed < 3 for d in deliveries)

    reply = sender.command("/peer-ask", QUESTION, fake_slack.response_url("served"))
    assert reply.status == 200
    (answer,) = fake_slack.wait_for("respond")
    assert quotes_with_citations(answer.body["blocks"])[0][0].startswith("Peer bridgers help")

    fake_slack.wait_for("chat.postMessage")
    log = served.stop()
    assert served.process.returncode == 0

    (post,) = fake_slack.calls_to("chat.postMessage")
    assert post.body["channel"] == "C0GUNICORN" and post.body["thread_ts"] == mention["ts"]
    assert quotes_with_citations(post.body["blocks"])
    assert "event_id=Ev0GUNI kind=app_mention outcome=answered latency_ms=" in log
    assert log.count("event_id=Ev0GUNI kind=app_mention outcome=duplicate") == 2
    assert "peer bridger" not in log and "private worry" not in log
    assert "token` will be unused" not in log
    assert len(set(re.findall(r"Booting worker with pid: (\d+)", log))) == 2


def test_serve_names_every_missing_setting(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve"], env={"SLACK_BOT_TOKEN": ""})
    assert result.exit_code == 1
    assert "SLACK_BOT_TOKEN" in result.output
    assert "SLACK_SIGNING_SECRET" in result.output
