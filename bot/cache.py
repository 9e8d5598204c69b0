"""The validated knowledge base and its built index, cached on disk between starts.

Reading, validating, tokenizing and stemming a large knowledge base takes seconds; loading back
the knowledge base, the BM25 postings and the typo-correction vocabulary takes milliseconds. A
cache file is named by a key that hashes every file under the knowledge and seeds directories
(paths and bytes) with the source of the modules that shape what is cached (loading, validation,
tokenizing, the stemmer, BM25, indexing, this module). Any edit to the knowledge base or to that
code gives a new key, so a stale file is never read; the next successful build replaces it.

A hit skips validation safely: a file is only written after `load_knowledge` accepted files whose
key was the same before and after loading, whose every seed lies under the seeds directory, and
validation is a pure function of those files and that code, so it would accept them again.
`peerbot check` always validates in full and never reads the cache.

One file holds a JSON document with everything but the arrays, then the postings arrays as raw
bytes (`pack`): read whole, parsed by `json`, and the arrays are read-only views of the bytes
(`np.frombuffer`), without pickle. Not `.npz`: `np.load` on a zip archive imports `zipfile`
(about 7 ms of every `peerbot ask`) and copies each array out of it. A SHA-256 of the content,
at its head, stands in for the zip's CRCs: a damaged file is never read as a different index.
Beside the two BM25 fields it keeps the index of every curated ask as its own document, which a
first search would otherwise tokenize every ask to build, and the per-snippet facts
(`SnippetFacts`: the answer types each passage holds, the frames of its curated asks, the places it
is about, the figures it gives, the passages naming each work they only mention by its author)
that each process would otherwise work out during its first questions, and the question
reader's filing of the frames' cue words
(`QuestionReader.frame_filing`), most of the reader's set-up. It also keeps the compiled program of
every module-level regex (`bot.lazy_re.programs`, for this interpreter only), so that a first
question does not run `re`'s pure-Python compiler on the ~20 patterns it uses, and the stem key of
every word of the synonyms' wordings (`index.phrase_word_keys`), which the phrase tables are built
from, and which staff wordings start with each stem key (`index.staff_phrase_filing`), so that a
start makes the phrases of only the keys its questions have.

Writes go to a temporary file in the same directory that is renamed into place, so concurrent
workers never see half a file. A missing, unreadable, truncated or inconsistent file is a miss:
the index is rebuilt and the file rewritten, with no error shown.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import Stemmer

from bot import bm25, figures, frames, index, knowledge, lazy_re, question, tokenize, yamlfile
from bot import index as index_module
from bot.bm25 import PostingsBM25
from bot.figures import Given
from bot.frames import Lexicon
from bot.index import SnippetFacts, SnippetIndex
from bot.knowledge import (
    Concept,
    KnowledgeBase,
    Role,
    Snippet,
    Source,
    Synonym,
    Topic,
    UncoveredSentence,
)
from bot.question import FrameFiling
from bot.text_terms import TextTerms

if TYPE_CHECKING:
    import logging

FORMAT_VERSION = 10
CACHE_DIRNAME = "index-cache"
_KEEP_FILES = 3
# The file's head: these 8 bytes, the SHA-256 of everything after the head, the JSON's length.
_MAGIC = b"peerbot\x00"
_HEAD = len(_MAGIC) + 32 + 8
_ALIGN = 8

_FIELD_ARRAYS = {"indptr": np.int64, "doc_ids": np.int32, "weights": np.float64, "idf": np.float64}
# The passage field's arrays under their own names, the curated-asks field's prefixed "asks_",
# the index of asks as documents prefixed "askdocs_" (plus where each snippet's asks start).
_ARRAYS = {
    **_FIELD_ARRAYS,
    **{f"asks_{name}": kind for name, kind in _FIELD_ARRAYS.items()},
    **{f"askdocs_{name}": kind for name, kind in _FIELD_ARRAYS.items()},
    "askdocs_first": np.int64,
    "regex_code": np.uint32,  # the regexes' programs' code words, one after another
    "text_term_ids": np.int32,  # each passage's text terms' numbers (`TextTerms`), in turn
}
_SHAPING_MODULES = (bm25, figures, frames, index, knowledge, question, tokenize, yamlfile)


def _logger() -> logging.Logger:
    """This module's logger; `logging` is imported on first use, as `peerbot ask` rarely logs."""
    import logging

    return logging.getLogger(__name__)


