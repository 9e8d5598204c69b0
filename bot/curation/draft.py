"""`peerbot draft SEED` proposes snippets; `peerbot draft --accept FILE` files the reviewed ones.

A draft (`knowledge/drafts/<seed>.yaml`) is never loaded by the bot: `peerbot check` only proves
its texts are still verbatim and says how many entries wait for review. Each proposal carries
topics and roles suggested from the existing knowledge base (BM25 of the passage against the
snippets already curated, their topic labels and role titles), an empty `asks:` for the curator
to write, and `reviewed: false`. Accepting moves the entries marked `reviewed: true` into
`knowledge/snippets/<first topic>.yaml`, then validates the whole knowledge base again and puts
every file back as it was if anything is wrong.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.bm25 import PostingsBM25
from bot.curation import CurationError
from bot.curation.passages import Passage, Sentence, passages, sentences
from bot.index import document_tokens
from bot.knowledge import (
    KnowledgeBase,
    KnowledgeError,
    check_knowledge,
    collapse_whitespace,
    load_knowledge,
)
from bot.tokenize import tokenize, words
from bot.yamlfile import LineMap, Problem, read_yaml

DRAFTS = "drafts"
_NEIGHBOURS = 5
_MAX_TOPICS = 2
_ID_WORDS = 4
_STOP = frozenset(
    """about after also among and are been being between both but can could each from have
    into its more most much not only other over such than that the their them there these they
    this those through under were what when where which while will with within would""".split()
)
_HEADER = """\
# Draft snippets proposed by `peerbot draft` from seeds/{seed} (source {source}).
# Not loaded by peerbot. For each entry you keep:
#   - read the passage in the document: is it a whole thought staff would want quoted?
#   - fix `topics` and `roles` (suggested from similar snippets; ids from topics.yaml/roles.yaml),
#   - write 2-5 `asks`: questions, in staff's words, that the passage answers,
#   - set `reviewed: true`.
# To reject an entry, move its text under `dropped:` with a reason (boilerplate, navigation,
# reference, duplicate or methods), or delete it. Do not edit `text` except to trim whole
# sentences: it must stay a verbatim quote (`peerbot check` proves it).
# Then: peerbot draft --accept {path}
# `dropped` lists the sentences left out and why; accepting copies it to uncovered.yaml (where
# the knowledge base has one) so `peerbot check --coverage` knows they were decided about.
"""


@dataclass(frozen=True)
class Drafted:
    """What `peerbot draft` wrote."""

    path: Path
    proposed: int
    dropped: dict[str, int]


def _seed_path(seed: str, seeds_dir: Path) -> Path:
    name = Path(seed).name
    for candidate in (seeds_dir / name, seeds_dir / f"{name}.txt"):
        if candidate.is_file():
            return candidate
    raise CurationError(f"no seed {seed!r} in {seeds_dir} (peerbot add-source FILE adds one)")


def _source_records(knowledge_dir: Path) -> list[LineMap]:
    path = knowledge_dir / "sources.yaml"
    data, problems = read_yaml(path, str(path)) if path.is_file() else (None, [])
    if data is None or not isinstance(data.get("sources"), list):
        detail = f": {problems[0]}" if problems else ""
        raise CurationError(f"{path}: cannot read the sources list{detail}")
    return [record for record in data["sources"] if isinstance(record, LineMap)]


def source_of_seed(knowledge_dir: Path, seed_name: str) -> LineMap:
    """The sources.yaml record (under review or not) that lists `seed_name` among its seeds."""
    for record in _source_records(knowledge_dir):
        if seed_name in (record.get("seeds") or []):
            return record
    raise CurationError(
        f"no source in sources.yaml lists seeds/{seed_name}; add one (peerbot add-source does)"
    )


def _load(knowledge_dir: Path, seeds_dir: Path) -> KnowledgeBase:
    try:
        return load_knowledge(knowledge_dir, seeds_dir)
    except KnowledgeError as error:
        raise CurationError(
            f"fix the knowledge base first (peerbot check); {len(error.problems)} problem(s):\n"
            f"{error}"
        ) from error


class Suggester:
    """Topics and roles for a new passage, from the snippets and labels already curated."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.snippets = PostingsBM25.fit(document_tokens(kb))
        self.labels = PostingsBM25.fit([tokenize(topic.label) for topic in kb.topics.values()])
        self.topic_ids = list(kb.topics)
        self.role_names = {
            role.id: [_words(name) for name in role.names] for role in kb.roles.values()
        }

    def topics(self, text: str) -> list[str]:
        """Up to two topics: those of the nearest snippets, plus the nearest topic label."""
        query = tokenize(text)
        votes: dict[str, float] = defaultdict(float)
        neighbours = [pair for pair in self.snippets.top_k(query, _NEIGHBOURS) if pair[1] > 0]
        if neighbours:
            best = neighbours[0][1]
            for doc_id, score in neighbours:
                for topic in self.kb.snippets[doc_id].topics:
                    votes[topic] += score / best
        labelled = [pair for pair in self.labels.top_k(query, 1) if pair[1] > 0]
        for doc_id, _ in labelled:
            votes[self.topic_ids[doc_id]] += 1.0
        if not votes:
            return []
        top = max(votes.values())
        ranked = sorted(votes, key=lambda topic: (-votes[topic], topic))
        return [topic for topic in ranked if votes[topic] >= top / 2][:_MAX_TOPICS]

    def roles(self, text: str) -> list[str]:
        """Roles the passage names by title or alias, word for word.

        Not stemmed: "peer support workers" must not suggest "peer supporter"; roles.yaml lists
        plurals as aliases.
        """
        padded = f" {_words(text)} "
        return [
            role_id
            for role_id, names in self.role_names.items()
            if any(f" {name} " in padded for name in names if name)
        ]


