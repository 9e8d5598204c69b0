"""Per-question cost of the whole answer path: `SnippetIndex.search`, not only BM25.

    python benchmarks/questions.py                       # real KB and a 10,000-snippet one
    python benchmarks/questions.py --snippets 2000 --queries 500

`retrieval.py` times the BM25 engine on pre-tokenized queries; a staff question also pays for
reading the question (chatter, shorthand, phrases, typo correction), the coverage check and the
answer/partial/decline decision. This script times `search()` end to end, in one process, on:

- the real knowledge base, with the development questions (plain and chatty) as the workload:
  once on a fresh index (first pass, which also computes per-snippet facts on first use) and
  then repeatedly after one warm-up pass (steady state);
- a synthetic knowledge base (`corpora.write_knowledge_base`) with questions built from its
  query stream, each wrapped in Slack-style chatter, so the cost of reading a long message over a
  large vocabulary shows up.

Nothing here asserts a time; it prints a Markdown table to compare before and after a change.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from pathlib import Path

from corpora import SyntheticCorpus, write_knowledge_base
from harness import REPO, machine, markdown_table, percentile, timed

from bot.index import SnippetIndex
from bot.knowledge import load_knowledge
from bot.yamlfile import read_yaml

WARMUP = 20
_WRAPPERS = (
    "{q}",
    "quick q: {q}?",
    "hey all, {q}? need it for a grant app, thx",
    "sorry if this was asked before - {q}? my supervisor keeps asking and i never remember",
    "{q} (asking for our board deck tomorrow)",
)


def _dev_questions() -> list[str]:
    data, _ = read_yaml(REPO / "tests" / "data" / "questions-dev.yaml", "questions-dev.yaml")
    questions: list[str] = []
    for item in (data or {}).get("answerable") or []:
        questions.append(str(item["question"]))
    for item in (data or {}).get("unanswerable") or []:
        questions.append(str(item["question"] if isinstance(item, dict) else item))
    return questions


def _row(
    label: str, index: SnippetIndex, questions: Sequence[str], warmup: Sequence[str] | None = None
) -> list[object]:
    warmup = list(questions[:WARMUP]) if warmup is None else list(warmup)
    times, _ = timed(lambda question: index.search(question, k=3), questions, warmup=warmup)
    return [
        label,
        len(index.kb.snippets),
        len(questions),
        f"{percentile(times, 50):.3f}",
        f"{percentile(times, 99):.3f}",
        f"{sum(times) / len(times):.3f}",
    ]


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snippets", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5, help="passes over the dev questions")
    options = parser.parse_args(argv)

    rows: list[list[object]] = []
    kb = load_knowledge(REPO / "knowledge", REPO / "seeds")
    dev = _dev_questions()
    # First pass: a fresh index, so per-snippet facts computed on first use (answer types,
    # places, the frames of curated asks) are paid by the questions that first touch them.
    rows.append(_row("real KB, dev questions, first pass", SnippetIndex.build(kb), dev, []))
    real = SnippetIndex.build(kb)
    rows.append(_row("real KB, dev questions, steady", real, dev * options.repeat, dev))

    corpus = SyntheticCorpus(options.snippets)
    synthetic_questions = [
        _WRAPPERS[number % len(_WRAPPERS)].format(q=" ".join(words))
        for number, words in enumerate(corpus.queries(options.queries))
    ]
    with tempfile.TemporaryDirectory() as directory:
        knowledge, seeds = write_knowledge_base(Path(directory), options.snippets)
        synthetic = SnippetIndex.build(load_knowledge(knowledge, seeds))
    rows.append(_row("synthetic KB, chatty queries", synthetic, synthetic_questions))

    print(machine())
    print()
    print(
        markdown_table(
            ["workload", "snippets", "questions", "p50 ms", "p99 ms", "mean ms"],
            rows,
        )
    )


if __name__ == "__main__":
    main()
