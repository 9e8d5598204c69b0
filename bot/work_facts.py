"""What a question asks of one work itself: its date, authors, title, design or sample.

"halsall paper authors + yr", "when did bellamy publish", "what was the tse study design", "how
many ppl in the salzer one": a question made only of a work's name (an author's surname, with
"paper", "study", "one"...) and words asking for a fact about the work is answered from that
work's own passages of that kind (its byline for a date or its authors, its methods passages
for its design, a count of those it recruited for its sample), never from what another work
says or from what the work found. BM25 ranked the work's findings first (they name the author
in their citation) and the frames asking for a year or a date dropped every byline, so such
questions got a finding or "the sources do not give the year" though the byline prints it.
When the work's passages hold no such fact, the reply says which fact of which work is missing,
with that work's passages only as related.

A question with any other word ("when did Rogers say peer support began") is not only about
the work and is left to the usual search (`plan` returns None).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from bot.knowledge import Snippet, Source
from bot.lazy_re import lazy
from bot.records import Record, frozen_record

# The facts asked, and the words asking each. "who" and "when" alone ask this only beside a
# word for a work ("goutam paper who/when"); "who is Salzer" asks something else.
DATE = "date"
AUTHORS = "authors"
TITLE = "title"
DESIGN = "design"
SAMPLE = "sample"
_FACET_WORDS: Mapping[str, frozenset[str]] = {
    DATE: frozenset("year yr years date dated".split()),
    AUTHORS: frozenset("authors author byline coauthors writer writers".split()),
    TITLE: frozenset("title titled".split()),
    DESIGN: frozenset("design designed method methods methodology methodological".split()),
    SAMPLE: frozenset("sample participants participant subjects respondents".split()),
}
# Asking words that name a fact only beside a word for a work or a verb for making one:
# "goutam paper who/when", "when did bellamy publish"; "who is Salzer" asks something else.
_WEAK_FACET_WORDS: Mapping[str, frozenset[str]] = {
    DATE: frozenset({"when"}),
    AUTHORS: frozenset({"who"}),
    TITLE: frozenset({"called"}),
    SAMPLE: frozenset("people ppl clients persons members patients youth".split()),
}
# Verbs for making or publishing a work, and words that only go with a facet ("sample *size*"):
# no fact of their own ("what did Bellamy publish" asks what it says, and is left alone).
_ASKING_VERBS = frozenset(
    "published publish publication posted written released come came out wrote authored "
    "co-wrote cowrote put up use used using size".split()
)
# Words for a work: "the Goutam paper", "the salzer one".
_WORK_WORDS = frozenset(
    "paper papers study studies report article articles review blog post piece viewpoint one "
    "survey evaluation abstract research".split()
)
# Words that carry no fact of their own in such a question.
_FILLER = frozenset(
    "what whats which is was were are the a an of for by on in at did does do it its their "
    "they them and or about tell me give show list pls please s this that how many much "
    "get got there any colleagues et al team from".split()
)
# Words asking what a work found or says: its content, never a fact of the work itself ("what
# did the youth peer support study find"). Nor do they name a work by its subject, though a
# description may hold them ("a summary of findings").
_FINDING_WORDS = frozenset(
    "find finds found finding findings conclude concludes concluded conclusion conclusions "
    "result results show shows showed shown say says said learn learned".split()
)
_YEAR_RE = lazy(r"\b(?:19|20)\d\d\b")
# A passage saying how a study was done: its kind, whom it recruited or interviewed, how it
# searched or analysed (a finding is no design).
_DESIGN_RE = lazy(
    r"\b(?:interview\w*|recruit\w*|analy[sz]\w*|qualitative|quantitative|thematic|"
    r"mixed-methods|longitudinal|searched|survey completed|surveyed|realist approach|"
    r"meta-analys\w*|"
    r"randomi[sz]ed|trial|paradigm|reviewed|review of|literature review)\b",
    re.IGNORECASE,
)
_COUNT = (
    r"(?:(?<![\d.])(?!(?:19|20)\d\d\b)\d+\b|\b(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty)\b)"
)
# Whom a study counted: a number of those it recruited, interviewed or surveyed ("a total of 32
# clients ... were recruited", "six DDA members were interviewed", "completed by 291 CPSs"),
# not any number beside "participants" ("participants ... revolved around three experiences").
_SAMPLE_RE = lazy(
    rf"{_COUNT}(?:\W+[\w-]+){{0,6}}?\W+(?:were|was)\s+(?:recruited|interviewed|surveyed|enrolled)"
    rf"|\b(?:completed by|sample of|total of|survey of)\s+{_COUNT}"
    rf"|{_COUNT}\s+(?:participants|respondents)\b",
    re.IGNORECASE,
)
# A work another source only mentions, by its author: "a 2010 study by Salzer and colleagues",
# "a recent article by Grant and Colleagues".
_MENTIONED_RE = lazy(
    r"\b(?:study|survey|review|paper|report|work) by ([A-Z][a-z]{2,})\b"
    r"|\b([A-Z][a-z]{2,}) (?:and [Cc]olleagues|et al)\b"
)


@frozen_record
class Work(Record):
    """A work a question names: a source by its author's surname, or a work a passage mentions.

    `passages`: doc ids of its own passages (or of those naming it); `byline`: of those that
    print who wrote it and when; `source`: None for a work only mentioned."""

    name: str
    passages: tuple[int, ...]
    byline: tuple[int, ...]
    source: Source | None


@frozen_record
class Plan(Record):
    """What to show (doc ids, best first) or, when `missing` is set, what the sources lack and
    the work's passages to show as related."""

    shown: tuple[int, ...]
    related: tuple[int, ...]
    missing: str | None