def _tree_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def _code_files() -> list[Path]:
    """This module and the modules that shape the cached data."""
    return [Path(__file__), *(Path(str(module.__file__)) for module in _SHAPING_MODULES)]


def _stemmer_identity() -> bytes:
    """The installed C stemmer: its version, and its library file's path, size and mtime.

    The stems depend on it, so it is part of the key; its shared library is megabytes, so it
    is identified by what changes when it is replaced rather than hashed on every start.
    """
    library = Path(str(Stemmer.__file__))
    stat = library.stat()
    return f"{Stemmer.version()}\0{library}\0{stat.st_size}\0{stat.st_mtime_ns}".encode()


def cache_key(knowledge_dir: Path, seeds_dir: Path) -> str:
    """Hash of every knowledge and seed file and of the code that turns them into an index.

    Raises OSError when a file cannot be read.
    """
    digest = hashlib.sha256(f"peerbot-index-cache {FORMAT_VERSION}\0".encode())
    digest.update(_stemmer_identity())
    for path in _code_files():
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for label, root in (("knowledge", knowledge_dir), ("seeds", seeds_dir)):
        for path in _tree_files(root):
            digest.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def cache_path(data_dir: Path, key: str) -> Path:
    """Where the cache file for `key` lives."""
    return data_dir / CACHE_DIRNAME / f"index-{key}.bin"


# --- the file's layout ---------------------------------------------------------------------------


