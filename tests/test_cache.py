"""The on-disk index cache: same answers as a fresh build, rebuilt on any change or damage."""

from __future__ import annotations

import dataclasses
import json
import os
import textwrap
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot import cache
from bot import figures as figures_module
from bot import index as index_module
from bot.cache import cache_key, cache_path, read_cache, write_cache
from bot.config import Settings, load_settings
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeError
from bot.loader import load_index
from tests.conftest import MINI_FILES, REAL_KNOWLEDGE, REAL_SEEDS, write_mini_kb

MetaChange = Callable[[dict[str, Any]], object]

QUESTIONS = [
    "what does a peer bridger do?",
    "Does insurance pay for peers?",
    "recovry coachs",
    "what is the wifi password",
    "",
]


def _settings(knowledge: Path, seeds: Path, data: Path, **extra: str) -> Settings:
    return load_settings(
        {
            "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
            "PEERBOT_SEEDS_DIR": str(seeds),
            "PEERBOT_DATA_DIR": str(data),
            **extra,
        }
    )


def _cache_files(settings: Settings) -> list[Path]:
    return sorted((settings.data_dir / "index-cache").glob("*"))


def _answers(index: SnippetIndex, questions: list[str]) -> list[object]:
    return [index.search(question).to_json() for question in questions]


def test_second_start_is_served_from_the_cache_with_the_same_answers(
    mini_settings: Settings,
) -> None:
    built = load_index(mini_settings)
    (path,) = _cache_files(mini_settings)
    before = path.stat()
    cached = load_index(mini_settings)
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # not rewritten
    assert _answers(cached, QUESTIONS) == _answers(built, QUESTIONS)
    assert cached.kb == built.kb
    assert [(s.file, s.line) for s in cached.kb.snippets] == [
        (s.file, s.line) for s in built.kb.snippets
    ]
    assert cached.kb.version == built.kb.version
    assert cached.surface_vocabulary == built.surface_vocabulary


def test_real_knowledge_base_round_trips(tmp_path: Path, real_index: SnippetIndex) -> None:
    key = cache_key(REAL_KNOWLEDGE, REAL_SEEDS)
    assert write_cache(tmp_path, key, real_index)
    cached = read_cache(tmp_path, key)
    assert cached is not None
    assert cached.kb == real_index.kb
    assert dict(cached.kb.sources) == dict(real_index.kb.sources)
    assert cached.engine.terms == real_index.engine.terms
    assert cached.engine.idf == real_index.engine.idf
    for name in ("indptr", "doc_ids", "weights"):
        assert np.array_equal(getattr(cached.engine, name), getattr(real_index.engine, name))
    # the curated-asks field is cached too, not refitted on every start
    assert cached.asks_engine.terms == real_index.asks_engine.terms
    assert cached.asks_engine.idf == real_index.asks_engine.idf
    for name in ("indptr", "doc_ids", "weights"):
        assert np.array_equal(
            getattr(cached.asks_engine, name), getattr(real_index.asks_engine, name)
        )
    # so is every curated ask as its own document, which a first search would build
    (cached_asks, cached_first), (built_asks, built_first) = (
        cached.ask_documents,
        real_index.ask_documents,
    )
    assert cached_asks.terms == built_asks.terms
    assert cached_asks.size == built_asks.size
    assert np.array_equal(cached_first, built_first)
    for name in ("indptr", "doc_ids", "weights", "idf_values"):
        assert np.array_equal(getattr(cached_asks, name), getattr(built_asks, name))
    assert cached.kb.lexicon == real_index.kb.lexicon
    # and the question reader's filing of the frames' cue words
    assert cached.reader.frame_filing == real_index.reader.frame_filing
    questions = [
        "How many states certify peer specialists?",
        "do insurers pay for peer support?",
        "what does a peer bridger do",
        "salary of a CPS",
        "hey all, what's a recovery coach? thx",
        "how much does it cost to get certified as a peer specialist",
    ]
    assert _answers(cached, questions) == _answers(real_index, questions)


