"""Figures a question claims ("the VA hired 8,000 peers, right?") and whether a passage gives them.

A question that states or asks to confirm a count, an amount or a share carries a premise: a
passage on the same subject that gives another figure ("hire 800 peer-to-peer support
counselors") or none does not confirm it, and quoting it as the answer would. `bot.index` shows
such a passage as related, and the reply says which figure the sources do not give (the same
pattern as a year no source has, `SnippetIndex._dated_otherwise`).

Only figures that are claims are read here. A number that sets the asker's own scene ("we serve
16-25 year olds", "supervising 6 PSS", "my 2pm"), a span of time ("in the last 5 years", "30-day
readmissions"), a rate's base ("per 100 clients", "per 15-min unit"), a year, a ratio ("1:1") or a
code that is a name ("H0038", "42 CFR Part 2", "SB 803", "12 steps") claims nothing about what
the sources say.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.lazy_re import lazy
from bot.records import Record, frozen_record
from bot.tokenize import NUMBER_WORDS, STOP_WORDS

# A number as written: "8,000", "2.3", "30" ("1:1" is a format, no figure: `_figure`).
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
# Scale words after a number, and the factor each stands for ("23 million", "$2.3M", "5k").
_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mil": 1e6,
    "mill": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
}
# (Longest first, though the closing \b would reject a shorter word's partial match anyway.)
_SCALE = r"(?:" + "|".join(sorted(_SCALES, key=len, reverse=True)) + r")\b"
_PERCENT = r"(?:\s*%|\s*percent\b|\s*per\s+cent\b|\s*pct\b)"
# The word after a count that makes the number a span of time, an age, a clock time, a rank or
# a unit of measure rather than a count of what the sources count.
_NOT_COUNTED = frozenset(
    """
    year years yr yrs yo y month months mo mos week weeks wk wks day days hour hours hr hrs
    minute minutes min mins second seconds sec secs am pm oclock th st nd rd
    step steps session sessions times time x percentile
    """.split()
)
# A first-person word: the number that follows it in a clause is the asker's own ("we serve
# 16-25", "our 8 peers", "I'm supervising 6 PSS"), unless a word of hearsay comes between ("I
# heard 8,000", "I read it cuts them by 30%"): that introduces a claim.
_FIRST_PERSON = frozenset("i we our us my me mine ours im i'm we're were weve ive".split())
_HEARSAY = frozenset(
    """
    heard hear read reading saw seen see told tells say says said think thought believe
    understand remember recall claim claims claimed
    """.split()
)
# How many words before a number a first-person word sets the scene.
_SCENE_WORDS = 4
# A word ending a clause: the scene a first-person word sets ends there.
_CLAUSE_END = lazy(r"[.;:!?,()\-–—]\s")

_FIGURE_RE = lazy(
    r"(?P<dollar>\$\s*)?(?P<number>" + _NUMBER + r")(?![\d:/])"
    r"(?:(?P<percent>" + _PERCENT + r")|\s*(?P<scale>" + _SCALE + r"))?"
    r"(?:[\s-]+(?P<noun>[a-z][a-z'-]*))?",
    re.IGNORECASE,
)
# "all 50 states", "all the states", "every state": a claim that a count is all of them ("in
# each state" distributes, claims nothing).
_ALL_STATES_RE = lazy(
    r"\ball(?:\s+(?:of\s+)?the)?(?:\s+(?:50|fifty))?(?:\s+(?:u\.?s\.?|us))?\s+states\b"
    r"|\bevery(?:\s+single)?\s+(?:u\.?s\.?\s+)?state\b",
    re.IGNORECASE,
)
# "1 in 4", "35 out of 50": a ratio, checked as a share (25%, 70%), neither number as a count.
_COUNT_WORD = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten"
# Any count word of `_COUNT_WORD`, anywhere (a text lacking all of them has no ratio in words).
_COUNT_WORDS_RE = lazy(r"one|two|three|four|five|six|seven|eight|nine|ten")
# The same words as whole words: a ratio in words has one as a run of letters of its own.
_RATIO_WORDS = frozenset(_COUNT_WORD.split("|")[1:])
# The only characters that `re.IGNORECASE` matches to an ASCII letter but `str.lower()` does not
# turn into it (dotted and dotless i, long s, the Kelvin sign): a text holding one is read by
# the patterns themselves, not by the word tests that stand in for them.
_FOLDS_ODDLY = frozenset("\u0130\u0131\u017f\u212a")
_LETTERS_RE = lazy(r"[a-z]+")
# Any digit (`\d`, as the patterns' numbers): a text with none claims no number.
_DIGIT_RE = lazy(r"\d")
_RATIO_RE = lazy(
    rf"\b(?P<part>{_COUNT_WORD})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<whole>{_COUNT_WORD})\b",
    re.IGNORECASE,
)
# Two figures offered as a choice: "2.3 million or 23 million", "800 or 8000 peer counselors".
_EITHER_RE = lazy(
    rf"\$?{_NUMBER}(?:\s*{_SCALE}|{_PERCENT})?\s+(?:\w+\s+){{0,3}}or\s+(?:was\s+it\s+|is\s+it\s+)?"
    rf"\$?{_NUMBER}",
    re.IGNORECASE,
)
# A count of states a passage gives ("41 states", "35 out of 50 states"): theirs, said instead
# of "all 50 states".
_STATES_COUNT_RE = lazy(
    r"\b(?:\d+|" + "|".join(NUMBER_WORDS) + r")(?:\s+out\s+of(?:\s+the)?\s+\d+)?\s+states\b",
    re.IGNORECASE,
)
# A preposition before "all states" that makes them where something is asked about.
_PLACING = frozenset("in across for from to between among within throughout of at by".split())
_UNITS = {"one": 1.0} | {word: float(digits) for word, digits in NUMBER_WORDS.items()}
# "cut in half", "halved", "by half": a share of 50%.
_HALF_RE = lazy(r"\b(?:in|by)\s+half\b|\bhalve[sd]?\b|\bhalving\b", re.IGNORECASE)
_PASSAGE_HALF_RE = lazy(r"\bhalf\b|\bhalve[sd]?\b|\b50\s*(?:%|percent\b)", re.IGNORECASE)
_HALF = 50.0
_YEAR = lazy(r"(?:19|20)\d\d")
# A word before or after a number that makes it part of a name ("Title 42", "SB 803", "42 CFR").
_NAMING = frozenset("part title section sb hb ab bill code cfr usc chapter rule form line".split())


# Words after a figure that make it a guess up to its next step ("2 mil something", "40-odd").
_VAGUE_TAIL = frozenset("something somethin odd ish".split())
# A guess said after the figure ("800 or so", "2 million or thereabouts").
_OR_SO_RE = lazy(r"\s*(?:or\s+so|or\s+thereabouts|give\s+or\s+take|ish)\b", re.IGNORECASE)
# Words before a figure that make it a guess ("about 40 states", "like 2 million?").
_ABOUT_WORDS = frozenset(
    "about around roughly approximately approx circa ca like maybe perhaps nearly almost".split()
)
# How far from a figure said "about" a passage's figure may be and still be it.
_ABOUT = 0.25


@frozen_record
class Figure(Record):
    """One figure a question claims."""

    shown: str  # as the question wrote it: "8,000", "23 million", "30%", "all 50 states"
    kind: str  # "count", "amount", "percent" or "all" (every state)
    value: float | None  # None for "all"
    noun: str  # the word a count counts ("states", "peer"); "" when none
    # The words it is written with, as either reading splits it ("8,000", or "8" and "000").
    tokens: frozenset[str]
    # A guess ("2 mil something", "about 40 states"): the values it allows, low to high; a
    # passage giving one of them gives the figure (None: only the value itself).
    within: tuple[float, float] | None = None


def claimed_figures(text: str, words: tuple[str, ...]) -> tuple[Figure, ...]:
    """The figures the message claims among the asked words (`words`, the ask as read): a
    number in an aside the ask left out ("we serve 16-25 yr olds.") claims nothing, and nor do
    figures offered as a choice ("was it 2.3 million or 23 million?"): the passage giving one
    of them answers which."""
    figures = _claimed(text, words)
    if not _DIGIT_RE.search(text):
        return figures  # (a choice between figures is between numbers: nothing offered)
    offered = {
        token
        for match in _EITHER_RE.finditer(text)
        for token in re.findall(r"\d+(?:[.,]\d+)*", match.group(0))
    }
    if not offered:
        return figures
    return tuple(f for f in figures if not any(t[0].isdigit() and t in offered for t in f.tokens))


def _claimed(text: str, words: tuple[str, ...]) -> tuple[Figure, ...]:
    """`claimed_figures` before the choices offered are taken out."""
    asked = set(words)
    found: list[Figure] = []
    taken: list[range] = []
    # What each pattern needs, checked first (a scan in C is cheaper than the pattern's):
    # a figure is digits; "all 50 states" says "state", a ratio a count (digits or a count
    # word). The lower-cased text stands in for case-insensitive matching unless it holds a
    # character that folds oddly (`_odd_folds`: a long s matches "s"); then every pattern is
    # tried, as for a passage (`_figures`).
    numbers = _DIGIT_RE.search(text) is not None
    folded, odd = text.lower(), _odd_folds(text)
    states = odd or "state" in folded
    counts = numbers or odd or _COUNT_WORDS_RE.search(folded) is not None
    for match in _ALL_STATES_RE.finditer(text) if states else ():
        taken.append(range(match.start(), match.end()))
        prior = re.findall(r"[a-z]+", text[: match.start()].lower())[-1:]
        if prior and prior[0] in _PLACING:
            # "can peers bill Medicaid in every state?", "offered in all fifty states": where,
            # answered by the passage saying in how many; "all 50 states certify peers" claims
            # they all do.
            continue
        # Its number and "every" are the claim's words, not the subject's ("states" is).
        said = frozenset(re.findall(r"\d+|every|fifty", match.group(0).lower()))
        shown = re.sub(r"\s+", " ", match.group(0).strip())
        found.append(Figure(shown, "all", None, "state", said))
    halves = (
        frozenset(w for w in asked if w == "half" or w.startswith("halv"))
        if "hal" in " ".join(asked)  # (each such word holds it)
        else frozenset()
    )
    if halves and _HALF_RE.search(text):
        found.append(Figure("half (50%)", "percent", _HALF, "", halves))
    for match in _RATIO_RE.finditer(text) if counts else ():
        taken.append(range(match.start(), match.end()))
        share = _share(match)
        digits = frozenset(re.findall(r"\d+", match.group(0)))
        if (
            share is not None
            and digits <= asked
            and not _scene_is_the_askers(text[: match.start()])
        ):
            found.append(Figure(match.group(0).lower(), "percent", share, "", digits))
    for match in _FIGURE_RE.finditer(text) if numbers else ():
        if any(match.start("number") in span for span in taken):
            continue
        figure = _figure(text, match)
        if figure is not None and _asked(figure, asked):
            found.append(_hedged(text, match, figure))
    return tuple(found)


def _hedged(text: str, match: re.Match[str], figure: Figure) -> Figure:
    """The figure as a guess when the asker hedges it ("2 mil something", "40-something
    states", "about 800", "$2 million or so"): with the values it allows (`Figure.within`).
    A guess is no claim: the passage giving 2.3 million answers "what was that SAMHSA grant,
    2 mil something?" rather than being shown as related to a figure it does not give."""
    if figure.value is None:
        return figure
    value = figure.value
    written = match.group("number").replace(",", "")
    if (match.group("noun") or "").lower() in _VAGUE_TAIL:
        # From the figure up to its next step: "2 mil something" is 2 to 3 million, "40-odd"
        # 40 to 50.
        digits = written.split(".")[0]
        zeros = len(digits) - len(digits.rstrip("0")) if digits.strip("0") else 0
        step = 10.0**zeros * (value / float(written) if float(written) else 1.0)
        said = figure.tokens | {match.group("noun").lower(), (match.group("scale") or "").lower()}
        return replace(
            figure,
            shown=f"{figure.shown} something",
            noun="",
            tokens=frozenset(said - {""}),
            within=(value, value + step),
        )
    end = match.end("scale") if match.group("scale") else match.end("number")
    prior = re.findall(r"[a-z]+", text[: match.start()].lower())[-1:]
    if (
        _OR_SO_RE.match(text, end)
        or (prior and prior[0] in _ABOUT_WORDS)
        or text[: match.start()].rstrip().endswith("~")
    ):
        return replace(
            figure,
            shown=f"about {figure.shown}",
            within=(value * (1 - _ABOUT), value * (1 + _ABOUT)),
        )
    return figure


def _share(match: re.Match[str]) -> float | None:
    """A ratio as a percentage, to one decimal ("one in four" is 25.0)."""
    part, whole = (_unit(match.group(name)) for name in ("part", "whole"))
    if part is None or not whole or part > whole:
        return None
    return round(100 * part / whole, 1)


def _unit(written: str) -> float | None:
    """A ratio's number, written in digits or as a word; None for a word the pattern matched
    only by ignoring case ("ſix", with a long s, is no count word once lower-cased)."""
    return float(written) if written.isdigit() else _UNITS.get(written.lower())


def _asked(figure: Figure, asked: set[str]) -> bool:
    """Whether the figure's number is among the asked words, whole or split at its commas."""
    digits = {token for token in figure.tokens if token[0].isdigit()}
    whole = {token for token in digits if "," in token}
    return bool(whole & asked) or (bool(digits) and digits - whole <= asked)


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    """The figure a number states, or None when it claims nothing (see the module)."""
    number = match.group("number")
    start = match.start("number")
    before = text[:start]
    if _YEAR.fullmatch(number) and not match.group("dollar") and not match.group("percent"):
        return None
    if before and (before[-1].isalnum() or before[-1] in "-/#:.,"):
        return None  # "H0038", "Part-2", "24/7", "1:1", a range's end ("16-25")
    after = text[match.end("number") : match.end("number") + 1]
    if after and (after.isalpha() and not match.group("scale") and not match.group("percent")):
        return None  # "2pm", "3rd", "15min"
    noun = (match.group("noun") or "").lower()
    tokens = frozenset([number, *re.findall(r"\d+(?:\.\d+)?", number)])
    value = float(number.replace(",", ""))
    percent, scale, dollar = match.group("percent"), match.group("scale"), match.group("dollar")
    if scale is not None and not dollar and scale.lower() in {"m", "b", "k"} and noun:
        # "5 m walk", "3 k steps": only "$2.3M" or "2.3m" alone is an amount.
        return None
    prior = re.findall(r"[a-z']+", before.lower())[-2:]
    if prior[-1:] == ["per"] or prior[-1:] == ["module"]:
        return None  # a rate's base ("per 100 clients"), "module 1"
    if prior[-1:] == ["of"] or prior == ["of", "the"]:
        return None  # what a share is out of ("out of the 50 states, how many ...")
    if prior and prior[-1] in _NAMING:
        return None  # a name: "Title 42", "SB 803"
    if _scene_is_the_askers(before):
        return None
    if percent:
        # "percent" is the figure's own word, not the subject's: checked with it.
        said = tokens | set(re.findall(r"[a-z]+", percent.lower()))
        return Figure(f"{number}%", "percent", round(value, 1), "", frozenset(said))
    if scale is not None or dollar:
        factor = _SCALES.get(scale.lower(), 1.0) if scale else 1.0
        shown = (
            f"${number}" + (f" {scale}" if scale and len(scale) > 1 else (scale or ""))
            if dollar
            else f"{number} {scale}"
        )
        # ("million" stays the subject's word: a passage giving an amount in millions has it.)
        return Figure(shown, "amount", value * factor, "", tokens)
    if (
        not noun
        or noun in STOP_WORDS
        or noun in _NOT_COUNTED
        or noun in _NAMING
        or (prior and prior[-1] in ("a", "an"))
    ):
        return None  # no count: a span, an age, a unit; "a 1115 waiver", "42 CFR" are names
    return Figure(number, "count", value, _noun(noun), tokens)


def _noun(word: str) -> str:
    """A counted word as compared: its first hyphenated part, singular ("peer-to-peer" and
    "peers" are "peer")."""
    first = word.lower().split("-")[0]
    return first[:-1] if first.endswith("s") and len(first) > 3 else first


def _scene_is_the_askers(before: str) -> bool:
    """Whether a first-person word shortly before the number, in its clause and with no word
    of hearsay between, makes the number the asker's own ("we serve 16", "supervising 6")."""
    clause = _CLAUSE_END.split(before)[-1]
    said = re.findall(r"[a-z']+", clause.lower())
    for at in range(len(said) - 1, max(len(said) - _SCENE_WORDS, 0) - 1, -1):
        if said[at] in _HEARSAY:
            return False
        if said[at] in _FIRST_PERSON:
            # "someone *told me* SAMHSA gave 23 million": who was told, not whose number.
            return not (at and said[at - 1] in _HEARSAY)
    return False


def passage_figures(text: str) -> frozenset[tuple[str, float]]:
    """Every figure a passage gives, as (kind, value): ("amount", 2300000.0) for "$2.3
    million", ("percent", 30.0) for "30%", ("count", 800.0) for "800" or ("count", 2.0) for
    "two"."""
    return _figures(text, text.lower(), _odd_folds(text))


def _odd_folds(text: str) -> bool:
    """Whether `text` holds a character of `_FOLDS_ODDLY`."""
    return not text.isascii() and not _FOLDS_ODDLY.isdisjoint(text)


def _figures(text: str, folded: str, odd: bool) -> frozenset[tuple[str, float]]:
    """`passage_figures`, given the text lower-cased and `_odd_folds(text)`."""
    found: set[tuple[str, float]] = set()
    said = set(_LETTERS_RE.findall(folded))
    # Most passages hold no digit, and many no count word: the patterns that need one are not
    # run over them (a cold build reads every passage; `_FIGURE_RE` tries each position).
    digits = _DIGIT_RE.search(text) is not None
    counted = digits or odd or not _RATIO_WORDS.isdisjoint(said)
    # The whole of a ratio is what it is out of, not a count given ("35 out of 50 states" does
    # not say 50 states do anything); a span of time is no count ("the past 30 years").
    ratios = list(_RATIO_RE.finditer(text)) if counted else []
    wholes = [match.start("whole") for match in ratios]
    for match in _FIGURE_RE.finditer(text) if digits else ():
        noun = (match.group("noun") or "").lower()
        if match.start("number") in wholes or (
            noun in _NOT_COUNTED and not match.group("percent") and not match.group("dollar")
        ):
            continue
        value = float(match.group("number").replace(",", ""))
        scale = (match.group("scale") or "").lower()
        if match.group("percent"):
            found.add(("percent", round(value, 1)))
        elif scale and (scale not in ("m", "b", "k") or not match.group("noun")):
            found.add(("amount", value * _SCALES[scale]))
        else:
            found.add(("amount" if match.group("dollar") else "count", value))
    for match in ratios:
        share = _share(match)
        if share is not None:
            found.add(("percent", share))
    for word in NUMBER_WORDS.keys() & said:
        found.add(("count", float(NUMBER_WORDS[word])))
    return frozenset(found)


@frozen_record
class Given(Record):
    """What some passages give, gathered once: their figures, and whether they say "all
    states" or "half"."""

    figures: frozenset[tuple[str, float]]
    all_states: bool
    half: bool

    @classmethod
    def of(cls, texts: Iterable[str]) -> Given:
        """What these passages give."""
        figures: set[tuple[str, float]] = set()
        all_states = half = False
        for text in texts:
            folded = text.lower()
            odd = _odd_folds(text)
            figures |= _figures(text, folded, odd)
            # Each pattern needs its word ("state", "half"/"halve", "50"): checked first, as
            # most passages have none and a pattern tries every position.
            all_states = all_states or (
                ("state" in folded or odd) and _ALL_STATES_RE.search(text) is not None
            )
            half = half or (
                ("hal" in folded or "50" in text) and _PASSAGE_HALF_RE.search(text) is not None
            )
        return cls(frozenset(figures), all_states, half)

    @classmethod
    def joined(cls, parts: Iterable[Given]) -> Given:
        """What the passages of `parts` (each `Given.of` some passages) give together: the
        same as `Given.of` all their texts."""
        figures: set[tuple[str, float]] = set()
        all_states = half = False
        for part in parts:
            figures |= part.figures
            all_states = all_states or part.all_states
            half = half or part.half
        return cls(frozenset(figures), all_states, half)

    def gives(self, figure: Figure) -> bool:
        """Whether the passages give the figure the question claims."""
        if figure.kind == "all":
            return self.all_states
        if figure.kind == "percent" and figure.value == _HALF and self.half:
            return True  # "half" is 50%, and the other way round
        if figure.within is not None:
            low, high = figure.within
            return any(kind == figure.kind and low <= value <= high for kind, value in self.figures)
        return (figure.kind, figure.value) in self.figures


def theirs(text: str, figure: Figure) -> str | None:
    """The figure of the same kind the passage gives instead ("800" for "8,000", "41 states"
    for "all 50 states"), when there is one to name; None when it gives several or none."""
    if figure.kind == "all":
        counts = {re.sub(r"\s+", " ", m.group(0)) for m in _STATES_COUNT_RE.finditer(text)}
        return counts.pop() if len(counts) == 1 else None
    options: list[str] = []
    ratios = [range(m.start(), m.end()) for m in _RATIO_RE.finditer(text)]
    if figure.kind == "percent":
        options += [m.group(0) for m in _RATIO_RE.finditer(text) if _share(m) is not None]
    for match in _FIGURE_RE.finditer(text):
        if any(match.start() in span for span in ratios):
            continue  # "35 out of 50 states" gives neither 35 nor 50 states
        number = match.group("number")
        if _YEAR.fullmatch(number) and not match.group("scale"):
            continue
        noun = _noun(match.group("noun") or "")
        if figure.kind == "percent" and match.group("percent"):
            options.append(f"{number}%")
        elif figure.kind == "amount" and (match.group("scale") or match.group("dollar")):
            scale = match.group("scale") or ""
            options.append(f"{number} {scale}".strip())
        elif figure.kind == "count" and noun and noun == figure.noun:
            options.append(number)
    unique = list(dict.fromkeys(options))
    return unique[0] if len(unique) == 1 else None


def missing_text(figure: Figure, passages: Sequence[str]) -> str:
    """What the sources do not give, said of the figure: "a figure of 8,000 (they give 800)",
    naming the figure the first related passage that has one of the kind gives instead."""
    instead = next((t for t in (theirs(text, figure) for text in passages) if t is not None), None)
    if figure.kind == "all":
        said = f"anything saying {figure.shown}"
    elif instead is None:
        said = f"any figure of {figure.shown}"
    else:
        said = f"a figure of {figure.shown}"
    return f"{said} (they give {instead})" if instead is not None else said
