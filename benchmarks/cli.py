"""The offline CLI: `peerbot ask` start-up against importing the Slack stack, and batch cost.

    python benchmarks/cli.py                # 21 interleaved runs of each command
    python benchmarks/cli.py --runs 11 --batch 400

Both on the real knowledge base with a warm index cache (a first `peerbot ask` writes it), and
with the package's bytecode compiled first (`compileall`), as an installed package has it.

- **start-up**: `peerbot ask "<question>"` (spawn, load the index from the cache, answer, exit)
  against `python -c "import slack_bolt, rank_bm25"` (just importing what a Slack BM25 bot
  would), and `python -c pass` for the interpreter alone. The commands are run in turn, so
  load drift on the machine touches each alike; medians are compared. Issue 12's target:
  `peerbot ask` <= 0.7x the import.
- **batch**: `peerbot ask --json -` reading `--batch` questions (the development questions,
  repeated) against the same command reading one; the difference over the extra questions is
  the cost of a question beyond start-up. Target: <= 0.5 ms. Beside it, in the benchmark's own
  process on the same questions, warm: `search()` alone and reading the question alone
  (`SnippetIndex.read`, its first step), so the output shows what reading costs of the budget.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import yaml
from harness import REPO, machine, markdown_table
from slack_fake import peerbot_command

QUESTION = "How many states certify peer specialists?"


def dev_questions() -> list[str]:
    """The development set's questions, answerable and unanswerable, one line each."""
    data = yaml.safe_load((REPO / "tests" / "data" / "questions-dev.yaml").read_text())
    found: list[str] = []
    for group in ("answerable", "unanswerable"):
        for item in data.get(group) or []:
            text = item.get("question") if isinstance(item, dict) else item
            if isinstance(text, str) and text.strip():
                found.append(" ".join(text.split()))
    return found


