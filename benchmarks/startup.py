"""Process start to ready, and resident memory, for `peerbot ask` and `peerbot serve`.

    python benchmarks/startup.py                  # real knowledge base and a 10,000-snippet one
    python benchmarks/startup.py --snippets 2000 --runs 3

"ask" is `peerbot ask "<question>"` from spawn to exit (start-up, one answer, exit), with its
peak RSS. "serve" is `peerbot serve` in HTTP mode (gunicorn, PEERBOT_WORKERS=2 processes forked
from a master that loaded the index) from spawn to the first 200 from /healthz, with its Web
API pointed at a loopback fake Slack (auth.test is called at start-up); memory is measured once
ready: the master's RSS, the largest worker's RSS, and the PSS of all of them together (pages
the workers share with the master are counted once).

"cold" starts with an empty data directory, so the knowledge base is parsed, validated,
tokenized and indexed, and the index cache written; "warm" starts find the cache. The synthetic
knowledge base (`corpora.write_knowledge_base`) is regenerated identically on every run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from corpora import write_knowledge_base
from harness import REPO, machine, markdown_table, pss_mb, rss_mb
from slack_fake import FakeSlack, children, free_port, peerbot_command, serve_environ, serving

QUESTION = "How many states certify peer specialists?"
SYNTHETIC_QUESTION = "what does a certified peer specialist do about bakoti funding"


def _run_ask(environ: dict[str, str], question: str) -> tuple[float, float]:
    """(seconds from spawn to exit, peak RSS MB) of one `peerbot ask`."""
    started = time.monotonic()
    process = subprocess.Popen(
        [*peerbot_command(), "ask", question],
        env=environ,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        assert process.stderr is not None
        raise RuntimeError(f"peerbot ask failed: {process.stderr.read().decode()[-2000:]}")
    if process.stderr is not None:
        process.stderr.close()
    return elapsed, usage.ru_maxrss / 1024


def _clear_cache(data_dir: Path) -> None:
    shutil.rmtree(data_dir / "index-cache", ignore_errors=True)


def measure(
    label: str, knowledge: Path, seeds: Path, question: str, runs: int, cold_runs: int, work: Path
) -> list[list[object]]:
    """Rows for one knowledge base: ask and serve, cold and warm."""
    data_dir = work / f"data-{label}"
    settings = {
        "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
        "PEERBOT_SEEDS_DIR": str(seeds),
        "PEERBOT_DATA_DIR": str(data_dir),
    }
    rows: list[list[object]] = []
    with FakeSlack() as fake:
        environ = serve_environ(fake, settings)
        for cache, count in (("cold", cold_runs), ("warm", runs)):
            times, peaks = [], []
            if cache == "warm":
                _run_ask(environ, question)  # makes sure the cache exists
            for _ in range(count):
                if cache == "cold":
                    _clear_cache(data_dir)
                elapsed, peak = _run_ask(environ, question)
                times.append(elapsed)
                peaks.append(peak)
            rows.append(_row(label, "ask", cache, times, f"{max(peaks):.0f}", "-", "-"))
        for cache, count in (("cold", cold_runs), ("warm", runs)):
            times = []
            memory = ("-", "-", "-")
            for _ in range(count):
                if cache == "cold":
                    _clear_cache(data_dir)
                with serving(fake, free_port(), settings) as (process, ready):
                    times.append(ready)
                    time.sleep(0.3)
                    workers = children(process.pid)
                    master = rss_mb(process.pid)
                    worst = max((rss_mb(pid) for pid in workers), default=float("nan"))
                    total = pss_mb(process.pid) + sum(pss_mb(pid) for pid in workers)
                    memory = (f"{master:.0f}", f"{worst:.0f}", f"{total:.0f}")
            rows.append(_row(label, "serve", cache, times, *memory))
    return rows


def _row(
    label: str, command: str, cache: str, times: Sequence[float], *memory: str
) -> list[object]:
    ordered = sorted(times)
    median = ordered[len(ordered) // 2]
    return [label, command, cache, len(times), f"{median:.2f}", f"{ordered[-1]:.2f}", *memory]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--snippets", type=int, default=10_000, help="synthetic KB size")
    parser.add_argument("--runs", type=int, default=5, help="warm runs per case")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold runs per case")
    args = parser.parse_args(argv)
    print(f"# start-up benchmark: {machine()}", flush=True)
    with tempfile.TemporaryDirectory(prefix="peerbot-startup-") as temporary:
        work = Path(temporary)
        rows = measure(
            "real KB",
            REPO / "knowledge",
            REPO / "seeds",
            QUESTION,
            args.runs,
            args.cold_runs,
            work,
        )
        knowledge, seeds = write_knowledge_base(work / "synthetic", args.snippets)
        rows += measure(
            f"{args.snippets:,} snippets",
            knowledge,
            seeds,
            SYNTHETIC_QUESTION,
            args.runs,
            args.cold_runs,
            work,
        )
    print()
    print(
        markdown_table(
            [
                "knowledge base",
                "command",
                "cache",
                "runs",
                "median s",
                "max s",
                "peak RSS MB (ask) / master RSS MB (serve)",
                "worker RSS MB",
                "total PSS MB",
            ],
            [[*row[:6], row[6], row[7], row[8]] for row in rows],
        )
    )


if __name__ == "__main__":
    main()
