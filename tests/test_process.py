"""The cached process id follows forks, as `os.getpid()` does."""

from __future__ import annotations

import os

from bot.process import current_pid


def test_the_process_id_is_the_system_s_and_a_forked_child_sees_its_own() -> None:
    assert current_pid() == os.getpid()
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:  # as a gunicorn worker forked from the master
        try:
            seen = current_pid() == os.getpid() != 0
            os.write(writer, b"1" if seen else b"0")
        finally:
            os._exit(0)
    os.close(writer)
    answer = os.read(reader, 1)
    os.close(reader)
    os.waitpid(child, 0)
    assert answer == b"1"
    assert current_pid() == os.getpid() != child
