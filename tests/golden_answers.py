"""`peerbot ask --json` for every evaluation and hostile question, kept as a golden file.

Speed work must not change a single answer: `tests/test_golden_answers.py` compares today's
output with `tests/data/golden-answers.json`, question by question. When retrieval is changed
on purpose, regenerate the file with one command and review the diff like any other change:

    python -m tests.golden_answers --write               # from the code checked out here
    python -m tests.golden_answers --write --from main   # from another git ref's code

`--from REF` runs this module on `git archive REF` in a temporary directory (the reference's
`bot/`, `knowledge/` and questions, this module's way of asking), so the file holds what that
ref answers: after merging `main`, `--from main` takes main's answers as the reference for the
branch's own changes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner

from bot.cli import main

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
GOLDEN = DATA / "golden-answers.json"
QUESTION_FILES = ("questions-dev.yaml", "hostile_questions.yaml")


def _question(item: Any) -> str | None:
    """A question from either file's entries: a string, or a mapping with question/text."""
    if isinstance(item, str):
        return item
    if isinstance(item, dict):
        for key in ("question", "text"):
            if isinstance(item.get(key), str):
                return str(item[key])
    return None


def golden_questions() -> list[tuple[str, str]]:
    """(label, question) for every question in the evaluation and hostile sets, in file order."""
    found: list[tuple[str, str]] = []
    for name in QUESTION_FILES:
        data = yaml.safe_load((DATA / name).read_text(encoding="utf-8")) or {}
        for group, items in data.items():
            for number, item in enumerate(items or []):
                question = _question(item)
                if question is not None:
                    label = item.get("id") if isinstance(item, dict) else None
                    found.append((f"{name}:{group}:{label or number}", question))
    return found


def ask_json(question: str) -> dict[str, Any]:
    """What `peerbot ask --json -- QUESTION` prints (parsed) and its exit code."""
    result = CliRunner().invoke(main, ["ask", "--json", "--", question])
    output = result.stdout.strip()
    return {"exit_code": result.exit_code, "answer": json.loads(output) if output else None}


def current_answers() -> dict[str, Any]:
    """Every golden question's answer from the code and knowledge base as they are now."""
    return {label: ask_json(question) for label, question in golden_questions()}


def _clean_environment(data_dir: Path) -> None:
    for name in list(os.environ):
        if name.startswith(("SLACK_", "PEERBOT_")):
            del os.environ[name]
    os.environ["PEERBOT_DATA_DIR"] = str(data_dir)
    os.chdir(data_dir)  # no developer .env is read


def _answers_of(ref: str) -> str:
    """This module's output (the golden JSON) when run on the code and data of git `ref`."""
    with tempfile.TemporaryDirectory(prefix="peerbot-golden-ref-") as temporary:
        tree = Path(temporary)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        shutil.copyfile(Path(__file__), tree / "tests" / "golden_answers.py")
        completed = subprocess.run(
            [sys.executable, "-m", "tests.golden_answers"],
            cwd=tree,
            env={**os.environ, "PYTHONPATH": str(tree)},  # its bot/, not this checkout's
            capture_output=True,
            text=True,
            check=True,
        )
        return completed.stdout


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite {GOLDEN.name}")
    parser.add_argument("--from", dest="ref", metavar="REF", help="answers of this git ref")
    args = parser.parse_args(argv)
    if args.ref:
        text = _answers_of(args.ref)
    else:
        with tempfile.TemporaryDirectory(prefix="peerbot-golden-") as temporary:
            _clean_environment(Path(temporary))
            answers = current_answers()
        text = json.dumps(answers, ensure_ascii=True, indent=1, sort_keys=True) + "\n"
    if args.write:
        GOLDEN.write_text(text, encoding="ascii")
        print(f"wrote {len(json.loads(text))} answers to {GOLDEN.relative_to(ROOT)}")
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main_())
