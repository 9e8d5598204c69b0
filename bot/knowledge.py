"""The curated knowledge base: load it, validate all of it, and refuse to serve a broken one.

Every answer peerbot gives is a snippet's `text` with its source's citation, so the guarantees
that matter are enforced here, before anything is indexed: every snippet names a real source, its
text is found verbatim in one of that source's seed files, and every reference resolves. Problems
are collected, not raised one at a time, so a curator sees all of them in one `peerbot check`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from bot.frames import Lexicon, load_lexicon
from bot.lazy_re import lazy
from bot.records import Record, frozen_record
from bot.yamlfile import LineMap, Problem, read_yaml

SOURCE_KINDS: frozenset[str] = frozenset(
    {
        "review",
        "qualitative study",
        "survey",
        "report",
        "commentary",
        "blog post",
        "methods paper",
        "conceptual paper",
        "research paper",
    }
)

_ID_RE = lazy(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Why a seed sentence is deliberately left out of every snippet (knowledge/uncovered.yaml).
UNCOVERED_REASONS: frozenset[str] = frozenset(
    {"boilerplate", "navigation", "reference", "duplicate", "methods"}
)
MIN_ASKS = 2
MAX_ASKS = 5
# A source's short label (its `label`, else its title, else its description) is cut to this many
# characters where space is tight; `peerbot check` warns when a curated `label` is longer.
MAX_LABEL_CHARS = 60
# Name particles that are lower-case in personal names ("Ludwig van Beethoven").
_NAME_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "y"})
# Words that only an organisation's name contains.
_ORGANISATION_WORDS = frozenset(
    {
        "administration",
        "agency",
        "alliance",
        "association",
        "center",
        "centre",
        "coalition",
        "college",
        "commission",
        "council",
        "department",
        "foundation",
        "institute",
        "network",
        "office",
        "organisation",
        "organization",
        "society",
        "university",
    }
)


class KnowledgeError(Exception):
    """The knowledge base has problems; `problems` lists every one, located."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@frozen_record
class Source(Record):
    """One cited work (paper, report, blog post), possibly read from several seed files."""

    id: str
    authors: tuple[str, ...]
    year: int | None
    title: str | None
    description: str | None
    venue: str | None
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    url: str | None
    kind: str
    seeds: tuple[str, ...]
    # A short human label for lists and the numbered Sources line (curated in sources.yaml),
    # for works whose seed shows no title or only a long one.
    label: str | None = None

    @property
    def link(self) -> str | None:
        """Where a reader can find the work: the DOI resolver if there is a DOI, else the URL."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        return self.url

    @property
    def short_name(self) -> str:
        """'Rogers (2017)' style label for lists and buttons; an organisation is named whole."""
        names = [author for author in self.authors if author not in ("...", "…")]
        first = _surname(names[0]) if names else "Unknown"
        if len(names) == 2 and len(self.authors) == 2:
            first = f"{first} & {_surname(names[1])}"
        elif len(self.authors) > 1:
            first = f"{first} et al."
        return f"{first} ({self.year if self.year else 'n.d.'})"

    @property
    def short_title(self) -> str:
        """The curated label, else the title, else the description, cut at a word near 60."""
        return cut_at_word(self.label or self.title or self.description or "", MAX_LABEL_CHARS)

    @property
    def short_label(self) -> str:
        """'Rogers (2017). Peer support services: …': who, when and which work, in one line."""
        title = self.short_title
        return f"{self.short_name}. {title}" if title else self.short_name

    def citation(self, *, with_link: bool = True) -> str:
        """`Authors (Year). Title. Venue Vol(Issue), pages. DOI/URL`, from the fields it has."""
        parts = [f"{_authors_text(self.authors)} ({self.year if self.year else 'n.d.'})."]
        parts.append(f"{self.title}." if self.title else f"[{self.description}].")
        locator = _locator(self.venue, self.volume, self.issue, self.pages)
        if locator:
            parts.append(f"{locator}.")
        if with_link and self.link:
            parts.append(self.link)
        return " ".join(parts)


@frozen_record
class Topic(Record):
    """A subject area staff ask about; its label is indexed with the snippets that carry it.

    `about` is the topic's concept card: the snippets that give its overview, so "what is X"
    can be answered from the passages a curator chose rather than from word overlap alone.
    """

    id: str
    label: str
    about: tuple[str, ...] = ()


@frozen_record
class Role(Record):
    """A peer-support role title, with the other names staff and sources use for it.

    `about` is the role's concept card: the snippets that say what the role is or what its
    holders do (not every snippet that merely mentions it; those are `snippets_for_role`).
    """

    id: str
    title: str
    aliases: tuple[str, ...]
    about: tuple[str, ...] = ()
    # A role the sources only mention in passing (a blog post on community health workers'
    # licensing, SAMHSA's training for "peer support leaders"): what they lack, and the
    # passages naming it, as for an unexplained concept. "What does a peer support leader
    # do?" is then told the sources do not say, instead of being quoted the grant news.
    unexplained: str | None = None
    named_in: tuple[str, ...] = ()
    answered_when: tuple[str, ...] = ()
    # A general name for peer staff ("peer worker", "peer provider"): a count of peer
    # specialists counts them too, where one of CPS services counts no recovery coaches.
    general: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The title followed by every alias."""
        return (self.title, *self.aliases)


