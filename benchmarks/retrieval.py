"""Retrieval side by side: the BM25 kernel and the whole `search()` path, every engine, one run.

    python benchmarks/retrieval.py                       # N = 1,000 / 10,000 / 100,000
    python benchmarks/retrieval.py --sizes 1000,10000 --queries 500

For each corpus size one worker process builds every engine on the same synthetic corpus
(`corpora.py`), then times them *interleaved*: each query is run on every engine in turn before
the next query, so load drift on a shared machine touches all engines alike and their ratios
stay fair (absolute figures move from run to run; ratios are what to read).

Two paths per engine, top 5 each:

- **kernel**: pre-tokenized query terms in, the 5 best document ids out. *plain* is rank-bm25 as
  documented (`get_scores` + the argsort of `get_top_n`); *peerbot* is `PostingsBM25.top_k`;
  *bm25s* is `BM25(method="robertson")` with its numpy backend (`get_scores` +
  `selection.topk`), *bm25s-numba* the same index with `backend="numba"` and
  `retrieve(n_threads=1)`; *tantivy* (PyPI `tantivy`, if installed) runs a pre-parsed query.
- **read()** (*peerbot* only): `SnippetIndex.read`, the question's text in, the question as
  peerbot reads it out (spelling, the ask among its chatter, frame, places): the first step of
  its `search()`, timed on its own, just after that search, so the table shows what reading
  costs beside the kernel.
- **search()**: the question's text in, results out, with each engine's own query analysis:
  *peerbot* is `SnippetIndex.search` (tokenizing, stemming, typo correction, phrases, coverage,
  the answer/decline decision and citations) over the corpus written out as a knowledge base;
  *plain* is peerbot's `tokenize()` + rank-bm25; *bm25s* / *bm25s-numba* are `bm25s.tokenize`
  with the same Snowball stemmer + `retrieve`; *tantivy* parses the text with its `en_stem`
  analyzer and searches. These engines index the documents' text, stemmed; the kernels index
  the raw terms.

"agree" is the share of plain rank-bm25's kernel top 5 (ties broken by lower id) that an engine's
kernel returned; "score err" the largest relative difference of those scores (bm25s scores in
float32; tantivy's BM25 differs by design, so it is not compared). The ratios are each path's
p50 and p99 over bm25s-numba's *kernel* p50 and p99 at the same N (issue 12's target for the
whole path: within 3x at 10,000 and 100,000 snippets).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from corpora import SyntheticCorpus, write_knowledge_base
from harness import emit, machine, markdown_table, peak_rss_mb, percentile, run_worker

K = 5
WARMUP = 30
SCRIPT = Path(__file__).resolve()

Top = tuple[list[int], list[float]]
Run = Callable[[Any], Any]


def plain_stride(size: int) -> int:
    """Plain rank-bm25 is O(N) per query: it runs every `stride`-th query (50 at 100,000)."""
    return max(1, size // 2_000) if size > 2_000 else 1


# --- engines: each returns {path: (run, describe)} ----------------------------------------------


def _ranked(scores: Any) -> Top:
    order = np.argsort(-scores, kind="stable")[:K]  # the reference: ties by lower id
    return order.tolist(), scores[order].tolist()


def build_plain(documents: list[list[str]], texts: list[str]) -> dict[str, tuple[Run, Any]]:
    from rank_bm25 import BM25Okapi

    from bot.tokenize import tokenize

    kernel = BM25Okapi(documents)
    whole = BM25Okapi([tokenize(text) for text in texts])

    def run_kernel(query: list[str]) -> Any:
        scores = kernel.get_scores(query)
        return scores, np.argsort(scores)[::-1][:K]  # rank_bm25.BM25.get_top_n

    def run_search(text: str) -> Any:
        scores = whole.get_scores(tokenize(text))
        return scores, np.argsort(scores)[::-1][:K]

    return {"kernel": (run_kernel, lambda r: _ranked(r[0])), "search()": (run_search, None)}


def build_peerbot(documents: list[list[str]], texts: list[str]) -> dict[str, tuple[Run, Any]]:
    from bot.bm25 import PostingsBM25
    from bot.config import load_settings
    from bot.loader import load_index

    engine = PostingsBM25.fit(documents)
    with tempfile.TemporaryDirectory(prefix="peerbot-retrieval-") as directory:
        knowledge, seeds = write_knowledge_base(Path(directory), len(documents))
        settings = load_settings(
            {
                "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
                "PEERBOT_SEEDS_DIR": str(seeds),
                "PEERBOT_DATA_DIR": str(Path(directory) / "data"),
                "PEERBOT_INDEX_CACHE": "false",
            }
        )
        index = load_index(settings)

    def run_kernel(query: list[str]) -> Any:
        return engine.top_k(query, K)

    def describe(result: Any) -> Top:
        return [doc for doc, _ in result], [score for _, score in result]

    def run_search(text: str) -> Any:
        return index.search(text, k=K)

    return {
        "kernel": (run_kernel, describe),
        "search()": (run_search, None),
        # After search() on the same text: anything search() left in a cache serves read()
        # (a lower bound), and nothing read() leaves serves the search() timed beside it.
        "read()": (index.read, None),
    }


def _bm25s_top(scores: Any, ids: Any) -> Top:
    # Robertson's term-frequency part lacks rank-bm25's constant factor (k1 + 1 = 2.5).
    return [int(i) for i in ids], [float(score) * 2.5 for score in scores]


def _bm25s(
    documents: list[list[str]], texts: list[str], backend: str
) -> dict[str, tuple[Run, Any]]:
    import bm25s  # type: ignore[import-untyped]
    import Stemmer
    from bm25s import selection

    kernel = bm25s.BM25(method="robertson", k1=1.5, b=0.75, backend=backend)
    kernel.index(documents, show_progress=False)
    stemmer = Stemmer.Stemmer("english")
    whole = bm25s.BM25(method="robertson", k1=1.5, b=0.75, backend=backend)
    whole.index(
        bm25s.tokenize(texts, stopwords="en", stemmer=stemmer, show_progress=False),
        show_progress=False,
    )

    def analyse(text: str) -> Any:
        return bm25s.tokenize(
            text, stopwords="en", stemmer=stemmer, return_ids=False, show_progress=False
        )

    if backend == "numba":

        def run_kernel(query: list[str]) -> Any:
            return kernel.retrieve([query], k=K, show_progress=False, n_threads=1)

        def describe(result: Any) -> Top:
            ids, scores = result
            return _bm25s_top(scores[0], ids[0])

    else:

        def run_kernel(query: list[str]) -> Any:
            return selection.topk(kernel.get_scores(query), k=K, backend="numpy", sorted=True)

        def describe(result: Any) -> Top:
            scores, ids = result
            return _bm25s_top(scores, ids)

    def run_search(text: str) -> Any:
        return whole.retrieve(analyse(text), k=K, show_progress=False, n_threads=1)

    return {"kernel": (run_kernel, describe), "search()": (run_search, None)}


def build_bm25s(documents: list[list[str]], texts: list[str]) -> dict[str, tuple[Run, Any]]:
    return _bm25s(documents, texts, "numpy")


def build_bm25s_numba(documents: list[list[str]], texts: list[str]) -> dict[str, tuple[Run, Any]]:
    return _bm25s(documents, texts, "numba")


def build_tantivy(documents: list[list[str]], texts: list[str]) -> dict[str, tuple[Run, Any]]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("body", stored=False, tokenizer_name="en_stem")
    builder.add_unsigned_field("id", stored=True)
    index = tantivy.Index(builder.build())
    writer = index.writer(heap_size=200_000_000, num_threads=1)
    for number, text in enumerate(texts):
        document = tantivy.Document()
        document.add_text("body", text)
        document.add_unsigned("id", number)
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    searcher = index.searcher()

    def run_kernel(query: Any) -> Any:
        return searcher.search(query, K, count=False).hits

    def run_search(text: str) -> Any:
        return searcher.search(index.parse_query(text, ["body"]), K, count=False).hits

    def prepare(query: list[str]) -> Any:
        return index.parse_query(" ".join(query), ["body"])

    return {
        "kernel": (run_kernel, None),
        "search()": (run_search, None),
        "prepare": (prepare, None),
    }


BUILDERS: dict[str, Callable[[list[list[str]], list[str]], dict[str, tuple[Run, Any]]]] = {
    "plain": build_plain,
    "peerbot": build_peerbot,
    "bm25s": build_bm25s,
    "bm25s-numba": build_bm25s_numba,
    "tantivy": build_tantivy,
}


def available_engines() -> list[str]:
    """The engines whose packages are installed (rank-bm25 and peerbot always are)."""
    engines = ["plain", "peerbot"]
    if importlib.util.find_spec("bm25s") is not None:
        engines.append("bm25s")
        if importlib.util.find_spec("numba") is not None:
            engines.append("bm25s-numba")
    if importlib.util.find_spec("tantivy") is not None:
        engines.append("tantivy")
    return engines


def worker(size: int, count: int, engines: Sequence[str]) -> None:
    """Build every engine on one corpus, time all paths interleaved, print JSON."""
    corpus = SyntheticCorpus(size)
    queries = corpus.queries(count + WARMUP)
    texts = [" ".join(words).capitalize() + "." for words in corpus.documents]
    documents = corpus.documents
    question_texts = [" ".join(words) + "?" for words in queries]
    built: dict[str, dict[str, tuple[Run, Any]]] = {}
    build_s: dict[str, float] = {}
    for engine in engines:
        start = time.perf_counter()
        built[engine] = BUILDERS[engine](documents, texts)
        build_s[engine] = time.perf_counter() - start
        print(f"    N={size:,} {engine} built in {build_s[engine]:.1f} s", file=sys.stderr)
    del corpus, documents, texts
    gc.collect()
    stride = plain_stride(size)
    prepared = {}
    if "tantivy" in built:
        prepare = built["tantivy"].pop("prepare")[0]
        prepared = {number: prepare(query) for number, query in enumerate(queries)}
    times: dict[str, dict[str, list[float]]] = {e: {p: [] for p in built[e]} for e in built}
    cpu_times: dict[str, dict[str, list[float]]] = {e: {p: [] for p in built[e]} for e in built}
    results: dict[str, list[Any]] = {e: [] for e in built}
    clock, cpu_clock = time.perf_counter_ns, time.thread_time_ns
    gc.disable()
    try:
        for number, (query, text) in enumerate(zip(queries, question_texts, strict=True)):
            timed = number >= WARMUP
            for engine, paths in built.items():
                if engine == "plain" and number % stride:
                    continue
                for path, (run, _) in paths.items():
                    argument: Any = query if path == "kernel" else text
                    if engine == "tantivy" and path == "kernel":
                        argument = prepared[number]
                    cpu_start = cpu_clock()
                    start = clock()
                    result = run(argument)
                    elapsed = (clock() - start) / 1e6
                    cpu = (cpu_clock() - cpu_start) / 1e6
                    if timed:
                        times[engine][path].append(elapsed)
                        cpu_times[engine][path].append(cpu)
                        if path == "kernel":
                            results[engine].append((number, result))
            if number % 64 == 0:
                gc.collect()
    finally:
        gc.enable()
    tops: dict[str, dict[int, Top]] = {}
    for engine, paths in built.items():
        describe = paths["kernel"][1]
        if describe is not None:
            tops[engine] = {number: describe(result) for number, result in results[engine]}
    emit(
        {
            "size": size,
            "build_s": build_s,
            "times_ms": times,
            "cpu_ms": cpu_times,
            "tops": {e: {str(n): list(t) for n, t in v.items()} for e, v in tops.items()},
            "peak_mb": peak_rss_mb(),
        }
    )


def agreement(ours: dict[str, Any], reference: dict[str, Any]) -> tuple[float, float]:
    """(mean share of rank-bm25's top 5 found, max relative top-5 score difference)."""
    found, worst, compared = 0, 0.0, 0
    for number, (their_ids, their_scores) in reference.items():
        if number not in ours:
            continue
        our_ids, our_scores = ours[number]
        compared += 1
        found += len(set(our_ids) & set(their_ids))
        if their_scores:
            a, b = np.asarray(our_scores), np.asarray(their_scores)
            worst = max(worst, float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-300))))
    return (found / (K * compared) if compared else float("nan")), worst


