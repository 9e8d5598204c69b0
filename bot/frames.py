"""What kinds of answer questions ask for, and how staff write them: data, loaded and validated.

Two reviewed files in `knowledge/` teach peerbot to read a question rather than only match its
words (`bot.question` applies them):

- `frames.yaml`: question frames (definition, duties, money, count, time, comparison, ...), each
  with the cue wordings that signal it and the answer type a passage must hold to answer it (a
  money question needs a money amount, a count question a number); the answer types as regular
  expressions over passage text; and the jurisdictions (US states, countries) a question may
  name, which a passage must then name too.
- `shorthand.yaml`: staff shorthand ("ppl", "w/", "MH", "the feds") and the words it stands for,
  plus the cue words of chatter around a question (greetings, sign-offs, reasons such as "need it
  for our board deck") that verbose-query reduction drops.

Keeping these as data means a curator changes behaviour by editing YAML that `peerbot check`
validates, and the decision logic stays one general mechanism instead of a chain of ifs. Both
files are optional: a knowledge base without them gets an empty `Lexicon` (no frames, no
shorthand), which is how the small test knowledge bases run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from bot.records import Record, frozen_record
from bot.tokenize import STOP_WORDS, words
from bot.yamlfile import LineMap, Problem, read_yaml

# What a frame may require of a passage. "both_sides" (comparisons) is checked against the
# question's two sides; the others are regular expressions in frames.yaml `answer_types`.
BOTH_SIDES = "both_sides"
# What no passage can hold: the sources are published research, so advice on one staff member's
# situation ("my client relapsed, what do I do") or live facts (open grants, deadlines, today's
# figures) are never in them. A frame needing it is at best a partial answer with related passages.
NOT_IN_SOURCES = "not_in_sources"
# How many words a `*` in a cue may stand for ("how much * cost": "how much does training cost").
_WILDCARD_WORDS = 7
# How many a `**` may stand for: for cues whose two ends cannot belong to different clauses of a
# question ("how much ** paid": "how much do the 800 VA peer support counselors get paid"), where
# a long subject sits between them. A plain `*` stays short, as "how many * these days" must not
# reach across a whole message.
_LONG_WILDCARD_WORDS = 12
# The words each wildcard piece of a cue may stand for.
WILDCARDS = {"*": _WILDCARD_WORDS, "**": _LONG_WILDCARD_WORDS}


@frozen_record
class Frame(Record):
    """A kind of question, the wordings that signal it, and what an answer to it must contain."""

    id: str
    label: str
    cues: tuple[str, ...]
    unless: tuple[str, ...] = ()
    needs: str | None = None  # an answer type id, BOTH_SIDES, NOT_IN_SOURCES, or None
    missing: str | None = None  # what "the sources do not give" when no passage has it
    card: bool = False  # answered from the concept card of the concept asked about
    topics: tuple[str, ...] = ()  # topic ids whose passages suit this frame best
    # The typed fact must be about the subject: the ask's most specific concept must be in the
    # passage's own words ("2.3 million dollars for consumer networks" is no training cost).
    strict: bool = False
    # When set, only these cue words stand for the answer type and are checked by it; the cue's
    # other words stay things asked about ("*attrition* rate": the passage must be about
    # attrition, not give any rate).
    type_words: tuple[str, ...] = ()
    # Kinds of source (sources.yaml `kind`) whose passages cannot answer this frame: a methods
    # paper describes a planned study, so it holds no findings and says nothing of what works.
    not_kinds: tuple[str, ...] = ()
    # "How many <things>": the passage's number must count those things (a number followed
    # closely by one of the words after the cue), not something else ("three main themes").
    counted: bool = False
    # Answered from a card only by passages specific to the concept: a passage on many roles'
    # cards (the list of job titles) names a role, it does not say what that role does.
    card_specific: bool = False
    # Answer types whose passages cannot answer this frame: a passage stating a study's purpose
    # or design ("the purpose of this paper is...", "six members were interviewed") says what
    # was looked at, not what was found.
    not_types: tuple[str, ...] = ()
    # Asks what a named concept does or achieves ("is WRAP evidence based?"): a concept the
    # sources only name (concepts.yaml `unexplained`) cannot answer it, as it cannot a definition.
    of_concept: bool = False
    # Asks what a work found or concluded: a question naming a source's author ("does Goutam
    # conclude ...") is answered from that work only, as one naming "the Goutam paper" is.
    of_work: bool = False
    # What is counted must be what the question names: "what percentage of youth receive *peer
    # support*" is not answered by the share of youth accessing mental health services. The
    # concepts a question names (not its roles, which a count may name by another staff noun)
    # must be in the passage's own words; their names are the field's commonest words, which
    # coverage alone barely weighs.
    names_counted: bool = False
    # Answer types whose passages come after the others that may answer ("does peer support
    # work?": what was found before a passage saying what is still unknown).
    later_types: tuple[str, ...] = ()
    # Why a passage of a `not_kinds` source does not answer, said after what the sources lack
    # when such a passage came closest ("(that paper describes how a study is designed)"); in
    # `missing` it would be said of every question, PTSD's and a VA announcement's alike.
    kinds_reason: str | None = None
    # A bare "what is <term>" question with no card ("what is stigma") is answered only by a
    # passage defining the term (`bot.definitions`): with the term its only content word, any
    # passage naming it covered the whole question, and a mention was quoted as the definition.
    defines: bool = False
    # Asks what something does ("does * reduce ..."): the words the cue's wildcard stands for
    # name what acts (the agent). Peer support under any name, a role or a pronoun is what the
    # sources' findings are about; any other agent ("does *medication* reduce
    # hospitalization?") must be named by the passage, or a finding about peer support is
    # quoted as evidence for something it never studied (`bot.index`).
    of_agent: bool = False
    # With a place named, only a passage on one of the frame's `topics` answers: "who pays for
    # peer support in India?" is not answered by India's social and economic challenges. (Not
    # for every frame: "where do peers work in Hong Kong" is answered by Hong Kong's adoption
    # of peer services, which is not on the settings topic.)
    place_on_topic: bool = False
    # Read for "what did <a work named by its author> say" ("what did grant and colleagues
    # say", "what does Milani say about employment"), which no cue can tell from "what did the
    # VA say": the index reads it so when the words between are an author's name and the
    # work's (`bot.index` `SnippetIndex.read`).
    said_by_author: bool = False
    # A date must be of what the question names: "when did SAMHSA announce the grants" is not
    # answered by the month the VA's hiring was announced. The concepts it names (not roles)
    # must be in the passage's own words, as for `names_counted`.
    names_dated: bool = False
    # Words of the cues that only say what kind of answer is asked, never what it is about, in
    # a frame with no answer type to check them: "is helping with stigma *part* of a CPS's
    # *job*" asks whether a task is among a role's duties; as words to cover, "part" and "job"
    # outweighed the task ("job" is the DDA members' employment).
    cue_only_words: tuple[str, ...] = ()


@frozen_record
class AnswerType(Record):
    """A kind of fact a passage may hold (a money amount, a number, a date or duration)."""

    id: str
    patterns: tuple[str, ...]
    # Why a passage holding this type answers no frame that rules it out (`not_types`), said
    # after what the sources lack: "findings (they say what was announced or planned, not what
    # came of it)". None: the frame's own `missing` says it.
    reason: str | None = None


@frozen_record
class Place(Record):
    """A jurisdiction, or another subject the sources may not cover (a diagnosis such as eating
    disorders, a payer such as Medicare): when a question names it, an answer must name it too
    (unless implicit). "Does peer support work for eating disorders" is not answered by a passage
    on bipolar disorder that shares "peer support" and "disorder" with it."""

    id: str
    name: str
    aliases: tuple[str, ...]
    implicit: bool = False  # the sources' default context (the USA): naming it requires nothing
    subject: bool = False  # a diagnosis, payer or practice topic (`subjects:`), not a jurisdiction
    # A region a whole topic is about ("other countries": the passages on peer support outside
    # the USA): a passage of that topic is about the region though it names only India.
    topic: str | None = None
    # The topic whose passages are related, not an answer, when no passage names a subject:
    # "is peer support covered by Medicare?" is declined, with the passages on funding beside
    # it (a passage of that topic is not about Medicare, unlike a region's `topic`).
    related: str | None = None
    # Words that, right after the name, make it part of another's name: "veterans" is the
    # people served, "Veterans Administration" an employer, which says nothing about them.
    not_before: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@frozen_record
class Shorthand(Record):
    """Staff shorthand and the words it stands for; `exact` ones only match in that case."""

    short: str
    means: str
    exact: bool = False


@frozen_record
class Chatter(Record):
    """Cue words of the talk around a question, which verbose-query reduction drops."""

    greetings: tuple[str, ...] = ()
    signoffs: tuple[str, ...] = ()
    # A thanks that may close the question's own clause ("who are peer bridgers thx"): fewer
    # than the sign-offs, as "ok", "cool" or "great" end questions too ("is that ok").
    closings: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()  # a clause starting with one of these is context, not the ask
    # "we're a small rural agency, ...": who is asking. Context only beside another clause of its
    # sentence; a sentence of its own may be what a question points back at ("is that typical?").
    introductions: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()  # "for our <purpose>" nouns: board deck, grant app, report
    formats: tuple[str, ...] = ()  # the answer's form ("in one sentence"), dropped anywhere
    # "... on our unit", "... at my agency": the asker's own setting closing the ask, nouns.
    settings: tuple[str, ...] = ()


@frozen_record
class Lexicon(Record):
    """Frames, answer types, places, shorthand and chatter cues: how questions are read."""

    frames: tuple[Frame, ...] = ()
    answer_types: tuple[AnswerType, ...] = ()
    places: tuple[Place, ...] = ()
    shorthand: tuple[Shorthand, ...] = ()
    chatter: Chatter = field(default_factory=Chatter)

    def frame(self, frame_id: str | None) -> Frame | None:
        """The frame with this id, or None."""
        return self._frames_by_id.get(frame_id)

    @cached_property
    def _frames_by_id(self) -> dict[str | None, Frame]:
        """The first frame with each id (`frames` is a tuple: it never changes)."""
        found: dict[str | None, Frame] = {}
        for frame in self.frames:
            found.setdefault(frame.id, frame)
        return found

    def to_json(self) -> dict[str, Any]:
        """A JSON-safe form for the index cache."""
        return {
            "frames": [_plain(frame) for frame in self.frames],
            "answer_types": [_plain(kind) for kind in self.answer_types],
            "places": [_plain(place) for place in self.places],
            "shorthand": [_plain(item) for item in self.shorthand],
            "chatter": _plain(self.chatter),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Lexicon:
        """Inverse of `to_json`."""
        return cls(
            frames=tuple(Frame(**_tupled(item)) for item in data.get("frames", [])),
            answer_types=tuple(
                AnswerType(**_tupled(item)) for item in data.get("answer_types", [])
            ),
            places=tuple(Place(**_tupled(item)) for item in data.get("places", [])),
            shorthand=tuple(Shorthand(**_tupled(item)) for item in data.get("shorthand", [])),
            chatter=Chatter(**_tupled(data.get("chatter", {}))),
        )


def _plain(item: Any) -> dict[str, Any]:
    return {
        key: list(value) if isinstance(value, tuple) else value for key, value in vars(item).items()
    }


def _tupled(record: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: tuple(value) if isinstance(value, list) else value for key, value in record.items()
    }


# --- compiled forms (built once per index) -------------------------------------------------------


def cue_pattern(cues: Iterable[str]) -> re.Pattern[str] | None:
    """One regex over a space-joined word string matching any cue; `*` stands for 0-7 words,
    `**` for 0-12.

    Cue words are normalised as questions are (`bot.tokenize.words`), so "what's" in a cue
    matches "What's" or "what’s" in a question. Each cue is a named group `c<n>` (its position
    in `cues`), so a match tells which cue matched (`match.lastgroup`).
    """
    source = cue_source(cues)
    return None if source is None else re.compile(source)


def cue_source(cues: Iterable[str]) -> str | None:
    """`cue_pattern`'s source, not compiled (None: no alternative): for a pattern built on it."""
    alternatives = []
    for number, cue in enumerate(cues):
        parts = []
        for piece in cue.split():
            if piece in WILDCARDS:
                parts.append(f"(?:\\S+ ){{0,{WILDCARDS[piece]}}}")
            else:
                parts.append("".join(f"{re.escape(word)} " for word in words(piece)))
        if parts:
            alternatives.append(f"(?P<c{number}>" + "".join(parts) + ")")
    if not alternatives:
        return None
    return r"(?:^| )(?:" + "|".join(alternatives) + ")"