def pack(meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> bytes:
    """The file's bytes: head, `meta` as JSON (with where each array lies), the arrays' bytes.

    Raises TypeError for a value JSON cannot hold.
    """
    layout: dict[str, list[Any]] = {}
    offset = 0
    for name, array in arrays.items():
        offset += -offset % _ALIGN
        layout[name] = [array.dtype.str, offset, int(array.size)]
        offset += array.nbytes
    # ASCII (the knowledge base's few other characters as \u escapes): a text holding even one
    # other character is decoded and parsed as wider characters throughout, ~0.9 ms more of
    # each start served from the file.
    text = json.dumps({**meta, "arrays": layout}, ensure_ascii=True, default=_nested_record)
    document = text.encode("utf-8")
    document += b" " * (-(_HEAD + len(document)) % _ALIGN)  # the arrays start aligned
    body = bytearray(document)
    for array in arrays.values():
        body += b"\x00" * (-(len(body) - len(document)) % _ALIGN)
        body += np.ascontiguousarray(array).tobytes()
    digest = hashlib.sha256(body).digest()
    return b"".join((_MAGIC, digest, len(document).to_bytes(8, "little"), body))


def unpack(data: bytes) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """`pack`'s meta and arrays back (read-only views of `data`); ValueError if damaged."""
    if len(data) < _HEAD or not data.startswith(_MAGIC):
        raise ValueError("not an index cache file")
    body = memoryview(data)[_HEAD:]
    if hashlib.sha256(body).digest() != data[len(_MAGIC) : len(_MAGIC) + 32]:
        raise ValueError("checksum mismatch: the file is damaged")
    length = int.from_bytes(data[_HEAD - 8 : _HEAD], "little")
    meta = json.loads(body[:length].tobytes().decode("utf-8"))
    arrays = {
        str(name): np.frombuffer(
            data, dtype=np.dtype(str(kind)), count=int(count), offset=_HEAD + length + int(offset)
        )
        for name, (kind, offset, count) in meta.pop("arrays").items()
    }
    return meta, arrays


# --- knowledge base <-> JSON ---------------------------------------------------------------------


def _records(items: Iterable[Any]) -> list[dict[str, Any]]:
    """Dataclass fields as dicts, shallow: the knowledge dataclasses hold only strings, numbers,
    None and tuples of strings, which JSON writes as they are (`dataclasses.asdict` deep-copies
    each of them, a fifth of a cold build at 10,000 snippets)."""
    records: list[dict[str, Any]] = []
    names: dict[type, tuple[str, ...]] = {}
    for item in items:
        kind = type(item)
        if kind not in names:
            names[kind] = tuple(field.name for field in dataclasses.fields(item))
        records.append({name: getattr(item, name) for name in names[kind]})
    return records


def _nested_record(value: Any) -> Any:
    """A dataclass nested inside a record, as `dataclasses.asdict` would have written it."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(f"cannot store {type(value).__name__} in the index cache")


def _tupled(record: dict[str, Any]) -> dict[str, Any]:
    """JSON lists back to the tuples the knowledge dataclasses hold."""
    return {
        key: tuple(value) if isinstance(value, list) else value for key, value in record.items()
    }


def _kb_to_json(kb: KnowledgeBase) -> dict[str, Any]:
    return {
        "version": kb.version,
        "sources": _records(kb.sources.values()),
        "topics": _records(kb.topics.values()),
        "roles": _records(kb.roles.values()),
        "synonyms": _records(kb.synonyms),
        "snippets": _records(kb.snippets),
        "concepts": _records(kb.concepts.values()),
        "uncovered": _records(kb.uncovered),
        "lexicon": kb.lexicon.to_json(),
    }


def _kb_from_json(data: dict[str, Any]) -> KnowledgeBase:
    sources = [Source(**_tupled(record)) for record in data["sources"]]
    topics = [Topic(**_tupled(record)) for record in data["topics"]]
    roles = [Role(**_tupled(record)) for record in data["roles"]]
    concepts = [Concept(**_tupled(record)) for record in data.get("concepts", [])]
    return KnowledgeBase(
        sources={source.id: source for source in sources},
        topics={topic.id: topic for topic in topics},
        roles={role.id: role for role in roles},
        synonyms=tuple(Synonym(**_tupled(record)) for record in data["synonyms"]),
        snippets=tuple(Snippet(**_tupled(record)) for record in data["snippets"]),
        version=str(data["version"]),
        concepts={concept.id: concept for concept in concepts},
        uncovered=tuple(UncoveredSentence(**record) for record in data.get("uncovered", [])),
        lexicon=Lexicon.from_json(data.get("lexicon", {})),
    )


# --- read and write ------------------------------------------------------------------------------


def read_cache(data_dir: Path, key: str) -> SnippetIndex | None:
    """The cached index for `key` (default thresholds), or None if absent or unusable."""
    path = cache_path(data_dir, key)
    try:
        meta, arrays = unpack(path.read_bytes())
        if meta.get("format") != FORMAT_VERSION or meta.get("key") != key:
            raise ValueError("cache file is for another format or key")
        for name, dtype in _ARRAYS.items():
            if arrays[name].dtype != dtype or arrays[name].ndim != 1:
                raise ValueError(f"array {name!r} has the wrong type or shape")
        engine_meta = meta["engine"]
        size = int(engine_meta["size"])
        engine = PostingsBM25(
            [str(term) for term in engine_meta["terms"]],
            arrays["indptr"],
            arrays["doc_ids"],
            arrays["weights"],
            arrays["idf"],
            size,
        )
        _check_engine(engine)
        asks_engine = PostingsBM25(
            [str(term) for term in meta["asks_engine"]["terms"]],
            arrays["asks_indptr"],
            arrays["asks_doc_ids"],
            arrays["asks_weights"],
            arrays["asks_idf"],
            size,
        )
        _check_engine(asks_engine)
        ask_documents = PostingsBM25(
            [str(term) for term in meta["askdocs_engine"]["terms"]],
            arrays["askdocs_indptr"],
            arrays["askdocs_doc_ids"],
            arrays["askdocs_weights"],
            arrays["askdocs_idf"],
            int(meta["askdocs_engine"]["size"]),
        )
        _check_engine(ask_documents)
        first = arrays["askdocs_first"]
        if first.size != size + 1 or first[0] != 0 or first[-1] != ask_documents.size:
            raise ValueError("asks' first documents disagree with the index")
        if np.any(np.diff(first) < 0):
            raise ValueError("asks' first documents are not non-decreasing")
        kb = _kb_from_json(meta["kb"])
        if len(kb.snippets) != size:
            raise ValueError("snippet count and index size differ")
        surface = {
            str(letter): {str(word): str(stem) for word, stem in words.items()}
            for letter, words in meta["surface"].items()
        }
        facts = _facts_from_json(meta["facts"], kb)
        filing = _filing_from_json(meta["filing"], len(kb.lexicon.frames))
        regexes = _regexes_from_json(meta["regexes"], arrays["regex_code"])
        text_terms = _text_terms_from(meta["text_terms"], arrays["text_term_ids"], engine)
        staff_filing = _staff_filing_from_json(meta["staff_filing"], kb)
        word_keys = meta["word_keys"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in word_keys.items()):
            raise ValueError("the saved word keys are not words")
    except FileNotFoundError:
        return None
    except Exception as error:  # any unreadable cache is a miss, never a failure
        _logger().info("index cache %s unusable, rebuilding: %s", path, error)
        return None
    lazy_re.install(regexes)
    index.know_word_keys(word_keys)
    return SnippetIndex(
        kb,
        engine,
        asks_engine=asks_engine,
        surface=surface,
        ask_documents=(ask_documents, first),
        facts=facts,
        frame_filing=filing,
        text_terms=text_terms,
        staff_filing=staff_filing,
    )


def _staff_filing_from_json(data: dict[str, Any], kb: KnowledgeBase) -> dict[str, list[int]]:
    """A saved `index.staff_phrase_filing` back, checked to number only `kb`'s staff wordings,
    each at most once (ValueError)."""
    count = sum(len(synonym.staff) for synonym in kb.synonyms)
    if not isinstance(data, dict) or not all(type(filed) is list for filed in data.values()):
        raise ValueError("the saved staff wordings' filing is not a key's list of numbers")
    numbers = [number for filed in data.values() for number in filed]
    if not all(type(number) is int and 0 <= number < count for number in numbers):
        raise ValueError("the saved staff wordings' filing names a wording outside the kb")
    if len(set(numbers)) != len(numbers):
        raise ValueError("the saved staff wordings' filing names a wording twice")
    return data


def _text_terms_from(
    counts: list[int] | None, ids: np.ndarray, engine: PostingsBM25
) -> TextTerms | None:
    """Saved text terms back (None: none were kept); ValueError if they do not fit `engine`."""
    if counts is None:
        return None
    sizes = [int(count) for count in counts]
    if len(sizes) != engine.size or any(size < 0 for size in sizes) or sum(sizes) != ids.size:
        raise ValueError("saved text term counts do not fit the index")
    if ids.size and not 0 <= ids.min() <= ids.max() < len(engine.terms):
        raise ValueError("saved text terms lie outside the vocabulary")
    return TextTerms(engine.terms, sizes, ids)


def _filing_to_json(filing: FrameFiling) -> dict[str, Any]:
    always, sets = filing
    return {"always": always, "sets": sets}


def _filing_from_json(data: dict[str, Any], frame_count: int) -> FrameFiling:
    """A saved frame filing back, checked to name only the lexicon's frames, each filed set
    with words (ValueError). Its entries stay text, read as a question needs them
    (`QuestionReader._filed_sets`): checking them here costs a start a fraction of making them."""
    always = [int(number) for number in data["always"]]
    sets: dict[str, list[str]] = data["sets"]
    if not isinstance(sets, dict) or not all(type(filed) is list for filed in sets.values()):
        raise ValueError("the saved frame filing is not a word's list of sets")
    numbers = list(always)
    for filed in sets.values():
        for entry in filed:
            number, space, rest = entry.partition(" ")
            if not space or not rest.strip():
                raise ValueError("a saved cue word set has no words")
            numbers.append(int(number))
    if any(not 0 <= number < frame_count for number in numbers):
        raise ValueError("the saved frame filing names a frame outside the lexicon")
    return always, sets


def _regexes_to_json(
    programs: dict[tuple[str, int], lazy_re.Program],
) -> tuple[dict[str, Any], np.ndarray]:
    """The regexes' programs as JSON, and their code words as one array."""
    patterns: list[list[Any]] = []
    code: list[int] = []
    for (source, flags), (final_flags, words, groups, groupindex, indexgroup) in programs.items():
        where = [len(code), len(words)]
        patterns.append([source, flags, final_flags, groups, groupindex, list(indexgroup), *where])
        code += words
    meta = {"interpreter": lazy_re.interpreter(), "patterns": patterns}
    return meta, np.array(code, dtype=np.uint32)


def _regexes_from_json(
    data: dict[str, Any], code: np.ndarray
) -> list[tuple[tuple[str, int], lazy_re.Program]]:
    """Saved programs back; ValueError if they were made by another interpreter (the whole
    cache is then rebuilt, with this one's) or do not fit the code array."""
    if data["interpreter"] != lazy_re.interpreter():
        raise ValueError("the saved regex programs are another interpreter's")
    words = code.tolist()
    found: list[tuple[tuple[str, int], lazy_re.Program]] = []
    for source, flags, final_flags, groups, groupindex, indexgroup, start, count in data[
        "patterns"
    ]:
        if not 0 <= int(start) <= int(start) + int(count) <= len(words):
            raise ValueError("a saved regex program lies outside the code array")
        program: lazy_re.Program = (
            int(final_flags),
            words[int(start) : int(start) + int(count)],
            int(groups),
            {str(name): int(number) for name, number in groupindex.items()},
            tuple(None if name is None else str(name) for name in indexgroup),
        )
        found.append(((str(source), int(flags)), program))
    return found


def _facts_to_json(facts: SnippetFacts) -> dict[str, Any]:
    return {
        "types": {kind: list(holding) for kind, holding in facts.types.items()},
        "ask_frames": [[doc_id, sorted(frames)] for doc_id, frames in facts.ask_frames.items()],
        "places": [[doc_id, sorted(places)] for doc_id, places in facts.places.items()],
        "given": [
            [doc_id, sorted(map(list, given.figures)), given.all_states, given.half]
            for doc_id, given in (facts.given or {}).items()
        ],
        "mentioned": facts.mentioned,
    }


def _facts_from_json(data: dict[str, Any], kb: KnowledgeBase) -> SnippetFacts:
    """Saved facts back, checked to fit `kb` (ValueError if they cannot be its facts)."""
    count = len(kb.snippets)
    kinds = {kind.id for kind in kb.lexicon.answer_types}
    types = {str(kind): tuple(int(d) for d in holding) for kind, holding in data["types"].items()}
    ask_frames = {int(d): frozenset(str(f) for f in frames) for d, frames in data["ask_frames"]}
    places = {int(d): frozenset(str(p) for p in found) for d, found in data["places"]}
    given = {
        int(d): Given(
            frozenset((str(kind), float(value)) for kind, value in gives),
            all_states=bool(all_states),
            half=bool(half),
        )
        for d, gives, all_states, half in data["given"]
    }
    mentioned = {
        str(name): tuple(int(d) for d in passages) for name, passages in data["mentioned"].items()
    }
    if set(types) != kinds:
        raise ValueError("saved answer types differ from the lexicon's")
    place_ids = {place.id for place in kb.lexicon.places}
    if any(not found <= place_ids for found in places.values()):
        raise ValueError("a saved place is not one of the lexicon's")
    doc_ids = [d for holding in types.values() for d in holding] + list(ask_frames) + list(places)
    doc_ids += [d for passages in mentioned.values() for d in passages]
    if any(not 0 <= d < count for d in doc_ids + list(given)):
        raise ValueError("a saved fact names a snippet outside the index")
    return SnippetFacts(types, ask_frames, places, given, mentioned)


def _check_engine(engine: PostingsBM25) -> None:
    """Reject arrays that would index out of bounds (a damaged but well-formed file)."""
    if engine.indptr[0] != 0 or np.any(np.diff(engine.indptr) < 0):
        raise ValueError("indptr is not a non-decreasing offset array from 0")
    if engine.doc_ids.size and (engine.doc_ids.min() < 0 or engine.doc_ids.max() >= engine.size):
        raise ValueError("a posting names a document outside the index")


def write_cache(data_dir: Path, key: str, index: SnippetIndex) -> bool:
    """Store `index` under `key` atomically; False (and nothing written) on failure.

    Only the `_KEEP_FILES` newest cache files in the directory are kept afterwards: older ones
    describe knowledge files or code that most likely no longer exist.
    """
    path = cache_path(data_dir, key)
    engine = index.engine
    ask_documents, first = index.ask_documents
    meta = {
        "format": FORMAT_VERSION,
        "key": key,
        "engine": {"size": engine.size, "terms": list(engine.terms)},
        "asks_engine": {"terms": list(index.asks_engine.terms)},
        "askdocs_engine": {"size": ask_documents.size, "terms": list(ask_documents.terms)},
        "kb": _kb_to_json(index.kb),
        "surface": {letter: dict(words) for letter, words in index.surface_vocabulary.items()},
        "facts": _facts_to_json(index.snippet_facts()),
        "filing": _filing_to_json(index.reader.frame_filing),
        "word_keys": index_module.phrase_word_keys(index.kb),
        "staff_filing": index.staff_filing,
    }
    meta["regexes"], regex_code = _regexes_to_json(lazy_re.programs())
    # Each passage's text terms: a start served from the cache otherwise tokenized each passage
    # (~50 us) the first time a question met it.
    text_terms = index.text_terms
    meta["text_terms"] = None if text_terms is None else text_terms.counts
    arrays: dict[str, np.ndarray] = {
        "askdocs_first": first,
        "regex_code": regex_code,
        "text_term_ids": (
            np.empty(0, dtype=np.int32) if text_terms is None else text_terms.ids.astype(np.int32)
        ),
    }
    for prefix, fitted in (("", engine), ("asks_", index.asks_engine), ("askdocs_", ask_documents)):
        arrays[f"{prefix}indptr"] = fitted.indptr
        arrays[f"{prefix}doc_ids"] = fitted.doc_ids
        arrays[f"{prefix}weights"] = fitted.weights
        arrays[f"{prefix}idf"] = fitted.idf_values
    payload = pack(meta, arrays)
    import tempfile  # only writes need it; a start served from the cache never imports it

    temporary: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as file:
            file.write(payload)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        _logger().info("could not write index cache %s: %s", path, error)
        return False
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
    _prune(path.parent)
    return True


def _prune(directory: Path) -> None:
    """Keep the few newest cache files (tests or a second knowledge base may share the dir)."""
    try:
        files = sorted(directory.glob("index-*.*"), key=lambda f: f.stat().st_mtime)
        for old in files[:-_KEEP_FILES]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


def seeds_inside(kb: KnowledgeBase, seeds_dir: Path) -> bool:
    """Whether every seed file the sources name is under `seeds_dir`, hence in the cache key."""
    root = seeds_dir.resolve()
    return all(
        (seeds_dir / seed).resolve().is_relative_to(root)
        for source in kb.sources.values()
        for seed in source.seeds
    )
