"""What the store keeps and the protocols the app uses it through (no SQL, no driver).

Privacy: feedback stores a hash of the question, never its text, unless the operator opts in
with PEERBOT_STORE_QUESTION_TEXT (then `remember_question` is called with the text).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

_QUESTION_HASH_CHARS = 16

VoteKind = Literal["helpful", "not_helpful"]


class StoreError(Exception):
    """The database cannot be opened, migrated or used; the message says which and why."""


def question_hash(question: str) -> str:
    """A short, stable hash of the normalised question: groups votes without keeping the text."""
    normal = " ".join(question.casefold().split())
    # surrogatepass: JSON from Slack can carry a lone surrogate ("\\ud800"), which UTF-8 refuses.
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[
        :_QUESTION_HASH_CHARS
    ]


class EventStore(Protocol):
    """Remembers which Slack deliveries were already taken on, across all workers."""

    def claim(self, key: str) -> bool:
        """True the first time `key` is claimed in this deployment, False ever after."""
        ...

    def close(self) -> None:
        """Release connections held by this process."""
        ...


@dataclass(frozen=True)
class Vote:
    """One click on Helpful / Not helpful, with what was shown but not what was asked."""

    vote: VoteKind
    question_hash: str
    snippet_ids: tuple[str, ...]
    voted_at: float
    # A hash of (message, person) from `ballot_key`: that person's earlier vote on that message
    # is replaced, so `peerbot feedback` counts people, not clicks. None: one anonymous click.
    ballot: str | None = None


@dataclass(frozen=True)
class SnippetVotes:
    """Votes on answers that showed one snippet."""

    snippet_id: str
    helpful: int
    not_helpful: int


@dataclass(frozen=True)
class QuestionVotes:
    """Votes on one question (by hash); `text` only when the operator opted in to keep it."""

    question_hash: str
    text: str | None
    helpful: int
    not_helpful: int
    declined: bool


@dataclass(frozen=True)
class FeedbackSummary:
    """Totals, snippets ranked by down-votes, and questions ranked by down-votes."""

    helpful: int
    not_helpful: int
    snippets: tuple[SnippetVotes, ...]
    questions: tuple[QuestionVotes, ...]

    @property
    def total(self) -> int:
        """Every vote recorded."""
        return self.helpful + self.not_helpful


OutcomeKind = Literal["answered", "partial", "declined"]


@dataclass(frozen=True)
class Outcome:
    """How one question was answered, without its text: what `peerbot gaps` is built from."""

    question_hash: str
    outcome: OutcomeKind
    frame: str | None
    concepts: tuple[str, ...]
    missing: str | None
    snippet_ids: tuple[str, ...]
    asked_at: float


class FeedbackStore(Protocol):
    """Where Helpful / Not helpful votes go, and where `peerbot feedback` reads them."""

    def record(self, vote: Vote) -> None:
        """Store one vote."""
        ...

    def remember_question(self, question_hash: str, text: str) -> None:
        """Keep a question's text next to its hash (only called when the operator opted in)."""
        ...

    def summary(self) -> FeedbackSummary:
        """Every vote, aggregated."""
        ...

    def record_outcome(self, outcome: Outcome) -> None:
        """Store how one question was answered (hash, frame, concepts, snippets shown)."""
        ...

    def close(self) -> None:
        """Release connections held by this process."""
        ...


# A job's life: received (accepted, not yet posted) -> posting (the Slack call is being made)
# -> answered (text and response_url erased, ids kept a day). failed: given up, also erased.
JobState = Literal["received", "posting", "answered", "failed"]
OPEN_STATES: tuple[JobState, ...] = ("received", "posting")


@dataclass(frozen=True)
class Job:
    """One accepted question (or slash command), with just enough to answer it again.

    `text` and `response_url` are kept only until the job is finished, then erased.
    """

    key: str
    kind: str
    event_id: str
    received_at: float
    channel: str | None = None
    ts: str | None = None
    thread_ts: str | None = None
    user_id: str | None = None
    command: str | None = None
    response_url: str | None = None
    text: str | None = None
    state: JobState = "received"
    attempts: int = 0


@dataclass(frozen=True)
class Finished:
    """A job to mark finished (answered or failed) at `at`, written behind (`WriteBehind`)."""

    key: str
    state: JobState
    at: float


@dataclass(frozen=True)
class ThreadSubject:
    """A thread peerbot answered in, with its last answer's concept ids, as of `at`."""

    channel: str
    thread_ts: str
    concepts: tuple[str, ...]
    at: float


