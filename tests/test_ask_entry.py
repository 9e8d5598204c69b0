"""The `peerbot` script's own `ask` (bot.ask.main): click's output, messages and exit codes.

Each case runs the script's entry point and click's `bot.cli.main` in fresh interpreters with
the same arguments, stdin and environment, and compares stdout, stderr and the exit status
byte for byte; the entry point reports afterwards whether click was imported, which says
whether the `ask` was answered without it or handed to click.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT

_RUN = """
import atexit, os, pathlib, sys
sys.argv[0] = "peerbot"
report = {report!r}


def write_report(how):
    if report:
        used = "click" if "click" in sys.modules else "plain"
        threads = os.environ.get("OPENBLAS_NUM_THREADS", "")
        pathlib.Path(report).write_text(f"{{used}} {{how}} {{threads}}")


atexit.register(write_report, "exit")
_exit = os._exit


def reporting_exit(code):
    write_report("_exit")
    _exit(code)


os._exit = reporting_exit
from {module} import main
main()
"""


def _command(module: str, arguments: list[str], report: Path | None = None) -> list[str]:
    """A fresh interpreter running `module`'s main as the `peerbot` script would; `report`
    gets, at exit, "click" or "plain" (whether click was imported), "exit" or "_exit" (the
    interpreter's own exit or `os._exit`) and OPENBLAS_NUM_THREADS."""
    script = _RUN.format(module=module, report=str(report) if report else "")
    return [sys.executable, "-c", script, *arguments]


def _run(
    module: str,
    arguments: list[str],
    environ: dict[str, str],
    stdin: str = "",
) -> tuple[bytes, bytes, int, str]:
    """(stdout, stderr, exit status, the report: see `_command`) of one run."""
    report = Path(environ["PEERBOT_DATA_DIR"]).parent / f"report-{module}"
    completed = subprocess.run(
        _command(module, arguments, report),
        input=stdin.encode(),
        capture_output=True,
        env=environ,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=False,
    )
    return completed.stdout, completed.stderr, completed.returncode, report.read_text()


def _environ(knowledge: Path, seeds: Path, data: Path, **extra: str) -> dict[str, str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "PEERBOT_", "_"))
    }
    environ.update(
        {
            "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
            "PEERBOT_SEEDS_DIR": str(seeds),
            "PEERBOT_DATA_DIR": str(data),
            "PYTHONPATH": str(PROJECT_ROOT),
            **extra,
        }
    )
    return environ


STDIN = "what does a peer bridger do?\n\nI want to kill myself\nDoes insurance pay for peers\n"


@pytest.mark.parametrize(
    ("arguments", "stdin"),
    [
        pytest.param(["ask", "what does a peer bridger do?"], "", id="text"),
        pytest.param(["ask", "--json", "does insurance pay for peers"], "", id="json"),
        pytest.param(["ask", "recovry coachs", "-k", "1", "--json"], "", id="k-after"),
        pytest.param(["ask", "-k", "20", "what is the wifi password"], "", id="declined"),
        pytest.param(["ask", ""], "", id="empty-question"),
        pytest.param(["ask", "-"], STDIN, id="stdin-text"),
        pytest.param(["ask", "--json", "-"], STDIN, id="stdin-json"),
    ],
)
def test_plain_ask_is_answered_without_click_as_click_would(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, arguments: list[str], stdin: str
) -> None:
    environ = _environ(*mini_kb_dirs, tmp_path / "data")
    _run("bot.ask", ["ask", "warm the index cache"], environ)
    fast = _run("bot.ask", arguments, environ, stdin)
    click = _run("bot.cli", arguments, environ, stdin)
    assert fast[:3] == click[:3]
    assert fast[2] == 0 and fast[0]
    # answered without click, and the process ended without tearing the interpreter down
    assert fast[3].split()[:2] == ["plain", "_exit"]


