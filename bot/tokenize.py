"""One tokenizer for snippets and questions, so both sides of BM25 speak the same words.

rank-bm25 expects pre-tokenized input and compares tokens as opaque strings, so any mismatch in
normalisation between the corpus and a question silently loses a match. Everything that turns text
into terms therefore lives here and nowhere else.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# Runs of letters/digits; digits may keep inner separators so "1:1", "2.3" and "100,000" stay one
# term. Hyphens, slashes and apostrophes split words ("peer-delivered" -> "peer", "delivered").
_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+|\d+", re.UNICODE)

# Function words that carry no topic. Kept short on purpose: words such as "peer", "state" or
# "role" are content here, and BM25's idf already discounts the common ones.
STOP_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can can't cannot could couldn't did didn't do does doesn't
    doing don't down during each few for from further had hadn't has hasn't have haven't having he
    her here hers herself him himself his how i if in into is isn't it it's its itself just let me
    more most much my myself no nor not of off on once only or other ought our ours ourselves out
    over own same shall she should shouldn't so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was wasn't we
    were weren't what when where which while who whom why will with won't would wouldn't you your
    yours yourself yourselves s t d ll m re ve
    also anyone anything get got many please tell thanks
    ain aren couldn didn doesn don hadn hasn haven isn mustn shan shouldn wasn weren won wouldn
    """.split()
)

# Everyday words that are indexed like any other (a source may use them) but that, when the
# corpus lacks them, say little about what a question is after: "what do CPSs *actually* do all
# *day*" is about CPSs, while "what is the *salary* of a CPS" asks for something the sources do
# not hold. `bot.index` weighs an unknown filler word lightly and an unknown other word heavily,
# and caps a filler word's weight even when a passage happens to use it ("what did they *find*",
# "why is it such a *big deal*"): a rare everyday word is not what a question is about.
FILLER_WORDS: frozenset[str] = frozenset(
    """
    actual actually around basically come day days do done ever exactly folks get getting give
    go goes going gone guess keep kind know like look lot lots make matter matters mean much
    need normal normally often okay ok probably put quite rather really regular right say says
    see seem seems sort spend stuff sure take thing things think try usually vs want way well
    worth would yeah nobody somebody someone everyone everybody anybody supposed pick choose
    check cite explain figure whether find finds found big deal main point points takeaway
    takeaways true wrong important happen happens happened new old older recent recently today
    real whole question questions answer answers ask asked asking tell told said lately anyway
    example examples general overall basic basics simple quick year years month months week weeks
    tomorrow yesterday biggest even given issue issues anyone anybody shown across these those
    honestly literally super pretty very
    """.split()
)

_stemmer = snowballstemmer.stemmer("english")
# A Snowball stemmer keeps the word it is working on in itself: two threads stemming at once
# (the app answers on a thread pool) corrupt each other's words or raise IndexError.
_stemmer_lock = threading.Lock()


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    """Stem one lower-case word; cached because a small vocabulary repeats endlessly."""
    with _stemmer_lock:
        stem: str = _stemmer.stemWord(word)
    return stem.lower()


def normalize(text: str) -> str:
    """Fold compatibility forms and case, and drop accents, so "Café" and "cafe" agree."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped).casefold()


def words(text: str) -> list[str]:
    """Normalised word and number runs, stop words included (for phrase matching)."""
    return [word.lower() for word in _TOKEN_RE.findall(normalize(text))]


def tokenize(text: str) -> list[str]:
    """Turn text into BM25 terms: normalised, stop words dropped, stemmed, numbers kept."""
    terms: list[str] = []
    for word in words(text):
        if word in STOP_WORDS:
            continue
        if word[0].isdigit():
            terms.append(word)
            continue
        stem = stem_word(word)
        if stem and stem not in STOP_WORDS:  # "abouts" stems to the stop word "about"
            terms.append(stem)
    return terms


@lru_cache(maxsize=1)
def filler_terms() -> frozenset[str]:
    """FILLER_WORDS as terms (stemmed), to compare with tokenize() output."""
    return frozenset(tokenize(" ".join(FILLER_WORDS)))
