"""Question -> ranked, cited snippets, an honest partial answer, or "the sources lack this".

The data flow, one step per place:

1. `bot.question.QuestionReader.read`: the ask separated from chatter, shorthand spelled out, its
   frame (what kind of answer it wants), the jurisdictions it names, a comparison's two sides.
2. Ranking (`SnippetIndex.rank`): exact BM25Okapi (rank-bm25's model, `bot.bm25`) on two fields
   of every snippet, fused by a weighted sum of the two exact scores (CombSUM):
   `score = bm25(passage field) + ASKS_WEIGHT * bm25(asks field)`. The passage field is the
   snippet's text plus its topic labels and role titles; the asks field is the curated questions
   the passage answers (`asks:` in knowledge/snippets), which lets a paraphrase that shares no
   word with the passage find it through the way staff ask for it. Each field keeps its own
   rank-bm25 statistics (idf, average length), so each field's score stays exact.
3. The decision, made once, here: a hit may be shown when it covers most of what the ask is
   about (`coverage`: the idf-weighted share of the ask's concepts found in the passage or its
   asks) with enough evidence in absolute terms (`evidence`: the weight covered, in units of "one
   word the corpus has never seen"), and when it *fits the frame*: a money question needs a
   money amount in the passage, a count question a number, a time question a date or duration,
   a question naming a jurisdiction needs the passage to name it, a comparison both sides. The
   frame's own cue words ("salary", "how much ... cost") and the jurisdiction are checked that
   way instead of counting towards coverage. A definition or duties question about a known role
   or concept answers from that concept's card (`about:` in roles.yaml, topics.yaml,
   concepts.yaml), ranked by the fused score. When passages cover the subject but none fits the
   frame, the answer is partial: `missing` says what the sources lack and at most two passages
   are `related`, never `results`. Otherwise peerbot declines with suggestions.

BM25's score alone cannot decide whether to answer: scores grow with query length, and a term found
in half the corpus gets zero idf, so `score > 0` says nothing. The coverage weights use a smoothed
idf, ln(1 + N/df), that never reaches zero; a word the corpus lacks weighs ln(1 + 2N), more than
its rarest term. Thresholds are calibrated on `tests/data/questions-dev.yaml` (README, "How
peerbot decides").
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from bot import authors, work_facts
from bot.answer import Answer, Result, Suggestion
from bot.bm25 import DenseFields, PostingsBM25, select_top
from bot.crisis import mentions_crisis, without_crisis_wording
from bot.definitions import AskedTerm, asked_term, defines, names
from bot.figures import Figure, Given, claimed_figures, missing_text, theirs
from bot.frames import (
    BOTH_SIDES,
    NOT_IN_SOURCES,
    AnswerType,
    Frame,
    Place,
    frame_qualifiers,
    type_pattern,
)
from bot.knowledge import Concept, KnowledgeBase, Role, Snippet, Source, Synonym
from bot.lazy_re import lazy
from bot.question import FrameFiling, Question, QuestionReader
from bot.records import Record, frozen_record
from bot.stated import holds_beyond
from bot.text_terms import TextTerms
from bot.tokenize import (
    FILLER_WORDS,
    STOP_WORDS,
    TOPICLESS_ADVERBS,
    filler_terms,
    number_form,
    stem_word,
    terms,
    tokenize,
    words,
)

if TYPE_CHECKING:
    import numpy.typing as npt

    from bot.bm25 import FloatArray, IdArray

# What acts in an effect question when it is the program asked about, not something else: "does
# the *program* reduce readmissions", "would adding this *service* help".
_GENERIC_AGENT_TERMS = frozenset(
    tokenize(
        "program programs service services intervention interventions approach approaches model "
        "models support supports team teams staff adding having hiring using offering starting "
        "one ones kind type"
    )
)

# A word long enough to be corrected when misspelt (`_MIN_TYPO_LENGTH` letters or more).
_LONG_WORD_RE = lazy(r"[A-Za-z]{5,}")
# A request for a citation, reference or quote, before what it is to back up ("need a citation
# for <peers being as effective as paraprofessionals>", "quote about <role ambiguity>").
_CITED_CLAIM_RE = lazy(
    r"\b(?:a |an |the |any |some |good )?(?:citation|cite|reference|ref|source|quote|quotation"
    r"|stat|statistic)s? (?:for|on|about|re|regarding|backing up|to back up|that backs up"
    r"|supporting|saying)(?: the (?:claim|idea|fact|point|finding|statement|line|number|stat"
    r"|figure)s?(?: that)?)?(?= )"
)
# Words that, before a request for a citation, only ask for it ("what's the source for ...").
_ASKING_ONLY = frozenset("what whats s is was where who has have got any do you know".split())
# Where a figure or claim comes from ("where did <the 41 states> stat come from?").
_CLAIM_ORIGIN_RE = lazy(
    r"\bwhere (?:did|does|do|is|was|are|were) (?:the |that |this |those |these )?(?P<claim>.+?) "
    r"(?:stat|stats|statistic|statistics|number|numbers|figure|figures|claim|quote|fact|data"
    r"|estimate|finding) (?:come|comes|came|coming) from\b"
)
# Words naming a work (or its byline) rather than a claim, after "citation for".
_WORK_NOUNS = frozenset(
    "paper papers article articles review reviews report reports study studies survey blog post "
    "abstract book chapter journal viewpoint et al authors author byline doi".split()
)
# The words an effect cue starts with when a thing acting follows ("*does* medication reduce",
# "*would* a coach help", "asked *whether* medication reduces"); "is there research on how
# effective ..." names no agent there.
_AGENT_AUXILIARIES = frozenset("do does did will would can could if whether".split())
# Words in a cue's wildcard saying it holds something other than what acts: an evidence word
# ("does *the research* show it helps"), a question inside the question ("does anyone know if
# ..."), or "there".
_NOT_AN_AGENT = frozenset(
    "research evidence study studies data literature findings paper papers review trial trials "
    "there if whether how what why anyone anybody someone you know".split()
)

# Words naming the kind of writing asked for, and the words joining them to its subject ("any
# *data on* youth peer support", "*research about* ..."): `SnippetIndex._mark_genre`.
_GENRE_WORDS = frozenset("data literature info information".split())
_GENRE_LINKS = frozenset("on about regarding re around concerning".split())

# Calibrated on tests/data/questions-dev.yaml with `peerbot eval --sweep`; see README.
MIN_COVERAGE = 0.55
MIN_EVIDENCE = 0.3
# The asks field's share in the fused score: a curated ask is as good evidence as the passage.
ASKS_WEIGHT = 1.0
# An everyday word ("actually", "stuff", "day") weighs at most this share of an unknown word.
FILLER_SHARE = 0.1
# Two passages whose term sets overlap this much are the same passage read from two seeds.
DUPLICATE_JACCARD = 0.8
# A definition or duties question is read as being about a concept when at most this many other
# content words remain ("what is peer support *exactly*" yes; "what is peer support's effect on
# employment" no: that question is about more than the concept).
CARD_RESIDUAL_WORDS = 1
# A passage covering (nearly) every concept of the ask ranks before passages covering less.
FULL_COVERAGE = 0.999
# A passage related to a typed question no passage came near (`SnippetIndex._near_miss`) covers
# nearly all of the rest of the question, with more evidence than an answer needs: the field's
# words ("peer specialist") and one word shared by chance ("client") bring up a passage on
# something else.
_NEAR_COVERAGE = 0.9
_NEAR_EVIDENCE = 0.8
# A word that only the quoted work's label, kind or description has ("the Bellamy *review*")
# counts for this much of its weight: enough to pass the thresholds, never "full coverage", so
# a passage whose own words cover the whole ask still comes first.
SOURCE_FACTOR = 0.9
# A strict frame's typed fact (a pay figure) must be about the subject: the passage's own words
# cover at least this share of the ask's subject weight.
STRICT_COVERAGE = 0.75
# A yes-or-no question about a named place must have at least this share of what it asks of the
# place (past the place, the roles and the field's own words) said by a passage's text or one of
# its asks (`SnippetIndex._lacks_what_is_asked_of_the_place`).
PLACE_PREDICATE_SHARE = 1 / 3
# A comparison side whose words all weigh less than this (smoothed idf; "services", "delivered"
# are in about half the passages) names nothing a passage must repeat.
COMMON_SIDE_WEIGHT = 1.0
# A passage on more cards than this names the concepts (the list of ten job titles); it is not
# specific to one of them (card_specific frames).
SPECIFIC_CARDS = 6
# Words weighing less than this many times COMMON_SIDE_WEIGHT ("mental", "health": in about a
# third of the passages) are the field's own words: they do not make a definition question about
# something more than its concept.
FIELD_WORD_FACTOR = 1.25
# At most this many related passages accompany a partial answer.
MAX_RELATED = 2
# What the sources lack when nothing more precise can be said of it.
NOTHING_SPECIFIC = "what was asked"
# A word asking something, for what a message in crisis wording asks besides.
_ASKING_RE = lazy(
    r"\b(?:what|how|why|which|who|when|where|does|do|is|are|can|could|should|would|will|any|"
    r"has|have|did)\b"
)
# What a message in crisis wording is told the sources lack (after the crisis notice).
CRISIS_MISSING = (
    "an answer to this (for someone who may be in crisis, follow the notice above and your "
    "program's crisis protocol)"
)
# "Does peer support *reduce* relapse?": a verb of change whose object is the outcome asked
# about. A passage that never names that outcome does not say whether it changes, however much
# else of the question it shares ("does peer support improve employment?" is not answered by
# findings on hope and empowerment).
_OUTCOME_VERBS = frozenset(
    "reduce reduces reduced reducing lower lowers lowered lowering cut cuts cutting decrease "
    "decreases decreased decreasing prevent prevents prevented preventing improve improves "
    "improved improving increase increases increased increasing boost boosts boosted "
    "boosting shorten shortens shortened".split()
)
# Where the object of such a verb ends: who or where it is for, or what it is set against.
_OUTCOME_ENDS = frozenset(
    "for in among with at by than compared vs versus when if across during after over about "
    "within from via through".split()
)
# Objects that name no outcome of their own ("improve outcomes", "reduce things").
_GENERIC_OUTCOMES = frozenset(
    tokenize(
        "outcome outcomes result results thing things effect effects impact impacts life lives "
        "people person client clients patient patients care service services it them anything "
        "stuff matters lot much use usage rate rates level levels number numbers amount "
        "amounts risk risks chance chances odds length lengths frequency"
    )
)
# A declined question suggests at most this many roles and topics.
_MAX_SUGGESTIONS = 4
# Concept terms standing for a frame's answer type start with this (no real term can).
_TYPE_PREFIX = "\x00type:"
# What decides a concept's coverage in `SnippetIndex._coverage_bits`.
_WORDED, _PLACE, _TYPED = 0, 1, 2
# How many BM25-ranked candidates are examined for coverage per requested result.
_CANDIDATES_PER_RESULT = 8
# Typo correction: SequenceMatcher ratio a corpus word must reach to replace a question word.
_TYPO_CUTOFF = 0.85
_MIN_TYPO_LENGTH = 5
# Corrections (word -> stem or None) and wording weights kept per index; each emptied when
# full, so endless distinct questions cannot grow them without bound.
_MAX_CORRECTIONS = 65536
_UNSEEN = "\x00unseen"  # no word is this string: a correction not computed yet


@dataclass(slots=True)
class _Concept:
    """One thing the question asks about: its term, or a source wording (all its terms) instead."""

    term: str
    alternatives: set[frozenset[str]] = field(default_factory=set)
    weight: float = 0.0
    # Taken from the message around an ask with a topic of its own (`Question.context_positions`):
    # counted where a passage holds it, passed over where it does not (`_examine`).
    context: bool = False
    # Says which work is meant beside its author's surname ("the Bellamy *2017 review*"): the
    # passages of that work, or those citing it, which hold it (`SnippetIndex._name_the_work`).
    work_passages: frozenset[int] = frozenset()

    def named_in(self, terms: frozenset[str]) -> bool:
        """Whether a passage with these terms names the concept, in any of its wordings."""
        return any(alt <= terms for alt in self.alternatives)


@frozen_record
class Hit(Record):
    """A ranked snippet with the measures used to decide whether it may be shown."""

    snippet: Snippet
    score: float
    coverage: float
    evidence: float


@frozen_record
class _Examined(Record):
    """The candidates a question examined, in BM25 order, with each one's coverage and evidence.

    Most candidates of most questions are too weak to show, and a declined question needs only
    their evidence (for its suggestions): `Hit`s are made for the ones a decision looks at.
    """

    top: Sequence[tuple[int, float]]  # (doc id, fused score)
    coverage: Sequence[float]
    evidence: Sequence[float]

    def hits(self, snippets: Sequence[Snippet]) -> list[Hit]:
        """Every candidate as a `Hit`."""
        return [
            Hit(snippets[doc_id], score, coverage, evidence)
            for (doc_id, score), coverage, evidence in zip(
                self.top, self.coverage, self.evidence, strict=True
            )
        ]

    def strong(
        self, snippets: Sequence[Snippet], min_coverage: float, min_evidence: float
    ) -> list[Hit]:
        """The candidates that may be shown (`SnippetIndex._strong`), as `Hit`s in BM25 order."""
        return [
            Hit(snippets[doc_id], score, coverage, evidence)
            for (doc_id, score), coverage, evidence in zip(
                self.top, self.coverage, self.evidence, strict=True
            )
            if coverage >= min_coverage and evidence >= min_evidence
        ]


class _WorkNaming(NamedTuple):
    """What a question's words beside an author's surname say of the work (`_work_naming`)."""

    # The words naming the work ("et al", "review", its year), each with the surname beside it.
    positions: dict[int, int]
    years: frozenset[str]  # the years among them, each one of the author's works'
    misdated: dict[str, str]  # {surname: a year beside it that is none of their works'}


class _TypoIndex(NamedTuple):
    """Typo candidates (`SnippetIndex._build_typo_index`): corpus words under each string
    one deletion from them (and themselves), and under their letters in order."""

    by_delete: dict[str, list[str]]
    by_letters: dict[str, list[str]]


class _Labels(NamedTuple):
    """Suggestion labels (`SnippetIndex._label_keys`): each snippet's (label number, share of
    its evidence) pairs by doc id, and each label number's `Suggestion`."""

    of_doc: list[tuple[tuple[int, float], ...]]
    offered: list[Suggestion]


@frozen_record
class _Phrase(Record):
    """A staff wording (matched on stems), or a role or concept name (matched word for word)."""

    keys: tuple[str, ...]
    expansion: tuple[str, ...]
    concept: str | None = None  # role or concept id the name belongs to
    guards: tuple[tuple[str, ...], ...] = ()  # synonym context guards, as stem-key tuples


# "Which one", "that one": "one" after these stands for the thing asked about.
_ONE_POINTS_AFTER = frozenset({"which", "that", "this"})


@frozen_record
class _Reading(Record):
    """What retrieval takes from a question: concepts to cover, BM25 terms, concepts named."""

    question: Question
    concepts: list[_Concept]
    query_terms: list[str]
    named: list[str]  # role and concept ids named, in order
    residual: int  # content words outside names and frame cues (over the limit: an unknown one)
    side_concepts: tuple[list[_Concept], list[_Concept]] | None
    place_terms: frozenset[str]  # concepts that are named jurisdictions (checked, not topical)
    # The one work a question about a study names (`_study_named`), found once per question.
    study: frozenset[str] = frozenset()
    # Where each named concept is first named in the ask (the order a reader meets them).
    named_at: Mapping[str, int] = field(default_factory=dict)
    # The figures the question claims ("the VA hired 8,000 peers, right?"): checked against
    # each passage (`_lacks_figure`), not covered as words.
    figures: tuple[Figure, ...] = ()
    # Where the words counted in `residual` stand in the question's words.
    residual_at: frozenset[int] = frozenset()
    # Each role or concept name in the question: (first position, end position, its id).
    name_spans: tuple[tuple[int, int, str], ...] = ()


class _TypePatterns(dict[str, "re.Pattern[str]"]):
    """Answer type id -> its regex (`bot.frames.type_pattern`), compiled on first use.

    `kind in patterns` tells whether the lexicon defines the type, compiled or not.
    """

    def __init__(self, kinds: Iterable[AnswerType]) -> None:
        super().__init__()
        self._kinds = {kind.id: kind for kind in kinds}

    def __missing__(self, kind: str) -> re.Pattern[str]:
        pattern = self[kind] = type_pattern(self._kinds[kind])
        return pattern

    def __contains__(self, kind: object) -> bool:
        return kind in self._kinds

    @property
    def kinds(self) -> list[str]:
        """Every answer type id the lexicon defines, compiled or not, in lexicon order."""
        return list(self._kinds)


@frozen_record
class SnippetFacts(Record):
    """Per-snippet facts a process would otherwise work out on first use, saved with the index
    (`bot.cache`) so that each start need not: a one-shot `peerbot ask` or a new server worker
    otherwise compiles every answer type's regex and runs it over every passage on its first
    typed question (`_type_weight`), and reads each curated ask of a candidate to learn its
    frame (`_asks_in_frame`), about 0.1 ms a question over a first batch of real questions.

    `types`: answer type id -> the doc ids of the passages holding it (every type the lexicon
    defines); `ask_frames`: doc id -> the frames its curated asks are read as (every snippet
    with asks); `places`: doc id -> the jurisdictions the passage is about (`_places_of`, every
    snippet about one; any other is about none), which reading every candidate's words for
    place names made about 2% of a first batch's cost.
    """

    types: Mapping[str, tuple[int, ...]]
    ask_frames: Mapping[int, frozenset[str]]
    places: Mapping[int, frozenset[str]] = field(default_factory=dict)
    # doc id -> what the passage gives (`Given.of` its text) for every passage giving a figure,
    # "all states" or "half"; any other gives nothing. A claimed figure is checked against all
    # passages (`_figures_given`) and its source's (`_lacks_figure`): running the figure
    # patterns over every passage was ~1% of a first batch's cost per question.
    given: Mapping[int, Given] | None = None
    # Surname -> the passages naming it, for works the passages only mention
    # (`work_facts.mentioned_works`): running a regex per surname over every passage was
    # ~1.5 ms of a `peerbot ask` whose question asks about a work or its authors.
    mentioned: Mapping[str, tuple[int, ...]] | None = None


# What a passage with no figure, no "all states" and no "half" gives.
_GIVES_NOTHING = Given(frozenset(), all_states=False, half=False)


@frozen_record
class _AskIndex(Record):
    """Every curated ask as its own document: which asks hold a term, and whose ask is whose.

    Coverage by asks is per ask (see `SnippetIndex._coverage`); with each ask a document of
    `engine`, numbered snippet by snippet, a question's concepts are checked against all the
    candidates' asks with a few binary searches per term instead of a Python loop over them.
    """

    engine: PostingsBM25
    first: npt.NDArray[np.int64]  # snippet d's asks are documents first[d] to first[d + 1] - 1

    @classmethod
    def build(cls, kb: KnowledgeBase) -> _AskIndex:
        tokens: list[list[str]] = []
        counts: list[int] = []
        for snippet in kb.snippets:
            asks = getattr(snippet, "asks", ())
            counts.append(len(asks))
            tokens.extend(tokenize(ask) for ask in asks)
        first = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=first[1:])
        return cls(PostingsBM25.fit(tokens), first)

    def of(self, doc_ids: IdArray) -> tuple[IdArray, IdArray]:
        """(the asks of these snippets, each one's position in `doc_ids`)."""
        starts = self.first[doc_ids]
        counts = self.first[doc_ids + 1] - starts
        total = int(counts.sum())
        if total == 0:
            empty = np.empty(0, dtype=np.int32)
            return empty, empty
        owner = np.repeat(np.arange(doc_ids.size, dtype=np.int32), counts)
        offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
        return (starts[owner] + offsets).astype(np.int32), owner


@frozen_record
class _SourceWords(Record):
    """The words each cited work is known by (`_source_text`), for `SnippetIndex._in_source`.

    Built on first use and published as one object, so a thread sees all of it or none.
    """

    count: int  # how many works
    of_snippet: IdArray  # each snippet's work, by position (-1: a work not in `sources`)
    with_term: dict[str, frozenset[int]]  # term -> the works whose words hold it
    works: tuple[int, ...]  # `of_snippet` as Python ints (`SnippetIndex._coverage_bits`)
    # Each work's terms that no other work's words hold: what names it ("DDA", "outcome
    # measurement"), not what most works say ("mental health").
    only_in: tuple[frozenset[str], ...]

    @classmethod
    def build(cls, kb: KnowledgeBase) -> _SourceWords:
        ids = list(kb.sources)
        position = {source_id: i for i, source_id in enumerate(ids)}
        with_term: dict[str, set[int]] = defaultdict(set)
        for i, source_id in enumerate(ids):
            # Only words, no numbers: "2017" in "dated 03/23/2017" is no topic.
            for term in tokenize(_source_text(kb.sources[source_id])):
                if term.isalpha():
                    with_term[term].add(i)
        of_snippet = np.asarray(
            [position.get(snippet.source_id, -1) for snippet in kb.snippets], dtype=np.int32
        )
        only_in: list[set[str]] = [set() for _ in ids]
        for term, found in with_term.items():
            if len(found) == 1:
                only_in[next(iter(found))].add(term)
        return cls(
            len(ids),
            of_snippet,
            {t: frozenset(found) for t, found in with_term.items()},
            tuple(of_snippet.tolist()),
            tuple(frozenset(terms) for terms in only_in),
        )


def _word_key(word: str) -> str:
    word = number_form(word) if word not in STOP_WORDS else word
    if word in STOP_WORDS or word[0].isdigit():
        return word
    return stem_word(word)


class _KeyCache(dict[str, str]):
    """word -> its phrase key (`_word_key`), filled on first sight: questions and passages
    repeat a small vocabulary. Emptied when full, so endless new words cannot grow it."""

    def __missing__(self, word: str) -> str:
        if len(self) >= _MAX_CORRECTIONS:
            self.clear()
        key = self[word] = _word_key(word)
        return key


_KEYS = _KeyCache()
_key = _KEYS.__getitem__


def phrase_word_keys(kb: KnowledgeBase) -> dict[str, str]:
    """Every word of the synonyms' wordings and guards with its phrase key (`_key`): what the
    synonyms' phrases stem (`_StaffPhrases`). bot.cache keeps them, so that a start served
    from it does not stem them again (about a third of building the phrase tables)."""
    return {
        word: _key(word)
        for synonym in kb.synonyms
        for text in (*synonym.staff, *synonym.not_with)
        for word in words(text)
    }


def know_word_keys(keys: Mapping[str, str]) -> None:
    """Take saved `phrase_word_keys` as known: the same keys `_key` would work out, as the
    cache that saved them is only read for the same code and stemmer."""
    if len(_KEYS) + len(keys) < _MAX_CORRECTIONS:
        _KEYS.update(keys)


def _synonym_phrase_parts(
    synonym: Synonym,
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """A synonym's expansion (its source's terms) and guards (stem keys of its `not_with`), as
    each of its staff wordings' `_Phrase` holds them."""
    expansion = tuple(tokenize(synonym.source))
    guards = tuple(keys for keys in map(_phrase_keys, synonym.not_with) if keys)
    return expansion, guards


def _staff_wordings(synonyms: Sequence[Synonym]) -> list[tuple[Synonym, str]]:
    """Every synonym's staff wordings in order, each with its synonym: a wording's number in
    `staff_phrase_filing` is its place here."""
    return [(synonym, staff) for synonym in synonyms for staff in synonym.staff]


def staff_phrase_filing(kb: KnowledgeBase) -> dict[str, list[int]]:
    """{first stem key: the numbers (`_staff_wordings`) of the staff wordings starting with it},
    ascending: which phrases `_StaffPhrases` lists under each key, and in what order. bot.cache
    keeps it, so that a start served from it makes a key's phrases only when a question has
    the key."""
    filing: dict[str, list[int]] = {}
    for number, (_, staff) in enumerate(_staff_wordings(kb.synonyms)):
        keys = _phrase_keys(staff)
        if keys:
            filing.setdefault(keys[0], []).append(number)
    return filing


class _StaffPhrases(Mapping[str, list[_Phrase]]):
    """The synonyms' staff wordings as phrases by first stem key, from a `staff_phrase_filing`:
    each key's phrases, in wording order, made the first time it is looked up (stemming the
    ~1,250 wordings and making their phrases was ~4 ms of each `peerbot ask` served from the
    index cache, which looks up a few keys). Two threads may both make a key's list; either is
    the same."""

    def __init__(self, synonyms: Sequence[Synonym], filing: Mapping[str, Sequence[int]]) -> None:
        self.filing = filing
        self._wordings = _staff_wordings(synonyms)
        self._made: dict[str, list[_Phrase]] = {}
        # Each synonym's (expansion, guards), by identity, as its first wording needs them.
        self._parts: dict[int, tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]] = {}

    def __getitem__(self, key: str) -> list[_Phrase]:
        found = self._made.get(key)
        if found is None:
            found = self._made[key] = [self._phrase(n) for n in self.filing[key]]
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self.filing)

    def __len__(self) -> int:
        return len(self.filing)

    def __contains__(self, key: object) -> bool:
        return key in self.filing

    def _phrase(self, number: int) -> _Phrase:
        synonym, staff = self._wordings[number]
        parts = self._parts.get(id(synonym))
        if parts is None:
            parts = self._parts[id(synonym)] = _synonym_phrase_parts(synonym)
        return _Phrase(_phrase_keys(staff), parts[0], None, parts[1])


class _PhraseNode:
    """One word of a phrase's keys, in a tree of phrases by their keys word by word: the
    phrases whose keys end here, and the words that continue some phrase.

    Reading a question walks the tree from each position while its words continue a phrase,
    instead of slicing a tuple of the question's words for every length a phrase under its
    first word has ("peer" starts phrases of five lengths). Each node's phrases are in the
    order they are listed under their first word.
    """

    __slots__ = ("after", "phrases")

    def __init__(self) -> None:
        self.after: dict[str, _PhraseNode] = {}
        self.phrases: list[_Phrase] = []


def _phrase_tree(phrases: Mapping[str, Sequence[_Phrase]]) -> dict[str, _PhraseNode]:
    """The phrases as a tree of `_PhraseNode`s, by first word (a phrase is filed under its
    first key, and found only from there)."""
    tree: dict[str, _PhraseNode] = {}
    for first, listed in phrases.items():
        for phrase in listed:
            if not phrase.keys or phrase.keys[0] != first:
                continue  # never matched under `first`, which is compared with the whole keys
            level = tree
            node: _PhraseNode | None = None
            for key in phrase.keys:
                node = level.get(key)
                if node is None:
                    node = level[key] = _PhraseNode()
                level = node.after
            assert node is not None
            node.phrases.append(phrase)
    return tree


class _PhraseTree:
    """`_phrase_tree(phrases)`, each first word's subtree made the first time it is looked up.

    A question looks up a few of the tables' ~600 first words: making the whole tree (and, from
    the index cache, every staff wording's phrase: `_StaffPhrases`) cost each `peerbot ask`
    milliseconds for phrases it never met. Two threads may both make a subtree; either is the
    same.
    """

    __slots__ = ("_made", "_phrases", "firsts")

    def __init__(self, phrases: Mapping[str, Sequence[_Phrase]]) -> None:
        self._phrases = phrases
        # Only the phrases' first words: the questions' other words are not kept.
        self._made: dict[str, _PhraseNode] = {}
        # Every first word (each has a phrase): a question's words are checked against it in
        # C, most of them starting no phrase, before any lookup here.
        self.firsts = frozenset(phrases)

    def get(self, first: str) -> _PhraseNode | None:
        """The node of the phrases starting with `first` (None: none does)."""
        node = self._made.get(first)
        if node is None and first in self.firsts:
            node = _phrase_tree({first: self._phrases[first]}).get(first)
            if node is not None:
                self._made[first] = node
        return node

    def __contains__(self, first: str) -> bool:
        return first in self.firsts


def _tree_matches(
    tree: _PhraseTree | Mapping[str, _PhraseNode], sequence: Sequence[str], start: int
) -> Iterator[_Phrase]:
    """The phrases whose keys are `sequence` from `start` on, shortest first. (`_analyse`
    sorts its matches by length, start and kind, stably: only phrases of one node tie.)"""
    node = tree.get(sequence[start])
    end = len(sequence)
    position = start + 1
    while node is not None:
        yield from node.phrases
        if position >= end or not node.after:
            return
        node = node.after.get(sequence[position])
        position += 1


def _plural(word: str) -> str:
    """The regular English plural of a role noun ("coach" -> "coaches")."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word if word.endswith("s") else word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _singular(word: str) -> str:
    """The singular of a regular English plural noun ("programs" -> "program", "agencies" ->
    "agency", "coaches" -> "coach"); any other word unchanged."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zes")):
        return word[:-2]
    return word[:-1]


def _phrase_keys(text: str) -> tuple[str, ...]:
    return tuple(map(_key, words(text)))


def _deletes(word: str) -> set[str]:
    """The word and every string one deletion away (symmetric-delete typo candidates)."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _transposition_ratio(word: str, candidate: str) -> float | None:
    """For a word that is `candidate` with two neighbouring letters swapped ("staets" for
    "states"), the ratio of a word one letter longer or shorter (10/11 for six letters): one
    slip of the fingers, as a letter left out is. difflib scores a swap as two edits (0.83 for
    six letters, under `_TYPO_CUTOFF`), so a swap in a word under seven letters was never
    corrected. None for any other pair."""
    n = len(word)
    if n != len(candidate) or word == candidate:
        return None
    diff = [i for i in range(n) if word[i] != candidate[i]]
    if len(diff) != 2 or diff[1] != diff[0] + 1:
        return None
    i = diff[0]
    if word[i] != candidate[i + 1] or word[i + 1] != candidate[i]:
        return None
    return 2.0 * (n - 1) / (2 * n - 1)


def _quick_ratios(word: str, letters: str, candidate: str) -> tuple[float, float]:
    """`difflib.SequenceMatcher(None, word, candidate)`'s `real_quick_ratio()` and
    `quick_ratio()`, the same floats: 2 x (the shorter length, and the size of the two words'
    letter multisets' intersection) / (both lengths). `letters`: `sorted(word)` as a string.

    Only for a typo candidate: a word sharing with `word` a string each is at most one
    deletion from (`_deletes`). Then the intersection needs no count of letters: of two
    lengths that differ, the shorter word's letters are all in the longer (it is the other
    with a letter deleted); of equal lengths, each is the shared string and one letter more,
    so they share all their letters but one unless they are anagrams. Counting letter by
    letter was most of what a misspelt word cost (~34 candidates each).
    """
    length = len(word) + len(candidate)
    if not length:
        return 1.0, 1.0  # difflib's ratio of two empty sequences
    shorter = min(len(word), len(candidate))
    if len(word) != len(candidate):
        shared = shorter
    else:
        shared = shorter if "".join(sorted(candidate)) == letters else shorter - 1
    return 2.0 * shorter / length, 2.0 * shared / length


def _union(first: IdArray, second: IdArray) -> IdArray:
    """Sorted distinct ids of both arrays, as `np.union1d` gives, without its `np.unique`:
    that imports numpy.ma on first use, about 10 ms on the first search of every process."""
    merged = np.concatenate((first, second))
    merged.sort(kind="stable")
    if merged.size < 2:
        return merged
    keep = np.empty(merged.size, dtype=bool)
    keep[0] = True
    np.not_equal(merged[1:], merged[:-1], out=keep[1:])
    return merged[keep]


def _wordings(
    concepts: Sequence[_Concept], columns: Mapping[str, int]
) -> list[int] | tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """How `_held` reads each concept from a (documents, terms) matrix of `columns`.

    The column of each concept when every concept is one one-term wording (the usual case);
    otherwise incidence tables: term in wording, wording of concept.
    """
    singles = []
    for concept in concepts:
        if len(concept.alternatives) != 1:
            break
        (alternative,) = concept.alternatives
        if len(alternative) != 1:
            break
        (term,) = alternative
        singles.append(columns[term])
    else:
        return singles
    rows: list[int] = []  # (term column, wording) pairs
    wordings: list[int] = []
    owners: list[int] = []  # each wording's concept
    for position, concept in enumerate(concepts):
        for alternative in concept.alternatives:
            number = len(owners)
            for term in alternative:
                rows.append(columns[term])
                wordings.append(number)
            owners.append(position)
    in_wording = np.zeros((len(columns), len(owners)), dtype=bool)
    in_wording[rows, wordings] = True
    of_concept = np.zeros((len(owners), len(concepts)), dtype=bool)
    of_concept[np.arange(len(owners)), owners] = True
    return in_wording, of_concept


def _held(
    matrix: npt.NDArray[np.bool_],
    wordings: list[int] | tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]],
) -> npt.NDArray[np.bool_]:
    """Whether each document holds every term of at least one wording of each concept.

    `matrix`: `PostingsBM25.holding` of the documents; `wordings`: from `_wordings`. A wording
    is held unless some of its terms is missing, a boolean product (OR of ANDs); a concept is
    held when one of its wordings is, another.
    """
    if isinstance(wordings, list):
        return matrix[:, wordings]
    in_wording, of_concept = wordings
    return np.asarray((~(~matrix @ in_wording)) @ of_concept)


def _topicless(question_words: Sequence[str], position: int) -> bool:
    """Whether the word at `position` says when, how often or how sure, not what is asked
    about (`TOPICLESS_ADVERBS`): read as if it were not there. Not after "how": "how *often*
    do peers meet" asks for the frequency."""
    word = question_words[position]
    if word == "back":
        return _back_then(question_words, position)
    return word in TOPICLESS_ADVERBS and (position == 0 or question_words[position - 1] != "how")


