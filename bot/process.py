"""This process's id, without a system call each time it is asked.

gunicorn forks its workers from a master that built the app, so the store's connection pools,
the Web API connection pool, the write-behind queue and the work queue's lease name each ask
"is this still the process that made me?" on every statement or call: about a dozen times per
answered mention. `os.getpid()` is a system call each time (glibc no longer caches it; ~3 us of
a mention's CPU each under the end-to-end benchmark's load, by a sampling profile). Here the id
is read once and read again in every child right after a fork (`os.register_at_fork`), which
covers every way Python forks (`os.fork`, `multiprocessing`, gunicorn).
"""

from __future__ import annotations

import os

_pid = os.getpid()


def _forked() -> None:
    global _pid
    _pid = os.getpid()


os.register_at_fork(after_in_child=_forked)


def current_pid() -> int:
    """This process's id (the same as `os.getpid()`)."""
    return _pid
