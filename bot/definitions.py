"""Whether a passage defines the term a bare "what is X" question asks about.

A definition question about a concept with a card (`knowledge/` roles, topics, concepts) is
answered from the card. One about a term with no card ("what is stigma", "what does manualized
mean", "what is a paraprofessional") used to be answered by coverage alone, and the term is its
only content word: any passage holding it covered the whole question, so a mention ("Peer
support services can help in breaking down stigmas") was quoted as the definition. concepts.yaml
`unexplained` fixes that by hand for a few concepts; this module does it for any term: such a
question is answered only by a passage that defines the term, in one of the constructions a
definition takes in writing:

- the term as a sentence's subject, then "is a/an/the/one ...", "refers to", "means" ("Knowledge
  construction is a form of communication ...", "Dual Diagnosis Anonymous (DDA) is a ...");
- an abbreviation with its expansion ("Substance Abuse and Mental Health Services Administration
  (SAMHSA)"), which says what the abbreviation names;
- an appositive ("peer support, an exemplar of recovery-oriented services, ..."), or "known as",
  "referred to as", "called", ", which is".

Otherwise the reply says the sources mention the term without defining it, with the passages
naming it as related (`bot.index`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.records import Record, frozen_record
from bot.tokenize import STOP_WORDS, stem_word

# How a bare definition question opens, as words (`bot.tokenize.words`: "what's" is "what s").
# "what does X mean" and "what does X stand for" close with their verb instead (`_CLOSERS`).
_OPENERS: tuple[tuple[str, ...], ...] = tuple(
    tuple(opener.split())
    for opener in (
        "what is the meaning of",
        "what s the meaning of",
        "whats the meaning of",
        "what is the definition of",
        "what s the definition of",
        "whats the definition of",
        "what is meant by",
        "what do you mean by",
        "what exactly is",
        "what exactly are",
        "what even is",
        "what even are",
        "what really is",
        "what really are",
        "what actually is",
        "what actually are",
        "what is",
        "what s",
        "whats",
        "what are",
        "who is",
        "who s",
        "whos",
        "who are",
        "definition of",
        "meaning of",
        "define",
        "what does",
        "what do",
    )
)
# What closes "what does X mean" / "what does X stand for"; the only questions those openers
# start that ask for a definition.
_CLOSERS: tuple[tuple[str, ...], ...] = (("stand", "for"), ("mean",), ("means",))
# Words after the term that only say how the question is put ("what is DDA exactly").
_TRAILING = frozenset(
    "exactly actually anyway again even really precisely basically though tho then please".split()
)
# Where the term would end and a qualifier begin: "what is stigma in peer support", "what is
# role ambiguity for peer workers" (the field, the work or the people the term is asked of).
_QUALIFIERS = frozenset("in within for among according".split())
# A term opening with one of these is no term but a particular thing: "what is *the* treatment
# gap in India" asks for the gap's size, "what are *the* limitations of peer support" for a
# list, "what is *my* role" for advice; "what is *it*" points back.
_NOT_A_TERM_START = frozenset(
    """
    the this that these those my our your their his her its all some any so it they there he she
    you we i them one each every another such other no not how what which who why when where
    """.split()
)
# Words a term does not hold: a verb or a preposition asking about something else ("what are
# peers *paid*", "what does the ACA mean *for* peer workers" is read by `_CLOSERS`, not here).
_NOT_IN_A_TERM = frozenset(
    """
    do does did doing done be been being is are was were have has had say says said mean means
    like about if whether should could would can will may might must to than or vs versus and
    but with behind after before between through under over into from at on by
    considered called known meant defined seen counted classed classified
    """.split()
)
# Words that only open a turn in chat, before the question proper.
_INTERJECTIONS = frozenset("wait ok okay so hmm hm um uh oh sorry also and but".split())
# A closing "in the Rogers paper", "from that study", "in this review": where the term was met.
_TAIL_PREPOSITIONS = frozenset("in from".split())
_TAIL_DETERMINERS = frozenset("the that this".split())
_WORKS = frozenset("paper study article review report piece abstract survey source".split())
_MAX_TAIL_WORDS = 6
# The longest term a bare definition question names ("core conditions of helping relationships").
_MAX_TERM_WORDS = 5


@frozen_record
class AskedTerm(Record):
    """The term a bare definition question asks about, and how to say what the sources lack."""

    words: tuple[str, ...]
    wording: str  # "what {} is", "what {} are", "who {} is", "what {} means", "what {} stands for"

    def missing(self, ask: str) -> str:
        """What the sources do not give, with the term as the ask spells it ("what DDA is")."""
        found = re.search(r"\b" + r"\W+".join(map(re.escape, self.words)) + r"\b", ask, re.I)
        name = found.group(0) if found else " ".join(self.words)
        return f"{self.wording.format(name)} (they name it but do not define it)"


def asked_term(question_words: Sequence[str]) -> AskedTerm | None:
    """The term a bare definition question asks about ("what's a paraprofessional" ->
    ("paraprofessional",)), or None when the ask is more than "what is <term>"."""
    ask = list(question_words)
    # "wait what does 'manualized' mean", "ok so what is DDA": a word that only opens the turn.
    while ask and ask[0] in _INTERJECTIONS:
        ask.pop(0)
    while ask and ask[-1] in _TRAILING:
        ask.pop()
    for opener in _OPENERS:
        if tuple(ask[: len(opener)]) != opener:
            continue
        rest = ask[len(opener) :]
        wording = "who {} is" if opener[0].startswith("who") else "what {} is"
        if "are" in opener:
            wording = wording.replace(" is", " are")
        if "meaning" in opener or "meant" in opener or opener[-1] == "by":
            wording = "what {} means"
        if opener[-1] in ("does", "do"):
            rest = _without_work_tail(rest)
            closer = next((c for c in _CLOSERS if tuple(rest[-len(c) :]) == c), None)
            if closer is None or len(rest) <= len(closer):
                return None
            rest = rest[: -len(closer)]
            wording = "what {} stands for" if closer[0] == "stand" else "what {} means"
        term = _term(rest)
        if term is None:
            return None
        if rest[0] in ("a", "an"):
            wording = wording.replace("{}", rest[0] + " {}")
        return AskedTerm(term, wording)
    return None


def _without_work_tail(ask: list[str]) -> list[str]:
    """A "what does X mean" ask without a closing "in the Rogers paper", "from that study":
    where the asker met the word, not a qualifier of it ("what does manualized mean in the
    rogers paper" asks what manualized means). ("What is X in that study" may ask what the
    study says of X: not read so.)"""
    for start in range(max(len(ask) - _MAX_TAIL_WORDS, 1), len(ask) - 2):
        tail = ask[start:]
        if tail[0] in _TAIL_PREPOSITIONS and tail[1] in _TAIL_DETERMINERS and tail[-1] in _WORKS:
            return ask[:start]
    return ask


def _term(rest: list[str]) -> tuple[str, ...] | None:
    """The term in what follows an opener (an article dropped), or None when it is qualified."""
    while rest and rest[-1] in _TRAILING:
        rest.pop()
    for position, word in enumerate(rest):
        # "what is role ambiguity for peer workers", "what is stigma in peer support": what the
        # term is in a context, which a passage on it there answers without defining it. Not
        # the "in" or "for" of a name ("drop in center", "Peers for Progress").
        if word in _QUALIFIERS and position and len(rest) - position > 2:
            return None
    if rest and rest[0] in ("a", "an"):
        rest = rest[1:]
    if not rest or len(rest) > _MAX_TERM_WORDS:
        return None
    if rest[0] in _NOT_A_TERM_START or rest[-1] in STOP_WORDS:
        return None
    # A verb, a preposition or an article inside ("who is *considered a* peer", "what's
    # actually *behind* peer support working") makes a clause, not a term.
    if _NOT_IN_A_TERM.intersection(rest) or {"a", "an"}.intersection(rest):
        return None
    if all(word in STOP_WORDS for word in rest):
        return None
    return tuple(rest)


def defines(text: str, term: Sequence[str]) -> bool:
    """Whether the passage text defines the term in one of the constructions of a definition."""
    for pattern in _patterns(tuple(term)):
        for match in pattern.finditer(text):
            short = match.groupdict().get("short")
            if short is None or _is_abbreviation(short):
                return True
    return False


def names(text: str, term: Sequence[str]) -> bool:
    """Whether the passage text names the term at all (in any form of its words)."""
    return re.search(_term_regex(tuple(term)), text, re.IGNORECASE) is not None


def _word_regex(word: str) -> str:
    """A word of the term in any inflection the passage may use ("stigma" -> "stigmas")."""
    if word in STOP_WORDS or word.isdigit():
        return re.escape(word)
    stem = stem_word(word)
    root = stem if word.startswith(stem) else word[: max(3, len(word) - 2)]
    return re.escape(root) + r"\w*"


@lru_cache(maxsize=1024)
def _term_regex(term: tuple[str, ...]) -> str:
    """The term as a regex over passage text: its words in order, spaces or hyphens between."""
    return r"\b" + r"[\s\-]+".join(_word_regex(word) for word in term) + r"\b"


@lru_cache(maxsize=1024)
def _patterns(term: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """The defining constructions around the term (see the module's docstring)."""
    named = _term_regex(term)
    flags = re.IGNORECASE
    # A sentence's or clause's subject, perhaps after "the", with an abbreviation after it.
    subject = rf"(?:^|[.!?;:]\s+)(?:(?:the|a|an)\s+)?{named}(?:\s*\([^)]{{1,80}}\))?"
    found = [
        re.compile(
            subject + r"\s+(?:is|are|was|were)\s+(?:a|an|one|the|any|defined|described|known|"
            r"understood|called|referred\s+to|considered)\b",
            flags,
        ),
        re.compile(subject + r"\s+(?:refers?\s+to|means?|describes?|denotes?)\b", flags),
        # An appositive: "peer support, an exemplar of recovery-oriented services".
        re.compile(rf"{named},\s+(?:a|an|one|the)\s+\w+", flags),
        re.compile(rf"{named},?\s+which\s+(?:is|are)\s+(?:a|an|one|the)\b", flags),
        re.compile(
            rf"\b(?:known\s+as|referred\s+to\s+as|called|termed|defined\s+as)\s+"
            rf"(?:(?:the|a|an)\s+)?{named}",
            flags,
        ),
        re.compile(rf"\bdefin\w*\s+(?:of\s+)?(?:(?:the|a|an)\s+)?{named}", flags),
    ]
    if len(term) == 1:
        # An abbreviation and its expansion, either way round: "Certified Peer Specialist (CPS)",
        # "CPS (Certified Peer Specialist)".
        found.append(re.compile(rf"\w[\w\s,'&\-]{{3,120}}\(\s*(?P<short>{named})\s*\)", flags))
        found.append(
            re.compile(rf"(?P<short>{named})\s*\(\s*[A-Za-z][\w\s,'&\-]{{3,120}}\)", flags)
        )
    return tuple(found)


def _is_abbreviation(written: str) -> bool:
    """Whether the passage writes the word as an abbreviation: two capitals at least ("CPS",
    "iNAPS", "PSWs"), so "bipolar disorder (BD)" is no expansion of "disorder"."""
    return sum(ch.isupper() for ch in written) >= 2