def _back_then(question_words: Sequence[str], position: int) -> bool:
    """Whether "back" says when ("back in 2010", "back in the 90s", "back then", "back when"),
    not what is asked about: as a word to cover, "did Hong Kong make peer support a regular
    service back in 2010" was answered by a passage whose ask says "back that up". ("back in
    the hospital" is readmission.)"""
    after = question_words[position + 1 : position + 4]
    if after[:1] in (["then"], ["when"]):
        return True
    if after[:1] != ["in"] or len(after) < 2:
        return False
    dated = after[2] if after[1] == "the" and len(after) > 2 else after[1]
    return dated[0].isdigit() or dated in ("day", "days")


def _weighs_effect(question_words: Sequence[str]) -> bool:
    """Whether a comparison asks which side works better ("more effective than", "work better
    than"), not which is preferred or how the two differ."""
    asked = frozenset(question_words)
    return bool(asked & _WEIGHS_EFFECT) or bool(asked & _WORKS and asked & _BETTER)


def _side_present(side: Sequence[_Concept], terms: frozenset[str], *, last: bool) -> bool:
    """Whether a passage names one side of a comparison.

    The side is represented by its concept next to the cue ("community" vs "site"), passing over
    filler ("actually"), so a word every passage shares ("peer") cannot stand in. A side made
    only of common words ("peer-*delivered* services") names nothing to check: it is present.
    """
    ordered = [
        c
        for c in (reversed(side) if last else side)
        if c.term not in filler_terms() and c.term not in _GENERIC_STAFF
    ]
    if not ordered or all(c.weight < COMMON_SIDE_WEIGHT for c in ordered):
        return True
    return ordered[0].named_in(terms)


# Words that bring in an example ("peer-led programs like DDA", "such as the Hong Kong study").
_EXAMPLE_WORDS = frozenset({"like", "such", "including", "eg", "e.g"})
# The answer type of language that compares (knowledge/frames.yaml), and of evidence said to
# favour one side ("research has been most favorable for manualized, group interventions").
COMPARATIVE = "comparative"
# A mention of another work, and a report of what a work found (`SnippetIndex._only_mentions`).
MENTIONS_WORK = "mentions_work"
REPORTS_FINDING = "reports_finding"
# Words opening a question that checks what it states ("is it really 41 states?").
_CHECKING = frozenset("is are was were do does did has have had can could will would".split())
# What the sources lack when a question asks about a work they only mention.
MENTIONED_MISSING = "what that work says or found (the sources only mention it)"
FAVOURS_ONE = "favours_one"
# How much time goes to each side ("twice as much time on site"), which says nothing of which is
# better: what a question weighing quality (better, effective, stronger...) is not answered by,
# unless it asks about time itself.
TIME_SPLIT = "time_split"
_WEIGHS_QUALITY = frozenset(
    "better best worse worst effective stronger strongest weaker helpful useful important "
    "matters works work evidence research outcomes".split()
)
_ABOUT_TIME = frozenset("time hours spend spent split devote devoted mostly".split())
# How well something works, weighed between two sides ("is DDA more effective than AA?", "do
# peers work better than regular staff?"): a passage comparing them otherwise (members
# "considered" DDA's dual focus "a strength ... in comparison to" single-purpose fellowships)
# says which they preferred, not which works better; only one holding `effect` language
# (knowledge/frames.yaml) answers.
EFFECT = "effect"
# When something started: "since 2015", "the past 30 years" (`_names_the_named`).
ONSET = "onset"
# Who made something: "developed by", "promulgated ... by" (`_creates_the_subject`).
ORIGIN = "origin"
# That something changes an outcome, or how strong the evidence is (`_answers_outcome`).
CHANGES = "changes"
_WEIGHS_EFFECT = frozenset(
    "effective effectiveness efficacy efficacious outcome outcomes ineffective".split()
)
_WORKS = frozenset("work works worked perform performs performed help helps".split())
_BETTER = frozenset("better worse".split())
# The answer types of a byline (knowledge/frames.yaml), and of a byline or citation proper
# (authors, volume, pages): a passage holding the latter says who wrote a work and where it
# appeared, nothing else, so it answers only a frame asking that.
BYLINE = "byline"
CITATION = "citation"
# The frames' answer types a citation may answer: who wrote a work, where it appeared, its DOI,
# its pages, the date printed on it.
_CITING = frozenset({BYLINE, "journal", "doi", "pages", "full_date"})
# "Peer *staff* vs paraprofessionals": a side's word for people on a payroll says who, not what
# is compared; the word before it names the side.
_GENERIC_STAFF = frozenset({"staff", "worker", "employe", "personnel"})
# How close after a number the thing it counts must stand ("800 peer-to-peer support counselors").
_COUNTED_WITHIN = 5


def _order(hit: Hit) -> float:
    """Among passages that may be shown, which comes first: the fused score, weighted by the
    square of the share of the ask the passage covers.

    BM25 alone let a passage that shares the question's commonest words, often because its
    source's description covers the rest, outrank the passage that says what was asked; the
    square (measured against the plain product and coverage alone) lifted Recall@1 most.
    """
    return -hit.score * hit.coverage**2


# How much of what a question asks beyond the author's name of the work it names a passage of
# that work must cover (`SnippetIndex._off_the_works_topic`). Less than `MIN_COVERAGE`: the
# author's name was part of what the whole question's coverage weighed. Passages answering
# what was asked of a work covered 0.45 and more of the rest; its job title or a design
# passage for "what did it find about hospitalization / hope" covered 0.14 at most.
_WORK_TOPIC_COVERAGE = 0.3
# Words asking what a work holds as a whole ("what does the Goutam paper *cover*", "the *gist*
# of the Halsall study", "what did Rogers *conclude*"): no topic the passage must cover
# (`SnippetIndex._off_the_works_topic`), since every passage of the work is about it.
_WHOLE_WORK_STEMS = frozenset(
    _key(word)
    for word in "cover covers covered covering discuss discusses discussed discussion address "
    "addresses addressed topic topics focus focuses focused summary summarize summarise gist "
    "overview main point points argue argues argued argument say says said find finds found "
    "finding findings conclude concludes concluded conclusion conclusions takeaway takeaways "
    "describe describes described explore explores explored examine examines examined look "
    "looked tldr".split()
)


# Words that, beside the surname of a work's author, say which of their works is meant and
# nothing of what is asked about it: "the Bellamy 2017 *review*", "Milani *et al.*", "Tse *and
# colleagues*" (`SnippetIndex._work_naming`). As topic words they sank every findings passage
# of the work ("what did bellamy 2017 find" declined where "what did Bellamy find?" answered).
_WORK_NOUNS = frozenset(
    "paper papers article articles review report study survey blog post commentary viewpoint "
    "piece publication".split()
)
_WITH_AUTHORS = frozenset("et al colleagues".split())
_WITH_AUTHOR_TERMS = frozenset(_key(word) for word in _WITH_AUTHORS)
# "What *did* Milani *say*", "what *does* Tse *say* about hope" (`SnippetIndex._said_by_author`).
_SAY_AUXILIARIES = frozenset("did does do".split())
_SAY_VERBS = frozenset("say says said".split())
# What may follow "say" in such a question: "what did Milani say *about* employment".
_SAID_OF = frozenset("about on regarding re of".split())
# Words joining a surname to the rest of the work's name: "*the* 2017 Bellamy review",
# "Bellamy'*s* review", "Tse *and* colleagues".
_NAMING_GLUE = frozenset("the s and".split())
# How near a work the sources only mention its year must be printed ("(Cronise et al., 2016)",
# "a 2010 study by Salzer and colleagues") to be that work's year.
_MENTION_YEAR_WITHIN = 40


# A passage lacking the answer type outranks a later candidate when it covers this much more of
# the ask and scores this many times as high: the later one then only shares a few words.
_OUTRANKING_COVERAGE = 0.15
_OUTRANKING_SCORE = 3.0


# A passage off the frame's topics still ranks with the on-topic ones when its order value
# (`_order`) is this many times the best on-topic passage's.
_OFF_TOPIC_LEAD = 2.0


def _off_topic_bar(strong: Sequence[Hit], frame_topics: set[str]) -> float:
    """The order value an off-topic passage needs to rank among the frame's topic passages.

    The frame's topics order a cue's usual answer first ("does peer support work?" wants
    findings), but a cue also stands in questions on something else: "does the research say
    anything about keeping peer specialists in their jobs" reads "research say" as the
    effectiveness cue, and "do CPSs usually do more 1:1 work or groups" reads "do * work". There
    the passage saying what was asked is off the topic and far ahead of every on-topic one (it
    covers more of the ask and scores higher); a lead of twice the best on-topic passage's value
    lets it keep its place, and a near tie still goes to the topic.
    """
    on_topic = [-_order(hit) for hit in strong if frame_topics.intersection(hit.snippet.topics)]
    return _OFF_TOPIC_LEAD * max(on_topic) if on_topic else math.inf


def _outranks(unmet: Hit, candidate: Hit) -> bool:
    """Whether a passage about what was asked, but lacking what the frame needs, is so far
    ahead of `candidate` that the candidate is on something else (it meets the type by chance)."""
    return (
        unmet.coverage >= candidate.coverage + _OUTRANKING_COVERAGE
        and unmet.score >= candidate.score * _OUTRANKING_SCORE
    )


def _counts(
    frame: Frame,
    question: Question,
    text: str,
    aliases: frozenset[str] = frozenset(),
    name_terms: frozenset[str] = frozenset(),
    common: Callable[[str], bool] = lambda term: False,
    about_a_work: bool = False,
    roles: frozenset[str] = frozenset(),
    wordings: Mapping[str, Collection[frozenset[str]]] | None = None,
) -> bool:
    """Whether the passage has a number counting what "how many <things>" asks about.

    `aliases`: one-word names of the roles and concepts the question names ("CPSs" counts
    "certified peer specialists"), used when what is counted is one of them (a term of
    `name_terms`, their names' terms): "how many *hours* did CPSs work" is no count of CPSs.
    `common`: the field's own words ("peer", "support"), which say what is counted only when
    nothing else does; then one staff noun counts another ("how many peer workers will the VA
    hire": "800 peer-to-peer support counselors"), except for a national total. `about_a_work`:
    the question names a source's author, so "in total" is about that study's sample. `roles`:
    the terms of the roles' names the question names, which say who, not what the things
    counted do (`_predicate`). `wordings`: each question term's wordings (its synonyms'),
    by which a clause may say what they do (`_names_predicate`).
    """
    if not frame.counted or not question.frame_positions:
        return True
    run: list[str] = []
    start = _past_the_whole(question.words, max(question.frame_positions) + 1)
    for word in question.words[start:]:
        if word in STOP_WORDS:
            break
        run.append(word)
    wanted = {_key(word) for word in run if word not in filler_terms()}
    # "How many people": any number of clients, members or youth counts them (but not "five
    # main areas": the number must count people of some kind).
    people = bool(_ANYONE.intersection(run))
    anyone = not wanted or people
    named = bool(wanted & name_terms)
    # "How many ... nationwide / in total": a study's sample ("a survey completed by 291 CPSs")
    # or one employer's hiring is not the total, unless the question is about that study.
    joined = " ".join(question.words)
    total = (
        (
            bool(_TOTAL.intersection(question.words))
            or any(place in joined for place in _WHOLE_COUNTRY)
        )
        and not _STUDY.intersection(question.words)
        and not about_a_work
    )
    # "How many DDA *groups*", "how many peer *programs* in Ohio": the first word of what is
    # counted that names no role or concept is a unit of its own, and a number counting the
    # named thing's members or staff ("six DDA members were interviewed") counts none of them.
    unit = next(
        (
            _key(word)
            for word in run
            if _key(word) not in name_terms and word not in filler_terms() and not word[0].isdigit()
        ),
        None,
    )
    if unit not in _UNITS:
        unit = None
    specific = {term for term in wanted if not common(term)}
    if specific and not total and specific & _STAFF_NOUNS:
        specific |= _STAFF_NOUNS  # a worker, a counselor, a mentor: staff, counted as such
    wanted = specific or wanted
    if named:
        wanted |= aliases
    # A number counts what follows it in its own clause: "over a period of 12 months, the
    # facilitators were interviewed twice" gives no number of facilitators.
    # A sample clause still answers when the question shares a word with it beyond what is
    # counted ("how many CPSs overall did *Salzer* look at").
    counted_at = set(question.frame_positions) | set(
        range(max(question.frame_positions) + 1, start + len(run))
    )
    context = {
        _key(word)
        for position, word in enumerate(question.words)
        if position not in counted_at
        and word not in STOP_WORDS
        and word not in _TOTAL
        and word not in filler_terms()
    }
    # "How many people attend DDA meetings": a study's sample ("six DDA members were
    # interviewed") counts people only when the question asks about a study.
    about_a_study = about_a_work or bool(_STUDY_STEMS.intersection(map(_key, question.words)))
    # What the counted people did must be in the passage ("how many people *relapsed*"); a
    # share ("15% of adults") is not a count of people doing something.
    act = _act_counted(question, max(question.frame_positions) + 1, aliases | name_terms)
    if act is not None and not _PERCENT.search(text) and act not in _text_keys(text):
        return False
    # "How many took part", "the sample size": a study's sample, which only a clause saying who
    # was sampled gives ("32 clients ... were recruited", "a survey completed by 291 CPSs"); a
    # share of a population ("one third of youth access services") or a count of states is none.
    sample = _asks_sample(question.words)
    size = bool(_STUDY_SIZE.search(joined))  # "how big was the study": how many people it had
    predicate = (
        frozenset()
        if people or act is not None or unit is None
        else _predicate(_what_they_do(question, start + 1), roles, common)
    )
    for clause, passage, stems, numbers in _clauses(text):
        if not numbers:
            continue  # only a number below can count it
        if predicate and not _names_predicate(predicate, stems, wordings):
            continue  # "16 states have developed Medicaid reimbursement": not certify
        if sample and not _SAMPLE_STEMS.intersection(stems) and not _TOOK_PART.search(clause):
            continue
        percents = set(_PERCENT.findall(clause)) if people else set()
        if total and _STUDY.intersection(passage) and not context.intersection(stems):
            continue
        if not about_a_study and _SAMPLE_STEMS.intersection(stems):
            # "How many members does DDA have?": six members interviewed are a study's
            # sample of them, not how many there are.
            continue
        for position in numbers:
            word = passage[position]
            # A list, as `_is_age` compares its slices with lists.
            following = list(passage[position + 1 : position + 3])
            if following and following[0] in _FRACTIONS and not anyone and act is None:
                # "one third of youth" is a share of them, not how many there are; but how
                # many youth *get* the services they need is that share of them.
                continue
            if following and (following[0][0].isdigit() or _is_age(following)):
                continue  # "youth (14-26 years old)": an age range, not how many
            after = stems[position + 1 : position + 1 + _COUNTED_WITHIN]
            if "dollar" in after[:2] and not wanted & _MONEY_STEMS:
                continue  # "2.3 million dollars ... for consumer networks": money
            shares = word in percents or (bool(following) and following[0] in _FRACTIONS)
            if sample and shares:
                continue
            if size and not (_PEOPLE | _STAFF_NOUNS | aliases).intersection(after):
                continue  # "three experiences" is not how big a study was: its sample is
            if (
                people
                and not shares  # "15% of", "one third of youth": a share of them
                and not (_PEOPLE | _STAFF_NOUNS | aliases).intersection(after)
            ):
                continue
            if unit is not None and unit not in after:
                continue
            if anyone or wanted.intersection(after):
                return True
    return False


def _predicate(
    after: Sequence[str], names: frozenset[str], common: Callable[[str], bool]
) -> frozenset[str]:
    """The stems of what the units counted (`_UNITS`) do or have, said after them ("how many
    states *certify* peer specialists", "how many programs *employ* CPSs"): the clause giving their
    number must name some of it. A passage counting states that do something else ("at least
    16 states have developed Medicaid reimbursement for CPS services") gives no count of
    those certifying, though "Certified Peer Specialist" stands in another clause of it.
    Names, the field's common words and light verbs say nothing of what they do."""
    found: set[str] = set()
    for word in after:
        term = _key(word)
        if (
            word in STOP_WORDS
            or word in FILLER_WORDS
            or word in _PASSIVE
            or word in _SCOPE_WORDS
            or word in _TOTAL
            or word[0].isdigit()
            or term in names
            or common(term)
        ):
            continue
        found.add(term)
    return frozenset(found)


# Words pointing back at what a message put before its ask ("peer certification - how many
# states offer *it*?"); "that" and the like only closing the question, where they are no
# relative pronoun ("how many states *that* certify").
_POINTING_BACK = frozenset({"it", "them"})
_POINTING_LAST = frozenset({"that", "this", "these", "those"})


def _what_they_do(question: Question, at: int) -> list[str]:
    """The words saying what the units counted do: the question's words from `at`, and, when
    they point back ("how many states offer *it*"), the words put before the ask, which say
    what "it" is. Without them the clause had to name "offer", and the topic put first
    ("peer certification - ...") lost the answer it had."""
    after = list(question.words[at:])
    if not question.frame_positions:
        return after
    if _POINTING_BACK.isdisjoint(after) and not (after and after[-1] in _POINTING_LAST):
        return after
    return [*after, *question.words[: min(question.frame_positions)]]


def _names_predicate(
    predicate: frozenset[str],
    keys: Iterable[str],
    wordings: Mapping[str, Collection[frozenset[str]]] | None,
) -> bool:
    """Whether a clause (its words' keys) names some of what units are asked to do, in the
    question's word or in any wording the synonyms give it: "how many states offer peer
    *credentials*" is answered by the clause on states that "train and *certify* peer
    specialists", as the question's ranking already read it. Without the wordings the check
    demanded the question's own verb, and a question in staff words lost its answer."""
    held = frozenset(keys)
    if not predicate.isdisjoint(held):
        return True
    if not wordings:
        return False
    return any(alternative <= held for term in predicate for alternative in wordings.get(term, ()))


def _share_of_units_bound(
    question: Question,
    text: str,
    pattern: Callable[[], re.Pattern[str]],
    roles: frozenset[str],
    common: Callable[[str], bool],
    wordings: Mapping[str, Collection[frozenset[str]]] | None = None,
) -> bool:
    """Whether a typed figure asked of units ("what percentage *of states* certify peer
    specialists") stands in a clause naming what they do (`_predicate`; `pattern` gives the
    type's regex), as `_counts` asks of a count: "35 out of 50 states using current public
    funding mechanisms" is no share of states certifying. True when the question asks no
    figure of units."""
    if not question.frame_positions:
        return True
    words = question.words
    at = max(question.frame_positions) + 1
    if at < len(words) and words[at] == "of":
        at += 1
    elif not (at and words[at - 1] == "of"):
        return True  # no "... of <units>": "what age group" asks no share of groups
    while at < len(words) and (words[at] in _ARTICLES or at in question.place_positions):
        at += 1  # "of *the US* states"
    if at >= len(words) or _key(words[at]) not in _UNITS:
        return True
    predicate = _predicate(_what_they_do(question, at + 1), roles, common)
    if not predicate:
        return True
    # (The type's regex is asked for only here: a cached index compiles none it need not.)
    typed = pattern()
    return any(
        typed.search(clause.text) and _names_predicate(predicate, clause.keys, wordings)
        for clause in _clauses(text)
    )


def _term_wordings(reading: _Reading) -> dict[str, Collection[frozenset[str]]]:
    """Each term of the question with the wordings it is read in (its concept's alternatives:
    the term, its synonyms' source wordings)."""
    return {concept.term: concept.alternatives for concept in reading.concepts}


def _past_the_whole(question_words: Sequence[str], at: int) -> int:
    """Where what is counted starts after "how many": past a whole it is a part of ("how
    many *of the 32* clients", "how many *of the* DDA members"), which says among whom, not
    what is counted. Without this the run of counted words stopped at "of" and held nothing,
    so any number counted them ("three main themes" for how many of the 32 clients found peer
    workers useful)."""
    if at >= len(question_words) or question_words[at] != "of":
        return at
    at += 1
    while at < len(question_words) and (
        question_words[at] in _ARTICLES
        or question_words[at] in ("these", "those", "all")
        or question_words[at][0].isdigit()
        or question_words[at] in _NUMBER_WORDS
    ):
        at += 1
    return at


# Words asking what a role is called or counted as, which a list of titles answers ("what other
# names do peer workers go by", "is a peer bridger a real job title").
_NAMING_TERMS = frozenset(
    tokenize(
        "name names named call called title titles term terms job jobs role roles position "
        "same different differ other else kind type category considered count counts"
    )
)


# What a count may be of besides people: groups, meetings, programs, places, periods, works. A
# count question naming one counts it ("how many DDA groups"), whatever else it names.
_UNITS = frozenset(
    _key(word)
    for word in "groups meetings chapters sites programs programmes organizations organisations "
    "agencies states countries sessions hours days weeks months years studies papers articles "
    "grants networks locations clinics hospitals branches".split()
)


# "How does it work" asks how, "how effective / how well is it" whether.
_HOW_VERBS = frozenset("does do did can could would might".split())


def _cards_first_among_equals(ordered: Sequence[Hit], rank: Mapping[str, int]) -> list[Hit]:
    """The hits in their order, but each run of neighbours covering the question alike (the
    same coverage) with the frame's topic cards first, in the curator's order (`rank`: snippet
    id -> its place on the cards). "How do clinics finance peer support": no funding passage
    names clinics, so they tie on coverage, and the one saying Medicaid is a major source of
    funding answers before one saying a group will research "with the increase in funding",
    which BM25 ranks first on the word. Hits covering more keep their lead."""
    result: list[Hit] = []
    for _, run in itertools.groupby(ordered, key=lambda hit: hit.coverage):
        result.extend(sorted(run, key=lambda hit: rank.get(hit.snippet.id, len(rank))))
    return result


def _asks_how_or_why(question_words: Sequence[str]) -> bool:
    """Whether a question asks why or how something works ("why does peer support work",
    "how does it help"), not whether or how well it does ("how effective is peer support")."""
    return "why" in question_words or any(
        word == "how" and following in _HOW_VERBS
        for word, following in zip(question_words, question_words[1:], strict=False)
    )


# "What are the *limitations of* peer support", "the *goals for* DDA", "what's *known about* why
# peer support works": a word joined by one of these to the concept named after it is what the
# question asks of the concept, not the concept itself (`_asks_of_the_concept`).
_HEAD_LINKS = frozenset("of for behind about to".split())
_ARTICLES = frozenset({"the", "a", "an"})
# Words for a fact in general: "the 'one in four' *stat* about", "the *number* of": what the
# fact is about says which, the word itself need not be in the passage.
_FACT_WORDS = frozenset(
    "stat stats statistic statistics figure figures number numbers fact facts thing things "
    "info information detail details data".split()
)
# Words saying a definition or list question is not after what a named concept is.
_NOT_DEFINING = frozenset("like such eg including useful why tell about".split())
_TOTAL = frozenset("nationwide nationally countrywide total altogether overall".split())
_WHOLE_COUNTRY = ("in the usa", "in the united states", "in the country", "across the country")
# A yes-or-no question starts with one of these: everything in it is what is asked.
# Words by which a question names a work rather than a place's practice ("the UK *pilot*").
_NAMES_A_WORK = frozenset(
    "research study report blog post article paper review survey pilot eval evaluation trial "
    "findings interviews".split()
)
# Words asking only whether something is there or counts ("is peer support *used* in the UK",
# "does DC *count* too"): a passage about the place and the thing answers them.
_PRESENCE = frozenset(
    tokenize(
        "use used uses using exist exists existed available offer offers offered around present "
        "count counts counted include includes included common happen happens happening"
    )
)
# Words that refer back to the place or its class, or say it is one of a set ("is DC *one of the
# places* that certify peers?", "is DC *among* the *jurisdictions* that ...", "is California *part
# of* the *list*"): the place itself answers them, so they are not what is asked of it.
# ("National" shares the stem of "nations": a national certification is asked, so no "nation".)
_PLACE_REFERENCE = frozenset(
    "place places state states jurisdiction jurisdictions country countries region regions "
    "city cities province provinces territory territories area areas "
    "one ones among part list listed included".split()
)
# Words before a place's class that point away from the place: "reciprocal with *other* states".
_ELSEWHERE = frozenset("other another different neighboring neighbouring nearby".split())
# A yes-or-no question starts with its verb, or, once "do you know" / "wondering" is set aside
# as chatter, with the "if" or "whether" that carried it ("if hong kong certifies peer workers").
_POLAR_STARTS = frozenset(
    "does do did is are was were can could will would has have if whether".split()
)


def _place_reference_terms(question: Question) -> frozenset[str]:
    """The terms of the words of a yes-or-no question about a named jurisdiction that refer
    back to it or its class or put it in a set (`_PLACE_REFERENCE`: "is DC *one of the places*
    that certify peers?"); none after a word pointing elsewhere ("reciprocal with *other*
    states"), and none for a region met by its topic ("is peer support a thing abroad")."""
    words = question.words
    if (
        not words
        or words[0] not in _POLAR_STARTS
        or not question.required_places
        or any(place.topic is not None for place in question.required_places)
    ):
        return frozenset()
    return frozenset(
        _key(word)
        for position, word in enumerate(words)
        if word in _PLACE_REFERENCE and (position == 0 or words[position - 1] not in _ELSEWHERE)
    )


_STUDY = frozenset(
    "survey surveyed study studies sample sampled respondents participants interviewed enrolled "
    "recruited completed paper papers research evaluation took part".split()
)
# A clause giving a study's sample ("32 clients ... were recruited", "six members were
# interviewed"), and the words of a question that asks about a study.
_SAMPLE_STEMS = frozenset(
    _key(word)
    for word in "interviewed surveyed participants participated respondents recruited enrolled "
    "sample sampled completed".split()
)
_STUDY_STEMS = _SAMPLE_STEMS | frozenset(
    _key(word)
    for word in "study studies survey interview interviews evaluation paper article review pilot "
    "trial n research researchers team data followed follow talk talked qualitative "
    "longitudinal questions answered part filled fill responded returned "
    # "How many CPSs did Salzer *look at*": who a study looked at is its sample.
    "look looked examined studied".split()
)
_TOOK_PART = lazy(r"\b(?:took|take|takes|taking)\s+part\b", re.IGNORECASE)
# "How big was the Hong Kong study", "how large a sample did the survey have": a study's size is
# its sample, not any number its passages print ("three main themes").
_STUDY_SIZE = lazy(
    r"\bhow (?:big|large|small)\b(?: \S+){0,8} "
    r"(?:study|studies|survey|pilot|trial|evaluation|sample|cohort)\b"
)


def _asks_sample(question_words: Sequence[str]) -> bool:
    """Whether a count question asks for a study's sample: "how many *took part*", "how many
    were *interviewed*", "the *sample* size", "how many *participants* / *respondents*", "how
    *big* was the study"."""
    joined = " ".join(question_words)
    if _STUDY_SIZE.search(joined):
        return True
    return bool(_TOOK_PART.search(joined)) or not _SAMPLE_STEMS.isdisjoint(
        map(_key, question_words)
    )


# Words after a bare "peer" naming all of peer work, not a kind of it ("how many states certify
# their peer *workforce*?"): the count of peer specialists counts them.
_ALL_PEER_WORK = frozenset(
    (word,) for word in "workforce staff field sector work jobs roles positions employees".split()
)
# What a service's name ends with ("recovery coach *services*"), said with it as what is counted.
_SERVICE_WORDS = frozenset("services service programs program".split())
# Stems of the nouns staff use for people doing peer work.
_STAFF_NOUNS = frozenset(
    "worker staff counselor mentor specialist provid posit job employe coach navig bridger".split()
)


def _act_counted(question: Question, after_cue: int, names: frozenset[str]) -> str | None:
    """The stem of what "how many people / members / CPSs <did something>" counts them by, or
    None when the question names no act of theirs.

    What the people did is what is counted: "how many people *relapsed* in the DDA pilot",
    "how many people *dropped out*". A passage counting people doing something else (six
    members interviewed, 800 counselors to be hired) does not answer it. Read: the word right
    after the people ("were", "got" and filler passed over, and an article after those: "found
    *a* job"), or, after a phrase saying who they are ("people in the DDA pilot"), a past-tense
    verb or a group after "were" ending the question. "How many people were in the Tse study"
    or "how many people did the study interview" name no act of their own, and taking part,
    being interviewed or surveyed is what a study's sample did.
    """
    following = list(question.words[after_cue:])
    # The people come first after "how many", past a name, a number or an article ("how many
    # *of the six DDA* members", "how many *Dual Diagnosis Anonymous* members", "how many *of
    # the Salzer* CPSs"); "how many states certify peer specialists" counts states.
    people_at = None
    others = 0
    for position, word in enumerate(following):
        if word in _ANYONE or _is_person(word):
            people_at = position
            break
        if (
            word in STOP_WORDS
            or word[0].isdigit()
            or word in _NUMBER_WORDS
            or _key(word) in names
            or after_cue + position in question.place_positions
        ):
            continue
        others += 1
        if others > _OTHERS_BEFORE_PEOPLE:
            break
    if people_at is None:
        return None
    acted = _act_past_place(question, after_cue + people_at + 1, names)
    if acted is not None:
        return acted
    light = False
    for word in following[_past_place(question, after_cue + people_at + 1) - after_cue :]:
        if word in _SCOPE_WORDS:
            continue  # "how many people *worldwide* have ...": where or when, not what they did
        if word in _PASSIVE or word in FILLER_WORDS or word == "without":
            # "got hired", "found a job", "get the services they need"; going "without care"
            # is counted by the care they lack.
            light = True
            continue
        if light and word in _ARTICLES:
            continue
        if word in STOP_WORDS:
            # "People in / with / from ...": who they are, unless the question ends on what
            # they did ("how many people in the DDA pilot relapsed") or a group among them.
            last = question.words[-1]
            term = _key(last)
            if last in FILLER_WORDS or last in STOP_WORDS or term in names:
                return None
            if last.endswith("ed") and term not in _STUDY_STEMS and term not in _PEOPLE:
                return term
            if term in _PEOPLE and question.words[-2:-1] in (("were",), ("are",)):
                return term  # "... in the Salzer survey were women"
            if (
                light
                and term not in _PEOPLE
                and len(question.words) - 1 not in question.place_positions
                and not _STUDY_STEMS.intersection(map(_key, question.words[after_cue:]))
            ):
                # "How many of the Tse clients were *on medication*": a group among them, after
                # a preposition; "were in the (bipolar) study (in Hong Kong)" is the sample.
                return term
            return None
        term = _key(word)
        # "How many CPSs were *women*": a group among them, which the passage must name.
        return None if term in _STUDY_STEMS or term in names else term
    return None


