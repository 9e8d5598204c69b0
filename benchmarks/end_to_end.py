"""End-to-end latency in HTTP mode: signed Slack request in, the bot's reply received.

    python benchmarks/end_to_end.py                     # real knowledge base, 10 senders
    python benchmarks/end_to_end.py --senders 10 --requests 100 --snippets 10000
    python benchmarks/end_to_end.py --tls               # the Web API over HTTPS, as Slack's
    python benchmarks/end_to_end.py --before DIR        # beside an earlier peerbot's tree
    python benchmarks/end_to_end.py --search-free       # beside itself without the search

Runs `peerbot serve` exactly as deployed (gunicorn, PEERBOT_WORKERS=2 x PEERBOT_THREADS=8) on a
loopback port, its Web API pointed at a loopback fake Slack (`slack_fake.py`). Each of N sender
threads keeps one keep-alive connection and sends requests one after another (the next as soon
as the previous one's reply arrived, or after --pause-ms), each a correctly signed payload
shaped like Slack's:

- app_mention: from sending the event to the fake Slack receiving the chat.postMessage that
  answers it (matched by thread_ts), and the HTTP acknowledgement on its own;
- slash command (/peer-ask): the HTTP acknowledgement (Slack's 3-second deadline applies to
  it), and the delivery of the answer to the command's response_url.

Questions cycle through the evaluation set (`tests/data/questions-dev.yaml`), answerable and not.
Sender and fake share the benchmark process and the machine's cores with the server, as a
single small container would; the figures include that contention.

The same senders then drive the floor, `bare_bolt.py`: a bare Bolt app in the same harness
(gunicorn, same workers and threads, same WSGI wrapper) that acks each mention and posts a
fixed message, with Bolt's default WebClient ("bare Bolt") and with peerbot's pooled one
("bare Bolt pooled"). Server CPU per mention (master and workers, from /proc) and latency are
printed for each, with peerbot's ratio to the floor. With `--tls` the fake Slack answers over
HTTPS (a self-signed certificate the servers trust through SSL_CERT_FILE), as Slack does, so a
client that opens a connection per call pays a TLS handshake per call, as in production.
With `--search-free`, peerbot is also served with every distinct question searched only once
(`search_free.py`, an experiment; each question is asked of it once before the timed rounds):
the difference is what the search costs a mention here.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import itertools
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml
from corpora import write_knowledge_base
from harness import REPO, cpu_seconds, machine, markdown_table, percentile, pss_mb, rss_mb
from slack_fake import (
    TEAM_ID,
    FakeSlack,
    bare_bolt_command,
    children,
    free_port,
    mention_body,
    search_free_command,
    serving,
    signed_headers,
)

EVENTS_PATH = "/slack/events"


def questions() -> list[str]:
    """The evaluation set's questions, answerable and unanswerable, in file order."""
    data = yaml.safe_load((REPO / "tests" / "data" / "questions-dev.yaml").read_text())
    found = [
        item["question"]
        for group in data.values()
        if isinstance(group, list)
        for item in group
        if isinstance(item, dict) and "question" in item
    ]
    return [text for text in found if text.strip()] or ["How many states certify peers?"]


class Sender:
    """One Slack-like client with a keep-alive connection to the bot."""

    _counter = itertools.count(1)
    _lock = threading.Lock()

    def __init__(self, port: int, fake: FakeSlack) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.fake = fake

    @classmethod
    def _next(cls) -> int:
        with cls._lock:
            return next(cls._counter)

    def _post(self, body: bytes, content_type: str) -> None:
        self.connection.request("POST", EVENTS_PATH, body, signed_headers(body, content_type))
        response = self.connection.getresponse()
        response.read()
        if response.status != 200:
            raise RuntimeError(f"bot answered HTTP {response.status}")

    def mention(self, question: str) -> tuple[float, float]:
        """(ms to the HTTP ack, ms to the chat.postMessage of the answer) for one mention."""
        ts, body = mention_body(self._next(), question, "C0BENCH", "U0SENDER")
        sent = time.monotonic_ns()
        self._post(body, "application/json")
        acked = time.monotonic_ns()
        post = self.fake.wait(ts)
        return (acked - sent) / 1e6, (post.arrived_ns - sent) / 1e6

    def command(self, question: str) -> tuple[float, float]:
        """(ms to the HTTP ack, ms to the answer at the response_url) for one /peer-ask."""
        name = f"cmd{self._next()}"
        fields = {
            "token": "legacy-verification-token",
            "team_id": TEAM_ID,
            "team_domain": "bench",
            "channel_id": "C0BENCH",
            "channel_name": "peer-team",
            "user_id": "U0SENDER",
            "user_name": "sender",
            "command": "/peer-ask",
            "text": question,
            "api_app_id": "A0BENCH",
            "is_enterprise_install": "false",
            "response_url": f"{self.fake.url}/respond/{name}",
            "trigger_id": f"{time.time():.6f}.trigger",
        }
        body = urlencode(fields).encode()
        sent = time.monotonic_ns()
        self._post(body, "application/x-www-form-urlencoded")
        acked = time.monotonic_ns()
        post = self.fake.wait(name)
        return (acked - sent) / 1e6, (post.arrived_ns - sent) / 1e6