@frozen_record
class Concept(Record):
    """Something staff ask "what is X" about that is neither a role nor a topic (WRAP, Medicaid).

    Its `about` snippets define or describe it; `aliases` are the other names staff use. A
    concept the sources only name (WRAP, the core conditions of helping relationships) has no
    `about`: `unexplained` says what the sources lack, and `named_in` the passages naming it,
    so "what exactly are the core conditions?" gets an honest partial answer, not the passage
    that only names them.
    """

    id: str
    name: str
    aliases: tuple[str, ...]
    about: tuple[str, ...]
    unexplained: str | None = None
    named_in: tuple[str, ...] = ()
    # Words saying a question about an unexplained concept asks what its naming passages do say
    # ("is there an *agreed* set of core competencies?": no, there is no consensus).
    answered_when: tuple[str, ...] = ()
    # The concept is peer support itself, under one of its names (peer support, peers, lived
    # experience, consumer-provided services): "does it reduce hospitalization?" asked of it is
    # answered by the sources' findings; asked of anything else ("does medication reduce
    # hospitalization?"), only by a passage naming that other thing (`bot.index`).
    peer_support: bool = False
    # Naming it is the question, whatever else the question is framed as: "any drawbacks to
    # hiring peers?" asks for the downsides the sources do not weigh (`unexplained`), though no
    # definition or list frame is read.
    asked_by_name: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)


@frozen_record
class UncoveredSentence(Record):
    """A seed sentence deliberately in no snippet, with the one-word reason a curator gave."""

    seed: str
    text: str
    reason: str


@frozen_record
class Synonym(Record):
    """Staff wording (`staff`) that should also search for the sources' wording (`source`)."""

    source: str
    staff: tuple[str, ...]
    # Context guards: the entry does not apply to a question holding any of these words
    # ("malpractice insurance" is not Medicaid reimbursement).
    not_with: tuple[str, ...] = ()


@frozen_record
class Snippet(Record):
    """A verbatim passage from a seed document, the only thing peerbot ever quotes."""

    id: str
    source_id: str
    text: str
    topics: tuple[str, ...]
    roles: tuple[str, ...]
    file: str = field(compare=False)
    line: int = field(compare=False)
    # Questions, in staff's words, that this passage answers (the FAQ-retrieval "asks" field).
    asks: tuple[str, ...] = ()
    # True when this snippet's asks may also be asks of another snippet that is marked too.
    shared_asks: bool = False


@frozen_record
class KnowledgeBase(Record):
    """Everything validated and cross-referenced, ready to index."""

    sources: Mapping[str, Source]
    topics: Mapping[str, Topic]
    roles: Mapping[str, Role]
    synonyms: tuple[Synonym, ...]
    snippets: tuple[Snippet, ...]
    version: str
    concepts: Mapping[str, Concept] = field(default_factory=dict)
    uncovered: tuple[UncoveredSentence, ...] = ()
    # How questions are read: frames, answer types, places, shorthand (bot.frames).
    lexicon: Lexicon = field(default_factory=Lexicon)

    def snippets_for_role(self, role_id: str) -> tuple[Snippet, ...]:
        """The snippets that speak of a role, in knowledge-base order."""
        return tuple(snippet for snippet in self.snippets if role_id in snippet.roles)

    def source_of(self, snippet: Snippet) -> Source:
        """The cited work a snippet is quoted from."""
        return self.sources[snippet.source_id]


