"""peerbot's gunicorn master freezes what it built before forking a worker, and lets the
collector see it again before a reload replaces the index."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.server import _unfreeze_and, freeze_heap, gunicorn_options


class _Node:
    """An object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    """Leave the interpreter's collector as the test found it."""
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_peerbots_options_freeze_the_heap_before_each_fork(mini_settings: Settings) -> None:
    options = gunicorn_options(mini_settings, "127.0.0.1:0", freeze=True)
    built = [[number] for number in range(1000)]  # what the master built (tracked objects)
    assert gc.get_freeze_count() == 0

    options["pre_fork"](None, None)

    assert gc.get_freeze_count() >= len(built)


def test_start_up_garbage_is_collected_not_frozen() -> None:
    garbage = _Node()
    gone = weakref.ref(garbage)
    del garbage

    freeze_heap()

    assert gone() is None


def test_options_without_freeze_leave_forking_to_gunicorn(mini_settings: Settings) -> None:
    """The bare Bolt floor (benchmarks/bare_bolt.py) uses these options as they were."""
    assert "pre_fork" not in gunicorn_options(mini_settings, "127.0.0.1:0")


def test_a_reload_unfreezes_so_the_replaced_index_can_be_collected() -> None:
    old_index = _Node()
    gone = weakref.ref(old_index)
    freeze_heap()
    assert gc.get_freeze_count() > 0
    reloads: list[str] = []

    _unfreeze_and(lambda: reloads.append("reloaded"))()
    del old_index
    gc.collect()

    assert reloads == ["reloaded"]
    assert gc.get_freeze_count() == 0
    assert gone() is None
