"""Per-question CPU cost of `search()` in this checkout beside another checkout whose answers
may differ (an earlier design, not a refactor), side by side on the same questions.

    python benchmarks/cost_against_tree.py --tree ../peerbot-at-893a7d1   # issue 9's start
    python benchmarks/cost_against_tree.py --tree ../other --rounds 3 --passes 5

`against.py` compares two trees that must give the same answers; issue 9's budget ("per-question
cost within 2x of today's") compares the present answer path with the one before issue 9, which
answers differently. Each tree runs in its own process (its own `bot`, its own knowledge base and
index cache), alternately, on this checkout's development questions: one warm-up pass, then
`--passes` timed passes in the process's CPU time (`time.process_time`), the median pass per
process. The ratio is this tree's median over the other's in the same round; nothing asserts a
time.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from cli import dev_questions, environ_for
from harness import REPO, machine, markdown_table

# Run inside the tree measured, as its own `bot`: load its index as `peerbot ask` does, answer
# every question once, then time `passes` passes. (An older tree's `load_settings` takes no
# environment argument.)
_WORKER = """
import gc, json, statistics, sys, time
from bot.config import load_settings
try:
    from bot.config import environment
    settings = load_settings(environment())
except ImportError:
    settings = load_settings()
from bot.loader import load_index
questions = json.load(open(sys.argv[1]))
passes = int(sys.argv[2])
index = load_index(settings)
for question in questions:
    index.search(question, k=3)
gc.freeze()
times = []
for _ in range(passes):
    start = time.process_time()
    for question in questions:
        index.search(question, k=3)
    times.append((time.process_time() - start) / len(questions) * 1000)
print(json.dumps(statistics.median(times)))
"""


def _cost(tree: Path, questions: Path, passes: int, data_dir: Path) -> float:
    """The median CPU ms per question of `passes` passes, in a process run inside `tree` (its
    index cache kept in `data_dir`)."""
    done = subprocess.run(
        [sys.executable, "-c", _WORKER, str(questions), str(passes)],
        cwd=tree,
        env={**environ_for(data_dir, tree), "PYTHONPATH": str(tree)},
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", type=Path, required=True, help="the other checkout")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    questions = dev_questions()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "questions.json"
        path.write_text(json.dumps(questions))
        rows = []
        ratios = []
        for number in range(1, args.rounds + 1):
            other = _cost(args.tree.resolve(), path, args.passes, Path(scratch) / "other")
            this = _cost(REPO, path, args.passes, Path(scratch) / "this")
            ratios.append(this / other)
            rows.append([str(number), f"{other:.3f}", f"{this:.3f}", f"{this / other:.2f}x"])
    print(f"# search() per question, CPU time: {machine()}; {len(questions)} dev questions\n")
    print(markdown_table(["round", "other tree ms", "this tree ms", "this / other"], rows))
    print(f"\nMedian ratio this / other: {statistics.median(ratios):.2f}x")


if __name__ == "__main__":
    main()