def rows_for(result: dict[str, Any]) -> tuple[list[list[object]], dict[str, float]]:
    """Table rows for one corpus size, and the figures the targets are checked against."""
    size = result["size"]
    times = result["times_ms"]
    reference = times.get("bm25s-numba", {}).get("kernel") or times["peerbot"]["kernel"]
    ref_p50, ref_p99 = percentile(reference, 50), percentile(reference, 99)
    rows: list[list[object]] = []
    for engine, paths in times.items():
        for path, values in paths.items():
            p50, p99 = percentile(values, 50), percentile(values, 99)
            agree, error = ("-", "-")
            if path == "kernel" and engine in result["tops"] and engine != "tantivy":
                share, worst = agreement(result["tops"][engine], result["tops"]["plain"])
                agree, error = f"{100 * share:.1f}%", f"{worst:.1e}"
            rows.append(
                [
                    f"{size:,}",
                    engine,
                    path,
                    f"{result['build_s'][engine]:.2f}",
                    len(values),
                    f"{p50:.3f}",
                    f"{p99:.3f}",
                    f"{p50 / ref_p50:.2f}x",
                    f"{p99 / ref_p99:.2f}x",
                    agree,
                    error,
                ]
            )
    ours = times["peerbot"]["search()"]
    figures = {
        "search_p50": percentile(ours, 50),
        "search_p99": percentile(ours, 99),
        "numba_kernel_p50": ref_p50,
        "numba_kernel_p99": ref_p99,
        "kernel_p50": percentile(times["peerbot"]["kernel"], 50),
    }
    if times["peerbot"].get("read()"):
        figures["read_p50"] = percentile(times["peerbot"]["read()"], 50)
    cpu = result.get("cpu_ms", {})
    cpu_reference = cpu.get("bm25s-numba", {}).get("kernel") or cpu.get("peerbot", {}).get("kernel")
    if cpu_reference and cpu.get("peerbot", {}).get("search()"):
        for stat in (50, 99):
            figures[f"search_cpu_p{stat}"] = percentile(cpu["peerbot"]["search()"], stat)
            figures[f"numba_kernel_cpu_p{stat}"] = percentile(cpu_reference, stat)
    return rows, figures


