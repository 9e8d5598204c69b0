"""bot.seal makes exactly Fernet's tokens, so any peerbot process (this release or an earlier one,
through cryptography's Fernet) opens what another sealed."""

from __future__ import annotations

import os
import threading

import pytest
from cryptography.fernet import Fernet

from bot.seal import FernetSealer
from bot.work import Sealer

KEY = Fernet.generate_key()


def test_tokens_are_fernets_byte_for_byte_whatever_came_before_on_the_thread() -> None:
    """Every length around the block size, one after another on one long-lived context: each
    token equals the one cryptography's Fernet makes for the same IV and time."""
    ours, theirs = FernetSealer(KEY), Fernet(KEY)
    for length in [*range(70), 255, 256, 257, 4000]:
        data = os.urandom(length)
        iv = os.urandom(16)
        at = 1_800_000_000 + length
        assert ours.encrypt_at(data, at, iv) == theirs._encrypt_from_parts(data, at, iv), length


def test_fernet_opens_every_token_and_each_has_its_own_iv() -> None:
    ours, theirs = FernetSealer(KEY), Fernet(KEY)
    data = "How do I bill for peer support? \u00e9\U0001f600".encode()
    first, second = ours.encrypt(data), ours.encrypt(data)
    assert theirs.decrypt(first) == theirs.decrypt(second) == data
    assert first != second  # a fresh random IV per token


def test_threads_sealing_at_once_each_make_valid_tokens() -> None:
    """Each thread has its own context: tokens made concurrently all open, none garbled."""
    ours, theirs = FernetSealer(KEY), Fernet(KEY)
    made: list[tuple[bytes, bytes]] = []
    lock = threading.Lock()

    def seal(number: int) -> None:
        for count in range(200):
            data = f"question {number}-{count} ".encode() * (count % 7 + 1)
            token = ours.encrypt(data)
            with lock:
                made.append((data, token))

    threads = [threading.Thread(target=seal, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1200
    assert all(theirs.decrypt(token) == data for data, token in made)


def test_the_work_queue_seal_opens_with_its_fernet_and_refuses_another_key() -> None:
    sealer = Sealer("xoxb-one")
    sealed = sealer.seal("a lone surrogate \ud800 survives")
    assert sealed is not None and "surrogate" not in sealed
    assert sealer.open(sealed) == "a lone surrogate \ud800 survives"
    with pytest.raises(ValueError, match="another key"):
        Sealer("xoxb-two").open(sealed)


def test_a_key_of_the_wrong_length_is_refused() -> None:
    with pytest.raises(ValueError, match="32 bytes"):
        FernetSealer(b"c2hvcnQ=")
