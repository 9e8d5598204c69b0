"""What an answered question leaves to write, written behind the reply, in batches.

Once a reply is in Slack, four rows remain: how the question was answered (`peerbot gaps`),
where the reply went (so an edit or deletion finds it), the thread's subject (so a follow-up is
read with it) and the job finished (its text erased). Written by the answering thread as four
autocommit statements, they were the largest server cost after the search under load: four
commits and four turns at SQLite's write lock per question, while other threads' pre-ack
INSERTs queue for the same lock (benchmarks/README.md, the server section). `WriteBehind`
queues them; a thread of the process writes everything queued at most `delay` seconds after
the first of it, as one statement per table (`WorkStore.write_batch`), so a busy process pays
four commits per batch instead of per question.

Nothing acknowledged can be lost by this (bot.work's promise): the job was recorded before the
ack and marked `posting` before the Slack call, synchronously, as before. If the process dies
with rows still queued (SIGKILL, OOM, a power cut):

- the job stays `posting` and leased; when the lease expires a sweeper re-runs it as
  recovering, finds the reply in Slack by its metadata and records where it went and the
  thread, without posting again (`bot.listeners.replying.perform_message`). Where the bot
  cannot look (a channel without the history scope) it posts once more: bot.work's documented
  crash window, now up to `delay` longer (it was one Slack call plus one UPDATE);
- the outcome row is not written again: `peerbot gaps` misses those questions.

SIGTERM and SIGINT stop the process through bot.work's shutdown, which writes everything
queued before it returns. A read in this process or another sees a queued row once it is
written (within `delay`); nobody can follow up on a reply, or edit the question, faster.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from bot.process import current_pid
from bot.store.records import (
    Answered,
    Batch,
    Finished,
    JobState,
    Outcome,
    StoreError,
    ThreadSubject,
    WorkStore,
)

log = logging.getLogger("peerbot.store")

# How long the first queued row waits for others to share its statements. At the benchmark's
# load (~200 mentions a second per worker) a batch holds about ten questions.
DEFAULT_DELAY_SECONDS = 0.05
# After a failed write (the database is down) the rows are kept and tried again this much later.
RETRY_SECONDS = 1.0
# Rows kept while the database cannot be written; beyond this the oldest are dropped (logged):
# their jobs are re-run by a sweeper once the database is back, as after a crash.
MAX_QUEUED = 10_000
# The writer thread ends after this long without rows, or once closed and drained.
IDLE_SECONDS = 60.0


class WriteBehind:
    """A queue of rows for one store, written by one thread per process.

    The thread starts with the first row queued in a process (gunicorn forks its workers from a
    master that queues nothing), so a forked child never inherits a queue it cannot drain.
    """

    def __init__(
        self,
        store: WorkStore,
        *,
        delay: float = DEFAULT_DELAY_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.delay = delay
        self.clock = clock
        self._ready = threading.Condition()
        self._pending = _Pending()
        # Rows ever queued, and rows written (or dropped) so far, in this process: a flush
        # waits for the rows queued before it, not for a queue that busy threads keep filling.
        self._queued = 0
        self._done = 0
        # A flush waits for the rows up to this count: until they are written, no delay.
        self._flush_to = 0
        self._closed = False
        self._thread: threading.Thread | None = None
        self._pid = current_pid()

    # -- queueing ---------------------------------------------------------------------------

    def record_outcome(self, outcome: Outcome) -> None:
        """How a question was answered (its hash, never its text)."""
        self._add(lambda pending: pending.outcomes.append(outcome))

    def remember_answer(self, answered: Answered) -> None:
        """Where the reply to a message went."""
        at = self.clock()
        self._add(lambda pending: pending.answers.append((answered, at)))

    def remember_thread(self, channel: str, thread_ts: str, concepts: tuple[str, ...]) -> None:
        """The thread's last answer's concept ids."""
        subject = ThreadSubject(channel, thread_ts, concepts, self.clock())
        self._add(lambda pending: pending.threads.append(subject))

    def finish(self, key: str, state: JobState, at: float) -> None:
        """The job is answered (or failed): erase its text, keep its ids."""
        self._add(lambda pending: pending.finished.append(Finished(key, state, at)))

    def _add(self, put: Callable[[_Pending], None]) -> None:
        with self._ready:
            if self._pid != current_pid():
                # Forked after rows were queued (not gunicorn's case): they are the parent's.
                self._pending, self._thread = _Pending(), None
                self._queued = self._done = self._flush_to = 0
                self._pid = current_pid()
            first = not self._pending
            put(self._pending)
            self._queued += 1
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._write_forever, daemon=True, name="peerbot-writes"
                )
                self._thread.start()
            elif first or self._urgent():
                # Wake the writer only when it waits for a first row or should write now: a
                # wake-up per row would cost each answer thread switches for nothing.
                self._ready.notify_all()

    # -- writing ----------------------------------------------------------------------------

    def flush(self, timeout: float | None = None) -> bool:
        """Write every row queued so far now; False if they are not all written within
        `timeout` (the database is down: they stay queued and are tried again)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._ready:
            if self._pid != current_pid():
                return True
            target = self._queued
            if self._done >= target:
                return True
            self._flush_to = max(self._flush_to, target)
            self._ready.notify_all()
            while self._done < target:
                if self._thread is None or not self._thread.is_alive():
                    return False
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._ready.wait(left)
            return True

    def close(self, timeout: float | None = None) -> bool:
        """Flush (see `flush`); rows queued afterwards are written at once, not delayed."""
        with self._ready:
            self._closed = True
        return self.flush(timeout)

    def _write_forever(self) -> None:
        while True:
            with self._ready:
                while not self._pending:
                    if self._closed or not self._ready.wait(IDLE_SECONDS):
                        if not self._pending:
                            # Nothing to write: the next row queued starts a new thread.
                            self._thread = None
                            return
                if not self._urgent():
                    # Let others join the batch; a flush (or close) cuts the wait short.
                    self._ready.wait_for(self._urgent, self.delay)
                batch = self._pending.take()
                self._pending = _Pending()
            written = self._write(batch)
            with self._ready:
                if written:
                    self._done += len(batch)
                else:
                    self._pending = _Pending.of(batch).then(self._pending)
                    dropped = self._pending.trim(MAX_QUEUED)
                    if dropped:
                        log.error("rows dropped after failed writes rows=%d", dropped)
                        self._done += dropped
                self._ready.notify_all()
            if not written:
                time.sleep(RETRY_SECONDS)

    def _urgent(self) -> bool:
        """Write without waiting: a flush waits for rows not yet written, or after shutdown
        (a late listener thread's rows are written at once, not never)."""
        return self._closed or self._done < self._flush_to

    def _write(self, batch: Batch) -> bool:
        try:
            self.store.write_batch(batch)
        except StoreError as error:
            log.error("rows not written, will retry rows=%d error=%s", len(batch), error)
            return False
        except Exception:
            log.exception("rows not written, will retry rows=%d", len(batch))
            return False
        return True


