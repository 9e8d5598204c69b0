"""One tokenizer for snippets and questions, so both sides of BM25 speak the same words.

rank-bm25 expects pre-tokenized input and compares tokens as opaque strings, so any mismatch in
normalisation between the corpus and a question silently loses a match. Everything that turns text
into terms therefore lives here and nowhere else.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

# Runs of letters/digits; digits may keep inner separators so "1:1", "2.3" and "100,000" stay one
# term. Hyphens, slashes and apostrophes split words ("peer-delivered" -> "peer", "delivered").
_TOKEN_RE = re.compile(r"\d+(?:[.,:]\d+)*|[^\W\d_]+|\d+", re.UNICODE)
# The same runs in ASCII text, where a letter is [A-Za-z] and a digit [0-9]: a match starts with
# a letter or a digit, never both, so each position gives the same match as `_TOKEN_RE`, in
# half the time (Unicode classes cost `re` a table lookup per character). Questions and passages
# are nearly all ASCII, and `words()` runs several times per question.
_ASCII_TOKEN_RE = re.compile(r"[A-Za-z]+|[0-9]+(?:[.,:][0-9]+)*")

# Function words that carry no topic. Kept short on purpose: words such as "peer", "state" or
# "role" are content here, and BM25's idf already discounts the common ones. Contractions typed
# without their apostrophe ("dont", "theyre") are the same function words, not unknown topics.
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
    arent cant couldnt didnt doesnt dont hadnt hasnt havent isnt shouldnt wasnt werent wouldnt
    im ive youre theyre thats theres whats whos hows wheres lets
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
    need normal normally often okay ok probably put rather really regular right say says
    see seem seems sort spend stuff sure take thing things think try usually vs want way well
    worth would yeah nobody somebody someone everyone everybody anybody supposed pick choose
    check cite explain figure whether find finds found conclude concludes concluded
    conclusion conclusions big deal main point points takeaway
    takeaways true wrong important happen happens happened new old older recent recently today
    real whole question questions answer answers ask asked asking tell told said lately anyway
    example examples general overall basic basics simple quick year years month months week weeks
    tomorrow yesterday biggest even given issue issues anyone anybody shown across these those
    honestly literally super pretty very according typically typical somewhere solid decent
    nowadays show shows showed mention mentioned mentions might documented
    something everything anything maybe perhaps though although however instead toward towards
    otherwise therefore thus absolutely whatever somehow etc lol wanna gonna gotta hey wow damn
    sorry thanks thank yes glad wonder wondering curious imagine guys guy bit thought honest
    anyways alright plain ordinary indeed besides else obvious obviously piece pieces seen saw
    couple board boss coworker coworkers ton tons bunch handle handles handled handling
    anywhere confirm confirms confirmed prove proves proved proven argue argues argued
    face faces faced facing fact facts flag flags flagged flagging highlight highlights
    highlighted highlighting tips tip pointers thoughts ideas input guidance suggestions
    allow allows allowed allowing permit permits permitted able
    refereed refereeing
    blank blanked froze
""".split()
)

# Adverbs and discourse particles that say when, how often, how sure or how much, never what a
# question is about: "is peer certification a thing *yet*", "is medicaid *still* the main
# funder", "do peers *really* reduce readmissions". A closed class, listed whole rather than word
# by word as questions meet it: whether a passage happens to use the word ("*still* little
# literature") or none does ("yet", which then weighed as the rarest word of all), the question
# is the same without it. Surface forms, not stems: "currently" says when, "current research"
# names something ("personally" and "person", "originally" and "origin" share a stem). Negations
# ("never", "neither"), words that place one thing against another ("earlier", "later",
# "twice", "since") and words that say how often a norm holds ("should peers *always* share
# their story") change what is asked and are not here, nor is a word an idiom needs ("take
# it *seriously*"); the hedges among FILLER_WORDS ("actually", "usually") keep their own
# treatment. `bot.index` reads a question as if these words were not in it; cue phrases that
# spell one ("still running", "hired yet", "still unknown") are matched on the text as before.
TOPICLESS_ADVERBS: frozenset[str] = frozenset(
    """
    yet still already anymore now currently presently soon eventually finally ultimately
    initially originally previously formerly meanwhile anytime sometime someday
    frequently generally constantly regularly
    almost nearly quite fairly somewhat totally completely fully entirely mostly largely mainly
    partly highly hardly barely merely simply especially particularly extremely enough
    approximately roughly precisely slightly truly definitely certainly surely possibly clearly
    apparently supposedly allegedly genuinely officially technically practically essentially
    frankly personally specifically primarily chiefly kinda sorta
    either tho moreover furthermore additionally likewise anyhow
    btw fyi imo imho tbh idk nah nope yep yup haha pls plz
    """.split()
)