def cpu_line(size: int, figures: dict[str, float]) -> str | None:
    """The same runs in thread CPU time: what the search itself cost, without the time the
    process was not running (a shared machine preempts it for milliseconds at a time, which a
    wall-clock p99 counts; a longer path is preempted more often)."""
    if "search_cpu_p50" not in figures:
        return None
    parts = []
    for stat in ("p50", "p99"):
        ours, theirs = figures[f"search_cpu_{stat}"], figures[f"numba_kernel_cpu_{stat}"]
        parts.append(f"{stat} {ours:.3f} vs {theirs:.3f} ms ({ours / theirs:.2f}x)")
    return f"{size:,}: peerbot search() vs bm25s-numba kernel in thread CPU time, " + ", ".join(
        parts
    )


def budget_line(size: int, figures: dict[str, float]) -> str | None:
    """Where peerbot's search() p50 goes beside issue 12's budget (3x the numba kernel's p50):
    its BM25 kernel (one field, the raw terms) and its reading of the question, each timed as a
    call of its own in the same run (separate p50s, which need not add up)."""
    if "read_p50" not in figures:
        return None
    budget = 3 * figures["numba_kernel_p50"]
    kernel, read, whole = figures["kernel_p50"], figures["read_p50"], figures["search_p50"]
    return (
        f"{size:,}: budget {budget:.3f} ms (3x the numba kernel); peerbot's kernel (one field, "
        f"raw terms) {kernel:.3f} ms ({kernel / budget:.0%} of it), read() {read:.3f} ms "
        f"({read / budget:.0%}), the whole search() {whole:.3f} ms ({whole / budget:.0%})"
    )


