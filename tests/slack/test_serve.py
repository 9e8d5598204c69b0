"""`peerbot serve` as deployed: gunicorn, two worker processes, real signed HTTP on loopback.

The listening socket is opened here (port 0) and handed to gunicorn as `fd://N`, so there is no
race for a free port. Retries of one event may reach different workers; the shared SQLite
store makes sure exactly one is answered. The server is stopped gracefully before counting,
so any reply still on its way would have been sent.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.slack.conftest import slack_environ
from tests.slack.fakes import (
    BOT_USER_ID,
    FakeSlack,
    SlackSender,
    app_mention,
    event_callback,
    http_get,
    http_post,
    message,
    quotes_with_citations,
    sign,
)

QUESTION = "what does a peer bridger do?"


@dataclass
class Served:
    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
        return self.log_path.read_text(encoding="utf-8")


@pytest.fixture
def served(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, fake_slack: FakeSlack
) -> Iterator[Served]:
    listener = socket.create_server(("127.0.0.1", 0))
    listener.set_inheritable(True)
    port = listener.getsockname()[1]
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "PEERBOT_"))
    }
    environ.update(
        slack_environ(
            *mini_kb_dirs,
            tmp_path / "data",
            fake_slack,
            PEERBOT_WORKERS="2",
            PEERBOT_THREADS="4",
        )
    )
    log_path = tmp_path / "serve.log"
    with listener, log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--bind", f"fd://{listener.fileno()}"],
            pass_fds=(listener.fileno(),),
            env=environ,
            cwd=tmp_path,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    server = Served(process, f"http://127.0.0.1:{port}", log_path)
    deadline = time.monotonic() + 30
    while http_get(f"{server.base_url}/healthz").status != 200:
        assert process.poll() is None, server.stop()
        assert time.monotonic() < deadline, "peerbot serve did not start"
        time.sleep(0.05)
    yield server
    server.stop()


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
