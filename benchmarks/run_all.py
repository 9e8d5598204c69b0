"""Every comparison of issue 12 in one run: retrieval, cold build, CLI, server against the floor.

    python benchmarks/run_all.py --output benchmarks/RESULTS.md     # ~10 min on 2 CPUs
    python benchmarks/run_all.py --quick                            # ~3 min, smaller runs

Runs `retrieval.py`, `build.py`, `cli.py` and `end_to_end.py` one after another (each times its
own contenders side by side, interleaved), then prints one Markdown report: the machine, the date
and the commit, each section's table, and every target of issue 12 with its measured figure and
ratio. On a machine shared with other work the absolute figures move from run to run; the
ratios, taken within one run, are what to compare. The README's performance tables are copied
from this report.
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import build
import cli
import end_to_end
import retrieval
from harness import REPO, machine, markdown_table


def _commit() -> str:
    try:
        completed = subprocess.run(
            ["git", "-C", str(REPO), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return completed.stdout.strip()


def _verdict(value: float, limit: float) -> str:
    return "met" if value <= limit else "missed"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes and fewer runs")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    args = parser.parse_args(argv)
    sizes = [1_000, 10_000] if args.quick else [1_000, 10_000, 100_000]
    queries = 300 if args.quick else 2_000
    build_runs = 1 if args.quick else 3
    cli_runs = 7 if args.quick else 21
    requests = 30 if args.quick else 100
    started = datetime.datetime.now(datetime.UTC)
    header = (
        f"Measured {started:%Y-%m-%d %H:%M} UTC on {machine()}; commit {_commit()}; "
        f"`python benchmarks/run_all.py{' --quick' if args.quick else ''}`."
    )
    print(header, file=sys.stderr)

    engines = retrieval.available_engines()
    retrieval_table, figures = retrieval.run_all(sizes, queries, engines)
    build_table, build_ratio = build.run_all(10_000, build_runs)
    cli_table, cli_figures = cli.run_all(cli_runs, 500)
    rounds = 3 if args.quick else 5
    server_reports: list[str] = []
    server_targets: list[list[object]] = []
    for tls in (True, False):
        label, servers = end_to_end.run_all(
            10, requests, 0, 0, list(end_to_end.SERVERS), rounds=rounds, tls=tls
        )
        server_reports.append(end_to_end.report(label, servers, 10, requests, 0))
        ours = next(r for r in servers if r["name"] == "peerbot")
        floor = next(r for r in servers if r["name"] == "bare Bolt")
        cpu_ratio = ours["server_cpu_ms"] / floor["server_cpu_ms"]
        p99 = end_to_end.percentile(ours["mention_replies"], 99)
        floor_p99 = end_to_end.percentile(floor["mention_replies"], 99)
        where = "Web API over TLS, as Slack's" if tls else "plain-HTTP loopback Web API"
        server_targets += [
            [
                f"server CPU per answered mention <= 1.5x bare Bolt ({where})",
                f"{ours['server_cpu_ms']:.2f} vs {floor['server_cpu_ms']:.2f} ms",
                f"{cpu_ratio:.2f}x",
                _verdict(cpu_ratio, 1.5),
            ],
            [
                f"closed-loop mention -> post p99 <= 2x bare Bolt ({where})",
                f"{p99:.1f} vs {floor_p99:.1f} ms",
                f"{p99 / floor_p99:.2f}x",
                _verdict(p99 / floor_p99, 2),
            ],
        ]
    server_report = "\n\n".join(server_reports)
    targets: list[list[object]] = []
    for size in (n for n in sizes if n >= 10_000):
        f = figures[size]
        for stat in ("p50", "p99"):
            ratio = f[f"search_{stat}"] / f[f"numba_kernel_{stat}"]
            targets.append(
                [
                    f"search() {stat} at {size:,} <= 3x bm25s-numba kernel",
                    f"{f[f'search_{stat}']:.3f} vs {f[f'numba_kernel_{stat}']:.3f} ms",
                    f"{ratio:.2f}x",
                    _verdict(ratio, 3),
                ]
            )
    if len(figures) > 1:
        small, large = min(figures), max(figures)
        growth = figures[large]["search_p99"] / figures[small]["search_p99"]
        targets.append(
            [
                f"search() p99({large:,}) / p99({small:,}) <= 5",
                f"{figures[large]['search_p99']:.3f} / {figures[small]['search_p99']:.3f} ms",
                f"{growth:.2f}",
                _verdict(growth, 5),
            ]
        )
    targets += [
        [
            "CLI batch: per question beyond start-up <= 0.5 ms",
            f"{cli_figures['per_question_ms']:.3f} ms",
            "-",
            _verdict(cli_figures["per_question_ms"], 0.5),
        ],
        [
            "`peerbot ask` start <= 0.7x `import slack_bolt, rank_bm25`",
            f"{cli_figures['ask_ms']:.0f} vs {cli_figures['imports_ms']:.0f} ms",
            f"{cli_figures['ratio']:.2f}x",
            _verdict(cli_figures["ratio"], 0.7),
        ],
        [
            "cold build at 10,000 <= 3x rank-bm25 (stemming + BM25Okapi)",
            "see the cold build table",
            f"{build_ratio:.2f}x",
            _verdict(build_ratio, 3),
        ],
    ]
    targets += server_targets
    sections = [
        "# peerbot performance report",
        "",
        header,
        "",
        "## Targets (issue 12)",
        "",
        markdown_table(["target", "measured", "ratio", ""], targets),
        "",
        "## Retrieval: kernel and whole search() path (`retrieval.py`)",
        "",
        retrieval_table,
        "",
        "## Cold build at 10,000 snippets (`build.py`)",
        "",
        build_table,
        "",
        "## CLI start-up and batch cost, real knowledge base (`cli.py`)",
        "",
        cli_table,
        "",
        "## Server against the bare Bolt floor, HTTP mode (`end_to_end.py`)",
        "",
        server_report,
        "",
    ]
    report = "\n".join(sections)
    print(report)
    if args.output:
        args.output.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