def test_cached_index_reads_questions_without_filing_the_frames_again(
    tmp_path: Path, real_index: SnippetIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The frames' cue word filing comes from the file: a cached index files no cue word set
    (nor builds a frame's cues before a question could match it), and reads alike."""
    from bot import question as question_module

    key = cache_key(REAL_KNOWLEDGE, REAL_SEEDS)
    assert write_cache(tmp_path, key, real_index)
    questions = ["How much do peer specialists earn?", "hey, what's a recovery coach? thx"]
    expected = _answers(real_index, questions)

    def no_filing(word_sets: object) -> object:
        raise AssertionError("the frames were filed again, not read from the cache")

    monkeypatch.setattr(question_module, "_frame_filing", no_filing)
    cached = read_cache(tmp_path, key)
    assert cached is not None
    assert _answers(cached, questions) == expected


def test_cached_index_builds_its_phrases_without_stemming_their_words(
    tmp_path: Path, real_index: SnippetIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The synonyms' words come with their stem keys from the file (the keys `_key` gives
    them), and which staff wordings start with each key (`staff_phrase_filing`): a cached
    index does not build the phrase tables, makes a key's phrases when it is looked up, and
    they are the built index's, made without stemming a word."""
    key = cache_key(REAL_KNOWLEDGE, REAL_SEEDS)
    assert write_cache(tmp_path, key, real_index)
    saved = cache.unpack(cache_path(tmp_path, key).read_bytes())[0]["word_keys"]
    assert len(saved) > 500
    assert all(index_module._word_key(word) == stem for word, stem in saved.items())
    keys = index_module._KeyCache()
    monkeypatch.setattr(index_module, "_KEYS", keys)
    monkeypatch.setattr(index_module, "_key", keys.__getitem__)
    stemmed: list[str] = []
    monkeypatch.setattr(
        index_module, "_word_key", lambda word: stemmed.append(word) or saved.get(word, word)
    )

    def no_tables(kb: object) -> object:
        raise AssertionError("the phrase tables were built, not read from the cache")

    monkeypatch.setattr(index_module, "staff_phrase_filing", no_tables)
    cached = read_cache(tmp_path, key)
    assert cached is not None
    assert dict(cached._stem_phrases.items()) == real_index._stem_phrases  # every key's, made
    assert cached._word_phrases == real_index._word_phrases
    assert not set(stemmed) & set(saved)  # only other words (one-word names' plurals) later


def test_cached_index_searches_without_building_the_ask_documents(
    mini_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = load_index(mini_settings)
    expected = _answers(built, QUESTIONS)

    def no_build(kb: object) -> object:
        raise AssertionError("the ask documents were rebuilt, not read from the cache")

    monkeypatch.setattr(index_module._AskIndex, "build", no_build)
    assert _answers(load_index(mini_settings), QUESTIONS) == expected


def test_cached_index_knows_its_snippet_facts_without_working_them_out(
    tmp_path: Path, real_index: SnippetIndex, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer types each passage holds, the frames of its asks, the places it is about and
    the figures it gives come from the file: a typed question on a cached index compiles no
    answer-type regex, reads no curated ask, reads no passage for place names, and a claimed
    figure gathers no passage's figures."""
    key = cache_key(REAL_KNOWLEDGE, REAL_SEEDS)
    assert write_cache(tmp_path, key, real_index)
    cached = read_cache(tmp_path, key)
    assert cached is not None
    built = real_index.snippet_facts()
    assert built.types and built.ask_frames
    questions = [
        "How much do peer specialists earn?",
        "how many states certify peer specialists",
        "what is peer support",
        "when was the first peer specialist certification program started",
        "the VA hired 8,000 peers, right?",  # a claimed figure: no passage's figures gathered
    ]
    expected = _answers(real_index, questions)

    def no_compile(kind: object) -> object:
        raise AssertionError("an answer-type regex was compiled, not read from the cache")

    def no_read(self: object, ask: str) -> object:
        raise AssertionError(f"a curated ask was read again: {ask!r}")

    monkeypatch.setattr(index_module, "type_pattern", no_compile)
    monkeypatch.setattr(figures_module, "passage_figures", no_compile)
    original_read = index_module.QuestionReader.read
    asks = {ask for snippet in cached.kb.snippets for ask in snippet.asks}

    def read_questions_only(self: Any, text: str) -> Any:
        if text in asks:
            no_read(self, text)
        return original_read(self, text)

    monkeypatch.setattr(index_module.QuestionReader, "read", read_questions_only)
    # Every passage's places are known before any question (none is read for place names).
    assert set(cached._places) == set(range(len(cached.kb.snippets)))
    assert _answers(cached, questions) == expected
    assert cached.snippet_facts() == built
    assert built.places  # the real knowledge base has passages about places


def test_another_stemmer_release_gives_another_key(monkeypatch: pytest.MonkeyPatch) -> None:
    # Stems, hence the cached postings, depend on the installed C stemmer.
    before = cache_key(REAL_KNOWLEDGE, REAL_SEEDS)
    monkeypatch.setattr(cache.Stemmer, "version", lambda: "0.0-other")
    assert cache_key(REAL_KNOWLEDGE, REAL_SEEDS) != before


def test_edited_knowledge_is_rebuilt(mini_settings: Settings) -> None:
    load_index(mini_settings)
    funding = mini_settings.knowledge_dir / "snippets" / "funding.yaml"
    funding.write_text(funding.read_text().replace("topics: [funding]", "topics: [roles-duties]"))
    index = load_index(mini_settings)
    medicaid = next(s for s in index.kb.snippets if s.id == "mini-medicaid")
    assert medicaid.topics == ("roles-duties",)
    assert len(_cache_files(mini_settings)) == 2
    assert read_cache(mini_settings.data_dir, _key(mini_settings)) is not None


def test_knowledge_broken_after_caching_is_still_rejected(mini_settings: Settings) -> None:
    load_index(mini_settings)
    funding = mini_settings.knowledge_dir / "snippets" / "funding.yaml"
    funding.write_text(funding.read_text().replace("major source", "minor source"))
    with pytest.raises(KnowledgeError, match="not found verbatim"):
        load_index(mini_settings)
    assert len(_cache_files(mini_settings)) == 1  # nothing cached for the broken version


def test_edited_seed_is_rebuilt(mini_settings: Settings) -> None:
    load_index(mini_settings)
    (mini_settings.seeds_dir / "mini.txt").write_text("Nothing verbatim any more.\n")
    with pytest.raises(KnowledgeError, match="not found verbatim"):
        load_index(mini_settings)


def _key(settings: Settings) -> str:
    return cache_key(settings.knowledge_dir, settings.seeds_dir)


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[:500]), id="truncated"),
        pytest.param(lambda path: path.write_bytes(b"PK\x03\x04" + b"\x00" * 64), id="garbage"),
        pytest.param(
            lambda path: path.write_bytes(path.read_bytes().replace(b"bridger", b"bridgeX")),
            id="flipped-bytes",
        ),
    ],
)
def test_damaged_cache_is_silently_rebuilt(
    mini_settings: Settings, damage: Callable[[Path], object]
) -> None:
    built = load_index(mini_settings)
    path = cache_path(mini_settings.data_dir, _key(mini_settings))
    damage(path)
    assert read_cache(mini_settings.data_dir, _key(mini_settings)) is None
    rebuilt = load_index(mini_settings)
    assert _answers(rebuilt, QUESTIONS) == _answers(built, QUESTIONS)
    assert read_cache(mini_settings.data_dir, _key(mini_settings)) is not None


