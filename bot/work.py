"""The durable work queue: accept, lease, post, finish; a sweeper re-runs what a crash left.

Slack counts an event as delivered once it gets its HTTP 200 (or Socket Mode ack) and will not
send it again, so anything acknowledged must survive the process that acknowledged it. Every
question (and slash command) is recorded here *before* the ack, leased to the process taking
it, and finished after the reply went out:

    received --(mark_posting, just before the Slack call)--> posting --> answered | failed

A live process renews the leases of the jobs it holds every third of a lease, however slow
their replies; a process that dies leaves its jobs leased; when a lease expires, the sweeper of
any worker of any instance leases them again (SKIP LOCKED on PostgreSQL) and re-runs them.
Start-up is the same sweep, so pending work is resumed at once. On SIGTERM a process stops
sweeping, lets the jobs it holds finish within the grace, and hands the rest back (lease
expired now) for the next process to take, so nothing acknowledged is dropped.

The double-post window: a job found in `posting` may or may not have reached Slack (the
process died between the call and `finish`). Its performer is told (`recovering=True`) and
looks for its own earlier reply before posting again (see bot.listeners.replying); where it
cannot look, it posts once more. The window is one Slack call plus the write-behind delay long:
`finish` is queued with what the reply leaves behind and written in batches (bot.store.behind),
at most `DEFAULT_DELAY_SECONDS` later, and on shutdown before the process exits.

Privacy: a job holds the question text and the response_url only until it is finished; then
both are erased and only ids remain, deleted a day later (`KEEP_FINISHED_SECONDS`). While
stored they are sealed (Fernet: AES-128-CBC with HMAC-SHA256) under a key derived from the bot
token, which is never stored: erased rows linger in SQLite's free pages and WAL and in
PostgreSQL's dead tuples until overwritten, and sealing keeps those leftovers unreadable too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import Literal

from cryptography.fernet import Fernet, InvalidToken

from bot.process import current_pid
from bot.records import Record, frozen_record
from bot.store import Job, StoreError, WorkStore
from bot.store.behind import WriteBehind

log = logging.getLogger("peerbot.work")

DEFAULT_LEASE_SECONDS = 30.0
DEFAULT_SWEEP_SECONDS = 1.0
# Finished jobs keep only ids, and only this long (Slack retries an event within minutes).
KEEP_FINISHED_SECONDS = 24 * 60 * 60
# A response_url works for 30 minutes; a question older than that is not worth answering late.
GIVE_UP_SECONDS = 30 * 60
MAX_ATTEMPTS = 6
_PRUNE_EVERY_SECONDS = 60 * 60

# answered / failed: finished. retry: hand back, try later. lost: another process took it.
JobOutcome = Literal["answered", "failed", "retry", "lost"]
# perform(job, mark_posting, recovering) -> outcome. `mark_posting` must be called right
# before the Slack call and returns False if the lease was lost (then do not post).
Perform = Callable[[Job, Callable[[], bool], bool], JobOutcome]


class Sealer:
    """Seals what a job stores of people's words (text, response_url) for every process of
    the deployment: the key is derived from a secret they all share and nothing stores."""

    _LABEL = b"peerbot job text v1"

    def __init__(self, secret: str) -> None:
        digest = hmac.new(secret.encode("utf-8"), self._LABEL, hashlib.sha256).digest()
        self._fernet = Fernet(base64.urlsafe_b64encode(digest))

    def seal(self, value: str | None) -> str | None:
        """`value` sealed (ASCII), or None."""
        if value is None:
            return None
        return self._fernet.encrypt(value.encode("utf-8", "surrogatepass")).decode("ascii")

    def open(self, value: str | None) -> str | None:
        """A sealed value opened; raises ValueError if it was not sealed with this key."""
        if value is None:
            return None
        try:
            return self._fernet.decrypt(value.encode("ascii")).decode("utf-8", "surrogatepass")
        except (InvalidToken, UnicodeError) as error:
            raise ValueError("sealed with another key (was the bot token rotated?)") from error


@frozen_record
class Accepted(Record):
    """What `accept` decided for one delivery."""

    # new: recorded now; resumed: known, unfinished, its lease expired, taken now;
    # busy: another process holds it; done: finished already; unrecorded: the store failed.
    status: Literal["new", "resumed", "busy", "done", "unrecorded"]
    job: Job

    @property
    def leased(self) -> bool:
        """Whether this process should run the job now."""
        return self.status in ("new", "resumed", "unrecorded")


class WorkQueue:
    """Jobs of this process: accepted from Slack, or swept up after someone else's crash."""

    def __init__(
        self,
        store: WorkStore,
        secret: str,
        *,
        lease_seconds: float = DEFAULT_LEASE_SECONDS,
        sweep_seconds: float = DEFAULT_SWEEP_SECONDS,
        batch: int = 8,
        clock: Callable[[], float] = time.time,
        writes: WriteBehind | None = None,
    ) -> None:
        self.store = store
        # A job's finish, and what its listener remembers once the reply is out, are written
        # behind the reply in batches (bot.store.behind says what a crash can cost).
        self.writes = writes if writes is not None else WriteBehind(store, clock=clock)
        self.sealer = Sealer(secret)
        self.lease_seconds = lease_seconds
        self.sweep_seconds = sweep_seconds
        self.batch = batch
        self.clock = clock
        self._performers: dict[str, Perform] = {}
        self._instance = f"{socket.gethostname()}:{secrets.token_hex(3)}"
        self._held: dict[str, bool] = {}  # key -> running
        self._held_lock = threading.Condition()
        self._stopping = threading.Event()
        self._sweeper: threading.Thread | None = None
        self._renewer: threading.Thread | None = None
        self._last_prune = 0.0

    @property
    def owner(self) -> str:
        """This process's lease name (the pid changes after gunicorn forks a worker)."""
        return f"{self._instance}:{current_pid()}"

    def handle(self, kind: str, perform: Perform) -> None:
        """Use `perform` for jobs of `kind` (registered once, by the listener modules)."""
        self._performers[kind] = perform

    # -- taking work -------------------------------------------------------------------------

    def accept(self, job: Job) -> Accepted:
        """Record a delivery before it is acknowledged, and lease it to this process.

        A redelivery of a job that was recorded but never finished (its first delivery never
        got its 200, or its process died) is leased again once its lease has expired: it is
        answered, not skipped as already handled. If the store cannot be written, the job is
        run anyway, without a record: serving continues, only crash safety is lost.
        """
        now = self.clock()
        until = now + self.lease_seconds
        try:
            sealed = replace(
                job,
                text=self.sealer.seal(job.text),
                response_url=self.sealer.seal(job.response_url),
            )
            if self.store.accept(sealed, self.owner, until):
                status: Literal["new", "resumed", "busy", "done"] = "new"
                taken: Job | None = job
            else:
                taken = self.store.lease(job.key, self.owner, until, now)
                if taken is not None:
                    status = "resumed"
                    # The redelivery brings the words again: no need to unseal the stored ones.
                    taken = replace(taken, text=job.text, response_url=job.response_url)
                else:
                    state = self.store.job_state(job.key)
                    status = "done" if state in ("answered", "failed") else "busy"
        except StoreError as error:
            log.error("store unavailable, answering unrecorded key=%s error=%s", job.key, error)
            return Accepted("unrecorded", job)
        if taken is not None:
            with self._held_lock:
                self._held[job.key] = False
        return Accepted(status, taken or job)

    def run(self, accepted: Accepted, perform: Perform | None = None) -> JobOutcome | None:
        """Perform a leased job and record the outcome; None if it was not ours to run.

        `perform` defaults to the one registered for the job's kind (the sweeper's way).
        """
        if not accepted.leased:
            return None
        job = accepted.job
        durable = accepted.status != "unrecorded"
        if durable and self._stopping.is_set():
            # Shutting down: a job not started yet goes back for another process to take.
            self._hand_back([job.key])
            return None
        with self._held_lock:
            self._held[job.key] = True
        try:
            return self._run(job, durable, job.state == "posting", perform)
        finally:
            with self._held_lock:
                self._held.pop(job.key, None)
                self._held_lock.notify_all()

    def _run(
        self, job: Job, durable: bool, recovering: bool, perform: Perform | None
    ) -> JobOutcome:
        perform = perform or self._performers.get(job.kind)
        now = self.clock()
        if perform is None or now - job.received_at > GIVE_UP_SECONDS:
            reason = "no handler" if perform is None else "too old"
            log.error("job given up key=%s kind=%s reason=%s", job.key, job.kind, reason)
            self._store_call(durable, lambda: self.store.finish(job.key, "failed", now))
            return "failed"

        def mark_posting() -> bool:
            if not durable:
                return True
            try:
                until = self.clock() + self.lease_seconds
                return self.store.mark_posting(job.key, self.owner, until)
            except StoreError as error:
                # Post anyway: a reply that might be repeated after a crash beats no reply.
                log.error("could not mark posting key=%s error=%s", job.key, error)
                return True

        try:
            outcome = perform(job, mark_posting, recovering)
        except Exception:
            log.exception("job raised key=%s kind=%s", job.key, job.kind)
            outcome = "retry"
        now = self.clock()
        if outcome == "retry" and job.attempts >= MAX_ATTEMPTS:
            log.error("job given up key=%s kind=%s reason=attempts", job.key, job.kind)
            outcome = "failed"
        if outcome in ("answered", "failed"):
            if durable:
                self.writes.finish(job.key, outcome, now)
        elif outcome == "retry":
            backoff = min(self.lease_seconds, 2.0 ** max(job.attempts, 1))
            self._store_call(
                durable, lambda: self.store.release(job.key, self.owner, now + backoff)
            )
        return outcome

    def _store_call(self, durable: bool, call: Callable[[], object]) -> None:
        if not durable:
            return
        try:
            call()
        except StoreError as error:
            # The lease will expire and a sweeper will look at the job again.
            log.error("store unavailable after a job error=%s", error)

    # -- the sweeper -------------------------------------------------------------------------

    def _opened(self, job: Job) -> Job | None:
        """A stored job with its text and response_url unsealed; None (job failed) if they
        cannot be (sealed under another bot token)."""
        try:
            return replace(
                job,
                text=self.sealer.open(job.text),
                response_url=self.sealer.open(job.response_url),
            )
        except ValueError as error:
            log.error("job given up key=%s reason=%s", job.key, error)
            self.store.finish(job.key, "failed", self.clock())
            return None

    def sweep(self) -> int:
        """Lease and run jobs whose leases expired (a crash, a hand-back); how many ran.

        This process's own finished jobs are written first, so it never takes back a job it
        has answered whose finish is still queued (only possible after writes kept failing
        for a whole lease). Then the store's housekeeping: on SQLite the log is checkpointed
        here, once a sweep, rather than by whichever question's commit crosses the threshold
        (bot.store.sqlite).
        """
        self.writes.flush(timeout=self.lease_seconds / 2)
        now = self.clock()
        leased = self.store.lease_due(self.owner, now + self.lease_seconds, now, self.batch)
        jobs = [job for job in map(self._opened, leased) if job is not None]
        ran = 0
        for job in jobs:
            with self._held_lock:
                self._held[job.key] = False
            if self._stopping.is_set():
                self._hand_back([job.key])
                continue
            log.info("resuming job key=%s kind=%s attempt=%d", job.key, job.kind, job.attempts)
            self.run(Accepted("resumed", job))
            ran += 1
        self.store.checkpoint()
        if now - self._last_prune > _PRUNE_EVERY_SECONDS:
            self._last_prune = now
            self.store.prune_jobs(now - KEEP_FINISHED_SECONDS)
        return ran

    def start(self) -> None:
        """Sweep now (pending work is resumed on start-up) and then every `sweep_seconds`;
        renew the leases of the jobs held every third of a lease."""
        if self._sweeper is not None and self._sweeper.is_alive():
            return
        self._stopping.clear()
        self._sweeper = threading.Thread(target=self._sweep_forever, daemon=True, name="sweeper")
        self._sweeper.start()
        self._renewer = threading.Thread(target=self._renew_forever, daemon=True, name="renewer")
        self._renewer.start()

    def renew_held(self) -> int:
        """Extend the leases of every job this process holds; how many were extended.

        A lease only says "the holder is alive": a job whose reply is slow (Slack answering
        late, a loaded machine) must not be taken by another process's sweeper while this one
        is still posting it, or both post. Renewed every third of a lease, a held job's lease
        lapses only when its process has died or stalled for two thirds of a lease.
        """
        keys = self.held()
        if not keys:
            return 0
        try:
            return self.store.renew(keys, self.owner, self.clock() + self.lease_seconds)
        except StoreError as error:
            log.error("could not renew leases count=%d error=%s", len(keys), error)
            return 0

    def _renew_forever(self) -> None:
        while not self._stopping.wait(self.lease_seconds / 3):
            try:
                self.renew_held()
            except Exception:
                log.exception("lease renewal failed, will retry")

    def _sweep_forever(self) -> None:
        while not self._stopping.is_set():
            try:
                while self.sweep() and not self._stopping.is_set():
                    pass
            except StoreError as error:
                log.error("sweep failed, will retry error=%s", error)
            except Exception:
                log.exception("sweep failed, will retry")
            self._stopping.wait(self.sweep_seconds)

    def shutdown(self, grace: float) -> list[str]:
        """Stop sweeping, let running jobs finish within `grace`, hand back the rest, and
        write what the finished ones left queued (given at least a second, within the margin
        gunicorn adds to the grace).

        Returns the keys handed back. Jobs accepted but not started are handed back at once;
        a job still running when the grace is over is handed back too (the process is about
        to be stopped), and whoever takes it next sees whether it had reached `posting`.
        """
        deadline = time.monotonic() + grace
        self._stopping.set()
        if self._sweeper is not None and self._sweeper is not threading.current_thread():
            self._sweeper.join(timeout=grace)
        if self._renewer is not None and self._renewer is not threading.current_thread():
            # Stopped before handing back, so no renewal races the hand-back's expired lease.
            self._renewer.join(timeout=grace)
        with self._held_lock:
            waiting = [key for key, running in self._held.items() if not running]
        self._hand_back(waiting)
        with self._held_lock:
            while any(self._held.values()) and time.monotonic() < deadline:
                self._held_lock.wait(max(0.0, deadline - time.monotonic()))
            left = list(self._held)
        self._hand_back(left)
        if not self.writes.close(timeout=max(1.0, deadline - time.monotonic())):
            log.error("shutdown: queued rows not written; their jobs will be re-run")
        return waiting + left

    def _hand_back(self, keys: list[str]) -> None:
        now = self.clock()
        for key in keys:
            try:
                self.store.release(key, self.owner, now - 1.0)
            except StoreError as error:
                log.error("could not hand back key=%s error=%s", key, error)
        with self._held_lock:
            for key in keys:
                if not self._held.get(key, False):
                    self._held.pop(key, None)

    def held(self) -> list[str]:
        """Keys this process holds now."""
        with self._held_lock:
            return list(self._held)