def _words(text: str) -> str:
    return " ".join(word.lower() for word in words(text))


def _snippet_id(source_id: str, text: str, taken: set[str]) -> str:
    keep = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 3 and w not in _STOP]
    base = "-".join([source_id, *keep[:_ID_WORDS]])
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def draft_path(knowledge_dir: Path, seed_name: str) -> Path:
    """Where the draft of a seed lives."""
    return knowledge_dir / DRAFTS / f"{Path(seed_name).stem}.yaml"


def propose(
    kb: KnowledgeBase, source_id: str, text: str
) -> tuple[list[dict[str, Any]], list[Sentence]]:
    """(proposed snippet records, dropped sentences) for one seed's text."""
    found = sentences(text)
    suggester = Suggester(kb)
    existing = [snippet.text for snippet in kb.snippets]
    taken = {snippet.id for snippet in kb.snippets}
    records: list[dict[str, Any]] = []
    dropped = [sentence for sentence in found if sentence.dropped is not None]
    collapsed_seed = collapse_whitespace(text)
    for passage in passages(text, found):
        if passage.text not in collapsed_seed:  # cannot happen: slices of the seed
            continue
        if any(passage.text in old or old in passage.text for old in existing):
            dropped.append(_as_sentence(passage, "duplicate"))
            continue
        records.append(
            {
                "id": _snippet_id(source_id, passage.text, taken),
                "reviewed": False,
                "source": source_id,
                "text": passage.text,
                "topics": suggester.topics(passage.text),
                "roles": suggester.roles(passage.text),
                "asks": [],
            }
        )
    dropped.sort(key=lambda sentence: sentence.start)
    return records, dropped


def _as_sentence(passage: Passage, reason: str) -> Sentence:
    return Sentence(passage.start, passage.end, passage.text, -1, reason)