def test_escape_codes_in_output_are_stripped_by_click_echo(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    # The question is echoed; click.echo drops its ANSI codes when stdout is no terminal.
    environ = _environ(*mini_kb_dirs, tmp_path / "data")
    stdin = "a \x1b[31mred\x1b[0m peer bridger question\n"
    fast = _run("bot.ask", ["ask", "-"], environ, stdin)
    click = _run("bot.cli", ["ask", "-"], environ, stdin)
    assert fast[:3] == click[:3]
    assert b"Q: a red peer bridger question" in fast[0]


@pytest.mark.parametrize(
    ("arguments", "extra"),
    [
        pytest.param(["--help"], {}, id="help"),
        pytest.param(["ask", "--help"], {}, id="ask-help"),
        pytest.param(["ask"], {}, id="no-question"),
        pytest.param(["ask", "a", "b"], {}, id="two-questions"),
        pytest.param(["ask", "-k", "0", "peer bridger"], {}, id="k-out-of-range"),
        pytest.param(["ask", "-k", "+3", "peer bridger"], {}, id="k-spelled-otherwise"),
        pytest.param(["ask", "-k", "2", "-k", "3", "peer bridger"], {}, id="k-twice"),
        pytest.param(["ask", "-k3", "peer bridger"], {}, id="k-attached"),
        pytest.param(["ask", "--", "-peer bridger"], {}, id="double-dash"),
        pytest.param(["ask", "--jsn", "peer bridger"], {}, id="unknown-option"),
        pytest.param(["role", "peer bridger"], {}, id="other-command"),
        pytest.param(["ask", "peer bridger"], {"PEERBOT_INDEX_CACHE": "maybe"}, id="bad-setting"),
        pytest.param(["ask", "peer bridger"], {"PYTHONIOENCODING": "ascii"}, id="ascii-stdout"),
        pytest.param(["ask", "peer bridger"], {"_PEERBOT_COMPLETE": "bash_source"}, id="complete"),
    ],
)
def test_anything_else_is_clicks_own(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, arguments: list[str], extra: dict[str, str]
) -> None:
    environ = _environ(*mini_kb_dirs, tmp_path / "data", **extra)
    fast = _run("bot.ask", arguments, environ)
    click = _run("bot.cli", arguments, environ)
    assert fast[:3] == click[:3]
    assert fast[3].split()[:2] == ["click", "exit"]


def test_broken_knowledge_is_clicks_error(tmp_path: Path, mini_kb_dirs: tuple[Path, Path]) -> None:
    knowledge, seeds = mini_kb_dirs
    (seeds / "mini.txt").write_text("Nothing verbatim any more.\n")
    environ = _environ(knowledge, seeds, tmp_path / "data")
    fast = _run("bot.ask", ["ask", "peer bridger"], environ)
    click = _run("bot.cli", ["ask", "peer bridger"], environ)
    assert fast[:3] == click[:3]
    assert fast[2] == 1 and b"not found verbatim" in fast[1]


def _default_sigint() -> None:
    """In the child before it runs: SIGINT's default action, whatever the suite inherited."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("module", ["bot.ask", "bot.cli"])
def test_interrupt_while_reading_stdin_aborts_as_click_does(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, module: str
) -> None:
    environ = _environ(*mini_kb_dirs, tmp_path / "data")
    process = subprocess.Popen(
        _command(module, ["ask", "--json", "-"]),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environ,
        cwd=PROJECT_ROOT,
        # ^C as a terminal delivers it: a suite started as a shell's background job inherits
        # SIGINT ignored, and so would the child, which then never sees the signal.
        preexec_fn=_default_sigint,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"what does a peer bridger do?\n")
    process.stdin.flush()
    assert process.stdout.readline().startswith(b"{")  # answering: now waiting for a line
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out, err) == (1, b"", b"\nAborted!\n")


def test_closed_output_pipe_exits_quietly_as_click_does(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path
) -> None:
    environ = _environ(*mini_kb_dirs, tmp_path / "data")
    results = []
    for module in ("bot.ask", "bot.cli"):
        process = subprocess.Popen(
            _command(module, ["ask", "--json", "-"]),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environ,
            cwd=PROJECT_ROOT,
        )
        assert process.stdin is not None and process.stdout is not None
        process.stdout.close()  # the reader is gone before the first answer is written
        _, err = process.communicate(b"peer bridger\n" * 2000, timeout=60)
        results.append((process.returncode, err))
    assert results[0] == results[1] == (1, b"")


@pytest.mark.parametrize(("operators", "expected"), [(None, "1"), ("3", "3")])
def test_plain_ask_runs_numpy_with_one_blas_thread_unless_the_operator_chose(
    mini_kb_dirs: tuple[Path, Path], tmp_path: Path, operators: str | None, expected: str
) -> None:
    environ = _environ(*mini_kb_dirs, tmp_path / "data")
    environ.pop("OPENBLAS_NUM_THREADS", None)
    if operators is not None:
        environ["OPENBLAS_NUM_THREADS"] = operators
    _, err, status, report = _run("bot.ask", ["ask", "peer bridger"], environ)
    assert status == 0, err
    assert report == f"plain _exit {expected}"