# PyStemmer: the Snowball project's own C build of the English (Porter2) stemmer. It gives the
# same stems as the pure-Python `snowballstemmer` port (tests/test_stemmer.py checks every word
# of the knowledge base, the seeds and tens of thousands of derived forms) about 30x faster,
# which was most of a cold build.
_stemmer = Stemmer.Stemmer("english")
# A Snowball stemmer keeps the word it is working on in itself (PyStemmer's documentation, too,
# says its objects are not thread-safe): two threads stemming at once (the app answers on a
# thread pool) could corrupt each other's words. Only cache misses take the lock.
_stemmer_lock = threading.Lock()


# Words the stemmer would merge with a word of another meaning, each given a stem of its own
# family: "useful" is not "use" ("why wasn't peer support useful" is not asking about substance
# use), "several" is not "severity", "position" is not "positive", "limitations" is not "not
# limited to". Only a merge of unrelated senses belongs here (checked against the knowledge
# base's words by tests/test_stems.py): "helpful" and "help", "hopeful" and "hope" stay one.
_OWN_STEMS: dict[str, str] = {
    word: stem
    for stem, family in {
        "useful": "useful usefully usefulness",
        "several": "several",
        "position": "position positions positioned positioning",
        "authority": "authority authorities",
        "authoriz": "authorize authorizes authorized authorizing authorization authorizations",
        "handful": "handful handfuls",
        "publication": "publication publications",
        "relativ": "relative relatives relatively",
        "personal": "personal personally",
        "active": "active actively",
        "responsib": "responsible responsibly responsibility responsibilities",
        "majority": "majority majorities",
        "limitation": "limitation limitations",
    }.items()
    for word in family.split()
}


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    """Stem one lower-case word; cached because a small vocabulary repeats endlessly."""
    own = _OWN_STEMS.get(word)
    if own is not None:
        return own
    with _stemmer_lock:
        stem: str = _stemmer.stemWord(word)
    return stem.lower()


def normalize(text: str) -> str:
    """Fold compatibility forms and case, and drop accents, so "Café" and "cafe" agree."""
    if text.isascii():
        # ASCII has no compatibility forms or accents to fold and casefolds as lower(): the
        # same result as below without a Python-level pass over every character.
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFKC", stripped).casefold()


def words(text: str) -> list[str]:
    """Normalised word and number runs, stop words included (for phrase matching)."""
    normalized = normalize(text)
    if normalized.isascii():
        found: list[str] = _ASCII_TOKEN_RE.findall(normalized)
        return found  # already lower case
    return [word.lower() for word in _TOKEN_RE.findall(normalized)]


# Number words as the digits the sources mostly print ("fifty states" meets "35 out of 50
# states"). "one" stays a word: it is mostly "one of", "one-on-one", not a count.
NUMBER_WORDS: dict[str, str] = {
    word: str(value)
    for value, word in enumerate(
        "_ _ two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if word != "_"
} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
}


def number_form(word: str) -> str:
    """The digits for a number word ("fifty" -> "50"); any other word unchanged."""
    return NUMBER_WORDS.get(word, word)


def _term(word: str) -> str:
    """The BM25 term for one word of `words()`, or "" for a word that is not indexed."""
    if word in STOP_WORDS:
        return ""
    word = number_form(word)
    if word[0].isdigit():
        return word
    stem = stem_word(word)
    return stem if stem not in STOP_WORDS else ""  # "abouts" stems to the stop word "about"


class _TermCache(dict[str, str]):
    """word -> `_term(word)`, filled on first sight: a dict lookup per word in C afterwards.

    Emptied when it grows past `_TERM_CACHE_SIZE`, so endless distinct words in questions
    cannot grow it without bound.
    """

    def __missing__(self, word: str) -> str:
        if len(self) >= _TERM_CACHE_SIZE:
            self.clear()
        term = self[word] = _term(word)
        return term


_TERM_CACHE_SIZE = 1 << 18
_terms = _TermCache()


def tokenize(text: str) -> list[str]:
    """Turn text into BM25 terms: normalised, stop words dropped, stemmed, numbers kept."""
    return terms(words(text))


def terms(text_words: Iterable[str]) -> list[str]:
    """The BM25 terms of words from `words()`: `tokenize(text) == terms(words(text))`."""
    return [term for term in map(_terms.__getitem__, text_words) if term]


@lru_cache(maxsize=1)
def filler_terms() -> frozenset[str]:
    """FILLER_WORDS as terms (stemmed), to compare with tokenize() output."""
    return frozenset(tokenize(" ".join(FILLER_WORDS)))
