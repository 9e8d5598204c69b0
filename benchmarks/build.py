"""Cold build, phase by phase, beside rank-bm25's own build of the same corpus.

    python benchmarks/build.py                  # 10,000 synthetic snippets, median of 3 runs
    python benchmarks/build.py --snippets 2000 --runs 5

A cold start (`peerbot ask` or `serve` with no index cache) hashes the knowledge files for the
cache key, reads and validates the YAML (every quote checked against its seed), tokenizes and
stems every snippet, fits BM25, builds the query-side structures (`SnippetIndex(...)`: phrases,
typo-correction vocabulary) and writes the cache. Each phase is timed on its own, in one worker
process per run, and the median of each over the runs is reported.

The reference is what rank-bm25 needs for the same corpus when the text is already split into
words: stemming every token with the same Snowball stemmer (PyStemmer's `stemWords`), then
`BM25Okapi(corpus)`. Issue 12's target: peerbot's whole cold build <= 3x that.

peerbot's phases run with the cyclic garbage collector paused, as `bot.loader.load_index`
runs a build. The reference is timed twice in each worker: as rank-bm25's users run it
(collector on: the target's reference) and with the collector paused too (like for like,
since the same pause would speed it up); both ratios are printed.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from corpora import write_knowledge_base
from harness import emit, machine, markdown_table, run_worker

SCRIPT = Path(__file__).resolve()
PHASES = (
    "cache key",
    "read + validate YAML",
    "tokenize + stem",
    "fit BM25",
    "SnippetIndex(...)",
    "write cache",
)
REFERENCE = ("stem every token", "BM25Okapi(corpus)")


def worker(size: int) -> None:
    """Time each phase of one cold build and of the reference, print JSON."""
    import Stemmer
    from rank_bm25 import BM25Okapi

    from bot.bm25 import PostingsBM25
    from bot.cache import cache_key, write_cache
    from bot.index import SnippetIndex, document_words, passage_text_terms, surface_vocabulary
    from bot.knowledge import load_knowledge
    from bot.loader import collector_paused
    from bot.tokenize import terms, words

    with tempfile.TemporaryDirectory(prefix="peerbot-build-") as directory, collector_paused():
        root = Path(directory)
        knowledge, seeds = write_knowledge_base(root, size)
        gc.collect()
        clock = time.perf_counter
        phases: dict[str, float] = {}
        start = clock()
        key = cache_key(knowledge, seeds)
        phases["cache key"] = clock() - start
        start = clock()
        kb = load_knowledge(knowledge, seeds)
        phases["read + validate YAML"] = clock() - start
        start = clock()
        # As SnippetIndex.build does: each passage split into words once, for its terms here
        # and for the typo-correction vocabulary in SnippetIndex(...).
        split = document_words(kb)
        tokens = [terms(found) for found in split]
        phases["tokenize + stem"] = clock() - start
        start = clock()
        engine, numbers = PostingsBM25.fit_numbered(tokens)
        phases["fit BM25"] = clock() - start
        start = clock()
        index = SnippetIndex(
            kb,
            engine,
            surface=surface_vocabulary(split, engine.vocabulary),
            text_terms=passage_text_terms(kb, tokens, engine, numbers),
        )
        phases["SnippetIndex(...)"] = clock() - start
        start = clock()
        write_cache(root / "data", key, index)
        phases["write cache"] = clock() - start
        # The reference gets each snippet's words already split (not timed), as rank-bm25
        # expects; peerbot also indexes topic and role labels, so its corpus is a little larger.
        split = [words(snippet.text) for snippet in kb.snippets]
        del kb, index, tokens, engine, numbers
        stemmer = Stemmer.Stemmer("english")
        references: dict[str, dict[str, float]] = {}
        for kind in ("reference", "paused"):
            if kind == "reference":
                gc.enable()
            gc.collect()
            start = clock()
            stemmed = [stemmer.stemWords(document) for document in split]
            reference = {"stem every token": clock() - start}
            start = clock()
            BM25Okapi(stemmed)
            reference["BM25Okapi(corpus)"] = clock() - start
            references[kind] = reference
            gc.disable()
            del stemmed
    emit({"size": size, "phases": phases, **references})


def run_all(size: int, runs: int) -> tuple[str, float]:
    """(Markdown, ratio of peerbot's cold build to the reference), medians over `runs`."""
    results = []
    for number in range(runs):
        print(f"  cold build N={size:,}: run {number + 1}/{runs} ...", file=sys.stderr, flush=True)
        results.append(run_worker(SCRIPT, [str(size)]))

    def median(group: str, name: str) -> float:
        return statistics.median(result[group][name] for result in results)

    ours = {name: median("phases", name) for name in PHASES}
    theirs = {name: median("reference", name) for name in REFERENCE}
    paused = {name: median("paused", name) for name in REFERENCE}
    total, reference = sum(ours.values()), sum(theirs.values())
    like_for_like = sum(paused.values())
    rows: list[list[object]] = [
        ["peerbot", name, f"{seconds:.3f}", f"{100 * seconds / total:.0f}%"]
        for name, seconds in ours.items()
    ]
    rows.append(["peerbot", "**cold build**", f"{total:.3f}", "100%"])
    rows += [
        ["rank-bm25", name, f"{seconds:.3f}", f"{100 * seconds / reference:.0f}%"]
        for name, seconds in theirs.items()
    ]
    rows.append(["rank-bm25", "**reference**", f"{reference:.3f}", "100%"])
    rows += [
        [
            "rank-bm25, collector paused",
            name,
            f"{seconds:.3f}",
            f"{100 * seconds / like_for_like:.0f}%",
        ]
        for name, seconds in paused.items()
    ]
    rows.append(["rank-bm25, collector paused", "**reference**", f"{like_for_like:.3f}", "100%"])
    ratio = total / reference
    table = markdown_table(["", "phase", "median s", "share"], rows)
    note = (
        f"{size:,} synthetic snippets, median of {runs} runs: cold build / reference = "
        f"{ratio:.2f}x (issue 12's target: <= 3x); against the reference with the collector "
        f"paused too (like for like), {total / like_for_like:.2f}x."
    )
    return f"{table}\n\n{note}", ratio


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--snippets", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--worker", nargs=1, metavar="N")
    args = parser.parse_args(argv)
    if args.worker:
        worker(int(args.worker[0]))
        return
    print(f"# cold build benchmark: {machine()}", flush=True)
    table, _ = run_all(args.snippets, args.runs)
    print()
    print(table)


if __name__ == "__main__":
    main()
