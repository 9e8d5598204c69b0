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
    r"od(?:'d|ed)",
    r"took too many pills",
    r"no reason to live",
    r"better off dead",
    # Said indirectly, as clients often put it ("says they don't want to be here anymore").
    r"(?:don't|dont|do not|doesn't|doesnt|does not|didn't|didnt) (?:want|wanna) to "
    r"(?:be here|be alive|live|wake up|exist)(?: any ?more)?",
    r"(?:can't|cant|cannot) go on",
    r"end(?:ing|ed|s)? it all",
    r"unaliv\w*",
    r"(?:take|takes|taking|took|taken) (?:my|his|her|their|your) (?:own )?life",
    r"wish(?:es|ed)? (?:i|he|she|they) (?:was|were) dead",
    r"jump(?:s|ed|ing)? off (?:a|the|of) (?:bridge|building|roof|cliff|overpass)",
    r"how many pills",
    r"(?:life|living) (?:isn't|isnt|is not|ain't|aint) worth (?:living|it)",
    r"not worth living",
    r"tired of (?:living|being alive|life)",
    r"(?:see|sees|seeing|saw) (?:no|the) point (?:of|in) (?:going on|living|life|being alive)",
    r"(?:don't|dont|doesn't|doesnt|does not|do not) see the point (?:of|in) "
    r"(?:going on|living|life)",
    r"(?:be|are|is) better off without (?:me|him|her|them)",
    r"(?:nobody|no one|noone) (?:would|will|'d) miss (?:me|him|her|them)",
    r"disappear forever",
    r"not (?:planning on|plan on|going to) be(?:ing)? (?:around|here) "
    r"(?:much |any )?(?:longer|more|anymore|after)",
    r"(?:gave|given|giving|give|gives) away (?:his|her|their|my|all (?:of )?(?:his|her|their|my)) "
    r"(?:stuff|things|belongings|possessions|dog|cat|pets?)",
    r"(?:take|taking|took|swallow\w*) all (?:of )?(?:my|his|her|their|the) (?:pills|meds)",
    r"(?:a|the) (?:whole )?bottle of (?:pills|meds|tylenol|sleeping pills)",
    r"(?:took|taken|swallowed|swallowing) (?:a bunch of|a handful of|a lot of|like \d+|\d+) "
    r"(?:pills|meds|tablets)",
    r"(?:giving|gave|given) (?:away )?(?:his|her|their|my) (?:belongings|stuff|things|possessions)"
    r" away",
    r"talk(?:s|ed|ing)? about dying",
    r"(?:gun|pistol|firearm) (?:to|at|on) (?:his|her|my|their|your) (?:own )?head",
    r"(?:gun|pistol|firearm) (?:to|at|on) (?:him|her|my|them|your)sel(?:f|ves)",
    r"(?:a|the) gun and a plan",
    r"kms",
    r"nothing (?:left )?to live for",
    r"(?:use|using|used|turn|turning) (?:it|a gun|the gun|the knife) on "
    r"(?:my|him|her|them)sel(?:f|ves)",
    r"(?:sleep|go to sleep|fall asleep) and (?:not|never) wake up",
    r"no reason to (?:keep going|go on|keep living|stay)",
    # A goodbye letter also ends a job ("a goodbye note for my coworker's card"): erring
    # towards the notice, any goodbye letter or note brings it.
    r"(?:suicide|goodbye|good bye) (?:letter|note|message)s?",
    r"(?:won't|wont|will not) be a (?:problem|burden) (?:for|to) (?:anyone|anybody|you|us) "
    r"(?:much )?(?:longer|anymore)",
    r"(?:wants?|wanted|make) it all (?:to )?stop",
    r"(?:a |being a )?burden to (?:everyone|everybody|my family|his family|her family|them)",
    r"(?:hang|hangs|hanged|hanging|hung) (?:my|him|her|them|your)sel(?:f|ves)",
    # "Ending things" or "ending it" said of oneself; not of a contract or a vendor ("end
    # things for our drop-in center", "end it with this vendor").
    r"(?:thoughts? of |thinking (?:about|of) |talk(?:s|ed|ing)? (?:about|of) |wants? to |going to )"
    r"end(?:ing)? things(?! (?:for|with) )",
    r"end(?:ing)? it (?:tonight|today|soon|now)",
    r"(?:jump|jumps|jumped|jumping|step|steps|stepped|stepping|throw|throws|threw|throwing)"
    r"(?: (?:my|him|her|them)sel(?:f|ves))? in front of (?:a|the) (?:train|car|bus|truck|subway)",
    r"(?:walk|walks|walked|walking) into traffic",
    r"(?:shoot|shoots|shot|shooting) (?:my|him|her|them)sel(?:f|ves)",
    r"nooses?",
    r"(?:slit|slits|slitting|cut|cuts|cutting) (?:my|his|her|their) wrists?",
    r"better (?:off )?without (?:me|him|her|them)",
    r"(?:been|keeps|kept|started|is|was) cutting again",
]
_CRISIS_RE = re.compile(r"\b(?:" + "|".join(_PATTERNS) + r")\b")


def _folded(text: str) -> str:
    return " ".join(normalize(text).replace("’", "'").split())


def mentions_crisis(text: str) -> bool:
    """True when the text uses self-harm, suicide or overdose wording."""
    return _CRISIS_RE.search(_folded(text)) is not None


def without_crisis_wording(text: str) -> str:
    """The text (folded to lower case) with its crisis wording taken out: what else it asks
    ("client is suicidal, does peer support reduce hospitalization?" still asks about
    hospitalization; "she wants to end it all" asks nothing else)."""
    return " ".join(_CRISIS_RE.sub(" ", _folded(text)).split())