class _Pending:
    """Rows queued and not yet taken by the writer, in arrival order."""

    def __init__(self) -> None:
        self.outcomes: list[Outcome] = []
        self.answers: list[tuple[Answered, float]] = []
        self.threads: list[ThreadSubject] = []
        self.finished: list[Finished] = []

    @classmethod
    def of(cls, batch: Batch) -> _Pending:
        pending = cls()
        pending.outcomes = list(batch.outcomes)
        pending.answers = list(batch.answers)
        pending.threads = list(batch.threads)
        pending.finished = list(batch.finished)
        return pending

    def then(self, later: _Pending) -> _Pending:
        """These rows followed by `later`'s."""
        self.outcomes += later.outcomes
        self.answers += later.answers
        self.threads += later.threads
        self.finished += later.finished
        return self

    def trim(self, limit: int) -> int:
        """Drop the oldest rows of each kind beyond `limit` in all; how many went."""
        dropped = 0
        for rows in (self.outcomes, self.answers, self.threads, self.finished):
            extra = len(self) - limit
            if extra <= 0:
                break
            cut = min(extra, len(rows))
            del rows[:cut]
            dropped += cut
        return dropped

    def take(self) -> Batch:
        return Batch(
            tuple(self.outcomes), tuple(self.answers), tuple(self.threads), tuple(self.finished)
        )

    def __len__(self) -> int:
        return len(self.outcomes) + len(self.answers) + len(self.threads) + len(self.finished)