# Words saying where or when people are counted, between them and what they did ("how many
# people *worldwide* have a mental disorder", "how many CPSs *currently* work full time").
_SCOPE_WORDS = frozenset(
    "worldwide globally nationwide nationally countrywide overall altogether currently now today "
    "still".split()
)


# Words putting the counted people somewhere ("people *in* India").
_WHERE = frozenset("in across from throughout".split())


def _past_place(question: Question, start: int) -> int:
    """The position after "in <place>" when the words from `start` put the people there
    ("how many youth *in Canada* actually get the services they need"), else `start`: what
    they did is read after the place, past light words, as it is without one."""
    words = question.words
    if start >= len(words) or words[start] not in _WHERE:
        return start
    end = start + 1
    while end < len(words) and (end in question.place_positions or words[end] == "the"):
        end += 1
    return end if end - 1 in question.place_positions else start


def _act_past_place(question: Question, start: int, names: frozenset[str]) -> str | None:
    """The stem of the verb right after "people in <place>" ("how many people in India
    *receive* peer support"), or None when no such verb follows (then `_act_counted` reads on).

    "150 million people need mental care" counts no one receiving peer support. A name, a
    study word, a light or filler word after the place is no act of theirs ("people in the UK
    *DDA* pilot relapsed", "people in India *go* without care").
    """
    after = _past_place(question, start)
    if after == start or after >= len(question.words):
        return None
    word = question.words[after]
    if word in STOP_WORDS or word in FILLER_WORDS or word in _PASSIVE:
        return None
    term = _key(word)
    if term in _STUDY_STEMS or term in names or term in _PEOPLE:
        return None
    return term


# How many other words may stand between "how many" and the people counted ("how many *young*
# people", "how many of the *Salzer* CPSs").
_OTHERS_BEFORE_PEOPLE = 1
# Words passed over between a light verb and what it takes ("found *a* job").
_ARTICLES = frozenset("a an the their any some".split())


def _is_person(word: str) -> bool:
    """A noun for people of some kind: clients, members, CPSs, workers, veterans."""
    term = _key(word)
    return term in _PEOPLE or term in _STAFF_NOUNS


# Words between "how many people" and what they did ("were hired", "got jobs", "took part").
_PASSIVE = frozenset(
    "were was are is been being got get gets getting have has had took take takes taking".split()
)


def _is_age(following: Sequence[str]) -> bool:
    """ "... years old", "... yo": the number before is an age."""
    if following[0] in ("yo", "y/o"):
        return True
    return following[0] in _YEARS and following[1:2] in (["old"], ["olds"])


_YEARS = frozenset("years year yrs yr".split())
# What "how many dollars / millions" counts: money, which a sum of dollars does count.
_MONEY_STEMS = frozenset("dollar million billion thousand money".split())


_CLAUSE_BREAK = lazy(r"[,;:()]|\.\s")


class _Clause(NamedTuple):
    """One clause of a passage as `_counts` reads it."""

    text: str
    words: tuple[str, ...]
    keys: tuple[str, ...]  # each word's phrase key (`_key`)
    numbers: tuple[int, ...]  # where a number stands that may count something (not a year)


@lru_cache(maxsize=4096)
def _clauses(text: str) -> tuple[_Clause, ...]:
    """A passage's clauses (`_CLAUSE_BREAK`), each with its words, their keys and its numbers.

    `_counts` reads a passage clause by clause for every count question it is a candidate
    of, and the same passages come up again and again: split, stemmed and searched for
    numbers once, kept (a bounded number of passages, so endless questions cannot grow it).
    """
    found: list[_Clause] = []
    for clause in _CLAUSE_BREAK.split(text):
        clause_words = tuple(words(clause))
        numbers = tuple(
            position
            for position, word in enumerate(clause_words)
            if (word[0].isdigit() and not _YEAR.fullmatch(word)) or word in _NUMBER_WORDS
        )
        keys = tuple(_key(word) for word in clause_words)
        found.append(_Clause(clause, clause_words, keys, numbers))
    return tuple(found)


@lru_cache(maxsize=4096)
def _text_keys(text: str) -> frozenset[str]:
    """The phrase keys of a passage's words (`_counts`: is the act counted in it?), kept as
    `_clauses` are."""
    return frozenset(_key(word) for word in words(text))


_ANYONE = frozenset(
    "people persons individuals folks participants respondents subjects".split()
)  # as written: "participated" is no count of participants
# Stems of the nouns a count of people is made of ("32 clients", "six DDA members", "291 CPSs").
_PEOPLE = frozenset(
    "peopl person individu folk particip respond subject client member youth adult veteran "
    "patient user famili parent student women men girl boy psw psws cps cpss pss facilit "
    "commission research interviewe attende american".split()
)
_YEAR = lazy(r"(?:19|20)\d\d")
# A parenthetical citation: a source's name, then its year(s) ("(Mental Health America, 2017b)",
# "(US Department of Health and Human Services, 2007, 2017)").
_CITATION_PARENS = lazy(
    r"\([^()]*[A-Za-z][^()]*,\s*(?:19|20)\d\d[a-z]?(?:\s*,\s*(?:19|20)\d\d[a-z]?)*\)"
)
# A claim the asker builds the question on, in a clause of its own before a comma: "since all
# 50 states certify peers now, do I need to recertify if I move?" (`_premise_correction`).
_PREMISE_RE = lazy(
    r"\b(?:since|given that|now that|seeing as|because)\s+([^,;:?.!]{8,200}?)\s*,", re.IGNORECASE
)
# A work dated by the question: "the 2015 literature review", "the 2012 survey of CPSs", "a
# review from 2015" (a year beside the noun naming a work, a few words apart at most).
_WORK_NOUN = (
    r"(?:review|reviews|study|studies|survey|surveys|paper|papers|report|reports|article"
    r"|articles|evaluation|pilot|version|edition|update|analysis)"
)
_DATED_WORK_RE = lazy(
    r"\b((?:19|20)\d\d)\s+(?:[a-z]+\s+){0,3}" + _WORK_NOUN + r"\b"
    r"|\b" + _WORK_NOUN + r"\s+(?:from|in|of|published in|done in|dated)\s+((?:19|20)\d\d)\b"
)
# The year a figure is asked as of: "in 2015", "as of 2010", "back in 2012", "by 2016".
_AS_OF_YEAR_RE = lazy(r"\b(?:in|as of|by|during|back in|around|circa|for|of)\s+((?:19|20)\d\d)\b")
# Answer types that are figures: a count, a share, an amount.
_FIGURE_NEEDS = frozenset(
    {"number", "share", "money", "pay", "cardinal", "statistic", "ratio", "savings"}
)
_PERCENT = lazy(r"(\d+(?:\.\d+)?)\s*%")
_FRACTIONS = frozenset(
    "half halves third thirds quarter quarters fourth fourths fifth fifths tenth tenths "
    "percent per".split()
)
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions dozen dozens".split()
)


def _named(kb: KnowledgeBase) -> list[tuple[str, str, Iterable[str]]]:
    """(id, title or name, every name) of each role and concept a question may name."""
    named: list[tuple[str, str, Iterable[str]]] = [
        (role.id, role.title, role.names) for role in kb.roles.values()
    ]
    named += [
        (concept.id, concept.name, concept.names)
        for concept in getattr(kb, "concepts", {}).values()
    ]
    return named


# "Which state was *first*", "the *largest* study": a typed answer must say the same rank.
_RANKS = frozenset(
    "first last earliest latest largest biggest smallest highest lowest most least only".split()
)


def _is_title_cased(name: str) -> bool:
    """Whether a name of several words is a proper name by its spelling ("Affordable Care Act",
    "Dual Diagnosis Anonymous"), not a common noun phrase ("Medicaid reimbursement")."""
    words = [word for word in name.split() if word.casefold() not in STOP_WORDS]
    return len(name.split()) > 1 and all(word[:1].isupper() for word in words)


def _ranks_as_asked(question: Question, terms: frozenset[str]) -> bool:
    """Whether a passage states the rank (first, largest, only) a typed question asks for."""
    wanted = {_key(word) for word in question.words if word in _RANKS}
    return wanted <= terms


def _contains_any_run(sequence: Sequence[str], runs: Iterable[tuple[str, ...]]) -> bool:
    return any(_contains_run(sequence, run) for run in runs)


def _contains_run(sequence: Sequence[str], run: tuple[str, ...]) -> bool:
    width = len(run)
    if width == 1 or run[0] not in sequence:
        return run[0] in sequence
    return any(tuple(sequence[i : i + width]) == run for i in range(len(sequence) - width + 1))


