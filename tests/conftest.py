"""Shared fixtures: a clean environment, the real knowledge base, and small fixture ones."""

from __future__ import annotations

import os
import textwrap
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT, Settings, load_settings
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.store import SQLStore, open_store, sqlite_url
from tests.postgres import Postgres, start_postgres

REAL_KNOWLEDGE = PROJECT_ROOT / "knowledge"
REAL_SEEDS = PROJECT_ROOT / "seeds"


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """No test sees the developer's Slack tokens or peerbot settings, nor their `.env`."""
    for name in list(os.environ):
        if name.startswith(("SLACK_", "PEERBOT_")) or name in {"PORT", "LOG_LEVEL"}:
            monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PEERBOT_DATA_DIR", str(tmp_path / "peerbot-data"))
    monkeypatch.chdir(tmp_path)
    yield


@pytest.fixture(scope="session")
def real_kb() -> KnowledgeBase:
    """The knowledge base the bot ships with, validated."""
    return load_knowledge(REAL_KNOWLEDGE, REAL_SEEDS)


@pytest.fixture(scope="session")
def real_index(real_kb: KnowledgeBase) -> SnippetIndex:
    """The shipped knowledge base, indexed once per test session."""
    return SnippetIndex.build(real_kb)


MINI_SEED = """\
Peer bridgers help people leave hospital and settle back into the community.
Recovery coaches support people in recovery from substance use.
Medicaid reimbursement is a major source of funding for peer services.
"""

MINI_FILES = {
    "sources.yaml": """\
        sources:
          - id: mini2020
            authors: [Ada Example]
            year: 2020
            title: A small test report
            kind: report
            seeds: [mini.txt]
        """,
    "topics.yaml": """\
        topics:
          - id: roles-duties
            label: Roles and duties
          - id: funding
            label: Funding
        """,
    "roles.yaml": """\
        roles:
          - id: peer-bridger
            title: Peer bridger
            aliases: [bridger]
          - id: recovery-coach
            title: Recovery coach
        """,
    "synonyms.yaml": """\
        synonyms:
          - source: Medicaid reimbursement
            staff: [insurance, pay for]
        """,
    "snippets/roles-duties.yaml": """\
        snippets:
          - id: mini-bridger
            source: mini2020
            text: Peer bridgers help people leave hospital and settle back into the community.
            topics: [roles-duties]
            roles: [peer-bridger]
            asks: ["what does a peer bridger do?", "who helps people after a hospital stay?"]
          - id: mini-coach
            source: mini2020
            text: Recovery coaches support people in recovery from substance use.
            topics: [roles-duties]
            roles: [recovery-coach]
            asks: ["what does a recovery coach do?", "who supports people recovering from SUD?"]
        """,
    "snippets/funding.yaml": """\
        snippets:
          - id: mini-medicaid
            source: mini2020
            text: Medicaid reimbursement is a major source of funding for peer services.
            topics: [funding]
            roles: []
            asks: ["how are peer services funded?", "does Medicaid pay for peer support?"]
        """,
}


# Concept cards (`about:`) for the mini knowledge base. Not in MINI_FILES because many tests
# replace a snippet file, which would leave a card naming a snippet that is gone; add these when a
# test needs the complete knowledge base that the real-KB test and `peerbot check` ask for.
MINI_CARDS: dict[str, str | bytes] = {
    "topics.yaml": textwrap.dedent(MINI_FILES["topics.yaml"])
    .replace(
        "label: Roles and duties\n",
        "label: Roles and duties\n    about: [mini-bridger, mini-coach]\n",
    )
    .replace("label: Funding\n", "label: Funding\n    about: [mini-medicaid]\n"),
    "roles.yaml": textwrap.dedent(MINI_FILES["roles.yaml"])
    .replace("aliases: [bridger]\n", "aliases: [bridger]\n    about: [mini-bridger]\n")
    .replace("title: Recovery coach\n", "title: Recovery coach\n    about: [mini-coach]\n"),
}


def write_mini_kb(root: Path, overrides: dict[str, str | bytes] | None = None) -> tuple[Path, Path]:
    """Write a small valid knowledge base under `root` (files in `overrides` replace or add)."""
    knowledge = root / "knowledge"
    seeds = root / "seeds"
    (knowledge / "snippets").mkdir(parents=True, exist_ok=True)
    seeds.mkdir(parents=True, exist_ok=True)
    (seeds / "mini.txt").write_text(MINI_SEED, encoding="utf-8")
    files: dict[str, str | bytes] = {
        name: textwrap.dedent(text) for name, text in MINI_FILES.items()
    }
    files.update(overrides or {})
    for name, content in files.items():
        path = knowledge / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return knowledge, seeds


@pytest.fixture
def mini_kb_dirs(tmp_path: Path) -> tuple[Path, Path]:
    """(knowledge dir, seeds dir) of a three-snippet knowledge base."""
    return write_mini_kb(tmp_path / "kb")


@pytest.fixture
def mini_settings(mini_kb_dirs: tuple[Path, Path], tmp_path: Path) -> Settings:
    """Settings pointing at the mini knowledge base and a private data dir."""
    knowledge, seeds = mini_kb_dirs
    return load_settings(
        {
            "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
            "PEERBOT_SEEDS_DIR": str(seeds),
            "PEERBOT_DATA_DIR": str(tmp_path / "data"),
        }
    )


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[Postgres]:
    """A real PostgreSQL server for the session (tests/postgres.py); skipped if it cannot run."""
    server, why = start_postgres()
    if server is None:
        pytest.skip(why)
    yield server
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        server.server.cleanup()


@pytest.fixture
def postgres_url(postgres_server: Postgres) -> str:
    """The URL of a fresh, empty PostgreSQL database for one test."""
    return postgres_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each store test twice: on a SQLite file and on a fresh database of the real PostgreSQL."""
    if request.param == "sqlite":
        return sqlite_url(tmp_path / "store.sqlite3")
    server: Postgres = request.getfixturevalue("postgres_server")
    return server.new_database()


@pytest.fixture
def store(store_url: str) -> Iterator[SQLStore]:
    """An open store at `store_url`, closed after the test."""
    opened = open_store(store_url)
    yield opened
    opened.close()
