"""Spot questions that suggest someone may be in crisis, so the reply can add crisis resources.

peerbot only quotes documents; it must not look like the place to turn in an emergency. Staff
often paste what a client said, so the check runs on every question, answered or not. Matching is
on whole normalised words and short phrases, erring towards showing the notice: an unneeded notice
costs one line, a missing one can cost far more.
"""

from __future__ import annotations

import re

from bot.tokenize import normalize

_PATTERNS = [
    r"suicid\w*",
    r"kill(?:ing|ed|s)? (?:my|him|her|them|your|our)sel(?:f|ves)",
    r"end(?:ing|ed|s)? (?:my|his|her|their|your) (?:own )?life",
    r"(?:want|wants|wanted|wanting) to die",
    r"self[- ]?harm\w*",
    r"self[- ]?injur\w*",
    r"(?:hurt|hurting|harm|harming|cut|cutting) (?:my|him|her|them|your)sel(?:f|ves)",
    r"over[- ]?dos\w*",
    r"od(?:'d|ed|d)",
    r"took too many pills",
    r"no reason to live",
    r"better off dead",
    # Said indirectly, as clients often put it ("says they don't want to be here anymore").
    r"(?:don't|dont|do not|doesn't|doesnt|does not|didn't|didnt) (?:want|wanna) to "
    r"(?:be here|be alive|live|wake up|exist)(?: any ?more)?",
    r"(?:can't|cant|cannot) go on",
    r"end(?:ing|ed|s)? it all",
    r"unaliv\w*",
    r"take (?:my|his|her|their|your) (?:own )?life",
    r"wish(?:es|ed)? (?:i|he|she|they) (?:was|were) dead",
]
_CRISIS_RE = re.compile(r"\b(?:" + "|".join(_PATTERNS) + r")\b")


def mentions_crisis(text: str) -> bool:
    """True when the text uses self-harm, suicide or overdose wording."""
    folded = " ".join(normalize(text).replace("’", "'").split())
    return _CRISIS_RE.search(folded) is not None