class SnippetIndex:
    """The searchable knowledge base; build once, query many times from any thread."""

    def __init__(
        self,
        kb: KnowledgeBase,
        engine: PostingsBM25,
        *,
        asks_engine: PostingsBM25 | None = None,
        min_coverage: float = MIN_COVERAGE,
        min_evidence: float = MIN_EVIDENCE,
        surface: Mapping[str, Mapping[str, str]] | None = None,
        ask_documents: tuple[PostingsBM25, npt.NDArray[np.int64]] | None = None,
        facts: SnippetFacts | None = None,
        frame_filing: FrameFiling | None = None,
        text_terms: TextTerms | None = None,
        staff_filing: Mapping[str, Sequence[int]] | None = None,
    ) -> None:
        """`surface`, `ask_documents`, `facts`, `frame_filing`, `staff_filing`
        (`staff_phrase_filing`): saved from an index of the same kb (bot.cache); `text_terms`:
        each passage's text terms, kept from the build (`passage_text_terms`)."""
        self.kb = kb
        self.engine = engine
        self.asks_engine = PostingsBM25.fit(ask_tokens(kb)) if asks_engine is None else asks_engine
        self.min_coverage = min_coverage
        self.min_evidence = min_evidence
        self._unknown_weight = math.log(1 + 2 * max(engine.size, 1))
        # Synonym wordings by first stem key, each key's phrases made on its first lookup (a
        # built index files the wordings here, one served from the cache reads their filing);
        # role and concept names by first word.
        self._stem_phrases = _StaffPhrases(
            kb.synonyms, staff_phrase_filing(kb) if staff_filing is None else staff_filing
        )
        self._word_phrases = self._build_name_phrases(kb)
        self._stem_tree = _PhraseTree(self._stem_phrases)
        self._word_tree = _PhraseTree(self._word_phrases)
        self._surface = (
            self._build_surface_vocabulary(kb, engine.vocabulary) if surface is None else surface
        )
        # Built on the first misspelt word, not here: most questions never need it, and a
        # one-shot `peerbot ask` would pay for it on every start.
        self._typo_candidates: _TypoIndex | None = None
        # Smoothed idf per term, computed once per term (questions repeat a small vocabulary).
        self._weights: dict[str, float] = {}
        # Misspelt word -> the corpus word meant (`_spelling`; its stem is `_correct`'s answer).
        self._spellings: dict[str, str | None] = {}
        self._reader_words: frozenset[str] | None = None
        self._concept_weights: dict[tuple[str, frozenset[frozenset[str]]], float] = {}
        # Coverage's bits of each set of wordings (`_coverage_bits`): passages, asks, works.
        self._wordings_bits: dict[frozenset[frozenset[str]], tuple[int, int, int]] = {}
        self._reader = QuestionReader(
            kb.lexicon, self._weight, self._phrase_positions, frame_filing, self._known_positions
        )
        # Answer-type regexes are compiled the first time a question needs that type.
        self._type_patterns = _TypePatterns(kb.lexicon.answer_types)
        self._type_reasons = {
            kind.id: kind.reason for kind in kb.lexicon.answer_types if kind.reason is not None
        }
        self._doc_ids = {snippet.id: number for number, snippet in enumerate(kb.snippets)}
        self._cards = self._build_cards(kb)
        self._latest_year = max((source.year or 0 for source in kb.sources.values()), default=0)
        # The sources' own years, oldest first: a work the question dates otherwise is none of them.
        self._years = sorted({source.year for source in kb.sources.values() if source.year})
        # The figures each source's passages give, and all passages together, gathered the
        # first time a claimed figure is checked (`_lacks_figure`, `_analyse`).
        self._source_figures: dict[str, Given] = {}
        self._all_figures: Given | None = None
        # What each passage gives (`_passage_given`), by doc id: saved with the index, or
        # gathered the first time a claimed figure is checked.
        self._given: list[Given] | None = None
        self._name_terms = self._build_name_terms(kb)
        # Every name's terms, made on the first bare definition question (`_all_names`).
        self._every_name: dict[str, frozenset[str]] | None = None
        self._carded_name_set: frozenset[tuple[str, ...]] | None = None
        # Peer support's and the roles' names as term runs (`_peer_support_names`).
        self._peer_names: tuple[tuple[str, ...], ...] | None = None
        # Each concept's names' first terms ("peer" of "peer support"): `_names_the_counted`.
        self._first_name_terms = {
            concept_id: frozenset(t[0] for t in map(tokenize, all_names) if t)
            for concept_id, _, all_names in _named(kb)
        }
        # Stems of each concept's one-word names, plurals too ("CPSs" counts certified peer
        # specialists), taken once from the name phrases rather than per examined passage.
        self._one_word_names: dict[str, set[str]] = defaultdict(set)
        for phrases in self._word_phrases.values():
            for phrase in phrases:
                if phrase.concept is not None and len(phrase.keys) == 1:
                    self._one_word_names[phrase.concept].add(_key(phrase.keys[0]))
        self._add_narrower_names(kb)
        self._card_count: dict[int, int] = defaultdict(int)
        for card in self._cards.values():
            for doc_id in card:
                self._card_count[doc_id] += 1
        # Per-snippet facts, each computed the first time a question needs it for a snippet
        # (cost follows the candidates a question touches, not the knowledge base).
        self._terms: dict[int, frozenset[str]] = {}
        self._text_terms = text_terms
        # The same as numbers, for the duplicate check (`_duplicate_terms`).
        self._term_numbers: dict[int, frozenset[int] | frozenset[str]] = {}
        # The terms of each passage's mentions of other works (`_mentioned_terms`).
        self._mentions: dict[int, frozenset[str]] = {}
        # Per answer type, one byte per snippet: 0 not checked yet, 1 lacks it, 2 holds it.
        self._types: dict[str, bytearray] = {}
        self._type_holders: dict[str, frozenset[int]] = {}  # small kb: `_holders`
        self._places: dict[int, frozenset[str]] = {}
        self._abroad: frozenset[str] | None = None
        self._regions = tuple(place for place in kb.lexicon.places if place.topic is not None)
        self._asks = _AskIndex(*ask_documents) if ask_documents is not None else None
        self._type_weights: dict[str, float] = {}
        self._authors: dict[str, frozenset[str]] | None = None
        self._people: dict[str, authors.Author] | None = None
        self._said: dict[int, tuple[frozenset[str], ...]] = {}
        self._mentioned: dict[str, tuple[int, ...]] | None = None
        # The years of the works a surname names (`_years_of_named`), for surnames that name one.
        self._named_years: dict[str, frozenset[str]] = {}
        self._surnames_of_works: frozenset[str] | None = None
        self._named_passages: dict[str, frozenset[int]] = {}  # `_passages_named_by`
        self._citations_in: dict[int, tuple[tuple[str, frozenset[str]], ...]] = {}  # `_cited`
        self._sources_by_place: dict[str, frozenset[str]] | None = None
        self._source_words: _SourceWords | None = None
        # Each snippet's asks among the ask documents, as the bits of one int (`_ask_bits`).
        self._asks_as_bits: list[int] | None = None
        self._works_as_bits: list[int] | None = None
        self._described_by_term: dict[str, int] = {}
        self._term_bits: dict[str, tuple[int, int, int]] = {}
        # Per one-word name of a concept: the passages whose labels, not their text, hold it
        # (`_label_only`), for every name at once on the first name asked about; the names
        # themselves on first use.
        self._label_only_bits: dict[str, int] | None = None
        self._proper_names: frozenset[str] | None = None
        self._ask_frames: dict[int, frozenset[str]] = {}
        if facts is not None:
            self._load_facts(facts)
        # Each snippet's suggestion labels (`_label_keys`), made on first use.
        self._labels: _Labels | None = None
        # Each source's citation fields for `Result` (the same strings for all its passages).
        self._citations: dict[str, tuple[str, str, str | None, str, str, str]] = {}
        # A small knowledge base's two fields as one dense table (`_dense_fields`; False: too
        # large), on first use.
        self._dense: DenseFields | bool | None = None

    @property
    def text_terms(self) -> TextTerms | None:
        """Each passage's text terms as kept from the build (None: not kept), to save."""
        return self._text_terms

    @property
    def surface_vocabulary(self) -> Mapping[str, Mapping[str, str]]:
        """Typo-correction vocabulary, first letter -> {corpus word: stem}; costly to rebuild."""
        return self._surface

    @property
    def ask_documents(self) -> tuple[PostingsBM25, npt.NDArray[np.int64]]:
        """Every curated ask as a document, and where each snippet's asks start (to save)."""
        asks = self._ask_index()
        return asks.engine, asks.first

    def snippet_facts(self) -> SnippetFacts:
        """Every `SnippetFacts` fact of this knowledge base, worked out now if not yet known."""
        count = len(self.kb.snippets)
        types = {
            kind: tuple(doc_id for doc_id in range(count) if self._holds(doc_id, kind))
            for kind in self._type_patterns.kinds
        }
        ask_frames = {
            doc_id: self._frames_of_asks(doc_id)
            for doc_id, snippet in enumerate(self.kb.snippets)
            if getattr(snippet, "asks", ())
        }
        places = {doc_id: found for doc_id in range(count) if (found := self._places_of(doc_id))}
        given = {
            doc_id: gives
            for doc_id in range(count)
            if (gives := self._passage_given(doc_id)) != _GIVES_NOTHING
        }
        return SnippetFacts(types, ask_frames, places, given, self._mentioned_works())

    def _load_facts(self, facts: SnippetFacts) -> None:
        """Take saved facts as known (`bot.cache` checked that they fit this kb)."""
        count = len(self.kb.snippets)
        for kind, holding in facts.types.items():
            known = bytearray(b"\x01") * count  # 1: lacks it
            for doc_id in holding:
                known[doc_id] = 2  # holds it
            self._types[kind] = known
        self._ask_frames.update(facts.ask_frames)
        self._places.update(
            (doc_id, facts.places.get(doc_id, frozenset())) for doc_id in range(count)
        )
        if facts.given is not None:
            self._given = [facts.given.get(doc_id, _GIVES_NOTHING) for doc_id in range(count)]
        if facts.mentioned is not None:
            self._mentioned = dict(facts.mentioned)

    @property
    def reader(self) -> QuestionReader:
        """The question reader this index uses (lexicon and corpus weights)."""
        return self._reader

    @classmethod
    def build(
        cls,
        kb: KnowledgeBase,
        *,
        min_coverage: float = MIN_COVERAGE,
        min_evidence: float = MIN_EVIDENCE,
    ) -> SnippetIndex:
        """Tokenize every snippet's two fields and fit BM25 on each.

        Each passage is split into words once, for its BM25 terms and for the typo-correction
        vocabulary alike (splitting is most of either).
        """
        split = document_words(kb)
        tokens = [terms(found) for found in split]
        engine, numbers = PostingsBM25.fit_numbered(tokens)
        return cls(
            kb,
            engine,
            min_coverage=min_coverage,
            min_evidence=min_evidence,
            surface=surface_vocabulary(split, engine.vocabulary),
            text_terms=passage_text_terms(kb, tokens, engine, numbers),
        )

    def with_thresholds(self, min_coverage: float, min_evidence: float) -> SnippetIndex:
        """The same index deciding with other thresholds (for threshold sweeps)."""
        return SnippetIndex(
            self.kb,
            self.engine,
            asks_engine=self.asks_engine,
            min_coverage=min_coverage,
            min_evidence=min_evidence,
            surface=self._surface,
            ask_documents=None if self._asks is None else (self._asks.engine, self._asks.first),
            text_terms=self._text_terms,
        )

    # --- construction helpers -------------------------------------------------------------------

    @property
    def staff_filing(self) -> Mapping[str, Sequence[int]]:
        """Which staff wordings start with each stem key (`staff_phrase_filing`): what
        `bot.cache` saves so that a start makes only the phrases its questions look up."""
        return self._stem_phrases.filing

    @staticmethod
    def _build_name_phrases(kb: KnowledgeBase) -> dict[str, list[_Phrase]]:
        """Role and concept names by first word."""
        names: dict[str, list[_Phrase]] = defaultdict(list)
        for concept_id, title, all_names in _named(kb):
            expansion = tuple(tokenize(title))
            for name in all_names:
                # Names match word for word (aliases list the plurals): stemmed, "peer
                # supporter" would be named by every question about "peer support".
                keys = tuple(words(name))
                if not keys:
                    continue
                names[keys[0]].append(_Phrase(keys, expansion, concept_id))
                # The other number, even if the aliases omit it: "peer-run programs" names
                # "a peer-run program" too.
                for other in {_plural(keys[-1]), _singular(keys[-1])} - {keys[-1]}:
                    form = (*keys[:-1], other)
                    names[form[0]].append(_Phrase(form, expansion, concept_id))
        return dict(names)

    @staticmethod
    def _build_name_terms(kb: KnowledgeBase) -> dict[str, tuple[frozenset[str], ...]]:
        """Concept id -> the term sets a passage may name it by.

        The full name, and one-word names (abbreviations: DDA, CPS, VA); other aliases
        ("expert by experience") already read as the concept when a question uses them.
        """
        found: dict[str, tuple[frozenset[str], ...]] = {}
        for concept_id, title, all_names in _named(kb):
            spelled = {frozenset(tokenize(name)) for name in all_names}
            spelled = {t for t in spelled if len(t) == 1} | {frozenset(tokenize(title))}
            found[concept_id] = tuple(sorted((t for t in spelled if t), key=sorted))
        return found

    @staticmethod
    def _build_surface_vocabulary(
        kb: KnowledgeBase, vocabulary: frozenset[str]
    ) -> dict[str, dict[str, str]]:
        """Corpus words by first letter -> {word: stem}, for correcting typos in questions."""
        return surface_vocabulary(document_words(kb), vocabulary)

    @staticmethod
    def _build_typo_index(surface: Mapping[str, Mapping[str, str]]) -> _TypoIndex:
        """Symmetric-delete candidate index: each corpus word under itself and its 1-deletes.

        A question word's own 1-deletes then meet every corpus word within one edit (insertion,
        deletion, substitution or adjacent transposition) in a few dictionary lookups, instead
        of comparing it with every corpus word of the same first letter. Also each corpus word
        under its letters in order (`_TypoIndex.by_letters`), for `_typo_candidates_of`.
        """
        index: dict[str, list[str]] = defaultdict(list)
        by_letters: dict[str, list[str]] = defaultdict(list)
        for bucket in surface.values():
            for word in bucket:
                for variant in _deletes(word):
                    index[variant].append(word)
                by_letters["".join(sorted(word))].append(word)
        return _TypoIndex(dict(index), dict(by_letters))

    def _build_cards(self, kb: KnowledgeBase) -> dict[str, tuple[int, ...]]:
        """Concept id -> the doc ids of its card (`about:`), for roles, topics and concepts."""
        cards: dict[str, tuple[int, ...]] = {}
        holders: list[tuple[str, Iterable[str]]] = [
            (item.id, getattr(item, "about", ())) for item in kb.roles.values()
        ]
        holders += [(item.id, getattr(item, "about", ())) for item in kb.topics.values()]
        holders += [
            (item.id, getattr(item, "about", ())) for item in getattr(kb, "concepts", {}).values()
        ]
        for concept_id, about in holders:
            ids = tuple(self._doc_ids[s] for s in about if s in self._doc_ids)
            if ids:
                cards[concept_id] = ids
        return cards

    # --- query analysis -------------------------------------------------------------------------

    def _correct(self, word: str) -> str | None:
        """The corpus stem a misspelt word most likely meant, or None."""
        if len(word) < _MIN_TYPO_LENGTH:
            return None
        return self._find_correction(word)

    def _find_correction(self, word: str) -> str | None:
        """The stem of the corpus word `_spelling` finds (kept there, per word)."""
        surface = self._spelling(word)
        return None if surface is None else self._surface[word[0]][surface]

    def _spelling(self, word: str) -> str | None:
        """The corpus word (as written) a misspelt word most likely meant, or None (kept per
        word)."""
        # One get, not `in` then `[]`: another thread may empty the dict in between.
        found = self._spellings.get(word, _UNSEEN)
        if found is _UNSEEN:
            if len(self._spellings) >= _MAX_CORRECTIONS:
                self._spellings.clear()
            found = self._spellings[word] = self._find_spelling(word)
        return found

    def _find_spelling(self, word: str) -> str | None:
        import difflib  # only a misspelt word needs it

        candidates = self._typo_candidates_of(word)
        bucket = self._surface.get(word[0], {})
        best: tuple[float, str] | None = None
        fillers = filler_terms()
        letters = "".join(sorted(word))
        for candidate in sorted(candidates):
            # A correction into a word that counts for nothing ("weather" -> "whether") would
            # drop the word the asker wrote: it stays unknown instead.
            if candidate not in bucket or candidate in STOP_WORDS or bucket[candidate] in fillers:
                continue
            # Upper bounds of ratio() first (difflib.get_close_matches does the same): a
            # candidate that cannot reach the cutoff or beat the best so far is skipped. They
            # are difflib's `real_quick_ratio` and `quick_ratio` worked out without making a
            # `SequenceMatcher` (`_quick_ratios`): nearly every candidate fails them, and making
            # one matcher per candidate was most of what a misspelt word cost.
            floor = _TYPO_CUTOFF if best is None else best[0]
            real_quick, quick = _quick_ratios(word, letters, candidate)
            if real_quick < floor or quick < floor:
                continue
            ratio = (
                _transposition_ratio(word, candidate)
                or difflib.SequenceMatcher(None, word, candidate).ratio()
            )
            if ratio >= _TYPO_CUTOFF and (best is None or ratio > best[0]):
                best = (ratio, candidate)
        return best[1] if best else None

    def _typo_candidates_of(self, word: str) -> set[str]:
        """The corpus words sharing with `word` a string each is at most one deletion from,
        less those of its length whose quick ratio cannot reach `_TYPO_CUTOFF`.

        Such a word of the same length shares all its letters but one with `word` unless it
        is an anagram of it (`_quick_ratios`), and for a word under seven letters that
        ratio is below the cutoff, so `_find_correction` would skip it whatever it met
        before it: only the anagrams are looked up then (by their letters in order), not
        every word one substitution away (~34 a word, each checked in Python). Longer and
        shorter candidates are all kept.
        """
        typos = self._typo_candidates
        if typos is None:
            typos = self._typo_candidates = self._build_typo_index(self._surface)
        variants = _deletes(word)
        candidates: set[str] = set()
        length = len(word)
        if not length or 2.0 * (length - 1) / (2 * length) >= _TYPO_CUTOFF:
            for variant in variants:
                candidates.update(typos.by_delete.get(variant, ()))
            return candidates
        # Longer (or the word itself): listed under the word; shorter: a deletion that is a
        # corpus word; the same length: an anagram within one deletion each.
        candidates.update(typos.by_delete.get(word, ()))
        for variant in variants:
            if variant and variant in self._surface.get(variant[0], ()):
                candidates.add(variant)
        for anagram in typos.by_letters.get("".join(sorted(word)), ()):
            if not variants.isdisjoint(_deletes(anagram)):
                candidates.add(anagram)
        return candidates

    def read(self, question: str) -> Question:
        """The question as peerbot reads it (ask, frame, places; see bot.question)."""
        read = self._cited_claim(self._reader.read(self._spelled(question)))
        if read.text != question:
            read = dataclasses.replace(read, text=question)
        return self._bare_name(self._said_by_author(read))

    def _spelled(self, question: str) -> str:
        """The question with each misspelt word written as the corpus word it most likely meant
        ("how many staets certify peer specialsts", "what is a recovry coach").

        Concepts were corrected already (`_analyse`), but the frame and its checks read the
        words as typed: "how many states certifiy peer specialists" counted "certifiy", which no
        passage does, and "what is a peer bridgr" said the sources do not define a "peer
        bridgr". Only a word of five letters or more that neither the passages, their asks nor
        the question lexicon (cues, places, shorthand, chatter, synonyms, names) know is
        corrected: "Texas" or "salary" is a word the reader knows, not a typo. The concepts'
        correction is unchanged.
        """
        if not _LONG_WORD_RE.search(question):
            return question
        pieces: list[str] = []
        done = 0
        for found in _LONG_WORD_RE.finditer(question):
            word = found.group(0).lower()
            # The lexicon's words last: most questions have no word the passages do not know,
            # and never build that set.
            if word in STOP_WORDS or self._known(_key(word)) or word in self._lexicon_words():
                continue
            spelling = self._spelling(word)
            if spelling is None or word.startswith(spelling) or spelling.startswith(word):
                # A word that only adds or drops letters at its end is more likely another word
                # ("paste" is not "past") than a slip inside one.
                continue
            pieces += [question[done : found.start()], spelling]
            done = found.end()
        if not pieces:
            return question
        pieces.append(question[done:])
        return "".join(pieces)

    def _lexicon_words(self) -> frozenset[str]:
        """Every word the question lexicon and the synonyms and names spell (made once)."""
        if self._reader_words is None:
            lexicon = self.kb.lexicon
            texts: list[str] = []
            for frame in lexicon.frames:
                texts += [*frame.cues, *frame.unless]
            for place in lexicon.places:
                texts += [*place.names, *place.not_before]
            for entry in lexicon.shorthand:
                texts += [entry.short, entry.means]
            for cues in dataclasses.astuple(lexicon.chatter):
                texts += list(cues)
            for synonym in self.kb.synonyms:
                texts += [synonym.source, *synonym.staff, *synonym.not_with]
            for _, title, names in _named(self.kb):
                texts += [title, *names]
            self._reader_words = frozenset(
                word.lower() for text in texts for word in _LONG_WORD_RE.findall(text)
            )
        return self._reader_words

    def _cited_claim(self, question: Question) -> Question:
        """A request for a citation, reference or quote for a claim ("need a citation for peers
        being as effective as paraprofessionals", "quote about role ambiguity") read as the
        claim: the passage saying it answers, and every reply cites its source. One for a work
        named by its author, title noun or year ("citation for the Rogers paper", "reference
        for Bellamy 2017") still asks for its byline.

        As a byline question, "need a citation for the 41 states number" was declined with
        "the sources do not say who wrote it", the passage it wanted shown only as related.
        Where a figure or claim comes from ("where did the 41 states stat come from?") is asked
        the same way: read as who created something, it was declined."""
        frame = question.frame
        origin = _CLAIM_ORIGIN_RE.search(question.ask)
        if origin is not None:
            found_at, claim = origin.start(), origin.group("claim")
        else:
            found = _CITED_CLAIM_RE.search(question.ask)
            if found is None:
                return question
            if (
                frame is not None
                and frame.needs != BYLINE
                and not _ASKING_ONLY.issuperset(words(question.ask[: found.start()]))
            ):
                return question  # the request is inside a question of its own frame
            found_at, claim = found.start(), question.ask[found.end() :].strip()
        claim_words = words(claim)
        if (
            not claim_words
            or _WORK_NOUNS.intersection(claim_words)
            or any(self._years_of_named(word) is not None for word in claim_words)
        ):
            return question
        before = question.ask[:found_at]
        if _ASKING_ONLY.issuperset(words(before)):
            before = ""  # "what's the source for <the claim>": the claim is all that is asked
        read = self._reader.read(" ".join([before, claim]).strip())
        return dataclasses.replace(read, text=question.text, reduced=True)

    def _bare_name(self, question: Question) -> Question:
        """A message that is only the name of a concept with a card ("peer support", "Peers?")
        read as asking what it is: every passage holds those words, so by them alone none came
        near and the reply said the sources have nothing on peer support. A bare role title
        ("peer bridger") is answered by its rarer words already; one with a card is read so too.
        """
        if (
            question.frame is None
            and question.words
            # The ask word for word, not its terms: "is there certification for peers" asks
            # whether there is any ("is" and "there" are no terms); "eli5 peer support" is the
            # name once its chatter is set aside.
            and tuple(w for w in question.words if w not in _PLEASE) in self._carded_names()
        ):
            frame = self.kb.lexicon.frame(_DEFINITION)
            if frame is not None:
                return dataclasses.replace(question, frame=frame)
        return question

    def _carded_names(self) -> frozenset[tuple[str, ...]]:
        """The names of the concepts and roles with a card, as words (`words`, as a question's
        words are made)."""
        if self._carded_name_set is None:
            self._carded_name_set = frozenset(
                tuple(words(name))
                for concept_id, title, names in _named(self.kb)
                if concept_id in self._cards
                for name in (title, *names)
            )
        return self._carded_name_set

    def _said_by_author(self, question: Question) -> Question:
        """The question read by the frame for what an author's work says (`said_by_author`)
        when it asks "what did/does <the work, named by its author> say [about ...]" and no
        frame read it otherwise.

        "What did grant and colleagues say" read "grant" as funding and quoted SAMHSA's grants;
        "what does Tse say about hope" quoted the DDA study second. No cue can say it: "what
        did the VA say about hiring" has the same words around an agency. The words between
        the question word and "say" must all name one work by its author (a surname, "et
        al", its year, a work noun, "the", a possessive)."""
        if question.frame is not None:
            return question
        words = question.words
        if len(words) < 4 or words[0] != "what" or words[1] not in _SAY_AUXILIARIES:
            return question
        say_at = next((at for at, word in enumerate(words) if word in _SAY_VERBS), None)
        if say_at is None or say_at < 3:
            return question
        if say_at + 1 < len(words) and words[say_at + 1] not in _SAID_OF:
            # "What does Rogers say we still don't understand", "what do Barrenger et al. say
            # is the best place to start": what it says of one thing, which its frame reads.
            return question
        naming = self._work_naming(words).positions
        between = range(2, say_at)
        surnames = [at for at in between if self._years_of_named(words[at]) is not None]
        if not surnames or not all(
            at in surnames or at in naming or words[at] in _NAMING_GLUE for at in between
        ):
            return question
        frame = next((f for f in self.kb.lexicon.frames if f.said_by_author), None)
        if frame is None:
            return question
        works = self._works_named(words[2:say_at])
        if works and all(
            (source := self.kb.sources.get(work)) is not None and source.kind in frame.not_kinds
            for work in works
        ):
            # "What does Goutam say about India": a conceptual paper's claims are what it says,
            # though it found nothing; read as findings, it would be ruled out for its kind.
            return question
        return dataclasses.replace(question, frame=frame, frame_positions=frozenset({0, 1, say_at}))

    def query_terms(self, question: str) -> list[str]:
        """The BM25 query (terms in order) both fields are scored with."""
        return self._analyse(self.read(question)).query_terms

    def _analyse(self, question: Question) -> _Reading:
        """Concepts to cover, BM25 terms and names, from the ask's words."""
        question_words = list(question.words)
        keys = [_key(word) for word in question_words]
        frame = question.frame
        # The frame's cue words ("salary", "cost") are checked by the answer type, not covered;
        # a comparison's ("vs", "an edge over") by the check that both sides are named.
        checked: set[int] = set()
        if frame is not None and frame.needs is not None:
            checked |= question.frame_positions
        if frame is not None and frame.cue_only_words:
            # Cue words that only say what is asked ("is advocacy *part* of the *job*", "did it
            # *work*"), in a frame with no answer type to check them (`Frame.cue_only_words`).
            checked |= {
                i for i in question.frame_positions if question.words[i] in frame.cue_only_words
            }
        concepts_by_position: dict[int, _Concept] = {}
        concepts: dict[str, _Concept] = {}
        query_terms: list[str] = []
        figures = claimed_figures(question.text, question.words)
        # A claimed figure no passage gives ("23 million", "8,000 peers", "all 50 states") is
        # checked against each passage, not covered: the passage giving another ("2.3 million")
        # is on the subject and says so; so is a word of one no passage writes so ("25 percent"
        # where a passage says "one in four"). One some passage gives in its words ("which 41
        # states") picks that passage out like any word.
        claimed = {
            token
            for figure in figures
            for token in figure.tokens
            # A guess ("2 mil something") is checked as the figure it allows, never as words.
            if figure.within is not None
            or not self._figures_given().gives(figure)
            or not self._weight(_key(token))
        }
        # A scale no passage writes ("2.3 billion") is the figure's word, checked with it: as a
        # word no passage holds it would sink the passage that gives another amount.
        claimed |= {
            word
            for figure in figures
            if figure.kind == "amount"
            for word in figure.shown.lower().split()
            if word.isalpha() and not self._weight(_key(word))
        }
        # A frame cue or a phrase of the synonyms that spells a topicless adverb ("still
        # missing", "what we still don't know") keeps it: there it is part of what is asked.
        spelled: frozenset[int] = frozenset()
        if not TOPICLESS_ADVERBS.isdisjoint(question_words):
            spelled = question.frame_positions | self._phrase_positions(question_words)
        for position, word in enumerate(question_words):
            term = word if word[0].isdigit() else keys[position]
            if word in STOP_WORDS or term in STOP_WORDS:
                continue
            if _topicless(question_words, position) and position not in spelled:
                continue
            if word in claimed:
                query_terms.append(term)
                continue
            if word == "one" and position and question_words[position - 1] in _ONE_POINTS_AFTER:
                continue  # "which one": a pronoun, not the number ("one in four")
            if not word[0].isdigit() and not self._known(term):
                term = self._correct(word) or term
            if position in question.frame_positions and position in checked:
                continue
            query_terms.append(term)
            if position in checked or position in question.implicit_positions:
                continue
            concept = concepts.get(term)
            if concept is None:
                concept = concepts[term] = _Concept(term, {frozenset([term])})
            concepts_by_position[position] = concept
        named: list[str] = []
        named_at: dict[str, int] = {}
        name_spans: set[int] = set()
        spans: list[tuple[int, int, str]] = []
        aliases: list[tuple[_Concept, Iterable[frozenset[str]]]] = []
        matches: list[tuple[int, int, _Phrase]] = []
        word_tree, stem_tree = self._word_tree, self._stem_tree
        word_firsts, stem_firsts = word_tree.firsts, stem_tree.firsts
        present_keys = frozenset(keys)  # (a guard not starting with one of them is no run of them)
        for position in range(len(question_words)):
            if question_words[position] in word_firsts:
                for phrase in _tree_matches(word_tree, question_words, position):
                    matches.append((position, 0, phrase))
            if keys[position] in stem_firsts:
                for phrase in _tree_matches(stem_tree, keys, position):
                    if any(
                        guard[0] in present_keys and _contains_run(keys, guard)
                        for guard in phrase.guards
                    ):
                        continue
                    matches.append((position, 1, phrase))
        # Longest first, so "certified peer specialist" wins over "peer specialist".
        matches.sort(key=lambda match: (-len(match[2].keys), match[0], match[1]))
        for start, _, phrase in matches:
            span = set(range(start, start + len(phrase.keys)))
            if phrase.concept is not None:
                if span & name_spans:
                    continue
                name_spans |= span
                spans.append((start, start + len(phrase.keys), phrase.concept))
                if phrase.concept not in named:
                    named.append(phrase.concept)
                named_at[phrase.concept] = min(start, named_at.get(phrase.concept, start))
            query_terms.extend(phrase.expansion)
            # A name is found by any of its names: "Dual Diagnosis Anonymous" in the question,
            # "DDA" in the passage (and the other way round).
            names = (
                self._name_terms.get(phrase.concept, ())
                if phrase.concept is not None
                else (frozenset(phrase.expansion),)
            )
            for position in span:
                if position in concepts_by_position:
                    concepts_by_position[position].alternatives.add(frozenset(phrase.expansion))
                    aliases.append((concepts_by_position[position], names))
        skipped = name_spans | question.place_positions | question.implicit_positions
        for merged in self._join_alternatives(
            question_words, concepts_by_position, skipped, self._weight
        ):
            concepts.pop(merged, None)
        self._name_the_work(question_words, keys, concepts_by_position)
        fillers = filler_terms()
        # "Is California *part of* the *states* that certify peers?": words naming the place
        # again or its set are the place's, which a passage about it need not repeat.
        referring = _place_reference_terms(question)
        for concept in concepts.values():
            if concept.term.startswith(_TYPE_PREFIX):
                continue
            concept.weight = self._concept_weight(concept) or self._unknown_weight
            if concept.term in fillers or concept.term in referring:
                concept.weight = min(concept.weight, self._unknown_weight * FILLER_SHARE)
        # Found by any of its names, but weighed as the words the question used: counting the
        # aliases' passages too would make a name weigh less than what surrounds it.
        for concept, spellings in aliases:
            concept.alternatives.update(spellings)
        self._mark_context(question, concepts_by_position, name_spans | skipped)
        self._mark_genre(question, concepts_by_position, name_spans)
        outside = [
            concept
            for position, concept in concepts_by_position.items()
            if position not in name_spans
            and position not in question.frame_positions
            and concept.term not in fillers
            and not concept.context
        ]
        # A word the passages lack next to the concept ("what is *telehealth* peer support")
        # asks about something else, so it rules the card out; known words count up to a limit.
        # The field's own words ("in mental health", "services") qualify nothing: not counted.
        residual = (
            CARD_RESIDUAL_WORDS + 1
            if any(self._weight(c.term) == 0 for c in outside)
            else sum(1 for c in outside if c.weight >= COMMON_SIDE_WEIGHT * FIELD_WORD_FACTOR)
        )
        outside_ids = {id(concept) for concept in outside}  # (`outside` keeps each alive)
        residual_at = frozenset(
            position
            for position, concept in concepts_by_position.items()
            if id(concept) in outside_ids
            and concept.weight >= COMMON_SIDE_WEIGHT * FIELD_WORD_FACTOR
        )
        sides = None
        if question.sides is not None:
            left, right = question.sides
            shared = {concepts_by_position[p].term for p in left if p in concepts_by_position}
            shared &= {concepts_by_position[p].term for p in right if p in concepts_by_position}
            left_concepts = [
                concepts_by_position[p]
                for p in sorted(left)
                if p in concepts_by_position and concepts_by_position[p].term not in shared
            ]
            right_concepts = [
                concepts_by_position[p]
                for p in sorted(right)
                if p in concepts_by_position and concepts_by_position[p].term not in shared
            ]
            if left_concepts and right_concepts:
                sides = (left_concepts, right_concepts)
        place_terms = frozenset(
            concepts_by_position[p].term
            for p in question.place_positions
            if p in concepts_by_position and question.required_places
        )
        if frame is not None and frame.needs is not None and frame.needs in self._type_patterns:
            # The frame's cue words stand for an answer type; a passage holding that type covers
            # them, weighted like a term found in the passages that hold the type.
            kind = _TYPE_PREFIX + frame.needs
            concepts[kind] = _Concept(kind, {frozenset([kind])}, self._type_weight(frame.needs))
        return _Reading(
            question,
            list(concepts.values()),
            query_terms,
            named,
            residual,
            sides,
            place_terms,
            self._study_named(question, named, present_keys),
            named_at,
            figures,
            residual_at,
            tuple(sorted(spans)),
        )

    def _mark_context(
        self,
        question: Question,
        concepts_by_position: Mapping[int, _Concept],
        named: set[int] | frozenset[int],
    ) -> None:
        """Mark the concepts only the ask's context holds (`_Concept.context`), when that
        context names what the ask points at ("my mom is starting as a *family support
        navigator* next month. is that considered a peer role?": the role, not the mom).

        A name (a role, concept, programme, place) stays a concept of the ask, and so does a word
        no passage knows ("my client says her peer mentor helped her quit *smoking*"): either is
        what the ask may be about, and a passage lacking it does not answer. When the context
        names nothing the lexicon knows ("my cousin is a case manager. is that a peer role?"),
        what "that" is can be any of its words, so every one counts as asked."""
        context = question.context_positions
        if not context or not (named & context):
            return
        where: dict[int, list[int]] = {}
        for position, concept in concepts_by_position.items():
            where.setdefault(id(concept), []).append(position)
        for concept in concepts_by_position.values():
            if (
                all(p in context and p not in named for p in where[id(concept)])
                and (self._weight(concept.term) > 0 or len(concept.alternatives) > 1)
                and not concept.term.startswith(_TYPE_PREFIX)
            ):
                concept.context = True

    @staticmethod
    def _mark_genre(
        question: Question,
        concepts_by_position: Mapping[int, _Concept],
        named: set[int] | frozenset[int],
    ) -> None:
        """Mark as context a word naming the kind of writing asked for, before what it is on
        ("any *data* on youth peer support", "*research* about peer support in prisons"): the ask
        is for whatever the sources say on that subject, and a passage on it answers whether or
        not it uses the word "data". It still ranks a passage holding it first. Not when the
        ask names nothing else ("any data on it?"), nor a word that is itself named."""
        question_words = question.words
        for position, concept in concepts_by_position.items():
            if (
                question_words[position] in _GENRE_WORDS
                and position + 1 < len(question_words)
                and question_words[position + 1] in _GENRE_LINKS
                and position not in named
                and any(
                    other is not concept and not other.context and other.weight > 0
                    for p, other in concepts_by_position.items()
                    if p > position + 1
                )
            ):
                concept.context = True

    @staticmethod
    def _join_alternatives(
        question_words: Sequence[str],
        concepts_by_position: dict[int, _Concept],
        skipped: set[int] | frozenset[int],
        weight: Callable[[str], float],
    ) -> list[str]:
        """ "Is the workforce growing or plateauing?", "mixed or inconclusive": either word is
        the answer's subject, and a passage saying one of them answers the question. The two
        words become one concept, found by either and weighed by the passages holding either,
        so the side no passage words does not sink every passage's coverage, and a passage
        saying only "growing" does not count twice ("is Medicaid growing or declining" still
        needs Medicaid). Names, places and subjects are left alone ("Hong Kong or Taiwan" is
        checked as places), only one word stands on each side ("growing or still tiny" is left
        as it is), and two words no passage knows both count. Returns the terms merged into
        the word before them."""
        merged: list[str] = []
        for position, word in enumerate(question_words):
            if word != "or":
                continue
            left, right = position - 1, position + 1
            if left in skipped or right in skipped:
                continue
            first, second = concepts_by_position.get(left), concepts_by_position.get(right)
            if first is None or second is None or first is second:
                continue
            if right + 1 < len(question_words) and right + 1 in concepts_by_position:
                continue  # "growing or still tiny": the other side is more than one word
            if any(c is second for p, c in concepts_by_position.items() if p != right):
                continue  # the word is asked about elsewhere too
            if not weight(first.term) and not weight(second.term):
                continue  # "respites or warmlines": neither is in any passage, both still count
            first.alternatives.add(frozenset([second.term]))
            merged.append(second.term)
        return merged

    def _concept_weight(self, concept: _Concept) -> float:
        """Smoothed idf of the passages holding any wording of the concept ("CPS" or "certified
        peer specialist"), so an alias rarer than its concept does not inflate its weight."""
        if len(concept.alternatives) == 1:
            return self._weight(concept.term)
        key = (concept.term, frozenset(concept.alternatives))
        weight = self._concept_weights.get(key)
        if weight is None:
            if len(self._concept_weights) >= _MAX_CORRECTIONS:
                self._concept_weights.clear()
            weight = self._concept_weights[key] = self._wordings_weight(concept)
        return weight

    def _wordings_weight(self, concept: _Concept) -> float:
        """`_concept_weight` worked out: the passages holding every term of some wording."""
        if self.engine.has_bits():
            return self._wordings_weight_bits(concept)
        return self._wordings_weight_postings(concept)

    def _wordings_weight_postings(self, concept: _Concept) -> float:
        """`_wordings_weight` from the postings: intersections within a wording, then a union."""
        docs = self._passages_naming(concept)
        if docs is None or docs.size == 0:
            return self._weight(concept.term)
        return math.log(1 + self.engine.size / docs.size)

    def _passages_naming(self, concept: _Concept) -> IdArray | None:
        """The passages whose text holds every term of some wording of the concept (ascending),
        or None for a concept with no wording."""
        docs: IdArray | None = None
        for alternative in concept.alternatives:
            found: IdArray | None = None
            for term in alternative:
                postings = self.engine.postings(term)
                ids = postings.doc_ids if postings is not None else np.empty(0, dtype=np.int32)
                found = ids if found is None else np.intersect1d(found, ids, assume_unique=True)
            if found is not None:
                docs = found if docs is None else _union(docs, found)
        return docs

    def _outcome_passages(self, alternatives: Sequence[Sequence[_Concept]]) -> tuple[int, ...]:
        """The passages naming an outcome asked about that say something changes it
        (`_answers_outcome`), for the candidates: "do peers help with employment outcomes?"
        ranks every passage on peers first, and the one finding DDA "contributed to integrate
        members into employment" was 34th."""
        if CHANGES not in self._type_patterns:
            return ()
        found: set[int] = set()
        for group in alternatives:
            docs: IdArray | None = None
            for concept in group:
                naming = self._passages_naming(concept)
                if naming is None:
                    continue
                docs = naming if docs is None else np.intersect1d(docs, naming, assume_unique=True)
            if docs is not None:
                found.update(int(d) for d in docs)
        return tuple(d for d in sorted(found) if self._holds(d, CHANGES))

    def _wordings_weight_bits(self, concept: _Concept) -> float:
        """`_wordings_weight` on a small knowledge base: the same passages, as the bits of one
        int (`PostingsBM25.bits`), so the same count and weight.

        Each question meets new sets of wordings (an alias, a synonym's expansion), and on a
        few hundred passages numpy's intersections and unions of postings cost more per call
        than the few integer ANDs and ORs that say which passages hold a wording.
        """
        docs = 0
        worded = False
        for alternative in concept.alternatives:
            if not alternative:
                continue  # no terms: holds nothing (the postings path skips it too)
            found = -1  # every passage, until a term says otherwise
            for term in alternative:
                found &= self.engine.bits(term)
            docs |= found
            worded = True
        count = docs.bit_count() if worded else 0
        if not count:
            return self._weight(concept.term)
        return math.log(1 + self.engine.size / count)

    def _known(self, term: str) -> bool:
        return term in self.engine or term in self.asks_engine

    def _asks_in_frame(self, doc_id: int, frame: Frame | None) -> bool:
        """Whether one of the snippet's curated asks is a question of this frame.

        Among a concept's card, the passage a curator filed under "what is X?" answers a
        definition question before one filed under "how has X grown?".
        """
        if frame is None:
            return False
        return frame.id in self._frames_of_asks(doc_id)

    def _frames_of_asks(self, doc_id: int) -> frozenset[str]:
        """The frames the snippet's curated asks are read as (worked out once per snippet)."""
        frames = self._ask_frames.get(doc_id)
        if frames is None:
            asks = getattr(self.kb.snippets[doc_id], "asks", ())
            found = (self._reader.read(ask).frame for ask in asks)
            frames = frozenset(item.id for item in found if item is not None)
            self._ask_frames[doc_id] = frames
        return frames

    def _type_weight(self, kind: str) -> float:
        """Smoothed idf of an answer type, as if it were a term of the passages holding it.

        Counted once per process and type (one pass over the passages, which also answers
        `_holds` for every passage and that type), then cached.
        """
        weight = self._type_weights.get(kind)
        if weight is None:
            holding = sum(1 for doc_id in range(len(self.kb.snippets)) if self._holds(doc_id, kind))
            weight = math.log(1 + self.engine.size / max(holding, 1))
            self._type_weights[kind] = weight
        return weight

    def _phrase_positions(self, text_words: Sequence[str]) -> frozenset[int]:
        """The positions a synonym or name of two or more words covers in `text_words`."""
        return self._covered_positions(text_words, shortest=2)

    def _known_positions(self, text_words: Sequence[str]) -> frozenset[int]:
        """The positions a synonym or name of any length covers in `text_words`: the words the
        question reader may keep from a message's context though no passage has them
        ("readmissions" reads as hospitalization, "co-occurring" as dual diagnosis)."""
        return self._covered_positions(text_words, shortest=1)

    def _covered_positions(self, text_words: Sequence[str], shortest: int) -> frozenset[int]:
        """The positions in `text_words` covered by a synonym or name of `shortest` words or
        more, matched by stem keys or by the words as written."""
        keys = [_key(word) for word in text_words]
        covered: set[int] = set()
        for position in range(len(text_words)):
            for tree, seen in ((self._stem_tree, keys), (self._word_tree, text_words)):
                if seen[position] not in tree.firsts:
                    continue
                for phrase in _tree_matches(tree, seen, position):
                    if len(phrase.keys) >= shortest:
                        covered.update(range(position, position + len(phrase.keys)))
        return frozenset(covered)

    def _weight(self, term: str) -> float:
        """Smoothed idf ln(1 + N/df) of a term in either field; 0.0 for a term no snippet has.

        The passage field's df when the passages have the term, else the asks field's."""
        weight = self._weights.get(term)
        if weight is None:
            df = self.engine.document_frequency(term) or self.asks_engine.document_frequency(term)
            if not df:
                return 0.0
            weight = self._weights[term] = math.log(1 + self.engine.size / df)
        return weight

    # --- per-snippet facts ----------------------------------------------------------------------

    def _add_narrower_names(self, kb: KnowledgeBase) -> None:
        """A narrower role's one-word names count the broader role too: "291 CPSs" says how many
        *peer specialists* answered, since certified peer specialists are peer specialists.

        Narrower: one of its names holds every word of one of the broader's names, and more.
        Roles only: "certification" is no broader kind of certified peer specialist.
        """
        names = {
            role.id: [frozenset(tokenize(name)) for name in role.names]
            for role in kb.roles.values()
        }
        own = {concept_id: set(stems) for concept_id, stems in self._one_word_names.items()}
        for broad, broad_names in names.items():
            for narrow, narrow_names in names.items():
                if narrow != broad and any(
                    len(b) > 1 and b < n for b in broad_names for n in narrow_names
                ):
                    self._one_word_names[broad] |= own.get(narrow, set())

    def _in_source(
        self, alternatives: Iterable[frozenset[str]], doc_ids: IdArray
    ) -> npt.NDArray[np.bool_] | None:
        """Whether the work each passage is quoted from is itself described by a wording (None:
        no work is).

        Staff name the work they mean ("the Bellamy *review*", "the *DDA UK pilot* paper",
        "the Peers for Progress *blog*", "the Salzer *survey*"): those words are in the source's
        label, title, kind and description, not in the quoted sentence, yet the passage is what
        they ask about.
        """
        holders = self._described_works(alternatives)
        if holders is None:
            return None  # no work is described by it
        words_of = self._source_word_index()
        described = np.zeros(words_of.count + 1, dtype=bool)  # [-1]: no source
        described[list(holders)] = True
        return described[words_of.of_snippet[doc_ids]]

    def _source_word_index(self) -> _SourceWords:
        words_of = self._source_words
        if words_of is None:
            words_of = self._source_words = _SourceWords.build(self.kb)
        return words_of

    def _described_works(self, alternatives: Iterable[frozenset[str]]) -> frozenset[int] | None:
        """The works (positions in `_SourceWords`) described by a wording, or None for none."""
        # The sources holding every term of a wording, by intersecting the term -> sources
        # index: a few set operations per wording, not a subset check per source (a large
        # knowledge base quotes a hundred works, and every concept of every question asks).
        with_term = self._source_word_index().with_term
        holders: frozenset[int] = frozenset()
        for alternative in alternatives:
            if len(alternative) == 1:
                (term,) = alternative
                found = with_term.get(term, frozenset())
            elif alternative:
                found = frozenset.intersection(
                    *(with_term.get(term, frozenset()) for term in alternative)
                )
            else:
                continue
            if found:
                holders = holders | found if holders else found
        return holders or None

    def _passage_terms(self, doc_id: int) -> frozenset[str]:
        """The terms of the passage's own text (not its labels or asks)."""
        terms = self._terms.get(doc_id)
        if terms is None:
            kept = self._text_terms
            terms = self._terms[doc_id] = (
                kept.of(doc_id)
                if kept is not None
                else frozenset(tokenize(self.kb.snippets[doc_id].text))
            )
        return terms

    def _said_terms(self, doc_id: int) -> tuple[frozenset[str], ...]:
        """The terms of the passage's text, then of each of its curated asks: what the passage
        says in any of its wordings, for the checks that a question's head (`_lacks_the_head`)
        or what it asks of a place (`_lacks_what_is_asked_of_the_place`) is said. Worked out
        once per passage, as those checks run on every candidate of such questions."""
        said = self._said.get(doc_id)
        if said is None:
            asks = getattr(self.kb.snippets[doc_id], "asks", ())
            said = self._said[doc_id] = (
                self._passage_terms(doc_id),
                *(frozenset(tokenize(ask)) for ask in asks),
            )
        return said

    def _holds(self, doc_id: int, kind: str) -> bool:
        """Whether the passage's text holds a fact of this answer type (a money amount, ...)."""
        known = self._types.get(kind)
        if known is None:
            known = self._types.setdefault(kind, bytearray(len(self.kb.snippets)))
        state = known[doc_id]
        if not state:
            text = self.kb.snippets[doc_id].text
            if kind not in _CITING and kind != CITATION:
                # "(National Mental Health Survey of India, 2015)" dates the source cited, not
                # anything the passage says: no year, date or count of the question's subject.
                text = _CITATION_PARENS.sub(" ", text)
            found = self._type_patterns[kind].search(text)
            state = known[doc_id] = 2 if found else 1
        return state == 2

    def _holds_asked(self, doc_id: int, kind: str, question: Question) -> bool:
        """`_holds`, but not through a figure the question itself states: "how much of the 2.3
        million went to training" is not answered by the passage whose only figure is the 2.3
        million (`bot.stated`). A question checking a figure ("is it really 1 in 4?", "was it
        2.3 million?") is answered by the passage stating it; a year names a work ("the 2017
        report"), so it is no figure stated here."""
        if not self._holds(doc_id, kind):
            return False
        numbers = [n for n in question.numbers if not _YEAR.fullmatch(n)]
        if not numbers or (question.words and question.words[0] in _CHECKING):
            return True
        pattern = self._type_patterns[kind]
        return holds_beyond(pattern, self.kb.snippets[doc_id].text, numbers)

    def _creates_the_subject(self, reading: _Reading, doc_id: int) -> bool:
        """Whether what the passage says was made by someone is what the question asks about:
        "The 'core conditions' of helping relationships promulgated decades ago by Rogers ...
        may be useful frameworks for ... peer support" says who set out the core conditions,
        not who started peer support. The words of the sentence before the verb of making
        ("promulgated ... by") must name the ask's subject (every concept that weighs, the
        field's words included: "peer support" is the subject of "who started peer support")."""
        subject = [
            concept
            for concept in reading.concepts
            if not concept.term.startswith(_TYPE_PREFIX)
            and not concept.context
            and concept.term not in filler_terms()
            and concept.term not in reading.place_terms
            and concept.weight > 0
        ]
        if not subject:
            return True
        text = self.kb.snippets[doc_id].text
        for made in self._type_patterns[ORIGIN].finditer(text):
            opening = text.rfind(".", 0, made.start()) + 1
            before = frozenset(tokenize(text[opening : made.start()]))
            if all(concept.named_in(before) for concept in subject):
                return True
        return False

    def _cited_holds(self, reading: _Reading, doc_id: int, kind: str) -> bool:
        """Whether a parenthetical citation of the passage holds a fact of this type about the
        work the question names: "what year was India's National Mental Health Survey?" asks
        for the year of "(National Mental Health Survey of India, 2015)", which `_holds` leaves
        out as no fact of the passage's own subject. Every word of the question's that weighs
        (the field's own words aside) must be in that citation, a place not alone."""
        asked = [
            concept
            for concept in reading.concepts
            if not concept.term.startswith(_TYPE_PREFIX)
            and concept.weight >= COMMON_SIDE_WEIGHT * FIELD_WORD_FACTOR
            and not concept.context
        ]
        # The work itself must be named: "which year did peer support come to India" names
        # only a place, which "(... Survey of India, 2015)" shares.
        if not any(concept.term not in reading.place_terms for concept in asked):
            return False
        for cited, cited_terms in self._cited(doc_id):
            # The words first: the type's regex is compiled only for a citation naming the work
            # (a cached index otherwise compiles none, `bot.cache`).
            if all(c.named_in(cited_terms) for c in asked) and self._type_patterns[kind].search(
                cited
            ):
                return True
        return False

    def _cited(self, doc_id: int) -> tuple[tuple[str, frozenset[str]], ...]:
        """The passage's parenthetical citations (`_CITATION_PARENS`), each with its terms;
        worked out the first time a question needs them for the passage."""
        found = self._citations_in.get(doc_id)
        if found is None:
            found = tuple(
                (cited.group(), frozenset(tokenize(cited.group())))
                for cited in _CITATION_PARENS.finditer(self.kb.snippets[doc_id].text)
            )
            self._citations_in[doc_id] = found
        return found

    def _holders(self, kind: str) -> frozenset[int]:
        """The passages holding a fact of this answer type (`_holds` of every one), worked out
        once per type: on a small knowledge base a set lookup per candidate is cheaper than a
        call, and every search filters its candidates by one type (`CITATION`). Not for a large
        one, whose snippets are each checked only when a question first touches them."""
        holders = self._type_holders.get(kind)
        if holders is None:
            holders = frozenset(
                doc_id for doc_id in range(len(self.kb.snippets)) if self._holds(doc_id, kind)
            )
            self._type_holders[kind] = holders
        return holders

    def _places_of(self, doc_id: int) -> frozenset[str]:
        """The jurisdictions the passage is about (ids)."""
        places = self._places.get(doc_id)
        if places is None:
            # Curated asks may name the place a passage is about when its text does not
            # ("the Mental Health Care Act" is India's), and so may the work it is quoted from:
            # every passage of "Dual Diagnosis Anonymous: first UK pilot" is about the UK, and
            # of a study its description places in Hong Kong, about Hong Kong.
            snippet = self.kb.snippets[doc_id]
            source = self.kb.sources.get(snippet.source_id)
            work = (
                [source.title or "", source.label or "", getattr(source, "description", "") or ""]
                if source is not None
                else []
            )
            text_words = words(" ".join([snippet.text, *getattr(snippet, "asks", ()), *work]))
            found = {
                place.id for place in self._reader.find_places(text_words)[0] if place.topic is None
            }
            # A region is met by the passages of the topic about it (`Place.topic`), not by
            # its words: "Peer Support Around the World" names the work of a US organisation.
            found.update(place.id for place in self._regions if place.topic in snippet.topics)
            places = self._places[doc_id] = frozenset(found)
        return places

    def _ask_index(self) -> _AskIndex:
        """Every curated ask as its own document, built on first use (see `_coverage`)."""
        if self._asks is None:
            self._asks = _AskIndex.build(self.kb)
        return self._asks

    # --- search ---------------------------------------------------------------------------------

    def _dense_fields(self) -> DenseFields | None:
        """Both fields as one dense table, for a knowledge base small enough (`DenseFields`).

        Built on first use and published as one object, so a thread sees all of it or none.
        """
        dense = self._dense
        if dense is None:
            dense = DenseFields.build(self.engine, self.asks_engine, ASKS_WEIGHT) or False
            self._dense = dense
        return None if isinstance(dense, bool) else dense

    def _fused(self, query_terms: Sequence[str]) -> tuple[IdArray, FloatArray]:
        """(doc ids ascending, fused score) of every snippet sharing a term in either field."""
        dense = self._dense_fields()
        if dense is not None:
            return dense.fused(query_terms)
        passages = self.engine.dense_scores(query_terms)
        asks = self.asks_engine.dense_scores(query_terms) if passages is not None else None
        if passages is not None and asks is not None:
            # Both fields' postings are dense (a small knowledge base): fused over every
            # snippet at once, the same two sums added the same way, then the candidates kept.
            ids = np.flatnonzero(passages[0] | asks[0]).astype(np.int32)
            return ids, (passages[1] + ASKS_WEIGHT * asks[1])[ids]
        p_ids, p_scores = self.engine.candidate_scores(query_terms)
        a_ids, a_scores = self.asks_engine.candidate_scores(query_terms)
        if a_ids.size == 0:
            return p_ids, p_scores
        ids = _union(p_ids, a_ids).astype(np.int32)
        fused = np.zeros(ids.size, dtype=np.float64)
        fused[np.searchsorted(ids, p_ids)] += p_scores
        fused[np.searchsorted(ids, a_ids)] += ASKS_WEIGHT * a_scores
        return ids, fused

    def _top(self, query_terms: Sequence[str], n: int) -> list[tuple[int, float]]:
        """The n best (doc id, fused score) of the snippets sharing a term with the query."""
        dense = self._dense_fields()
        if dense is not None:
            return dense.top(query_terms, n)  # a small knowledge base: one table, one sort
        if not any(term in self.asks_engine for term in query_terms):
            # The asks field scores nothing: the passage field's own top n, from its dense
            # scores when that gives the same list (see PostingsBM25.top_candidates).
            top = self.engine.top_candidates(query_terms, n)
            if top is not None:
                return top
        ids, scores = self._fused(query_terms)
        return select_top(ids, scores, n)

    def _small(self) -> bool:
        """Whether the knowledge base is small enough for `_coverage_bits`: the passage field
        and the asks as documents keep dense tables."""
        return self.engine.has_bits() and self._ask_index().engine.has_bits()

    def _coverage(
        self,
        concepts: Sequence[_Concept],
        doc_ids: IdArray,
        places: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
    ) -> np.ndarray:
        """Weight covered per doc: by the passage (and the work it is quoted from) together with
        its best single curated ask.

        One ask at a time, not the union of all asks: words scattered over several questions a
        passage answers are not evidence that it answers this one. But an ask and the passage it
        belongs to do add up: the ask paraphrases how staff put the question ("pick DDA over AA")
        and the passage holds the source's own words ("mental health and substance use"), so a
        question mixing both wordings is the question that ask and passage answer together. A
        word only the work's label or description has counts `SOURCE_FACTOR` of its weight (see
        `_in_source`). A named place
        (`places`: its terms, the place ids) is covered by a passage about that place, even when
        only the work it is quoted from names it ("how many did the UK DDA study interview").
        """
        place_terms, place_ids = places
        # Every term of every wording, one column each, checked for all candidates at once.
        columns: dict[str, int] = {}
        for concept in concepts:
            for alternative in concept.alternatives:
                for term in alternative:
                    columns.setdefault(term, len(columns))
        terms = list(columns)
        weights = np.asarray([concept.weight for concept in concepts], dtype=np.float64)
        wordings = _wordings(concepts, columns)
        holding = self.engine.holding(terms, doc_ids)
        named = [column for column, term in enumerate(terms) if self._is_proper_name(term)]
        if named:
            # A concept's name in a passage's labels only is not the passage naming it.
            holding = holding.copy()
            for row, doc_id in enumerate(doc_ids.tolist()):
                for column in named:
                    if self._label_only(terms[column]) >> doc_id & 1:
                        holding[row, column] = False
        held = _held(holding, wordings)
        # Each concept's weight where the passage holds it: one column per concept.
        parts = np.where(held, weights, 0.0)
        about_place: np.ndarray | None = None
        with_term = self._source_word_index().with_term
        for number, concept in enumerate(concepts):
            if concept.term in place_terms:
                if about_place is None:
                    about_place = np.asarray(
                        [
                            bool(place_ids & self._places_of(doc_id)) if place_ids else False
                            for doc_id in doc_ids.tolist()
                        ],
                        dtype=bool,
                    )
                parts[:, number] = concept.weight * about_place
            elif concept.term.startswith(_TYPE_PREFIX):
                kind = concept.term[len(_TYPE_PREFIX) :]
                present = np.asarray(
                    [self._holds(doc_id, kind) for doc_id in doc_ids.tolist()], dtype=bool
                )
                parts[:, number] = concept.weight * present
            elif (
                len(concept.alternatives) > 1 or concept.term in with_term or concept.work_passages
            ):
                # (A concept worded only by its own term that no work's words hold is described
                # by no work: `_in_source` would say None.)
                described = self._in_source(concept.alternatives, doc_ids)
                if concept.work_passages:
                    # A work's name beside its author's: in that work (`_name_the_work`).
                    of_work = np.isin(doc_ids, list(concept.work_passages))
                    described = of_work if described is None else described | of_work
                if described is not None:
                    parts[described & ~held[:, number], number] = SOURCE_FACTOR * concept.weight
        # Summed concept by concept, in order (accumulate adds left to right, as `+=` did).
        covered: FloatArray = np.cumsum(parts, axis=1)[:, -1]
        asks = self._ask_index()
        if asks.engine.size == 0:
            return covered  # no snippet has curated asks
        ask_ids, owner = asks.of(doc_ids)
        if ask_ids.size == 0:
            return covered
        # Each candidate ask's covered weight, concept by concept the larger of the ask's and its
        # passage's, summed in concept order as for the passage; then each passage keeps its best.
        in_asks = np.where(_held(asks.engine.holding(terms, ask_ids), wordings), weights, 0.0)
        per_ask = np.cumsum(np.maximum(in_asks, parts[owner]), axis=1)[:, -1]
        best = np.zeros(doc_ids.size)
        np.maximum.at(best, owner, per_ask)
        return np.asarray(np.maximum(covered, best))

    def _coverage_bits(
        self,
        concepts: Sequence[_Concept],
        doc_ids: Sequence[int],
        places: tuple[frozenset[str], frozenset[str]],
    ) -> list[float]:
        """`_coverage` on a small knowledge base: the same floats, each the same additions in
        the same order, without numpy.

        Which documents and asks hold each concept is a few integer ANDs and ORs over every
        document at once (`PostingsBM25.bits`); the rest is a bit test per candidate and
        concept. On a few dozen candidates numpy's cost per call (about twenty calls) was most
        of the coverage check. An ask changes a passage's sum only where it holds a concept
        the passage does not fully cover: any other ask's sum is the passage's own, so only
        those asks are added up. A concept adding nothing (0.0) is skipped: with every weight
        positive, adding 0.0 to a sum from 0.0 changes no bit of it.
        """
        place_terms, place_ids = places
        asks = self._ask_index()
        every_passage = (1 << self.engine.size) - 1
        every_ask = (1 << asks.engine.size) - 1
        term_bits, bits_of = self._term_bits, self._bits_of
        # Per concept: its weight and the documents where its part is that weight, the part
        # where only the work a passage is quoted from is described by it, and where; then the
        # asks holding it.
        parts: list[tuple[float, int, float, int, int]] = []
        wordings_bits = self._wordings_bits
        for concept in concepts:
            # Kept per set of wordings: a question's second look at its subject, and later
            # questions, ask about the same concepts again.
            wordings = frozenset(concept.alternatives)
            known = wordings_bits.get(wordings)
            if known is None:
                held_passage = held_ask = described = 0
                for alternative in wordings:
                    wording_passage, wording_ask = every_passage, every_ask
                    # The passages quoted from a work whose words hold the wording: a passage
                    # has one work, so those holding each term's works. (An empty wording would
                    # have every work describe it, but then every passage holds it too.)
                    wording_work = every_passage
                    for term in alternative:
                        in_passages, in_asks, in_works = term_bits.get(term) or bits_of(term)
                        wording_passage &= in_passages
                        wording_ask &= in_asks
                        wording_work &= in_works
                    held_passage |= wording_passage
                    held_ask |= wording_ask
                    described |= wording_work
                if len(wordings_bits) >= _MAX_CORRECTIONS:
                    wordings_bits.clear()  # questions' unknown words must not grow it forever
                known = wordings_bits[wordings] = (held_passage, held_ask, described)
            held_passage, held_ask, described = known
            weight = concept.weight
            if concept.term in place_terms:
                # A place is covered by a passage about it, held or not.
                about = 0
                if place_ids:
                    for doc_id in doc_ids:
                        if place_ids & self._places_of(doc_id):
                            about |= 1 << doc_id
                parts.append((weight, about, 0.0, 0, held_ask))
            elif concept.term.startswith(_TYPE_PREFIX):
                kind = concept.term[len(_TYPE_PREFIX) :]
                holders = self._holders(kind)
                holding = 0
                for doc_id in doc_ids:
                    if doc_id in holders:
                        holding |= 1 << doc_id
                parts.append((weight, holding, 0.0, 0, held_ask))
            else:
                for doc_id in concept.work_passages:
                    # A work's name beside its author's: in that work (`_name_the_work`).
                    described |= 1 << doc_id
                parts.append((weight, held_passage, SOURCE_FACTOR * weight, described, held_ask))
        own_asks = self._ask_bits()
        # A concept no candidate holds, in its text or its work's, adds to no candidate's sum:
        # it only lets its asks lift each one (`idle_asks`), and the sums skip it.
        candidates = 0
        for doc_id in doc_ids:
            candidates |= 1 << doc_id
        idle_asks = 0
        adding: list[tuple[float, int, float, int, int]] = []
        for part in parts:
            if (part[1] | part[3]) & candidates:
                adding.append(part)
            else:
                idle_asks |= part[4]
        covered: list[float] = []
        for doc_id in doc_ids:
            bit = 1 << doc_id
            # Added left to right, as numpy's cumsum did (not `sum`: Python 3.12 compensates).
            total = 0.0
            lifting = idle_asks  # the asks holding a concept this passage covers less than fully
            for weight, full, source_weight, source, in_asks in adding:
                if full & bit:
                    total += weight
                else:
                    lifting |= in_asks
                    if source & bit:
                        total += source_weight
            lifting &= own_asks[doc_id]
            while lifting:
                ask_bit = lifting & -lifting
                lifting ^= ask_bit
                # The ask's sum: each concept it holds at its full weight.
                per_ask = 0.0
                for weight, full, source_weight, source, in_asks in parts:
                    if full & bit or in_asks & ask_bit:
                        per_ask += weight
                    elif source & bit:
                        per_ask += source_weight
                if per_ask > total:
                    total = per_ask
            covered.append(total)
        return covered

    def _bits_of(self, term: str) -> tuple[int, int, int]:
        """(passages holding `term`, asks holding it, passages whose work's words hold it) as
        bits (`PostingsBM25.bits`, `_described_bits`), for `_coverage_bits`: one lookup a term
        there instead of three calls. Kept for a term any of them knows (the vocabularies
        bound it); a term none knows is (0, 0, 0) and not kept."""
        found = (
            self.engine.bits(term) & ~self._label_only(term),
            self._ask_index().engine.bits(term),
            self._described_bits(term),
        )
        if any(found):
            self._term_bits[term] = found
        return found

    def _is_proper_name(self, term: str) -> bool:
        """Whether `term` is the one-word name of a concept that is no role and no word of the
        field itself: what `_label_only` does not let a label cover."""
        names = self._proper_names
        if names is None:
            one_word = (
                stem
                for concept_id, stems in self._one_word_names.items()
                if concept_id not in self.kb.roles
                for stem in stems
            )
            # The words of a longer name that the passages use only in it: the label "Policy
            # and announcements (VA, SAMHSA, Affordable Care Act ...)" made the Hong Kong
            # passage filed there name the ACA. ("Care" is also care, "better care for
            # veterans"; "affordable" is said only in the Act's name.)
            spelled_out = (
                term
                for concept_id, _, names_of in _named(self.kb)
                if concept_id not in self.kb.roles
                for name in names_of
                if _is_title_cased(name)
                for spelled in [frozenset(tokenize(name))]
                for term in spelled
                if not self._field_word(term) and self._only_in_name(term, spelled)
            )
            names = self._proper_names = frozenset(
                itertools.chain(
                    (stem for stem in one_word if not self._field_word(stem)), spelled_out
                )
            )
        return term in names

    def _only_in_name(self, term: str, name: frozenset[str]) -> bool:
        """Whether every passage whose text holds `term` holds the whole name it is a word of:
        the word says that name wherever a passage says it."""
        holding = self.engine.holding([term], np.arange(self.engine.size, dtype=np.int32))[:, 0]
        return all(
            name <= self._passage_terms(doc_id)
            for doc_id in np.flatnonzero(holding).tolist()
            if term in self._passage_terms(doc_id)
        )

    def _label_only(self, term: str) -> int:
        """Bits of the passages whose topics' labels hold `term` but whose text does not, when
        it is a concept's one-word name (an agency, programme, law or payer: VA, SAMHSA, DDA,
        Medicaid, WRAP); 0 for any other term.

        A topic's label lists what the topic is about ("Policy and announcements (VA, SAMHSA,
        Affordable Care Act ...)"), not what each of its passages says: the passage on Hong
        Kong's services since 2015 is filed there, and so "covered" the VA of "what outcomes
        have veterans had from VA peer counselors?". A name is covered by a passage that names
        it (or by its asks, or its work's words). Label words that are no name ("outcomes",
        "settings") still cover, and so do role titles and authors (`_document_labels`): a
        passage filed under the DDA facilitator role is about DDA. The field's own words
        ("peer") name nothing and stay.
        """
        if not self._is_proper_name(term):
            return 0
        found = self._label_only_bits
        if found is None:
            found = self._label_only_bits = self._labels_only_naming()
        return found.get(term, 0)

    def _labels_only_naming(self) -> dict[str, int]:
        """`_label_only` for every one-word name at once: each topic's label tokenized once,
        not each passage's labels once for each name a question brings. (A label's terms are
        its words' terms: the terms of a passage's labels are those of its topics' labels.)
        Only a passage whose labels hold a name has its own text's terms looked at."""
        names = self._is_proper_name
        named_in: dict[str, frozenset[str]] = {}
        for topic_id, topic in self.kb.topics.items():
            named_in[topic_id] = frozenset(term for term in tokenize(topic.label) if names(term))
        found: dict[str, int] = {}
        for doc_id, snippet in enumerate(self.kb.snippets):
            named = frozenset().union(*(named_in[topic] for topic in snippet.topics))
            if not named:
                continue
            text_terms = self._passage_terms(doc_id)
            for term in named:
                if term not in text_terms:
                    found[term] = found.get(term, 0) | 1 << doc_id
        return found

    def _ask_bits(self) -> list[int]:
        """Each snippet's asks (documents of `_ask_index`) as the bits of one int, by doc id."""
        found = self._asks_as_bits
        if found is None:
            starts = self._ask_index().first.tolist()
            found = [
                ((1 << (end - first)) - 1) << first for first, end in itertools.pairwise(starts)
            ]
            self._asks_as_bits = found
        return found

    def _described_bits(self, term: str) -> int:
        """The passages quoted from a work whose words (`_SourceWords`) hold `term`, as the
        bits of one int; kept per term of those words (they bound it), 0 for any other."""
        found = self._described_by_term.get(term)
        if found is None:
            works = self._source_word_index().with_term.get(term)
            if not works:
                return 0
            found = 0
            for work in works:
                found |= self._work_bits()[work]
            self._described_by_term[term] = found
        return found

    def _work_bits(self) -> list[int]:
        """Each work's passages (by `_SourceWords` position) as the bits of one int."""
        found = self._works_as_bits
        if found is None:
            words_of = self._source_word_index()
            found = [0] * words_of.count
            for doc_id, work in enumerate(words_of.works):
                if work >= 0:
                    found[work] |= 1 << doc_id
            self._works_as_bits = found
        return found

    def _examine(
        self,
        reading: _Reading,
        top: Sequence[tuple[int, float]],
        concepts: Sequence[_Concept] | None = None,
    ) -> _Examined:
        """Coverage and evidence of each candidate, as numbers: a `Hit` is made only for the
        candidates a decision looks at (`_Examined.strong`, `hits`), not for all of them."""
        concepts = reading.concepts if concepts is None else concepts
        total = sum(concept.weight for concept in concepts)
        if not total:
            covered = [0.0] * len(top)
            return _Examined(top, covered, covered)
        places = (
            reading.place_terms,
            frozenset(place.id for place in reading.question.required_places),
        )
        unknown = self._unknown_weight
        asked = [concept for concept in concepts if not concept.context]
        if len(asked) < len(concepts) and asked:
            return self._examine_with_context(concepts, asked, top, places)
        if self._small():
            covered = self._coverage_bits(concepts, [doc_id for doc_id, _ in top], places)
            return _Examined(
                top,
                [weight / total for weight in covered],
                [weight / unknown for weight in covered],
            )
        ids = np.asarray([doc_id for doc_id, _ in top], dtype=np.int32)
        weights = self._coverage(concepts, ids, places)
        # numpy divides float64 by a float as Python does (IEEE division): the same floats.
        return _Examined(top, (weights / total).tolist(), (weights / unknown).tolist())

    def _examine_with_context(
        self,
        concepts: Sequence[_Concept],
        asked: Sequence[_Concept],
        top: Sequence[tuple[int, float]],
        places: tuple[frozenset[str], frozenset[str]],
    ) -> _Examined:
        """`_examine` when some concepts are the ask's context (`_Concept.context`): each
        passage is measured against the ask's own concepts and the context it holds, so context
        a passage shares adds to its coverage and context it lacks takes nothing away."""
        doc_ids = [doc_id for doc_id, _ in top]
        if self._small():
            every = self._coverage_bits(concepts, doc_ids, places)
            own = self._coverage_bits(asked, doc_ids, places)
        else:
            ids = np.asarray(doc_ids, dtype=np.int32)
            every = self._coverage(concepts, ids, places).tolist()
            own = self._coverage(asked, ids, places).tolist()
        total = sum(concept.weight for concept in asked)
        unknown = self._unknown_weight
        coverage = [
            weight / (total + max(weight - alone, 0.0))
            for weight, alone in zip(every, own, strict=True)
        ]
        return _Examined(top, coverage, [weight / unknown for weight in every])

    def _hits(
        self,
        reading: _Reading,
        top: Sequence[tuple[int, float]],
        concepts: Sequence[_Concept] | None = None,
    ) -> list[Hit]:
        return self._examine(reading, top, concepts).hits(self.kb.snippets)

    def _lacks_a_sides_role(self, reading: _Reading, hit: Hit) -> bool:
        """Whether a side of a comparison names a role the passage is not about. "Peer
        support worker vs certified peer specialist": a passage on how CPSs split their time
        between *supporting* individuals and groups has a word of each side, but compares
        nothing about peer support workers. When both sides are roles, each is met only in a
        passage the curator tagged with it (`roles:`); a side that is no role ("non-peer
        paraprofessionals") is left to its words, as are passages on peers in general."""
        sides = reading.question.sides
        if sides is None:
            return False
        side_roles = [
            [
                concept
                for concept in reading.named
                if concept in self.kb.roles and reading.named_at.get(concept) in side
            ]
            for side in sides
        ]
        if not all(side_roles):
            return False
        tagged = hit.snippet.roles
        return any(not any(role in tagged for role in roles) for roles in side_roles)

    def _unmet(self, reading: _Reading, hit: Hit) -> tuple[bool, tuple[Place, ...]]:
        """(whether the frame's answer type is missing, the named places the passage lacks)."""
        question = reading.question
        doc_id = self._doc_ids[hit.snippet.id]
        frame = question.frame
        type_missing = False
        if frame is not None and frame.needs is not None:
            if frame.needs == NOT_IN_SOURCES:
                type_missing = True
            elif frame.needs == BOTH_SIDES:
                favours = False
                if reading.side_concepts is not None:
                    # Each side is represented by its concept next to the cue ("community"
                    # vs "site"), so a word every passage shares ("peer") cannot stand in.
                    left, right = reading.side_concepts
                    terms = self._passage_terms(doc_id)
                    present = [
                        _side_present(side, terms, last=last)
                        for side, last in ((left, True), (right, False))
                    ]
                    type_missing = not all(present)
                    # "Which has the stronger research, group or individual?": research "most
                    # favorable for manualized, group interventions" names the side it favours,
                    # which answers the choice without naming the other.
                    favours = (
                        type_missing
                        and any(present)
                        and FAVOURS_ONE in self._type_patterns
                        and self._holds(doc_id, FAVOURS_ONE)
                    )
                    type_missing = type_missing and not favours
                # Both sides named is not yet a comparison: the passage must compare ("as much
                # time on site as in the community", "equally effective", "a strength of DDA
                # in comparison to"), not list where peers work.
                # "Are X and Y the same job?": a list naming both as one answers it.
                if (
                    not type_missing
                    and not favours
                    and COMPARATIVE in self._type_patterns
                    and "same" not in question.words
                ):
                    type_missing = not self._holds(doc_id, COMPARATIVE)
                if not type_missing and not favours:
                    type_missing = self._lacks_a_sides_role(reading, hit)
                if not type_missing and not favours and _weighs_effect(question.words):
                    type_missing = EFFECT in self._type_patterns and not self._holds(doc_id, EFFECT)
                if (
                    not type_missing
                    and TIME_SPLIT in self._type_patterns
                    and _WEIGHS_QUALITY.intersection(question.words)
                    and not _ABOUT_TIME.intersection(question.words)
                ):
                    # "Which is better, group or individual peer support?": how CPSs split
                    # their time between the two says which they do more, not which is better.
                    type_missing = self._holds(doc_id, TIME_SPLIT)
            elif frame.needs in self._type_patterns:
                type_missing = (
                    not (
                        self._holds_asked(doc_id, frame.needs, question)
                        or self._cited_holds(reading, doc_id, frame.needs)
                    )
                    or not self._qualified(frame, question, self._passage_terms(doc_id))
                    or not _ranks_as_asked(question, self._passage_terms(doc_id))
                    or (
                        frame.counted
                        and not _counts(
                            frame,
                            question,
                            hit.snippet.text,
                            *self._counted_names(reading),
                            common=self._field_word,
                            about_a_work=bool(self._works_named(question.words)),
                            roles=self._role_terms(reading),
                            wordings=_term_wordings(reading),
                        )
                    )
                )
                if not type_missing and not frame.counted:
                    needs = frame.needs
                    type_missing = not _share_of_units_bound(
                        question,
                        hit.snippet.text,
                        lambda: self._type_patterns[needs],
                        self._role_terms(reading),
                        self._field_word,
                        _term_wordings(reading),
                    )
                if not type_missing and frame.needs == ORIGIN:
                    type_missing = not self._creates_the_subject(reading, doc_id)
                if frame.strict and not type_missing:
                    # The typed fact must be about the subject: the passage's own words (not
                    # its labels or asks) cover nearly all of what the ask is about. Only words the
                    # passages know count: a word no passage has ("toward") names no subject
                    # to check. One "most specific word" was too brittle for paraphrases ("to
                    # build peer groups" for "to foster peer groups").
                    subject = [
                        c
                        for c in reading.concepts
                        if not c.term.startswith(_TYPE_PREFIX)
                        and c.term not in filler_terms()
                        and c.term not in reading.place_terms
                        and (self._weight(c.term) > 0 or len(c.alternatives) > 1)
                    ]
                    total = sum(c.weight for c in subject)
                    terms = self._passage_terms(doc_id)
                    if frame.needs in _CITING:
                        # A byline names its work by authors only: "the pages of the DDA study"
                        # names the work by its subject, which its description holds; only
                        # words no other work's description has ("the Mental Health America
                        # report" is none of them).
                        words_of = self._source_word_index()
                        work = words_of.works[doc_id]
                        if work >= 0:
                            terms |= words_of.only_in[work]
                    found = sum(c.weight for c in subject if c.named_in(terms))
                    type_missing = total > 0 and found < STRICT_COVERAGE * total
            if not type_missing and frame.names_counted:
                type_missing = not self._names_the_counted(reading, doc_id)
            if not type_missing and frame.names_dated:
                type_missing = not self._names_the_named(reading, doc_id)
            if not type_missing and frame.needs != NOT_IN_SOURCES:
                # "The Goutam paper's sample", "which journal is the Rogers paper in": a typed
                # fact about a work named by its author comes from that work, not another one's.
                works = self._works_named(question.words)
                type_missing = bool(works) and hit.snippet.source_id not in works
        if frame is not None and frame.not_kinds and not type_missing:
            source = self.kb.sources.get(hit.snippet.source_id)
            type_missing = source is not None and source.kind in frame.not_kinds
        if frame is not None and frame.not_types and not type_missing:
            type_missing = any(
                kind in self._type_patterns and self._holds(doc_id, kind)
                for kind in frame.not_types
            )
        if not type_missing and frame is not None and frame.of_work:
            type_missing = self._only_mentions(question, doc_id)
        if not type_missing and (frame is None or frame.needs != NOT_IN_SOURCES):
            # "Did the DDA study use NVivo?", "how were the Hong Kong interviews analysed?": a
            # study named by its subject or place is that work's; another study's methods are
            # no answer about it.
            type_missing = bool(reading.study) and hit.snippet.source_id not in reading.study
        if not type_missing and reading.study:
            type_missing = self._off_the_works_topic(reading, doc_id)
        if (
            not type_missing
            and frame is not None
            and frame.of_agent
            and question.required_places
            and not reading.study
            and CHANGES in self._type_patterns
        ):
            # "Does peer support work in Hong Kong?": a passage naming the place (its adoption of
            # peer services) must also say something changed; naming it is no finding on it.
            # Not when the question names a work ("the India conceptual paper - does it doubt
            # peer support can work there?"): what that work says answers.
            type_missing = not self._holds(doc_id, CHANGES)
        if (
            not type_missing
            and frame is not None
            and frame.place_on_topic
            and any(place.topic is None for place in question.required_places)
        ):
            # "Who pays for peer support in India?": a passage naming India must be on the
            # frame's topic (funding); one on India's social and economic challenges is not.
            type_missing = not set(frame.topics).intersection(hit.snippet.topics)
        if not type_missing and frame is not None and frame.of_agent:
            agent = self._agent_terms(question)
            if agent:
                named = self._passage_terms(doc_id)
                # A passage of the DDA study speaks of "the programme": the work's own words
                # (those no other work's description has) name what it studied.
                words_of = self._source_word_index()
                work = words_of.works[doc_id]
                if work >= 0:
                    named = named | words_of.only_in[work]
                type_missing = not agent <= named
        required = question.required_places
        places = self._places_of(doc_id) if required else frozenset()
        lacking = tuple(place for place in required if place.id not in places)
        return type_missing, lacking

    def _agent_terms(self, question: Question) -> frozenset[str]:
        """The terms of what acts in an effect question ("does *medication* reduce ..."): the
        words the cue's wildcard stood for. Empty when that is peer support under any of its
        names or a role ("do *peers* reduce ...", "would *hiring a recovery coach* help"), or
        only a pronoun or a generic word for the program asked about ("does *it* work", "does
        *the program* help"): the sources' findings are about exactly that.
        """
        at = question.frame_positions
        if len(at) < 2 or question.words[min(at)] not in _AGENT_AUXILIARIES:
            return frozenset()
        span = [
            question.words[i]
            for i in range(min(at) + 1, max(at))
            if i not in at and question.words[i] not in TOPICLESS_ADVERBS
        ]
        span_terms = terms(span)
        if (
            not span_terms
            # "does *anyone know if* ...", "can *you tell me whether* ...": not what acts.
            or _NOT_AN_AGENT.intersection(span)
            or _contains_any_run(span_terms, self._peer_support_names())
        ):
            return frozenset()
        return frozenset(span_terms) - filler_terms() - _GENERIC_AGENT_TERMS

    def _peer_support_names(self) -> tuple[tuple[str, ...], ...]:
        """Every role's names and those of concepts that are peer support (`peer_support`), as
        runs of terms, made on the first effect question."""
        if self._peer_names is None:
            names = [name for role in self.kb.roles.values() for name in role.names]
            names += [
                name
                for concept in self.kb.concepts.values()
                if concept.peer_support
                for name in concept.names
            ]
            self._peer_names = tuple({tuple(run) for run in map(tokenize, names) if run})
        return self._peer_names

    def _off_the_works_topic(self, reading: _Reading, doc_id: int) -> bool:
        """Whether a passage of the work a question names by its author covers too little of
        what is asked about the work once the author's name is set aside.

        Naming a work by its author ("the Rogers paper", "Salzer's survey") says where to
        look, not what about: the surname is in every passage's byline or work, so it covered
        the question for any passage of it ("what did the Rogers paper find about
        hospitalization?" got Rogers's job title). The work is a filter: the passage must still
        cover some of the rest (`_WORK_TOPIC_COVERAGE`), counted as coverage always is (its
        text, its work, its best curated ask). A typed fact of a work (its year, its sample) is
        left to its frame, which checks the type and the work.
        """
        frame = reading.question.frame
        if frame is not None and frame.needs is not None:
            return False  # a typed fact of the work is checked by its type and its work
        source = self.kb.sources.get(self.kb.snippets[doc_id].source_id)
        if source is None:
            return False
        naming = self._surnames(source) | set(self._mentioned_named(reading.question))
        rest = [
            c
            for c in reading.concepts
            if c.term not in naming
            and c.term not in _STUDY_STEMS
            and not c.context
            and not c.work_passages
            and c.term not in filler_terms()
        ]
        if len(rest) == len(reading.concepts):
            return False  # the work is named by no word of its own
        rest = [c for c in rest if c.term not in _WHOLE_WORK_STEMS]
        cited = self._mentioned_named(reading.question)
        cited_only = bool(cited) and self._surnames(source).isdisjoint(
            map(_key, reading.question.words)
        )
        if cited_only and self._names_another_cited(doc_id, cited):
            # "What did grant and colleagues say": the blog's passages on Salzer's survey say
            # nothing of Grant's article. (One saying "the authors found" may be of either.)
            return True
        if not rest:
            return False  # nothing asked but the work ("what does the Goutam paper cover?")
        if cited_only:
            # A work the passage only cites ("what did Cronise 2016 find about employment"):
            # what the passage says of it is its sentence (or an ask of it), not the label of
            # the topic it is filed under ("programs that employ them").
            total = sum(c.weight for c in rest)
            said = self._said_terms(doc_id)
            found = sum(c.weight for c in rest if any(c.named_in(terms) for terms in said))
            return found < _WORK_TOPIC_COVERAGE * total
        examined = self._examine(reading, [(doc_id, 0.0)], rest)
        return examined.coverage[0] < _WORK_TOPIC_COVERAGE

    def _names_another_cited(self, doc_id: int, cited: Sequence[str]) -> bool:
        """Whether the passage names the author of a cited work other than these, not these."""
        terms = self._passage_terms(doc_id)
        if not terms.isdisjoint(cited):
            return False
        others = {_key(name) for name in self._mentioned_works()} - set(cited)
        return not terms.isdisjoint(others)

    @staticmethod
    def _surnames(source: Source) -> set[str]:
        """The terms of a work's authors' surnames ("the Rogers paper", "Halsall et al.")."""
        found: set[str] = set()
        for author in source.authors:
            parts = author.replace(".", " ").split()
            if parts:
                found.update(tokenize(parts[-1]))
        return found

    def _mentioned_works(self) -> dict[str, tuple[int, ...]]:
        """{surname: the passages naming it} for the works the sources only mention ("a 2010
        study by Salzer and colleagues"), worked out on first use."""
        if self._mentioned is None:
            self._mentioned = work_facts.mentioned_works(self.kb.snippets)
        return self._mentioned

    def _mentioned_named(self, question: Question) -> list[str]:
        """The words of a question naming a work the sources only mention ("Salzer")."""
        mentioned = self._mentioned_works()
        return [_key(word) for word in question.words if word in mentioned]

    def _only_mentions(self, question: Question, doc_id: int) -> bool:
        """Whether the question asks about a work the sources only mention, and this passage
        does not report what it found: "what did Rogers find in the self-disclosure research
        she mentions" / "... along with research on self-disclosure may be useful frameworks",
        "what did the Peers for Progress blog on community health workers conclude" / "as
        discussed in our recent blog on community health workers".

        The words describing the work asked about (`_work_descriptors`), beyond a passage's
        own work's names and the field's common words, all stand in some passage's mention of
        another work (`mentions_work`): that work is one the sources cite. A passage answers
        about it only when it names it and reports what a work found (`reports_finding`: "a
        recent article by Grant and colleagues noted that ..."); another passage of the citing
        work (the rest of the Peers for Progress blog) is not about it."""
        descriptors = _work_descriptors(question.words, question.frame_positions)
        if not descriptors or MENTIONS_WORK not in self._type_patterns:
            return False
        wanted = self._wanted_of_work(descriptors, doc_id)
        if not wanted or not any(
            self._mentioned_in(wanted, other) for other in self._holders(MENTIONS_WORK)
        ):
            return False
        if not wanted <= self._passage_terms(doc_id):
            # "What did it conclude" asks for the work's own content, which a passage not naming
            # it does not give; "did the Salzer survey prove CPSs improve outcomes" is answered
            # by one saying that evaluation is still needed.
            return bool(question.words) and question.words[0] in _OPEN_WORDS
        return not (REPORTS_FINDING in self._type_patterns and self._holds(doc_id, REPORTS_FINDING))

    def _wanted_of_work(self, descriptors: frozenset[str], doc_id: int) -> frozenset[str]:
        """The descriptors that are not the passage's own work's names (its label, title, kind,
        authors: not its description, which may name the works it cites) nor the field's
        common words."""
        source = self.kb.sources.get(self.kb.snippets[doc_id].source_id)
        own: frozenset[str] = frozenset()
        if source is not None:
            names = [source.label or "", source.title or "", source.kind or "", *source.authors]
            own = frozenset(tokenize(" ".join(names)))
        # "The Milani *et al* paper": "and colleagues" names whose work it is, as "Salzer and
        # colleagues" does in a passage citing another.
        own |= _WITH_AUTHOR_TERMS
        wanted = frozenset(term for term in descriptors - own if not self._field_word(term))
        # A year alone ("that 2017 review") describes no work: many appeared that year.
        return wanted if any(not term[0].isdigit() for term in wanted) else frozenset()

    def _mentioned_in(self, descriptors: frozenset[str], doc_id: int) -> bool:
        """Whether a passage mentions a work described by all these words, as another work
        (its own work's names left out)."""
        wanted = self._wanted_of_work(descriptors, doc_id)
        if not wanted:
            return False
        return wanted <= self._mentioned_terms(doc_id)

    def _mentioned_terms(self, doc_id: int) -> frozenset[str]:
        """The terms of the passage's mentions of other works (`mentions_work`), found once:
        `_only_mentions` asks every passage holding one, for every candidate it checks."""
        terms = self._mentions.get(doc_id)
        if terms is None:
            found = self._type_patterns[MENTIONS_WORK].finditer(self.kb.snippets[doc_id].text)
            terms = frozenset(term for match in found for term in tokenize(match.group(0)))
            self._mentions[doc_id] = terms
        return terms

    def _names_the_counted(self, reading: _Reading, doc_id: int) -> bool:
        """Whether the passage names every concept (not role) the count or share question
        names: "how many people in India get peer support" is not answered by how many people
        in India are treated. A role is left to `_counts`, as a count of "peer-to-peer support
        counselors" counts peer specialists. A name's first word is enough: a count of
        "certified peer specialists" is one of peer support."""
        if _STUDY_STEMS.intersection(map(_key, reading.question.words)):
            # "How many people were in the Hong Kong bipolar peer support study": the names
            # say which study, and its sample is what is counted.
            return True
        if self._about_no_peers(reading, doc_id):
            return False
        return self._names_the_named(reading, doc_id) and (
            self._narrower_counted(reading, doc_id) is None
        )

    def _about_no_peers(self, reading: _Reading, doc_id: int) -> bool:
        """Whether a question naming a peer role got a passage that is about no peers at all
        (no role tagged, no peer named): "what percent of CPS work is one-on-one" is not
        answered by "one in four people is affected by any kind of mental disorder"."""
        if not any(concept_id in self.kb.roles for concept_id in reading.named):
            return False
        return not self.kb.snippets[doc_id].roles and _PEER_TERM not in self._passage_terms(doc_id)

    def _names_the_named(self, reading: _Reading, doc_id: int) -> bool:
        """Whether the passage names (by a name's first word) every concept, not role, the
        question names: a count or a date is of what the question names."""
        terms = self._passage_terms(doc_id)
        for concept_id in reading.named:
            if concept_id in self.kb.roles or concept_id not in self._first_name_terms:
                continue
            if self._first_name_terms[concept_id].isdisjoint(terms):
                return False
            if reading.question.frame is not None and reading.question.frame.needs == ONSET:
                # When something started is of the whole thing named: "state" names no
                # certification ("the past 30 years" of services dependent on state policies).
                if not any(name <= terms for name in self._name_terms.get(concept_id, ())):
                    return False
        return True

    def _narrower_counted(self, reading: _Reading, doc_id: int) -> str | None:
        """The question's words for a role or service narrower than (or other than) the one
        the passage counts, or None: "how many states certify *forensic* peer specialists?" is
        not answered by the 41 states certifying peer specialists, nor "how many states
        reimburse *recovery coach* services?" by the 16 reimbursing CPS services.

        A role that is not a general name for peer staff (`Role.general`) must be one the
        passage is tagged with or names, when it is tagged with roles: one counting peer
        services of no role ("35 of 50 states") counts CPS services among them. A word right
        before a role's or peer support's name ("*family* peer support"), or right after a bare
        "peer" ("peer *respite*"), must be said by the passage (its text or an ask) unless it
        is the field's own word, filler, a place, a frame cue, or the verb after the counted
        noun ("how many states *employ* peer specialists": the figure's act, not its kind)."""
        question = reading.question
        if _STUDY_STEMS.intersection(map(_key, question.words)):
            return None  # "how many were in the forensic peer study": the study's sample
        said = frozenset().union(*self._said_terms(doc_id))
        tagged = self.kb.snippets[doc_id].roles
        # A name next to another ("peer *credentials*", "*Medicaid* peer support") is checked
        # as a name: `_names_the_counted` holds the passage to the concepts named.
        named = {p for start, end, _ in reading.name_spans for p in range(start, end)}
        for start, end, concept_id in reading.name_spans:
            role = self.kb.roles.get(concept_id)
            concept = self.kb.concepts.get(concept_id)
            if role is None and (concept is None or not concept.peer_support):
                continue
            if (
                role is not None
                and not role.general
                and tagged
                and concept_id not in tagged
                and not any(names <= said for names in self._name_terms.get(concept_id, ()))
            ):
                return self._counted_phrase(question, start, end)
            if start - 1 not in named and self._qualifies(question, start - 1, said, before=True):
                return self._counted_phrase(question, start - 1, end)
            if (
                question.words[start:end] == ("peer",)
                and end not in named
                and question.words[end : end + 1] not in _ALL_PEER_WORK
                and self._qualifies(question, end, said)
            ):
                return self._counted_phrase(question, start, end + 1)
        return None

    def _qualifies(
        self, question: Question, position: int, said: frozenset[str], *, before: bool = False
    ) -> bool:
        """Whether the question's word at `position`, next to a role's or service's name,
        narrows what is counted and the passage does not say it (`_narrower_counted`)."""
        words = question.words
        if not 0 <= position < len(words):
            return False
        word = words[position]
        if (
            word in STOP_WORDS
            or word in FILLER_WORDS
            or word in TOPICLESS_ADVERBS
            or not word.isalpha()
            or position in question.frame_positions
            or position in question.place_positions
            or position in question.implicit_positions
        ):
            return False
        if before and position > 0:
            previous = words[position - 1]
            if (
                position - 1 in question.place_positions
                or _is_person(previous)
                or previous in _ANYONE
                or (previous.endswith("s") and previous not in STOP_WORDS)
            ):
                return False  # "how many states *certify* peer specialists": the verb
        term = _key(word)
        if not self._weight(term):
            term = self._correct(word) or term  # a typo of a known word is that word
        weight = self._weight(term)
        if term in filler_terms() or 0 < weight < COMMON_SIDE_WEIGHT * FIELD_WORD_FACTOR:
            return False
        return term not in said

    def _narrower_missing(self, reading: _Reading, hit: Hit) -> str | None:
        """What the sources lack when the nearest count is of a broader or other role or
        service than the one asked (`_narrower_counted`): "a figure for forensic peer
        specialists", with the passage counting peer specialists as related."""
        frame = reading.question.frame
        if frame is None or not frame.names_counted or reading.question.required_places:
            return None
        phrase = self._narrower_counted(reading, self._doc_ids[hit.snippet.id])
        return None if phrase is None else f"a figure for {phrase}"

    @staticmethod
    def _counted_phrase(question: Question, start: int, end: int) -> str:
        """The question's words from `start` to `end`, with a following "services" or
        "programs" ("recovery coach services"): what the sources give no figure for."""
        words = question.words
        if end < len(words) and words[end] in _SERVICE_WORDS:
            end += 1
        return " ".join(words[start:end])

    @staticmethod
    def _qualified(frame: Frame, question: Question, terms: frozenset[str]) -> bool:
        """Whether the passage names what a typed cue qualifies ("*attrition* rate").

        A frame with `type_words` checks only those cue words by the answer type; the cue's other
        words in the ask say what the figure is of, and a passage giving a share of something
        else ("one third of youth access services") is no attrition rate.
        """
        if not frame.type_words:
            return True
        qualifiers = frame_qualifiers(frame)
        wanted = {_key(word) for word in question.words if word in qualifiers}
        return wanted <= terms

    def _field_word(self, term: str) -> bool:
        """A word in so many passages ("peer", "support", "services") that it names nothing."""
        return 0 < self._weight(term) < COMMON_SIDE_WEIGHT

    def _counted_names(self, reading: _Reading) -> tuple[frozenset[str], frozenset[str]]:
        """(one-word names, every name's terms) of the roles and concepts a question names: what
        `_counts` accepts as the thing counted, and how it tells that a role is counted."""
        aliases = self._name_stems(reading)
        name_terms = frozenset().union(
            *(t for c in reading.named for t in self._name_terms.get(c, ())), aliases
        )
        return aliases, name_terms

    def _role_terms(self, reading: _Reading) -> frozenset[str]:
        """The terms of the names of the roles a question names, one-word names too."""
        roles = [c for c in reading.named if c in self.kb.roles]
        return frozenset().union(
            *(t for c in roles for t in self._name_terms.get(c, ())),
            *(self._one_word_names.get(c, ()) for c in roles),
        )

    def _name_stems(self, reading: _Reading) -> frozenset[str]:
        """Stems of the one-word names (plural too) of the roles and concepts a question names."""
        return frozenset().union(*(self._one_word_names.get(c, ()) for c in reading.named))

    def _study_named(
        self, question: Question, named: Sequence[str], keys: frozenset[str]
    ) -> frozenset[str]:
        """Ids of the one source a question asking about a study names ("the DDA study", "the
        Hong Kong interviews", "Salzer's survey" ... by its author): a concept, a place or an
        author whose passages all come from one work, with a study word in the question.
        Empty when the question names no study or names more than one work. (`keys`: the
        phrase keys of the question's words.)"""
        if _STUDY_STEMS.isdisjoint(keys):
            # "Which disorders does Goutam conclude it works best for": what a work found, the
            # work named by its author alone.
            if question.frame is None or not question.frame.of_work:
                return frozenset()
            named_works = self._works_named(question.words) or self._mentioned_in_works(question)
            return named_works if len(named_works) == 1 else frozenset()
        works = set(self._works_named(question.words) or self._mentioned_in_works(question))
        # "Programs like DDA": an example of a kind, not the study asked about.
        examples = not _EXAMPLE_WORDS.isdisjoint(question.words)
        for concept_id in () if examples else named:
            card = self._cards.get(concept_id, ())
            sources = {self.kb.snippets[doc_id].source_id for doc_id in card}
            if len(sources) == 1:
                works |= sources
        for place in () if examples else question.required_places:
            held = self._place_sources().get(place.id, frozenset())
            if len(held) == 1:
                works |= held
        return frozenset(works) if len(works) == 1 else frozenset()

    def _mentioned_in_works(self, question: Question) -> frozenset[str]:
        """The sources whose passages name a work the question names by an author no source
        has ("the Salzer study": the blog reporting a 2010 study by Salzer and colleagues)."""
        mentioned = self._mentioned_works()
        return frozenset(
            self.kb.snippets[doc_id].source_id
            for word in question.words
            for doc_id in mentioned.get(word, ())
        )

    def _place_sources(self) -> dict[str, frozenset[str]]:
        """For each place, the sources with a passage about it (counted once, then kept)."""
        if self._sources_by_place is None:
            found: dict[str, set[str]] = {}
            for doc_id, snippet in enumerate(self.kb.snippets):
                for place in self._places_of(doc_id):
                    found.setdefault(place, set()).add(snippet.source_id)
            self._sources_by_place = {place: frozenset(ids) for place, ids in found.items()}
        return self._sources_by_place

    def _works_named(self, question_words: Sequence[str]) -> frozenset[str]:
        """Ids of the sources whose author's surname the question names ("the Rogers paper").

        A year beside the surname that is one of its works' years says which of them is meant
        ("Davidson 2019": Tse's study, not Bellamy's review); one that is none leaves them all,
        and stays a word the passages must hold (`_work_naming`)."""
        by_surname = self._surname_works()
        named: set[str] = set()
        for word in question_words:
            named |= by_surname.get(word.casefold(), frozenset())
        if len(named) > 1:
            years = self._work_naming(question_words).years
            dated = {
                source_id
                for source_id in named
                if str(self.kb.sources[source_id].year or "") in years
            }
            if dated:
                return frozenset(dated)
        return frozenset(named)

    def _surname_works(self) -> dict[str, frozenset[str]]:
        """{case-folded surname: ids of the sources an author of that surname wrote}."""
        if self._authors is None:
            by_surname: dict[str, set[str]] = {}
            for source in self.kb.sources.values():
                for author in source.authors:
                    parts = author.replace(".", " ").split()
                    if parts and len(parts[-1]) > 2 and parts[-1].isalpha():
                        by_surname.setdefault(parts[-1].casefold(), set()).add(source.id)
            self._authors = {name: frozenset(ids) for name, ids in by_surname.items()}
        return self._authors

    def _work_surnames(self) -> frozenset[str]:
        """Every word `_years_of_named` may find works for: the surnames of the sources'
        authors and of the works the passages mention (with a passage naming them)."""
        found = self._surnames_of_works
        if found is None:
            mentioned = (name for name, passages in self._mentioned_works().items() if passages)
            found = self._surnames_of_works = frozenset(
                itertools.chain(self._surname_works(), mentioned)
            )
        return found

    def _years_of_named(self, word: str) -> frozenset[str] | None:
        """The years of the works a surname names (None: it names no work): a source's own
        year, or for a work the sources only mention, a year printed beside its name there
        ("(Cronise et al., 2016)")."""
        known = self._named_years.get(word)
        if known is not None:
            return known
        if word not in self._work_surnames():
            return None  # (the common case: most words name no work)
        sources = self._surname_works().get(word)
        if sources:
            years = {str(self.kb.sources[s].year) for s in sources if self.kb.sources[s].year}
            self._named_years[word] = frozenset(years)
            return self._named_years[word]
        passages = self._mentioned_works().get(word)
        if not passages:
            return None  # (not kept: a question's words are unbounded, the surnames are not)
        years = set()
        pattern = re.compile(rf"\b{re.escape(word)}\b", re.IGNORECASE)
        for doc_id in passages:
            text = self.kb.snippets[doc_id].text
            for match in pattern.finditer(text):
                near = text[
                    max(match.start() - _MENTION_YEAR_WITHIN, 0) : match.end()
                    + _MENTION_YEAR_WITHIN
                ]
                years.update(re.findall(r"\b(?:19|20)\d\d\b", near))
        self._named_years[word] = frozenset(years)
        return self._named_years[word]

    def _work_naming(self, words: Sequence[str]) -> _WorkNaming:
        """The words beside an author's surname that say which work is meant: "et al", "and
        colleagues", a work noun ("review", "paper") and the work's own year, in the run of
        such words around the surname ("the bellamy 2017 review", "Cronise 2016", "Milani et
        al. (2020)"); and the years there that are none of that author's works'.

        They name the work, which the surname already picks out (`_works_named`,
        `_off_the_works_topic`): they are no topic its passages must hold. A year that is not
        the work's ("bellamy 2015") ends the run and stays a word to cover, so a question about
        a work the sources do not hold is not answered from another one by the same author."""
        positions: dict[int, int] = {}
        years: set[str] = set()
        misdated: dict[str, str] = {}
        if self._work_surnames().isdisjoint(words):
            return _WorkNaming(positions, frozenset(years), misdated)  # no surname: nothing
        for at, word in enumerate(words):
            own = self._years_of_named(word)
            if own is None:
                continue
            for step in (-1, 1):
                other = at + step
                while 0 <= other < len(words):
                    neighbour = words[other]
                    if neighbour in _WORK_NOUNS or neighbour in _WITH_AUTHORS:
                        positions.setdefault(other, at)
                    elif _YEAR.fullmatch(neighbour):
                        if neighbour not in own:
                            if own:  # (a mention printing no year dates nothing)
                                misdated.setdefault(word, neighbour)
                            break
                        positions.setdefault(other, at)
                        years.add(neighbour)
                    elif neighbour not in _NAMING_GLUE and self._years_of_named(neighbour) is None:
                        break
                    other += step
        return _WorkNaming(positions, frozenset(years), misdated)

    def _name_the_work(
        self,
        words: Sequence[str],
        keys: Sequence[str],
        concepts_by_position: Mapping[int, _Concept],
    ) -> None:
        """Make the words naming a work beside its author's surname (`_work_naming`: "the
        bellamy *2017 review*", "Milani *et al.*") found in that work, as a word only the
        passage's work holds is (`SOURCE_FACTOR`): in the passages of the works the surname's
        author wrote, or for a work the sources only cite, in the passages naming it. A passage
        or ask holding the word itself covers it fully ("what is the Rogers 2017 paper about?"
        is the ask of the paper's summary).

        As topic words of their own, no findings passage held them: "what did bellamy 2017
        find" declined where "what did Bellamy find?" answered, and the "2016" of "(Cronise et
        al., 2016)" covered "what did Cronise 2016 find about employment". They say which work
        is meant, as the surname does: a passage of that work holds them as it holds the name,
        and what is asked about the work is the rest (`_off_the_works_topic` sets them aside)."""
        for position, surname_at in self._work_naming(words).positions.items():
            concept = concepts_by_position.get(position)
            if concept is None or concept.term.startswith(_TYPE_PREFIX):
                continue
            concept.work_passages = concept.work_passages | self._passages_named_by(
                words[surname_at]
            )

    def _passages_named_by(self, surname: str) -> frozenset[int]:
        """The passages of the works an author of this surname wrote, or, for a work the
        sources only cite, the passages naming it ("(Cronise et al., 2016)"). Kept per surname
        of a work (`_work_surnames` bound them); worked out for any other word."""
        found = self._named_passages.get(surname)
        if found is not None:
            return found
        sources = self._surname_works().get(surname)
        if sources:
            found = frozenset(
                d for d, snippet in enumerate(self.kb.snippets) if snippet.source_id in sources
            )
        else:
            found = frozenset(self._mentioned_works().get(surname, ()))
        if surname in self._work_surnames():
            self._named_passages[surname] = found
        return found

    def _misdated_work(self, words: Sequence[str]) -> tuple[str, tuple[int, ...]] | None:
        """(what the sources lack, the author's passages) for a question naming a work by its
        author and a year that is none of their works' ("what did bellamy 2015 find": the
        sources hold Bellamy's 2017 review). Their other work is not the one asked about, and
        another author's work of that year is not theirs: the reply says which work the sources
        do have, with its passages as related. None for any other question."""
        for surname, year in self._work_naming(words).misdated.items():
            sources = self._surname_works().get(surname)
            passages = tuple(sorted(self._passages_named_by(surname)))
            if any(year in self.kb.snippets[d].text for d in passages):
                # "The earlier 2015 LaFrance review": the 2017 report says it updates one
                # "prepared in 2015", which the usual reading relates.
                continue
            name = self._printed_surname(surname, passages)
            if sources:
                labels = " and ".join(
                    work_facts.work_label(self.kb.sources[s]) for s in sorted(sources)
                )
                held = f"they quote {labels}"
            else:
                dates = " and ".join(sorted(self._years_of_named(surname) or ()))
                held = f"they mention only {name}'s {dates} work"
            return f"a {year} work by {name} ({held})", passages
        return None

    def _printed_surname(self, surname: str, passages: Sequence[int]) -> str:
        """A surname as the sources print it ("LaFrance"), from a byline or a citing passage."""
        for source in self.kb.sources.values():
            for author in source.authors:
                parts = author.replace(".", " ").split()
                if parts and parts[-1].casefold() == surname:
                    return parts[-1]
        pattern = re.compile(rf"\b{re.escape(surname)}\b", re.IGNORECASE)
        for doc_id in passages:
            found = pattern.search(self.kb.snippets[doc_id].text)
            if found:
                return found.group(0)
        return surname.capitalize()

    def _work_plan(self, question: Question) -> work_facts.Plan | None:
        """The answer to a question asking only a fact of one work it names by its author (its
        year, authors, title, design, sample), or None for any other question."""
        if "citation" not in self._type_patterns:
            return None  # a knowledge base without bylines
        words = question.words
        if not work_facts.may_ask_a_fact(words):
            return None  # most questions: no word asks a year, an author, a design ...
        sources = self._works_named(words)
        if len(sources) > 1:
            return None  # "Davidson" wrote two of them
        if sources:
            source = self.kb.sources[next(iter(sources))]
            names = frozenset(
                part.casefold() for author in source.authors for part in author.split()
            )
            names = work_facts.with_title(words, names, source.title or "")
            work = self._source_work(source)
        else:
            mentioned = self._mentioned_works()
            named = [word for word in words if word in mentioned]
            if len(set(named)) > 1:
                return None
            if named and not work_facts.says_work(words):
                return None  # "what year was the grant": a common word, no work named
            if named:
                passages = mentioned[named[0]]
                label = f"the work by {named[0].capitalize()} and colleagues"
                work = work_facts.Work(label, passages, (), None)
                names = frozenset(named)
            else:
                described = self._work_described(words)
                if described is None:
                    return None
                source, names = described
                work = self._source_work(source)
        facets = work_facts.asked_facets(words, names)
        if facets is None:
            return None
        texts = [snippet.text for snippet in self.kb.snippets]
        return work_facts.plan(work, facets, texts, self._holds)

    def _author_plan(self, question: Question) -> work_facts.Plan | None:
        """The answer to a question asking only for an author's works or who they are ("papers
        by Joanne Spetz", "who is Larry Davidson"), or None for any other (`bot.authors`)."""
        if "citation" not in self._type_patterns:
            return None  # a knowledge base without bylines
        if self._people is None:
            self._people = authors.authors_of(self.kb.sources)
        found = authors.asked(question.words, self._people)
        if found is None:
            return None
        named, kind = found
        works = [self.kb.sources[s] for s in dict.fromkeys(s for a in named for s in a.works)]
        # The byline passages that print one of the names: the quote shows whose work it is.
        bylines = tuple(
            d
            for source in works
            for d in self._source_work(source).byline
            if self._holds(d, CITATION) and self._prints_one_of(d, named)
        )
        if not bylines:
            return None
        if kind == authors.WORKS:
            return work_facts.Plan(bylines, (), None)
        where = tuple(
            d
            for d in range(len(self.kb.snippets))
            if self._holds(d, "affiliation") and self._prints_one_of(d, named)
        )
        if where:
            return work_facts.Plan(where, (), None)
        labels = [work_facts.work_label(source) for source in works]
        return work_facts.Plan((), bylines, authors.who_missing(named, labels))

    def _prints_one_of(self, doc_id: int, people: Sequence[authors.Author]) -> bool:
        """Whether the passage prints one of these people's surnames."""
        text = self.kb.snippets[doc_id].text.casefold()
        return any(re.search(rf"\b{re.escape(a.surname)}\b", text) for a in people)

    def _source_work(self, source: Source) -> work_facts.Work:
        """A source as `work_facts` reads it: its passages, and those printing its byline."""
        own = tuple(
            d for d, snippet in enumerate(self.kb.snippets) if snippet.source_id == source.id
        )
        byline = tuple(d for d in own if self._holds(d, CITATION) or self._holds(d, "full_date"))
        return work_facts.Work(work_facts.work_label(source), own, byline, source)

    def _work_described(self, words: Sequence[str]) -> tuple[Source, frozenset[str]] | None:
        """The one source a question names by its subject ("the hong kong bipolar paper",
        "the DDA study") and the words naming it: every word outside `work_facts`' own is in
        that source's description, one of them in no other's. None otherwise."""
        naming = work_facts.naming_words(words)
        if not naming:
            return None
        index = self._source_word_index()
        common: frozenset[int] | None = None
        unique: set[int] = set()
        for word in naming:
            terms = [t for t in tokenize(word) if t.isalpha()]
            if not terms:
                return None
            for term in terms:
                holders = index.with_term.get(term, frozenset())
                common = holders if common is None else common & holders
                if len(holders) == 1:
                    unique |= holders
        if not common or len(unique) != 1 or not unique <= common:
            return None
        source = self.kb.sources[list(self.kb.sources)[next(iter(unique))]]
        return source, frozenset(naming)

    def _card(self, reading: _Reading) -> tuple[int, ...]:
        """The card passages a definition or duties question about one concept answers from."""
        frame = reading.question.frame
        if frame is None or not frame.card or reading.residual > CARD_RESIDUAL_WORDS:
            return ()
        if self._asks_of_the_concept(reading):
            return ()
        # The first one named is what is asked about: "what does CPS stand for in peer
        # support" asks what a CPS is; the field it is in only says where (named longest first).
        at = reading.named_at
        for concept_id in sorted(reading.named, key=lambda c: at.get(c, 0)):
            if concept_id in self._cards:
                card = self._cards[concept_id]
                if frame.card_specific:
                    card = tuple(d for d in card if self._card_count[d] <= SPECIFIC_CARDS)
                return card
        return ()

    @staticmethod
    def _asks_of_the_concept(reading: _Reading) -> bool:
        """Whether the word left over beside the concept is the head of the question: "what are
        the *limitations* of peer support" asks for limitations, which the card defining peer
        support does not give; "what is peer support in mental health *care*" still asks what
        peer support is. The head stands between the frame's cue and the first concept named,
        joined to it by "of", "for"... (`_HEAD_LINKS`; "one of my families asked about DDA, what
        is it?" and "medicaid paying for peer services" have none). Such a question is then
        answered, or not, by what covers its words."""
        question = reading.question
        words = question.words
        if not reading.named_at or not question.frame_positions:
            return False
        cue, named = min(question.frame_positions), min(reading.named_at.values())
        return any(
            cue < position < named and words[position + 1] in _HEAD_LINKS
            for position in reading.residual_at
        )

    def _head(self, reading: _Reading) -> tuple[list[_Concept], list[_Concept]]:
        """(the concepts a definition or duties question asks *of* what it names, the concepts
        of what it names): "what are the *ethics rules* for *peer workers*", "what are the
        *steps* to *bill Medicaid*", "what's the *name* of the *California* law". The head is
        the words between the frame's cue and the first "of", "for", "to"... (`_HEAD_LINKS`)
        that something the question asks about follows."""
        question = reading.question
        frame = question.frame
        if frame is None or not frame.card or not question.frame_positions:
            return [], []
        words = question.words
        cue = min(question.frame_positions)
        after = set(reading.residual_at) | set(reading.named_at.values())
        link = next(
            (
                position
                for position in range(cue + 1, len(words))
                if words[position] in _HEAD_LINKS and any(a > position for a in after)
            ),
            None,
        )
        if link is None:
            return [], []
        # The head is a noun phrase: "what's *the* name of", not "what is known about".
        article = next((p for p in range(cue + 1, link) if words[p] in _ARTICLES), None)
        if article is None:
            return [], []
        terms = {
            _key(words[position])
            for position in reading.residual_at
            if article < position < link and words[position] not in _FACT_WORDS
        }
        head = [concept for concept in reading.concepts if concept.term in terms]
        if not head:
            return [], []
        # What the head is of: its words past the field's own ("peer", "services").
        of = {_key(word) for word in words[link + 1 :]} - terms
        return head, [
            concept
            for concept in reading.concepts
            if concept.term in of and concept.weight >= COMMON_SIDE_WEIGHT * FIELD_WORD_FACTOR
        ]

    def _lacks_the_head(
        self, head: tuple[Sequence[_Concept], Sequence[_Concept]], hit: Hit
    ) -> bool:
        """Whether the passage (its text, or one of its asks) lacks a word of the question's head
        or everything the head is of (`_head`): Medicaid passages do not give the steps to bill
        Medicaid, nor do passages on the next steps for research."""
        asked, of = head
        if not asked:
            return False
        held = self._said_terms(self._doc_ids[hit.snippet.id])

        def holds(concept: _Concept) -> bool:
            return any(concept.named_in(terms) for terms in held)

        return not all(map(holds, asked)) or (bool(of) and not any(map(holds, of)))

    def _asked_of_the_place(self, reading: _Reading) -> list[_Concept]:
        """What a yes-or-no question about a named place asks of it: the concepts past the
        place, the roles named, the field's own words, words no passage knows, words asking
        only whether something is there (`_PRESENCE`) and words referring back to the place or
        its class or putting it in a set (`_PLACE_REFERENCE`: "one of the places that"). Empty
        for any other question, and for a place that names a work ("did the UK pilot measure
        drug use": what the work says)."""
        question = reading.question
        if not reading.place_terms or not question.required_places:
            return []
        if any(place.topic is not None for place in question.required_places):
            return []  # "is peer support a thing abroad?": a region, met by its topic's passages
        if not question.words or question.words[0] not in _POLAR_STARTS:
            return []  # "what did the Hong Kong study find": what the place's work says
        if not _STUDY.isdisjoint(question.words) or not _NAMES_A_WORK.isdisjoint(question.words):
            return []
        role_terms = {
            term
            for concept_id in reading.named
            if concept_id in self.kb.roles
            for names in self._name_terms.get(concept_id, ())
            for term in names
        }
        fillers = filler_terms()
        referring = _place_reference_terms(question)
        return [
            concept
            for concept in reading.concepts
            if concept.term not in reading.place_terms
            and not concept.term.startswith(_TYPE_PREFIX)
            and concept.term not in fillers
            and concept.term not in role_terms
            and concept.term not in _PRESENCE
            and concept.term not in referring
            and not concept.context
            and concept.weight >= COMMON_SIDE_WEIGHT * FIELD_WORD_FACTOR
            # A word no passage knows ("expected") names nothing a passage could say.
            and (self._weight(concept.term) > 0 or len(concept.alternatives) > 1)
        ]

    def _lacks_what_is_asked_of_the_place(self, reading: _Reading, hit: Hit) -> bool:
        """Whether a yes-or-no question about a named place gets a passage that is about the
        place but says (in its text or in one of its asks) too little of what is asked of it
        (`_asked_of_the_place`, `PLACE_PREDICATE_SHARE`): "does Hong Kong *certify* peer
        workers?" is not answered by Hong Kong's adoption of peer services, however much of the
        question the place and the local role's name make up, nor "does California *reimburse*
        CPS services?" by California's certification efforts."""
        asked = self._asked_of_the_place(reading)
        if not asked:
            return False
        held = self._said_terms(self._doc_ids[hit.snippet.id])
        said = max(
            sum(concept.weight for concept in asked if concept.named_in(terms)) for terms in held
        )
        return said < PLACE_PREDICATE_SHARE * sum(concept.weight for concept in asked)

    def _missing_of_the_place(self, reading: _Reading, hit: Hit) -> str | None:
        """What the sources lack when the nearest passage is about the place but not what is
        asked of it: "anything on certify for Hong Kong", in the question's own words."""
        if not self._lacks_what_is_asked_of_the_place(reading, hit):
            return None
        terms = {concept.term for concept in self._asked_of_the_place(reading)}
        asked = [word for word in reading.question.words if _key(word) in terms]
        places = " or ".join(place.name for place in reading.question.required_places)
        return f"anything on {' '.join(dict.fromkeys(asked))} for {places}"

    def _unexplained(self, reading: _Reading) -> Concept | Role | None:
        """The concept or role a definition, duties or list question asks about that the
        sources only name."""
        frame = reading.question.frame
        if frame is None or not (frame.card or frame.of_concept or frame.needs == "enumeration"):
            return self._unexplained_by_name(reading)
        if _NOT_DEFINING.intersection(reading.question.words):
            # "frameworks *like* the core conditions", "what are they *useful* for", "*tell* me
            # about WRAP": about the passage that names it, not a definition of it.
            return None
        for concept_id in reading.named:
            concept: Concept | Role | None = self.kb.concepts.get(concept_id) or self.kb.roles.get(
                concept_id
            )
            if concept is not None and concept.unexplained is not None:
                if isinstance(concept, Role) and not frame.card:
                    # "What did the community health worker blog conclude?": a work, not
                    # what the role is or does.
                    continue
                if not set(concept.answered_when).isdisjoint(reading.question.words):
                    return None  # what its naming passages say is the answer
                return concept
        return None

    def _unexplained_by_name(self, reading: _Reading) -> Concept | None:
        """The unexplained concept a question of any other frame asks about by naming it
        (`Concept.asked_by_name`: "criticisms of peer support?"), unless its words ask what the
        naming passages do say."""
        for concept_id in reading.named:
            concept = self.kb.concepts.get(concept_id)
            if (
                concept is not None
                and concept.asked_by_name
                and concept.unexplained is not None
                and set(concept.answered_when).isdisjoint(reading.question.words)
            ):
                return concept
        return None

    def _asked_term(self, reading: _Reading, card: Sequence[int]) -> AskedTerm | None:
        """The term a bare "what is <term>" question asks about, when its frame answers such a
        question only with a passage defining the term (`Frame.defines`) and no card answers
        it ("what is a recovery coach" is answered from the role's card)."""
        frame = reading.question.frame
        if frame is None or not frame.defines:
            return None
        term = asked_term(reading.question.words)
        if card and (term is None or self._card_names_term(reading, term)):
            return None
        return term

    def _card_names_term(self, reading: _Reading, term: AskedTerm) -> bool:
        """Whether the names of the concept whose card answers hold every word of the term:
        "what is Peers for Progress" names the concept "peer", whose card says what a peer
        is, not what Peers for Progress is ("the VA", spelled out as "Veterans Affairs VA",
        is the VA's two names)."""
        wanted = frozenset(tokenize(" ".join(term.words)))
        at = reading.named_at
        for concept_id in sorted(reading.named, key=lambda c: at.get(c, 0)):
            if concept_id in self._cards:
                return wanted <= self._all_names().get(concept_id, frozenset())
        return False

    def _all_names(self) -> Mapping[str, frozenset[str]]:
        """Role and concept id -> the terms of all its names (its title and aliases)."""
        if self._every_name is None:
            self._every_name = {
                concept_id: frozenset(tokenize(" ".join((title, *names))))
                for concept_id, title, names in _named(self.kb)
            }
        return self._every_name

    def _practice_related(self, reading: _Reading) -> list[Hit] | None:
        """The related passages of a question whose frame no passage answers and names topics
        (`scope-of-practice`: its topics' cards, those nearest the question's words first), or
        None for any other question.

        "Is a CPS allowed to prescribe meds?" shares "medication" with the Hong Kong study's
        passages on what clients learned from peer workers; beside a reply saying who sets a
        peer's scope of practice, the passages saying what peers do are the ones that help.
        """
        frame = reading.question.frame
        if frame is None or frame.needs != NOT_IN_SOURCES or not frame.topics:
            return None
        return self._frame_cards_related(reading, frame.topics)

    def _frame_cards_related(self, reading: _Reading, topics: Sequence[str]) -> list[Hit]:
        """The cards of these topics as related passages, those nearest the question's words
        first (leaving out near duplicates)."""
        cards = [d for topic in topics for d in self._cards.get(topic, ())]
        ids, scores = self._fused(reading.query_terms)
        score_of = dict(zip(ids.tolist(), scores.tolist(), strict=True))
        ordered = sorted(dict.fromkeys(cards), key=lambda d: -score_of.get(d, 0.0))
        return self._distinct_related(
            self._hits(reading, [(d, score_of.get(d, 0.0)) for d in ordered])
        )

    def rank(self, question: str, k: int) -> tuple[list[Hit], list[Hit], list[str]]:
        """(hits that may be shown, weaker candidates examined, concepts named), best first."""
        answer = self._decide(self.read(question), k)
        return list(answer[0]), answer[1].hits(self.kb.snippets), list(answer[2].named)

    def _decide(
        self, question: Question, k: int
    ) -> tuple[list[Hit], _Examined, _Reading, list[Hit], str | None]:
        """(shown, examined, reading, related, missing): the one answer/partial/decline decision."""
        reading = self._analyse(question)
        facts = self._work_plan(question) or self._author_plan(question)
        if facts is not None:
            # "halsall paper authors + yr", "what was the tse study design": a fact about one
            # work itself comes from that work's byline or methods passages (bot.work_facts).
            ids, scores = self._fused(reading.query_terms)
            score_of = dict(zip(ids.tolist(), scores.tolist(), strict=True))
            return (
                # Among the work's passages of that kind, those nearest the question's words.
                self._hits(
                    reading,
                    sorted(
                        ((d, score_of.get(d, 0.0)) for d in facts.shown),
                        key=lambda pair: -pair[1],
                    )[: max(k, 1)],
                ),
                _Examined((), (), ()),
                reading,
                self._hits(
                    reading, [(d, score_of.get(d, 0.0)) for d in facts.related[:MAX_RELATED]]
                ),
                facts.missing,
            )
        misdated = self._misdated_work(question.words)
        if misdated is not None:
            # "What did bellamy 2015 find": the sources hold Bellamy's 2017 review, not that.
            missing, passages = misdated
            ids, scores = self._fused(reading.query_terms)
            score_of = dict(zip(ids.tolist(), scores.tolist(), strict=True))
            nearest = sorted(
                (d for d in passages if not self._holds(d, CITATION)),
                key=lambda d: -score_of.get(d, 0.0),
            )
            related = self._distinct_related(
                self._hits(reading, [(d, score_of.get(d, 0.0)) for d in nearest])
            )
            return [], _Examined((), (), ()), reading, related, missing
        unexplained = self._unexplained(reading)
        if unexplained is not None and unexplained.unexplained is not None:
            # "What exactly are the core conditions?": the passage naming them is related, and
            # the reply says what the sources lack instead of quoting it as the answer.
            naming = [(self._doc_ids[s], 0.0) for s in unexplained.named_in if s in self._doc_ids]
            return (
                [],
                _Examined((), (), ()),
                reading,
                self._hits(reading, naming)[:MAX_RELATED],
                unexplained.unexplained,
            )
        practice = self._practice_related(reading)
        if practice is not None:
            # "Can a peer diagnose bipolar disorder?": no passage answers, whatever it shares
            # with the question; the passages on what peers do are beside the reply.
            return [], _Examined((), (), ()), reading, practice, _not_in_sources_missing(question)
        card = self._card(reading)
        term = self._asked_term(reading, card)
        if term is not None:
            card = ()
        if not (reading.concepts and question.topical) and not card:
            # A question that is all frame cue ("does my client have bipolar?") still says what
            # the sources cannot give when its frame is one no passage answers.
            return [], _Examined((), (), ()), reading, [], _not_in_sources_missing(question)
        later = self._later_year(question)
        as_of = self._as_of_year(question)
        dated = self._dated_otherwise(question)
        outcome = self._outcome_asked(reading)
        after = _asked_after(question.words)
        top = self._top(reading.query_terms, max(k, 1) * _CANDIDATES_PER_RESULT)
        frame_cards = self._frame_topic_cards(reading)
        top = _with_extra_candidates(top, frame_cards)
        top = _with_extra_candidates(top, self._named_works_passages(reading))
        if outcome is not None:
            top = _with_extra_candidates(top, self._outcome_passages(outcome[1]))
        if CITATION in self._type_patterns and (
            question.frame is None or question.frame.needs not in _CITING
        ):
            # "Who wrote the Hong Kong bipolar study" is in a byline's asks; "why do clients
            # with bipolar shrug at peer support" is not answered by who wrote the study.
            if self._small():
                cited = self._holders(CITATION)
                top = [(doc_id, score) for doc_id, score in top if doc_id not in cited]
            else:
                top = [
                    (doc_id, score) for doc_id, score in top if not self._holds(doc_id, CITATION)
                ]
        examined = self._examine(reading, top)
        card_hits: list[Hit] = []
        frame_topics_ordered = question.frame.topics if question.frame else ()
        frame_topics = set(frame_topics_ordered)
        # The frame's topic cards in the curator's order: the passage a topic lists first is its
        # plainest answer ("how is peer support funded": Medicaid as a major source of funding,
        # before the count of states funding it; "what do peers do": the activities CPSs
        # reported, before a passage saying their tasks are broad and not agreed on).
        # Not for a question asking how or why it works (`_frame_topic_cards`): the findings
        # the evidence topic lists say whether it works, not why ("how do clinics finance
        # peer support" still wants the funding topic's order).
        if "evidence-outcomes" in frame_topics_ordered and _asks_how_or_why(question.words):
            frame_topics_ordered = ()
        topic_order = (d for topic in frame_topics_ordered for d in self._cards.get(topic, ()))
        topic_rank = {doc_id: rank for rank, doc_id in enumerate(dict.fromkeys(topic_order))}
        if card:
            ids, scores = self._fused(reading.query_terms)
            score_of = dict(zip(ids.tolist(), scores.tolist(), strict=True))
            ordered = sorted(
                card,
                key=lambda d: (
                    not self._asks_in_frame(d, question.frame),
                    not frame_topics.intersection(self.kb.snippets[d].topics),
                    topic_rank.get(d, len(topic_rank)),
                    card.index(d),  # the curator lists a card's defining passage first
                    -score_of.get(d, 0.0),
                    d,
                ),
            )
            card_hits = self._hits(reading, [(d, score_of.get(d, 0.0)) for d in ordered])
        # Only passages that may be shown are ordered (the others are never shown from here):
        # the same order among them as sorting every candidate gives.
        strong = examined.strong(self.kb.snippets, self.min_coverage, self.min_evidence)
        if frame_topics:
            # Among passages that may answer, those on the frame's topics (or far ahead of
            # them, `_off_topic_bar`) first (a duties question wants duties before
            # certification counts); among those covering the
            # whole question, the topics' own cards first ("does peer support work?" is
            # answered by the findings the evidence topic names, not by a research gap that
            # also says "effectiveness"; only for the questions `_frame_topic_cards` says);
            # BM25 order otherwise, but among neighbours covering the question alike, the
            # topics' cards first in the curator's order (`_cards_first_among_equals`).
            topic_cards = set(frame_cards)
            doc_ids = self._doc_ids
            bar = _off_topic_bar(strong, frame_topics)
            # What the frame wants after the rest ("does it work?": findings before a passage
            # saying what is still unknown), among those on its topics.
            later_types = question.frame.later_types if question.frame else ()
            after_kinds = [kind for kind in later_types if kind in self._type_patterns]
            examined_order = _cards_first_among_equals(
                sorted(
                    strong,
                    key=lambda h: (
                        not (frame_topics.intersection(h.snippet.topics) or -_order(h) >= bar),
                        any(self._holds(doc_ids[h.snippet.id], kind) for kind in after_kinds),
                        not h.coverage >= FULL_COVERAGE,
                        doc_ids[h.snippet.id] not in topic_cards,
                    ),
                ),
                {self.kb.snippets[d].id: rank for d, rank in topic_rank.items()},
            )
        else:
            examined_order = sorted(
                strong, key=lambda h: (not h.coverage >= FULL_COVERAGE, _order(h))
            )
        shown: list[Hit] = []
        unmet: list[tuple[Hit, bool, tuple[Place, ...]]] = []
        head = ([], []) if card else self._head(reading)
        for hit, from_card in [(h, True) for h in card_hits] + [(h, False) for h in examined_order]:
            if len(shown) >= k:
                break
            if not from_card and not self._strong(hit):
                continue
            if any(hit.snippet.id == other.snippet.id for other in shown):
                continue
            if not from_card and not shown and any(_outranks(other, hit) for other, _, _ in unmet):
                # "In what year did the VA announce it would hire 800 peers?": the passage on
                # the VA's hiring gives no year; one that shares two words with the question and
                # has a year is not the answer either.
                continue
            type_missing, lacking = self._unmet(reading, hit)
            if (
                type_missing
                or lacking
                or (not from_card and self._lacks_the_head(head, hit))
                or self._lacks_what_is_asked_of_the_place(reading, hit)
                or later
                or (as_of is not None and not self._of_the_year(hit, as_of))
                or self._of_another_date(hit, dated)
                or self._lacks_figure(hit, reading.figures) is not None
                or self._generic_for(reading, hit)
                or self._only_names_the_roles(reading, hit)
                or (after is not None and not self._reaches_past(hit, after))
                or (outcome is not None and not self._answers_outcome(outcome[1], hit))
            ):
                unmet.append((hit, type_missing or not lacking, lacking))
                continue
            if self._duplicate(hit, shown):
                continue
            shown.append(hit)
        if shown and term is not None:
            # "What is stigma?": a passage that only names the term is no definition of it.
            defining = [hit for hit in shown if defines(hit.snippet.text, term.words)]
            if not defining:
                return [], examined, reading, shown[:MAX_RELATED], term.missing(question.text)
            shown = defining + [hit for hit in shown if hit not in defining]
        if shown:
            return shown, examined, reading, [], None
        if term is not None:
            # "Define stigma" came near no passage by coverage; the passages naming it are
            # still what the sources say of it.
            naming = [
                (doc_id, score)
                for doc_id, score in top
                if names(self.kb.snippets[doc_id].text, term.words)
            ]
            mentions = self._hits(reading, naming[:MAX_RELATED])
            defining = [hit for hit in mentions if defines(hit.snippet.text, term.words)]
            if defining:
                # "What does DDA stand for in the Milani paper": the words naming where the
                # term was met kept the passage spelling it out below coverage; it defines
                # the term asked, so it answers.
                return defining, examined, reading, [], None
            if mentions:
                return [], examined, reading, mentions, term.missing(question.text)
        subject = [
            c
            for c in reading.concepts
            if c.term not in reading.place_terms and not c.term.startswith(_TYPE_PREFIX)
        ]
        # A diagnosis or payer no source names is what the question is about: a passage
        # lacking it is not on its subject ("is peer support covered by Medicare?" left
        # "peer support covered", which a paper's scope covers).
        about_subject = any(place.subject for place in question.required_places)
        if len(subject) < len(reading.concepts) and not about_subject:
            # Passages on the subject that lack the place or the answer type: related only, and
            # only those naming what the question names ("is DDA available in Canada": not the
            # passages saying certification is "available" in 41 states).
            subject_examined = self._examine(reading, top, subject)
            named = self._named_subjects(reading)
            for hit in subject_examined.strong(
                self.kb.snippets, self.min_coverage, self.min_evidence
            ):
                if not self._names_all(hit, named):
                    continue
                type_missing, lacking = self._unmet(reading, hit)
                if type_missing or lacking:
                    unmet.append((hit, type_missing, lacking))
        if not unmet and later:
            # "What did SAMHSA announce in 2022?": nothing came near, and nothing could be of
            # that year; the passages on the subject are related.
            return [], examined, reading, self._on_the_subject(reading), self._later_missing(later)
        if not unmet:
            nearby = self._on_the_subject(reading)
            if nearby:
                # Nothing came near, but the question names a subject the sources have passages
                # on: those are shown as related, with what they lack.
                type_missing, lacking = self._unmet(reading, nearby[0])
                missing = _not_in_sources_missing(question) or _missing_text(
                    question, type_missing, lacking
                )
                if as_of is not None and question.frame is not None and question.frame.missing:
                    missing = f"{question.frame.missing} as of {as_of}"
                return [], examined, reading, nearby, missing
            if about_subject and (question.frame is None or question.frame.needs != NOT_IN_SOURCES):
                # Still say which subject the sources lack ("anything specific to depression"),
                # with no passage beside it rather than one sharing only "peer support".
                typed = question.frame is not None and question.frame.needs is not None
                missing = _missing_text(question, typed, question.required_places)
                return [], examined, reading, [], missing
            # A frame no passage can answer ("what billing code do we use") still says what the
            # sources cannot give when no passage on its subject is near enough to show; a work
            # dated otherwise is then simply not among the sources.
            lack = _not_in_sources_missing(question) or self._dated_missing(dated)
            if lack is not None:
                return shown, examined, reading, [], lack
            if outcome is not None:
                # "Any evidence peers reduce ER visits?": no passage names the outcome; the
                # reply says so, beside the nearest evidence on another outcome.
                return (
                    [],
                    examined,
                    reading,
                    self._other_outcomes(reading, examined),
                    f"evidence on {outcome[0]}",
                )
            return [], examined, reading, *self._near_miss(reading, top)
        related = self._distinct_related(
            hit for hit, _, _ in unmet if not self._elsewhere(question, hit)
        )
        if not related:
            related = self._on_the_subject(reading)
        first_unmet, type_missing, lacking = unmet[0]
        if (
            type_missing
            and not lacking
            and question.frame is not None
            and question.frame.of_work
            and self._only_mentions(question, self._doc_ids[first_unmet.snippet.id])
        ):
            return [], examined, reading, related, MENTIONED_MISSING
        if later:
            return [], examined, reading, related, self._later_missing(later)
        if as_of is not None and question.frame is not None and question.frame.missing:
            return [], examined, reading, related, f"{question.frame.missing} as of {as_of}"
        figure = self._lacks_figure(first_unmet, reading.figures)
        if figure is not None:
            # "The VA hired 8,000 peers, right?": the passage on the VA's hiring is related,
            # and the reply says the figure is not the sources' (and theirs, when it has one).
            # The passage giving a figure of the kind claimed ("41 states" for "all 50 states")
            # bears on the claim most: shown first.
            related.sort(key=lambda h: theirs(h.snippet.text, figure) is None)
            missing = missing_text(figure, [hit.snippet.text for hit in related])
            # What else the passage lacks, when it lacks more than the figure ("now that all 50
            # states certify, is there reciprocity?": nor the rules asked about).
            also_missing, also_lacking = self._unmet(reading, first_unmet)
            also = _missing_text(question, also_missing, also_lacking)
            if (also_missing or also_lacking) and also != NOTHING_SPECIFIC:
                missing += f", nor {also}"
            return [], examined, reading, related, missing
        if (
            dated
            and not any(self._undated(hit) for hit, _, _ in unmet)
            # "How did the 2015 review differ from its 2017 update?": set beside a source,
            # what the frame lacks (a comparison of both) says more.
            and not any(_YEAR.fullmatch(n) and int(n) in self._years for n in question.numbers)
        ):
            # Only dated works came near ("this report updates a literature review ... prepared
            # in 2015" at best): the work asked about is not among them. (An undated web page
            # may report on it: "a 2010 study by Salzer"; then what it lacks is said as usual.)
            return [], examined, reading, related, self._dated_missing(dated)
        typed = question.frame is not None and question.frame.needs is not None
        if after is not None and not typed and not self._reaches_past(unmet[0][0], after):
            # The frame's own lack ("current information") says it better when there is one.
            missing = f"anything after {after} (the passages on it go no further)"
            return [], examined, reading, related, missing
        missing = _missing_text(question, type_missing, lacking)
        if missing == NOTHING_SPECIFIC:
            missing = self._missing_of_the_place(reading, first_unmet) or missing
        narrower = self._narrower_missing(reading, first_unmet) if type_missing else None
        missing = narrower or missing
        reason = self._ruled_out_by(question, first_unmet) if type_missing and not lacking else None
        if reason is not None and question.frame is not None and question.frame.missing:
            # "Did the SAMHSA grants improve outcomes?": the passage announcing them is ruled
            # out as an announcement, not as a study's design; the reply says which.
            missing = f"{_pointer_split(question.frame.missing)[0]} ({reason})"
        if (
            outcome is not None
            and not lacking
            and not self._answers_outcome(outcome[1], first_unmet)
            and (question.frame is None or missing == question.frame.missing)
        ):
            # Said of the outcome asked about when nothing more precise is: "whether it
            # improves employment", not why the nearest passage falls short in general.
            missing = f"evidence on {outcome[0]}"
        role = self._single_role(reading)
        if (
            missing == NOTHING_SPECIFIC
            and role is not None
            and self._only_names_the_roles(reading, first_unmet)
        ):
            # Said of the role when nothing more precise is: only the list of titles came near.
            missing = f"anything on that specific to the {role.title.lower()} role"
        return [], examined, reading, related, missing

    def _premise_correction(self, question: Question, k: int) -> tuple[list[Hit], str] | None:
        """For a question declined with nothing specific to say, built on a claimed figure the
        sources do not give ("since all 50 states certify peers now, do I need to recertify?",
        "since peer support cut hospitalizations in half, ..."): the claim's clause asked
        alone, when that is declined for its figure, gives the passages bearing on it and what
        they say instead ("anything saying all 50 states (they give 41 states)"). Declined bare
        or with "what was asked", the question left the claim standing."""
        match = _PREMISE_RE.search(question.text)
        if match is None:
            return None
        claim = self.read(match.group(1))
        if not claim.topical:
            return None
        shown, _, reading, related, missing = self._decide(claim, k)
        if shown or not related or missing is None or not reading.figures:
            return None
        if all(self._lacks_figure(hit, reading.figures) is None for hit in related):
            return None  # declined for something else than the figure claimed
        return related, f"{missing}, nor an answer to the rest of the question"

    def _other_outcomes(self, reading: _Reading, examined: _Examined) -> list[Hit]:
        """Related to an outcome no passage names: the candidates near the rest of the question
        that say something changes another outcome (evidence on hospitalization, beside a
        question on emergency room visits)."""
        question = reading.question
        topics = set(question.frame.topics) if question.frame else set()
        return self._distinct_related(
            hit
            for hit in examined.hits(self.kb.snippets)
            if hit.evidence >= _NEAR_EVIDENCE
            and (not topics or topics.intersection(hit.snippet.topics))
            and self._holds(self._doc_ids[hit.snippet.id], CHANGES)
            and not self._elsewhere(question, hit)
        )

    def _near_miss(
        self, reading: _Reading, top: Sequence[tuple[int, float]]
    ) -> tuple[list[Hit], str | None]:
        """(related, missing) for a question of a typed frame no passage came near ("how many
        hours of training does certification take?", "what's the turnover rate for peer
        specialists?"): what the frame needs is what the sources lack ("a figure for that"),
        and the passages covering the rest of the question (its answer type, its places and
        the words no passage holds set aside, each concept it names held) are related.
        Related passages are shown as related, never as answers. ([], None) for any other
        question: what it lacks is not known well enough to say."""
        question = reading.question
        frame = question.frame
        if frame is None or frame.needs is None or not frame.missing:
            return [], None
        subject = [
            c
            for c in reading.concepts
            if c.term not in reading.place_terms
            and not c.term.startswith(_TYPE_PREFIX)
            and any(all(self._known(t) for t in alt) for alt in c.alternatives)
        ]
        related: list[Hit] = []
        if subject and len(subject) < len(reading.concepts):
            named = self._named_subjects(reading)
            examined = self._examine(reading, top, subject)
            related = self._distinct_related(
                hit
                for hit in examined.strong(self.kb.snippets, _NEAR_COVERAGE, _NEAR_EVIDENCE)
                if self._names_all(hit, named) and not self._elsewhere(question, hit)
            )
        if not related and frame.topics and not self._named_subjects(reading):
            # "do peers need a license": the question names nothing but the field ("peers"),
            # so no passage came near; the frame's own topic (training and certification)
            # holds what the sources do say, which helps more beside the reply than nothing.
            related = [
                hit
                for hit in self._frame_cards_related(reading, frame.topics)
                if not self._elsewhere(question, hit)
            ]
        return related, _missing_text(question, True, question.required_places)

    def _elsewhere(self, question: Question, hit: Hit) -> bool:
        """Whether the passage is about a place on the other side of the US border from the
        one the question names, and not about that one: "when did California pass its peer
        certification law" is not related to India's Mental Health Care Act of 2017, though
        it holds the year the frame wants, nor "who certifies peers in India" to California's
        certification efforts. A passage on the US as a whole (41 states and DC certify) stays
        related to a question on one state. Outside the US is the `topic` of the region place
        (`outside-usa`: international)."""
        asked = [p for p in question.required_places if not p.subject and p.topic is None]
        if not asked:
            return False
        doc_id = self._doc_ids[hit.snippet.id]
        places = self._places_of(doc_id)
        if not places or any(place.id in places for place in asked):
            return False
        abroad = self._abroad_places()
        foreign_topics = {region.topic for region in self._regions}
        passage_abroad = bool(foreign_topics.intersection(hit.snippet.topics))
        return any((place.id in abroad) != passage_abroad for place in asked)

    def _abroad_only(self, doc_id: int) -> bool:
        """Whether the passage is about places outside the US only: it names only such places
        (its work's description included: every passage of the Hong Kong study is about Hong
        Kong), or none and is on the region outside the US (`Place.topic`)."""
        places = self._places_of(doc_id)
        if not places <= self._abroad_places():
            return False
        foreign_topics = {region.topic for region in self._regions}
        return bool(places) or bool(foreign_topics.intersection(self.kb.snippets[doc_id].topics))

    def _abroad_places(self) -> frozenset[str]:
        """The places the passages on the region outside the US name (India, Hong Kong...)."""
        if self._abroad is None:
            topics = {region.topic for region in self._regions}
            self._abroad = frozenset(
                place
                for doc_id, snippet in enumerate(self.kb.snippets)
                if topics.intersection(snippet.topics)
                for place in self._places_of(doc_id)
            )
        return self._abroad

    def _named_subjects(self, reading: _Reading) -> tuple[str, ...]:
        """The concepts the question names that are more than the field's own words ("DDA",
        "Medicaid", "certification"; not "peer support"). Roles are left out: a passage on
        what Salzer's survey found is related to a question on what it found about "peer
        specialists' wages" though it says "CPSs"."""
        found: list[str] = []
        for concept_id in reading.named:
            if concept_id not in self.kb.concepts:
                continue
            names = self._name_terms.get(concept_id, ())
            if names and all(all(self._field_word(t) for t in name) for name in names):
                continue
            found.append(concept_id)
        return tuple(found)

    def _names_all(self, hit: Hit, named: Sequence[str]) -> bool:
        """Whether the passage names each of these concepts (by any of its names)."""
        terms = self._passage_terms(self._doc_ids[hit.snippet.id])
        return all(
            any(name <= terms for name in self._name_terms.get(concept_id, ()))
            for concept_id in named
        )

    def _on_the_subject(self, reading: _Reading) -> list[Hit]:
        """Related passages for a question nothing came near: the passages of the topic a
        payer it names is near (`Place.related`: Medicare, private insurance -> funding), else
        the card of the concept it names ("is DDA available in Canada": the passages on DDA).
        Never passages found by a word the question only happens to share with them."""
        question = reading.question
        cards: list[str] = []
        for place in question.required_places:
            if place.subject and place.related is not None and place.related in self.kb.topics:
                cards.extend(self.kb.topics[place.related].about)
        if not cards:
            for concept_id in self._named_subjects(reading):
                concept = self.kb.concepts.get(concept_id)
                if concept is not None:
                    cards.extend(concept.about)
        doc_ids = [self._doc_ids[s] for s in dict.fromkeys(cards) if s in self._doc_ids]
        if not doc_ids:
            # No card: nothing to examine (measuring no candidates cost a declined question
            # ~20 numpy calls on empty arrays, a tenth of its path on a large knowledge base).
            return []
        return self._distinct_related(self._hits(reading, [(doc_id, 0.0) for doc_id in doc_ids]))

    def _distinct_related(self, hits: Iterable[Hit]) -> list[Hit]:
        """The first `MAX_RELATED` of these passages, in order, leaving out one that repeats a
        passage kept (the same one, or nearly the same text: `_duplicate`): what a decline
        shows beside its reply, from whichever passages it came near."""
        kept: list[Hit] = []
        for hit in hits:
            if len(kept) >= MAX_RELATED:
                break
            if any(hit.snippet.id == other.snippet.id for other in kept):
                continue
            if not self._duplicate(hit, kept):
                kept.append(hit)
        return kept

    def _ruled_out_by(self, question: Question, hit: Hit) -> str | None:
        """Why the passage closest to answering does not: the frame's `kinds_reason` when its
        source is of a kind the frame rules out, else the `reason` of the first answer type of
        the frame's `not_types` the passage holds, when that type has one."""
        frame = question.frame
        if frame is None:
            return None
        if frame.kinds_reason is not None and frame.not_kinds:
            source = self.kb.sources.get(hit.snippet.source_id)
            if source is not None and source.kind in frame.not_kinds:
                return frame.kinds_reason
        if not frame.not_types:
            return None
        doc_id = self._doc_ids[hit.snippet.id]
        for kind in frame.not_types:
            if kind in self._type_patterns and self._holds(doc_id, kind):
                return self._type_reasons.get(kind)
        return None

    def _named_works_passages(self, reading: _Reading) -> tuple[int, ...]:
        """The passages of the work a question about what a work found names by its author
        ("what did Rogers conclude?"): with only the author's name and the cue to rank by,
        the candidates were the passages whose asks say "conclude", and the work's own
        passages were not among them. Only candidates: what covers the question decides."""
        question = reading.question
        if question.frame is None or not question.frame.of_work:
            return ()
        works = self._works_named(question.words)
        if not works:
            return ()
        return tuple(
            doc_id for doc_id, snippet in enumerate(self.kb.snippets) if snippet.source_id in works
        )

    def _frame_topic_cards(self, reading: _Reading) -> tuple[int, ...]:
        """The cards of the frame's topics, for a question of nothing but names and the frame's
        cue ("is peer support effective?", "how long has peer support been around?"); none for
        one asking more ("how did Bellamy gather the research for their evidence review" asks
        about the review's method) or asking how or why it works, which the findings do not
        say. They join the candidates (`_with_extra_candidates`): such a question has only its
        names to rank by, and the passage saying peer support has burgeoned "during the past 30
        years" is 25th of 108 on "peer support". Among passages covering the question, the
        decision orders them first."""
        frame = reading.question.frame
        if frame is None or not frame.topics or reading.residual != 0:
            return ()
        if _asks_how_or_why(reading.question.words):
            return ()
        cards = (doc_id for topic in frame.topics for doc_id in self._cards.get(topic, ()))
        return tuple(dict.fromkeys(cards))

    def _later_missing(self, later: str) -> str:
        """What the sources lack for a year later than every source (`_later_year`)."""
        return f"anything as of {later} (the newest source is from {self._latest_year})"

    def _later_year(self, question: Question) -> str | None:
        """A year the question names that is later than every source ("as of 2024"): the
        sources' figures are dated, so a passage is at best related."""
        for number in question.numbers:
            if _YEAR.fullmatch(number) and self._latest_year and int(number) > self._latest_year:
                return number
        return None

    def _as_of_year(self, question: Question) -> str | None:
        """The year a figure is asked as of ("how many states had certification *in 2015*?",
        "back in 2010"), for a question of a figure (`_FIGURE_NEEDS`): the 2017 report's count
        of 41 states is no count for 2015. None for a year naming a work ("the 2015 review",
        `_DATED_WORK_RE`) and for one later than every source (`_later_year` says that)."""
        frame = question.frame
        if frame is None or frame.needs not in _FIGURE_NEEDS:
            return None
        text = " ".join(question.words)
        if not _YEAR.search(text) or _DATED_WORK_RE.search(text):
            return None
        match = _AS_OF_YEAR_RE.search(text)
        if match is None:
            return None
        year = match.group(1)
        if self._latest_year and int(year) > self._latest_year:
            return None
        return year

    def _of_the_year(self, hit: Hit, year: str) -> bool:
        """Whether a passage's figure may be of that year: it names the year, or its work is of
        that year (a figure in a 2015 report is of 2015), or its work is undated (a web page
        may report a figure of any year)."""
        if year in hit.snippet.text or self._undated(hit):
            return True
        source = self.kb.sources.get(hit.snippet.source_id)
        return source is not None and source.year == int(year)

    def _dated_otherwise(self, question: Question) -> tuple[str, ...]:
        """The years the question dates a work by ("what did the 2015 literature review
        find?") that are no source's own year: that work is not one of the sources."""
        text = " ".join(question.words)
        if not self._years or not _YEAR.search(text):
            return ()  # (sources without a year date nothing)
        years: list[str] = []
        for match in _DATED_WORK_RE.finditer(text):
            year = match.group(1) or match.group(2)
            if int(year) not in self._years and year not in years:
                years.append(year)
        return tuple(years)

    def _dated_missing(self, dated: Sequence[str]) -> str | None:
        """What the sources lack when the question dates a work otherwise: that work."""
        if not dated:
            return None
        years = [str(year) for year in self._years]
        listed = ", ".join(years[:-1]) + f" and {years[-1]}" if len(years) > 1 else years[0]
        return f"anything from a {dated[0]} work (the works quoted are from {listed})"

    def _of_another_date(self, hit: Hit, dated: Sequence[str]) -> bool:
        """Whether the passage is from a work of another date than the one the question names
        and does not itself name that year: "this report updates a literature review ...
        prepared in 2015" may speak of the 2015 review; the 2017 report's findings do not. An
        undated source (a web page reporting "a 2010 study by Salzer") may be about any work."""
        if not dated or self._undated(hit):
            return False
        return not any(year in hit.snippet.text for year in dated)

    def _lacks_figure(self, hit: Hit, figures: Sequence[Figure]) -> Figure | None:
        """The first figure the question claims that the passage's work does not give: "the
        VA hired 8,000 peers, right?" is not confirmed by "hire 800"; "what did the 32 clients
        in that study say" is answered by a finding of the study whose method gives the 32."""
        if not figures:
            return None
        source_id = hit.snippet.source_id
        given = self._source_figures.get(source_id)
        if given is None:
            given = self._source_figures[source_id] = Given.joined(
                self._passage_given(doc_id)
                for doc_id, snippet in enumerate(self.kb.snippets)
                if snippet.source_id == source_id
            )
        return next((figure for figure in figures if not given.gives(figure)), None)

    def _figures_given(self) -> Given:
        """What every passage together gives, gathered the first time a figure is claimed."""
        if self._all_figures is None:
            self._all_figures = Given.joined(
                self._passage_given(doc_id) for doc_id in range(len(self.kb.snippets))
            )
        return self._all_figures

    def _passage_given(self, doc_id: int) -> Given:
        """What one passage gives (`Given.of` its text): saved with the index (`SnippetFacts`),
        else gathered for every passage at once."""
        given = self._given
        if given is None:
            given = self._given = [Given.of([snippet.text]) for snippet in self.kb.snippets]
        return given[doc_id]

    def _undated(self, hit: Hit) -> bool:
        """Whether the passage's source has no year (a web page), so may report any work."""
        source = self.kb.sources.get(hit.snippet.source_id)
        return source is None or source.year is None

    def _reaches_past(self, hit: Hit, year: str) -> bool:
        """Whether a passage may say what came after the year: it names a later one, or its
        work is later ("any studies after 2019" is answered by a 2021 paper)."""
        source = self.kb.sources.get(hit.snippet.source_id)
        later_work = source is not None and source.year is not None and source.year > int(year)
        return later_work or _years_after(hit.snippet.text, year)

    def _outcome_asked(
        self, reading: _Reading
    ) -> tuple[str, tuple[tuple[_Concept, ...], ...]] | None:
        """(its words, its alternatives): the outcome a question asks whether something changes
        ("does peer support *reduce relapse or hospital readmissions* for ...?"), or None. Each
        alternative (split at "or", "and", a comma) is the concepts a passage must all name.

        Only in a question about whether it works (or one with no other frame), and only for an
        outcome with a name of its own: "does it improve outcomes?" asks about outcomes in
        general."""
        question = reading.question
        frame = question.frame
        if frame is not None and "evidence-outcomes" not in frame.topics and not frame.of_work:
            # ("Did the Salzer study find CPSs lower readmissions?": what a work found about
            # an outcome is asked as whether it changes.)
            return None
        words = question.words
        start = next((i for i, w in enumerate(words) if w in _OUTCOME_VERBS), None)
        helped = start is None and (start := _helped_with(words)) is not None
        if start is None:
            return None
        span: list[str] = []
        for word in words[start + 1 :]:
            if word in _OUTCOME_ENDS:
                break
            span.append(word)
        fillers = filler_terms()
        by_term = {
            concept.term: concept
            for concept in reading.concepts
            if concept.term not in _GENERIC_OUTCOMES
            and concept.term not in fillers
            and concept.term not in reading.place_terms
            and concept.weight > 0
        }
        alternatives: list[tuple[_Concept, ...]] = []
        group: list[_Concept] = []
        for word in [*span, "or"]:
            if word in ("or", "and"):
                if group:
                    alternatives.append(tuple(group))
                group = []
                continue
            group += [by_term[term] for term in tokenize(word) if term in by_term]
        if helped:
            # "Do peers help with substance use recovery?": what is helped with names an
            # outcome and often the condition it is of, so a passage naming one of its words
            # ("recovery process") may answer; not by "health" alone ("physical health" is
            # not named by "mental health settings"). Help "with mental health" is whether
            # it works at all, no outcome of its own.
            alternatives = [
                (concept,)
                for group in alternatives
                for concept in group
                if concept.term not in _BROAD_OUTCOME_TERMS
            ]
        if not alternatives:
            return None
        while span and span[0] in STOP_WORDS:
            span.pop(0)
        return " ".join(span), tuple(alternatives)

    def _names_outcome(self, alternatives: Sequence[Sequence[_Concept]], hit: Hit) -> bool:
        """Whether the passage's own text names every concept of one outcome asked about (by
        any of a concept's wordings: "hospitalization" for "readmissions" when the synonyms say
        so)."""
        terms = self._passage_terms(self._doc_ids[hit.snippet.id])
        return any(all(concept.named_in(terms) for concept in group) for group in alternatives)

    def _answers_outcome(self, alternatives: Sequence[Sequence[_Concept]], hit: Hit) -> bool:
        """Whether the passage names an outcome asked about (`_names_outcome`) and says that
        something changes it, or how strong the evidence is (`CHANGES`): "did the Salzer study
        find CPSs reduce hospitalization?" is not answered by a list of the programs that
        employ CPSs, "partial hospitalization" among them."""
        if not self._names_outcome(alternatives, hit):
            return False
        doc_id = self._doc_ids[hit.snippet.id]
        return CHANGES not in self._type_patterns or self._holds(doc_id, CHANGES)

    def _generic_for(self, reading: _Reading, hit: Hit) -> bool:
        """Whether a card_specific question about a named concept got a passage that only names
        it among many ("what does a family support navigator do" / the list of job titles)."""
        frame = reading.question.frame
        if frame is None or not frame.card_specific or not reading.named:
            return False
        doc_id = self._doc_ids[hit.snippet.id]
        if self._card_count[doc_id] > SPECIFIC_CARDS:
            return True
        # A role the sources only list among job titles ("whats the job of a peer bridger day
        # to day"): no passage says what it does, so one on another role's work (what CPSs
        # do) answers only where it names the role asked about.
        role = self._single_role(reading)
        if role is None or any(
            self._card_count[d] <= SPECIFIC_CARDS for d in self._cards.get(role.id, ())
        ):
            return False
        terms = self._passage_terms(doc_id)
        return not any(names <= terms for names in self._name_terms.get(role.id, ()))

    def _only_names_the_roles(self, reading: _Reading, hit: Hit) -> bool:
        """Whether a passage naming many roles (the list of job titles) covers nothing of the
        question but the role it names: "can family support navigators bill insurance?" is not
        answered by a list that has "family support navigator" in it. (`_generic_for` says the
        same of what-is and duties questions, whatever else they ask.)"""
        if self._card_count[self._doc_ids[hit.snippet.id]] <= SPECIFIC_CARDS:
            return False
        role = self._single_role(reading)
        if role is None:
            return False  # none, or two: how they relate, which the list of titles may say
        if any(concept.term in _NAMING_TERMS for concept in reading.concepts):
            return False  # "is 'peer bridger' a recognized title?": what the list says
        role_terms = {term for name in role.names for term in tokenize(name)}
        question = reading.question
        # A frame checking no answer type leaves its cue words among the concepts: "*define*
        # recovery coach" asks what "what is a recovery coach" asks, not about defining.
        cue_terms = (
            {_key(question.words[at]) for at in question.frame_positions}
            if question.frame is not None and question.frame.needs is None
            else set()
        )
        asked = [
            concept
            for concept in reading.concepts
            if concept.term not in role_terms
            and concept.term not in cue_terms
            and concept.term not in filler_terms()
            and concept.term not in reading.place_terms
            and not concept.term.startswith(_TYPE_PREFIX)
            and concept.weight > 0
        ]
        if not asked:
            return False  # "what is a peer bridger?": the role is all it asks about
        terms = self._passage_terms(self._doc_ids[hit.snippet.id])
        return not any(concept.named_in(terms) for concept in asked)

    def _single_role(self, reading: _Reading) -> Role | None:
        """The role the question names, when it names exactly one."""
        roles = [self.kb.roles[name] for name in reading.named if name in self.kb.roles]
        return roles[0] if len(roles) == 1 else None

    def _strong(self, hit: Hit) -> bool:
        return hit.coverage >= self.min_coverage and hit.evidence >= self.min_evidence

    def _duplicate(self, hit: Hit, chosen: Sequence[Hit]) -> bool:
        """Whether the passage's text terms are nearly those of one already chosen (Jaccard).

        The union's size is counted, not made: |A| + |B| - |A & B|, the same integer."""
        if not chosen:
            return False
        terms = self._duplicate_terms(self._doc_ids[hit.snippet.id])
        for other in chosen:
            other_terms = self._duplicate_terms(self._doc_ids[other.snippet.id])
            shared = len(terms & other_terms)
            union = len(terms) + len(other_terms) - shared
            if union and shared / union >= DUPLICATE_JACCARD:
                return True
        return False

    def _duplicate_terms(self, doc_id: int) -> frozenset[int] | frozenset[str]:
        """The passage's text terms as `_duplicate` compares them: their numbers when the build
        kept them (`TextTerms.numbers_of`: the same counts, made without a string lookup per
        term; on a large knowledge base most passages an answer shows are met for the first
        time), else `_passage_terms`. One index uses one kind, so sets of both never meet."""
        found = self._term_numbers.get(doc_id)
        if found is None:
            kept = self._text_terms
            found = self._term_numbers[doc_id] = (
                kept.numbers_of(doc_id) if kept is not None else self._passage_terms(doc_id)
            )
        return found

    def search(self, question: str, k: int = 3) -> Answer:
        """Answer a question with up to k cited passages, a partial answer, or a refusal."""
        read = self.read(question)
        shown, examined, reading, related, missing = self._decide(read, k)
        if shown and any(place.implicit for place in read.places):
            # "What do peer workers do in America?": the question names the sources' own
            # country, so a passage on Hong Kong's peer workers is no answer beside the US
            # ones. (Not when it is all there is: the reply's citation says where it is from.)
            at_home = [hit for hit in shown if not self._abroad_only(self._doc_ids[hit.snippet.id])]
            frame_asked = read.frame
            if (
                not at_home
                and frame_asked is not None
                and frame_asked.needs in _FIGURE_NEEDS
                and frame_asked.missing
            ):
                # "what percent of US youth access the services they need?": a figure for
                # Canada's youth or India's treatment gap is no figure for the USA. Declined,
                # with those figures related (and said to be of where they are).
                related, shown = shown[:MAX_RELATED], []
                lacked = frame_asked.missing.removesuffix(" for that")
                missing = f"{lacked} for the USA"
            shown = at_home or shown
        if not shown and missing in (None, NOTHING_SPECIFIC) and reading.figures:
            corrected = self._premise_correction(read, k)
            if corrected is not None:
                related, missing = corrected
        crisis = mentions_crisis(question)
        frame = read.frame.id if read.frame is not None else None
        named = tuple(reading.named) + tuple(place.id for place in read.required_places)
        ask = read.ask if read.reduced else None
        if crisis and shown and not self._answers_beside_the_crisis(question, shown[0]):
            # Someone may be in danger: the notice (988, the program's crisis protocol) comes
            # first, and a passage is quoted under it only for what the message asks besides
            # ("client is suicidal, does peer support reduce hospitalization?"). One that
            # matched the crisis words or the story ("wants to end it all" matched role
            # ambiguity) is not an answer.
            shown = []
            missing = CRISIS_MISSING
        if crisis and not shown:
            # Nor is it shown as related: under "she's thinking about ending her life", a
            # passage on hope or role models that matched the story reads as a reply to it.
            related = []
        if crisis and not shown and missing is None and not read.topical:
            # Nor told, under the notice, that its question is vague: that the sources hold no
            # answer and to follow the notice ("whats the number for the crisis line again?").
            missing = CRISIS_MISSING
        if shown:
            results = tuple(self._result(hit) for hit in shown)
            return Answer(
                question,
                True,
                results,
                (),
                crisis,
                frame=frame,
                concepts=named,
                ask=ask,
                other_questions=read.other_questions,
            )
        suggestions = self._suggest(examined, [n for n in reading.named if n in self.kb.roles])
        return Answer(
            question,
            False,
            (),
            suggestions,
            crisis,
            missing=missing,
            related=tuple(self._result(hit) for hit in related),
            frame=frame,
            concepts=named,
            ask=ask,
            other_questions=read.other_questions,
            vague=not read.topical and missing is None,
        )

    def _answers_beside_the_crisis(self, question: str, first: Hit) -> bool:
        """Whether the message, its crisis wording taken out, is still answered first by the
        same passage: then the passage answers what it asks besides the crisis."""
        rest = without_crisis_wording(question)
        if not _ASKING_RE.search(rest):
            return False  # "client wants to take all her pills at once" asks nothing else
        shown = self._decide(self.read(rest), 1)[0]
        return bool(shown) and shown[0].snippet.id == first.snippet.id

    def _result(self, hit: Hit) -> Result:
        """`Result.from_snippet` for a hit, its source's citation fields formatted once."""
        snippet = hit.snippet
        fields = self._citations.get(snippet.source_id)
        if fields is None:
            cited = Result.from_snippet(self.kb, snippet, hit.score)
            fields = (
                cited.source_id,
                cited.citation,
                cited.link,
                cited.kind,
                cited.source_name,
                cited.label,
            )
            self._citations[snippet.source_id] = fields
        source_id, citation, link, kind, name, label = fields
        return Result(
            snippet.id, source_id, snippet.text, citation, link, kind, name, hit.score, label
        )

    def suggest(
        self, examined: Sequence[Hit], named_roles: Sequence[str]
    ) -> tuple[Suggestion, ...]:
        """Roles and topics near a declined question, so the reader can rephrase."""
        top = [(self._doc_ids[hit.snippet.id], hit.score) for hit in examined]
        evidence = [hit.evidence for hit in examined]
        return self._suggest(_Examined(top, evidence, evidence), named_roles)

    def _label_keys(self) -> _Labels:
        """Each snippet's suggestion labels as (label number, share of its evidence) pairs, by
        doc id, and each numbered label as the `Suggestion` it offers; made once.

        One list of shared tuples (snippets repeat a few (topics, roles) pairs): a declined
        question reads its 40 candidates' labels from it rather than from 40 snippet objects
        scattered over a large knowledge base's memory. Labels are numbered (an int hashes
        for free, a (kind, id) tuple is hashed on every lookup) and a role's share is 0.5:
        `evidence * 0.5` is `evidence / 2`, and `evidence * 1.0` is `evidence`, exactly.
        The `Suggestion`s are frozen, so every answer may share them. Published as one object.
        """
        labels = self._labels
        if labels is None:
            numbers: dict[tuple[str, str], int] = {}
            offered: list[Suggestion] = []

            def number(kind: str, item_id: str) -> int:
                found = numbers.get((kind, item_id))
                if found is None:
                    found = numbers[(kind, item_id)] = len(offered)
                    label = (
                        self.kb.topics[item_id].label
                        if kind == "topic"
                        else self.kb.roles[item_id].title
                    )
                    offered.append(Suggestion(kind, item_id, label))
                return found

            shared: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[tuple[int, float], ...]]
            shared = {}
            of_doc: list[tuple[tuple[int, float], ...]] = []
            for snippet in self.kb.snippets:
                pair = (snippet.topics, snippet.roles)
                found = shared.get(pair)
                if found is None:
                    found = shared[pair] = (
                        *((number("topic", topic), 1.0) for topic in snippet.topics),
                        *((number("role", role), 0.5) for role in snippet.roles),
                    )
                of_doc.append(found)
            labels = self._labels = _Labels(of_doc, offered)
        return labels

    def _suggest(self, examined: _Examined, named_roles: Sequence[str]) -> tuple[Suggestion, ...]:
        suggestions: list[Suggestion] = [
            Suggestion("role", role_id, self.kb.roles[role_id].title) for role_id in named_roles
        ]
        weights: dict[int, float] = {}
        weight_of = weights.get
        of_doc, offered = self._label_keys()
        for (doc_id, _), evidence in zip(examined.top, examined.evidence, strict=True):
            # Topics count a passage's evidence, roles half of it; in passage order, as sums.
            for label, share in of_doc[doc_id]:
                weights[label] = weight_of(label, 0.0) + evidence * share
        # Best first; equal weights in the order first met (`sorted` is stable).
        ranked = sorted(weights, key=lambda label: -weights[label])
        taken = {(s.kind, s.id) for s in suggestions}
        for label in ranked:
            if len(suggestions) >= _MAX_SUGGESTIONS:
                break
            suggestion = offered[label]
            key = (suggestion.kind, suggestion.id)
            if key in taken:
                continue
            taken.add(key)
            suggestions.append(suggestion)
        if len(suggestions) < 3:
            for default in self.kb.topics.values():
                if not any(s.kind == "topic" and s.id == default.id for s in suggestions):
                    suggestions.append(Suggestion("topic", default.id, default.label))
        return tuple(suggestions[:_MAX_SUGGESTIONS])


