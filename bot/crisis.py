"""Spot questions that suggest someone may be in crisis, so the reply can add crisis resources.

peerbot only quotes documents; it must not look like the place to turn in an emergency. Staff
often paste what a client said, so the check runs on every question, answered or not. Matching is
on whole normalised words and short phrases, erring towards showing the notice: an unneeded notice
costs one line, a missing one can cost far more.
"""

from __future__ import annotations

from bot.lazy_re import LazyRegex, lazy
from bot.tokenize import normalize

# Each wording with the pieces of text one of which every match of it holds (a run of its
# literal words outside any optional or alternative part; tests/test_crisis.py checks each by
# expanding the pattern). Only the wordings whose pieces a message holds can match it, so only
# those are compiled (on first need) and run: not one pattern of some 60 alternatives, tried at
# every position of every message and compiled by every start (about 9 ms of a `peerbot ask`).
_PATTERNS: list[tuple[tuple[str, ...], str]] = [
    (("suicid",), r"suicid\w*"),
    (("kill",), r"kill(?:ing|ed|s)? (?:my|him|her|them|your|our)sel(?:f|ves)"),
    (
        ("my life", "his life", "her life", "their life", "your life", "own life"),
        r"end(?:ing|ed|s)? (?:my|his|her|their|your) (?:own )?life",
    ),
    (("to die",), r"(?:want|wants|wanted|wanting) to die"),
    (("harm",), r"self[- ]?harm\w*"),
    (("injur",), r"self[- ]?injur\w*"),
    (
        ("self", "selves"),
        r"(?:hurt|hurting|harm|harming|cut|cutting) (?:my|him|her|them|your)sel(?:f|ves)",
    ),
    (("dos",), r"over[- ]?dos\w*"),
    (("od'd", "oded"), r"od(?:'d|ed)"),
    (("took too many pills",), r"took too many pills"),
    (("no reason to live",), r"no reason to live"),
    (("better off dead",), r"better off dead"),
    # Said indirectly, as clients often put it ("says they don't want to be here anymore").
    (
        ("to be here", "to be alive", "to live", "to wake up", "to exist"),
        r"(?:don't|dont|do not|doesn't|doesnt|does not|didn't|didnt) (?:want|wanna) to "
        r"(?:be here|be alive|live|wake up|exist)(?: any ?more)?",
    ),
    (("go on",), r"(?:can't|cant|cannot) go on"),
    (("it all",), r"end(?:ing|ed|s)? it all"),
    (("unaliv",), r"unaliv\w*"),
    (
        ("my life", "his life", "her life", "their life", "your life", "own life"),
        r"(?:take|takes|taking|took|taken) (?:my|his|her|their|your) (?:own )?life",
    ),
    (("dead",), r"wish(?:es|ed)? (?:i|he|she|they) (?:was|were) dead"),
    (("jump",), r"jump(?:s|ed|ing)? off (?:a|the|of) (?:bridge|building|roof|cliff|overpass)"),
    (("how many pills",), r"how many pills"),
    (
        ("worth living", "worth it"),
        r"(?:life|living) (?:isn't|isnt|is not|ain't|aint) worth (?:living|it)",
    ),
    (("not worth living",), r"not worth living"),
    (("tired of",), r"tired of (?:living|being alive|life)"),
    (
        ("no point", "the point"),
        r"(?:see|sees|seeing|saw) (?:no|the) point (?:of|in) (?:going on|living|life|being alive)",
    ),
    (
        ("see the point",),
        r"(?:don't|dont|doesn't|doesnt|does not|do not) see the point (?:of|in) "
        r"(?:going on|living|life)",
    ),
    (("better off without",), r"(?:be|are|is) better off without (?:me|him|her|them)"),
    (
        ("would miss", "will miss", "'d miss"),
        r"(?:nobody|no one|noone) (?:would|will|'d) miss (?:me|him|her|them)",
    ),
    (("disappear forever",), r"disappear forever"),
    (
        ("be around", "be here", "being around", "being here"),
        r"not (?:planning on|plan on|going to) be(?:ing)? (?:around|here) "
        r"(?:much |any )?(?:longer|more|anymore|after)",
    ),
    (
        ("away",),
        r"(?:gave|given|giving|give|gives) away "
        r"(?:his|her|their|my|all (?:of )?(?:his|her|their|my)) "
        r"(?:stuff|things|belongings|possessions|dog|cat|pets?)",
    ),
    (
        ("pills", "meds"),
        r"(?:take|taking|took|swallow\w*) all (?:of )?(?:my|his|her|their|the) (?:pills|meds)",
    ),
    (("bottle of",), r"(?:a|the) (?:whole )?bottle of (?:pills|meds|tylenol|sleeping pills)"),
    (
        ("pills", "meds", "tablets"),
        r"(?:took|taken|swallowed|swallowing) (?:a bunch of|a handful of|a lot of|like \d+|\d+) "
        r"(?:pills|meds|tablets)",
    ),
    (
        ("away",),
        r"(?:giving|gave|given) (?:away )?(?:his|her|their|my) "
        r"(?:belongings|stuff|things|possessions) away",
    ),
    (("about dying",), r"talk(?:s|ed|ing)? about dying"),
    (("head",), r"(?:gun|pistol|firearm) (?:to|at|on) (?:his|her|my|their|your) (?:own )?head"),
    (
        ("self", "selves"),
        r"(?:gun|pistol|firearm) (?:to|at|on) (?:him|her|my|them|your)sel(?:f|ves)",
    ),
    (("gun and a plan",), r"(?:a|the) gun and a plan"),
    (("kms",), r"kms"),
    (("to live for",), r"nothing (?:left )?to live for"),
    (
        ("self", "selves"),
        r"(?:use|using|used|turn|turning) (?:it|a gun|the gun|the knife) on "
        r"(?:my|him|her|them)sel(?:f|ves)",
    ),
    (("wake up",), r"(?:sleep|go to sleep|fall asleep) and (?:not|never) wake up"),
    (("no reason to",), r"no reason to (?:keep going|go on|keep living|stay)"),
    # A goodbye letter also ends a job ("a goodbye note for my coworker's card"): erring
    # towards the notice, any goodbye letter or note brings it.
    (("suicide", "goodbye", "good bye"), r"(?:suicide|goodbye|good bye) (?:letter|note|message)s?"),
    (
        ("be a problem", "be a burden"),
        r"(?:won't|wont|will not) be a (?:problem|burden) (?:for|to) (?:anyone|anybody|you|us) "
        r"(?:much )?(?:longer|anymore)",
    ),
    (("it all",), r"(?:wants?|wanted|make) it all (?:to )?stop"),
    (
        ("burden to",),
        r"(?:a |being a )?burden to (?:everyone|everybody|my family|his family|her family|them)",
    ),
    (
        ("self", "selves"),
        r"(?:hang|hangs|hanged|hanging|hung) (?:my|him|her|them|your)sel(?:f|ves)",
    ),
    # "Ending things" or "ending it" said of oneself; not of a contract or a vendor ("end
    # things for our drop-in center", "end it with this vendor").
    (
        ("end things", "ending things"),
        r"(?:thoughts? of |thinking (?:about|of) |talk(?:s|ed|ing)? (?:about|of) |wants? to "
        r"|going to )"
        r"end(?:ing)? things(?! (?:for|with) )",
    ),
    (("it tonight", "it today", "it soon", "it now"), r"end(?:ing)? it (?:tonight|today|soon|now)"),
    (
        ("in front of",),
        r"(?:jump|jumps|jumped|jumping|step|steps|stepped|stepping|throw|throws|threw|throwing)"
        r"(?: (?:my|him|her|them)sel(?:f|ves))? in front of "
        r"(?:a|the) (?:train|car|bus|truck|subway)",
    ),
    (("into traffic",), r"(?:walk|walks|walked|walking) into traffic"),
    (("self", "selves"), r"(?:shoot|shoots|shot|shooting) (?:my|him|her|them)sel(?:f|ves)"),
    (("noose",), r"nooses?"),
    (("wrist",), r"(?:slit|slits|slitting|cut|cuts|cutting) (?:my|his|her|their) wrists?"),
    (("without",), r"better (?:off )?without (?:me|him|her|them)"),
    (("cutting again",), r"(?:been|keeps|kept|started|is|was) cutting again"),
    # Asking for the crisis line itself ("whats the number for the crisis line again?"): the
    # notice is the answer, and whoever asks may need it now. Not research on crisis lines ("do
    # warmlines cut crisis line calls?"), nor the bare words ("we run a warmline, not a
    # hotline", "medicaid is a lifeline for us"): the line's number, or calling it.
    (
        ("crisis", "emergency", "hotline", "lifeline"),
        r"(?:numbers?|phone|call|text|dial|reach) (?:for |of |to )?(?:the |a |our )?"
        r"(?:(?:crisis|emergency) (?:hot)?|(?:suicide |crisis )?(?:hot|life))lines?"
        r"|(?:(?:crisis|emergency) (?:hot)?|hot|life)lines? (?:numbers?|phones?)"
        r"|(?:suicide|crisis|988) (?:hot|life)lines?",
    ),
    (("988",), r"988"),
]


