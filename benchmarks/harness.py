"""Small benchmark harness shared by the scripts: timing, memory, worker processes, tables.

Each engine or configuration runs in its own Python process (`run_worker`), so one engine's
allocations never inflate another's resident-memory figures, and the parent only collects JSON.
"""

from __future__ import annotations

import ctypes
import gc
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")
R = TypeVar("R")


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (linear interpolation), or NaN for no values."""
    if not values:
        return float("nan")
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))


def _status_kb(field: str, pid: int | str = "self") -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return float(line.split()[1])
    return float("nan")


def rss_mb(pid: int | str = "self") -> float:
    """Current resident set size of a process, in MB."""
    return _status_kb("VmRSS", pid) / 1024


def peak_rss_mb(pid: int | str = "self") -> float:
    """Peak resident set size (high-water mark) of a process, in MB."""
    return _status_kb("VmHWM", pid) / 1024


def pss_mb(pid: int) -> float:
    """Proportional set size: shared pages (gunicorn's forked workers) counted once in total."""
    with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as rollup:
        for line in rollup:
            if line.startswith("Pss:"):
                return float(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def release_memory() -> None:
    """Collect garbage and hand freed heap pages back to the OS, so RSS shows what is held."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def timed(
    function: Callable[[T], R], items: Iterable[T], warmup: Sequence[T] = ()
) -> tuple[list[float], list[R]]:
    """(milliseconds per call, results) for `function` over `items`, after untimed warm-up calls."""
    for item in warmup:
        function(item)
    gc.collect()
    times: list[float] = []
    results: list[R] = []
    clock = time.perf_counter_ns
    for item in items:
        start = clock()
        result = function(item)
        times.append((clock() - start) / 1e6)
        results.append(result)
    return times, results


def run_worker(script: Path, arguments: Sequence[str], timeout: float = 600) -> dict[str, Any]:
    """Run `script --worker ...` in a fresh interpreter and return the JSON it prints last."""
    completed = subprocess.run(
        [sys.executable, str(script), "--worker", *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=REPO,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(
            f"worker {script.name} {' '.join(arguments)} failed:\n{completed.stderr[-4000:]}"
        )
    result: dict[str, Any] = json.loads(completed.stdout.strip().splitlines()[-1])
    return result


def emit(result: dict[str, Any]) -> None:
    """A worker's last line: its result as JSON, for `run_worker`."""
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


def machine() -> str:
    """One line describing where the numbers come from."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            names = [
                line.split(":", 1)[1].strip() for line in info if line.startswith("model name")
            ]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return (
        f"{os.cpu_count()} CPU(s), {cpu}; Python {platform.python_version()}, "
        f"numpy {np.__version__}, {platform.system()} {platform.release()}"
    )


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table (numbers right-aligned), ready for the README."""
    body = [[str(cell) for cell in row] for row in rows]
    widths = [max([len(h), *(len(row[i]) for row in body)]) for i, h in enumerate(headers)]
    numeric = [bool(body) and all(_is_number(row[i]) for row in body) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.rjust(width) if right else cell.ljust(width)
            for cell, width, right in zip(cells, widths, numeric, strict=True)
        ]
        return "| " + " | ".join(padded) + " |"

    rule = [
        "-" * (w - 1) + ":" if right else "-" * w for w, right in zip(widths, numeric, strict=True)
    ]
    return "\n".join([line(headers), line(rule), *(line(row) for row in body)])


def _is_number(text: str) -> bool:
    try:
        float(text.rstrip("x%").lstrip("<>=≤≥ "))
    except ValueError:
        return text in {"-", "n/a"}
    return True