def _source_text(source: Source) -> str:
    """The words a work is known by: its label, title, kind and description."""
    parts = [source.label or "", source.title or "", source.kind or "", source.description or ""]
    if len(source.authors) > 1:
        parts.append("colleagues")  # "Bellamy and colleagues", "Barrenger et al."
    return " ".join(parts)


def _document_labels(kb: KnowledgeBase) -> list[list[str]]:
    """What BM25 indexes for each snippet besides its text: topic labels, role titles, authors."""
    found = []
    for snippet in kb.snippets:
        labels = [kb.topics[topic].label for topic in snippet.topics]
        labels += [kb.roles[role].title for role in snippet.roles]
        # Staff cite papers by author ("the LaFrance review", "the Barrenger paper").
        labels += [
            author.split()[-1]
            for author in kb.sources[snippet.source_id].authors
            if author not in ("...", "…") and author.split()
        ]
        found.append(labels)
    return found


def _document_texts(kb: KnowledgeBase) -> list[str]:
    return [
        " ".join([snippet.text, *labels])
        for snippet, labels in zip(kb.snippets, _document_labels(kb), strict=True)
    ]


def passage_text_terms(
    kb: KnowledgeBase, tokens: Sequence[Sequence[str]], engine: PostingsBM25, numbers: IdArray
) -> TextTerms:
    """Each snippet's `tokenize(snippet.text)`, from its document's terms (`tokens`: `terms()`
    of `document_words`) as `engine`, fitted on them, numbers them (`numbers`, from
    `PostingsBM25.fit_numbered`).

    A document is its text, a space, then its labels, and `words()` never makes one word of
    both sides of a space: a word or number run holds no space, and normalising folds each
    character (or a letter with its accents) on its own, so nothing crosses it. `terms()` maps
    word by word, so a document's first terms are its text's, all but its labels' (tested on
    every snippet of the real knowledge base and on random text).
    """
    label_counts: dict[str, int] = {}
    counts: list[int] = []
    for found, labels in zip(tokens, _document_labels(kb), strict=True):
        joined = " ".join(labels)
        count = label_counts.get(joined)
        if count is None:
            count = label_counts[joined] = len(tokenize(joined))
        counts.append(len(found) - count)
    lengths = np.fromiter(map(len, tokens), np.int64, len(tokens))
    # Each token's place in its document, kept where that is among the text's first terms.
    place = np.arange(numbers.size) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    kept = numbers[place < np.repeat(np.asarray(counts, dtype=np.int64), lengths)]
    return TextTerms(engine.terms, counts, kept)


