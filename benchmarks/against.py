"""This checkout against another git ref (default `main`), side by side, for speed work.

    python benchmarks/against.py                      # real KB, 10,000 and 100,000 snippets, CLI
    python benchmarks/against.py --ref HEAD~3 --sizes 10000 --queries 500 --cli-runs 5

Speed work must not change an answer, and on a shared machine absolute figures drift by tens of
percent from one run to the next. So both trees run in one process (`search()`) or alternately
(the CLI), and every answer is compared:

- **search()**: the other ref's tree (`git archive REF`) and this one are imported into the same
  process as two copies of `bot` (each keeps its own module state), each builds its index of
  the same knowledge base, and each question is run on both in turn (which goes first
  alternates), after a warm-up pass. Real KB: every development and hostile question
  (`tests/golden_answers.py`), three passes, k = 3. Synthetic: `corpora.py`'s knowledge base
  and `retrieval.py`'s questions, k = 5. Every answer's JSON must be the same on both.
  Each call is timed in wall-clock and in the thread's CPU time (`time.thread_time_ns`): on a
  busy machine a wall-clock p99 is mostly the time a process waited for a CPU.
- **CLI**: `python -m bot ask --json -` with one question and with a batch of development and
  hostile questions, each tree in turn, each with its own warm index cache; the per-question
  cost beyond start-up is (batch - one) / (batch size - 1), as `cli.py` reports it, and the
  paired ratio is the median over runs of this tree's cost over the other's in the same round.
  Both trees' batch output must be byte for byte the same.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from corpora import SyntheticCorpus, write_knowledge_base
from harness import REPO, machine, markdown_table, percentile

WARMUP = 30


def _golden_questions() -> list[str]:
    sys.path.insert(0, str(REPO))
    try:
        from tests.golden_answers import golden_questions
    finally:
        sys.path.remove(str(REPO))
    questions = [" ".join(question.split()) for _, question in golden_questions()]
    return [question for question in questions if question]


def _import_bot(tree: Path) -> Callable[[dict[str, str]], Any]:
    """`load_index(load_settings(environ))` of the `bot` package in `tree`, imported afresh."""
    for name in [name for name in sys.modules if name == "bot" or name.startswith("bot.")]:
        del sys.modules[name]
    sys.path.insert(0, str(tree))
    try:
        import bot
        from bot.config import load_settings
        from bot.loader import load_index
    finally:
        sys.path.remove(str(tree))
    if not str(bot.__file__).startswith(str(tree)):
        raise RuntimeError(f"imported {bot.__file__}, not the tree in {tree}")
    return lambda environ: load_index(load_settings(environ))


def _indexes(trees: dict[str, Path], knowledge: Path, seeds: Path, data: Path) -> dict[str, Any]:
    return {
        name: _import_bot(tree)(
            {
                "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
                "PEERBOT_SEEDS_DIR": str(seeds),
                "PEERBOT_DATA_DIR": str(data),
                "PEERBOT_INDEX_CACHE": "false",
            }
        )
        for name, tree in trees.items()
    }


def compare_search(
    indexes: dict[str, Any], questions: Sequence[str], k: int, passes: int
) -> tuple[dict[str, list[float]], dict[str, list[float]], int]:
    """(wall-clock and thread CPU milliseconds per question per tree, answers differing), each
    question on both in turn. The CPU time leaves out the time a process waited preempted,
    which decides a wall-clock p99 on a busy machine."""
    names = list(indexes)
    for index in indexes.values():
        for question in questions[:WARMUP]:
            index.search(question, k=k)
    times: dict[str, list[float]] = {name: [] for name in names}
    cpu_times: dict[str, list[float]] = {name: [] for name in names}
    differing = 0
    clock, cpu_clock = time.perf_counter_ns, time.thread_time_ns
    gc.collect()
    gc.disable()
    try:
        for number in range(passes * len(questions)):
            question = questions[number % len(questions)]
            answers = {}
            for name in names if number % 2 else reversed(names):
                start, cpu_start = clock(), cpu_clock()
                answers[name] = indexes[name].search(question, k=k)
                cpu_times[name].append((cpu_clock() - cpu_start) / 1e6)
                times[name].append((clock() - start) / 1e6)
            if number < len(questions):
                first, *rest = (answers[name].to_json() for name in names)
                differing += any(other != first for other in rest)
            if number % 64 == 0:
                gc.collect()
    finally:
        gc.enable()
    return times, cpu_times, differing


def compare_cli(trees: dict[str, Path], runs: int, batch: int) -> tuple[dict[str, float], float]:
    """(median ms per question beyond start-up per tree, median paired ratio this / other)."""
    questions = _golden_questions()
    many = ("\n".join((questions * (batch // len(questions) + 1))[:batch]) + "\n").encode()
    one = (questions[0] + "\n").encode()
    costs: dict[str, list[float]] = {name: [] for name in trees}
    outputs: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory(prefix="peerbot-against-") as directory:
        environs = {}
        for name, tree in trees.items():
            environ = {
                key: value
                for key, value in os.environ.items()
                if not key.startswith(("SLACK_", "PEERBOT_"))
            }
            environ.update(
                PEERBOT_KNOWLEDGE_DIR=str(tree / "knowledge"),
                PEERBOT_SEEDS_DIR=str(tree / "seeds"),
                PEERBOT_DATA_DIR=str(Path(directory) / name),
            )
            environs[name] = environ
        for number in range(runs + 1):  # the first round writes the caches, untimed
            for name, tree in trees.items():
                elapsed = []
                for stdin in (one, many):
                    start = time.perf_counter()
                    completed = subprocess.run(
                        [sys.executable, "-m", "bot", "ask", "--json", "-"],
                        input=stdin,
                        env=environs[name],
                        cwd=tree,
                        capture_output=True,
                        check=True,
                    )
                    elapsed.append(time.perf_counter() - start)
                outputs[name] = completed.stdout
                if number:
                    costs[name].append(1000 * (elapsed[1] - elapsed[0]) / (batch - 1))
    if len(set(outputs.values())) != 1:
        raise SystemExit("the trees' `ask --json -` output differs")
    other, this = list(trees)
    ratio = statistics.median(b / a for a, b in zip(costs[other], costs[this], strict=True))
    return {name: statistics.median(values) for name, values in costs.items()}, ratio


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ref", default="main")
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=2000)
    parser.add_argument("--cli-runs", type=int, default=9)
    parser.add_argument("--batch", type=int, default=1000)
    args = parser.parse_args(argv)
    commit = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "--short", args.ref],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"# {args.ref} ({commit}) against this checkout: {machine()}", flush=True)
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory(prefix="peerbot-ref-") as directory:
        other = Path(directory) / "ref"
        other.mkdir()
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", args.ref], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(other)], input=archive, check=True)
        trees = {args.ref: other, "this": REPO}

        def row(
            label: str,
            times: dict[str, list[float]],
            cpu_times: dict[str, list[float]],
            differing: int,
            count: int,
        ) -> None:
            cells: list[object] = [label, count]
            for clock_times in (times, cpu_times):
                before, after = clock_times[args.ref], clock_times["this"]
                cells += [
                    f"{percentile(before, 50):.3f} / {percentile(before, 99):.3f}",
                    f"{percentile(after, 50):.3f} / {percentile(after, 99):.3f}",
                    f"{percentile(after, 50) / percentile(before, 50):.2f}",
                    f"{percentile(after, 99) / percentile(before, 99):.2f}",
                ]
            rows.append([*cells, differing])

        questions = _golden_questions()
        with tempfile.TemporaryDirectory() as data:
            indexes = _indexes(trees, REPO / "knowledge", REPO / "seeds", Path(data))
        times, cpu_times, differing = compare_search(indexes, questions, k=3, passes=3)
        row("real KB, dev + hostile questions", times, cpu_times, differing, len(questions))
        del indexes
        for size in (int(size) for size in args.sizes.split(",") if size):
            corpus = SyntheticCorpus(size)
            synthetic = [" ".join(words) + "?" for words in corpus.queries(args.queries)]
            del corpus
            with tempfile.TemporaryDirectory() as data:
                knowledge, seeds = write_knowledge_base(Path(data), size)
                indexes = _indexes(trees, knowledge, seeds, Path(data) / "data")
            times, cpu_times, differing = compare_search(indexes, synthetic, k=5, passes=1)
            row(f"{size:,} synthetic snippets", times, cpu_times, differing, len(synthetic))
            del indexes
            gc.collect()
        print(
            markdown_table(
                [
                    "search() workload",
                    "questions",
                    f"{args.ref} p50 / p99 ms",
                    "this p50 / p99 ms",
                    "p50 ratio",
                    "p99 ratio",
                    f"CPU: {args.ref} p50 / p99 ms",
                    "CPU: this p50 / p99 ms",
                    "CPU p50 ratio",
                    "CPU p99 ratio",
                    "answers differing",
                ],
                rows,
            )
        )
        if args.cli_runs:
            medians, ratio = compare_cli(trees, args.cli_runs, args.batch)
            print(
                f"\n`python -m bot ask --json -`, {args.batch} dev + hostile questions against one,"
                f" {args.cli_runs} alternated runs: {medians['this']:.3f} ms a question beyond"
                f" start-up here, {medians[args.ref]:.3f} ms on {args.ref} (median paired ratio"
                f" {ratio:.2f}); output identical."
            )


if __name__ == "__main__":
    main()
