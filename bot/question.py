"""Read a staff question: the ask without its chatter, shorthand spelled out, frame, places, names.

Staff type questions the way they talk in Slack: "quick q before my 2pm: how many states certify
peer specialists? my supervisor keeps asking". Matching every word of such a message against
the passages lowers the share of question words a passage covers below any sound threshold, so
the ask is separated from the talk around it first. This is verbose-query reduction
(Bendersky & Croft, SIGIR 2008; Kumaran & Carvalho, SIGIR 2009), done with two general tools
rather than memorised phrasings:

- cue lists from `knowledge/shorthand.yaml` (greetings, sign-offs, clauses that give a reason or
  context, "for our <purpose>" tails) that mark talk, not the ask;
- sentence scoring by specificity: of the sentences that ask something, the main question is the
  one whose words carry the most corpus weight (idf); other questions are counted, not answered.

Then, on the ask alone: its frame (`bot.frames`: what kind of answer it wants), the cue words that
signal the frame (the answer-type check stands in for them), the jurisdictions it names, the
numbers it holds, and for a comparison its two sides. Everything here is a pure function of the
text, the lexicon and a term-weight function; the cost follows the message's length.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence, Set
from contextvars import ContextVar
from functools import cached_property, lru_cache

from bot.cue_views import ask_span, cue_forms, readings, reads_past
from bot.cues import CueMatch, Cues, LazyPattern, Needs, cue_word_sets
from bot.figures import claimed_figures
from bot.frames import BOTH_SIDES, NOT_IN_SOURCES, Frame, Lexicon, Place, cue_source
from bot.frames import cue_words as frame_cue_words
from bot.lazy_re import lazy
from bot.records import Record, frozen_record
from bot.situation import about_someone
from bot.tokenize import STOP_WORDS, filler_terms
from bot.tokenize import terms as _terms
from bot.tokenize import tokenize as _tokenize
from bot.tokenize import words as _words


class _Memo:
    """What one question's reading works out more than once, kept for that reading only.

    Reading a question splits the same texts into words, stems the same sentences and cleans
    the same sentences of chatter several times over (a sentence is scored, then checked for
    weakness; the ask is cleaned again to find where it came from). These are pure functions
    of the text, so `QuestionReader.read` keeps each result for the rest of its own reading:
    the memo lives in a context variable set around one reading (each thread has its own), so
    nothing is shared between questions or threads and a text outside a reading (the lexicon's
    names at start-up) is split as before.
    """

    __slots__ = ("cleaned", "terms", "words")

    def __init__(self) -> None:
        self.words: dict[str, tuple[str, ...]] = {}
        self.terms: dict[str, tuple[str, ...]] = {}
        self.cleaned: dict[tuple[str, bool, bool], str] = {}


_READING: ContextVar[_Memo | None] = ContextVar("peerbot_question_reading", default=None)


def words(text: str) -> tuple[str, ...]:
    """`bot.tokenize.words`, each text split once per reading (see `_Memo`)."""
    memo = _READING.get()
    if memo is None:
        return tuple(_words(text))
    found = memo.words.get(text)
    if found is None:
        found = memo.words[text] = tuple(_words(text))
    return found


def tokenize(text: str) -> tuple[str, ...]:
    """`bot.tokenize.tokenize`, each text stemmed once per reading (see `_Memo`), from its
    words as `words` keeps them (the ask, usually a sentence already scored, is split again
    to read its structure)."""
    memo = _READING.get()
    if memo is None:
        return tuple(_tokenize(text))
    found = memo.terms.get(text)
    if found is None:
        found = memo.terms[text] = tuple(_terms(words(text)))
    return found


MAX_QUESTION_CHARS = 2000

# Every separator of `_SENTENCE_RE` starts after "?" or "!" or at one of these characters (keep
# it so): checked first, the alternatives are tried only there, which halves a split's time.
# Pictographs typed as punctuation ("writing our annual report 📝 how many states ..."): arrows,
# technical and geometric symbols, dingbats and the emoji planes. Slack sends emoji picked from
# its menu as ":memo:", which the colons already split.
_PICTOGRAPHS = "\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_SEPARATOR_START = rf"(?:(?=[\s.:;(),{_PICTOGRAPHS}])|(?<=[?!]))"
# Sentence ends, clause breaks (":" or "." not between digits, so "1:1" and "2.3" survive), and
# dashes used as breaks.
_JOINED_AUXILIARIES = (
    r"(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)\s+\w+\s+\w"
)
_SENTENCE_RE = lazy(
    _SEPARATOR_START + r"(?:"
    r"(?<=[?!])\s*|(?<!\d)[.:;](?!\d)|\n+|\s[-–—]+\s|[()]"
    # A full stop after a number still ends a sentence ("we serve 16-25. anyone studied ..."),
    # unlike the one in "2.3".
    r"|(?<=\d)\.(?=\s+[^\W\d_])"
    # A second question joined on ("..., and what gap does it focus on", "sounds great but
    # what problems did it raise"): its own sentence, so the more specific one is answered.
    r"|,?\s+(?:and|but|also|plus|so)\s+(?=(?:what|how|why|who|where|when|which)\b)"
    # A yes/no question joined on after a comma ("how many states certify peers, and does
    # Medicaid pay for it?"): an auxiliary opening a clause of its own. Only after a comma:
    # "do peers and do clinicians ..." is rare, "peers and are" is no break.
    r"|,\s*(?:and|but|also|plus|so)\s+(?=" + _JOINED_AUXILIARIES + r")"
    # A run of pictographs (with their joiners and variation selectors) is a break like a dash.
    rf"|\s*[{_PICTOGRAPHS}][{_PICTOGRAPHS}\ufe0f\u200d\s]*"
    # A numbered list's next item ("1) what's a peer bridger 2) how many states ..."): each
    # item is a question of its own (`_QUESTION_END_RE`).
    r"|\s+\d\)\s*"
    r")"
)
# The separator of a yes/no question joined on after a comma (see `_pieces_joined`).
_JOINED_YES_NO_RE = lazy(r",\s*(?:and|but|also|plus|so)\s+$")
_JOINED_OPENING_RE = lazy(_JOINED_AUXILIARIES)
# A separator of `_SENTENCE_RE` that ends a question, not one that splits its parts (":", " - ").
_QUESTION_END_RE = lazy(r"[.;\n]|\b(?:and|but|also|plus|so)\b|\d\)")
# A piece that is only a list item's number or letter ("(2)", "b)"): the list, not the question.
_LIST_MARKER_RE = lazy(r"\s*(?:\d|[a-z])\s*", re.IGNORECASE)
# A message typed without a full stop between the question and the talk after it ("what do CPSs
# do all day my supervisor keeps asking", "how many states certify peers we're a small agency in
# ohio"): a clause that starts again with who asks and what they do (a subject, then its verb),
# or with why they ask, is a sentence of its own. Only a subject with its verb: "how do I tell my
# supervisor about peer work" names the supervisor as its object, and the word before the
# clause must not bind it to the question (`_BINDS_NEXT`).
_APOSTROPHE = r"(?:['’]| )?"
_RESTART_SOURCE = (
    r"\s+(?=(?:"
    r"(?:my|our) (?:supervisor|boss|manager|director|team|board|funder|coworker|colleague"
    r"|clinical director|program director|program manager|executive director|ed|cfo|ceo)s?"
    r" (?:keeps|kept|asked|asks|wants|wanted|needs|needed|said|says|thinks|thought|told"
    r"|is asking|was asking)"
    r"|(?:someone|somebody|a coworker|a colleague)(?: on (?:my|our) team)?"
    r" (?:keeps|kept|asked|asks|said|says|told|thinks|wants)"
    r"|(?:we" + _APOSTROPHE + r"re|we are|i" + _APOSTROPHE + r"m|i am)"
    r" (?:a|an|new|just|currently|trying|writing|working|putting|prepping|preparing|drafting)"
    r"|(?:i|we) (?:work (?:at|in|for|on)|just started)"
    r"|(?:need|needed) (?:it|this) for|(?:asking|ask) (?:for|because|bc|since)"
    r"|(?:this is|it" + _APOSTROPHE + r"s) for (?:a|an|my|our)"
    r")\b)"
)
_RESTART_RE = lazy(_RESTART_SOURCE, re.IGNORECASE)
# The same, case-sensitive, for ASCII text lowered first (same length, so the same positions):
# `re` folds case character by character, which was half of the search's time.
_RESTART_LOWER_RE = lazy(_RESTART_SOURCE)
# Words that bind the clause after them to the question ("how do I tell *my supervisor*", "what
# if *we're* a small agency"): no sentence starts there.
_BINDS_NEXT = frozenset(
    """to for from with about of by at on in into than as like that if when whether while
    where who which what how why and or but so because since tell told ask asked show let help
    make get give is are was were be""".split()
)
# Fewest words a question before such a clause has: a lead-in alone is not a question.
_RESTART_AFTER_WORDS = 2
# Parentheses in a row, with the question mark just before them if any ("what about youth?
# (Peer bridger)").
_PARENTHESES_RE = lazy(r"(\?)?((?:\s*\([^()]*\))+)")
_INNER_RE = lazy(r"\(([^()]*)\)")
# A comma ends a clause, but not inside a number ("the VA hired 8,000 peers").
_CLAUSE_RE = lazy(r",(?!\d)\s*|,\s+")
# What the answer is for, put before the question ("for our strategic plan, ...").
_FOR_OUR_RE = lazy(r"for (?:our|my|the|a|an|this|their|your) (?:\S+ ){0,3}\S+")
_QUESTION_WORDS = frozenset(
    """what what's whats how who whos who's where when which why is are does do did can could
    should would will has have any anyone was were whom define""".split()
)
_PREPOSITIONS = frozenset("in at on for from to by of with under since during".split())
# A request asks as much as a question does ("need the full citation for ...", "looking for
# the evidence on ...", "pls explain ...").
_REQUEST_RE = lazy(
    r"^(?:please |pls |plz )?(?:explain|describe|list|summarize|summarise|define|looking for"
    r"|i m looking for|give me|send|can you send|could you send|could i get|can i get"
    r"|(?:i |we )?need (?:the|a|an|some|any|info|information|data|figures|numbers|stats"
    r"|evidence))\b"
)
# "grad intern here", "nurse mgr here", "new family support navigator here": a
# self-introduction before the question itself (not a question that ends "... here").
_INTRODUCTION_RE = lazy(
    r"^(?!(?:"
    + "|".join(sorted(_QUESTION_WORDS))
    + r") )(?:\S+ ){1,5}here (?=(?:"
    + "|".join(sorted(_QUESTION_WORDS | {"quick", "question", "q"}))
    + r") )"
)

# "happy friday all,", "morning crew,", "hi again everyone,": a first clause of a few words that
# ends by naming whom it addresses is a greeting, whatever words greet.
_ADDRESSEES = frozenset(
    "all everyone everybody team folks friends yall guys crew fam peeps peerbot bot".split()
)
_GREETING_WORDS = 4
# A letter typed three times or more at the end of a word ("heyyy", "sooo", "pls thxxx"): one
# letter, as the cue lists and the shorthand spell the word. Only after a different letter:
# "III" (Title III), "www" and a run of one letter alone ("aaaa…") are words of their own.
_DRAWN_OUT_RE = lazy(r"([a-z])(?!\1)([a-z])\2{2,}(?![a-z])", re.IGNORECASE)


def _drawn_in(found: re.Match[str]) -> str:
    """A drawn-out letter written once ("heyyy" -> "hey", "HEYYY" -> "HEY"); a run of one
    letter in two cases is a plural of capitals ("PSSs", "CRSSs" are peer support specialists),
    left as typed for the shorthand to read."""
    run = found.group(0)[1:]
    if len(set(run)) > 1:
        return found.group(0)
    return found.group(1) + found.group(2)


# Each letter three times: an ASCII text (where IGNORECASE is lower-casing) holding none of them
# lowered has no drawn-out letter, found by a few C scans rather than the pattern's try at
# every character.
_TRIPLED = tuple(letter * 3 for letter in "abcdefghijklmnopqrstuvwxyz")
# "sorry if this was covered already", "apologies for the basic q": an apology, as a clause of its
# own; not "sorry, what is ..." nor "sorry if this is dumb but what ...".
_APOLOGY_RE = lazy(r"^(?:sorry|sry|apologies|apologize|my apologies) (?:if|for|to|in advance)\b")
# Words standing for whatever is asked ("maybe a dumb *one*", "a quick *thing*"): no topic.
_GENERIC_NOUNS = frozenset(("one", "thing", "stuff", "someth", "anyth", "q"))
# "random q from a new peer mentor:", "question from a family member,": who asks, put as where the
# question comes from.
_QUESTION_FROM_RE = lazy(
    r"^(?:\S+ ){0,3}(?:q|qs|question|questions|ask|one) from (?:a|an|one|some|your|the|my|our) "
)
_INTRODUCED_RE = lazy(
    r"(?:\S+ ){1,3}here"
    # "Honest question from a new CPS: why ...": who the question comes from, its lead-in words
    # gone ("from a cps").
    r"|from (?:a|an|one|some|your|the) (?:\S+ ){0,3}\S+"
)
# "from a billing standpoint", "from an HR point of view", "from a funder's perspective": the
# view the answer should take, not who asks ("question from a new CPS"). Its head word is what the
# question is about ("why does it matter what programs CPSs work in, from a billing standpoint?"
# asks about billing), so the clause is read as that word alone; the viewpoint noun names nothing.
_VIEWPOINT_RE = lazy(
    r"\b(?:coming |looking at it |looking at this |thinking )?from (?:a|an|the|one|some|your|my"
    r"|our|their|his|her) ((?:\S+ ){0,3}?\S+?) (?:standpoint|stand point|perspective|angle"
    r"|point of view|pov|lens|viewpoint|vantage point|side|view)(?: of things| of it)?\b"
)
# "do the sources list the common job titles?", "what do the papers say about peer bridgers",
# "does the lit mention X", "anything in the docs on X", "what do you have on X": where the
# asker wants the answer looked for, not what it is about; the rest is the ask. Its words
# weighed as content ("sources" found "a major *source* of funding") or, found nowhere, pulled
# the right passage's coverage below the threshold. Works as a group only, in the plural: "what
# does *the report* say about X" may point at one work named before, and "funding sources" or
# "a source of funding" is content. "research", "studies" and "the literature" only with verbs
# that do not ask what the evidence says ("what does the research say" is the effectiveness
# frame's cue, "the lit say" a synonym of the evidence's strength).
_WHERE_TO_LOOK_RE = lazy(
    r"^(?:(?:so|and|but|also|ok|okay) )?(?:"
    r"(?:what |how much )?(?:do|does|did|would|will|can) (?:any of )?"
    r"(?:the|our|your|these|those|all the|all of the|all our) "
    r"(?:(?:sources|papers|articles|docs|documents|readings|materials|texts) "
    r"(?:actually |even |really |ever )?(?:say|says|list|lists|mention|mentions|cover|covers"
    r"|talk about|talk|discuss|discusses|have|include|includes|address|addresses|give|tell us"
    r"|touch on|get into|go into|go over)"
    r"|(?:research|studies|literature) (?:actually |even |really |ever )?(?:list|mention|cover"
    r"|talk about|talk|discuss|include|address|touch on|get into|go into|go over))"
    # "what do you have on X", not "do you have to be licensed": something had, then the ask.
    r"|(?:what )?(?:do|did) (?:you|y all|you guys|you all) (?:have|got)"
    r"(?= (?:anything|something|much|any|on|about|re|regarding|info|information|stuff)\b)"
    r"|(?:is there |are there |there s |theres )?anything (?:in|from) "
    r"(?:the|our|your|these|those) (?:sources|papers|articles|docs|documents|readings|materials"
    r"|literature|texts|research|studies)"
    # "which paper talks about role ambiguity", "where can I read about WRAP": the passage on
    # it, whose citation says which work. Not "which study found ...": what it found is asked.
    r"|(?:which|what) (?:paper|papers|source|sources|article|articles|doc|docs|document"
    r"|documents|reading|readings|study|studies|report|reports) (?:talks|talk|discusses"
    r"|discuss|mentions|mention|covers|cover|addresses|address|deals with|deal with"
    r"|touches on|touch on|goes into|go into|gets into|get into)"
    # ("Where can I find a WRAP training near me" asks for a local listing.)
    r"|where (?:can|could|do|would|should) (?:i|we|you|one) (?:read|look|learn|find more)"
    r"(?: more)?"
    r")(?: anything| much| something)?(?: (?:about|on|re|regarding|around))? (?!that )(?=\S)"
)
# "Besides the obvious peer support piece, what else ...": an opening clause naming what the
# asker already knows and sets aside, so not what the question is about, when the question asks
# for something else ("apart from effectiveness, what's missing" asks about effectiveness too).
_SET_ASIDE_RE = lazy(r"(?:besides|apart from|aside from|other than) ")
_ASKS_OTHER_RE = lazy(r"\b(?:else|other|others|another)\b")
# A question pointing at a place named elsewhere in the message ("when will *the state* ...").
_PLACE_POINTER_RE = lazy(
    r"\b(?:the state|my state|our state|this state|the city|my city|our city|my country"
    r"|our country|here|locally)\b"
)
# Words before a subject that say it is not what is asked ("not", "rather than", "or" beside
# another payer): "is it Medicaid or Medicare that reimburses CPSs?".
_EXCUSING_WORDS = frozenset("not rather instead opposed except besides or just".split())
# A question about the asker's own setting ("settings like mine", "my unit").
_ASKER_RE = lazy(
    r"\b(?:like mine|like ours|my setting|our setting|my unit|our unit|my program|our program"
    r"|my agency|our agency|where i work|where we work)\b"
)
# Words pointing back at what the message said before the question.
_POINTING_RE = lazy(
    r"\bthem\b|\b(?:her|him)$"
    # "Who funds Peers for Progress, and where is *the organization* based?"
    r"|\bthe (?:organization|organisation|org|agency|study|paper|pilot|evaluation|article"
    r"|report)\b"
    # "putting peers in the county jail. any research on peers in *those* settings?"
    r"|\b(?:in|on|for|at|about|like|with|from) (?:those|these)\b(?! days| who| that| which)"
    # "says it updates an earlier review - when was *the original one* done?": a thing named
    # only by its place beside another the message named ("the original", "the earlier one",
    # "that one", "the other one").
    r"|\b(?:the|that|this) (?:original|earlier|previous|prior|older|former|latter)\b"
    # "my sister just got hired as a family support navigator - what does *that job* involve?":
    # a job named only as the one the message named.
    r"|\b(?:that|this) (?:job|role|position|title|gig)\b(?! (?:of|in|at|for|with|as)\b)"
    r"|\b(?:the|that|this) (?:other |first |second |newer |new |old |same )?one\b"
    r"(?! of\b| in\b| who\b| that\b| which\b| thing\b| way\b| day\b| year\b| more\b)"
    # "switching to a group curriculum. does research favor *that* over 1:1?", "any evidence
    # behind *this*": "that" or "this" standing for what the message said, as the object of a
    # preference or at the end of the ask (not "does research show that peers help").
    r"|\b(?:favor|favour|favors|favours|prefer|prefers|recommend|recommends|back|backs"
    r"|support|supports) (?:that|this)\b(?! \w+ (?:is|are|was|were|do|does|can|will)\b)"
    r"|\b(?:that|this) (?:over|versus|vs|instead of|rather than)\b"
    r"|\b(?:on|about|behind|for|into|of) (?:that|this)$"
)
# Who said a claim, before it ("our director keeps saying <medicaid is where the money is>").
_SAYS_RE = lazy(
    r"\b(?:says|said|saying|thinks|thought|told me|tells me|told us|tells us|claims|claimed"
    r"|claiming|swears|swore|believes|insists|insisted|heard|read|argues|argued)(?: that)? "
)
# A reported question pointing at a place named before it.
_REPORTED_PLACE_RE = lazy(r"\b(?:there|the state|that state|that country|the country)\b")
# Explaining something to someone ("trying to explain to a new hire what ..."); not what a thing
# "might explain" ("the core conditions might explain why peer work works"): an errand's verb.
_EXPLAINING = (
    r"(?:(?:to|gotta|i|we) (?:explain|describe)|explaining|describing)"
    r"(?: (?:it|this|that))?(?: to(?: \S+){1,3}?)?"
)
# What a piece of writing is to say ("put together something on what the research says",
# "drafting a memo on how peer support is paid for").
_WRITING_ON = (
    r"(?:something|summary|one pager|slide|slides|brief|memo|handout|overview|blurb|paragraph"
    r"|section|write up|writeup|talk|presentation) (?:on|about)"
)
# A question reported inside a statement ("my boss asked me how many states certify peers"):
# the asking word after a verb of asking, of not knowing or of explaining.
_EMBEDDED_ASK_RE = lazy(
    r"\b(?:(?:asked|asks|asking|wants to know|want to know|wanted to know|wondering|wonders"
    # Not knowing is wanting to know ("honestly no clue what peer specialists do").
    r"|no clue|no idea|not sure|unsure|don t know|dont know|do not know)"
    r"(?: (?:me|us|you|him|her|them|everyone|around))?"
    # What someone is to be told is asked too ("explaining to my mom what a peer bridger is").
    rf"|{_EXPLAINING})"
    r" (?=(?:how|what|which|who|when|where|why|if|whether)\b)"
)
# A piece of writing on a question ("asked me to put together something on what the research
# says about peers. where do I even start?"): the question is asked when the message asks only
# where to start (beside "any frameworks the research points to?", a talk on how peer support
# helps recovery is the topic, `_with_context`).
_WRITTEN_ASK_RE = lazy(rf"\b{_WRITING_ON} (?=(?:how|what|which|who|when|where|why|whether)\b)")
# Asking only where to start on it ("where do I even start?", "any pointers?", "what should I
# include?"): the piece of writing's question is then what is asked.
_STARTING_POINT_RE = lazy(
    r"(?:so |ok |okay |but |any(?:one)? )?(?:where (?:do|should|would|can) (?:i|we) (?:even )?"
    r"(?:start|begin)|where to (?:start|begin)|(?:any )?(?:pointers|tips|ideas|suggestions|thoughts"
    r"|advice|help|resources|guidance)|what (?:should|do|would) (?:i|we) (?:include|cover|say|read"
    r"|look at))(?: here| on this| with this| for this)?"
)
# "rewriting our job postings and want to know what other titles ...?": the asker's wish to
# know, after what they are doing, inside the sentence that asks. What they want to know is the
# question; the errand before it is the reason.
_WANTS_TO_KNOW_RE = lazy(
    r"\b(?:want to know|wanted to know|wanna know|would like to know|like to know"
    r"|need to know|needed to know|trying to find out|trying to figure out|wondering)"
    r" (?=(?:how|what|which|who|when|where|why)\b)"
)
# Explaining something to someone is an errand around the question explained ("trying to
# explain to a new hire what a peer bridger is"): what is explained is what is asked.
_EXPLAINS_RE = lazy(
    rf"\b(?:{_EXPLAINING}|{_WRITING_ON}) (?=(?:how|what|which|who|when|where|why)\b)"
)
# A sentence opening with the wish to find something out ("trying to figure out ...", "want to
# know ..."): its lead-in is chatter (`knowledge/shorthand.yaml`); after a question, it says why
# that question was asked unless it has "?" of its own (`_opens_a_question`).
_WISH_LEAD_RE = lazy(
    r"^(?:(?:i m|im|i am|we re|we are) )?trying to (?:figure|find|work) out\b"
    r"|^(?:(?:i|we) )?(?:want|wanted|wanna|need|would like|d like|d love|would love) to know\b"
)
# Whose opinion a yes/no question asks for, before the claim ("do experts actually think ..."):
# its cue is chatter (`knowledge/shorthand.yaml`), yet the sentence asks.
_OPINION_LEAD_RE = lazy(
    r"^(?:do|does) (?:experts|researchers|people in the field|the field)"
    r" (?:actually |really )?(?:think|believe|say|consider)\b"
)
# "writing a grant narrative and need the number of states that ...", "my supervisor wants a list
# of what a CPS does": what the asker (or someone they ask for) is doing, then what they need from
# the sources. The errand is the reason; the thing needed is the ask, as "need the ..." is at the
# start of a sentence. Read only when nothing else in the message asks (`QuestionReader.reduce`):
# beside a question ("funder wants a logic model. how do we pick outcomes?") it is a reason.
_ERRAND_REQUEST_RE = lazy(
    r"(?:^|\s)(?:(?:and|so|but|just)\s+)?(?:i |we |i m |we re |im |they |she |he )?"
    r"(?:really |also |still )?"
    r"(?<!not )(?<!don t )(?<!dont )(?<!never )(?<!doesn t )(?<!didn t )"
    r"(?:need|needs|needed|want|wants|wanted|looking for|would like|d like|asked for"
    r"|asked me for|asking me for|is asking for|hoping for|after)"
    # What is needed, not "to <do>" nor a pronoun ("need it for ...", "wants me to", "they
    # need their meds").
    r" (?!(?:to|it|this|that|them|him|her|me|us|you|my|our|your|their|his|its|help|for)\b)"
    r"(?=\w)"
)
# The words saying which kind of information is needed ("a number", "the stats"): a need of
# nothing else names nothing ("my boss wants a number" restates the question, asks no other).
_NEEDED_KIND_RE = lazy(
    r"^(?:(?:the|a|an|some|any|good|solid|hard|recent|current|real|actual|quick|short|more) )*"
    r"(?:number|numbers|count|list|figure|figures|stat|stats|statistic|statistics|data|info"
    r"|information|evidence|research|studies|study|examples|sources|source|citation|citations"
    r"|references|cite|overview|summary|breakdown|percentage|rate|rates|definition|answer|yes"
    r"|no|something|anything)(?: (?:on|about|for|of|that|re))?(?: (?:this|that|it))?$"
)
# What an errand makes of the answer, before what it is on ("a slide on", "a one pager about").
_MADE_THING_RE = lazy(
    r"^(?:(?:a|an|the|some|one|two|a few|a couple of|a couple|a quick|a short) )?"
    r"(?:slide|slides|handout|one pager|memo|blurb|paragraph|section|bullet|bullets|page)"
    r" (?:on|about|covering|explaining) (?=\S)"
)
# "im a clinician doing a lunch n learn on why peer support works": an errand and what it is
# on. Before an ask that names no topic ("any frameworks the lit points to?"), the errand's
# subject is the topic; who asks and the errand itself are not.
_ERRAND_TOPIC_RE = lazy(
    r"\b(?:doing|giving|writing|prepping|preparing|running|presenting|teaching|leading|drafting"
    r"|making|building|planning|putting together|working on|pulling together)"
    r" (?:a|an|the|our|my|some|this|that) (?:\S+ ){0,4}?(?:on|about|covering|around) "
)
# "what doubts does *it* raise", "what did *they* find": a work or its authors as the subject, which
# a sentence before may have named ("reading the goutam paper for a class").
_WORK_SUBJECT_RE = lazy(
    r"\b(?:does|did|do|is|was|has|have|can|would|will|are|were) (?:it|they)\b(?! s\b)"
)
# "the goutam paper", "the 2017 lafrance review": one work named (not "our survey", "a study").
_WORK_NAMED_RE = lazy(
    r"\bthe (?:(?!(?:a|an|our|my|your|their|this|that|these|those|some|any|new)\b)\S+ ){1,3}"
    r"(?:survey|study|paper|review|report|evaluation|article|pilot|trial|viewpoint)\b"
)
# Who wants the answer, opening a sentence of context ("my director wants proof that ...",
# "our board asked for data on ...", "funder wants to know if ..."): the rest is what the
# answer is on, and what kind of answer ("proof", "data") says what is asked.
_REQUESTER_RE = lazy(
    r"^(?:(?:my|our|the|a|an|some) )?(?:\S+ ){0,2}?"
    r"(?:supervisor|boss|manager|director|team|board|funder|coworker|colleague|ceo|cfo|chair"
    r"|department|dept|agency|org|organization|organisation"
    r"|leadership|admin|administration|committee|commissioner|lead|exec|executive|president|vp"
    r"|county|legislator|legislature|payer|insurer)s?"
    r" (?:(?:keeps|kept|really|also|still|is|was) )?"
    r"(?:wants|wanted|needs|needed|asked|asks|asking|requested|requests|demands|expects"
    r"|is asking|was asking)"
    r"(?: (?:me|us))?(?: (?:for|to see|to know|to show|to hear))?(?: (?:if|whether))? "
)
# A demonstrative pointing back at what the message said before the ask.
_POINTS_BACK_RE = lazy(r"\b(?:that|this)\b")
# "Peers vs non-peer staff - who gets better outcomes?": a choice asked without its sides, which
# the words before it name ("vs", "versus", "between"; not any "or", which lists as often).
_CHOICE_ASK_RE = lazy(
    r"^(?:which|who|what)\b(?:(?! vs | versus | or | than ).)*"
    r"\b(?:better|best|more|most|stronger|strongest|worse|worst|less|least)\b"
    r"(?:(?! vs | versus | or | than ).)*$"
)
_NAMES_SIDES_RE = lazy(r"\b(?:vs|versus|between)\b", re.I)
# A fragment naming two things compared ("peer vs non-peer staff", "peers compared with
# paraprofessionals").
_COMPARED_RE = lazy(
    r"\S \b(?:vs|versus|compared (?:with|to)|as opposed to|against)\b \S|\bbetween \S+ \S* ?and\b"
)
# "CPS vs CRSS - what's the difference?", "is it the same thing?": a question about how two
# things differ, asked without naming them, is a choice whose sides were named before it.
_DIFFERENCE_ASK_RE = lazy(
    r"^(?:what|whats|what's|what s|what is|what are)(?: the| a| any)?"
    r"(?: real| actual| main| big| key| practical)? (?:difference|differences|diff)\b"
    r"(?:(?! vs | versus | between | and ).)*$"
    r"|^how (?:do|does|are|is) (?:they|these|those|the two|both|it|that) "
    r"(?:differ|different|compare)\b(?:(?! vs | versus | between | and ).)*$"
    r"|^(?:is|are) (?:it|they|these|those|the two|both) (?:the same|different)\b"
    r"(?:(?! vs | versus | between | and ).)*$"
    # "peer specialist vs community health worker - same thing?": the question without a verb.
    r"|^(?:the )?(?:same|different) (?:thing|things|job|jobs|role|roles)\b"
    r"(?:(?! vs | versus | between | and ).)*$"
    # "peer specialist vs case manager - who does what?": how their duties divide.
    r"|^who (?:does|do) what\b(?:(?! vs | versus | between | and ).)*$"
)
# "Which is better, group or 1:1 peer support?", "group or 1:1 - which works better?": one "or"
# beside the words weighing a choice offers its two sides, as "vs" does. (Elsewhere "or" lists
# as often as it compares: "is peer support evidence based or not", "CPSs or CRSSs in Ohio".)
_WEIGHING = (
    r"(?:better|best|worse|worst|stronger|weaker|more (?:effective|important|useful|helpful)"
    r"|matters? more)"
)
# (`_CHOICES_RE`, `_CHOICE_OR_RE` and `_ALTERNATIVE_RE` hold " or " in every alternative: an ask
# without it is not searched, nor are they compiled for it.)
_CHOICE_OR_RE = lazy(
    rf"^(?:which|what)(?: one)? (?:is|works|does|do|has|matters|gets|helps|would be)"
    rf"(?: \S+)? {_WEIGHING}\b(?:(?! or ).)* or (?:(?! or ).)*$"
    rf"|^(?:(?! or ).)+ or (?:(?! or ).)* (?:which|what)(?: one)? "
    rf"(?:is|works|does|do|has|matters|gets|helps|would be)(?: \S+)? {_WEIGHING}\b(?:(?! or ).)*$"
    # "is the research stronger for groups or 1:1?", "are outcomes better with X or Y?"
    rf"|^(?:is|are|was|were|does|do|did)\b(?:(?! or | than ).)* {_WEIGHING} "
    rf"(?:for|with|in|on) (?:(?! or | than ).)+ or (?:(?! or ).)+$"
)
# A fragment offering two choices before a choice asked ("empathy or knowledge - which is
# better?", "sharing knowledge or being empathic"): one or two words a side, no statement ("we
# track hospitalizations or symptoms") and no vague second choice ("DDA or something like it").
_CHOICES_RE = lazy(
    r"(?!(?:we|i|our|my|they|you|he|she|it)\b)\S+(?: \S+){0,2} or "
    r"(?!(?:something|anything|not|else|so|nah|whatever)\b)\S+(?: \S+){0,2}"
)
_SIDES_WORDS = frozenset({"vs", "versus", "between"})
# How many words either side of "vs" (after "between") a side is read from.
_SIDE_SPAN = 3
_PLACE_SIDE_SPAN = 2
# "they" / "their" / "it" in an ask after a topic put first in a fragment of at most this many
# words ("peer cert - how many states have it now?").
_THEY_RE = lazy(r"\b(?:they|their|it|its)\b")
# Answers offered to a question before ("... or is it all over the place", "part time or full
# time"), and the words opening a question they may be offered to.
_OFFER_RE = lazy(r"\S \bor\b \S")
_WH_WORDS = frozenset("what what's whats how where which who whos who's when why".split())
# "why is *it* hard to integrate peers", "is *it* true that ...", "it's common for ... to": an
# "it" standing before what the sentence is about (an adjective, then "to" or "that"), pointing
# at nothing said before. Not "is it good for loneliness" ("it" is what is good).
_EXPLETIVE_IT_RE = lazy(
    r"\b(?:(?:is|was|isn t|wasn t|would|will|does) it(?: be)?|it (?:s|is|was|would be))"
    r" (?:(?:so|really|actually|very|too|that|more|less|even) )?[a-z]+ (?:to|that)\b"
)
_FRONTED_WORDS = 6
# A question of at most this many words that names nothing is a tag asking for any answer ("help?",
# "anyone?", "can someone help?"), not a question of its own.
_TAG_WORDS = 3
# "his study", "her affiliation": a person's, so only when the message named someone before.
_PERSON_POINTING_RE = lazy(r"\b(?:her|his|him)\b")
# A capitalised word that can name someone ("Salzer surveyed CPSs", "citing Sally Rogers"):
# not "I", "I'm", nor a sentence's capitalised first word that is an everyday word.
_NAME_RE = lazy(r"(?<![\w'’])[A-Z][a-z]+(?![\w'’])")
# "can peers bill Medicare (not Medicaid)": what an aside excludes is not what is asked about.
_EXCLUSION_RE = lazy(
    r"(?:i e |ie |that is |so |and |but )?"
    r"(?:not|rather than|as opposed to|other than|excluding|except)\b"
)

Weight = Callable[[str], float]
# The positions in a list of words that a known phrase of two or more words covers.
Phrases = Callable[[Sequence[str]], frozenset[int]]

# A question that points back at what the message just said ("my team never knows what I do. is
# that common?", "clients say they only need meds. is this a known thing?"): staff describe an
# experience, then ask whether it is usual. The experience is what the question is about.
_TAG_RE = lazy(
    r"^(?:is|isn t|was|does|did|do) (?:that|this|it|these|those)(?= )"
    r"|^(?:are|were|do) (?:these|those|they)(?= )"
    r"|^(?:anyone|anybody|does anyone|does anybody|has anyone|have others|do others|"
    r"do other \S+) (?:else )?(?:see|seen|have|had|get|run|notice|deal|experience)"
)
# What such a question asks of the experience ("common", "a known thing", "normal"): whether it
# is usual, which no passage states in those words. Left out of the ask, so the experience's own
# words decide which passage answers.
_TAG_PREDICATES = frozenset(
    "common commonly normal typical usual known thing things widespread happen happens".split()
)

# "Is X a recognised title, or something my agency made up?", "..., or am I off to the side?":
# a clause offering the asker's own other guess, not a second thing to look up.
_ASKERS_ALTERNATIVE_RE = lazy(
    r"or (?:is it|is that|is this|is everyone|is everybody|are we|are they|am i|do we"
    r"|does everyone|did i|was it)\b"
    r"|or (?:nah|not|something)(?: (?:really|yet|else|similar|like that|at all))?$"
)
# "X or is Y", "X or do Y": two alternatives of one question; the more specific one is asked.
# "Or not", "or nah", "or something" end a question ("is it evidence based or nah"); with more
# after them ("effective or not for reducing hospitalization", "whether or not") they do not.
_ALTERNATIVE_RE = lazy(
    r" or (?=(?:is|are|do|does|did|was|were|has|have|will|can|should|would|just|it|that|is it"
    r"|am)(?: |$))"
    # (Not after "whether", checked once " or " matched: every alternative then starts with
    # it, and a search looks for that string first.)
    r"| or (?<!whether or )"
    r"(?=(?:something|nah|not)(?: (?:really|yet|else|similar|like that|at all))?$)"
    # "a recognised title or something my agency made up": a guess about who made it
    r"| or (?<!whether or )(?=something (?:my|our|we|they|people|i|someone|somebody|you|that)\b)"
)


# Words that weigh one alternative against the other: "is it more important that they give
# good info or that they're empathic?" asks about both sides, not the first one. Quantifiers
# ("do *most* states certify", "*more* of a niche thing") weigh nothing.
_CHOICE_RE = lazy(
    r"\b(?:better|best|worse|worst|rather|prefer|preferable|stronger|weaker)\b"
    r"|\b(?:more|most|less|least) (?:important|effective|useful|helpful|valuable)\b"
    r"|\bmatters? (?:more|most)\b"
)


# A question about what was just said, by a demonstrative ("*is that* in our sources?", "my boss
# says peers cut costs, *is this* right?"); not "is it just me, or ...", the asker's aside.
_TAG_AFTER_RE = lazy(
    r"\b(?:is|isn t|was|does|did|do|are|were) (?:that|this|these|those)\b(?! \S+ (?:that|who)\b)"
)


def _is_tag(sentence: str) -> bool:
    """Whether a sentence asks only whether what was said holds: a tag question ("is that
    common?"), or a statement ending in one ("i keep hearing 1 in 4, is that right?")."""
    first = sentence.split(maxsplit=1)[:1]
    found = _TAG_AFTER_RE.search(sentence)
    return (
        bool(first)
        and found is not None
        and (found.start() == 0 or first[0] not in _QUESTION_WORDS)
    )


# A yes/no question pointing back at what was asked before it ("what is a peer specialist? *is
# it* like a case manager?", "what's a CPS? *is that* different in California?", "how many
# states certify peers, and does Medicaid pay for *them*?"): it opens with an auxiliary and
# stands a pronoun or a demonstrative for the thing asked about.
_YES_NO_RE = lazy(
    r"^(?:is|isn t|are|aren t|was|were|does|doesn t|do|don t|did|can|could|would|will|should"
    r"|has|have)\b"
)
# The pointer as the follow-up's subject ("*is it* like ...", "*do they* need ...") or object
# at its end ("does Medicaid pay for *them*"); not the subject of what it asks evidence of ("is
# there evidence *it* works?" asks of the thing before it, which `_with_context` then reads).
_POINTER_RE = lazy(
    r"^\S+(?: \S+)? (?:it|its|they|them|their|these|those|that|this)\b(?! (?:who|which|that|of)\b)"
    r"|\b(?:it|them|that|this|these|those)$"
)


def _follows_up(sentence: str) -> bool:
    """Whether a question is a yes/no follow-up pointing back ("is it like a case manager?",
    "does medicaid pay for them?"), not "is it hard to ..." whose "it" points at nothing
    (`_EXPLETIVE_IT_RE`)."""
    return (
        _YES_NO_RE.match(sentence) is not None
        and _POINTER_RE.search(_EXPLETIVE_IT_RE.sub(" ", sentence)) is not None
    )


def _weighs_choices(first: str) -> bool:
    """Whether "X or Y" weighs two choices against each other, so both are the question: the
    first side says so ("is it *more* important that ... or that ..."). A comparative only in
    the second is the asker's own guess ("is it effective, or is it more hype?")."""
    return _CHOICE_RE.search(first) is not None


@frozen_record
class Question(Record):
    """A question as peerbot read it; `ask` is the part answered (shorthand spelled out)."""

    text: str
    ask: str
    words: tuple[str, ...]
    reduced: bool  # the ask is shorter than the message: chatter or a second question dropped
    other_questions: int  # further questions in the message that were not answered
    frame: Frame | None
    frame_positions: frozenset[int]  # word positions of the frame's cue words in `words`
    places: tuple[Place, ...]  # jurisdictions named, implicit ones included
    place_positions: frozenset[int]
    implicit_positions: frozenset[int]  # words naming the sources' default place ("in the US")
    numbers: tuple[str, ...]
    sides: tuple[frozenset[int], frozenset[int]] | None  # comparison: each side's positions
    # Whether the ask names anything of its own. "where do I start?" or "what does the research
    # say?" with nothing before it names no topic: quoting whichever passage says "starting
    # point" or "research" would be a guess, so it is declined with topics to choose from.
    topical: bool = True
    # Positions in `words` of words the ask took from the message's other sentences when it has
    # a topic of its own ("thinking about a career change into peer work. is it a growing
    # field?"): what they add may help a passage answer, but a passage lacking them still
    # answers the ask (`bot.index`). Empty when the context is the topic ("is that true?").
    context_positions: frozenset[int] = frozenset()

    @cached_property
    def required_places(self) -> tuple[Place, ...]:
        """Jurisdictions a passage must name to answer (not the sources' implicit default).
        Worked out once per question (`places` never changes: the dataclass is frozen)."""
        return tuple(place for place in self.places if not place.implicit)


# (the frames any text may match, {word: the cue word sets filed there}), each set written as
# its frame's number and its words, space-separated ("47 follow rate up"; `_filed_set` reads
# one). Kept as text: a start served from the index cache parses a JSON string per set, not a
# list of words, and makes the sets of only the words its questions look up (`_filed_sets`).
FrameFiling = tuple[list[int], dict[str, list[str]]]


class QuestionReader:
    """A lexicon compiled once per index; `read()` analyses one question."""

    def __init__(
        self,
        lexicon: Lexicon,
        weight: Weight,
        phrases: Phrases | None = None,
        filing: FrameFiling | None = None,
        wordings: Phrases | None = None,
    ) -> None:
        """`filing`: `frame_filing` of a reader of the same lexicon (saved by `bot.cache`);
        `wordings`: the positions a synonym's or name's wording of any length covers (one word
        too: "readmissions" reads as hospitalization), which a weak ask's context keeps."""
        self.lexicon = lexicon
        self._weight = weight
        self._phrases = phrases
        self._wordings = wordings
        self._shorthand = _shorthand_replacer(lexicon)
        chatter = lexicon.chatter
        # Cue lists are matched on words, only the cues whose words a text holds (bot.cues):
        # compiling them as regexes cost every `peerbot ask` tens of milliseconds.
        self._greeting = Cues(chatter.greetings)
        self._signoff = Cues(chatter.signoffs)
        self._closing = Cues(chatter.closings)
        self._reason = Cues(chatter.reasons)
        self._introduction = Cues(chatter.introductions)
        self._purpose = _lazy_purpose(chatter.purposes)
        # "would peers reduce hospitalization on our unit": where the asker works, closing the
        # ask, is no subject the sources could name; dropped when the ask ends with it.
        self._own_setting = _lazy_own_setting(chatter.settings)
        # "what is peer support, like in one sentence": how the answer should read, not what
        # it is about; dropped wherever it stands, with a hedge word before it.
        self._format = _lazy_format(chatter.formats)
        # Each frame's cues and `unless` as `Cues`, built the first time a question could match
        # the frame (`_frame_cues`): a one-question `peerbot ask` tries a few of the frames,
        # and building all of them was a third of its lexicon set-up.
        self._frames: list[tuple[Frame, Cues, Cues, Sequence[str]] | None] = [None] * len(
            lexicon.frames
        )
        # Every frame's cue word sets under one of their words: the frames a question can
        # match (`Cues.possible`) come from looking its few words up and a few subset checks,
        # then are tried in lexicon order, instead of asking each frame sharing a word with it
        # in turn (see `_frame_filing`).
        # Saved with the index: working it out is most of this set-up (every cue's words).
        if filing is None:
            filing = _frame_filing([cue_word_sets(frame.cues) for frame in lexicon.frames])
        self._always_frames, self._filing = filing
        # The filing's entries of a word, as (frame number, word set), made on its first lookup.
        self._frame_sets: dict[str, list[tuple[int, frozenset[str]]]] = {}
        self._places: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
        for place in lexicon.places:
            for name in place.names:
                keys = tuple(words(name))
                if keys:
                    self._places.setdefault(keys[0], []).append((keys, place))
        for entries in self._places.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    @property
    def frame_filing(self) -> FrameFiling:
        """(frames any text may match, {word: [(frame, cue word set)]}): what `bot.cache`
        saves so that a start need not work it out again."""
        return self._always_frames, self._filing

    # --- the ask ---------------------------------------------------------------------------------

    def spell_out(self, text: str) -> str:
        """The text with staff shorthand (and common misspellings) replaced by the words it
        stands for, a letter drawn out at a word's end written once ("heyyy", "sooo", "thxxx")."""
        if not any(character.isalnum() for character in text):
            # A message of symbols only ("?!$#&=") asks nothing: its "$" is no money question.
            return text
        if _may_draw_out(text) and _DRAWN_OUT_RE.search(text):
            text = _DRAWN_OUT_RE.sub(_drawn_in, text)
        return self._shorthand(text)

    def _clean(self, sentence: str, *, drop_reasons: bool = True, needs: bool = False) -> str:
        """A sentence without greetings, sign-offs, reason clauses and purpose tails (each
        sentence cleaned once per reading: see `_Memo`); with `needs`, a clause holding a
        request after an errand ("writing a grant and need the number of ...") is the request."""
        memo = _READING.get()
        if memo is None:
            return self._cleaned(sentence, drop_reasons, needs)
        key = (sentence, drop_reasons, needs)
        found = memo.cleaned.get(key)
        if found is None:
            found = memo.cleaned[key] = self._cleaned(sentence, drop_reasons, needs)
        return found

    def _cleaned(self, sentence: str, drop_reasons: bool, needs: bool = False) -> str:
        """`_clean`, worked out."""
        kept: list[str] = []
        clauses = _CLAUSE_RE.split(sentence)
        for number, clause in enumerate(clauses):
            clause_words = " ".join(words(clause))
            if "from" in clause_words:  # (without it the pattern cannot match)
                clause_words = _VIEWPOINT_RE.sub(r"\1", clause_words)
            if "here" in clause_words:  # (without it the pattern cannot match)
                clause_words = _INTRODUCTION_RE.sub("", clause_words + " ").strip()
            if (
                number == 0
                and len(clauses) > 1
                and _INTRODUCED_RE.fullmatch(clause_words)
                and clause_words.split()[0] not in _QUESTION_WORDS
            ):
                continue  # "state official here, what made ...": who asks, in a clause of its own
            if number == 0 and _QUESTION_FROM_RE.match(clause_words):
                continue  # "random q from a new peer mentor": who asks
            if " but " not in clause_words and _APOLOGY_RE.match(clause_words):
                continue  # "sorry if this was covered already": an apology
            if (
                number == 0
                and len(clauses) > 1
                and 1 < len(clause_words.split()) <= _GREETING_WORDS
                and clause_words.split()[-1] in _ADDRESSEES
                and clause_words.split()[0] not in _QUESTION_WORDS
            ):
                continue  # "happy friday all, how many ...": a greeting, by whom it addresses
            if number == 0 and len(clauses) > 1 and _SET_ASIDE_RE.match(clause_words):
                rest = words(" ".join(clauses[1:]))
                if _ASKS_OTHER_RE.search(" ".join(rest)) or (
                    rest[:1]
                    and rest[0] in _QUESTION_WORDS
                    and _topical(set(tokenize(_SET_ASIDE_RE.sub("", clause_words))) - {"effect"})
                ):
                    # "besides peer support itself, what (else) do CPSs spend time doing?": what
                    # is set aside is not what is asked about (but "apart from effectiveness,
                    # what's missing from the literature" asks about the evidence all the same).
                    continue
            if (
                number == 0
                and len(clauses) > 1
                and _FOR_OUR_RE.fullmatch(clause_words)
                and self._names_nothing_asked(clause_words)
                and _opens_a_fronted_question(words(clauses[1]))
            ):
                # "for our strategic plan, what settings do peer specialists work in?": what the
                # answer is for, put first; it names no place, subject or name the passages know.
                continue
            if (
                number > 0
                and _ASKERS_ALTERNATIVE_RE.match(clause_words)
                and self._asks_something(kept)
                and not _weighs_choices(" ".join(kept))
            ):
                continue  # "..., or is it still a free-for-all?": the asker's own other guess
            # The clause's words; what follows only removes words, so they still rule cues out.
            # Greetings, sign-offs and closings come off the one word list (a removal takes at
            # least one word, so an unchanged length is an unchanged clause).
            clause_list = clause_words.split()
            present = frozenset(clause_list)
            stripped = False
            while True:
                size = len(clause_list)
                clause_list = _strip_start(self._greeting, clause_list, present)
                clause_list = _strip_start(self._signoff, clause_list, present)
                clause_list = _strip_end(self._closing, clause_list, present)
                if len(clause_list) == size:
                    break
                stripped = True
            if stripped:
                clause_words = " ".join(clause_list)
            looked_in = _WHERE_TO_LOOK_RE.match(clause_words)
            if looked_in is not None:
                # "do the sources list the common job titles?": where to look, then the ask (a
                # pointer alone, "what do the sources say about this?", stays a tag).
                clause_words = clause_words[looked_in.end() :]
                clause_list = clause_words.split()
                present = frozenset(clause_list)
            if " but " in clause_words:
                # "maybe a hot take but are hospital stays the right yardstick?", "not to be
                # that person but is ...", "maybe a dumb one but peer bridgers?": a lead-in
                # naming nothing the sources know, then what is asked.
                lead, _, asked = clause_words.partition(" but ")
                asked_words = asked.split()
                if (
                    asked_words
                    and lead.split(maxsplit=1)[0] not in _QUESTION_WORDS
                    and self._knows_nothing(lead)
                ):
                    clause_words = asked
                    clause_list = asked_words
                    present = frozenset(clause_list)
            if needs and clause_list:
                needed = _needed_after_errand(clause_words)
                if needed is not None:
                    # "writing a grant narrative and need the number of ...": the errand is the
                    # reason, what is needed the ask.
                    clause_words = needed
                    clause_list = needed.split()
                    present = frozenset(clause_list)
            if not clause_words or (drop_reasons and self._reason.match(clause_list, present)):
                continue
            if (
                drop_reasons
                and len(clauses) > 1
                and self._introduction.match(clause_list, present)
                # "i work in a forensic unit, is there research on settings like mine?": the
                # question points at who asks, so that clause is what it is about.
                and _ASKER_RE.search(" ".join(words(sentence))) is None
            ):
                # Who asks is context, but the state it names binds the answer when the question
                # points at it and names no place of its own ("as a CPS in California, when will
                # *the state* certify peers?"; not "as a youth worker in Vancouver, how
                # fragmented are Canadian youth services?"). A diagnosis or payer of the asker's
                # ("I'm a peer with PTSD, ...") is not what is asked.
                if self._points_at_a_place(sentence, clauses):
                    clause_list = clause_words.split()
                    named = [
                        " ".join(clause_list[span.start : span.stop])
                        for place, span in self._place_spans(clause_list)
                        if not place.subject
                    ]
                    kept.extend(named)
                continue
            # (A pattern that cannot match leaves the clause as it is: not run at all.)
            if self._format is not None and self._format.possible(present):
                clause_words = self._format.sub(" ", clause_words + " ", present).strip()
            if self._purpose is not None and self._purpose.possible(present):
                match = self._purpose.search(clause_words + " ", present)
                if match:
                    clause_words = clause_words[: match.start()].strip()
            if self._own_setting is not None and self._own_setting.possible(present):
                match = self._own_setting.search(clause_words + " ", present)
                if match and match.start() > 0:
                    clause_words = clause_words[: match.start()].strip()
            if clause_words:
                kept.append(clause_words)
        return " ".join(kept)

    def _names_nothing_asked(self, clause: str) -> bool:
        """Whether a clause names no place or subject and no wording of a name or synonym the
        passages know ("for our strategic plan"; not "for our youth program", "for the VA")."""
        clause_words = words(clause)
        if self.find_places(clause_words)[0]:
            return False
        wordings = self._wordings or self._phrases
        return wordings is None or not wordings(clause_words)

    def _specificity(self, sentence: str) -> float:
        fillers, weight = filler_terms(), self._weight
        return sum(weight(term) for term in set(tokenize(sentence)) if term not in fillers)

    def reduce(self, text: str) -> tuple[str, bool, int, frozenset[int]]:
        """(the ask, whether anything was dropped, how many other questions were dropped, the
        positions of the ask's words it took as context beside a topic of its own)."""
        spelled = self.spell_out(text[:MAX_QUESTION_CHARS])
        whole = " ".join(words(spelled))
        spelled = self._parentheses(spelled)
        raws, units, joined = _pieces_joined(spelled)
        passes = [self._sentences(raws, drop_reasons=True)]
        scored = self._scored(passes[0])
        if all(self._weak(s) for _, s in scored):
            # "board member asked me how many states certify peers. anyone have a number?": a
            # question reported in a statement is the ask when nothing else of substance is
            # asked (not over "... what's the main funding source?" after "my board keeps
            # asking how we'll keep money coming").
            reported = self._sentences(raws, drop_reasons=True, reported=True)
            tags_only = all(len(s.split()) <= _TAG_WORDS for s, asks in passes[0] if asks)
            needed = self._sentences(raws, drop_reasons=True, needs=True) if tags_only else []
            written: list[tuple[str, bool]] = []
            if all(_STARTING_POINT_RE.fullmatch(s) for s, asks in passes[0] if asks):
                written = self._sentences(raws, drop_reasons=True, reported=True, written=True)
            if any(not self._weak(s) for _, s in self._scored(reported)):
                passes[0] = reported
                scored = self._scored(reported)
            elif any(not self._weak(s) for _, s in self._scored(written)):
                passes[0] = written
                scored = self._scored(written)
            elif any(_names_anything(s) for _, s in self._scored(needed)):
                # "hey all, writing a grant narrative and need the number of states that
                # certify peers. anyone know?": what the errand needs is the ask when nothing
                # else is asked but a tag of a few words ("anyone know?", "help?", "ideas?"
                # only say it is a question); a question of its own, however weak ("what do
                # the sources say?", "any guidance on where to start?"), reads its context.
                passes[0] = needed
                scored = self._scored(needed)
        if not scored:
            # A reason clause may hold the question itself ("my boss asked how many ..."):
            # when dropping reasons leaves nothing that asks, read the message keeping them.
            passes.append(self._sentences(raws, drop_reasons=False))
            scored = self._scored(passes[1])
        sentences = passes[0]
        if not sentences:
            return whole, False, 0, frozenset()
        passed_over = False  # a follow-up was passed over for the question it points at
        if scored:
            best_score, best = max(scored, key=lambda item: item[0])
            if len(scored) > 1:
                best_score, best = self._beyond_the_sources(scored, (best_score, best))
                best_score, best = self._over_the_tag(scored, (best_score, best))
            asked = self._offered_to(sentences, best)
            offer = None
            if asked is not None:
                # "how many hours do CPSs work? part time or full time mostly?": the second only
                # offers answers to the first, which is the ask. The offer is the asker's guess
                # ("is Medicaid the big one or is it all over the place"), which the answer to
                # the question confirms or not; its words ("place", "one") would only weigh.
                offer, best = best, asked
            elif self._follows_up(best, raws, joined):
                best_score, best = self._before_the_follow_up(
                    sentences, (best_score, best), raws, joined
                )
                passed_over = not self._follows_up(best, raws, joined)
            rivals = [(score, s) for score, s in scored if s is not offer]
        else:
            asking = [s for s, asks in sentences if asks]
            if not asking:
                ask = " ".join(s for s, _ in sentences)
                return ask, ask != whole, 0, frozenset()
            best, rivals, best_score = asking[-1], [], 0.0
        ask = self._one_alternative(best)
        if (
            " or " in ask
            and _CHOICES_RE.fullmatch(ask)
            and any(s is not best and _DIFFERENCE_ASK_RE.search(s) for s, _ in sentences)
        ):
            # "recovery coach or peer specialist? what's the difference?": the difference ask,
            # weaker than the sides it follows, is asked of them, as after "X vs Y".
            ask = ask.replace(" or ", " vs ", 1)
        context_ask: str | None = None  # a weak ask with the message's words it took as context
        # The ask's own words, when context it took may be passed over (`_context_positions`).
        own: str | None = None
        if _TAG_RE.match(ask) and not _EXPLETIVE_IT_RE.match(ask):
            experienced = self._with_experience(ask, best, sentences)
            if experienced != ask:
                own = " ".join(word for word in ask.split() if word not in _TAG_PREDICATES)
            ask = experienced
        if " or " in ask and _CHOICE_OR_RE.search(ask):
            ask = ask.replace(" or ", " vs ", 1)
            own = None
        choosing = _CHOICE_ASK_RE.search(ask) is not None or (
            _DIFFERENCE_ASK_RE.search(ask) is not None
        )
        before = raws[: self._raw_index(raws, best)] if choosing else []
        if choosing and before and not _NAMES_SIDES_RE.search(" ".join(before)):
            offered = " ".join(words(before[-1]))
            if _CHOICES_RE.fullmatch(offered):
                before = [*before[:-1], offered.replace(" or ", " vs ")]
        if choosing and _NAMES_SIDES_RE.search(" ".join(before)):
            # "CPS vs CRSS. which is better?": a choice, however few words it has of its own.
            ask = self._with_sides(ask, before)
            own = None
        elif self._weak(ask):
            position = self._raw_index(raws, best)
            claims: frozenset[int] = frozenset()
            if _asks_for_evidence(ask):
                # The claim is said before the ask, or after it when the ask comes first ("is
                # this documented anywhere? my coworker thinks the VA is hiring 800 peers").
                claims = frozenset(range(position) if position else range(1, len(raws)))
            # A reason after an ask with a topic of its own is an afterthought ("what do CPSs
            # do? writing a job description"); after one with none ("any research on it?
            # asking because our board is debating peers in jails") it is the topic.
            ask = self._with_context(
                ask,
                # A follow-up passed over for this ask is another question, not its context
                # ("what is a CPS? is that different in california?" asks about no state).
                [
                    ""
                    if passed_over
                    and number > position
                    and (number in joined or _follows_up(self._clean(raw)))
                    else raw
                    for number, raw in enumerate(raws)
                ],
                claims=claims,
                reasons_until=position if _has_topic(ask) else None,
                ask_at=position,
                topic=True,
            )
            context_ask = ask
            own = None  # the context is the topic
        else:
            # "we have clients with a bipolar dx. how can peer workers help *them*?": what comes
            # before the question says who "them" is; an afterthought after it does not.
            # (Found only for an ask that points or chooses: finding it cleans the sentences
            # again.)
            # "asked about DDA. what did people who went actually get out of *it*?": an ask
            # with at most one word the passages know points back when it says "it" or "they".
            before = raws[: self._raw_index(raws, best)]
            thin = bool(before) and _says_they(ask) and self._thin(ask)
            pointing = (
                thin
                or _POINTING_RE.search(ask) is not None
                # "reading the goutam paper for a class - what doubts does it raise?"
                or (
                    _WORK_SUBJECT_RE.search(ask) is not None
                    and any(_WORK_NAMED_RE.search(self._clean(raw)) for raw in before)
                )
            )
            if pointing or _PERSON_POINTING_RE.search(ask):
                if pointing or (_PERSON_POINTING_RE.search(ask) and _names_someone(before)):
                    # What a thin ask points at may be something no passage knows ("runs a
                    # smoking cessation group. what did members get from it?"): its words come
                    # too, as a claim's do, so no passage on another group answers it.
                    unknown = thin and not self._all_known(before)
                    claims = frozenset(range(len(before))) if unknown else frozenset()
                    ask = self._with_context(ask, before, claims=claims)
                    context_ask = ask
                    own = None  # what the ask points at is in the context
            else:
                # "ppl w bipolar - what topics do they swap with peers?": a topic put first, in
                # a few words that ask nothing, says who "they" are (or what "it" is). A work
                # named with "the" ("the Salzer survey: what was the sample size?") is what the
                # ask is about even without a pronoun; an introduction ("we serve 16-25 yr
                # olds", "clinician here") or news ("the board meets tomorrow") is not.
                position = self._raw_index(raws, best)
                fronted = raws[position - 1] if position else ""
                cleaned = self._clean(fronted) if fronted else ""  # nothing put first
                # "peer vs non-peer staff - any difference in outcomes?": two things compared,
                # split from the ask by a colon or a dash (one question, see `_pieces`), are
                # what the ask is about though it names neither. A lead-in there ("budget
                # season: who pays ...") names no two sides.
                compared = (
                    bool(cleaned)
                    and units[position - 1] == units[position]
                    and _COMPARED_RE.search(cleaned) is not None
                )
                if (
                    cleaned
                    and (_says_they(ask) or _names_a_work(cleaned) or compared)
                    and len(cleaned.split()) <= _FRONTED_WORDS
                    and not _opens_a_question(fronted, cleaned)
                    # A statement ("retention is killing us") or who asks ("hk trainer here")
                    # is not a topic put first.
                    and not _STATEMENT_VERBS.intersection(cleaned.split())
                    and not _INTRODUCED_RE.fullmatch(cleaned)
                    and _has_topic(cleaned)
                ):
                    if compared:
                        # Read as one sentence, as if typed without the break: the fragment's
                        # own words, each side of a "vs" too.
                        ask = f"{cleaned} {ask}"
                    else:
                        ask = self._with_context(ask, [fronted])
                    context_ask = ask
                    own = None  # what is put first is the topic
        others = self._other_questions(raws, units, rivals, best, best_score, context_ask)
        return ask, ask != whole, others, self._context_positions(ask, own)

    def _context_positions(self, ask: str, own: str | None) -> frozenset[int]:
        """The positions of the ask's words that came from other sentences, when its own words
        (`own`) ask about something of their own: two topical words or more that the passages
        know ("is it a growing field?", "is that considered a peer role?"). Only a tag
        question's (`_with_experience`) context is marked: an ask pointing at a thing named
        before ("where is *the organization* based?") is about what the context names.

        Such an ask points back at what the message said, and the words it took along are
        mostly talk ("thinking about a *career change*", "my *mom* is *starting* ... *next
        month*"). Each is known somewhere in the passages, so weighed like the ask's own words
        they sank every passage's coverage though the bare question is answered. An ask with
        no topic of its own ("is that true?", "what did people get out of it?") is about its
        context, and then none is marked: every word of it counts as asked."""
        if own is None or own == ask or self._weak(own) or self._thin(own):
            return frozenset()
        ask_words, own_words = words(ask), words(own)
        size = len(own_words)
        for start in range(len(ask_words) - size, -1, -1):
            if ask_words[start : start + size] == own_words:
                return frozenset(range(len(ask_words))) - frozenset(range(start, start + size))
        return frozenset()

    @staticmethod
    def _offered_to(sentences: Sequence[tuple[str, bool]], best: str) -> str | None:
        """The question that `best` offers answers to, or None.

        A message may follow a question with the answers its asker has in mind ("where does
        the money come from? is Medicaid the big one or is it all over the place", "how many
        hours do CPSs work? part time or full time mostly?"). The offer shares more words with
        the passages than the question (its own words, "hours", may be none of theirs), so it
        scored as the ask, and a passage on "time" answered a question about hours. An offer
        holds "or" and either asks nothing of its own (no question word opens it) or points
        back ("is *it* all over the place"); the question before it opens with a wh-word and
        weighs no choice.
        """
        asking = [s for s, asks in sentences if asks]
        if best not in asking:
            return None
        position = asking.index(best)
        if position == 0 or not _OFFER_RE.search(best):
            return None
        first = best.split()[0]
        if first in _QUESTION_WORDS and not _THEY_RE.search(best):
            return None
        previous = asking[position - 1]
        if previous.split()[0] not in _WH_WORDS or _CHOICE_ASK_RE.search(previous):
            # "Which has the best research: group programs or one-on-one?": the choices of a
            # question weighing them are its sides, not guesses.
            return None
        return previous

    def _beyond_the_sources(
        self, scored: Sequence[tuple[float, str]], best: tuple[float, str]
    ) -> tuple[float, str]:
        """Of several questions in a message, one the sources cannot answer (advice on one's own
        situation, live facts) when there is one: "how much of my own story should I share?
        looking for guidance on self-disclosure" asks for advice, and the rarer words of its
        restatement would otherwise make it the ask and find a passage that only names
        self-disclosure. Declining there is the honest reply to the whole message."""
        if _opens_with_a_question_word(best[1]):
            # A question of its own ("how many states certify? and how should I handle my
            # client's relapse?") stays the ask: it is answered, and the reply says another
            # question was asked. Only a restatement or a request gives way.
            return best
        return next(((score, s) for score, s in scored if self._beyond(s)), best)

    def _over_the_tag(
        self, scored: Sequence[tuple[float, str]], best: tuple[float, str]
    ) -> tuple[float, str]:
        """A question of its own rather than a tag pointing back at what was said ("how common
        are mental disorders? i keep hearing 1 in 4, is that in any of our sources?"): the tag
        asks whether the claim before it holds, and its words ("sources", "hearing") are no
        topic, so it is the ask only when the message asks nothing else of substance ("my team
        never knows what I do. is that common?")."""
        if not _is_tag(best[1]) and not self._points_back_only(best[1]):
            return best
        own = [
            (score, s)
            for score, s in scored
            if s is not best[1] and not _is_tag(s) and not self._weak(s)
        ]
        return max(own, key=lambda item: item[0]) if own else best

    def _follows_up(self, sentence: str, raws: Sequence[str], joined: Set[int]) -> bool:
        """Whether a question follows up the one before it: it points back (`_follows_up`) or
        is a yes/no question joined on after a comma (`_pieces_joined`)."""
        return _follows_up(sentence) or (
            bool(joined) and self._raw_position(raws, sentence) in joined
        )

    def _before_the_follow_up(
        self,
        sentences: Sequence[tuple[str, bool]],
        best: tuple[float, str],
        raws: Sequence[str],
        joined: Set[int],
    ) -> tuple[float, str]:
        """The question a follow-up points back at, rather than the follow-up ("what even is a
        peer specialist? is it like a case manager?"): the follow-up's rarer words ("case
        manager") outscored the basic question, and a passage on case management answered a
        message that first asked what a peer specialist is. The follow-up only makes sense of
        the question before it, so that one is answered, and the reply says another question
        was asked. That question may weigh nothing in the passages' words ("what is a CPS?" is
        read through its alias), so it is found among the sentences, not the scored ones; a
        follow-up after nothing asked keeps its place and reads the message as context."""
        asking = [s for s, asks in sentences if asks]
        position = next((i for i, s in enumerate(asking) if s is best[1]), None)
        if position is None:
            return best
        earlier = [
            s
            for s in asking[:position]
            if not self._follows_up(s, raws, joined) and _names_anything(s)
        ]
        if not earlier:
            return best
        return self._specificity(earlier[-1]), earlier[-1]

    def _points_back_only(self, sentence: str) -> bool:
        """Whether a question names nothing but points back at what was said ("any data on
        that?", "is there anything in our sources on this?"): its words ("data", "sources")
        are what it asks for, not what about, so a question of substance beside it is the ask."""
        return self._weak(sentence) and (
            _POINTS_BACK_RE.search(sentence) is not None or _says_they(sentence)
        )

    def _beyond(self, sentence: str) -> bool:
        """Whether the sentence is a question ("how much ... should I share?", not a request
        such as "need a number for the RFP") read as a frame no passage can answer
        (`NOT_IN_SOURCES`)."""
        if not _opens_with_a_question_word(sentence):
            return False
        found = self._first_frame(tuple(words(sentence)))
        return found is not None and found[0].needs == NOT_IN_SOURCES

    def _first_frame(self, ask_words: tuple[str, ...]) -> tuple[Frame, CueMatch, int] | None:
        """The first frame (lexicon order) whose cues match and whose `unless` does not: the
        frame, the match (over the ask's words), and the frame's position in the lexicon.

        Its readings without filler adverbs and in the present tense are tried too
        (`bot.cue_views`): "who actually wrote", "how did X differ". The earlier frame of all
        readings wins, since a hedge can leave a later, vaguer frame matching as written; but a
        match whose own cue spells the hedge or the tense ("did * actually hire") stands."""
        found = self._frame_on(ask_words)
        if found is not None and reads_past(frame_cue_words(found[0].cues[found[1].cue])):
            return found
        for reading, positions in readings(ask_words):
            other = self._frame_on(reading)
            if other is None or (found is not None and found[2] <= other[2]):
                continue
            frame, match, number = other
            start, end = ask_span(positions, match.start, match.end)
            found = frame, CueMatch(start, end, match.cue), number
        return found

    def _frame_on(self, ask_words: tuple[str, ...]) -> tuple[Frame, CueMatch, int] | None:
        """`_first_frame` on these words as they are."""
        present = frozenset(ask_words)
        for number in self._possible_frames(present):
            candidate, cues, unless, _ = self._frame_cues(number)
            if unless.search(ask_words, present):
                continue
            match = cues.search(ask_words, present)
            if match is not None:
                return candidate, match, number
        return None

    def _frame_cues(self, number: int) -> tuple[Frame, Cues, Cues, Sequence[str]]:
        """The frame at `number` with its cues and `unless` as `Cues` (built on first use; two
        threads may both build them, alike)."""
        found = self._frames[number]
        if found is None:
            frame = self.lexicon.frames[number]
            found = self._frames[number] = (frame, Cues(frame.cues), Cues(frame.unless), frame.cues)
        return found

    def _points_at_a_place(self, sentence: str, clauses: Sequence[str]) -> bool:
        """Whether the sentence points at a place ("the state", "here") that none of its clauses
        but an introduction names (an introduction's place then stands for it)."""
        return _PLACE_POINTER_RE.search(" ".join(words(sentence))) is not None and not any(
            not place.subject
            for clause in clauses
            if not self._introduction.possible(frozenset(words(clause)))
            for place, _ in self._place_spans(words(clause))
        )

    def _raw_index(self, raws: Sequence[str], best: str) -> int:
        """The index in `raws` of the sentence the ask came from (0 when not found)."""
        found = self._raw_position(raws, best)
        return 0 if found is None else found

    def _raw_position(self, raws: Sequence[str], sentence: str) -> int | None:
        """The index in `raws` of the piece a cleaned sentence came from, if it is found."""
        for index, raw in enumerate(raws):
            if (
                self._clean(raw) == sentence
                or self._clean(raw, drop_reasons=False) == sentence
                or self._clean(raw, needs=True) == sentence
            ):
                return index
        return None

    def _other_questions(
        self,
        raws: Sequence[str],
        units: Sequence[int],
        scored: Sequence[tuple[float, str]],
        best: str,
        best_score: float,
        context_ask: str | None,
    ) -> int:
        """How many more questions of substance the message asks besides the one answered.

        Counted in questions, not pieces: "what matters more to clients: knowledge or empathy?"
        and "where is the evidence strongest - symptoms or hope?" are split at the colon or
        dash to find the ask, but each is one question, and telling its asker to ask "the
        others separately" would be wrong. Nor is a question whose every topical word a weak
        ask took as its context (`context_ask`: "is peer support fluff? is there evidence it
        works?" asks the second about peer support): it was read, not left out."""
        best_at = self._raw_position(raws, best)
        answered = set(tokenize(context_ask)) if context_ask is not None else set()
        asked: set[int | str] = set()
        for score, sentence in scored:
            if sentence is best or score < best_score / 4:
                continue
            topical = _topical(tokenize(sentence))
            if topical and answered.issuperset(topical):
                continue
            at = self._raw_position(raws, sentence)
            if at is None:
                asked.add(sentence)  # not traced to its piece: a question of its own
            elif best_at is None or units[at] != units[best_at]:
                asked.add(units[at])
        return len(asked)

    def _with_experience(self, ask: str, best: str, sentences: Sequence[tuple[str, bool]]) -> str:
        """A question pointing back ("is that common?") after the statements it points at; a
        label before them ("vent + q:") names nothing the sources know and is left out."""
        position = next((i for i, (s, _) in enumerate(sentences) if s is best), None)
        if position is None:
            return ask
        before: list[str] = []
        for sentence, asks in reversed(sentences[max(0, position - 2) : position]):
            if asks:
                break
            if not self._knows_nothing(sentence):
                before.insert(0, sentence)
        if not before:
            return ask
        tag = [word for word in ask.split() if word not in _TAG_PREDICATES]
        return " ".join([*before, *tag])

    def _parentheses(self, text: str) -> str:
        """Asides in parentheses dropped ("(asking for a coworker)") and so are a list's item
        numbers ("(1) what is ... (2) how many ..."); others kept in the sentence they follow,
        even after its question mark ("what about youth? (Peer bridger)")."""

        def replace(match: re.Match[str]) -> str:
            question_mark = match.group(1) or ""
            kept = [
                inner
                for inner in _INNER_RE.findall(match.group(2))
                if self._clean(inner)
                and not _EXCLUSION_RE.match(" ".join(words(inner)))
                and not _LIST_MARKER_RE.fullmatch(inner)  # a list's item number: "(2)"
            ]
            return f" {' '.join(kept)}{question_mark} " if kept else question_mark

        if "(" not in text:
            return text  # the pattern needs one
        return _PARENTHESES_RE.sub(replace, text)

    def _sentences(
        self,
        raws: Sequence[str],
        *,
        drop_reasons: bool,
        reported: bool = False,
        needs: bool = False,
        written: bool = False,
    ) -> list[tuple[str, bool]]:
        """Each sentence without its chatter, and whether it asks something; with `reported`, a
        question reported in a statement ("my director asked how ...") asks, from its asking
        word on; with `needs`, a request after an errand ("writing a grant and need the number
        of ...") asks, from what is needed on."""
        sentences: list[tuple[str, bool]] = []
        for raw in raws:
            cleaned = self._clean(raw, drop_reasons=drop_reasons, needs=needs)
            # (In the pass reading needs, only a need asks: the rest asked nothing of
            # substance, "anyone know?", "help?".)
            asks = bool(cleaned) and (
                _needs_after_errand(raw, cleaned)
                if needs
                else _opens_a_question(
                    raw, cleaned, after_a_question=any(asked for _, asked in sentences)
                )
            )
            if reported and not asks:
                # "board member asked me how many states certify peers now.": the question
                # someone put is the ask, from its asking word on, also in a sentence read as a
                # reason ("my director asked me how many ...").
                text = cleaned or self._clean(raw, drop_reasons=False)
                embedded = _EMBEDDED_ASK_RE.search(text)
                if embedded is None and written:
                    embedded = _WRITTEN_ASK_RE.search(text)
                if embedded is not None:
                    sentences.append((self._reported(text, embedded), True))
                    continue
            # (A question may open on the errand itself: "have to explain to the board how
            # ...", "how do I explain to a client what ...".)
            if asks and (cleaned.split()[0] not in _QUESTION_WORDS or _EXPLAINS_RE.search(cleaned)):
                cleaned = self._wished(cleaned)
            if cleaned:
                sentences.append((cleaned, asks))
        return sentences

    def _wished(self, sentence: str) -> str:
        """The question an asker says they want to know, without the errand before it
        ("rewriting our job postings and want to know what other titles ..."). Kept whole when
        the question needs what comes before it: it says "they" or "them", or names no topic."""
        wish = _WANTS_TO_KNOW_RE.search(sentence)
        if wish is not None and wish.start() == 0:
            return sentence
        if wish is None:
            wish = _EXPLAINS_RE.search(sentence)
            if wish is None:
                return sentence
        question = self._reported(sentence, wish)
        if (
            self._weak(question)
            or _says_they(question)
            or _POINTING_RE.search(question)
            or _POINTS_BACK_RE.search(question)
        ):
            return sentence
        return question

    def _reported(self, sentence: str, verb: re.Match[str]) -> str:
        """The question a sentence reports, from its asking word on, with the places named
        before the verb of asking when it points at one ("a visitor from Hong Kong asked when
        they started using peer support *there*": the question is about Hong Kong)."""
        question = sentence[verb.end() :]
        if not _REPORTED_PLACE_RE.search(question):
            return question  # "our team in Boston wants to know ...": where the asker is
        before = sentence[: verb.start()].split()
        named = [
            " ".join(before[span.start : span.stop])
            for place, span in self._place_spans(before)
            if not place.subject
        ]
        return " ".join([*named, question])

    def _scored(self, sentences: Sequence[tuple[str, bool]]) -> list[tuple[float, str]]:
        scored = [(self._specificity(s), s) for s, asks in sentences if asks]
        return [(score, s) for score, s in scored if score > 0]

    def _asks_something(self, kept: Sequence[str]) -> bool:
        """Whether the clauses kept so far ask something of substance: "is it just me, or is it
        normal to ..." asks in its second clause, so that one is not dropped as a guess."""
        text = " ".join(kept)
        first = text.split(maxsplit=1)[:1]
        return bool(first) and first[0] in _QUESTION_WORDS and not self._weak(text)

    @staticmethod
    def _weak(ask: str) -> bool:
        """An ask of at most one content word ("is that true?", "are they?") needs its context,
        and so does one that names no topic ("what does the evidence actually show?" after "my
        board asked if peer support cuts hospitalizations")."""
        fillers = filler_terms()
        content = [term for term in tokenize(ask) if term not in fillers]
        topical = _topical(content)
        if len(content) <= 1 or not topical:
            return True
        # "does the research back *that* up, or is it mixed?": one word of its own, and what
        # the research should back is what "that" points back to.
        return len(topical) == 1 and _POINTS_BACK_RE.search(ask) is not None

    def _knows_nothing(self, text: str) -> bool:
        """Whether every word of the text is filler or one no passage has ("maybe a hot take",
        "vent + q"): a lead-in or label, not a topic."""
        weight, fillers = self._weight, filler_terms()
        return all(
            term in fillers or term in _GENERIC_NOUNS or weight(term) == 0
            for term in tokenize(text)
        )

    def _thin(self, ask: str) -> bool:
        """Whether the ask has at most one topical word the passages know ("what did people
        who went get out of it": "went" is no passage's word): what it is about is elsewhere."""
        weight = self._weight
        return sum(1 for term in set(_topical(tokenize(ask))) if weight(term) > 0) <= 1

    def _all_known(self, raws: Sequence[str]) -> bool:
        """Whether every topical word of these sentences (chatter dropped) is one the passages
        know or part of a known phrase: context only adds known words, so "runs a WRAP group.
        do people who go get much out of it?" would otherwise be asked about groups."""
        weight, fillers = self._weight, filler_terms()
        for raw in raws:
            raw_words = words(self._clean(raw))
            phrased = self._phrases(raw_words) if self._phrases is not None else frozenset()
            for position, word in enumerate(raw_words):
                if word in STOP_WORDS or position in phrased:
                    continue
                terms = tokenize(word)
                if terms and terms[0] not in fillers and weight(terms[0]) == 0:
                    return False
        return True

    def _one_alternative(self, ask: str) -> str:
        """Of "is X growing or is it a fad", the first alternative, unless it is empty talk."""
        match = _ALTERNATIVE_RE.search(ask) if " or " in ask else None
        if match is None:
            return ask
        first, second = ask[: match.start()].strip(), ask[match.start() + 4 :].strip()
        if _weighs_choices(first) and (not self._weak(first) or second.startswith("that ")):
            # "is it more important that they share info or that they get what the person is
            # going through": two sides of one weighing, the second put as the first is.
            return ask
        return second if self._weak(first) and not self._weak(second) else first

    def _with_context(
        self,
        ask: str,
        raws: Sequence[str],
        *,
        places: bool = True,
        claims: frozenset[int] = frozenset(),
        reasons_until: int | None = None,
        ask_at: int | None = None,
        topic: bool = False,
    ) -> str:
        """The ask with the known content words of `raws` (the message, or the sentences before
        the ask) in front: for a weak ask ("is that true?", "are they?") and one saying "them".

        Only words the passages know are added, so context enriches the ask but cannot add an
        unknown word that would sink every passage's coverage; a word already there is not added
        again. A place is added even when no passage names it ("which 15 don't? is ours one of
        them (Wyoming)"): the jurisdiction check, not coverage, decides what it needs; not with
        `places` off (the sides of a choice: "our team in Philly asked 1:1 vs group").

        For an ask for evidence of what the message said ("my client says her peer mentor
        helped her quit smoking. has research seen that?") the claim's unknown words come too,
        from the sentences at the indexes `claims`: research on "peer mentors" in general is no
        evidence that they help people quit smoking, so a claim the sources never mention must
        not be answered. Only the claim's own clauses count (reasons, asides dropped), and it
        follows the ask as its object. `reasons_until`: the ask's index, after which a reason is
        an afterthought and dropped. `ask_at`: the ask's index; what the sentences after it add
        follows the ask too ("any research on it? asking because our board is debating peers in
        *schools*"), so a subject they name is asked about, as in a plain question. `topic`: the
        context is what a weak ask is about, so a word a synonym knows is kept too.
        """
        ask_words = words(ask)
        own = set(ask_words)
        before: list[str] = []
        after_ask: list[str] = []
        for number, raw in enumerate(raws):
            kept: list[str] = []
            # A reason before the ask may hold its topic ("my board asked if peer support cuts
            # hospitalizations. what does the evidence show?"); one after it is an afterthought
            # ("what do CPSs do? writing a job description").
            after = reasons_until is not None and number > reasons_until
            cleaned = self._clean(raw, drop_reasons=after)
            if after and self._introduction.match(words(cleaned), frozenset(words(cleaned))):
                continue  # "... we're a small rural program so asking around": who asks
            requester = _REQUESTER_RE.match(cleaned)
            if requester is not None and requester.end() < len(cleaned):
                # "my director wants <proof peers cut readmissions>": who wants it is no
                # topic ("director" is a word of one passage's affiliation, and weighed like
                # the outcome asked about).
                cleaned = cleaned[requester.end() :]
            errand = _ERRAND_TOPIC_RE.search(cleaned) if number not in claims else None
            if errand is not None:
                cleaned = cleaned[errand.end() :]  # what the errand is on, not who runs it
            claimed: frozenset[str] = frozenset()
            if number in claims:
                said = list(_SAYS_RE.finditer(cleaned))
                if said:
                    # Who said it is not part of the claim: "our director keeps saying
                    # <medicaid is where the money is>".
                    cleaned = cleaned[said[-1].end() :]
                    claimed = frozenset(words(cleaned))
                else:
                    # "my coworker says peers have lower turnover." reads as who asks and why,
                    # all of it a reason; the claim is then the whole sentence.
                    claimed = frozenset(words(self._clean(raw))) or frozenset(words(cleaned))
            raw_words = _without_run(words(cleaned), ask_words)
            _, place_positions, _ = self.find_places(raw_words)
            if not place_positions and number not in claims and self._knows_nothing(cleaned):
                continue  # "ok maybe a dumb one, but who pays?": a lead-in, nothing to add
            # A word of a known phrase is known though no passage has it ("co-occurring" reads
            # as dual diagnosis; "occurring" alone left "co" as a topic).
            # A weak ask's context is its topic: a word a synonym reads as a passage's
            # ("readmissions") is as known as the passage's own ("my director wants proof
            # peers cut readmissions... what does the evidence say?").
            wordings = self._wordings if topic and self._wordings is not None else self._phrases
            phrased = wordings(raw_words) if wordings is not None else frozenset()
            # A figure the sentence claims ("my boss says the VA hired 8000 peers. is that
            # right?") comes too, though no passage has it: `bot.index` checks it against the
            # passages instead of covering it.
            figured = {t for f in claimed_figures(cleaned, tuple(raw_words)) for t in f.tokens}
            for position, word in enumerate(raw_words):
                if word in STOP_WORDS:
                    kept.append(word)  # kept in place, so "as effective as" stays a phrase
                    continue
                if word in own:
                    continue
                terms = tokenize(word)
                known = bool(terms) and self._weight(terms[0]) > 0
                if (
                    (places and position in place_positions)
                    or position in phrased
                    or word in figured
                    or (known and terms[0] not in filler_terms())
                    or (word in claimed and terms and terms[0] not in filler_terms())
                ):
                    kept.append(word)
                    own.add(word)
            if any(word not in STOP_WORDS for word in kept):
                # The claim follows the ask for evidence, as its object ("has research seen
                # that <peer support lowers suicide rates>"): a subject it names is then asked
                # about, not passed over as who asks (`find_places`).
                follows = bool(claims) or (ask_at is not None and number > ask_at)
                (after_ask if follows else before).extend(kept)
        return " ".join([*before, ask, *after_ask])

    def _with_sides(self, ask: str, raws: Sequence[str]) -> str:
        """A choice asked without its sides ("CPS vs CRSS. which is better?"): the words next
        to the cue before it (vs, versus, between) follow the question with the cue, so the
        comparison frame reads them as the two sides and checks that a passage compares both.
        Prepending them as plain context read "which credential is better" as a question about
        CPS, answered by any passage on CPS certification. Words further off ("our CEO asked
        about hope vs hospitalization") are who asks, not a side, and so is a place more than
        two words from the cue ("our team in Philly asked 1:1 vs group")."""
        sides: list[str] = []
        for raw in raws:
            lowered = words(raw)  # "1:1 vs group": a side stays one word, as the ask reads it
            _, place_positions, _ = self.find_places(lowered)
            chosen: set[int] = set()
            for position, token in enumerate(lowered):
                if token not in _SIDES_WORDS:
                    continue
                if token == "between":  # "between X and Y": both sides follow it
                    window = range(position, min(len(lowered), position + 2 * _SIDE_SPAN + 2))
                else:
                    window = range(
                        max(0, position - _SIDE_SPAN), min(len(lowered), position + _SIDE_SPAN + 1)
                    )
                chosen.update(
                    index
                    for index in window
                    if index not in place_positions or abs(index - position) <= _PLACE_SIDE_SPAN
                )
            sides.extend(lowered[index] for index in sorted(chosen))
        return " ".join([ask, *sides])

    # --- the ask's structure ---------------------------------------------------------------------

    def read(self, text: str) -> Question:
        """Analyse one question (pure: the same text always reads the same)."""
        reading = _READING.set(_Memo())
        try:
            return self._read(text, *self.reduce(text))
        finally:
            _READING.reset(reading)

    def _read(
        self,
        text: str,
        ask: str,
        reduced: bool,
        others: int,
        context: frozenset[int] = frozenset(),
    ) -> Question:
        ask_words = tuple(words(ask))
        frame: Frame | None = None
        frame_positions: frozenset[int] = frozenset()
        sides = None
        found = self._first_frame(ask_words)
        # With another question beside it, only the ask (answered on its own) is read so.
        situation = self._situation(ask if others else text, found)
        if situation is not None:
            # Advice on one person, whatever its wording: no cue words to check.
            frame, found = situation, None
        if found is not None:
            candidate, match, number = found
            cue_texts = self._frame_cues(number)[3]
            frame = candidate
            span = range(match.start, match.end)
            # The literal words of the cue that matched ("how much ... cost"), not the words a
            # wildcard stood for.
            literal = frame_cue_words(cue_texts[match.cue])
            if candidate.type_words:
                # Only the type's own words are checked by the answer type, wherever they stand
                # ("the full cite ... journal, vol, pages": each names a part of a citation).
                type_words = frozenset(candidate.type_words)
                frame_positions = frozenset(
                    i
                    for i, word in enumerate(ask_words)
                    if word in type_words and (i in span or word not in STOP_WORDS)
                )
            else:
                frame_positions = frozenset(
                    i for i in span if any(form in literal for form in cue_forms(ask_words[i]))
                )
            if candidate.needs == BOTH_SIDES:
                sides = _sides(ask_words, frame_positions)
        places, place_positions, implicit_positions = self.find_places(ask_words)
        numbers = tuple(word for word in ask_words if word[0].isdigit())
        return Question(
            text=text,
            ask=ask,
            words=ask_words,
            reduced=reduced,
            other_questions=others,
            frame=frame,
            frame_positions=frame_positions,
            places=places,
            place_positions=place_positions,
            implicit_positions=implicit_positions,
            numbers=numbers,
            sides=sides,
            topical=_names_anything(ask),
            context_positions=context,
        )

    def _situation(self, text: str, found: tuple[Frame, CueMatch, int] | None) -> Frame | None:
        """The `advice` frame when the message asks what to do about one person it describes
        (`bot.situation`) and no frame the sources cannot answer either (scope of practice,
        medication, practice rules) read it first: "client keeps calling me after hours, is that
        ok" matched no cue, and BM25 quoted a passage on group hours as the answer."""
        if found is not None and found[0].needs == NOT_IN_SOURCES:
            return None
        advice = self.lexicon.frame("advice")
        if advice is None or not about_someone(text):
            return None
        return advice

    def _possible_frames(self, present: frozenset[str]) -> list[int]:
        """The frames whose cues a text with these words could match (`Cues.possible`), in
        lexicon order."""
        possible = set(self._always_frames)
        filing, made = self._filing, self._frame_sets
        # The text's few words looked up in the filing, not the filing's hundreds of words
        # checked against the text (`frozenset.intersection` iterates a dict argument whole).
        for word in present:
            filed = made.get(word)
            if filed is None:
                if word not in filing:
                    continue
                filed = self._filed_sets(word)
            for number, word_set in filed:
                if number not in possible and word_set <= present:
                    possible.add(number)
        return sorted(possible)

    def _filed_sets(self, word: str) -> list[tuple[int, frozenset[str]]]:
        """The (frame number, cue word set)s filed under `word`, one of the filing's words.

        Made the first time a text holds the word: a question meets a few of the filing's
        ~1,000 words, and making all of its ~3,700 sets cost a `peerbot ask` served from the
        index cache ~3 ms. `_possible_frames` reads a word's made list first, so this makes
        it. Two threads may both make a word's list; either is the same.
        """
        made = self._frame_sets[word] = list(map(_filed_set, self._filing[word]))
        return made

    def find_places(
        self, ask_words: Sequence[str]
    ) -> tuple[tuple[Place, ...], frozenset[int], frozenset[int]]:
        """(places named, positions of their names, positions of implicit ones' names).

        A subject (a diagnosis, a payer) binds the answer only where the question asks about
        it: not before the question's first asking word ("I've got a client with depression,
        can peers help people with bipolar disorder?") nor after "not", "rather than" or "or"
        ("is it Medicaid or Medicare that ..."). Such a mention is passed over like the USA. A
        statement's copula is no asking word: in "client is suicidal, does peer support reduce
        hospitalization?" the question starts at "does".
        """
        spans = self._place_spans(ask_words)
        if not spans:
            return (), frozenset(), frozenset()  # most asks name no place
        found: list[Place] = []
        positions: set[int] = set()
        implicit: set[int] = set()
        # A statement's copula ("client *is* suicidal, does ...") is no asking word, unless no
        # other follows ("I run a warmline, *is* Medicaid a source?").
        asking = [i for i, word in enumerate(ask_words) if word in _QUESTION_WORDS]
        first_ask = next((i for i in asking if not _described(ask_words, i)), 0)
        if asking and all(_described(ask_words, i) for i in asking):
            first_ask = asking[-1]
        for place, span in spans:
            before = ask_words[max(0, span.start - 3) : span.start]
            # "... or warmlines", "clubhouses or peer specialists": one of two alternatives.
            alternative = place.subject and (
                "or" in before or tuple(ask_words[span.stop : span.stop + 1]) == ("or",)
            )
            excused = place.subject and (
                span.start < first_ask
                or alternative
                or any(word in _EXCUSING_WORDS for word in before)
            )
            # Passed over like the sources' default place, except an alternative the ask names
            # ("peer-run respites or warmlines"): still asked about, though it binds nothing.
            if (excused and not alternative) or place.implicit:
                implicit.update(span)
            if excused:
                continue
            if place not in found:
                found.append(place)
            positions.update(span)
        return tuple(found), frozenset(positions), frozenset(implicit)

    def _place_spans(self, ask_words: Sequence[str]) -> list[tuple[Place, range]]:
        """Each place name in the words, longest name first at each position; a name found
        is passed over whole (the next one starts after it).

        Only the positions holding a name's first word are tried, found in one pass in C:
        a passage's words are checked for places on first use (`SnippetIndex._places_of`),
        over a hundred words each, and a word by word loop was most of what that cost.
        """
        places = self._places
        if places.keys().isdisjoint(ask_words):
            return []  # most asks name no place
        spans: list[tuple[Place, range]] = []
        resume = 0  # the first position after the last name found
        for start in [at for at, word in enumerate(ask_words) if word in places]:
            if start < resume:
                continue
            for keys, place in places[ask_words[start]]:
                if tuple(ask_words[start : start + len(keys)]) == keys and not (
                    place.not_before
                    and start + len(keys) < len(ask_words)
                    and ask_words[start + len(keys)].casefold() in place.not_before
                ):
                    spans.append((place, range(start, start + len(keys))))
                    resume = start + len(keys)
                    break
        return spans


# --- helpers -------------------------------------------------------------------------------------


def _pieces(text: str) -> tuple[list[str], list[int]]:
    """The message's pieces as `_SENTENCE_RE` and `_restarts` split it, and the question each
    belongs to.

    A question ends at "?" or "!", a full stop, ";", a new line, or a second question joined on
    ("..., and what ..."); a colon, a dash or parentheses only split one question's parts."""
    pieces, units, _ = _pieces_joined(text)
    return pieces, units


def _pieces_joined(text: str) -> tuple[list[str], list[int], frozenset[int]]:
    """`_pieces`, and the indexes of the pieces that are a yes/no question joined on after a
    comma ("how many states certify peers, *and does Medicaid pay for it*?"): a follow-up of
    the question before it (`QuestionReader._before_the_follow_up`)."""
    pieces: list[str] = []
    units: list[int] = []
    joined: set[int] = set()
    unit = 0
    start = 0
    for separator in [*_SENTENCE_RE.finditer(text), None]:
        end = len(text) if separator is None else separator.start()
        piece = text[start:end]
        if piece.strip() and not _LIST_MARKER_RE.fullmatch(piece):
            # Talk typed on after the question without a full stop ("... my supervisor keeps
            # asking") starts a sentence, and so a question, of its own.
            for number, part in enumerate(_restarts(piece)):
                unit += 1 if number else 0
                pieces.append(part)
                units.append(unit)
            if piece.rstrip()[-1] in "?!":
                unit += 1
        if separator is None:
            break
        if _QUESTION_END_RE.search(separator.group()):
            unit += 1
        if _JOINED_YES_NO_RE.match(separator.group()) and _JOINED_OPENING_RE.match(
            text, separator.end()
        ):
            joined.add(len(pieces))
        start = separator.end()
    return pieces, units, frozenset(joined)


def _without_run(sentence: tuple[str, ...], run: tuple[str, ...]) -> tuple[str, ...]:
    """The sentence's words without the first place they hold `run` whole.

    The ask may be a clause of a sentence read as its context ("my director wants a one-liner
    on why we should hire peers, what does the research say"): its content words are already
    left out as the ask's own, but its stop words, kept in place for phrases, would be said
    twice ("... hire peers what does the what does the research say").
    """
    size = len(run)
    if not size or size > len(sentence):
        return sentence
    first = run[0]
    for start, word in enumerate(sentence[: len(sentence) - size + 1]):
        if word == first and sentence[start : start + size] == run:
            return sentence[:start] + sentence[start + size :]
    return sentence


def _holds_another(word_set: frozenset[str], sets: Set[frozenset[str]], sizes: Set[int]) -> bool:
    """Whether another of `sets` (none empty; `sizes`: their sizes) is a proper subset of
    `word_set`.

    A cue's word set is a few words: looking up each of its smaller combinations of a size
    some set has is a few hash lookups, where comparing it with every set of its frame (a
    frame has dozens to hundreds) cost every `peerbot ask` tens of milliseconds of start-up.
    """
    size = len(word_set)
    if size > _FEW_WORDS:
        return any(other < word_set for other in sets)
    for fewer in range(1, size):
        if fewer in sizes:
            for words in itertools.combinations(word_set, fewer):
                if frozenset(words) in sets:
                    return True
    return False


# Up to this many words a set's smaller combinations (at most 2**5 - 2) are looked up.
_FEW_WORDS = 5


def _frame_filing(word_sets: Sequence[Sequence[frozenset[str]]]) -> FrameFiling:
    """(the frames any question can match, {word: [(frame, a cue word set filed there)]}),
    from each frame's cue word sets (`cue_word_sets`).

    A frame is possible when one of its cue word sets is among a question's words (an empty
    set: always). Each set is filed under its word that the fewest sets of all frames share
    (filed by the word least shared within its own frame, "what" and "is" carried a
    question's lookups through ~50 sets), and a set holding another set of its frame is left
    out: the frame is possible through the smaller one whenever through it.
    """
    always: list[int] = []
    kept: list[tuple[int, frozenset[str]]] = []
    for number, frame_sets in enumerate(word_sets):
        sets = set(frame_sets)
        if frozenset() in sets:
            always.append(number)
            sets.discard(frozenset())
        sizes = {len(word_set) for word_set in sets}
        kept += [
            (number, word_set)
            for word_set in sorted(sets, key=sorted)
            if not _holds_another(word_set, sets, sizes)
        ]
    counts: dict[str, int] = {}
    for _, word_set in kept:
        for word in word_set:
            counts[word] = counts.get(word, 0) + 1
    filing: dict[str, list[str]] = {}
    for number, word_set in kept:
        ordered = sorted(word_set)
        key = min(ordered, key=counts.__getitem__)
        filing.setdefault(key, []).append(" ".join((str(number), *ordered)))
    return always, filing


def _filed_set(entry: str) -> tuple[int, frozenset[str]]:
    """A filed cue word set ("47 follow rate up") as (frame number, its words)."""
    number, *word_set = entry.split()
    return int(number), frozenset(word_set)


_COPULAS = frozenset("is are was were".split())
# The verbs that make a fragment a statement ("retention is killing us", "we've tried").
_STATEMENT_VERBS = _COPULAS | frozenset(
    "am be been being has have had do does did s m re ve".split()
)


def _described(ask_words: Sequence[str], position: int) -> bool:
    """Whether the word at `position` is a statement's copula ("client *is* suicidal"): not the
    first word and not after an asking word, as in "is it ..." or "why is ..."."""
    return (
        0 < position < len(ask_words)
        and ask_words[position] in _COPULAS
        and ask_words[position - 1] not in _QUESTION_WORDS
    )


def _names_someone(raws: Sequence[str]) -> bool:
    """Whether the sentences name someone "her" or "his" can point at: a capitalised word
    that is not an everyday word starting its sentence ("My supervisor ...", "I ...")."""
    for raw in raws:
        for match in _NAME_RE.finditer(raw):
            if match.group().lower() not in STOP_WORDS and (
                match.start() > 0 or match.group().lower() not in filler_terms()
            ):
                return True
    return False


# The verbs asking whether research found something ("has any study found that?"): "is there
# research on that" points at a topic, not at a claim to check.
_EVIDENCE_WORDS = (
    "see seen saw find found finds shown showed report reported document documented observe "
    "observed notice noticed confirm confirmed back backed prove proves proved proven argue "
    "argues argued suggest suggests suggested"
)
# "is there a study that *supports that*?" (and "backs that up", which the shorthand reads so):
# the claim before it is what the study should support; "research that supports peer support"
# names its own topic.
_SUPPORTS_CLAIM_RE = lazy(r"\bsupport(?:s|ed|ing)? (?:that|this|it)\b")
# Words that ask for counsel without saying about what: "any advice on where to start?" after
# "we have to pick outcome measures for our evaluation" asks about the outcome measures. (Tips,
# pointers, guidance, suggestions, ideas, thoughts and input are filler words already, which
# `_topical` leaves out as well.)
_COUNSEL_WORDS = "advice advise recommendations recommend insight insights start begin"
# Words that ask for evidence without saying about what, those verbs among them: an ask made
# only of these is weak ("has research seen that?", "did any study find this?" after the
# client's words it means).
_TOPICLESS_WORDS = (
    "evidence research researchers data literature lit study studies show shows say says "
    "findings stats statistics numbers info information paper papers source sources reports "
    "mention mentioned mentions point points pointed theory theories framework frameworks "
    "examples example " + _EVIDENCE_WORDS + " " + _COUNSEL_WORDS
)


@lru_cache(maxsize=1)
def _topicless_terms() -> frozenset[str]:
    return frozenset(tokenize(_TOPICLESS_WORDS))


@lru_cache(maxsize=1)
def _evidence_terms() -> frozenset[str]:
    return frozenset(tokenize(_EVIDENCE_WORDS))


def _topical(terms: Iterable[str]) -> list[str]:
    """The terms naming something of their own: neither filler nor words asking for evidence."""
    topicless, fillers = _topicless_terms(), filler_terms()
    return [term for term in terms if term not in fillers and term not in topicless]


def _opens_a_question(raw: str, cleaned: str, *, after_a_question: bool = False) -> bool:
    """Whether a sentence (as written, and without its chatter) asks something. A wish to find
    something out without a question mark after a question ("how do peer programs get funded?
    trying to figure out where philanthropy fits") says why that question was asked; first in a
    message, it is the question (its lead-in is chatter, gone from `cleaned`)."""
    opening = cleaned.split()[:2]
    if raw.rstrip().endswith("?"):
        return True
    raw_words = words(raw)
    if after_a_question and _WISH_LEAD_RE.match(" ".join(raw_words)):
        return False
    return (
        opening[0] in _QUESTION_WORDS
        # "do experts actually think <certifying peers is worth it>": the lead-in asks, though
        # it is chatter gone from `cleaned`.
        or _OPINION_LEAD_RE.match(" ".join(raw_words)) is not None
        # "in which province ...", "for what purpose ..."
        or (opening[0] in _PREPOSITIONS and opening[-1] in _QUESTION_WORDS)
        or _REQUEST_RE.match(cleaned) is not None
        # The request's own verbs are chatter ("send the ..."), gone from `cleaned`.
        or _REQUEST_RE.match(" ".join(raw_words)) is not None
    )


def _needs_after_errand(raw: str, cleaned: str) -> bool:
    """Whether the sentence's cleaned words are a request that follows an errand in it."""
    # Split at the commas first: `words` drops them, so splitting its output would leave one
    # clause, and a question word opening a later clause would go unseen.
    for part in _CLAUSE_RE.split(raw):
        clause = " ".join(words(part))
        needed = _needed_after_errand(clause) if clause else None
        if needed is not None and cleaned.startswith(needed.split(maxsplit=1)[0]):
            return True
    return False


def _needed_after_errand(clause: str) -> str | None:
    """What a clause says is needed after the errand it is for ("writing a grant narrative and
    need *the number of states that ...*", "my supervisor wants *a list of what a CPS does*"), or
    None: no such request, or the clause is a question of its own ("what do CPSs do and need
    ..."), or the request opens it (a request as it stands), or it names nothing ("a number")."""
    opening = clause.split(maxsplit=1)[:1]
    if not opening or opening[0] in _QUESTION_WORDS:
        return None
    found = _ERRAND_REQUEST_RE.search(clause)
    if found is None or found.start() == 0:
        return None
    needed = clause[found.end() :].strip()
    # "my supervisor wants a slide on what the research says ...": the thing to be made is no
    # topic; what it is on is the request.
    needed = _MADE_THING_RE.sub("", needed, count=1)
    # "my boss wants a number": the same request again, naming nothing of its own, is no
    # question of its own (the clause stays a reason).
    return needed if needed and not _NEEDED_KIND_RE.match(needed) else None


def _opens_with_a_question_word(sentence: str) -> bool:
    """Whether the sentence is put as a question ("how much ... should I share?"), not as a
    request or restatement ("looking for pointers on self-disclosure")."""
    first = words(sentence)[:1]
    return bool(first) and first[0] in _QUESTION_WORDS


def _opens_a_fronted_question(clause_words: Sequence[str]) -> bool:
    """Whether a clause opens with a question word, maybe after a preposition ("in how many
    states ...", "for which roles ...")."""
    at = 1 if clause_words[:1] and clause_words[0] in _PREPOSITIONS else 0
    return len(clause_words) > at and clause_words[at] in _QUESTION_WORDS


def _may_draw_out(text: str) -> bool:
    """False when `_DRAWN_OUT_RE` certainly finds nothing in the text (no letter tripled)."""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(tripled in lowered for tripled in _TRIPLED)


def _restarts(raw: str) -> list[str]:
    """A sentence split where a clause of who asks or why starts again without a full stop
    (`_RESTART_RE`); its question mark stays with the question before."""
    if raw.isascii():
        # (The pattern's letters are all lower case; an ASCII letter folds only to its case.)
        text, restart = raw.lower(), _RESTART_LOWER_RE
    else:
        text, restart = raw, _RESTART_RE
    if restart.search(text) is None:
        return [raw]
    pieces: list[str] = []
    start = 0
    for match in restart.finditer(text):
        head = raw[start : match.start()]
        head_words = words(head)
        if len(head_words) < _RESTART_AFTER_WORDS or head_words[-1] in _BINDS_NEXT:
            continue
        pieces.append(head)
        start = match.end()
    if not pieces:
        return [raw]
    tail = raw[start:]
    if tail.rstrip().endswith("?"):
        pieces[-1] += "?"
        tail = tail.rstrip()[:-1]
    return [*pieces, tail]


def _says_they(ask: str) -> bool:
    """Whether the ask says "they", "their", "it" or "its" pointing at something, not the "it"
    of "why is it hard to ..." (`_EXPLETIVE_IT_RE`)."""
    if _THEY_RE.search(ask) is None:
        return False
    return _THEY_RE.search(_EXPLETIVE_IT_RE.sub(" ", ask)) is not None


def _has_topic(ask: str) -> bool:
    """Whether the ask names something of its own ("what do CPSs do" does; "any research on
    it" does not)."""
    return bool(_topical(tokenize(ask)))


def _names_anything(ask: str) -> bool:
    """Whether the ask has a word besides those asking for evidence or counsel. Looser than
    `_has_topic`: a filler word may still be what a short question is about ("does it matter
    more to be *kind* than to give info?"), so only an ask of nothing but "research", "advice",
    "start" and their like counts as naming nothing."""
    return any(term not in _topicless_terms() for term in tokenize(ask))


def _asks_for_evidence(ask: str) -> bool:
    """Whether a weak ask asks for evidence of what the message said before it ("has research
    seen *that*?"), not what the evidence says on a topic the message names."""
    if _POINTS_BACK_RE.search(ask) is None:
        return False
    return _SUPPORTS_CLAIM_RE.search(ask) is not None or any(
        term in _evidence_terms() for term in tokenize(ask)
    )


# Words that carry a role's name on past a shorthand that only shortens one ("certified peer"
# for "certified peer specialist"): "certified peer support worker", "certified peer mentor".
_NAME_GOES_ON = frozenset(
    """
    support supporter supporters mentor mentors worker workers counselor counselors
    counsellor counsellors provider providers navigator navigators coach coaches advocate
    advocates leader leaders bridger bridgers staff
    """.split()
)
_FIRST_WORD_RE = re.compile(r"\s+([A-Za-z]+)")


def _shorthand_replacer(lexicon: Lexicon, *, prefilter: bool = True) -> Callable[[str], str]:
    """One regex pass replacing every shorthand token (whole tokens only, "w/" and "$$" too).

    `prefilter=False`: always run the regex (what the prefilter must agree with; for tests).
    """
    folded = {item.short.casefold(): item.means for item in lexicon.shorthand if not item.exact}
    exact = {item.short: item.means for item in lexicon.shorthand if item.exact}
    if not folded and not exact:
        return lambda text: text
    pieces = sorted({*folded, *exact}, key=len, reverse=True)

    def replacement(found: str, text: str, end: int) -> str:
        """What a piece matched as `found`, ending at `end` of `text`, is replaced by."""
        means = exact[found] if found in exact else folded.get(found.casefold())
        if means is None:
            return found
        # "certified peer" means "certified peer specialist", but "certified peer specialist"
        # is already spelled out: no "specialist specialist".
        rest = means[len(found) :] if means.casefold().startswith(found.casefold()) else ""
        if rest.strip() and text[end:].casefold().startswith(rest.casefold()):
            return found
        # Nor is "certified peer" short for anything when another role's name goes on from it
        # ("certified peer *support workers*", "certified peer *mentors*"): spelled out, it
        # read "certified peer specialist support workers".
        if rest.strip() and text[end : end + 1].isspace():
            following = _FIRST_WORD_RE.match(text, end)
            if following is not None and following.group(1).casefold() in _NAME_GOES_ON:
                return found
        return f" {means} "

    def replace(match: re.Match[str]) -> str:
        return replacement(match.group(1), match.string, match.end())

    # What a match needs in the text, to skip the regex (hundreds of alternatives tried at
    # every position) on a text holding no shorthand: a piece starting with a word needs each
    # of its words as a whole word of the text (the pattern's lookarounds and the piece's own
    # non-word characters bound them), another piece its first character. Only for ASCII
    # pieces and text, where IGNORECASE is lower-casing.
    worded = [p for p in pieces if _RUN_RE.match(p)]
    needs = Needs({n: frozenset(_RUN_RE.findall(p.lower())) for n, p in enumerate(worded)})
    others = [p for p in pieces if not _RUN_RE.match(p)]
    ascii_pieces = prefilter and all(piece.isascii() for piece in pieces)
    order = {piece: number for number, piece in enumerate(pieces)}
    lowered_of = {piece: piece.lower() for piece in pieces}
    full: list[re.Pattern[str]] = []

    def pattern() -> re.Pattern[str]:
        """Every piece in one pattern, compiled on first use: only text the prefilter cannot
        read needs it (a start-up compiling it paid about a millisecond)."""
        if not full:
            full.append(
                re.compile(
                    r"(?<![\w$/&])(" + "|".join(re.escape(p) for p in pieces) + r")(?![\w$])",
                    re.IGNORECASE,
                )
            )
        return full[0]

    def spell(text: str) -> str:
        text = normalize_quotes(text)
        lowered = text.lower()
        if not (ascii_pieces and _reads_as_ascii(text, lowered)):
            return pattern().sub(replace, text)
        # Only the pieces that can match this text: at each position the pattern takes the
        # first piece, in its order, that matches there (the others match nowhere), then goes
        # on after the match, as below. Case-folding ASCII keeps a match's length.
        chosen = [worded[number] for number in needs.met(frozenset(_RUN_RE.findall(lowered)))]
        chosen += [piece for piece in others if piece[0] in text]
        if not chosen:
            return text  # the pattern cannot match: sub would return the text as it is
        found: list[tuple[int, int, int]] = []  # (start, the piece's place in order, end)
        for piece in chosen:
            rank = order[piece]
            found += [
                (start, rank, start + len(piece))
                for start in _ascii_starts(lowered, lowered_of[piece])
            ]
        if not found:
            return text
        found.sort()
        parts: list[str] = []
        done = 0
        for start, _, end in found:
            if start < done:
                continue  # inside the last match, or a later piece at the same start
            parts += [text[done:start], replacement(text[start:end], text, end)]
            done = end
        parts.append(text[done:])
        return "".join(parts)

    return spell


_RUN_RE = lazy(r"\w+")
# What may not come right before a shorthand piece, and right after it, in ASCII text: the
# pattern's lookarounds `(?<![\w$/&])` and `(?![\w$])`, where `\w` is a letter, digit or "_".
_NOT_BEFORE_PIECE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$/&")
_NOT_AFTER_PIECE = _NOT_BEFORE_PIECE - {"/", "&"}


def _reads_as_ascii(text: str, lowered: str) -> bool:
    """Whether the shorthand pattern reads the text as it reads ASCII: the text is ASCII, or
    its other characters are neither letters nor digits (a dash, an emoji) and lower-casing
    keeps its length. Such a character is no word character (`\\w`) for the lookarounds, and
    no case of an ASCII piece's letter, so the pieces match where they match in ASCII text;
    questions pasted from Slack often hold one ("—", "👋"), and the regex of every piece (a
    compile of ~7 ms, then hundreds of alternatives tried at every position) is not needed."""
    if text.isascii():
        return True
    return len(lowered) == len(text) and not any(
        character.isalnum() for character in text if not character.isascii()
    )


def _ascii_starts(lowered: str, piece: str) -> list[int]:
    """Every start (overlapping too) where the shorthand pattern could match `piece` in an
    ASCII text, both lower-cased (IGNORECASE on ASCII is lower-casing): the piece, bounded as
    the pattern's lookarounds bound it.

    A string search, not a regex per piece: compiling one for each piece a batch of questions
    meets (about 80) was most of the shorthand's cost in a first batch of questions, and
    `str.find` is faster than a regex's scan besides.
    """
    found: list[int] = []
    width, size = len(piece), len(lowered)
    at = lowered.find(piece)
    while at >= 0:
        end = at + width
        if (not at or lowered[at - 1] not in _NOT_BEFORE_PIECE) and (
            end == size or lowered[end] not in _NOT_AFTER_PIECE
        ):
            found.append(at)
        at = lowered.find(piece, at + 1)
    return found


def normalize_quotes(text: str) -> str:
    """Curly apostrophes as straight ones, so "vets’" and "vets'" read alike."""
    return text.replace("’", "'").replace("‘", "'")


def _lazy_purpose(purposes: Sequence[str]) -> LazyPattern | None:
    """The "for our board deck", "for a grant app" tail: a purpose named, not a subject."""
    named = [tuple(words(purpose)) for purpose in purposes]
    alternatives = "|".join("".join(f"{re.escape(w)} " for w in keys) for keys in named if keys)
    if not alternatives:
        return None
    return LazyPattern(
        lambda: (
            r"(?:^| )for (?:a |an |my |our |the |this |tomorrow s |\S+s )?(?:\S+ ){0,2}(?:"
            + alternatives
            + r")"
        ),
        [frozenset(("for", *keys)) for keys in named if keys],
    )


def _lazy_own_setting(settings: Sequence[str]) -> LazyPattern | None:
    """The "on our unit", "at my agency", "for our clients" tail closing an ask: where the asker
    works or whom they serve, in the first person. Only at the end, so "for our clients with
    SUD" keeps what it says of them."""
    named = [tuple(words(setting)) for setting in settings]
    alternatives = "|".join(" ".join(map(re.escape, keys)) for keys in named if keys)
    if not alternatives:
        return None
    return LazyPattern(
        lambda: (
            r"(?:^| )(?:on|in|at|for|across|within|with|to) (?:our|my) "
            r"(?:own |little |small |local |whole |entire |current |new )?(?:"
            + alternatives
            + r") ?$"
        ),
        [frozenset(keys) for keys in named if keys],
    )


def _lazy_format(formats: Sequence[str]) -> LazyPattern | None:
    """The answer-format tail ("like in one sentence"), a hedge word allowed before it."""
    if not any(cue.split() for cue in formats):
        return None  # cue_pattern would have no alternative

    def source() -> str | None:
        format_cues = cue_source(formats)
        if format_cues is None:
            return None
        return r"(?:^| )(?:(?:like|just|maybe|basically|but|and) )?" + format_cues[len("(?:^| )") :]

    return LazyPattern(source, [frame_cue_words(cue) for cue in formats])


def _strip_start(cues: Cues, text_words: list[str], present: frozenset[str]) -> list[str]:
    """The words without the cue they start with (the words after the match)."""
    match = cues.match(text_words, present)
    if match is None or match.end == 0:
        return text_words
    return text_words[match.end :]


def _strip_end(cues: Cues, text_words: list[str], present: frozenset[str]) -> list[str]:
    """The words without the cue they end with (the words before the match)."""
    match = cues.ending(text_words, present)
    if match is None:
        return text_words
    return text_words[: match.start]


# Words weighing one side of a choice against the other, and the quality weighed after "more".
_WEIGHING_WORDS = frozenset(
    "better best worse worst more most less least stronger strongest weaker rather prefer "
    "preferable".split()
)
_WEIGHED_QUALITIES = frozenset(
    "important effective useful helpful valuable successful common likely".split()
)


# Words saying a fragment is not one named work ("our survey", "a study", "that paper").
_NOT_NAMING_A_WORK = frozenset(
    "a an our my your their his her its this that these those we i you they some any one".split()
)
# Nouns naming a study or a work ("the Salzer *survey*", "the DDA *pilot*").
_WORK_NOUNS = frozenset(
    "survey study paper review report evaluation article pilot trial viewpoint".split()
)


def _names_a_work(fragment: str) -> bool:
    """Whether a fragment is "the <...> <study / survey / paper ...>", naming one work, with no
    past-tense verb in it ("the study started in 2015" is news about it)."""
    fragment_words = fragment.split()
    return (
        # "the Salzer survey", or named without "the" ("Salzer 2010 CPS survey"); not the
        # asker's own or any one ("our survey", "for my literature review", "a study").
        _NOT_NAMING_A_WORK.isdisjoint(fragment_words)
        and fragment_words[0] not in _PREPOSITIONS
        and fragment_words[-1] in _WORK_NOUNS
        and not any(word.endswith("ed") for word in fragment_words)
    )


def _content(positions: range | Sequence[int], ask_words: Sequence[str]) -> frozenset[int]:
    return frozenset(i for i in positions if ask_words[i] not in STOP_WORDS)


def _sides(
    ask_words: Sequence[str], cue: frozenset[int]
) -> tuple[frozenset[int], frozenset[int]] | None:
    """The two things compared: before and after the cue, or "between A and B"."""
    if not cue:
        return None
    first, last = min(cue), max(cue)
    # "Which is better: peers vs non-peer staff" (a choice read with its sides put after it):
    # the words weighing the choice are not a side; the left side starts after them.
    weighing = [i for i in range(first) if ask_words[i] in _WEIGHING_WORDS]
    start = 0
    if weighing:
        start = weighing[-1] + 1
        if start < first and ask_words[start] in _WEIGHED_QUALITIES:
            start += 1  # "which is more *effective*: group vs 1:1"
    left = _content(range(start, first), ask_words)
    right_range = range(last + 1, len(ask_words))
    between = "between" in (ask_words[i] for i in cue)
    if not left and not between:
        # "How is a peer supporter different from a community health worker", "what makes X
        # different from Y": the left side is what the cue's wildcard stood for.
        left = _content([i for i in range(first + 1, last) if i not in cue], ask_words)
    if between or not left:
        ands = [i for i in right_range if ask_words[i] in ("and", "or", "vs", "versus")]
        if not ands:
            return None
        left = _content(range(last + 1, ands[0]), ask_words)
        right_range = range(ands[0] + 1, len(ask_words))
    right = _content(right_range, ask_words)
    if left and not right:
        # "What do peer specialists and nurses have in common": both sides come before the
        # cue, joined by "and".
        ands = [i for i in range(first) if ask_words[i] == "and"]
        if ands:
            right = _content(range(ands[-1] + 1, first), ask_words)
            left = _content(range(ands[-1]), ask_words)
    if not left or not right:
        return None
    return left, right


__all__ = ["MAX_QUESTION_CHARS", "Question", "QuestionReader", "normalize_quotes"]
