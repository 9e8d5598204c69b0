"""Faults at scale: `peerbot serve` killed, stopped and restarted, two instances on one database.

Sends N signed app_mention events at C concurrent senders to `peerbot serve` (HTTP mode,
gunicorn, 2 workers) against a loopback fake Slack, while a fault happens, and counts:

    sent, acked (got HTTP 200), answered (a reply in the thread), lost (acked, never answered),
    duplicated (threads with more than one reply), ack p50/p99 (ms).

An event that got no 200 (its worker died, the server was down) is redelivered once more, as
Slack does, and counted as answered only if a reply arrives. Each fault runs twice, side by
side: with this checkout ("durable") and with the code before the durable work queue
("before", extracted from git with `git archive`, default ref `store-v2`, which changed no
behaviour). Nothing here asserts anything; the numbers are printed as Markdown tables.

    python benchmarks/faults.py                        # 1,000 events, 20 senders, every fault
    python benchmarks/faults.py --events 300 --only kill,steady
    python benchmarks/faults.py --baseline-ref main    # compare with another commit

Faults: steady (none; the ack-latency comparison), kill (SIGKILL a worker three times, 0.3 s
apart), restart (SIGTERM the server mid-run, then start it again on the same store), two (two
instances, every event delivered to both; durable shares one PostgreSQL, before can only give
each instance its own SQLite file), and steady-pg (durable on PostgreSQL). PostgreSQL comes from
the `pgserver` wheel (the dev extra); without it the PostgreSQL rows are skipped.
"""

from __future__ import annotations

import argparse
import http.client
import io
import json
import os
import signal
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from harness import REPO, machine, markdown_table, percentile
from slack_fake import (
    children,
    free_port,
    mention_body,
    serve_environ,
    signed_headers,
    wait_ready,
)

EVENTS_PATH = "/slack/events"
QUESTIONS = [
    "How many states certify peer specialists?",
    "do insurers pay for peers?",
    "what does a recovery coach do",
    "role ambiguity for peer staff",
    "What is the salary of a peer specialist?",
]


class CountingSlack:
    """The Web API on loopback: counts replies per thread and, like Slack with a history
    scope, lists a thread's replies (with their metadata) for conversations.replies."""

    def __init__(self) -> None:
        # Plain HTTP: no certificate for serve_environ to have the servers trust.
        self.certificate: Path | None = None
        self.counts: Counter[str] = Counter()
        self.posted: dict[str, list[dict[str, Any]]] = {}
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                self._answer(fake.handle(self.path, raw, self.headers.get("Content-Type") or ""))

            def do_GET(self) -> None:
                path, _, query = self.path.partition("?")
                self._answer(fake.handle(path, query, "application/x-www-form-urlencoded"))

            def _answer(self, answer: dict[str, Any]) -> None:
                data = json.dumps(answer).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json; charset=utf-8")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the app process was killed mid-call

        class Server(ThreadingHTTPServer):
            request_queue_size = 256
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                return

        self.server = Server(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def handle(self, path: str, raw: str, content_type: str) -> dict[str, Any]:
        body: dict[str, Any]
        if "json" in content_type:
            body = json.loads(raw or "{}")
        else:
            body = {key: values[0] for key, values in parse_qs(raw).items()}
        if path.endswith("/auth.test"):
            return {
                "ok": True,
                "url": "https://bench.slack.com/",
                "team": "Bench",
                "user": "peerbot",
                "team_id": "T0BENCH",
                "user_id": "UBENCHBOT",
                "bot_id": "BBENCHBOT",
                "is_enterprise_install": False,
            }
        if path.endswith("/chat.postMessage"):
            thread = str(body.get("thread_ts") or "")
            with self.lock:
                self.counts[thread] += 1
                self.posted.setdefault(thread, []).append({"metadata": body.get("metadata")})
            return {"ok": True, "channel": body.get("channel"), "ts": f"{time.time():.6f}"}
        if path.endswith("/conversations.replies"):
            with self.lock:
                return {"ok": True, "messages": list(self.posted.get(str(body.get("ts")), []))}
        return {"ok": True}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Run:
    """What one scenario measured."""

    sent: int = 0
    acked: set[str] = field(default_factory=set)
    acks_ms: list[float] = field(default_factory=list)
    note: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)