def is_organisation(name: str) -> bool:
    """True when an author is an organisation ("Peers for Progress", "SAMHSA"), not a person.

    Personal names are capitalised words and initials; an organisation's name has a lower-case
    joining word ("for", "of", "and"), a word such as "Institute", or is one upper-case acronym.
    """
    parts = name.split()
    if len(parts) == 1:
        return len(parts[0]) > 1 and parts[0].isupper()
    for part in parts:
        word = part.strip(".,()").casefold()
        if word in _ORGANISATION_WORDS or word == "&":
            return True
        if part[:1].islower() and word not in _NAME_PARTICLES:
            return True
    return False


def _surname(name: str) -> str:
    """A person's last name; an organisation's whole name."""
    return name if is_organisation(name) else name.split()[-1]


def cut_at_word(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else cut at a whole word, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.-–—(") + "…"


def label_warnings(kb: KnowledgeBase) -> list[str]:
    """Curated source labels too long for one line of the Sources list (warnings, not errors)."""
    return [
        f"source {source.id}: label is {len(source.label)} characters "
        f"(keep it to {MAX_LABEL_CHARS} or fewer so it is not cut)"
        for source in kb.sources.values()
        if source.label and len(source.label) > MAX_LABEL_CHARS
    ]


def _authors_text(authors: tuple[str, ...]) -> str:
    names = [author for author in authors if author not in ("...", "…")]
    if not names:
        return "Unknown author"
    truncated = len(names) < len(authors)
    if truncated or len(names) > 3:
        return f"{names[0]}, {names[1]}, et al." if len(names) > 1 else f"{names[0]} et al."
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" & {names[-1]}"


def _locator(venue: str | None, volume: str | None, issue: str | None, pages: str | None) -> str:
    """'Venue 21(3), 168-175'; nothing without a venue: a bare 'Vol 21(3)' names no journal."""
    if not venue:
        return ""
    volume_text = ""
    if volume:
        volume_text = f"{volume}({issue})" if issue else volume
    text = " ".join(piece for piece in (venue, volume_text) if piece)
    return f"{text}, {pages}" if pages else text


def collapse_whitespace(text: str) -> str:
    """The only normalisation the verbatim check forgives: runs of whitespace become one space."""
    return " ".join(text.split())


# --- field schemas -------------------------------------------------------------------------------

_Check = Callable[[Any], bool]


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_optional_text(value: Any) -> bool:
    return value is None or _is_text(value) or isinstance(value, int)


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_text(item) for item in value)


def _is_nonempty_text_list(value: Any) -> bool:
    return _is_text_list(value) and bool(value)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _is_asks(value: Any) -> bool:
    return _is_text_list(value) and MIN_ASKS <= len(value) <= MAX_ASKS


def normalise_ask(text: str) -> str:
    """The form two asks are compared in: case, spacing and end punctuation do not count."""
    return collapse_whitespace(text).casefold().rstrip(" ?.!")


def _is_year(value: Any) -> bool:
    return value is None or (isinstance(value, int) and 1800 <= value <= 2100)


# field -> (required, check, what it must be)
_SOURCE_FIELDS: dict[str, tuple[bool, _Check, str]] = {
    "id": (True, _is_text, "a non-empty string"),
    "authors": (True, _is_nonempty_text_list, "a non-empty list of names"),
    "year": (True, _is_year, "a year or null"),
    "title": (False, _is_optional_text, "a string or null"),
    "description": (False, _is_optional_text, "a string or null"),
    "venue": (False, _is_optional_text, "a string or null"),
    "volume": (False, _is_optional_text, "a string or null"),
    "issue": (False, _is_optional_text, "a string or null"),
    "pages": (False, _is_optional_text, "a string or null"),
    "doi": (False, _is_optional_text, "a string or null"),
    "url": (False, _is_optional_text, "a string or null"),
    "kind": (True, _is_text, "a non-empty string"),
    "seeds": (True, _is_nonempty_text_list, "a non-empty list of seed file names"),
    "label": (False, _is_optional_text, "a string or null"),
}
_ABOUT = (False, _is_nonempty_text_list, "a non-empty list of snippet ids")
_TOPIC_FIELDS: dict[str, tuple[bool, _Check, str]] = {
    "id": (True, _is_text, "a non-empty string"),
    "label": (True, _is_text, "a non-empty string"),
    "about": _ABOUT,
}
_ROLE_FIELDS: dict[str, tuple[bool, _Check, str]] = {
    "id": (True, _is_text, "a non-empty string"),
    "title": (True, _is_text, "a non-empty string"),
    "aliases": (False, _is_text_list, "a list of strings"),
    "about": _ABOUT,
    "unexplained": (False, _is_text, "a non-empty string"),
    "named_in": (False, _is_nonempty_text_list, "a non-empty list of snippet ids"),
    "general": (False, _is_bool, "true or false"),
}
_CONCEPT_FIELDS: dict[str, tuple[bool, _Check, str]] = {
    "id": (True, _is_text, "a non-empty string"),
    "name": (True, _is_text, "a non-empty string"),
    "aliases": (False, _is_text_list, "a list of strings"),
    "about": (False, _is_nonempty_text_list, "a non-empty list of snippet ids"),
    "unexplained": (False, _is_text, "a non-empty string"),
    "named_in": (False, _is_nonempty_text_list, "a non-empty list of snippet ids"),
    "answered_when": (False, _is_nonempty_text_list, "a non-empty list of words"),
    "peer_support": (False, _is_bool, "true or false"),
    "asked_by_name": (False, _is_bool, "true or false"),
}
_UNCOVERED_FIELDS: dict[str, tuple[bool, _Check, str]] = {
    "seed": (True, _is_text, "a seed file name"),
    "text": (True, _is_text, "a non-empty string"),
    "reason": (True, _is_text, "a non-empty string"),
}
_SYNONYM_FIELDS: dict[str, tuple[bool, _Check, str]] = {
    "source": (True, _is_text, "a non-empty string"),
    "staff": (True, _is_nonempty_text_list, "a non-empty list of strings"),
    "not_with": (False, _is_text_list, "a list of words that switch the entry off"),
}
_SNIPPET_FIELDS: dict[str, tuple[bool, _Check, str]] = {
    "id": (True, _is_text, "a non-empty string"),
    "source": (True, _is_text, "a non-empty string"),
    "text": (True, _is_text, "a non-empty string"),
    "topics": (True, _is_nonempty_text_list, "a non-empty list of topic ids"),
    "roles": (False, _is_text_list, "a list of role ids"),
    "asks": (
        False,
        _is_asks,
        f"a list of {MIN_ASKS} to {MAX_ASKS} non-empty questions",
    ),
    "shared_asks": (False, _is_bool, "true or false"),
}


class _Collector:
    """Gathers problems and reads records, so each loader below stays declarative."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []

    def shown(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(self, file: str, line: int, message: str) -> None:
        self.problems.append(Problem(file, line, message))

    def records(self, path: Path, top_key: str) -> tuple[str, list[LineMap]]:
        """The list under `top_key` in `path`, each item a LineMap; problems recorded."""
        shown = self.shown(path)
        if not path.is_file():
            self.add(shown, 1, "file is missing")
            return shown, []
        data, problems = read_yaml(path, shown)
        self.problems.extend(problems)
        if data is None:
            return shown, []
        if not isinstance(data, LineMap) or top_key not in data:
            self.add(shown, 1, f"expected a mapping with a top-level {top_key!r} list")
            return shown, []
        for key in data:
            if key != top_key:
                self.add(shown, data.line_of(key), f"unknown top-level key {key!r}")
        items = data[top_key]
        if not isinstance(items, list):
            self.add(shown, data.line_of(top_key), f"{top_key!r} must be a list")
            return shown, []
        records: list[LineMap] = []
        for position, item in enumerate(items, start=1):
            if isinstance(item, LineMap):
                records.append(item)
            else:
                line = data.line_of(top_key)
                self.add(shown, line, f"{top_key} item {position} must be a mapping")
        return shown, records

    def fields_ok(
        self,
        shown: str,
        record: LineMap,
        schema: Mapping[str, tuple[bool, _Check, str]],
        what: str,
    ) -> bool:
        """Check required, typed and unknown fields of one record; True if usable."""
        label = what
        record_id = record.get("id")
        if isinstance(record_id, str):
            label = f"{what} {record_id}"
        ok = True
        for key in record:
            if key not in schema:
                self.add(shown, record.line_of(key), f"{label}: unknown field {key!r}")
                ok = False
        for key, (required, check, expected) in schema.items():
            if key not in record:
                if required:
                    self.add(shown, record.line, f"{label}: missing field {key!r}")
                    ok = False
            elif not check(record[key]):
                self.add(shown, record.line_of(key), f"{label}: {key!r} must be {expected}")
                ok = False
        if ok and "id" in schema and not _ID_RE.match(str(record["id"])):
            self.add(
                shown,
                record.line_of("id"),
                f"{label}: id must be lower-case letters, digits and single hyphens",
            )
            ok = False
        return ok

    def unique(self, shown: str, record: LineMap, seen: dict[str, str], what: str) -> bool:
        record_id = str(record["id"])
        if record_id in seen:
            self.add(
                shown,
                record.line_of("id"),
                f"duplicate {what} id {record_id!r} ({seen[record_id]})",
            )
            return False
        seen[record_id] = f"first at {shown}:{record.line_of('id')}"
        return True


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value).strip()


def _load_sources(collector: _Collector, path: Path, seeds_dir: Path) -> dict[str, Source]:
    shown, records = collector.records(path, "sources")
    sources: dict[str, Source] = {}
    seen: dict[str, str] = {}
    for record in records:
        if "review" in record:  # added by `peerbot add-source`, metadata not yet checked
            continue
        if not collector.fields_ok(shown, record, _SOURCE_FIELDS, "source"):
            continue
        if not collector.unique(shown, record, seen, "source"):
            continue
        label = f"source {record['id']}"
        if not record.get("title") and not record.get("description"):
            collector.add(shown, record.line, f"{label}: needs a 'title' or a 'description'")
        if record["kind"] not in SOURCE_KINDS:
            collector.add(
                shown,
                record.line_of("kind"),
                f"{label}: unknown kind {record['kind']!r} "
                f"(one of {', '.join(sorted(SOURCE_KINDS))})",
            )
        for seed in record["seeds"]:
            if not (seeds_dir / seed).is_file():
                collector.add(
                    shown, record.line_of("seeds"), f"{label}: seed file {seed!r} is missing"
                )
        sources[record["id"]] = Source(
            id=record["id"],
            authors=tuple(str(author) for author in record["authors"]),
            year=record["year"],
            title=_text_or_none(record.get("title")),
            description=_text_or_none(record.get("description")),
            venue=_text_or_none(record.get("venue")),
            volume=_text_or_none(record.get("volume")),
            issue=_text_or_none(record.get("issue")),
            pages=_text_or_none(record.get("pages")),
            doi=_text_or_none(record.get("doi")),
            url=_text_or_none(record.get("url")),
            kind=str(record["kind"]),
            seeds=tuple(record["seeds"]),
            label=_text_or_none(record.get("label")),
        )
    return sources


# (file, line of the `about` field) for each record that has one, to locate unknown ids later.
_AboutLines = dict[str, tuple[str, int]]


def _load_topics(collector: _Collector, path: Path) -> tuple[dict[str, Topic], _AboutLines]:
    shown, records = collector.records(path, "topics")
    topics: dict[str, Topic] = {}
    about_lines: _AboutLines = {}
    seen: dict[str, str] = {}
    for record in records:
        if collector.fields_ok(shown, record, _TOPIC_FIELDS, "topic") and collector.unique(
            shown, record, seen, "topic"
        ):
            topics[record["id"]] = Topic(
                id=record["id"],
                label=record["label"].strip(),
                about=tuple(record.get("about") or ()),
            )
            about_lines[record["id"]] = (shown, record.line_of("about"))
    return topics, about_lines


def _load_roles(
    collector: _Collector, path: Path
) -> tuple[dict[str, Role], dict[str, int], _AboutLines]:
    shown, records = collector.records(path, "roles")
    roles: dict[str, Role] = {}
    lines: dict[str, int] = {}
    about_lines: _AboutLines = {}
    seen: dict[str, str] = {}
    for record in records:
        if collector.fields_ok(shown, record, _ROLE_FIELDS, "role") and collector.unique(
            shown, record, seen, "role"
        ):
            aliases = tuple(alias.strip() for alias in record.get("aliases") or [])
            unexplained = record.get("unexplained")
            if bool(unexplained) != bool(record.get("named_in")):
                collector.add(
                    shown,
                    record.line,
                    f"role {record['id']}: 'unexplained' (what the sources lack) needs "
                    "'named_in' (the passages naming it), and the other way round",
                )
            roles[record["id"]] = Role(
                id=record["id"],
                title=record["title"].strip(),
                aliases=aliases,
                about=tuple(record.get("about") or ()),
                unexplained=unexplained.strip() if unexplained else None,
                named_in=tuple(record.get("named_in") or ()),
                general=bool(record.get("general", False)),
            )
            lines[record["id"]] = record.line
            about_lines[record["id"]] = (shown, record.line_of("about"))
    return roles, lines, about_lines


def _load_concepts(
    collector: _Collector, path: Path, taken: Mapping[str, str]
) -> tuple[dict[str, Concept], _AboutLines]:
    """concepts.yaml is optional; its ids must not reuse a role or topic id (`taken`)."""
    if not path.exists():
        return {}, {}
    shown, records = collector.records(path, "concepts")
    concepts: dict[str, Concept] = {}
    about_lines: _AboutLines = {}
    seen: dict[str, str] = {}
    for record in records:
        if not collector.fields_ok(shown, record, _CONCEPT_FIELDS, "concept"):
            continue
        if not collector.unique(shown, record, seen, "concept"):
            continue
        concept_id = str(record["id"])
        if concept_id in taken:
            collector.add(
                shown,
                record.line_of("id"),
                f"concept {concept_id}: id is already used by {taken[concept_id]}",
            )
            continue
        has_about, unexplained = bool(record.get("about")), record.get("unexplained")
        if has_about == bool(unexplained) or bool(unexplained) != bool(record.get("named_in")):
            collector.add(
                shown,
                record.line,
                f"concept {concept_id}: needs either 'about' (the passages that define it) or "
                "'unexplained' (what the sources lack) with 'named_in' (the passages naming it)",
            )
            continue
        concepts[concept_id] = Concept(
            id=concept_id,
            name=record["name"].strip(),
            aliases=tuple(alias.strip() for alias in record.get("aliases") or []),
            about=tuple(record.get("about") or ()),
            unexplained=unexplained.strip() if unexplained else None,
            named_in=tuple(record.get("named_in") or ()),
            answered_when=tuple(
                word.strip().casefold() for word in record.get("answered_when") or ()
            ),
            peer_support=bool(record.get("peer_support", False)),
            asked_by_name=bool(record.get("asked_by_name", False)),
        )
        about_lines[concept_id] = (shown, record.line)
    return concepts, about_lines


def _load_synonyms(collector: _Collector, path: Path) -> tuple[Synonym, ...]:
    shown, records = collector.records(path, "synonyms")
    synonyms: list[Synonym] = []
    for record in records:
        if collector.fields_ok(shown, record, _SYNONYM_FIELDS, "synonym"):
            synonyms.append(
                Synonym(
                    source=record["source"].strip(),
                    staff=tuple(term.strip() for term in record["staff"]),
                    not_with=tuple(term.strip() for term in record.get("not_with") or []),
                )
            )
    return tuple(synonyms)


class _SeedTexts:
    """Seed files read once, whitespace-collapsed, for the verbatim-quote check."""

    def __init__(self, seeds_dir: Path) -> None:
        self.seeds_dir = seeds_dir
        self._cache: dict[str, str | None] = {}

    def collapsed(self, name: str) -> str | None:
        if name not in self._cache:
            path = self.seeds_dir / name
            try:
                self._cache[name] = collapse_whitespace(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                self._cache[name] = None
        return self._cache[name]


def _load_snippets(
    collector: _Collector,
    paths: Iterable[Path],
    sources: Mapping[str, Source],
    topics: Mapping[str, Topic],
    roles: Mapping[str, Role],
    seeds: _SeedTexts,
) -> list[Snippet]:
    snippets: list[Snippet] = []
    seen: dict[str, str] = {}
    for path in paths:
        shown, records = collector.records(path, "snippets")
        for record in records:
            if not collector.fields_ok(shown, record, _SNIPPET_FIELDS, "snippet"):
                continue
            if not collector.unique(shown, record, seen, "snippet"):
                continue
            label = f"snippet {record['id']}"
            snippet = Snippet(
                id=record["id"],
                source_id=record["source"],
                text=collapse_whitespace(record["text"]),
                topics=tuple(record["topics"]),
                roles=tuple(record.get("roles") or []),
                file=shown,
                line=record.line,
                asks=tuple(collapse_whitespace(ask) for ask in record.get("asks") or ()),
                shared_asks=bool(record.get("shared_asks", False)),
            )
            normalised = [normalise_ask(ask) for ask in snippet.asks]
            if len(set(normalised)) != len(normalised):
                collector.add(shown, record.line_of("asks"), f"{label}: asks must be distinct")
            for topic in snippet.topics:
                if topic not in topics:
                    collector.add(
                        shown, record.line_of("topics"), f"{label}: unknown topic {topic!r}"
                    )
            for role in snippet.roles:
                if role not in roles:
                    collector.add(shown, record.line_of("roles"), f"{label}: unknown role {role!r}")
            source = sources.get(snippet.source_id)
            if source is None:
                collector.add(
                    shown,
                    record.line_of("source"),
                    f"{label}: unknown source {snippet.source_id!r}",
                )
            else:
                texts = [seeds.collapsed(seed) for seed in source.seeds]
                if not any(text is not None and snippet.text in text for text in texts):
                    collector.add(
                        shown,
                        record.line_of("text"),
                        f"{label}: text is not found verbatim in any seed of source {source.id!r} "
                        f"({', '.join(source.seeds)})",
                    )
            snippets.append(snippet)
    return snippets


def _check_asks_unique(collector: _Collector, snippets: Iterable[Snippet]) -> None:
    """An ask names the one passage that answers it; a repeat is allowed only when both say so."""
    first: dict[str, Snippet] = {}
    for snippet in snippets:
        for ask in snippet.asks:
            key = normalise_ask(ask)
            other = first.setdefault(key, snippet)
            if other is snippet or (other.shared_asks and snippet.shared_asks):
                continue
            collector.add(
                snippet.file,
                snippet.line,
                f"snippet {snippet.id}: ask {ask!r} is also an ask of snippet {other.id} "
                "(set shared_asks: true on both if that is intended)",
            )


def _check_concept_names(
    collector: _Collector,
    roles: Mapping[str, Role],
    concepts: Mapping[str, Concept],
    lines: _AboutLines,
) -> None:
    """A name must lead to one thing: no concept name or alias may also name a role or concept."""
    owners = {name.casefold(): f"role {role.id}" for role in roles.values() for name in role.names}
    for concept in concepts.values():
        file, line = lines[concept.id]
        for name in concept.names:
            owner = owners.setdefault(name.casefold(), f"concept {concept.id}")
            if owner != f"concept {concept.id}":
                collector.add(file, line, f"concept {concept.id}: name {name!r} also names {owner}")


def _check_about(
    collector: _Collector,
    what: str,
    about: Mapping[str, tuple[str, ...]],
    lines: _AboutLines,
    snippet_ids: set[str],
) -> None:
    for owner, ids in about.items():
        file, line = lines[owner]
        for snippet_id in ids:
            if snippet_id not in snippet_ids:
                collector.add(
                    file, line, f"{what} {owner}: 'about' names unknown snippet {snippet_id!r}"
                )
        if len(set(ids)) != len(ids):
            collector.add(file, line, f"{what} {owner}: 'about' lists a snippet twice")


def _load_uncovered(
    collector: _Collector, path: Path, seeds_dir: Path, seeds: _SeedTexts
) -> tuple[UncoveredSentence, ...]:
    """uncovered.yaml is optional; each entry must quote its seed verbatim, once, with a reason."""
    if not path.exists():
        return ()
    shown, records = collector.records(path, "uncovered")
    entries: list[UncoveredSentence] = []
    seen: dict[tuple[str, str], int] = {}
    for record in records:
        if not collector.fields_ok(shown, record, _UNCOVERED_FIELDS, "uncovered sentence"):
            continue
        entry = UncoveredSentence(
            seed=str(record["seed"]).strip(),
            text=collapse_whitespace(record["text"]),
            reason=str(record["reason"]).strip(),
        )
        if entry.reason not in UNCOVERED_REASONS:
            collector.add(
                shown,
                record.line_of("reason"),
                f"uncovered sentence: unknown reason {entry.reason!r} "
                f"(one of {', '.join(sorted(UNCOVERED_REASONS))})",
            )
        seed_text = seeds.collapsed(entry.seed)
        if seed_text is None:
            collector.add(shown, record.line_of("seed"), f"seed file {entry.seed!r} is missing")
        elif entry.text not in seed_text:
            collector.add(
                shown,
                record.line_of("text"),
                f"uncovered sentence: text is not found verbatim in seed {entry.seed!r}",
            )
        key = (entry.seed, entry.text)
        if key in seen:
            collector.add(
                shown, record.line, f"uncovered sentence listed twice (first at line {seen[key]})"
            )
        else:
            seen[key] = record.line
        entries.append(entry)
    return tuple(entries)


def _curation_gaps(
    collector: _Collector,
    snippets: Iterable[Snippet],
    roles: Mapping[str, Role],
    topics: Mapping[str, Topic],
    role_lines: dict[str, int],
    topic_about: _AboutLines,
    roles_file: str,
) -> None:
    """What a finished knowledge base must have that a half-curated one may still lack."""
    for snippet in snippets:
        if not snippet.asks:
            collector.add(snippet.file, snippet.line, f"snippet {snippet.id}: has no 'asks'")
    for role in roles.values():
        if not role.about and role.unexplained is None:
            collector.add(roles_file, role_lines[role.id], f"role {role.id}: has no 'about'")
    for topic in topics.values():
        if not topic.about:
            file, line = topic_about[topic.id]
            collector.add(file, line, f"topic {topic.id}: has no 'about'")


def _version(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def knowledge_files(knowledge_dir: Path, seeds_dir: Path) -> list[Path]:
    """Every file whose content defines the knowledge base (for hashing and caching)."""
    drafts = knowledge_dir / "drafts"  # proposals under review are not part of the knowledge
    files = [
        path
        for path in knowledge_dir.rglob("*.yaml")
        if path.is_file() and drafts not in path.parents
    ]
    files += [path for path in seeds_dir.glob("*") if path.is_file()]
    return sorted(files)


def load_knowledge(
    knowledge_dir: Path, seeds_dir: Path, *, complete: bool = False
) -> KnowledgeBase:
    """Load and validate everything; raise KnowledgeError listing every problem found.

    `complete=True` (what `peerbot check` uses) also requires the curation a finished knowledge
    base has: asks on every snippet and an `about` card on every role and topic. The bot itself
    serves a knowledge base without them, so a half-curated addition never takes it down.
    """
    collector = _Collector(knowledge_dir.parent)
    if not knowledge_dir.is_dir():
        raise KnowledgeError([Problem(str(knowledge_dir), 1, "knowledge directory is missing")])
    seed_texts = _SeedTexts(seeds_dir)
    sources = _load_sources(collector, knowledge_dir / "sources.yaml", seeds_dir)
    topics, topic_about = _load_topics(collector, knowledge_dir / "topics.yaml")
    roles, role_lines, role_about = _load_roles(collector, knowledge_dir / "roles.yaml")
    taken = {role_id: f"role {role_id}" for role_id in roles}
    for topic_id in topics:
        if topic_id in taken:
            collector.add(
                *topic_about[topic_id], f"topic {topic_id}: id is already used by role {topic_id}"
            )
        taken.setdefault(topic_id, f"topic {topic_id}")
    concepts, concept_about = _load_concepts(collector, knowledge_dir / "concepts.yaml", taken)
    synonyms = _load_synonyms(collector, knowledge_dir / "synonyms.yaml")
    snippet_paths = sorted((knowledge_dir / "snippets").glob("*.yaml"))
    if not snippet_paths:
        collector.add(collector.shown(knowledge_dir / "snippets"), 1, "no snippet files found")
    snippets = _load_snippets(collector, snippet_paths, sources, topics, roles, seed_texts)
    _check_asks_unique(collector, snippets)
    snippet_ids = {snippet.id for snippet in snippets}
    _check_about(
        collector,
        "role",
        {r.id: r.about + r.named_in for r in roles.values()},
        role_about,
        snippet_ids,
    )
    _check_about(
        collector, "topic", {t.id: t.about for t in topics.values()}, topic_about, snippet_ids
    )
    _check_about(
        collector,
        "concept",
        {c.id: c.about + c.named_in for c in concepts.values()},
        concept_about,
        snippet_ids,
    )
    _check_concept_names(collector, roles, concepts, concept_about)
    uncovered = _load_uncovered(collector, knowledge_dir / "uncovered.yaml", seeds_dir, seed_texts)
    lexicon, lexicon_problems = load_lexicon(knowledge_dir, collector.shown, topics)
    collector.problems.extend(lexicon_problems)
    used_roles = {role for snippet in snippets for role in snippet.roles}
    roles_file = collector.shown(knowledge_dir / "roles.yaml")
    for role_id in roles:
        if role_id not in used_roles:
            collector.add(roles_file, role_lines[role_id], f"role {role_id}: no snippet names it")
    if complete:
        _curation_gaps(collector, snippets, roles, topics, role_lines, topic_about, roles_file)
    if collector.problems:
        raise KnowledgeError(collector.problems)
    return KnowledgeBase(
        sources=sources,
        topics=topics,
        roles=roles,
        synonyms=synonyms,
        snippets=tuple(snippets),
        version=_version(knowledge_files(knowledge_dir, seeds_dir)),
        concepts=concepts,
        uncovered=uncovered,
        lexicon=lexicon,
    )


def check_knowledge(
    knowledge_dir: Path, seeds_dir: Path, *, complete: bool = False
) -> list[Problem]:
    """Every problem in the knowledge base (empty when it is sound)."""
    try:
        load_knowledge(knowledge_dir, seeds_dir, complete=complete)
    except KnowledgeError as error:
        return error.problems
    return []