@lru_cache(maxsize=256)
def frame_qualifiers(frame: Frame) -> frozenset[str]:
    """A typed frame's cue words that are not its type words ("attrition" of "attrition rate")."""
    found: set[str] = set()
    for cue in frame.cues:
        found |= cue_words(cue)
    return frozenset(found - set(frame.type_words) - STOP_WORDS)


@lru_cache(maxsize=4096)
def cue_words(cue: str) -> frozenset[str]:
    """The literal words of one cue (its `*` wildcards left out); kept per cue, as the frame a
    question is read as asks for its cue's words on every question."""
    return frozenset(
        word for piece in cue.split() if piece not in WILDCARDS for word in words(piece)
    )


def type_pattern(answer_type: AnswerType) -> re.Pattern[str]:
    """The answer type's patterns as one case-insensitive regex over passage text."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in answer_type.patterns), re.IGNORECASE)


# --- loading and validation ----------------------------------------------------------------------

_Shown = Callable[[Path], str]


class _Reader:
    def __init__(self, shown: _Shown) -> None:
        self.shown = shown
        self.problems: list[Problem] = []

    def top(self, path: Path, keys: Mapping[str, type]) -> tuple[str, LineMap | None]:
        shown = self.shown(path)
        data, problems = read_yaml(path, shown)
        self.problems.extend(problems)
        if data is None:
            return shown, None
        if not isinstance(data, LineMap):
            self.problems.append(Problem(shown, 1, "expected a mapping"))
            return shown, None
        for key in data:
            if key not in keys:
                self.problems.append(
                    Problem(shown, data.line_of(key), f"unknown top-level key {key!r}")
                )
            elif not isinstance(data[key], keys[key]):
                what = "a list" if keys[key] is list else "a mapping"
                self.problems.append(Problem(shown, data.line_of(key), f"{key!r} must be {what}"))
        return shown, data

    def items(self, shown: str, data: LineMap, key: str) -> list[LineMap]:
        value = data.get(key)
        if not isinstance(value, list):
            return []
        found = []
        for position, item in enumerate(value, start=1):
            if isinstance(item, LineMap):
                found.append(item)
            else:
                self.problems.append(
                    Problem(shown, data.line_of(key), f"{key} item {position} must be a mapping")
                )
        return found

    def texts(
        self, shown: str, record: LineMap, key: str, label: str, *, required: bool
    ) -> tuple[str, ...]:
        value = record.get(key)
        if value is None:
            if required:
                self.problems.append(Problem(shown, record.line, f"{label}: missing field {key!r}"))
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.problems.append(
                Problem(shown, record.line_of(key), f"{label}: {key!r} must be a list of strings")
            )
            return ()
        if required and not value:
            self.problems.append(Problem(shown, record.line_of(key), f"{label}: {key!r} is empty"))
        return tuple(v.strip() for v in value)

    def text(
        self, shown: str, record: LineMap, key: str, label: str, *, required: bool
    ) -> str | None:
        value = record.get(key)
        if value is None:
            if required:
                self.problems.append(Problem(shown, record.line, f"{label}: missing field {key!r}"))
            return None
        if not isinstance(value, str) or not value.strip():
            self.problems.append(
                Problem(shown, record.line_of(key), f"{label}: {key!r} must be a non-empty string")
            )
            return None
        return value.strip()

    def unknown_fields(self, shown: str, record: LineMap, allowed: set[str], label: str) -> None:
        for key in record:
            if key not in allowed:
                self.problems.append(
                    Problem(shown, record.line_of(key), f"{label}: unknown field {key!r}")
                )


_FRAME_FIELDS = {
    "id",
    "label",
    "cues",
    "unless",
    "needs",
    "missing",
    "card",
    "topics",
    "strict",
    "type_words",
    "not_kinds",
    "not_types",
    "counted",
    "card_specific",
    "of_concept",
    "of_work",
    "names_counted",
    "later_types",
    "kinds_reason",
    "cue_pairs",
    "defines",
    "of_agent",
    "place_on_topic",
    "said_by_author",
    "names_dated",
    "cue_only_words",
}


def _frames(
    reader: _Reader, path: Path, topic_ids: Iterable[str]
) -> tuple[tuple[Frame, ...], tuple[AnswerType, ...], tuple[Place, ...]]:
    shown, data = reader.top(
        path, {"answer_types": list, "frames": list, "jurisdictions": list, "subjects": list}
    )
    if data is None:
        return (), (), ()
    answer_types: list[AnswerType] = []
    for record in reader.items(shown, data, "answer_types"):
        label = f"answer type {record.get('id')}"
        type_id = reader.text(shown, record, "id", label, required=True)
        reader.unknown_fields(shown, record, {"id", "patterns", "reason"}, label)
        patterns = reader.texts(shown, record, "patterns", label, required=True)
        reason = reader.text(shown, record, "reason", label, required=False)
        for pattern in patterns:
            try:
                # As `type_pattern` will use it: one alternative of a joined regex, where an
                # inline flag such as "(?i)" would no longer be at the start.
                re.compile(f"(?:{pattern})")
            except re.error as error:
                reader.problems.append(
                    Problem(
                        shown,
                        record.line_of("patterns"),
                        f"{label}: bad pattern {pattern!r}: {error}",
                    )
                )
        if type_id:
            answer_types.append(AnswerType(type_id, patterns, reason))
    known_needs = {kind.id for kind in answer_types} | {BOTH_SIDES, NOT_IN_SOURCES}
    topics = set(topic_ids)
    frames: list[Frame] = []
    seen: set[str] = set()
    for record in reader.items(shown, data, "frames"):
        label = f"frame {record.get('id')}"
        reader.unknown_fields(shown, record, _FRAME_FIELDS, label)
        frame_id = reader.text(shown, record, "id", label, required=True)
        frame_label = reader.text(shown, record, "label", label, required=True)
        cues = reader.texts(shown, record, "cues", label, required=True)
        cues += _cue_pairs(reader, shown, record, label)
        unless = reader.texts(shown, record, "unless", label, required=False)
        needs = reader.text(shown, record, "needs", label, required=False)
        missing = reader.text(shown, record, "missing", label, required=False)
        frame_topics = reader.texts(shown, record, "topics", label, required=False)
        type_words = reader.texts(shown, record, "type_words", label, required=False)
        cue_only = reader.texts(shown, record, "cue_only_words", label, required=False)
        not_kinds = reader.texts(shown, record, "not_kinds", label, required=False)
        not_types = reader.texts(shown, record, "not_types", label, required=False)
        later_types = reader.texts(shown, record, "later_types", label, required=False)
        kinds_reason = reader.text(shown, record, "kinds_reason", label, required=False)
        strict = _flag(reader, shown, record, "strict", label)
        counted = _flag(reader, shown, record, "counted", label)
        card_specific = _flag(reader, shown, record, "card_specific", label)
        card = _flag(reader, shown, record, "card", label)
        of_concept = _flag(reader, shown, record, "of_concept", label)
        of_work = _flag(reader, shown, record, "of_work", label)
        names_counted = _flag(reader, shown, record, "names_counted", label)
        defines = _flag(reader, shown, record, "defines", label)
        of_agent = _flag(reader, shown, record, "of_agent", label)
        place_on_topic = _flag(reader, shown, record, "place_on_topic", label)
        said_by_author = _flag(reader, shown, record, "said_by_author", label)
        names_dated = _flag(reader, shown, record, "names_dated", label)
        if needs is not None and needs not in known_needs:
            reader.problems.append(
                Problem(
                    shown,
                    record.line_of("needs"),
                    f"{label}: unknown answer type {needs!r} "
                    f"(one of {', '.join(sorted(known_needs))})",
                )
            )
        for field_name, type_ids in (("not_types", not_types), ("later_types", later_types)):
            for type_id in type_ids:
                if type_id not in known_needs - {BOTH_SIDES, NOT_IN_SOURCES}:
                    reader.problems.append(
                        Problem(
                            shown,
                            record.line_of(field_name),
                            f"{label}: unknown answer type {type_id!r}",
                        )
                    )
        if (needs is not None or not_kinds or not_types) and missing is None:
            reader.problems.append(
                Problem(
                    shown, record.line, f"{label}: a frame with 'needs' must say what is 'missing'"
                )
            )
        for topic in frame_topics:
            if topics and topic not in topics:
                reader.problems.append(
                    Problem(shown, record.line_of("topics"), f"{label}: unknown topic {topic!r}")
                )
        if frame_id in seen:
            reader.problems.append(
                Problem(shown, record.line_of("id"), f"duplicate frame id {frame_id!r}")
            )
            continue
        if frame_id and frame_label and cues:
            seen.add(frame_id)
            frames.append(
                Frame(
                    frame_id,
                    frame_label,
                    cues,
                    unless,
                    needs,
                    missing,
                    card,
                    frame_topics,
                    strict,
                    tuple(word for text in type_words for word in words(text)),
                    not_kinds,
                    counted,
                    card_specific,
                    not_types,
                    of_concept,
                    of_work,
                    names_counted,
                    later_types,
                    kinds_reason,
                    defines,
                    of_agent,
                    place_on_topic,
                    said_by_author,
                    names_dated,
                    tuple(word for text in cue_only for word in words(text)),
                )
            )
    places: list[Place] = []
    # Jurisdictions, then the other subjects an answer must name when a question does (a
    # diagnosis, a payer): both are checked the same way (bot.index `_unmet`).
    records = [("jurisdiction", r) for r in reader.items(shown, data, "jurisdictions")]
    records += [("subject", r) for r in reader.items(shown, data, "subjects")]
    for kind, record in records:
        label = f"{kind} {record.get('id')}"
        fields = (
            {"id", "name", "aliases", "implicit", "topic"}
            if kind == "jurisdiction"
            else {"id", "name", "aliases", "related", "not_before"}
        )
        reader.unknown_fields(shown, record, fields, label)
        place_id = reader.text(shown, record, "id", label, required=True)
        name = reader.text(shown, record, "name", label, required=True)
        aliases = reader.texts(shown, record, "aliases", label, required=False)
        implicit = record.get("implicit", False)
        region_topic = _topic_field(reader, shown, record, "topic", label, topics)
        related = _topic_field(reader, shown, record, "related", label, topics)
        not_before = reader.texts(shown, record, "not_before", label, required=False)
        if place_id and name:
            places.append(
                Place(
                    place_id,
                    name,
                    aliases,
                    bool(implicit),
                    kind == "subject",
                    region_topic,
                    related,
                    tuple(word.casefold() for word in not_before),
                )
            )
    return tuple(frames), tuple(answer_types), tuple(places)


def _cue_pairs(reader: _Reader, shown: str, record: LineMap, label: str) -> tuple[str, ...]:
    """A frame's `cue_pairs` as cues "<first> * <then>", one per pair of its two lists.

    Some frames are a shape more than a wording: "can a peer diagnose", "is a recovery coach
    allowed to give meds", "are CPSs able to do a psych eval" are one question, a word of
    permission or ability and then a clinical act, with anything between. Listing each pair as
    a cue by hand left most of them out; the two lists say the shape once.
    """
    value = record.get("cue_pairs")
    if value is None:
        return ()
    if not isinstance(value, LineMap) or set(value) != {"first", "then"}:
        reader.problems.append(
            Problem(
                shown,
                record.line_of("cue_pairs"),
                f"{label}: 'cue_pairs' must be a mapping of 'first' and 'then'",
            )
        )
        return ()
    first = reader.texts(shown, value, "first", f"{label} cue_pairs", required=True)
    then = reader.texts(shown, value, "then", f"{label} cue_pairs", required=True)
    return tuple(f"{one} * {other}" for one in first for other in then)


def _topic_field(
    reader: _Reader,
    shown: str,
    record: LineMap,
    name: str,
    label: str,
    topics: Collection[str],
) -> str | None:
    """An optional field naming a topic (a region's `topic`, a subject's `related`), with a
    problem at its line when the knowledge base has no such topic."""
    topic = reader.text(shown, record, name, label, required=False) or None
    if topic is not None and topics and topic not in topics:
        reader.problems.append(
            Problem(shown, record.line_of(name), f"{label}: unknown topic {topic!r}")
        )
    return topic


def _shorthand(reader: _Reader, path: Path) -> tuple[tuple[Shorthand, ...], Chatter]:
    shown, data = reader.top(path, {"shorthand": list, "chatter": LineMap})
    if data is None:
        return (), Chatter()
    items: list[Shorthand] = []
    seen: dict[str, int] = {}
    for record in reader.items(shown, data, "shorthand"):
        label = f"shorthand {record.get('short')}"
        reader.unknown_fields(shown, record, {"short", "means", "exact"}, label)
        short = reader.text(shown, record, "short", label, required=True)
        # An empty `means` drops the token ("tbh", "lol"): it says nothing about the ask.
        means = record.get("means")
        if not isinstance(means, str):
            reader.problems.append(
                Problem(shown, record.line, f"{label}: 'means' must be a string")
            )
            means = None
        exact = bool(record.get("exact", False))
        if short is None or means is None:
            continue
        key = short if exact else short.casefold()
        if key in seen:
            reader.problems.append(
                Problem(shown, record.line, f"{label}: duplicate of line {seen[key]}")
            )
            continue
        seen[key] = record.line
        items.append(Shorthand(short, means.strip(), exact))
    chatter = Chatter()
    block = data.get("chatter")
    if isinstance(block, LineMap):
        reader.unknown_fields(
            shown,
            block,
            {
                "greetings",
                "signoffs",
                "closings",
                "reasons",
                "introductions",
                "purposes",
                "formats",
                "settings",
            },
            "chatter",
        )
        chatter = Chatter(
            greetings=reader.texts(shown, block, "greetings", "chatter", required=False),
            signoffs=reader.texts(shown, block, "signoffs", "chatter", required=False),
            closings=reader.texts(shown, block, "closings", "chatter", required=False),
            reasons=reader.texts(shown, block, "reasons", "chatter", required=False),
            introductions=reader.texts(shown, block, "introductions", "chatter", required=False),
            purposes=reader.texts(shown, block, "purposes", "chatter", required=False),
            formats=reader.texts(shown, block, "formats", "chatter", required=False),
            settings=reader.texts(shown, block, "settings", "chatter", required=False),
        )
    return tuple(items), chatter


def _flag(reader: _Reader, shown: str, record: LineMap, name: str, label: str) -> bool:
    """A true/false field of a frame (false when absent or not a boolean, with a problem)."""
    value = record.get(name, False)
    if isinstance(value, bool):
        return value
    reader.problems.append(
        Problem(shown, record.line_of(name), f"{label}: {name!r} must be true or false")
    )
    return False


def load_lexicon(
    knowledge_dir: Path, shown: _Shown, topic_ids: Iterable[str] = ()
) -> tuple[Lexicon, list[Problem]]:
    """Read frames.yaml and shorthand.yaml (each optional) and every problem in them."""
    reader = _Reader(shown)
    frames: tuple[Frame, ...] = ()
    answer_types: tuple[AnswerType, ...] = ()
    places: tuple[Place, ...] = ()
    shorthand: tuple[Shorthand, ...] = ()
    chatter = Chatter()
    if (knowledge_dir / "frames.yaml").exists():
        frames, answer_types, places = _frames(reader, knowledge_dir / "frames.yaml", topic_ids)
    if (knowledge_dir / "shorthand.yaml").exists():
        shorthand, chatter = _shorthand(reader, knowledge_dir / "shorthand.yaml")
    return Lexicon(frames, answer_types, places, shorthand, chatter), reader.problems