HEADERS = [
    "N",
    "engine",
    "path",
    "build s",
    "queries",
    "p50 ms",
    "p99 ms",
    "p50 / numba kernel",
    "p99 / numba kernel",
    "agree",
    "score err",
]


def run_all(
    sizes: Sequence[int], queries: int, engines: Sequence[str]
) -> tuple[str, dict[int, dict[str, float]]]:
    """(Markdown, {N: figures}) for every size, each size in one fresh worker process."""
    rows: list[list[object]] = []
    figures: dict[int, dict[str, float]] = {}
    peaks: list[str] = []
    for size in sizes:
        print(f"  retrieval N={size:,}: {', '.join(engines)} ...", file=sys.stderr, flush=True)
        result = run_worker(SCRIPT, [str(size), str(queries), ",".join(engines)], timeout=3600)
        size_rows, figures[size] = rows_for(result)
        rows += size_rows
        peaks.append(f"{size:,}: {result['peak_mb']:.0f} MB")
    lines = [markdown_table(HEADERS, rows), ""]
    lines.append(f"Peak RSS of each worker (all engines built in it): {'; '.join(peaks)}.")
    cpu_lines = [line for size in sizes if (line := cpu_line(size, figures[size])) is not None]
    if cpu_lines:
        lines += ["", "Thread CPU time of the same runs (`time.thread_time_ns`, no preemption):"]
        lines += [f"- {line}" for line in cpu_lines]
        lines.append("")
    budget_lines = [
        line for size in sizes if (line := budget_line(size, figures[size])) is not None
    ]
    if budget_lines:
        if lines[-1]:
            lines.append("")
        lines += [
            "peerbot search() p50 beside the budget, with its kernel and read() each timed as a "
            "call of its own (read() just after the search of the same text, so warm; separate "
            "p50s, which need not add up):"
        ]
        lines += [f"- {line}" for line in budget_lines]
        lines.append("")
    if len(figures) > 1:
        smallest, largest = min(figures), max(figures)
        growth = figures[largest]["search_p99"] / figures[smallest]["search_p99"]
        lines.append(
            f"peerbot search() p99({largest:,}) / p99({smallest:,}) = {growth:.2f} "
            "(issue 12's target: <= 5)."
        )
    return "\n".join(lines), figures


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--queries", type=int, default=2000, help="timed queries per size")
    parser.add_argument("--engines", default=",".join(available_engines()))
    parser.add_argument("--worker", nargs=3, metavar=("N", "QUERIES", "ENGINES"))
    args = parser.parse_args(argv)
    if args.worker:
        size, count, engines = args.worker
        worker(int(size), int(count), engines.split(","))
        return
    sizes = [int(text) for text in args.sizes.split(",")]
    engines = [name for name in args.engines.split(",") if name]
    print(f"# retrieval benchmark: {machine()}", flush=True)
    table, _ = run_all(sizes, args.queries, engines)
    print()
    print(table)


if __name__ == "__main__":
    main()
