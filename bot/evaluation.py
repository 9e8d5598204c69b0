"""Retrieval quality on the evaluation set: the figures `peerbot eval` prints and CI guards.

Answerable questions are scored by where their expected snippets land among the shown results (a
declined answerable question is a miss); unanswerable ones by whether peerbot declined them. The
same numbers, swept over thresholds, are how MIN_COVERAGE and MIN_EVIDENCE were chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.index import SnippetIndex
from bot.knowledge import KnowledgeError
from bot.yamlfile import Problem, read_yaml


@dataclass(frozen=True)
class EvalQuestion:
    """A staff question and the snippet ids that answer it (empty: must be declined)."""

    question: str
    expect: tuple[str, ...]


@dataclass(frozen=True)
class EvalReport:
    """Recall@1, Recall@3 and MRR on answerable questions; declined share on unanswerable."""

    answerable: int
    unanswerable: int
    recall_at_1: float
    recall_at_3: float
    mrr: float
    declined: float
    misses: tuple[str, ...]
    wrongly_answered: tuple[str, ...]

    def lines(self) -> list[str]:
        """Human-readable summary."""
        return [
            f"answerable questions:   {self.answerable}",
            f"  Recall@1:             {self.recall_at_1:.3f}",
            f"  Recall@3:             {self.recall_at_3:.3f}",
            f"  MRR:                  {self.mrr:.3f}",
            f"unanswerable questions: {self.unanswerable}",
            f"  declined:             {self.declined:.3f}",
        ]


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read `answerable` (question + expect) and `unanswerable` (questions) from YAML."""
    data, problems = read_yaml(path, str(path))
    if data is None:
        raise KnowledgeError(problems)
    questions: list[EvalQuestion] = []
    for item in data.get("answerable") or []:
        questions.append(EvalQuestion(str(item["question"]), tuple(item["expect"])))
    for question in data.get("unanswerable") or []:
        questions.append(EvalQuestion(str(question), ()))
    return questions


def unknown_ids(index: SnippetIndex, questions: Iterable[EvalQuestion]) -> list[Problem]:
    """Expected snippet ids that do not exist, so a renamed snippet cannot pass silently."""
    ids = {snippet.id for snippet in index.kb.snippets}
    return [
        Problem("questions", 1, f"{question.question!r}: unknown snippet id {snippet_id!r}")
        for question in questions
        for snippet_id in question.expect
        if snippet_id not in ids
    ]


def evaluate(index: SnippetIndex, questions: Iterable[EvalQuestion], k: int = 3) -> EvalReport:
    """Run every question through the index and compute the report."""
    hits_1 = hits_3 = 0
    reciprocal = 0.0
    answerable = unanswerable = declined = 0
    misses: list[str] = []
    wrong: list[str] = []
    for item in questions:
        answer = index.search(item.question, k=k)
        if not item.expect:
            unanswerable += 1
            if answer.answered:
                wrong.append(item.question)
            else:
                declined += 1
            continue
        answerable += 1
        ranks = [
            rank
            for rank, result in enumerate(answer.results, start=1)
            if result.snippet_id in item.expect
        ]
        if ranks:
            best = ranks[0]
            hits_1 += best == 1
            hits_3 += best <= 3
            reciprocal += 1 / best
        else:
            misses.append(item.question)
    return EvalReport(
        answerable=answerable,
        unanswerable=unanswerable,
        recall_at_1=hits_1 / answerable if answerable else 0.0,
        recall_at_3=hits_3 / answerable if answerable else 0.0,
        mrr=reciprocal / answerable if answerable else 0.0,
        declined=declined / unanswerable if unanswerable else 0.0,
        misses=tuple(misses),
        wrongly_answered=tuple(wrong),
    )