def draft_seed(seed: str, knowledge_dir: Path, seeds_dir: Path) -> Drafted:
    """Write knowledge/drafts/<seed>.yaml with proposed snippets; refuse to overwrite one."""
    seed_file = _seed_path(seed, seeds_dir)
    record = source_of_seed(knowledge_dir, seed_file.name)
    path = draft_path(knowledge_dir, seed_file.name)
    if path.exists():
        raise CurationError(
            f"{path} already exists: accept it (peerbot draft --accept {path}) or delete it first"
        )
    kb = _load(knowledge_dir, seeds_dir)
    text = seed_file.read_text(encoding="utf-8")
    records, dropped = propose(kb, str(record["id"]), text)
    body = {
        "source": str(record["id"]),
        "seed": seed_file.name,
        "snippets": records,
        "dropped": [
            {"reason": item.dropped, "text": collapse_whitespace(item.text)} for item in dropped
        ],
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    shown = Path(knowledge_dir.name, DRAFTS, path.name)
    header = _HEADER.format(seed=seed_file.name, source=record["id"], path=shown)
    path.write_text(header + _dump(body), encoding="utf-8")
    reasons: dict[str, int] = defaultdict(int)
    for item in dropped:
        reasons[str(item.dropped)] += 1
    return Drafted(path, len(records), dict(sorted(reasons.items())))


class _Dumper(yaml.SafeDumper):
    """Lists of ids on one line (`topics: [funding, policy-news]`), as curators write them."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    ids = all(isinstance(item, str) and _is_id(item) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=ids)


def _represent_text(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    # Long passages folded (`text: >-`), as in knowledge/snippets/*.yaml.
    folded = len(data) > 80 and "\n" not in data and data == data.strip()
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=">" if folded else None)


_Dumper.add_representer(list, _represent_list)
_Dumper.add_representer(str, _represent_text)


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=96, indent=2)


# --- accepting -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Accepted:
    """Snippet ids filed, per snippets file, how many entries remain in the draft, and how many
    dropped sentences went to uncovered.yaml."""

    files: dict[str, list[str]]
    remaining: int
    uncovered: int = 0


UNCOVERED = "uncovered.yaml"
# The draft's reasons in uncovered.yaml's vocabulary (a heading or a fragment states nothing).
_UNCOVERED_REASON = {"heading": "boilerplate", "fragment": "boilerplate"}


def uncovered_yaml(seed: str, dropped: list[dict[str, Any]], indent: str = "  ") -> str:
    """The draft's dropped sentences as knowledge/uncovered.yaml entries for one seed."""
    lines = ["", f"{indent}# --- {seed} (from peerbot draft --accept)"]
    for item in dropped:
        reason = str(item.get("reason") or "boilerplate")
        text = json.dumps(collapse_whitespace(str(item["text"])), ensure_ascii=False)
        lines += [
            f"{indent}- seed: {seed}",
            f"{indent}  text: {text}",
            f"{indent}  reason: {_UNCOVERED_REASON.get(reason, reason)}",
        ]
    return "\n".join(lines) + "\n"


def _folded(text: str) -> list[str]:
    return textwrap.wrap(text, width=92, break_long_words=False, break_on_hyphens=False)


def snippet_yaml(entry: dict[str, Any], indent: str = "  ") -> str:
    """One snippet in the house style of knowledge/snippets/*.yaml, its `- id:` at `indent`."""

    def flow(items: list[str]) -> str:
        return "[" + ", ".join(items) + "]"

    lines = [f"- id: {entry['id']}", f"  source: {entry['source']}", "  text: >-"]
    lines += [f"    {line}" for line in _folded(str(entry["text"]))]
    lines.append(f"  topics: {flow(entry['topics'])}")
    lines.append(f"  roles: {flow(entry.get('roles') or [])}")
    asks = entry.get("asks") or []
    if asks:
        lines.append("  asks:")
        lines += [f"    - {json.dumps(str(ask), ensure_ascii=False)}" for ask in asks]
    return "\n" + "".join(f"{indent}{line}\n" for line in lines)


def _item_indent(text: str, key: str) -> str:
    """The indentation of a file's existing `- key:` items, so a new one joins the same list."""
    found = re.search(rf"^( *)- +{key}:", text, flags=re.MULTILINE)
    return found.group(1) if found else "  "


def _entries(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    if not path.is_file():
        raise CurationError(f"{path}: no such draft")
    data, problems = read_yaml(path, str(path))
    if data is None or problems:
        raise CurationError("\n".join(str(problem) for problem in problems))
    if not isinstance(data, dict) or not isinstance(data.get("snippets"), list):
        raise CurationError(f"{path}: expected a draft with a `snippets:` list")
    return data, [dict(item) for item in data["snippets"] if isinstance(item, dict)]


def accept_draft(path: Path, knowledge_dir: Path, seeds_dir: Path) -> Accepted:
    """File every `reviewed: true` entry of a draft, validated, or change nothing."""
    data, entries = _entries(path)
    chosen = [entry for entry in entries if entry.get("reviewed") is True]
    if not chosen:
        raise CurationError(
            f"{path}: no entry is marked `reviewed: true`; review the entries you keep first"
        )
    under_review = {
        str(record["id"]) for record in _source_records(knowledge_dir) if "review" in record
    }
    for entry in chosen:
        label = f"{path.name}: {entry.get('id')}"
        if entry.get("source") in under_review:
            raise CurationError(
                f"{label}: source {entry['source']!r} is still marked for review in sources.yaml;"
                " check its fields against the document, then delete its `review:` line"
            )
        topics = entry.get("topics")
        if not isinstance(topics, list) or not topics or not all(_is_id(t) for t in topics):
            raise CurationError(f"{label}: give it at least one topic id from topics.yaml")
    remaining = [entry for entry in entries if entry.get("reviewed") is not True]
    header = "".join(
        line for line in path.read_text(encoding="utf-8").splitlines(True) if line[:1] == "#"
    )
    # uncovered.yaml (where the knowledge base has one) records that the dropped sentences
    # were decided about, so `peerbot check --coverage` does not report them.
    uncovered_file = knowledge_dir / UNCOVERED
    dropped = [item for item in data.get("dropped") or [] if isinstance(item, dict)]
    moved = dropped if uncovered_file.is_file() else []
    left = {**data, "snippets": remaining, "dropped": [] if moved else dropped}
    rest = header + _dump(_plain(left)) if remaining else None
    snippets_dir = knowledge_dir / "snippets"
    originals: dict[Path, str | None] = {}
    if moved:
        current = uncovered_file.read_text(encoding="utf-8")
        originals[uncovered_file] = current
        added = uncovered_yaml(str(data.get("seed")), moved, _item_indent(current, "seed"))
        uncovered_file.write_text(current.rstrip("\n") + "\n" + added, encoding="utf-8")
    filed: dict[str, list[str]] = defaultdict(list)
    for entry in chosen:
        target = snippets_dir / f"{entry['topics'][0]}.yaml"
        if target not in originals:
            originals[target] = target.read_text(encoding="utf-8") if target.exists() else None
        current = target.read_text(encoding="utf-8") if target.exists() else "snippets:\n"
        current = re.sub(r"^snippets:[ \t]*\[\][ \t]*$", "snippets:", current, flags=re.MULTILINE)
        added = snippet_yaml(entry, _item_indent(current, "id"))
        target.write_text(current.rstrip("\n") + "\n" + added, encoding="utf-8")
        filed[str(target.relative_to(knowledge_dir))].append(str(entry["id"]))
    # The same validation as `peerbot check`, so whatever it demands of a snippet (e.g. asks
    # written by the curator) is demanded here, before anything is kept.
    problems = check_knowledge(knowledge_dir, seeds_dir)
    if problems:
        _restore(originals)
        listed = "\n".join(str(problem) for problem in problems)
        raise CurationError(
            f"nothing accepted: the knowledge base would have {len(problems)} problem(s):\n{listed}"
        )
    if rest is not None:
        path.write_text(rest, encoding="utf-8")
    else:
        path.unlink()
    return Accepted(dict(filed), len(remaining), len(moved))


def _plain(value: Any) -> Any:
    """LineMaps (dicts that remember lines) as plain dicts and lists, for the YAML dumper."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value))


def _restore(originals: dict[Path, str | None]) -> None:
    for target, text in originals.items():
        if text is None:
            target.unlink(missing_ok=True)
        else:
            target.write_text(text, encoding="utf-8")


# --- what `peerbot check` says about drafts ------------------------------------------------------


def check_drafts(knowledge_dir: Path, seeds_dir: Path) -> tuple[list[Problem], list[str]]:
    """(problems: draft texts no longer verbatim; notes: drafts and sources awaiting review)."""
    problems: list[Problem] = []
    notes: list[str] = []
    for path in sorted((knowledge_dir / DRAFTS).glob("*.yaml")):
        shown = f"{knowledge_dir.name}/{DRAFTS}/{path.name}"
        data, read_problems = read_yaml(path, shown)
        problems += read_problems
        if not isinstance(data, LineMap) or not isinstance(data.get("snippets"), list):
            if data is not None:
                problems.append(Problem(shown, 1, "expected a draft with a `snippets:` list"))
            continue
        seed_name = str(data.get("seed") or "")
        seed = seeds_dir / seed_name
        seed_text = (
            collapse_whitespace(seed.read_text(encoding="utf-8")) if seed.is_file() else None
        )
        entries = [item for item in data["snippets"] if isinstance(item, LineMap)]
        for item in entries:
            text = collapse_whitespace(str(item.get("text") or ""))
            if seed_text is None or not text or text not in seed_text:
                problems.append(
                    Problem(
                        shown,
                        item.line_of("text"),
                        f"draft {item.get('id')}: text is not found verbatim in seeds/{seed_name}",
                    )
                )
        reviewed = sum(1 for item in entries if item.get("reviewed") is True)
        notes.append(
            f"draft {shown}: {len(entries)} proposed snippet(s), {reviewed} marked reviewed "
            "(not loaded; peerbot draft --accept files them)"
        )
    try:
        records = _source_records(knowledge_dir)
    except CurationError:
        records = []
    for record in records:
        if "review" in record:
            notes.append(
                f"source {record.get('id')} (sources.yaml:{record.line}) is marked for review "
                "and not loaded until its `review:` line is deleted"
            )
    return problems, notes
