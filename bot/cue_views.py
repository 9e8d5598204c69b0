"""Other readings of an ask for frame cues: the past tense and filler adverbs.

Frame cues (`knowledge/frames.yaml`) are written the way a question is most often put: in the
present tense and without hedges ("how does * differ from", "who wrote"). Staff also ask "how
*did* the 2015 review differ from the update?" or "who *actually* wrote it?", and a cue list
that must spell out every tense and every hedge of every cue is the list of phrasings that
never covers the next one. So frame cues are also tried on these readings of an ask: the
filler adverbs left out and the past auxiliary "did" put in the present ("does" and "do").
Each reading keeps, for each of its words, the position of that word in the ask, so a match is
mapped back to the ask's own words (the frame's words are then left out of what the question
is about, as usual).

The earliest frame (lexicon order) over the ask and its readings wins: a hedge can leave a
later, vaguer frame matching as written ("who actually wrote the Hong Kong paper" would
otherwise be about a place). A cue that spells the hedge or the tense itself ("did * actually
hire": whether an announced hiring happened) keeps its match as written (`reads_past`).
"""

from __future__ import annotations

from collections.abc import Sequence

# Words that hedge or stress a question without changing what it asks: "does it actually work",
# "who really wrote it", "honestly, is it evidence based". Not "exactly" ("what exactly are the
# core conditions" asks for what a term means, not a list) nor "just" ("just peers" is "only").
FILLERS = frozenset(
    {"actually", "really", "honestly", "basically", "truly", "seriously", "even", "literally"}
)
# Past auxiliaries and the present forms cues are written in; each present form is one reading.
# Not "was" and "were": "what was the sample?" asks for a study's facts, not what a term is,
# and "what is" is the definition frame's cue.
_PRESENT = {"did": ("does", "do")}
# A question put indirectly: its question word, a name of at most this many words, its verb.
_WH = frozenset({"what", "who"})
_BE = frozenset({"is", "are"})
_MOST_NAME_WORDS = 5
# The words before a question put indirectly: "anyone know", "not sure", "i wonder", "idk".
_LEAD_INS = frozenset("know knows sure unsure wonder wondering idk explain understand".split())
_VERBS = frozenset(
    "do does did was were can could should would will has have had be been being".split()
)


def readings(ask_words: Sequence[str]) -> list[tuple[tuple[str, ...], tuple[int, ...]]]:
    """The other readings of the ask's words for frame cues, with each word's position in the
    ask; none when the ask has no filler, no past auxiliary and no question put indirectly."""
    found: list[tuple[tuple[str, ...], tuple[int, ...]]] = []
    inverted = _inverted(ask_words)
    if inverted is not None:
        found.append(inverted)
    kept = [i for i, word in enumerate(ask_words) if word not in FILLERS]
    past = {i for i in kept if ask_words[i] in _PRESENT}
    if len(kept) == len(ask_words) and not past:
        return found
    positions = tuple(kept)
    choices = max((len(_PRESENT[ask_words[i]]) for i in past), default=1)
    for choice in range(choices):
        reading = tuple(_present(ask_words[i], choice) if i in past else ask_words[i] for i in kept)
        if reading not in (view for view, _ in found) and reading != tuple(ask_words):
            found.append((reading, positions))
    return found


def _inverted(ask_words: Sequence[str]) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
    """A question put indirectly, in the order of a statement ("anyone know what DDA is?", "not
    sure what a WRAP is"), read in a question's order: "... what is DDA". Only at the end of the
    ask: "what" or "who" first or after a lead-in that says so ("know", "sure", "wonder"), a name
    of a few words, and "is" or "are" last. A clause inside a longer ask ("nobody can tell me
    what my role is supposed to be", "what time is the potluck") is not a question about what
    something is."""
    if len(ask_words) < 3 or ask_words[-1] not in _BE:
        return None
    for start in range(len(ask_words) - 2):
        if ask_words[start] in _WH and (start == 0 or ask_words[start - 1] in _LEAD_INS):
            break
    else:
        return None
    name = ask_words[start + 1 : -1]
    if len(name) > _MOST_NAME_WORDS or not _VERBS.isdisjoint(name) or not _BE.isdisjoint(name):
        return None
    last = len(ask_words) - 1
    order = (*range(start + 1), last, *range(start + 1, last))
    return tuple(ask_words[i] for i in order), order


def _present(word: str, choice: int) -> str:
    """The past auxiliary's `choice`-th present form (its last when it has fewer)."""
    forms = _PRESENT[word]
    return forms[min(choice, len(forms) - 1)]


def reads_past(cue_words: frozenset[str]) -> bool:
    """Whether a cue spells a filler or a past auxiliary itself ("did * actually hire"): its
    match on the ask as written is then what the question asks, not a hedge's accident."""
    return not cue_words.isdisjoint(FILLERS) or not cue_words.isdisjoint(_PRESENT)


def cue_forms(word: str) -> tuple[str, ...]:
    """The word and the present forms a cue may spell it with ("did": "does", "do")."""
    return (word, *_PRESENT.get(word, ()))


def ask_span(positions: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """A match of words `start` to `end - 1` of a reading, as the ask's words it covers."""
    if end <= start:
        first = (
            positions[start] if start < len(positions) else (positions[-1] + 1 if positions else 0)
        )
        return first, first
    return positions[start], positions[end - 1] + 1