def run_senders(
    port: int,
    fake: FakeSlack,
    senders: int,
    requests: int,
    action: Callable[[Sender, str], tuple[float, float]],
    texts: Sequence[str],
    pause: float = 0.0,
) -> tuple[list[float], list[float], float]:
    """(ack ms, reply ms, seconds) of `senders` threads sending `requests` requests each."""
    acks: list[float] = []
    replies: list[float] = []
    failures: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(senders + 1)

    def work(offset: int) -> None:
        sender = Sender(port, fake)
        start.wait()
        try:
            for number in range(requests):
                ack, reply = action(sender, texts[(offset * 7 + number) % len(texts)])
                with lock:
                    acks.append(ack)
                    replies.append(reply)
                if pause:
                    time.sleep(pause)
        except BaseException as error:  # reported after the run
            failures.append(error)
        finally:
            sender.connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(senders)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.monotonic()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    if failures:
        raise RuntimeError(f"{len(failures)} sender(s) failed: {failures[0]!r}")
    return acks, replies, elapsed


def _stats(kind: str, values: list[float], elapsed: float) -> list[object]:
    return [
        kind,
        len(values),
        f"{percentile(values, 50):.1f}",
        f"{percentile(values, 99):.1f}",
        f"{max(values):.1f}",
        f"{len(values) / elapsed:.0f}",
    ]


SERVERS = {
    "peerbot": None,
    "bare Bolt": bare_bolt_command(pooled=False),
    "bare Bolt pooled": bare_bolt_command(pooled=True),
}
# With --before DIR: an earlier peerbot's source tree, served beside this one (same
# interpreter and packages; `python -m bot` run in DIR imports DIR's `bot`).
BEFORE = "peerbot before"
_before_tree: Path | None = None
# With --search-free: this peerbot with each distinct question searched once (search_free.py).
SEARCH_FREE = "peerbot search-free"


@dataclass
class _Running:
    """One started server and what has been measured on it so far."""

    name: str
    port: int
    process: subprocess.Popen[bytes]
    ready_s: float
    pids: list[int]
    mention_acks: list[float] = field(default_factory=list)
    mention_replies: list[float] = field(default_factory=list)
    mention_s: float = 0.0
    cpu_s: float = 0.0


