"""Which seed sentences are in no snippet: the check that nothing answerable is left out.

Every sentence of every seed is either quoted by a snippet of a source that reads that seed, or
listed in knowledge/uncovered.yaml with the reason it was left out. A sentence in neither is a
fact nobody decided about; `peerbot check --coverage` lists them and CI fails on any.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path

from bot.knowledge import KnowledgeBase, Snippet, UncoveredSentence
from bot.records import Record, frozen_record
from bot.sentences import split_sentences


@frozen_record
class SeedSentence(Record):
    """A sentence of one seed file, with the line it starts on."""

    seed: str
    line: int
    text: str


@frozen_record
class CoverageReport(Record):
    """How the seeds' sentences split between snippets, uncovered.yaml, and neither."""

    total: int
    in_snippets: int
    by_reason: Mapping[str, int]
    missing: tuple[SeedSentence, ...]
    # uncovered.yaml entries whose text a snippet now quotes: (entry, snippet id).
    stale: tuple[tuple[UncoveredSentence, str], ...] = field(default=())

    @property
    def in_uncovered(self) -> int:
        """Sentences accounted for by uncovered.yaml."""
        return sum(self.by_reason.values())

    @property
    def ok(self) -> bool:
        """True when every sentence is decided and uncovered.yaml has no stale entry."""
        return not self.missing and not self.stale

    def summary(self) -> str:
        """One line for `peerbot check`."""
        return (
            f"coverage: {self.total} seed sentences, {self.in_snippets} in snippets, "
            f"{self.in_uncovered} in uncovered.yaml, {len(self.missing)} in neither"
        )


def _snippets_by_seed(kb: KnowledgeBase) -> dict[str, list[Snippet]]:
    by_seed: dict[str, list[Snippet]] = {}
    for snippet in kb.snippets:
        for seed in kb.source_of(snippet).seeds:
            by_seed.setdefault(seed, []).append(snippet)
    return by_seed


def check_coverage(kb: KnowledgeBase, seeds_dir: Path) -> CoverageReport:
    """Segment every seed a source reads and account for each sentence."""
    seeds = sorted({seed for source in kb.sources.values() for seed in source.seeds})
    snippets = _snippets_by_seed(kb)
    uncovered: dict[str, list[UncoveredSentence]] = {}
    for entry in kb.uncovered:
        uncovered.setdefault(entry.seed, []).append(entry)
    total = in_snippets = 0
    reasons: Counter[str] = Counter()
    missing: list[SeedSentence] = []
    for seed in seeds:
        text = (seeds_dir / seed).read_text(encoding="utf-8")
        for sentence in split_sentences(text):
            total += 1
            if any(sentence.text in snippet.text for snippet in snippets.get(seed, ())):
                in_snippets += 1
                continue
            listed = next((e for e in uncovered.get(seed, ()) if sentence.text in e.text), None)
            if listed is not None:
                reasons[listed.reason] += 1
            else:
                missing.append(SeedSentence(seed=seed, line=sentence.line, text=sentence.text))
    stale = [
        (entry, snippet.id)
        for entry in kb.uncovered
        for snippet in snippets.get(entry.seed, ())
        if entry.text in snippet.text
    ]
    return CoverageReport(
        total=total,
        in_snippets=in_snippets,
        by_reason=dict(sorted(reasons.items())),
        missing=tuple(missing),
        stale=tuple(stale),
    )