# Every word that may ask a fact of a work; a question with none asks none (`asked_facets`).
_FACT_WORDS = frozenset().union(*_FACET_WORDS.values(), *_WEAK_FACET_WORDS.values())
# The words that cannot name a work by its subject (`naming_words`).
_NOT_NAMING = _FILLER | _WORK_WORDS | _ASKING_VERBS | _FACT_WORDS | _FINDING_WORDS


def may_ask_a_fact(words: Sequence[str]) -> bool:
    """Whether the question has a word asking a fact of a work at all: without one,
    `asked_facets` is None whatever work it names, so finding the work can be skipped."""
    return not _FACT_WORDS.isdisjoint(words)


def asked_facets(words: Sequence[str], names: frozenset[str]) -> tuple[str, ...] | None:
    """The facts a question made only of a work's name and asking words asks, in the order the
    facets are listed; None when it has any other word or asks none."""
    if any(a == "many" and b == "of" for a, b in zip(words, words[1:], strict=False)):
        return None  # "how many of the DDA members were in work": a part of those counted
    if not _FINDING_WORDS.isdisjoint(words):
        return None  # "what did the youth study find": what it found, not who took part
    strong = any(word in ws for ws in _FACET_WORDS.values() for word in words)
    # A weak asking word counts beside a strong one, a word for a work, or a verb for making one.
    has_work_word = strong or any(w in _WORK_WORDS or w in _ASKING_VERBS for w in words)
    asked: list[str] = []
    for word in words:
        if word in names or word in _WORK_WORDS or word in _FILLER or word in _ASKING_VERBS:
            continue
        facet = next((f for f, ws in _FACET_WORDS.items() if word in ws), None)
        if facet is None and has_work_word:
            facet = next((f for f, ws in _WEAK_FACET_WORDS.items() if word in ws), None)
        if facet is None:
            return None
        if facet not in asked:
            asked.append(facet)
    if not asked:
        return None
    if SAMPLE in asked and AUTHORS in asked and "people" not in words:
        asked.remove(SAMPLE)  # "how many authors": the byline counts them
    return tuple(f for f in _FACET_WORDS if f in asked)


def with_title(words: Sequence[str], names: frozenset[str], title: str) -> frozenset[str]:
    """The words naming a work, with its title's words when the question describes it by them
    beside a word for a work ("when was the Peers for Progress blog post *about integrating
    peer supporters* published?"): a description of the work asked about, no fact of its own.
    Only then do "about" and "on" join them."""
    titled = frozenset(re.findall(r"[a-z0-9]+", title.casefold()))
    extra = (titled - _FILLER - names).intersection(words)
    if not extra or not says_work(words):
        return names
    return names | titled | {"about", "on"}


def says_work(words: Sequence[str]) -> bool:
    """Whether the question has a word for a work ("paper", "study", "the salzer one"): a
    surname that is also a common word ("grant") names a work only beside one."""
    return any(word in _WORK_WORDS for word in words)


def naming_words(words: Sequence[str]) -> tuple[str, ...]:
    """The words of a question that neither ask a fact nor say "paper", "the", "what"...:
    those that may name the work by its subject ("hong", "kong", "bipolar")."""
    return tuple(word for word in words if word not in _NOT_NAMING)