def measure_servers(
    names: Sequence[str],
    fake: FakeSlack,
    settings: dict[str, str],
    texts: Sequence[str],
    senders: int,
    requests: int,
    pause: float,
    rounds: int,
) -> list[dict[str, Any]]:
    """Start every server at once, then time mentions on each in turn, `rounds` times over.

    Interleaving the servers' turns spreads the machine's load drift (other processes, CPU
    frequency) evenly over them, so their ratios are fair. Server CPU is read from /proc for
    each server's master and workers around its own turns only: the CPU of its answered
    mentions. Slash commands are then timed on peerbot alone.
    """
    with contextlib.ExitStack() as stack:
        running: list[_Running] = []
        for name in names:
            port = free_port()
            if name == BEFORE:
                # Its own data directory: its own store and index cache.
                own = {**settings, "PEERBOT_DATA_DIR": settings["PEERBOT_DATA_DIR"] + "-before"}
                if settings["PEERBOT_KNOWLEDGE_DIR"] == str(REPO / "knowledge"):
                    # On the real knowledge base, the earlier tree serves its own: the knowledge
                    # schema moves with the code (a field this tree added is unknown to it).
                    own["PEERBOT_KNOWLEDGE_DIR"] = str(_before_tree / "knowledge")
                    own["PEERBOT_SEEDS_DIR"] = str(_before_tree / "seeds")
                command: list[str] | None = [sys.executable, "-m", "bot", "serve"]
                started = serving(fake, port, own, command, cwd=_before_tree)
            elif name == SEARCH_FREE:
                own = {**settings, "PEERBOT_DATA_DIR": settings["PEERBOT_DATA_DIR"] + "-free"}
                started = serving(fake, port, own, search_free_command())
            else:
                started = serving(fake, port, settings, SERVERS[name])
            process, ready = stack.enter_context(started)
            running.append(_Running(name, port, process, ready, [process.pid]))
        for server in running:
            run_senders(server.port, fake, 2, 10, Sender.mention, texts)  # warm-up
            if server.name == SEARCH_FREE:
                # Every question once, so that no search is left for the timed rounds.
                run_senders(server.port, fake, 1, len(texts), Sender.mention, texts)
            server.pids = [server.process.pid, *children(server.process.pid)]
        per_round = max(1, requests // rounds)
        for _ in range(rounds):
            for server in running:
                before = sum(cpu_seconds(pid) for pid in server.pids)
                acks, replies, elapsed = run_senders(
                    server.port, fake, senders, per_round, Sender.mention, texts, pause
                )
                server.cpu_s += sum(cpu_seconds(pid) for pid in server.pids) - before
                server.mention_acks += acks
                server.mention_replies += replies
                server.mention_s += elapsed
        results: list[dict[str, Any]] = []
        for server in running:
            result: dict[str, Any] = {
                "name": server.name,
                "ready_s": server.ready_s,
                "mention_acks": server.mention_acks,
                "mention_replies": server.mention_replies,
                "mention_s": server.mention_s,
                "server_cpu_ms": 1000 * server.cpu_s / len(server.mention_replies),
            }
            if server.name == "peerbot":
                own_cpu = -time.process_time()
                run_senders(server.port, fake, 2, 10, Sender.command, texts)  # warm-up
                acks, replies, elapsed = run_senders(
                    server.port, fake, senders, requests, Sender.command, texts, pause
                )
                own_cpu += time.process_time()
                result.update(command_acks=acks, command_replies=replies, command_s=elapsed)
                result["own_cpu_ms"] = 1000 * own_cpu / len(replies)
            workers = server.pids[1:]
            result["master_mb"] = rss_mb(server.process.pid)
            result["worker_mb"] = max((rss_mb(pid) for pid in workers), default=float("nan"))
            result["pss_mb"] = pss_mb(server.process.pid) + sum(pss_mb(pid) for pid in workers)
            results.append(result)
    return results


def floor_rows(results: Sequence[dict[str, Any]]) -> list[list[object]]:
    """Per server: CPU per mention, mention -> post p50 / p99, and each as a ratio to the floor."""
    floor = next(r for r in results if r["name"] == "bare Bolt")
    floor_p50 = percentile(floor["mention_replies"], 50)
    floor_p99 = percentile(floor["mention_replies"], 99)
    rows: list[list[object]] = []
    for result in results:
        p50 = percentile(result["mention_replies"], 50)
        p99 = percentile(result["mention_replies"], 99)
        rows.append(
            [
                result["name"],
                len(result["mention_replies"]),
                f"{result['server_cpu_ms']:.2f}",
                f"{result['server_cpu_ms'] / floor['server_cpu_ms']:.2f}x",
                f"{p50:.1f}",
                f"{p99:.1f}",
                f"{p50 / floor_p50:.2f}x",
                f"{p99 / floor_p99:.2f}x",
                f"{len(result['mention_replies']) / result['mention_s']:.0f}",
            ]
        )
    return rows


FLOOR_HEADERS = [
    "server",
    "mentions",
    "server CPU ms / mention",
    "CPU vs bare Bolt",
    "p50 ms",
    "p99 ms",
    "p50 vs bare Bolt",
    "p99 vs bare Bolt",
    "per s",
]


def run_all(
    senders: int,
    requests: int,
    snippets: int,
    pause_ms: float,
    servers: Sequence[str],
    rounds: int = 5,
    tls: bool = False,
) -> tuple[str, list[dict[str, Any]]]:
    """(label, results) of every server in `servers`, one after another, same senders."""
    texts = questions()
    with tempfile.TemporaryDirectory(prefix="peerbot-e2e-") as temporary:
        work = Path(temporary)
        knowledge, seeds = REPO / "knowledge", REPO / "seeds"
        label = "real knowledge base"
        if snippets:
            knowledge, seeds = write_knowledge_base(work / "synthetic", snippets)
            label = f"{snippets:,} synthetic snippets"
        settings = {
            "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
            "PEERBOT_SEEDS_DIR": str(seeds),
            "PEERBOT_DATA_DIR": str(work / "data"),
        }
        if tls:
            label += ", Web API over TLS (self-signed, trusted through SSL_CERT_FILE)"
        with FakeSlack(tls_dir=work if tls else None) as fake:
            results = measure_servers(
                servers, fake, settings, texts, senders, requests, pause_ms / 1000, rounds
            )
    return label, results


def report(
    label: str, results: Sequence[dict[str, Any]], senders: int, requests: int, pause_ms: float
) -> str:
    """The Markdown the README shows: the floor comparison, then peerbot's own table."""
    ours = next(r for r in results if r["name"] == "peerbot")
    lines = [
        f"{label}; {senders} concurrent senders x {requests} requests per kind, "
        f"{pause_ms:g} ms pause after each reply; peerbot ready in {ours['ready_s']:.2f} s; "
        f"after the run: master RSS {ours['master_mb']:.0f} MB, largest worker RSS "
        f"{ours['worker_mb']:.0f} MB, total PSS {ours['pss_mb']:.0f} MB; senders and fake "
        f"Slack {ours['own_cpu_ms']:.1f} ms CPU per slash command",
        "",
    ]
    if any(r["name"] == "bare Bolt" for r in results):
        lines += [markdown_table(FLOOR_HEADERS, floor_rows(results)), ""]
    rows = [
        _stats("app_mention -> chat.postMessage", ours["mention_replies"], ours["mention_s"]),
        _stats("app_mention HTTP ack", ours["mention_acks"], ours["mention_s"]),
    ]
    if "command_replies" in ours:
        rows += [
            _stats("/peer-ask HTTP ack", ours["command_acks"], ours["command_s"]),
            _stats("/peer-ask -> response_url", ours["command_replies"], ours["command_s"]),
        ]
    lines.append(
        markdown_table(["measure", "requests", "p50 ms", "p99 ms", "max ms", "per s"], rows)
    )
    return "\n".join(lines)


def before_rows(results: Sequence[dict[str, Any]]) -> str:
    """peerbot's CPU and latency as ratios to `peerbot before`'s, in the same run."""
    ours = next(r for r in results if r["name"] == "peerbot")
    before = next(r for r in results if r["name"] == BEFORE)
    parts = [
        f"CPU per mention {ours['server_cpu_ms']:.2f} vs {before['server_cpu_ms']:.2f} ms "
        f"({ours['server_cpu_ms'] / before['server_cpu_ms']:.2f}x)"
    ]
    for q in (50, 99):
        now = percentile(ours["mention_replies"], q)
        then = percentile(before["mention_replies"], q)
        parts.append(f"p{q} {now:.1f} vs {then:.1f} ms ({now / then:.2f}x)")
    return "peerbot vs peerbot before, same run: " + "; ".join(parts)


def search_rows(results: Sequence[dict[str, Any]]) -> str:
    """peerbot's CPU beside its search-free twin's in the same run: what the search costs."""
    ours = next(r for r in results if r["name"] == "peerbot")
    free = next(r for r in results if r["name"] == SEARCH_FREE)
    cpu, cpu_free = ours["server_cpu_ms"], free["server_cpu_ms"]
    line = (
        f"peerbot vs peerbot search-free, same run: CPU per mention {cpu:.2f} vs "
        f"{cpu_free:.2f} ms ({cpu / cpu_free:.2f}x): the search costs {cpu - cpu_free:.2f} ms "
        "a mention"
    )
    floor = next((r for r in results if r["name"] == "bare Bolt"), None)
    if floor is not None:
        line += f"; search-free vs bare Bolt {cpu_free / floor['server_cpu_ms']:.2f}x"
    return line


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--senders", type=int, default=10)
    parser.add_argument("--requests", type=int, default=100, help="per sender and kind")
    parser.add_argument("--snippets", type=int, default=0, help="synthetic KB (0: the real one)")
    parser.add_argument(
        "--pause-ms",
        type=float,
        default=0,
        help="each sender's pause after a reply (0: closed loop)",
    )
    parser.add_argument("--rounds", type=int, default=5, help="interleaved turns per server")
    parser.add_argument("--tls", action="store_true", help="the fake Slack answers over HTTPS")
    parser.add_argument(
        "--servers",
        default=",".join(SERVERS),
        help=f"comma-separated, from: {', '.join(SERVERS)}",
    )
    parser.add_argument(
        "--before",
        type=Path,
        metavar="DIR",
        help="an earlier peerbot source tree (git archive COMMIT | tar -x -C DIR), served "
        f"beside this one as {BEFORE!r}",
    )
    parser.add_argument(
        "--search-free",
        action="store_true",
        help=f"also serve peerbot with each distinct question searched once, as {SEARCH_FREE!r}",
    )
    args = parser.parse_args(argv)
    print(f"# end-to-end benchmark: {machine()}", flush=True)
    servers = [name.strip() for name in args.servers.split(",") if name.strip()]
    if args.before is not None:
        global _before_tree
        _before_tree = args.before.resolve()
        servers.insert(1, BEFORE)
    if args.search_free:
        servers.insert(servers.index("peerbot") + 1, SEARCH_FREE)
    label, results = run_all(
        args.senders, args.requests, args.snippets, args.pause_ms, servers, args.rounds, args.tls
    )
    print()
    print(report(label, results, args.senders, args.requests, args.pause_ms))
    if args.before is not None:
        print()
        print(before_rows(results))
    if args.search_free:
        print()
        print(search_rows(results))


if __name__ == "__main__":
    main()
