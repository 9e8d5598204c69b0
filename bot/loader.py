"""Build the searchable index from the knowledge base named by the settings.

Kept apart from the CLI and the Slack app so both start the same way. With `index_cache` on (the
default), a start whose knowledge files and indexing code are unchanged loads the validated
knowledge base and its postings from `data_dir` instead of parsing, validating and tokenizing
again (see `bot.cache` for why skipping validation is then safe); any other start builds, and
stores the result for the next one.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from bot.cache import cache_key, read_cache, seeds_inside, write_cache
from bot.config import Settings
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeError, load_knowledge
from bot.yamlfile import Problem

if TYPE_CHECKING:
    import logging


def _logger() -> logging.Logger:
    """This module's logger; `logging` is imported on first use, as `peerbot ask` rarely logs."""
    import logging

    return logging.getLogger(__name__)


def load_index(settings: Settings) -> SnippetIndex:
    """Validate the knowledge base and index it; raises KnowledgeError when it is broken."""
    with collector_paused():
        if not settings.index_cache:
            return SnippetIndex.build(load_knowledge(settings.knowledge_dir, settings.seeds_dir))
        key = _key(settings)
        if key is not None:
            cached = read_cache(settings.data_dir, key)
            if cached is not None:
                return cached
        kb = load_knowledge(settings.knowledge_dir, settings.seeds_dir)
        index = SnippetIndex.build(kb)
        # Files edited while they were being read: the result may match neither version, so
        # the next start builds again rather than trusting a cache written under either key.
        if key is not None and seeds_inside(kb, settings.seeds_dir) and _key(settings) == key:
            write_cache(settings.data_dir, key, index)
        return index


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector off, then as it was.

    Loading or building an index makes hundreds of thousands of objects (parsed YAML, the
    knowledge base, postings, per-snippet facts) that live as long as the index; each young
    collection they set off walks more of them and frees next to nothing. A cold build of
    10,000 synthetic snippets spent about a quarter of its time in those collections. What the
    build throws away is freed by reference counting as usual; only cycles wait for the next
    collection after the block. (Process-wide: a reload in a server thread pauses it for the
    others too, for the seconds a build takes.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _key(settings: Settings) -> str | None:
    try:
        return cache_key(settings.knowledge_dir, settings.seeds_dir)
    except OSError as error:
        _logger().info("index cache disabled for this start: %s", error)
        return None


class LiveIndex:
    """The index being served, replaced in place by a reload (SIGHUP) without a restart.

    A reload validates the knowledge files again; a broken edit is rejected with its problems
    and the last good index keeps serving. Readers take `current` once per request, so a request
    already running finishes on the index it started with.
    """

    def __init__(self, settings: Settings, index: SnippetIndex) -> None:
        self._settings = settings
        self._current = index
        self._lock = threading.Lock()

    @property
    def current(self) -> SnippetIndex:
        """The index to answer with now."""
        return self._current

    def reload(self) -> list[Problem]:
        """Load the knowledge base again; on problems keep the current index and return them."""
        with self._lock:
            try:
                fresh = load_index(self._settings)
            except KnowledgeError as error:
                _logger().error(
                    "reload rejected: the knowledge base has %d problem(s); still serving "
                    "version %s (%d snippets):\n%s",
                    len(error.problems),
                    self._current.kb.version,
                    len(self._current.kb.snippets),
                    error,
                )
                return error.problems
            self._current = fresh
            _logger().info(
                "reloaded knowledge base version %s (%d snippets)",
                fresh.kb.version,
                len(fresh.kb.snippets),
            )
            return []