def _rewrite(path: Path, change_meta: MetaChange | None, **arrays: np.ndarray) -> None:
    """Change the file's content but keep it well-formed (a valid checksum): only the checks
    of what it says can reject it."""
    meta, contents = cache.unpack(path.read_bytes())
    if change_meta is not None:
        change_meta(meta)
    path.write_bytes(cache.pack(meta, {**contents, **arrays}))


@pytest.mark.parametrize(
    ("change_meta", "arrays"),
    [
        pytest.param(lambda meta: meta.update(format=0), {}, id="other-format"),
        pytest.param(lambda meta: meta.update(key="0" * 32), {}, id="other-key"),
        pytest.param(lambda meta: meta["kb"]["snippets"].pop(), {}, id="snippet-missing"),
        pytest.param(lambda meta: meta["kb"].pop("roles"), {}, id="field-missing"),
        pytest.param(None, {"doc_ids": np.asarray([99, 0, 1], dtype=np.int32)}, id="bad-doc-id"),
        pytest.param(None, {"weights": np.zeros(2)}, id="short-array"),
        pytest.param(None, {"idf": np.zeros(1, dtype=np.float32)}, id="wrong-dtype"),
        pytest.param(
            lambda meta: meta["facts"]["types"].update(unknown=[0]), {}, id="fact-unknown-type"
        ),
        pytest.param(
            lambda meta: meta["facts"]["ask_frames"].append([99, []]), {}, id="fact-bad-doc-id"
        ),
        pytest.param(lambda meta: meta.pop("facts"), {}, id="facts-missing"),
        pytest.param(
            lambda meta: meta["facts"]["places"].append([0, ["atlantis"]]),
            {},
            id="fact-unknown-place",
        ),
        pytest.param(
            lambda meta: meta["facts"]["places"].append([99, []]), {}, id="fact-place-bad-doc-id"
        ),
        pytest.param(
            lambda meta: meta["facts"]["given"].append([99, [], False, False]),
            {},
            id="fact-given-bad-doc-id",
        ),
        pytest.param(
            lambda meta: meta["facts"]["mentioned"].update(salzer=[99]),
            {},
            id="fact-mentioned-bad-doc-id",
        ),
        pytest.param(lambda meta: meta["facts"].pop("mentioned"), {}, id="fact-mentioned-missing"),
        pytest.param(lambda meta: meta["text_terms"].append(1), {}, id="text-terms-other-count"),
        pytest.param(
            None, {"text_term_ids": np.zeros(0, dtype=np.int32)}, id="text-terms-missing-ids"
        ),
        pytest.param(lambda meta: meta["filing"]["always"].append(9999), {}, id="filing-bad-frame"),
        pytest.param(lambda meta: meta.pop("filing"), {}, id="filing-missing"),
        pytest.param(
            lambda meta: meta["filing"]["sets"].update(peer=["9999 peer work"]),
            {},
            id="filing-set-of-a-bad-frame",
        ),
        pytest.param(
            lambda meta: meta["filing"]["sets"].update(peer=["0"]), {}, id="filing-set-no-words"
        ),
        pytest.param(
            lambda meta: meta["filing"]["sets"].update(peer="0 peer work"),
            {},
            id="filing-sets-not-a-list",
        ),
        pytest.param(
            lambda meta: meta["regexes"].update(interpreter="another Python"),
            {},
            id="regexes-of-another-interpreter",
        ),
        pytest.param(
            lambda meta: meta["regexes"]["patterns"][0].__setitem__(6, 10**9),
            {},
            id="regex-program-outside-the-code",
        ),
        pytest.param(None, {"regex_code": np.zeros(3, dtype=np.int64)}, id="regex-code-dtype"),
        pytest.param(
            lambda meta: meta["word_keys"].update(peer=["peer"]), {}, id="word-key-not-a-word"
        ),
        pytest.param(lambda meta: meta.pop("staff_filing"), {}, id="staff-filing-missing"),
        pytest.param(
            lambda meta: meta["staff_filing"].update(unfiled=[10**6]),
            {},
            id="staff-filing-outside-the-wordings",
        ),
        pytest.param(
            lambda meta: meta["staff_filing"].update(
                unfiled=[next(iter(meta["staff_filing"].values()))[0]]
            ),
            {},
            id="staff-filing-names-a-wording-twice",
        ),
        pytest.param(
            lambda meta: meta["staff_filing"].update(unfiled="0"), {}, id="staff-filing-not-a-list"
        ),
    ],
)
def test_inconsistent_cache_is_a_miss(
    mini_settings: Settings, change_meta: MetaChange | None, arrays: dict[str, np.ndarray]
) -> None:
    load_index(mini_settings)
    key = _key(mini_settings)
    path = cache_path(mini_settings.data_dir, key)
    if "doc_ids" in arrays:
        stored = cache.unpack(path.read_bytes())[1]["doc_ids"]
        arrays = {"doc_ids": np.full(stored.size, 99, dtype=np.int32)}
    _rewrite(path, change_meta, **arrays)
    assert read_cache(mini_settings.data_dir, key) is None
    assert load_index(mini_settings).search("what does a peer bridger do?").answered


