"""Query latency, build time and memory: plain rank-bm25, peerbot's PostingsBM25, and bm25s.

    python benchmarks/retrieval.py                       # N = 1,000 / 10,000 / 100,000
    python benchmarks/retrieval.py --sizes 1000,10000 --queries 500

Every engine gets the same pre-tokenized synthetic corpus and queries (`corpora.py`) and returns
the top 5 documents. "plain" is what rank-bm25 offers: `get_scores` followed by the argsort of
`get_top_n`. "peerbot" is `PostingsBM25.top_k`. "bm25s" (only if installed: `pip install -e
'.[bench]'`) is `BM25(method="robertson").get_scores` followed by `bm25s.selection.topk` (numpy
backend): its lowest-level single-query path, with Robertson's idf, which equals rank-bm25's
when no term is in more than half the documents (true of these corpora).

Each engine runs in its own process. Memory columns: "base" is that process with Python, numpy
and the generated corpus, before building; "peak" its high-water mark (corpus + build); "served"
its resident size while answering queries, after the tokenized corpus has been dropped.
"top-5 agree" compares each query's top 5 with rank-bm25's (ties broken by lower id), over the
queries plain rank-bm25 ran; "score err" is the largest relative difference between the top-5
scores and rank-bm25's.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from corpora import SyntheticCorpus
from harness import (
    emit,
    machine,
    markdown_table,
    peak_rss_mb,
    percentile,
    release_memory,
    rss_mb,
    run_worker,
    timed,
)

K = 5
WARMUP = 30
SCRIPT = Path(__file__).resolve()

Top = tuple[list[int], list[float]]
Search = Callable[[list[str]], Any]


def plain_query_count(size: int, wanted: int) -> int:
    """Plain rank-bm25 is O(N) per query: fewer queries for large N (50 at 100,000)."""
    return min(wanted, max(50, 2_000_000 // size))


def build_plain(corpus: list[list[str]]) -> tuple[Search, Callable[[Any], Top]]:
    from rank_bm25 import BM25Okapi

    model = BM25Okapi(corpus)

    def search(query: list[str]) -> Any:
        scores = model.get_scores(query)
        return scores, np.argsort(scores)[::-1][:K]  # rank_bm25.BM25.get_top_n

    def describe(result: Any) -> Top:
        scores = result[0]
        order = np.argsort(-scores, kind="stable")[:K]  # the reference: ties by lower id
        return order.tolist(), scores[order].tolist()

    return search, describe


def build_peerbot(corpus: list[list[str]]) -> tuple[Search, Callable[[Any], Top]]:
    from bot.bm25 import PostingsBM25

    engine = PostingsBM25.fit(corpus)

    def search(query: list[str]) -> Any:
        return engine.top_k(query, K)

    def describe(result: Any) -> Top:
        return [doc for doc, _ in result], [score for _, score in result]

    return search, describe


def _describe_bm25s(scores: Any, ids: Any) -> Top:
    # Robertson's term-frequency part lacks rank-bm25's constant factor (k1 + 1 = 2.5).
    return [int(i) for i in ids], [float(score) * 2.5 for score in scores]


def build_bm25s(corpus: list[list[str]]) -> tuple[Search, Callable[[Any], Top]]:
    import bm25s  # type: ignore[import-untyped]
    from bm25s import selection

    retriever = bm25s.BM25(method="robertson", k1=1.5, b=0.75, backend="numpy")
    retriever.index(corpus, show_progress=False)

    def search(query: list[str]) -> Any:
        scores = retriever.get_scores(query)
        return selection.topk(scores, k=K, backend="numpy", sorted=True)

    def describe(result: Any) -> Top:
        scores, ids = result
        return _describe_bm25s(scores, ids)

    return search, describe


def build_bm25s_numba(corpus: list[list[str]]) -> tuple[Search, Callable[[Any], Top]]:
    import bm25s

    retriever = bm25s.BM25(method="robertson", k1=1.5, b=0.75, backend="numba")
    retriever.index(corpus, show_progress=False)

    def search(query: list[str]) -> Any:
        return retriever.retrieve([query], k=K, show_progress=False, n_threads=1)

    def describe(result: Any) -> Top:
        ids, scores = result
        return _describe_bm25s(scores[0], ids[0])

    return search, describe


BUILDERS = {
    "plain": build_plain,
    "peerbot": build_peerbot,
    "bm25s": build_bm25s,
    "bm25s-numba": build_bm25s_numba,
}


def worker(engine: str, size: int, count: int) -> None:
    """Build one engine on the N-snippet corpus, time `count` queries, print JSON."""
    corpus = SyntheticCorpus(size)
    queries = corpus.queries(count + WARMUP)
    documents = corpus.documents
    del corpus
    release_memory()
    base = rss_mb()
    start = time.perf_counter()
    search, describe = BUILDERS[engine](documents)
    build = time.perf_counter() - start
    del documents
    release_memory()
    times, results = timed(search, queries[WARMUP:], warmup=queries[:WARMUP])
    tops = [describe(result) for result in results]
    emit(
        {
            "engine": engine,
            "size": size,
            "build_s": build,
            "times_ms": times,
            "base_mb": base,
            "peak_mb": peak_rss_mb(),
            "served_mb": rss_mb(),
            "top_ids": [ids for ids, _ in tops],
            "top_scores": [scores for _, scores in tops],
        }
    )


def agreement(result: dict[str, Any], reference: dict[str, Any]) -> tuple[float, float]:
    """(mean share of rank-bm25's top 5 found, max relative top-5 score difference)."""
    shared = min(len(result["top_ids"]), len(reference["top_ids"]))
    found, worst = 0, 0.0
    for ours, theirs, our_scores, their_scores in zip(
        result["top_ids"][:shared],
        reference["top_ids"][:shared],
        result["top_scores"][:shared],
        reference["top_scores"][:shared],
        strict=True,
    ):
        found += len(set(ours) & set(theirs))
        if their_scores:
            a, b = np.asarray(our_scores), np.asarray(their_scores)
            worst = max(worst, float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300))))
    return found / (K * shared), worst


