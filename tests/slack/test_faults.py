"""Fault tests: `peerbot serve` (gunicorn, real processes) killed, stopped and restarted, two
instances on one PostgreSQL, and the database restarted under them. Every event that Slack
would consider delivered (it got a 200) is answered exactly once; an event that got no 200 is
redelivered, as Slack does, and then answered exactly once.

Scaled down to stay quick; `benchmarks/faults.py` runs the same faults with 1,000 events.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from tests.postgres import Postgres
from tests.slack.conftest import slack_environ
from tests.slack.fakes import BOT_USER_ID, FakeSlack, SlackSender, app_mention, http_get

QUESTIONS = ["what does a peer bridger do?", "who pays for peer services", "recovery coach"]
SENDERS = 8


@dataclass
class Server:
    """One `peerbot serve` process tree (gunicorn master and workers)."""

    process: subprocess.Popen[bytes]
    url: str
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def worker_pids(self) -> list[int]:
        pids = [int(pid) for pid in re.findall(r"Booting worker with pid: (\d+)", self.log())]
        return [pid for pid in pids if _alive(pid)]

    def stop(self) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)
        return self.process.returncode


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


@pytest.fixture
def serve(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, fake_slack: FakeSlack
) -> Iterator[Callable[..., Server]]:
    """Start `peerbot serve` processes (extra settings as keyword arguments)."""
    started: list[Server] = []

    def start(name: str = "a", **extra: str) -> Server:
        listener = socket.create_server(("127.0.0.1", 0))
        listener.set_inheritable(True)
        port = listener.getsockname()[1]
        environ = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("SLACK_", "PEERBOT_"))
        }
        settings = {
            "PEERBOT_WORKERS": "2",
            "PEERBOT_THREADS": "4",
            "PEERBOT_WORK_LEASE_SECONDS": "2",
            "PEERBOT_SHUTDOWN_GRACE_SECONDS": "5",
            **extra,
        }
        environ.update(slack_environ(*mini_kb_dirs, tmp_path / "data", fake_slack, **settings))
        log_path = tmp_path / f"serve-{name}-{len(started)}.log"
        with listener, log_path.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve", "--bind", f"fd://{listener.fileno()}"],
                pass_fds=(listener.fileno(),),
                env=environ,
                cwd=tmp_path,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        server = Server(process, f"http://127.0.0.1:{port}", log_path)
        started.append(server)
        deadline = time.monotonic() + 60
        while True:
            try:
                if http_get(f"{server.url}/healthz").status == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, server.log()
            assert time.monotonic() < deadline, "peerbot serve did not start"
            time.sleep(0.05)
        while len(server.worker_pids()) < int(settings["PEERBOT_WORKERS"]):
            assert time.monotonic() < deadline, "workers did not boot"
            time.sleep(0.05)
        return server

    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait(timeout=30)


@dataclass
class Load:
    """Mentions sent to one or more servers; which got a 200 from at least one."""

    count: int
    mentions: list[dict[str, str]] = field(default_factory=list)
    acked: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.mentions = [
            app_mention(
                f"<@{BOT_USER_ID}> {QUESTIONS[n % len(QUESTIONS)]} #{n}", channel="C0FAULTS"
            )
            for n in range(self.count)
        ]

    def send(
        self,
        servers: Callable[[], list[Server]],
        numbers: list[int],
        retry: int | None = None,
        during: Callable[[int], None] | None = None,
    ) -> None:
        """Send mentions `numbers` at SENDERS concurrent; `during(n)` after the n-th send."""

        def one(number: int) -> None:
            mention = self.mentions[number]
            for server in servers():
                try:
                    reply = SlackSender(f"{server.url}/slack/events").event(
                        mention, event_id=f"Ev{number:06d}", retry_num=retry
                    )
                except OSError:
                    continue  # connection refused or reset: no 200, Slack will retry
                if reply.status == 200:
                    self.acked.add(mention["ts"])
            if during is not None:
                during(number)

        with ThreadPoolExecutor(SENDERS) as pool:
            list(pool.map(one, numbers))

    def unacked(self) -> list[int]:
        return [n for n, m in enumerate(self.mentions) if m["ts"] not in self.acked]


def replies(fake: FakeSlack) -> Counter[str]:
    return Counter(str(call.body.get("thread_ts")) for call in fake.calls_to("chat.postMessage"))


def wait_all_answered(fake: FakeSlack, load: Load, timeout: float = 60) -> Counter[str]:
    """Until every mention has a reply (the sweeper needs a lease or two after a crash)."""
    deadline = time.monotonic() + timeout
    wanted = {m["ts"] for m in load.mentions}
    while True:
        answered = replies(fake)
        missing = wanted - set(answered)
        if not missing or time.monotonic() > deadline:
            return answered
        time.sleep(0.1)


def assert_exactly_once(fake: FakeSlack, load: Load) -> None:
    answered = replies(fake)
    lost = [m["ts"] for m in load.mentions if answered[m["ts"]] == 0]
    duplicated = {ts: n for ts, n in answered.items() if n > 1}
    print(
        f"faults: sent={load.count} acked={len(load.acked)} answered={len(answered)} "
        f"lost={len(lost)} duplicated={len(duplicated)}"
    )
    assert lost == [] and duplicated == {}
    assert set(answered) == {m["ts"] for m in load.mentions}


def test_a_worker_killed_mid_load_loses_nothing(
    serve: Callable[..., Server], fake_slack: FakeSlack
) -> None:
    server = serve()
    load = Load(150)
    victim = server.worker_pids()[0]
    for _ in range(60):  # slow replies, so the victim holds acknowledged work when it dies
        fake_slack.script("chat.postMessage", delay=0.2, body={"ok": True, "ts": "1.0"})

    def kill_at(number: int) -> None:
        if number == 50:
            os.kill(victim, signal.SIGKILL)

    load.send(lambda: [server], list(range(load.count)), during=kill_at)
    load.send(lambda: [server], load.unacked(), retry=1)  # Slack redelivers what got no 200
    assert load.unacked() == []
    wait_all_answered(fake_slack, load)
    assert server.stop() == 0
    assert not _alive(victim)
    assert "resuming job" in server.log()  # the dead worker's jobs were re-run by another
    assert_exactly_once(fake_slack, load)


def test_sigterm_mid_load_then_restart_loses_and_repeats_nothing(
    serve: Callable[..., Server], fake_slack: FakeSlack
) -> None:
    first = serve()
    current = [first]
    load = Load(150)
    for _ in range(60):  # slow replies, so work is in hand when SIGTERM arrives
        fake_slack.script("chat.postMessage", delay=0.2, body={"ok": True, "ts": "1.0"})
    exit_codes: list[int] = []

    def stop_at(number: int) -> None:
        if number == 60:
            exit_codes.append(first.stop())

    load.send(lambda: current, list(range(load.count)), during=stop_at)
    assert exit_codes == [0]
    log = first.log()
    assert "Traceback" not in log, log[log.find("Traceback") - 300 :][:4000]
    current[:] = [serve()]  # same data directory, same store: pending work is resumed
    load.send(lambda: current, load.unacked(), retry=1)
    assert load.unacked() == []
    wait_all_answered(fake_slack, load)
    assert current[0].stop() == 0
    assert_exactly_once(fake_slack, load)


def test_two_instances_on_one_postgres_answer_each_event_once(
    serve: Callable[..., Server], fake_slack: FakeSlack, postgres_url: str
) -> None:
    """Every event is delivered to both instances (as two Socket Mode connections, or a
    redelivery reaching the other host, can do)."""
    pair = [serve(name, PEERBOT_DATABASE_URL=postgres_url) for name in ("a", "b")]
    load = Load(150)
    load.send(lambda: pair, list(range(load.count)))
    wait_all_answered(fake_slack, load)
    assert [server.stop() for server in pair] == [0, 0]
    assert_exactly_once(fake_slack, load)


def test_the_database_restarted_mid_run_loses_nothing(
    serve: Callable[..., Server],
    fake_slack: FakeSlack,
    postgres_server: Postgres,
    postgres_url: str,
) -> None:
    server = serve(PEERBOT_DATABASE_URL=postgres_url)
    load = Load(120)
    load.send(lambda: [server], list(range(40)))
    postgres_server.stop()
    try:
        load.send(lambda: [server], list(range(40, 80)))  # answered unrecorded meanwhile
    finally:
        postgres_server.start()
    load.send(lambda: [server], list(range(80, 120)))
    load.send(lambda: [server], load.unacked(), retry=1)
    assert load.unacked() == []
    wait_all_answered(fake_slack, load)
    assert server.stop() == 0
    log = server.log()
    assert "store unavailable, answering unrecorded" in log
    assert "Traceback" not in log
    assert_exactly_once(fake_slack, load)


def test_an_unreachable_database_is_a_clear_error_without_the_password(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, fake_slack: FakeSlack
) -> None:
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    url = f"postgresql://peerbot:hunter2secret@127.0.0.1:{port}/peerbot"
    environ = slack_environ(*mini_kb_dirs, tmp_path / "data", fake_slack, PEERBOT_DATABASE_URL=url)
    result = CliRunner().invoke(main, ["serve"], env=environ)
    assert result.exit_code == 1
    assert f"cannot reach PostgreSQL at 127.0.0.1:{port}/peerbot" in result.output
    assert "hunter2secret" not in result.output and "Traceback" not in result.output