def document_tokens(kb: KnowledgeBase) -> list[list[str]]:
    """What BM25 indexes for each snippet: its text, topic labels, role titles, author names."""
    return [tokenize(text) for text in _document_texts(kb)]


def document_words(kb: KnowledgeBase) -> list[list[str]]:
    """The words of what BM25 indexes for each snippet: `terms()` of them is document_tokens."""
    return [words(text) for text in _document_texts(kb)]


def surface_vocabulary(
    split: Iterable[Sequence[str]], vocabulary: frozenset[str]
) -> dict[str, dict[str, str]]:
    """Corpus words by first letter -> {word: stem}, for correcting typos in questions."""
    surface: dict[str, dict[str, str]] = defaultdict(dict)
    # Each distinct word once, in order of first appearance (the order a loop over every word
    # of every passage gave): a knowledge base repeats a small vocabulary endlessly.
    for word in dict.fromkeys(itertools.chain.from_iterable(split)):
        if word in STOP_WORDS or word[0].isdigit() or len(word) < 4:
            continue
        stem = stem_word(word)
        if stem in vocabulary:
            surface[word[0]][word] = stem
    return dict(surface)


# Words asking for a time after a year ("what does WHO project *after* 2020").
_AFTER_WORDS = frozenset("after beyond post".split())


