"""`peerbot eval --save FILE` / `--compare FILE`: which answers a knowledge edit changed.

Recall and MRR say whether an edit helped on average; a curator also needs to see which answers
moved. `--save` runs every evaluation question and writes the snippet ids each one showed (or
that it was declined) to a JSON file; after the edit, `--compare` runs them again and lists every
question whose answer changed: snippets gained or lost, the same snippets reordered, newly
declined or newly answered. Nothing is reloaded in the running bot.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.curation import CurationError
from bot.index import SnippetIndex

FORMAT = "peerbot-eval-snapshot/1"


@dataclass(frozen=True)
class Shown:
    """What one question showed: the snippet ids in order, or declined (with what is missing)."""

    answered: bool
    snippet_ids: tuple[str, ...]
    missing: str | None = None


@dataclass(frozen=True)
class Change:
    """One question whose answer differs between two snapshots."""

    question: str
    # newly declined | newly answered | gained | lost | gained and lost | reordered |
    # still declined, related changed
    kind: str
    before: Shown
    after: Shown
    gained: tuple[str, ...] = ()
    lost: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """Two or three lines for the terminal."""
        out = [f"{self.kind}: {self.question}"]
        out.append(f"    before: {_describe(self.before)}")
        out.append(f"    after:  {_describe(self.after)}")
        return out


def _describe(shown: Shown) -> str:
    if not shown.answered:
        lack = f" (sources lack: {shown.missing})" if shown.missing else ""
        related = f"; related {', '.join(shown.snippet_ids)}" if shown.snippet_ids else ""
        return f"declined{lack}{related}"
    return ", ".join(shown.snippet_ids)


def snapshot(index: SnippetIndex, questions: Iterable[str], k: int = 3) -> dict[str, Shown]:
    """Every question's answer under the knowledge base in `index`."""
    result: dict[str, Shown] = {}
    for question in questions:
        answer = index.search(question, k=k)
        ids = tuple(r.snippet_id for r in (answer.results if answer.answered else answer.related))
        result[question] = Shown(answer.answered, ids, answer.missing)
    return result


def save(path: Path, index: SnippetIndex, shots: dict[str, Shown], k: int) -> None:
    """Write a snapshot as JSON (one entry per question, in evaluation-file order)."""
    payload = {
        "format": FORMAT,
        "knowledge_version": index.kb.version,
        "k": k,
        "questions": [
            {
                "question": question,
                "answered": shown.answered,
                "snippet_ids": list(shown.snippet_ids),
                "missing": shown.missing,
            }
            for question, shown in shots.items()
        ],
    }
    path.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def load(path: Path) -> tuple[dict[str, Shown], int, str]:
    """(snapshot, k, knowledge version) from a file written by `save`."""
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CurationError(f"{path}: not a saved evaluation ({error})") from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CurationError(f"{path}: not a file written by peerbot eval --save")
    shots = {
        str(item["question"]): Shown(
            bool(item["answered"]), tuple(item["snippet_ids"]), item.get("missing")
        )
        for item in data["questions"]
    }
    return shots, int(data.get("k", 3)), str(data.get("knowledge_version", "?"))


def compare(before: dict[str, Shown], after: dict[str, Shown]) -> list[Change]:
    """Every question in both snapshots whose answer changed, in `after`'s order."""
    changes: list[Change] = []
    for question, now in after.items():
        then = before.get(question)
        if then is None or then == now:
            continue
        gained = tuple(i for i in now.snippet_ids if i not in then.snippet_ids)
        lost = tuple(i for i in then.snippet_ids if i not in now.snippet_ids)
        if then.answered and not now.answered:
            kind = "newly declined"
        elif now.answered and not then.answered:
            kind = "newly answered"
        elif not now.answered:
            kind = "still declined, related changed"
        elif gained and lost:
            kind = "gained and lost"
        elif gained:
            kind = "gained"
        elif lost:
            kind = "lost"
        elif then.snippet_ids != now.snippet_ids:
            kind = "reordered"
        else:
            kind = "what the sources lack changed"
        changes.append(Change(question, kind, then, now, gained, lost))
    return changes