@dataclass(frozen=True)
class Batch:
    """What answered questions leave to write once their replies are out, in arrival order."""

    outcomes: tuple[Outcome, ...] = ()
    # (where the reply went, when)
    answers: tuple[tuple[Answered, float], ...] = ()
    threads: tuple[ThreadSubject, ...] = ()
    finished: tuple[Finished, ...] = ()

    def __len__(self) -> int:
        return len(self.outcomes) + len(self.answers) + len(self.threads) + len(self.finished)


class WorkStore(Protocol):
    """Durable jobs with leases, shared by every worker and every instance."""

    def accept(self, job: Job, owner: str, lease_until: float) -> bool:
        """Record `job` leased to `owner`; False (nothing changed) if its key is known."""
        ...

    def lease(self, key: str, owner: str, until: float, now: float) -> Job | None:
        """Take an open job whose lease has expired; None if finished or held by another."""
        ...

    def lease_due(self, owner: str, until: float, now: float, limit: int) -> list[Job]:
        """Take up to `limit` open jobs whose leases have expired, oldest first."""
        ...

    def mark_posting(self, key: str, owner: str, until: float) -> bool:
        """Record that the reply is about to be sent; False if the lease was lost."""
        ...

    def renew(self, keys: Sequence[str], owner: str, until: float) -> int:
        """Extend to `until` the leases `owner` still holds on these open jobs; how many."""
        ...

    def finish(self, key: str, state: JobState, now: float) -> None:
        """Answered or failed: erase the text and response_url, keep the ids."""
        ...

    def release(self, key: str, owner: str, until: float) -> None:
        """Hand an open job back, to be taken again from `until` on."""
        ...

    def job_state(self, key: str) -> JobState | None:
        """A job's state, or None if unknown (or pruned)."""
        ...

    def prune_jobs(self, finished_before: float) -> int:
        """Delete finished jobs older than `finished_before`; how many went."""
        ...

    def write_batch(self, batch: Batch) -> None:
        """Write what answered questions left behind: a few statements for the whole batch."""
        ...

    def checkpoint(self) -> None:
        """Housekeeping off the question path: see `Database.checkpoint`."""
        ...


# --- conversations: threads, answered messages, share copies, one vote per person ---------------
# Nothing here holds what anyone wrote: a thread keeps the concept ids of its last answer, an
# answered message only where it and its reply are, and a vote a hash of (message, person).


def ballot_key(message: str, person: str) -> str:
    """One person's ballot on one message, as a hash: counts people without listing who voted."""
    return hashlib.sha256(f"{message}\n{person}".encode("utf-8", "surrogatepass")).hexdigest()[:32]


@dataclass(frozen=True)
class Answered:
    """Where a question peerbot answered sits, and where its reply sits (no text)."""

    channel: str
    ts: str
    reply_ts: str


class ConversationStore(Protocol):
    """What follow-ups, edits, deletions and share copies need remembered, for a day."""

    def remember_thread(self, channel: str, thread_ts: str, concepts: tuple[str, ...]) -> None:
        """peerbot answered in this thread; its last answer used these concept ids."""
        ...

    def thread(self, channel: str, thread_ts: str) -> tuple[str, ...] | None:
        """The concept ids of a thread peerbot answered in, or None if it is not one of its."""
        ...

    def forget_thread(self, channel: str, thread_ts: str) -> None:
        """Drop a thread (its first question was deleted)."""
        ...

    def remember_answer(self, answered: Answered) -> None:
        """peerbot replied to the message at (channel, ts) with the message at reply_ts."""
        ...

    def answered(self, channel: str, ts: str) -> Answered | None:
        """peerbot's reply to a message, if it answered it."""
        ...

    def forget_answer(self, channel: str, ts: str) -> None:
        """The question was deleted: nothing about it is kept."""
        ...

    def remember_share(self, channel: str, ts: str, copy_channel: str, copy_ts: str) -> None:
        """A Share copy at (copy_channel, copy_ts) repeats the message at (channel, ts)."""
        ...

    def shares_of(self, channel: str, ts: str) -> list[tuple[str, str]]:
        """Every Share copy that repeats a message, as (channel, ts)."""
        ...

    def forget_shares(self, channel: str, ts: str) -> None:
        """The message was deleted: forget where its copies were."""
        ...

    def close(self) -> None:
        """Release connections held by this process."""
        ...