def work_label(source: Source) -> str:
    """How a reply names a source: "the 2020 conceptual paper by Goutam"."""
    named = [a for a in source.authors if a.strip() not in ("...", "…")]
    if len(source.authors) > 1:
        who = f"{named[0].split()[-1]} and colleagues"
    else:
        who = named[0] if named else "its authors"  # "Peers for Progress", "Neeti Goutam"
    year = f"{source.year} " if source.year else ""
    return f"the {year}{source.kind} by {who}"


def plan(
    work: Work,
    facets: Sequence[str],
    texts: Sequence[str],
    holds: Callable[[int, str], bool],
) -> Plan:
    """What answers each facet of the work (`texts[doc_id]`, `holds(doc_id, type)`): the
    passages answering every facet asked, or what the first unanswered one lacks."""
    answers: list[int] = []
    for facet in facets:
        found = _answering(work, facet, texts, holds)
        if not found:
            related = _related(work, facet, texts, holds, answers)
            return Plan((), related, _missing(work, facet))
        answers.extend(d for d in found if d not in answers)
    return Plan(tuple(answers), (), None)


def _answering(
    work: Work, facet: str, texts: Sequence[str], holds: Callable[[int, str], bool]
) -> tuple[int, ...]:
    """The work's passages that state this fact of it."""
    if facet == DATE:
        pool = work.byline if work.source is not None else work.passages
        return tuple(d for d in pool if _YEAR_RE.search(texts[d]))
    if facet == AUTHORS:
        return work.byline if work.source is not None else work.passages
    if facet == TITLE:
        title = work.source.title if work.source is not None else None
        if not title:
            return ()
        head = title.casefold()[:40]
        return tuple(d for d in work.passages if head in texts[d].casefold())
    if facet == DESIGN:
        kinds = tuple(d for d in work.passages if holds(d, "work_kind"))
        # A passage citing another work ("(National Mental Health Survey of India, 2015)")
        # reports that work's data, not how this one was done.
        rest = tuple(
            d
            for d in work.passages
            if d not in kinds
            and d not in work.byline
            and _DESIGN_RE.search(texts[d])
            and (work.source is None or not holds(d, "mentions_work"))
        )
        return kinds + rest
    # SAMPLE: a count of those the study recruited, interviewed or surveyed.
    return tuple(d for d in work.passages if d not in work.byline and _SAMPLE_RE.search(texts[d]))


def _related(
    work: Work,
    facet: str,
    texts: Sequence[str],
    holds: Callable[[int, str], bool],
    answered: Sequence[int],
) -> tuple[int, ...]:
    """The work's own passages nearest the fact it lacks: its design for a sample (a review
    counts no participants), its purpose for a design, its byline for the rest."""
    if work.source is None:
        near = work.passages  # a work only mentioned: the passages naming it
    elif facet == SAMPLE:
        near = _answering(work, DESIGN, texts, holds)
    elif facet == DESIGN:
        near = tuple(d for d in work.passages if holds(d, "study_design"))  # what it set out to do
    else:
        near = work.byline
    return tuple(dict.fromkeys([*answered, *near]))


def _missing(work: Work, facet: str) -> str:
    """What the sources lack, naming the work."""
    name = work.name
    if facet == DATE:
        return f"a date for {name}"
    if facet == AUTHORS:
        return f"the names of those who wrote {name}"
    if facet == TITLE:
        if work.source is None:
            return f"the title of {name} (the sources only mention it)"
        if work.source.title:
            return f"a passage quoting the title of {name} (the citation under its quotes gives it)"
        return f"the title of {name} (its page in the sources prints its byline, not a title)"
    if facet == DESIGN:
        return f"how {name} was designed or carried out"
    return f"how many took part in {name}"


def mentioned_works(snippets: Sequence[Snippet]) -> dict[str, tuple[int, ...]]:
    """{surname (case-folded): doc ids of passages naming it} for works the passages only
    mention by their author ("a 2010 study by Salzer and colleagues")."""
    names: set[str] = set()
    for snippet in snippets:
        text = snippet.text
        # Each alternative of the pattern holds one of these literally: checked first, as most
        # passages hold none and the pattern tries every position (a cold build reads them all).
        if " by " in text or "olleagues" in text or "et al" in text:
            for match in _MENTIONED_RE.finditer(text):
                names.add(match.group(1) or match.group(2))
    found: dict[str, tuple[int, ...]] = {}
    for name in sorted(names):
        pattern = re.compile(rf"\b{re.escape(name)}\b")
        found[name.casefold()] = tuple(
            doc_id for doc_id, snippet in enumerate(snippets) if pattern.search(snippet.text)
        )
    return found