def environ_for(data_dir: Path, tree: Path = REPO) -> dict[str, str]:
    """This environment without Slack or peerbot settings, reading `tree`'s knowledge base and
    seeds and keeping its index cache in `data_dir`."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "PEERBOT_"))
    }
    environ.update(
        {
            "PEERBOT_KNOWLEDGE_DIR": str(tree / "knowledge"),
            "PEERBOT_SEEDS_DIR": str(tree / "seeds"),
            "PEERBOT_DATA_DIR": str(data_dir),
        }
    )
    return environ


def _seconds(
    command: Sequence[str], environ: dict[str, str], stdin: bytes | None = None
) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child: user + system) of one run of `command`.

    The CPU time does not count the time the child waited for a CPU, which on a shared
    machine is most of the run-to-run drift of the wall time.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command,
        input=stdin,
        env=environ,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def reading_share(
    questions: Sequence[str], environ: dict[str, str], passes: int
) -> tuple[float, float]:
    """(search() ms, read() ms) a question in this process, on the batch's questions: each pass
    times every question once, search() and read() passes alternated after one warm-up pass
    of each; the median pass of each. So both are warm (the batch itself reads each question
    once), and measured after the commands, not alternated with them. `read()`
    (`SnippetIndex.read`, the question as peerbot reads it) is the first step of `search()`:
    what reading costs of the per-question budget."""
    from bot.config import load_settings
    from bot.loader import load_index

    index = load_index(load_settings(environ))
    steps: dict[str, Callable[[str], object]] = {"search()": index.search, "read()": index.read}
    passes_ms: dict[str, list[float]] = {name: [] for name in steps}
    for number in range(passes + 1):
        for name, step in steps.items():
            start = time.perf_counter()
            for question in questions:
                step(question)
            if number:
                passes_ms[name].append(1000 * (time.perf_counter() - start) / len(questions))
    return statistics.median(passes_ms["search()"]), statistics.median(passes_ms["read()"])


def run_all(runs: int, batch: int) -> tuple[str, dict[str, float]]:
    """(Markdown, figures): start-up medians and ratio, and the per-question batch cost."""
    compileall.compile_dir(REPO / "bot", quiet=1)
    peerbot = peerbot_command()
    questions = dev_questions()
    many = "\n".join((questions * (batch // len(questions) + 1))[:batch]) + "\n"
    with tempfile.TemporaryDirectory(prefix="peerbot-cli-") as directory:
        environ = environ_for(Path(directory))
        _seconds([*peerbot, "ask", QUESTION], environ)  # writes the index cache
        commands: dict[str, tuple[list[str], bytes | None]] = {
            "python -c pass": ([sys.executable, "-c", "pass"], None),
            'python -c "import slack_bolt, rank_bm25"': (
                [sys.executable, "-c", "import slack_bolt, rank_bm25"],
                None,
            ),
            "peerbot ask QUESTION": ([*peerbot, "ask", QUESTION], None),
            "peerbot ask --json - (1 question)": (
                [*peerbot, "ask", "--json", "-"],
                (QUESTION + "\n").encode(),
            ),
            f"peerbot ask --json - ({batch} questions)": (
                [*peerbot, "ask", "--json", "-"],
                many.encode(),
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpu_times: dict[str, list[float]] = {name: [] for name in commands}
        for number in range(runs + 2):
            for name, (command, stdin) in commands.items():
                elapsed, cpu = _seconds(command, environ, stdin)
                if number >= 2:  # two untimed rounds: file caches warm for every command
                    times[name].append(elapsed)
                    cpu_times[name].append(cpu)
        search_ms, read_ms = reading_share(many.splitlines(), environ, passes=5)
    medians = {name: statistics.median(values) for name, values in times.items()}
    cpu_medians = {name: statistics.median(values) for name, values in cpu_times.items()}
    imports = medians['python -c "import slack_bolt, rank_bm25"']
    rows = [
        [f"`{name}`", len(values), f"{1000 * medians[name]:.1f}", f"{medians[name] / imports:.2f}x"]
        for name, values in times.items()
    ]
    one = medians["peerbot ask --json - (1 question)"]
    whole = medians[f"peerbot ask --json - ({batch} questions)"]
    per_question_ms = 1000 * (whole - one) / (batch - 1)
    cpu_one = cpu_medians["peerbot ask --json - (1 question)"]
    cpu_whole = cpu_medians[f"peerbot ask --json - ({batch} questions)"]
    per_question_cpu_ms = 1000 * (cpu_whole - cpu_one) / (batch - 1)
    figures = {
        "ask_ms": 1000 * medians["peerbot ask QUESTION"],
        "imports_ms": 1000 * imports,
        "ratio": medians["peerbot ask QUESTION"] / imports,
        "per_question_ms": per_question_ms,
        "per_question_cpu_ms": per_question_cpu_ms,
        "search_ms": search_ms,
        "read_ms": read_ms,
    }
    table = markdown_table(
        ["command", "runs", "median ms", "vs import slack_bolt, rank_bm25"], rows
    )
    note = (
        f"`peerbot ask` start / `import slack_bolt, rank_bm25` = {figures['ratio']:.2f}x "
        f"(target <= 0.7x). Batch: ({1000 * whole:.1f} - {1000 * one:.1f} ms) / {batch - 1} = "
        f"{per_question_ms:.3f} ms per question beyond start-up (target <= 0.5 ms). In CPU time "
        f"of the process (user + system, medians of the same runs): ({1000 * cpu_whole:.1f} - "
        f"{1000 * cpu_one:.1f} ms) / {batch - 1} = {per_question_cpu_ms:.3f} ms. In this "
        f"process, on the same questions warm (median of five passes): `search()` "
        f"{search_ms:.3f} ms a question, reading the question alone (`SnippetIndex.read`) "
        f"{read_ms:.3f} ms, {read_ms / 0.5:.0%} of the 0.5 ms budget."
    )
    return f"{table}\n\n{note}", figures


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args(argv)
    print(f"# CLI benchmark: {machine()}", flush=True)
    table, _ = run_all(args.runs, args.batch)
    print()
    print(table)


if __name__ == "__main__":
    main()