def test_cache_can_be_turned_off(mini_kb_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    settings = _settings(*mini_kb_dirs, tmp_path / "data", PEERBOT_INDEX_CACHE="false")
    assert load_index(settings).search("what does a peer bridger do?").answered
    assert not settings.data_dir.exists()


def test_unwritable_data_dir_still_serves(mini_kb_dirs: tuple[Path, Path], tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data directory should be")
    settings = _settings(*mini_kb_dirs, blocker)
    assert load_index(settings).search("what does a peer bridger do?").answered
    assert load_index(settings).search("what does a peer bridger do?").answered


def test_seed_outside_seeds_dir_is_never_cached(tmp_path: Path) -> None:
    # Validation would read a file the cache key does not hash, so the result is not cached.
    sources = textwrap.dedent(MINI_FILES["sources.yaml"]).replace("[mini.txt]", "[../mini.txt]")
    knowledge, seeds = write_mini_kb(tmp_path / "kb", {"sources.yaml": sources})
    (seeds.parent / "mini.txt").write_text((seeds / "mini.txt").read_text())
    settings = _settings(knowledge, seeds, tmp_path / "data")
    assert load_index(settings).search("what does a peer bridger do?").answered
    assert _cache_files(settings) == []


def test_concurrent_writers_leave_one_valid_file(mini_settings: Settings) -> None:
    index = load_index(mini_settings)
    key = _key(mini_settings)
    results: list[bool] = []

    def write() -> None:
        results.append(write_cache(mini_settings.data_dir, key, index))

    threads = [threading.Thread(target=write) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [True] * 8
    assert _cache_files(mini_settings) == [cache_path(mini_settings.data_dir, key)]
    cached = read_cache(mini_settings.data_dir, key)
    assert cached is not None and cached.kb == index.kb


def test_only_the_newest_cache_files_are_kept(mini_settings: Settings, tmp_path: Path) -> None:
    index = load_index(mini_settings)
    data = tmp_path / "shared"
    keys = [f"{number:032d}" for number in range(5)]
    for number, key in enumerate(keys):
        assert write_cache(data, key, index)
        stamp = 10**9 + number  # distinct modification times, oldest first
        os.utime(cache_path(data, key), (stamp, stamp))
    assert sorted((data / "index-cache").glob("*")) == [cache_path(data, key) for key in keys[-3:]]


def test_cache_records_are_written_as_dataclasses_asdict_would() -> None:
    # Records are built shallow for speed; a nested dataclass still comes out as asdict's.
    @dataclasses.dataclass(frozen=True)
    class Inner:
        word: str

    @dataclasses.dataclass(frozen=True)
    class Outer:
        name: str
        inner: Inner
        tags: tuple[str, ...]
        year: int | None

    items = [Outer("x", Inner("y"), ("a", "b"), None), Outer("z", Inner("w"), (), 2020)]
    written = json.dumps(cache._records(items), default=cache._nested_record)
    assert json.loads(written) == json.loads(json.dumps([dataclasses.asdict(i) for i in items]))


def test_cached_index_keeps_each_passages_text_terms(
    tmp_path: Path, real_index: SnippetIndex
) -> None:
    """Each passage's text terms come from the file, the same the build kept (so no question
    tokenizes a passage of a cache-loaded index)."""
    key = cache_key(REAL_KNOWLEDGE, REAL_SEEDS)
    assert write_cache(tmp_path, key, real_index)
    cached = read_cache(tmp_path, key)
    assert cached is not None and cached.text_terms is not None
    built = real_index.text_terms
    assert built is not None
    for doc_id in range(len(cached.kb.snippets)):
        assert cached.text_terms.of(doc_id) == built.of(doc_id)
        assert cached.text_terms.numbers_of(doc_id) == built.numbers_of(doc_id)