_HELP_VERBS = frozenset("help helps helped helping".split())
# The frame asking what something is (knowledge/frames.yaml), read for a bare name.
_DEFINITION = "definition"
# Asking nicely asks nothing more ("peer support pls": "pls" is spelled out as "please").
_PLEASE = frozenset({"please"})


# The field's own word: a passage without it, and tagged with no role, is about no peers.
_PEER_TERM = tokenize("peer")[0]
# Words of what is helped with that name no outcome alone: "mental health settings" says
# nothing of physical health ("physical" does).
_BROAD_OUTCOME_TERMS = frozenset(tokenize("health mental wellbeing"))


def _helped_with(words: Sequence[str]) -> int | None:
    """The position of "with" in "help(s) with <what>", or None: what is helped with is the
    outcome asked about ("do peers help with employment outcomes?")."""
    return next(
        (i for i in range(1, len(words)) if words[i] == "with" and words[i - 1] in _HELP_VERBS),
        None,
    )


def _asked_after(question_words: Sequence[str]) -> str | None:
    """The year a question asks what comes after ("after 2020", "beyond 2030"), or None."""
    for before, word in zip(question_words, question_words[1:], strict=False):
        if before in _AFTER_WORDS and _YEAR.fullmatch(word):
            return word
    return None


def _years_after(text: str, year: str) -> bool:
    """Whether a passage names a year later than this one: a projection "by 2020" says
    nothing of after 2020."""
    return any(int(found) > int(year) for found in _YEAR_IN_TEXT.findall(text))


