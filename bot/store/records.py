"""What the store keeps and the protocols the app uses it through (no SQL, no driver).

Privacy: feedback stores a hash of the question, never its text, unless the operator opts in
with PEERBOT_STORE_QUESTION_TEXT (then `remember_question` is called with the text).
"""

from __future__ import annotations

import hashlib
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
