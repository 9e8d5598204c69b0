"""Slack text to questions, `peerbot feedback`, and `.env.example` against config.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.listeners.common import question_from_text
from bot.store import Vote, database_path, open_store, question_hash, sqlite_url


@pytest.mark.parametrize(
    ("text", "question"),
    [
        pytest.param("<@UBOT> what is a CPS?", "what is a CPS?", id="own-mention-dropped"),
        pytest.param("hey <@UBOT>   what\nis a CPS?", "hey what is a CPS?", id="mid-mention"),
        pytest.param("<@UBOT> ask <@U0BOB|bob>", "ask @bob", id="other-mention"),
        pytest.param("<@UBOT> see <#C123|peer-team>", "see #peer-team", id="channel"),
        pytest.param("<!here> help", "@here help", id="special-mention"),
        pytest.param("<!subteam^S1|@leads> ok", "@leads ok", id="user-group"),
        pytest.param("see <https://x.example/a|the report>", "see the report", id="link-label"),
        pytest.param("see <https://x.example/a>", "see https://x.example/a", id="bare-link"),
        pytest.param("a &amp; b &lt;c&gt;", "a & b <c>", id="entities"),
        pytest.param("&amp;lt;", "&lt;", id="typed-entity"),
        pytest.param("<@UBOT>", "", id="empty"),
    ],
)
def test_question_from_text(text: str, question: str) -> None:
    assert question_from_text(text, "UBOT") == question


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"PEERBOT_DATA_DIR": str(tmp_path / "data"), **extra}


def test_feedback_without_votes(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["feedback"], env=_env(tmp_path))
    assert result.exit_code == 0
    assert "No feedback recorded yet" in result.output
    assert not (tmp_path / "data").exists()


def _record_votes(tmp_path: Path, keep_text: bool) -> None:
    feedback = open_store(sqlite_url(database_path(tmp_path / "data")))
    asked = "what does a peer bridger do?"
    feedback.record(Vote("not_helpful", question_hash(asked), ("mini-bridger",), 1700000001.0))
    feedback.record(Vote("not_helpful", question_hash(asked), ("mini-bridger",), 1700000002.0))
    feedback.record(Vote("helpful", question_hash(asked), ("mini-coach",), 1700000003.0))
    if keep_text:
        feedback.remember_question(question_hash(asked), asked)
    feedback.close()


def test_feedback_summary_puts_voted_down_snippets_first(tmp_path: Path) -> None:
    _record_votes(tmp_path, keep_text=False)
    result = CliRunner().invoke(main, ["feedback"], env=_env(tmp_path))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "3 vote(s), one per person per answer: 1 helpful, 2 not helpful"
    snippet_rows = [line.split() for line in lines if line.strip().endswith(("bridger", "coach"))]
    assert snippet_rows == [["2", "0", "mini-bridger"], ["0", "1", "mini-coach"]]
    assert f"#{question_hash('what does a peer bridger do?')}" in result.output
    assert "bridger do?" not in result.output


def test_feedback_json_shows_question_text_only_when_kept(tmp_path: Path) -> None:
    _record_votes(tmp_path, keep_text=True)
    result = CliRunner().invoke(main, ["feedback", "--json"], env=_env(tmp_path))
    payload = json.loads(result.output)
    assert (payload["helpful"], payload["not_helpful"]) == (1, 2)
    assert payload["snippets"][0] == {"snippet_id": "mini-bridger", "helpful": 0, "not_helpful": 2}
    assert payload["questions"][0]["text"] == "what does a peer bridger do?"


def _documented(text: str) -> list[tuple[str, str]]:
    """(comment, variable) for every VAR= line of .env.example."""
    lines = text.splitlines()
    pairs = []
    for number, line in enumerate(lines):
        match = re.match(r"^([A-Z][A-Z0-9_]*)=", line)
        if match:
            pairs.append((lines[number - 1], match.group(1)))
    return pairs


def test_env_example_lists_exactly_what_config_reads_each_with_a_comment() -> None:
    config = (PROJECT_ROOT / "bot" / "config.py").read_text(encoding="utf-8")
    read = set(re.findall(r'environ, "([A-Z][A-Z0-9_]*)"', config))
    documented = _documented((PROJECT_ROOT / ".env.example").read_text(encoding="utf-8"))
    assert sorted(name for _, name in documented) == sorted(read)
    for comment, name in documented:
        assert comment.startswith("# ") and len(comment) > 10, name