class Server:
    """`peerbot serve` of one code base on one port (restartable on the same port)."""

    def __init__(self, code: Path, fake: CountingSlack, settings: dict[str, str]) -> None:
        self.code, self.fake, self.settings = code, fake, settings
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        environ = serve_environ(self.fake, self.settings)  # type: ignore[arg-type]
        environ["PYTHONPATH"] = str(self.code)  # this code base's `bot`, not the installed one
        log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--bind", f"127.0.0.1:{self.port}"],
            env=environ,
            cwd=self.code,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_ready(f"http://127.0.0.1:{self.port}/healthz", self.process)
        except (RuntimeError, TimeoutError) as error:
            log.seek(0)
            raise RuntimeError(
                f"{error}:\n{log.read().decode(errors='replace')[-2000:]}"
            ) from error
        deadline = time.monotonic() + 30
        while len(children(self.process.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)

    def workers(self) -> list[int]:
        return children(self.process.pid) if self.process else []

    def stop(self) -> int:
        if self.process is None:
            return 0
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def send_all(
    run: Run, ports: Callable[[], list[int]], numbers: Sequence[int], senders: int, retry: bool
) -> None:
    """Send mentions `numbers` to every port; record acks and their latency."""
    local = threading.local()

    def one(number: int) -> None:
        ts, body = mention_body(number, QUESTIONS[number % len(QUESTIONS)], "C0FAULT", "U0FAULT")
        for port in ports():
            headers = signed_headers(body, "application/json")
            if retry:
                headers |= {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
            connections = local.__dict__.setdefault("connections", {})
            started = time.monotonic_ns()
            try:
                connection = connections.get(port) or http.client.HTTPConnection(
                    "127.0.0.1", port, timeout=30
                )
                connections[port] = connection
                connection.request("POST", EVENTS_PATH, body, headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connections.pop(port, None)
                continue
            elapsed = (time.monotonic_ns() - started) / 1e6
            with run.lock:
                if not retry:
                    run.acks_ms.append(elapsed)
                if status == 200:
                    run.acked.add(ts)

    with ThreadPoolExecutor(max_workers=senders) as pool:
        list(pool.map(one, numbers))


def ts_of(number: int) -> str:
    return mention_body(number, "", "C", "U")[0]


@contextmanager
def code_base(ref: str | None) -> Iterator[Path]:
    """This checkout (None), or `ref` extracted from git into a temporary directory."""
    if ref is None:
        yield REPO
        return
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", ref, "bot", "knowledge", "seeds"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory(prefix="peerbot-before-") as directory:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(directory, filter="data")
        yield Path(directory)


@contextmanager
def postgres() -> Iterator[Callable[[], str] | None]:
    """A factory of fresh PostgreSQL database URLs (pgserver), or None if it cannot start."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pgserver
            import psycopg

            directory = tempfile.mkdtemp(prefix="peerbot-bench-pg-")
            server = pgserver.get_server(directory, cleanup_mode="delete")
    except Exception as error:  # report and carry on without the PostgreSQL rows
        print(f"(PostgreSQL unavailable, its rows skipped: {type(error).__name__}: {error})")
        yield None
        return
    counter = iter(range(1, 1000))
    admin = str(server.get_uri())

    def new_database() -> str:
        name = f"bench_{next(counter)}"
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"'.encode())
        base, _, query = admin.partition("?")
        return f"{base.rsplit('/', 1)[0]}/{name}?{query}"

    try:
        yield new_database
    finally:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server.cleanup()


def after_share(
    run: Run, args: argparse.Namespace, fault: Callable[[], None]
) -> Callable[[], None]:
    """`fault`, run once `--fault-at` of the events have been acknowledged."""

    def wait_then_fault() -> None:
        while len(run.acked) < args.fault_at * args.events:
            time.sleep(0.005)
        fault()

    return wait_then_fault


def scenario(
    name: str,
    code: Path,
    args: argparse.Namespace,
    data_dirs: list[Path],
    database_urls: list[str | None],
) -> tuple[Run, Counter[str]]:
    """Run one fault against `code`; (what was sent and acked, replies per thread)."""
    fake = CountingSlack()
    run = Run(sent=args.events)
    servers = []
    for data_dir, url in zip(data_dirs, database_urls, strict=True):
        settings = {
            # Each code base with its own knowledge base (the schema moves with the code).
            "PEERBOT_KNOWLEDGE_DIR": str(code / "knowledge"),
            "PEERBOT_SEEDS_DIR": str(code / "seeds"),
            "PEERBOT_DATA_DIR": str(data_dir),
            "PEERBOT_WORKERS": "2",
            "PEERBOT_WORK_LEASE_SECONDS": str(args.lease),
        }
        if url:
            settings["PEERBOT_DATABASE_URL"] = url
        servers.append(Server(code, fake, settings))
    for server in servers:
        server.start()
    ports = lambda: [server.port for server in servers]  # noqa: E731
    numbers = list(range(args.events))
    fault: threading.Thread | None = None
    if name == "kill":

        def kill() -> None:
            for _ in range(3):
                workers = servers[0].workers()
                if workers:
                    os.kill(workers[0], signal.SIGKILL)
                time.sleep(0.3)

        fault = threading.Thread(target=after_share(run, args, kill))
    elif name == "restart":

        def restart() -> None:
            code_ = servers[0].stop()
            run.note = f"exit {code_}"
            servers[0].start()

        fault = threading.Thread(target=after_share(run, args, restart))
    if fault is not None:
        fault.start()
    send_all(run, ports, numbers, args.senders, retry=False)
    if fault is not None:
        fault.join()
    # Slack redelivers what got no 200 (it retries after about 1 min, 5 min, 30 min).
    send_all(run, ports, [n for n in numbers if ts_of(n) not in run.acked], args.senders, True)
    deadline = time.monotonic() + args.lease + args.wait
    wanted = {ts_of(n) for n in numbers}
    while time.monotonic() < deadline:
        with fake.lock:
            if wanted <= set(fake.counts):
                break
        time.sleep(0.1)
    exits = [server.stop() for server in servers]  # graceful: whatever was in flight lands
    if any(exits):
        run.note = (run.note + f" exit {exits}").strip()
    fake.close()
    return run, Counter(fake.counts)


def row(label: str, name: str, run: Run, counts: Counter[str]) -> list[object]:
    answered = sum(1 for n in range(run.sent) if counts[ts_of(n)] >= 1)
    lost = sum(1 for ts in run.acked if counts[ts] == 0)
    duplicated = sum(1 for count in counts.values() if count > 1)
    acks = sorted(run.acks_ms)
    return [
        name,
        label,
        run.sent,
        len(run.acked),
        answered,
        lost,
        duplicated,
        f"{percentile(acks, 50):.1f}",
        f"{percentile(acks, 99):.1f}",
        run.note or "-",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--senders", type=int, default=20)
    parser.add_argument("--lease", type=int, default=5, help="PEERBOT_WORK_LEASE_SECONDS")
    parser.add_argument(
        "--fault-at", type=float, default=0.3, help="the fault starts once this share is acked"
    )
    parser.add_argument("--wait", type=float, default=60, help="seconds to wait for replies")
    parser.add_argument("--baseline-ref", default="store-v2")
    parser.add_argument("--only", default="steady,kill,restart,two,steady-pg")
    args = parser.parse_args(argv)
    wanted = args.only.split(",")
    print(f"# faults benchmark: {machine()}", flush=True)
    print(
        f"{args.events} events, {args.senders} senders, lease {args.lease} s; "
        f"before = {args.baseline_ref}, durable = this checkout\n",
        flush=True,
    )
    rows: list[list[object]] = []
    with (
        code_base(args.baseline_ref) as before,
        code_base(None) as durable,
        postgres() as new_database,
        tempfile.TemporaryDirectory(prefix="peerbot-faults-") as temporary,
    ):
        root = Path(temporary)
        plans: list[tuple[str, str, Path, int, bool]] = []
        for name in ("steady", "kill", "restart", "two"):
            if name in wanted:
                plans += [(name, "before", before, 1 + (name == "two"), False)]
                plans += [(name, "durable", durable, 1 + (name == "two"), name == "two")]
        if "steady-pg" in wanted:
            plans.append(("steady", "durable (PostgreSQL)", durable, 1, True))
        for number, (name, label, code, instances, on_postgres) in enumerate(plans):
            if on_postgres and new_database is None:
                continue
            url = new_database() if on_postgres and new_database else None
            data_dirs = [root / f"{number}-{i}" for i in range(instances)]
            run, counts = scenario(name, code, args, data_dirs, [url] * instances)
            rows.append(row(label, name, run, counts))
            print(f"  {name} / {label}: done", file=sys.stderr, flush=True)
    print(
        markdown_table(
            [
                "fault",
                "code",
                "sent",
                "acked",
                "answered",
                "lost",
                "duplicated",
                "ack p50 ms",
                "ack p99 ms",
                "note",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    main()