_YEAR_IN_TEXT = lazy(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _with_extra_candidates(
    top: list[tuple[int, float]], extra: Sequence[int]
) -> list[tuple[int, float]]:
    """The candidates, with those of `extra` not among them added last, scored 0."""
    if not extra:
        return top
    have = {doc_id for doc_id, _ in top}
    return top + [(doc_id, 0.0) for doc_id in extra if doc_id not in have]


# Nouns naming a work, and the words that attach what it is about after it ("the blog *on*
# community health workers").
_WORK_NOUNS = frozenset("research study report blog post article paper review survey".split())
_ABOUT_WORDS = frozenset("on about by".split())
_DESCRIPTOR_WORDS = 4
# Words opening a question about what a work holds, not whether it holds a claim.
_OPEN_WORDS = frozenset("what which how why where".split())


def _work_descriptors(
    question_words: Sequence[str], cue_positions: frozenset[int] = frozenset()
) -> frozenset[str]:
    """Stems of the words describing a work the question names: up to four words right before
    a work noun ("the *self-disclosure* research", "the *Mental Health America 2017* report")
    and after it when joined by on, about or by ("the blog on *community health workers*"),
    the frame's cue words ("conclude") left out."""

    def describes(at: int) -> bool:
        word = question_words[at]
        return word not in STOP_WORDS and word not in _WORK_NOUNS and at not in cue_positions

    found: set[str] = set()
    for position, word in enumerate(question_words):
        if word not in _WORK_NOUNS:
            continue
        before = position - 1
        while before >= 0 and position - before <= _DESCRIPTOR_WORDS and describes(before):
            found.update(terms([question_words[before]]))
            before -= 1
        following = question_words[position + 1 : position + 2]
        if following and following[0] in _ABOUT_WORDS:
            end = min(len(question_words), position + 2 + _DESCRIPTOR_WORDS)
            for after in range(position + 2, end):
                if not describes(after):
                    break
                found.update(terms([question_words[after]]))
    return frozenset(found)


def _not_in_sources_missing(question: Question) -> str | None:
    """The frame's own `missing` when its frame asks what no passage holds (NOT_IN_SOURCES:
    "what billing code do we use"); None for any other question."""
    frame = question.frame
    return frame.missing if frame is not None and frame.needs == NOT_IN_SOURCES else None


def _missing_text(question: Question, type_missing: bool, lacking: Sequence[Place]) -> str:
    """What "the sources do not give": the frame's answer type, for the places named."""
    places = " or ".join(place.name for place in lacking)
    frame = question.frame
    if type_missing and frame is not None and frame.missing:
        if not places:
            return frame.missing
        # A closing parenthesis (who to ask instead, or why the sources lack it) closes the
        # sentence, after the places: "steps for setting it up for clubhouses (the sources ...)".
        what, pointer = _pointer_split(frame.missing)
        return f"{what} for {places}{pointer}"
    return f"anything specific to {places}" if places else NOTHING_SPECIFIC


def ask_tokens(kb: KnowledgeBase) -> list[list[str]]:
    """What BM25 indexes in the asks field: each snippet's curated questions, one document each."""
    return [tokenize(" ".join(getattr(snippet, "asks", ()))) for snippet in kb.snippets]


def _pointer_split(missing: str) -> tuple[str, str]:
    """A frame's `missing` as (what the sources lack, its closing " (...)" or "")."""
    if missing.endswith(")") and " (" in missing:
        cut = missing.rindex(" (")
        return missing[:cut], missing[cut:]
    return missing, ""
