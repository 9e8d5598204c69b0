"""What a question produces, independent of how it is shown (CLI text, JSON or Slack blocks).

A `Result` cannot exist without its source's citation: renderers receive nothing else to quote,
so no front end can show a passage without saying where it comes from.
"""

from __future__ import annotations

from typing import Any

from bot.knowledge import KnowledgeBase, Snippet
from bot.records import Record, frozen_record

# Shown under every answer, in the terminal and in Slack.
DISCLAIMER = "Quotes from curated sources, not clinical or legal advice."
# The reply to a question that names no topic: which passage answers "where do I start?"
# depends on what it is about, so peerbot asks rather than guess.
VAGUE_QUESTION = "Your question does not say what it is about."
VAGUE_HINT = (
    'Ask again naming a role, a topic or a study, e.g. "what does the research say about peer '
    'support and hospital stays?"'
)


@frozen_record
class Result(Record):
    """One quoted passage with everything needed to cite it."""

    snippet_id: str
    source_id: str
    text: str
    citation: str
    link: str | None
    kind: str
    source_name: str
    score: float
    # The work's one-line label for the numbered Sources list ("Rogers (2017). Peer support …").
    label: str = ""

    @classmethod
    def from_snippet(cls, kb: KnowledgeBase, snippet: Snippet, score: float) -> Result:
        """Attach the snippet's source citation; the only way results are made."""
        source = kb.source_of(snippet)
        return cls(
            snippet_id=snippet.id,
            source_id=source.id,
            text=snippet.text,
            citation=source.citation(with_link=False),
            link=source.link,
            kind=source.kind,
            source_name=source.short_name,
            score=score,
            label=source.short_label,
        )

    @property
    def full_citation(self) -> str:
        """The citation followed by its DOI or URL, for plain-text output."""
        return f"{self.citation} {self.link}" if self.link else self.citation

    def to_json(self) -> dict[str, Any]:
        """The documented JSON shape of one result."""
        return {
            "snippet_id": self.snippet_id,
            "source_id": self.source_id,
            "text": self.text,
            "citation": self.full_citation,
            "kind": self.kind,
            "score": round(self.score, 6),
        }


@frozen_record
class Suggestion(Record):
    """A role or topic the knowledge base does cover, offered when a question is declined."""

    kind: str  # "role" or "topic"
    id: str
    label: str


@frozen_record
class Answer(Record):
    """The outcome of one question: quoted results, or a refusal with suggestions."""

    question: str
    answered: bool
    results: tuple[Result, ...]
    suggestions: tuple[Suggestion, ...]
    crisis: bool = False  # the question uses self-harm, suicide or overdose wording
    # A partial answer: what the sources lack ("pay figures"), with passages that are related but
    # do not answer. `answered` is False whenever `missing` is set; `results` holds answers only.
    missing: str | None = None
    related: tuple[Result, ...] = ()
    # What the question asked for (a frame id from knowledge/frames.yaml, e.g. "definition") and
    # the concept ids (roles, topics, programs) it was read as: stored for follow-ups and gaps,
    # never the question text.
    frame: str | None = None
    concepts: tuple[str, ...] = ()
    # The part of the message that was answered, when greetings, asides or a second question
    # were left out (None when the whole message was the question), and how many further
    # questions the message held that were not answered.
    ask: str | None = None
    other_questions: int = 0
    # Declined because the question names no topic ("where do I start?", "what does the
    # research say?"): the reply asks what it is about instead of saying the sources lack it.
    vague: bool = False

    @property
    def partial(self) -> bool:
        """True when the sources lack what was asked but hold related passages."""
        return not self.answered and self.missing is not None

    def to_json(self) -> dict[str, Any]:
        """The documented `peerbot ask --json` object."""
        return {
            "question": self.question,
            "answered": self.answered,
            "results": [result.to_json() for result in self.results],
            "suggestions": [suggestion.label for suggestion in self.suggestions],
            "crisis": self.crisis,
            "missing": self.missing,
            "related": [result.to_json() for result in self.related],
            "frame": self.frame,
            "concepts": list(self.concepts),
            "ask": self.ask,
            "other_questions": self.other_questions,
            "vague": self.vague,
        }


@frozen_record
class RoleCard(Record):
    """What the sources say about one role title, or the near titles when none matched."""

    query: str
    role_id: str | None
    title: str | None
    aliases: tuple[str, ...]
    results: tuple[Result, ...]
    suggestions: tuple[Suggestion, ...]

    @property
    def found(self) -> bool:
        """True when the query named a role the knowledge base knows."""
        return self.role_id is not None

    def to_json(self) -> dict[str, Any]:
        """The `peerbot role --json` object."""
        return {
            "query": self.query,
            "found": self.found,
            "role_id": self.role_id,
            "title": self.title,
            "aliases": list(self.aliases),
            "results": [result.to_json() for result in self.results],
            "suggestions": [
                {"role_id": suggestion.id, "title": suggestion.label}
                for suggestion in self.suggestions
            ],
        }
