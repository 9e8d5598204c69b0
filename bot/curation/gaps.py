"""`peerbot gaps`: what to curate next, from what the bot recorded while answering.

Three lists, each pointing at a different kind of work:
- questions declined or answered only partly, grouped by frame (what was asked for) and concept
  (what it was about): a group of declined questions is a passage the sources may hold but no
  snippet quotes yet, or a known hole to say so about;
- passages most often voted "not helpful": a snippet that answers the wrong question;
- roles and topics no answer ever showed: dead weight, or missing synonyms.

Questions are identified by hash and concept ids; their text appears only where the operator
opted in to keep it (PEERBOT_STORE_QUESTION_TEXT), because staff may paste personal details.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.knowledge import KnowledgeBase
from bot.store import Outcome, SnippetVotes

NO_FRAME = "(no frame)"
NO_CONCEPT = "(no concept)"


@dataclass(frozen=True)
class GapQuestion:
    """One declined or partial question: its hash, and its text only if it was kept."""

    question_hash: str
    text: str | None
    times: int


@dataclass
class GapGroup:
    """Declined and partial questions that share a frame and a concept."""

    frame: str
    concept: str
    declined: int = 0
    partial: int = 0
    missing: list[str] = field(default_factory=list)
    questions: list[GapQuestion] = field(default_factory=list)

    @property
    def total(self) -> int:
        """How many times questions in this group went unanswered."""
        return self.declined + self.partial


@dataclass(frozen=True)
class Gaps:
    """The whole report, ready for text or JSON."""

    questions: int
    declined: int
    partial: int
    groups: tuple[GapGroup, ...]
    not_helpful: tuple[SnippetVotes, ...]
    roles_never_shown: tuple[str, ...]
    topics_never_shown: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The `peerbot gaps --json` object."""
        return {
            "questions": self.questions,
            "declined": self.declined,
            "partial": self.partial,
            "groups": [
                {
                    "frame": group.frame,
                    "concept": group.concept,
                    "declined": group.declined,
                    "partial": group.partial,
                    "missing": group.missing,
                    "questions": [
                        {"hash": q.question_hash, "text": q.text, "times": q.times}
                        for q in group.questions
                    ],
                }
                for group in self.groups
            ],
            "not_helpful": [
                {"snippet_id": v.snippet_id, "not_helpful": v.not_helpful, "helpful": v.helpful}
                for v in self.not_helpful
            ],
            "never_shown": {
                "roles": list(self.roles_never_shown),
                "topics": list(self.topics_never_shown),
            },
        }

    def lines(self, top: int = 10) -> list[str]:
        """The report as plain text for the terminal."""
        out = [
            f"{self.questions} question(s) recorded: {self.declined} declined, "
            f"{self.partial} partly answered."
        ]
        if self.groups:
            out += ["", "Declined and partial questions, by frame and concept (most first):"]
            for group in self.groups[:top]:
                missing = f"; sources lack: {', '.join(group.missing)}" if group.missing else ""
                out.append(
                    f"  {group.frame} / {group.concept}: {group.declined} declined, "
                    f"{group.partial} partial{missing}"
                )
                for question in group.questions[:top]:
                    label = (
                        question.text if question.text is not None else f"#{question.question_hash}"
                    )
                    times = f" (x{question.times})" if question.times > 1 else ""
                    out.append(f"      {label}{times}")
        if self.not_helpful:
            out += ["", "Passages most often voted not helpful:"]
            for votes in self.not_helpful[:top]:
                out.append(
                    f"  {votes.not_helpful:>3} not helpful, {votes.helpful:>3} helpful  "
                    f"{votes.snippet_id}"
                )
        out += ["", "Never shown in an answer:"]
        out.append(f"  roles:  {', '.join(self.roles_never_shown) or '(none)'}")
        out.append(f"  topics: {', '.join(self.topics_never_shown) or '(none)'}")
        return out


def find_gaps(
    kb: KnowledgeBase,
    outcomes: Iterable[Outcome],
    votes: Iterable[SnippetVotes],
    texts: Mapping[str, str],
) -> Gaps:
    """Aggregate recorded outcomes and votes against the knowledge base in service now."""
    groups: dict[tuple[str, str], GapGroup] = {}
    counts: dict[tuple[str, str], dict[str, int]] = {}
    shown: set[str] = set()
    total = declined = partial = 0
    for outcome in outcomes:
        total += 1
        shown.update(outcome.snippet_ids)
        if outcome.outcome == "answered":
            continue
        declined += outcome.outcome == "declined"
        partial += outcome.outcome == "partial"
        frame = outcome.frame or NO_FRAME
        for concept in outcome.concepts or (NO_CONCEPT,):
            key = (frame, concept)
            group = groups.setdefault(key, GapGroup(frame, concept))
            if outcome.outcome == "declined":
                group.declined += 1
            else:
                group.partial += 1
            if outcome.missing and outcome.missing not in group.missing:
                group.missing.append(outcome.missing)
            per_question = counts.setdefault(key, {})
            per_question[outcome.question_hash] = per_question.get(outcome.question_hash, 0) + 1
    for key, group in groups.items():
        ranked = sorted(counts[key].items(), key=lambda item: (-item[1], item[0]))
        group.questions = [GapQuestion(qhash, texts.get(qhash), n) for qhash, n in ranked]
    ordered = sorted(groups.values(), key=lambda g: (-g.total, g.frame, g.concept))
    shown_snippets = [snippet for snippet in kb.snippets if snippet.id in shown]
    shown_roles = {role for snippet in shown_snippets for role in snippet.roles}
    shown_topics = {topic for snippet in shown_snippets for topic in snippet.topics}
    return Gaps(
        questions=total,
        declined=declined,
        partial=partial,
        groups=tuple(ordered),
        not_helpful=tuple(v for v in votes if v.not_helpful > 0),
        roles_never_shown=tuple(role for role in kb.roles if role not in shown_roles),
        topics_never_shown=tuple(topic for topic in kb.topics if topic not in shown_topics),
    )
