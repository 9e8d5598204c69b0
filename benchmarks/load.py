"""Load: N signed app_mention events at concurrency C against `peerbot serve` (HTTP mode).

Counts what matters under load: every event answered exactly once, none lost, no duplicates
(every tenth event is also redelivered as Slack does, with X-Slack-Retry-Num), and prints the
acknowledgement and reply latencies. The CI test (tests/slack/test_hardening.py) runs 300
events at concurrency 20 in-process; this script runs the deployed server, 5,000 by default.

    python benchmarks/load.py                      # 5,000 events, 20 senders
    python benchmarks/load.py --events 20000 --senders 50
"""

from __future__ import annotations

import argparse
import http.client
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from harness import REPO, machine, markdown_table, percentile
from slack_fake import FakeSlack, decode, free_port, mention_body, serving, signed_headers

EVENTS_PATH = "/slack/events"
QUESTIONS = [
    "How many states certify peer specialists?",
    "do insurers pay for peers?",
    "what does a recovery coach do",
    "role ambiguity for peer staff",
    "What is the salary of a peer specialist?",
]


class CountingSlack(FakeSlack):
    """The benchmark fake, also counting every post per thread (duplicates included)."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: Counter[str] = Counter()
        self.arrived: dict[str, int] = {}
        self._count_lock = threading.Lock()

    def _record(self, path: str, raw: str, content_type: str, arrived: int) -> None:
        super()._record(path, raw, content_type, arrived)
        if path.endswith("/chat.postMessage"):
            thread = str(decode(raw, content_type).get("thread_ts") or "")
            with self._count_lock:
                self.counts[thread] += 1
                self.arrived.setdefault(thread, arrived)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--senders", type=int, default=20)
    parser.add_argument("--wait", type=float, default=120, help="seconds to wait for replies")
    args = parser.parse_args(argv)
    print(f"# load benchmark: {machine()}", flush=True)
    local = threading.local()
    sent_at: dict[str, int] = {}
    acks: list[float] = []
    failures = Counter[int]()
    lock = threading.Lock()

    def send(number: int, port: int) -> None:
        if not hasattr(local, "connection"):
            local.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        question = QUESTIONS[number % len(QUESTIONS)]
        ts, body = mention_body(number, question, "C0LOAD", "U0LOAD")
        deliveries = 2 if number % 10 == 0 else 1
        for attempt in range(deliveries):
            headers = signed_headers(body, "application/json")
            if attempt:
                headers |= {"X-Slack-Retry-Num": str(attempt), "X-Slack-Retry-Reason": "timeout"}
            started = time.monotonic_ns()
            local.connection.request("POST", EVENTS_PATH, body, headers)
            response = local.connection.getresponse()
            response.read()
            elapsed = (time.monotonic_ns() - started) / 1e6
            with lock:
                sent_at.setdefault(ts, started)
                acks.append(elapsed)
                if response.status != 200:
                    failures[response.status] += 1

    with tempfile.TemporaryDirectory(prefix="peerbot-load-") as temporary:
        settings = {
            "PEERBOT_KNOWLEDGE_DIR": str(REPO / "knowledge"),
            "PEERBOT_SEEDS_DIR": str(REPO / "seeds"),
            "PEERBOT_DATA_DIR": str(Path(temporary) / "data"),
        }
        port = free_port()
        with CountingSlack() as fake, serving(fake, port, settings):
            started = time.monotonic()
            with ThreadPoolExecutor(max_workers=args.senders) as pool:
                list(pool.map(lambda n: send(n, port), range(args.events)))
            deadline = time.monotonic() + args.wait
            while len(fake.counts) < args.events and time.monotonic() < deadline:
                time.sleep(0.05)
            elapsed = time.monotonic() - started
            time.sleep(1.0)  # anything still in flight would show up as a duplicate
            counts = dict(fake.counts)
            arrived = dict(fake.arrived)
    answered = sum(1 for ts in sent_at if counts.get(ts, 0) >= 1)
    duplicates = sum(count - 1 for count in counts.values() if count > 1)
    replies = sorted((arrived[ts] - sent_at[ts]) / 1e6 for ts in sent_at if ts in arrived)
    acks.sort()
    print(
        f"\n{args.events} events ({args.events // 10} also redelivered), {args.senders} senders, "
        f"{elapsed:.1f} s: answered {answered}, lost {args.events - answered}, "
        f"duplicates {duplicates}, non-200 acks {dict(failures) or 0}\n"
    )
    print(
        markdown_table(
            ["measure", "count", "p50 ms", "p99 ms", "max ms"],
            [
                ["HTTP ack", len(acks), *(f"{v:.1f}" for v in _summary(acks))],
                [
                    "mention -> chat.postMessage",
                    len(replies),
                    *(f"{v:.1f}" for v in _summary(replies)),
                ],
            ],
        )
    )


def _summary(values: list[float]) -> tuple[float, float, float]:
    if not values:
        return (float("nan"),) * 3
    return percentile(values, 50), percentile(values, 99), values[-1]


if __name__ == "__main__":
    main()
