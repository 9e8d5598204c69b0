"""The offline commands load no Slack library, no gunicorn and no SQLite.

`peerbot ask`, `role` and `check` run on a laptop without Slack credentials and should start in a
fraction of what importing the Slack stack costs. Each command is run in a fresh interpreter
against the real knowledge base (cold, then served from the index cache), and the modules it
imported are read from `sys.modules` afterwards.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT_ROOT, REAL_KNOWLEDGE, REAL_SEEDS

FORBIDDEN = ("slack_bolt", "slack_sdk", "gunicorn", "sqlite3", "_sqlite3", "psycopg")

_PROBE = """
import json, sys
from bot.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    sys.stdout.flush()
    sys.stderr.write(json.dumps(sorted(sys.modules)) + "\\n")
"""


def _modules(arguments: list[str], data_dir: Path, cwd: Path) -> set[str]:
    environ = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "PEERBOT_"))
    }
    environ.update(
        {
            "PEERBOT_KNOWLEDGE_DIR": str(REAL_KNOWLEDGE),
            "PEERBOT_SEEDS_DIR": str(REAL_SEEDS),
            "PEERBOT_DATA_DIR": str(data_dir),
            "PYTHONPATH": str(PROJECT_ROOT),
        }
    )
    completed = subprocess.run(
        [sys.executable, "-c", _PROBE, *arguments],
        capture_output=True,
        text=True,
        env=environ,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    loaded: list[str] = json.loads(completed.stderr.strip().splitlines()[-1])
    return set(loaded)


def _forbidden(modules: set[str]) -> list[str]:
    return sorted(name for name in modules if name.split(".")[0] in FORBIDDEN)


@pytest.mark.parametrize(
    "arguments",
    [
        pytest.param(["ask", "How many states certify peer specialists?"], id="ask"),
        pytest.param(["ask", "--json", "what does a peer bridger do"], id="ask-json"),
        pytest.param(["role", "peer bridger"], id="role"),
        pytest.param(["role"], id="role-list"),
        pytest.param(["check"], id="check"),
    ],
)
def test_offline_command_imports_no_slack_gunicorn_or_sqlite(
    arguments: list[str], tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    cold = _modules(arguments, data_dir, tmp_path)  # builds the index (and writes the cache)
    warm = _modules(arguments, data_dir, tmp_path)  # served from the cache where it applies
    assert _forbidden(cold) == []
    assert _forbidden(warm) == []


def test_probe_sees_what_a_slack_command_imports(tmp_path: Path) -> None:
    # The same probe on `peerbot feedback` (which reads the SQLite store) does see sqlite3,
    # so an empty list above means the offline commands really did not import it.
    modules = _modules(["feedback"], tmp_path / "data", tmp_path)
    assert "sqlite3" in modules


def test_python_m_bot_without_a_dependency_says_which_and_how_to_install() -> None:
    """`python3 -m bot check` under a Python without peerbot's packages printed a traceback
    ending in `No module named 'Stemmer'`; it now says which package is missing and the fix."""
    blocked = (
        "import runpy, sys; sys.modules['Stemmer'] = None; "
        "runpy.run_module('bot', run_name='__main__', alter_sys=True)"
    )
    done = subprocess.run(
        [sys.executable, "-c", blocked, "check"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "lacks its dependency 'Stemmer'" in done.stderr
    assert "pip install -e ." in done.stderr