def _wordings_by_piece() -> dict[str, tuple[int, ...]]:
    """Piece -> the wordings (positions in `_PATTERNS`) that need it."""
    found: dict[str, tuple[int, ...]] = {}
    for number, (pieces, _) in enumerate(_PATTERNS):
        for piece in pieces:
            found[piece] = (*found.get(piece, ()), number)
    return found


_WORDINGS_OF = _wordings_by_piece()


# Each wording as the whole pattern has it, between word boundaries; compiled on first need,
# from the program the index cache keeps (`bot.lazy_re`): a batch of questions met a few dozen of
# them, each compiled by `re`'s pure-Python compiler.
_WORDING_RES = [lazy(r"\b(?:" + pattern + r")\b") for _, pattern in _PATTERNS]
# Every wording in one pattern (for taking the wording out, where the leftmost match of any
# decides what is removed).
_CRISIS_RE = lazy(r"\b(?:" + "|".join(pattern for _, pattern in _PATTERNS) + r")\b")


def _wording_re(number: int) -> LazyRegex:
    """One wording as the whole pattern has it, between word boundaries."""
    return _WORDING_RES[number]


def _crisis_re() -> LazyRegex:
    """Every wording in one pattern, compiled on first need."""
    return _CRISIS_RE


def _possible_wordings(folded: str) -> list[int]:
    """The wordings whose pieces the folded text holds, in order (no other can match it)."""
    return sorted(
        {n for piece, numbers in _WORDINGS_OF.items() if piece in folded for n in numbers}
    )


def _folded(text: str) -> str:
    return " ".join(normalize(text).replace("’", "'").split())


def mentions_crisis(text: str) -> bool:
    """True when the text uses self-harm, suicide or overdose wording."""
    # The whole pattern matches where one of its wordings does, between word boundaries: the
    # same answer as searching with it.
    folded = _folded(text)
    return any(_wording_re(n).search(folded) is not None for n in _possible_wordings(folded))


def without_crisis_wording(text: str) -> str:
    """The text (folded to lower case) with its crisis wording taken out: what else it asks
    ("client is suicidal, does peer support reduce hospitalization?" still asks about
    hospitalization; "she wants to end it all" asks nothing else)."""
    folded = _folded(text)
    if not _possible_wordings(folded):
        return folded  # already single-spaced: what the substitution would have given
    return " ".join(_crisis_re().sub(" ", folded).split())
