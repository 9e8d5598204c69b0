"""Fernet tokens made without building a cipher per token: the work queue's seal, cheaper.

Every question is sealed before Slack gets its 200 (bot.work), so the seal is on the path of
each acknowledgement. `Fernet.encrypt` builds a new AES-CBC cipher context, a padder and an
HMAC object for every token: in a loaded gunicorn worker, where little of that is in the CPU's
caches between requests, about 0.04-0.09 ms of a mention's CPU (benchmarks/README.md, the
server section), for a few dozen bytes of text.

`FernetSealer` makes the same tokens (the Fernet specification's version byte, time stamp,
random 16-byte IV, AES-128-CBC with PKCS7 padding, HMAC-SHA256 of all that, URL-safe base64),
which `Fernet.decrypt` of any release opens, so jobs sealed here and jobs sealed by an earlier
peerbot stay interchangeable between processes. What it saves is the set-up: each thread keeps
one AES-CBC encryptor open for good and runs every token through it. CBC encrypts each block
XOR-ed with the ciphertext block before it, so a context that is carried on from its last
output block `prev` encrypts a message under any chosen IV when the message's first block is
XOR-ed with `iv ^ prev` first: the cipher then sees `first ^ iv`, exactly what a fresh context
given `iv` would see, and the later blocks chain as usual. The IV is still a fresh random one
per token (os.urandom), as Fernet's. `tests/test_seal.py` checks the tokens byte for byte
against `cryptography`'s own Fernet for the same IV and time, and that Fernet opens them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import threading
import time

from cryptography.hazmat.primitives.ciphers import Cipher, CipherContext, algorithms, modes

_VERSION = b"\x80"
_BLOCK = 16


class FernetSealer:
    """Fernet's `encrypt`, with a long-lived AES-CBC context per thread."""

    def __init__(self, key: bytes) -> None:
        """`key`: a Fernet key (32 bytes, URL-safe base64), as `Fernet(key)` takes it."""
        raw = base64.urlsafe_b64decode(key)
        if len(raw) != 32:
            raise ValueError("a Fernet key is 32 bytes, URL-safe base64-encoded")
        self._encryption_key = raw[16:]
        # HMAC keyed once; each token's is a copy of it (the key is not scheduled again).
        self._mac = hmac.new(raw[:16], digestmod=hashlib.sha256)
        self._local = threading.local()

    def _context(self) -> tuple[CipherContext, bytes]:
        """This thread's encryptor and the last ciphertext block it put out."""
        local = self._local
        context: CipherContext | None = getattr(local, "context", None)
        if context is None:
            start = bytes(_BLOCK)
            cipher = Cipher(algorithms.AES(self._encryption_key), modes.CBC(start))
            context = local.context = cipher.encryptor()
            local.previous = start
        previous: bytes = local.previous
        return context, previous

    def encrypt(self, data: bytes) -> bytes:
        """A Fernet token of `data`, with a random IV and the current time."""
        return self.encrypt_at(data, int(time.time()), os.urandom(_BLOCK))

    def encrypt_at(self, data: bytes, at: int, iv: bytes) -> bytes:
        """The Fernet token of `data` for time stamp `at` and this `iv` (tests pin both)."""
        pad = _BLOCK - len(data) % _BLOCK
        padded = data + bytes((pad,)) * pad
        context, previous = self._context()
        steer = int.from_bytes(iv, "big") ^ int.from_bytes(previous, "big")
        first = (int.from_bytes(padded[:_BLOCK], "big") ^ steer).to_bytes(_BLOCK, "big")
        try:
            ciphertext = context.update(first + padded[_BLOCK:])
        except BaseException:
            # Where the context's chain stands is unknown now: this thread starts a new one.
            self._local.context = None
            raise
        self._local.previous = ciphertext[-_BLOCK:]
        parts = _VERSION + at.to_bytes(8, "big") + iv + ciphertext
        mac = self._mac.copy()
        mac.update(parts)
        return base64.urlsafe_b64encode(parts + mac.digest())
