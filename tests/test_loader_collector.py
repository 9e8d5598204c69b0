"""Loading or building the index runs with the cyclic garbage collector paused, then as it was.

A build makes hundreds of thousands of long-lived objects; the young collections they set off
walk them and free next to nothing (about a quarter of a 10,000-snippet cold build). The pause
must cover the whole build, read from the cache or not, and must leave the collector as it
found it, a failure included (a broken knowledge base raises KnowledgeError).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from bot import loader
from bot.config import Settings
from bot.knowledge import KnowledgeBase, KnowledgeError
from bot.loader import load_index


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def _recording_load_knowledge(monkeypatch: pytest.MonkeyPatch, seen: list[bool]) -> None:
    real = loader.load_knowledge

    def recording(*arguments: object) -> KnowledgeBase:
        seen.append(gc.isenabled())
        return real(*arguments)

    monkeypatch.setattr(loader, "load_knowledge", recording)


def test_a_build_runs_with_the_collector_paused_and_leaves_it_on(
    mini_settings: Settings, monkeypatch: pytest.MonkeyPatch, collector_on: None
) -> None:
    seen: list[bool] = []
    _recording_load_knowledge(monkeypatch, seen)
    index = load_index(mini_settings)
    assert seen == [False]  # built, not read from a cache, and paused while it was
    assert gc.isenabled()
    assert index.search("what does a peer bridger do?").answered


def test_a_load_from_the_cache_runs_with_the_collector_paused(
    mini_settings: Settings, monkeypatch: pytest.MonkeyPatch, collector_on: None
) -> None:
    load_index(mini_settings)  # writes the cache
    seen: list[bool] = []
    real = loader.read_cache

    def recording(*arguments: object) -> object:
        seen.append(gc.isenabled())
        return real(*arguments)

    monkeypatch.setattr(loader, "read_cache", recording)
    load_index(mini_settings)
    assert seen == [False]
    assert gc.isenabled()


def test_a_collector_already_off_stays_off(mini_settings: Settings) -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        load_index(mini_settings)
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_a_broken_knowledge_base_leaves_the_collector_on(
    mini_settings: Settings, collector_on: None
) -> None:
    broken = mini_settings.knowledge_dir / "snippets" / "funding.yaml"
    broken.write_text("snippets: [\n")
    with pytest.raises(KnowledgeError):
        load_index(mini_settings)
    assert gc.isenabled()
