"""Retrieval quality on the evaluation splits: the figures `peerbot eval` prints and CI guards.

Two splits share one format (README, "Evaluation"): `tests/data/questions-dev.yaml`, which tuning
may look at, and `tests/data/questions-test.yaml`, held out and run only to measure. A shown
passage is *acceptable* when its id is in the question's `expect` or its text contains one of the
question's `answers` excerpts (whitespace collapsed); its grade (2 answers, 1 partly answers)
feeds nDCG. A declined or partial answer to an answerable question is a miss; an answer to an
unanswerable one, or an answer whose shown passages are none acceptable, is a *wrong answer*:
the failure that does harm. The dev-test gap shows how much of the dev figure is tuning.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import field
from pathlib import Path
from typing import Any

from bot.answer import Answer
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeError, collapse_whitespace
from bot.records import Record, frozen_record
from bot.yamlfile import Problem, read_yaml

# Threshold settings of the coverage-risk table: (min_coverage, min_evidence).
RISK_SETTINGS: tuple[tuple[float, float], ...] = (
    (0.3, 0.1),
    (0.4, 0.2),
    (0.5, 0.3),
    (0.55, 0.3),
    (0.6, 0.3),
    (0.7, 0.4),
    (0.8, 0.5),
)


@frozen_record
class EvalQuestion(Record):
    """A staff question and what answers it (nothing: it must be declined)."""

    question: str
    expect: tuple[str, ...] = ()
    grades: Mapping[str, int] = field(default_factory=dict)  # snippet id -> grade (default 2)
    answers: tuple[tuple[str, int], ...] = ()  # (whitespace-collapsed excerpt, grade)
    chatty: bool = False
    missing: str | None = None  # for unanswerable ones: what the sources lack, if stated

    @property
    def answerable(self) -> bool:
        """True when some passage answers it."""
        return bool(self.expect or self.answers)

    def grade(self, snippet_id: str, text: str) -> int:
        """How well a shown passage answers this question: 2, 1, or 0 (not acceptable)."""
        best = self.grades.get(snippet_id, 2) if snippet_id in self.expect else 0
        collapsed = collapse_whitespace(text)
        for excerpt, grade in self.answers:
            if excerpt in collapsed:
                best = max(best, grade)
        return best

    def ideal(self, k: int) -> list[int]:
        """The best grades k shown passages could have, best first (for nDCG)."""
        grades = [self.grades.get(snippet_id, 2) for snippet_id in self.expect]
        grades += [grade for _, grade in self.answers]
        return sorted(grades, reverse=True)[:k]


@frozen_record
class RiskPoint(Record):
    """One threshold setting: share of questions answered and share of answers acceptable."""

    min_coverage: float
    min_evidence: float
    answered: float
    precision: float
    recall_at_3: float
    declined: float


@frozen_record
class EvalReport(Record):
    """Every figure of one split."""

    answerable: int
    unanswerable: int
    recall_at_1: float
    recall_at_3: float
    mrr: float
    ndcg_at_3: float
    declined: float
    wrong_answer_rate: float
    chatty: int
    chatty_recall_at_3: float
    plain_recall_at_3: float
    partial_answerable: int
    partial_unanswerable: int
    misses: tuple[str, ...]
    wrongly_answered: tuple[str, ...]
    risk: tuple[RiskPoint, ...] = ()

    def lines(self) -> list[str]:
        """Human-readable summary of one split."""
        return [f"{label:<34}{value}" for label, value in self.rows()]

    def rows(self) -> list[tuple[str, str]]:
        """(label, formatted value) pairs, in the order `peerbot eval` prints them."""
        return [
            ("answerable questions", str(self.answerable)),
            ("  Recall@1", f"{self.recall_at_1:.3f}"),
            ("  Recall@3", f"{self.recall_at_3:.3f}"),
            ("  MRR", f"{self.mrr:.3f}"),
            ("  nDCG@3 (graded)", f"{self.ndcg_at_3:.3f}"),
            (
                "  Recall@3 chatty / plain",
                f"{self.chatty_recall_at_3:.3f} / {self.plain_recall_at_3:.3f}",
            ),
            ("  chatty questions", str(self.chatty)),
            ("  partial answers", str(self.partial_answerable)),
            ("unanswerable questions", str(self.unanswerable)),
            ("  declined", f"{self.declined:.3f}"),
            ("  partial answers", str(self.partial_unanswerable)),
            ("wrong-answer rate (all questions)", f"{self.wrong_answer_rate:.3f}"),
        ]


def _grades(value: Any, where: str) -> tuple[tuple[str, ...], dict[str, int]]:
    if value is None:
        return (), {}
    if isinstance(value, Mapping):
        items = [(str(key), int(grade)) for key, grade in value.items()]
    elif isinstance(value, list):
        items = [(str(key), 2) for key in value]
    else:
        raise KnowledgeError([Problem(where, 1, "'expect' must be a list or a mapping")])
    for key, grade in items:
        if grade not in (1, 2):
            raise KnowledgeError([Problem(where, 1, f"grade of {key!r} must be 1 or 2")])
    return tuple(key for key, _ in items), dict(items)


def _answers(value: Any, where: str) -> tuple[tuple[str, int], ...]:
    found: list[tuple[str, int]] = []
    for item in value or []:
        if isinstance(item, str):
            found.append((collapse_whitespace(item), 2))
        elif isinstance(item, Mapping) and isinstance(item.get("text"), str):
            grade = int(item.get("grade", 2))
            if grade not in (1, 2):
                raise KnowledgeError([Problem(where, 1, "an answer's grade must be 1 or 2")])
            found.append((collapse_whitespace(item["text"]), grade))
        else:
            raise KnowledgeError([Problem(where, 1, "each answer must be text or {text, grade}")])
    return tuple(found)


def load_questions(path: Path) -> list[EvalQuestion]:
    """Read `answerable` and `unanswerable` questions in the format of README, "Evaluation"."""
    data, problems = read_yaml(path, str(path))
    if data is None:
        raise KnowledgeError(problems)
    if not isinstance(data, Mapping):
        raise KnowledgeError([Problem(str(path), 1, "expected a mapping")])
    questions: list[EvalQuestion] = []
    for item in data.get("answerable") or []:
        where = f"{path}: {item.get('question')!r}" if isinstance(item, Mapping) else str(path)
        if not isinstance(item, Mapping) or not isinstance(item.get("question"), str):
            raise KnowledgeError([Problem(str(path), 1, "each answerable item needs 'question'")])
        expect, grades = _grades(item.get("expect"), where)
        answers = _answers(item.get("answers"), where)
        if not expect and not answers:
            raise KnowledgeError([Problem(where, 1, "needs 'expect' or 'answers'")])
        questions.append(
            EvalQuestion(
                str(item["question"]),
                expect,
                grades,
                answers,
                chatty=bool(item.get("chatty", False)),
            )
        )
    for item in data.get("unanswerable") or []:
        if isinstance(item, str):
            questions.append(EvalQuestion(item))
        elif isinstance(item, Mapping) and isinstance(item.get("question"), str):
            missing = item.get("missing")
            questions.append(
                EvalQuestion(
                    str(item["question"]),
                    chatty=bool(item.get("chatty", False)),
                    missing=str(missing) if missing else None,
                )
            )
        else:
            raise KnowledgeError(
                [Problem(str(path), 1, "each unanswerable item is text or has 'question'")]
            )
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


def _shown_grades(item: EvalQuestion, answer: Answer) -> list[int]:
    return [item.grade(result.snippet_id, result.text) for result in answer.results]


def _ndcg(grades: Sequence[int], ideal: Sequence[int]) -> float:
    def dcg(values: Sequence[int]) -> float:
        return sum(float(2**g - 1) / math.log2(rank + 1) for rank, g in enumerate(values, start=1))

    best = dcg(ideal)
    return dcg(grades) / best if best else 0.0


def evaluate(
    index: SnippetIndex,
    questions: Iterable[EvalQuestion],
    k: int = 3,
    *,
    risk: bool = False,
) -> EvalReport:
    """Run every question through the index and compute the report (and the risk table)."""
    items = list(questions)
    answers = [index.search(item.question, k=k) for item in items]
    report = _report(items, answers, k)
    if not risk:
        return report
    points = []
    for coverage, evidence in RISK_SETTINGS:
        swept = index.with_thresholds(coverage, evidence)
        swept_answers = [swept.search(item.question, k=k) for item in items]
        swept_report = _report(items, swept_answers, k)
        shown = [
            (item, answer)
            for item, answer in zip(items, swept_answers, strict=True)
            if answer.answered
        ]
        acceptable = sum(1 for item, answer in shown if any(_shown_grades(item, answer)))
        points.append(
            RiskPoint(
                coverage,
                evidence,
                answered=len(shown) / len(items) if items else 0.0,
                precision=acceptable / len(shown) if shown else 1.0,
                recall_at_3=swept_report.recall_at_3,
                declined=swept_report.declined,
            )
        )
    return EvalReport(**{**report.__dict__, "risk": tuple(points)})


def _report(items: Sequence[EvalQuestion], answers: Sequence[Answer], k: int) -> EvalReport:
    hits_1 = hits_3 = 0
    reciprocal = ndcg = 0.0
    answerable = unanswerable = declined = wrong = 0
    chatty = chatty_hits = plain = plain_hits = 0
    partial_answerable = partial_unanswerable = 0
    misses: list[str] = []
    wrongly: list[str] = []
    for item, answer in zip(items, answers, strict=True):
        grades = _shown_grades(item, answer)
        if answer.answered and not any(grades):
            wrong += 1
            wrongly.append(item.question)
        if not item.answerable:
            unanswerable += 1
            declined += not answer.answered
            partial_unanswerable += answer.partial
            continue
        answerable += 1
        partial_answerable += answer.partial
        ranks = [rank for rank, grade in enumerate(grades, start=1) if grade]
        hit = bool(ranks) and ranks[0] <= 3
        if ranks:
            hits_1 += ranks[0] == 1
            hits_3 += hit
            reciprocal += 1 / ranks[0]
        else:
            misses.append(item.question)
        ndcg += _ndcg(grades[:3], item.ideal(min(k, 3)))
        if item.chatty:
            chatty += 1
            chatty_hits += hit
        else:
            plain += 1
            plain_hits += hit
    total = answerable + unanswerable
    return EvalReport(
        answerable=answerable,
        unanswerable=unanswerable,
        recall_at_1=hits_1 / answerable if answerable else 0.0,
        recall_at_3=hits_3 / answerable if answerable else 0.0,
        mrr=reciprocal / answerable if answerable else 0.0,
        ndcg_at_3=ndcg / answerable if answerable else 0.0,
        declined=declined / unanswerable if unanswerable else 0.0,
        wrong_answer_rate=wrong / total if total else 0.0,
        chatty=chatty,
        chatty_recall_at_3=chatty_hits / chatty if chatty else 0.0,
        plain_recall_at_3=plain_hits / plain if plain else 0.0,
        partial_answerable=partial_answerable,
        partial_unanswerable=partial_unanswerable,
        misses=tuple(misses),
        wrongly_answered=tuple(wrongly),
    )


def side_by_side(reports: Mapping[str, EvalReport]) -> list[str]:
    """The splits' figures in columns, then the dev-test gap of the guarded figures."""
    names = list(reports)
    rows = [report.rows() for report in reports.values()]
    lines = [f"{'':<34}" + "".join(f"{name:>14}" for name in names)]
    for position, (label, _) in enumerate(rows[0]):
        lines.append(f"{label:<34}" + "".join(f"{row[position][1]:>14}" for row in rows))
    if "dev" in reports and "test" in reports:
        lines.append("")
        for label, value in gaps(reports["dev"], reports["test"]).items():
            lines.append(f"dev-test gap {label:<21}{value:>14.3f}")
    return lines


def gaps(dev: EvalReport, test: EvalReport) -> dict[str, float]:
    """Dev minus test for the figures CI guards (a large gap means tuning to the dev set)."""
    return {
        "Recall@3": dev.recall_at_3 - test.recall_at_3,
        "declined": dev.declined - test.declined,
    }


def risk_lines(name: str, report: EvalReport) -> list[str]:
    """The coverage-risk table of one split: share answered vs precision per threshold."""
    lines = [
        f"coverage-risk ({name}): min_coverage min_evidence  answered  precision  R@3    declined"
    ]
    for point in report.risk:
        lines.append(
            f"{'':<22}{point.min_coverage:12.2f} {point.min_evidence:12.2f}  "
            f"{point.answered:8.3f}  {point.precision:9.3f}  {point.recall_at_3:.3f}  "
            f"{point.declined:.3f}"
        )
    return lines
