"""`peerbot add-source FILE`: make a document a seed and give it a sources.yaml entry to review.

The seed (`seeds/<slug>.txt`) is the extracted text exactly as extracted; quotes are checked
against it, so nothing is tidied. The sources.yaml entry holds only what the file states and a
`review:` line: the loader skips a source under review, so unchecked metadata can never appear
in a citation, and `peerbot draft --accept` refuses snippets from it until a curator has checked
the entry and deleted that line.

A refused file (no text, a scan, already added, a name taken) changes nothing on disk.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from bot.curation import CurationError
from bot.curation.extract import Extracted, extract
from bot.knowledge import collapse_whitespace
from bot.yamlfile import read_yaml

REVIEW_NOTE = "added by peerbot add-source; check every field against the document"


@dataclass(frozen=True)
class Added:
    """What add-source wrote: the seed, the source id, and what the file stated."""

    seed: Path
    source_id: str
    extracted: Extracted
    words: int


def text_hash(text: str) -> str:
    """The identity of a seed's text: whitespace differences do not make a new document."""
    return hashlib.sha256(collapse_whitespace(text).encode("utf-8")).hexdigest()


def slug(name: str) -> str:
    """A file name as a seed/source id: lower-case ASCII words joined by single hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower()))[:80].strip("-")


def _existing_seed_with(text: str, seeds_dir: Path) -> Path | None:
    wanted = text_hash(text)
    for seed in sorted(seeds_dir.glob("*.txt")):
        try:
            if text_hash(seed.read_text(encoding="utf-8")) == wanted:
                return seed
        except (OSError, UnicodeDecodeError):
            continue
    return None


def _source_ids(sources_file: Path) -> set[str]:
    if not sources_file.is_file():
        return set()
    text = sources_file.read_text(encoding="utf-8")
    return set(re.findall(r"^\s*-\s*id:\s*['\"]?([a-z0-9-]+)", text, flags=re.MULTILINE))


def _scalar(value: str | int | None) -> str:
    """A YAML scalar: null, a bare integer, or a JSON string (JSON strings are valid YAML)."""
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def source_entry(
    source_id: str, seed_name: str, extracted: Extracted, original: str, indent: str = "  "
) -> str:
    """The sources.yaml block for a new source: stated fields filled, the rest left for review."""
    authors = ", ".join(_scalar(name) for name in extracted.authors)
    lines = [
        f"# Added by `peerbot add-source` from {original}. Fields are only what the file",
        "# states; fill in `authors`, `year` and `kind` (and a `description` if there is no",
        "# title) from the document itself, then delete the `review:` line.",
        f"- id: {source_id}",
        f"  review: {_scalar(REVIEW_NOTE)}",
        f"  authors: [{authors}]",
        f"  year: {_scalar(extracted.year)}",
        f"  title: {_scalar(extracted.title)}",
        "  description: null",
    ]
    for key in ("venue", "volume", "issue", "pages", "doi", "url"):
        value = getattr(extracted, key)
        if value:
            lines.append(f"  {key}: {_scalar(value)}")
    lines += ["  kind: null", f"  seeds: [{seed_name}]"]
    return "\n" + "".join(f"{indent}{line}\n" for line in lines)


def _item_indent(sources_text: str) -> str:
    """The indentation of the existing `- id:` items, so the new one joins the same list."""
    found = re.search(r"^( *)- +id:", sources_text, flags=re.MULTILINE)
    return found.group(1) if found else "  "


def _last_source_id(path: Path) -> str | None:
    data, _ = read_yaml(path, str(path))
    items = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items or not isinstance(items[-1], dict):
        return None
    return str(items[-1].get("id"))


def _write_atomic(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def add_source(
    path: Path, knowledge_dir: Path, seeds_dir: Path, source_id: str | None = None
) -> Added:
    """Extract `path`, save it as a seed and append its sources.yaml entry; all or nothing.

    The seed and source are named `source_id`, or after the file when it is None.
    """
    if source_id is not None and (not source_id or slug(source_id) != source_id):
        raise CurationError(
            f"{source_id!r}: an id is lower-case letters and digits joined by single hyphens"
        )
    extracted = extract(path)
    if not extracted.text.strip():
        raise CurationError(f"{path.name}: the file has no text to quote; nothing was added")
    source_id = source_id or slug(path.stem)
    if not source_id:
        raise CurationError(f"{path.name}: give it an --id (its name has no letters or digits)")
    duplicate = _existing_seed_with(extracted.text, seeds_dir)
    if duplicate is not None:
        raise CurationError(
            f"{path.name}: already added: seeds/{duplicate.name} has the same text; "
            "nothing was added"
        )
    seed = seeds_dir / f"{source_id}.txt"
    sources_file = knowledge_dir / "sources.yaml"
    if seed.exists() or source_id in _source_ids(sources_file):
        raise CurationError(
            f"{path.name}: a seed or source named {source_id!r} already exists with other text; "
            "choose another name with --id"
        )
    if not sources_file.is_file():
        raise CurationError(f"{sources_file}: missing; is PEERBOT_KNOWLEDGE_DIR right?")
    current = sources_file.read_text(encoding="utf-8")
    entry = source_entry(source_id, seed.name, extracted, path.name, _item_indent(current))
    seeds_dir.mkdir(parents=True, exist_ok=True)
    _write_atomic(seed, extracted.text)
    try:
        _write_atomic(sources_file, current.rstrip("\n") + "\n" + entry)
        if _last_source_id(sources_file) != source_id:
            raise CurationError(
                f"{sources_file}: could not append an entry to its `sources:` list (is the list "
                "the last thing in the file?); nothing was added"
            )
    except BaseException:
        _write_atomic(sources_file, current)
        seed.unlink(missing_ok=True)
        raise
    return Added(seed, source_id, extracted, len(extracted.text.split()))