def available(module: str) -> bool:
    """Whether an optional engine's package is installed."""
    return importlib.util.find_spec(module) is not None


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=2000, help="queries per fast engine")
    parser.add_argument("--worker", nargs=3, metavar=("ENGINE", "N", "QUERIES"))
    args = parser.parse_args(argv)
    if args.worker:
        engine, size, count = args.worker
        worker(engine, int(size), int(count))
        return
    engines = ["plain", "peerbot"]
    if available("bm25s"):
        engines += ["bm25s"] + (["bm25s-numba"] if available("numba") else [])
    print(f"# retrieval benchmark: {machine()}", flush=True)
    rows: list[list[object]] = []
    checks: list[list[object]] = []
    for size in (int(text) for text in args.sizes.split(",")):
        results: dict[str, dict[str, Any]] = {}
        for engine in engines:
            count = plain_query_count(size, args.queries) if engine == "plain" else args.queries
            print(f"  N={size:,} {engine}: {count} queries ...", file=sys.stderr, flush=True)
            results[engine] = run_worker(SCRIPT, [engine, str(size), str(count)])
        plain_p50 = percentile(results["plain"]["times_ms"], 50)
        for engine, result in results.items():
            p50 = percentile(result["times_ms"], 50)
            agree, error = agreement(result, results["plain"])
            rows.append(
                [
                    f"{size:,}",
                    engine,
                    f"{result['build_s']:.2f}",
                    len(result["times_ms"]),
                    f"{p50:.3f}",
                    f"{percentile(result['times_ms'], 99):.3f}",
                    f"{result['base_mb']:.0f}",
                    f"{result['peak_mb']:.0f}",
                    f"{result['served_mb']:.0f}",
                    f"{100 * agree:.1f}%",
                    f"{error:.1e}",
                    f"{plain_p50 / p50:.0f}x",
                ]
            )
        ours = results["peerbot"]["times_ms"]
        check: list[object] = [f"{size:,}", f"{plain_p50 / percentile(ours, 50):.0f}x"]
        for name in ("bm25s", "bm25s-numba"):
            if name in results:
                theirs = results[name]["times_ms"]
                check += [
                    f"{percentile(ours, 50) / percentile(theirs, 50):.2f}",
                    f"{percentile(ours, 99):.3f} / {percentile(theirs, 99):.3f}",
                ]
            else:
                check += ["n/a", "n/a"]
        checks.append(check)
    print()
    print(
        markdown_table(
            [
                "N",
                "engine",
                "build s",
                "queries",
                "p50 ms",
                "p99 ms",
                "base MB",
                "peak RSS MB",
                "served RSS MB",
                "top-5 agree",
                "score err",
                "p50 speed-up vs plain",
            ],
            rows,
        )
    )
    print()
    print(
        markdown_table(
            [
                "N",
                "peerbot p50 speed-up vs plain",
                "peerbot p50 / bm25s p50",
                "p99 ms peerbot / bm25s",
                "peerbot p50 / bm25s-numba p50",
                "p99 ms peerbot / bm25s-numba",
            ],
            checks,
        )
    )


if __name__ == "__main__":
    main()
