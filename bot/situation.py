"""Whether a message asks what to do about one particular person: advice, whatever its wording.

The `advice` frame (knowledge/frames.yaml) lists first-person wordings ("what should I do",
"should I tell"). Staff ask the same thing in many more ("my client with bipolar stopped her
meds, do i tell her psychiatrist?", "client keeps calling me after hours, is that ok", "peer on
my team is using again - what now"), and a list of phrases always misses the next one: the
question then fell through to BM25, which quoted a research passage sharing one word
("medication", "hours") as if it answered what to do about that client. The sources report
research on programmes; none says what to do about one person, so such a message is declined
as advice (ask a supervisor or clinical lead), with related passages.

This is a shape, not a list of phrasings: a *particular person the asker deals with* ("my
client", "one of my clients", "a client of mine", "a guy I support", "a peer on my team", "my
coworker", a message opening on "client keeps ...", "she's my client") together with a *request
to act or for permission* ("do/should/can I ...", "do I need to ...", "is that ok", "ok or not",
"should she ...") or an *open call for counsel* ("what now", "next steps", "thoughts?").

Both halves are needed. Research questions name clients in general ("do clients of peer
specialists get better", "how do peers help clients with bipolar") and ask what peers or
programmes do, never what *I* should do; questions about one's own career ("can I get certified
with a record?") name no one else. A question someone else put to the asker ("my director asked
me if peer support saves money, thoughts?") relays a research question: only a request to act
or for permission makes it advice then.
"""

from __future__ import annotations

import re

from bot.lazy_re import lazy
from bot.tokenize import words

# Where a message's clauses end: sentences, and the comma or dash before "thoughts?".
_CLAUSE_RE = re.compile(r"[.?!;:,\n]+|\s[-\u2013\u2014]+\s|\s[-\u2013\u2014]+$")

# One person a staff member serves or works beside. A plural ("my peers are out in the field
# all day, is that normal?") describes how a programme runs, which research may answer; "one of
# my clients" is one person again.
_ONE = (
    r"client|consumer|member|participant|patient|pt|resident|mentee|supervisee|peer|co ?worker|"
    r"colleague|teammate|staff member|team member|"
    r"peer (?:specialist|worker|supporter|mentor|advocate|navigator)|"
    r"recovery coach|coach|case manager|supervisor|boss|manager|"
    r"guy|girl|lady|woman|man|person|kid|teen|youth|veteran|vet"
)
_MANY = (
    r"clients|consumers|members|participants|patients|pts|residents|mentees|supervisees|peers|"
    r"co ?workers|colleagues|teammates|staff|guys|girls|folks|kids|people"
)
# Someone one serves, mentors or supervises: "a guy I support", "someone I work with".
_SERVE = r"(?:support|serve|work with|see|mentor|coach|supervise|case manage|am working with)"
# Where one's own people are: "a peer on my team", "a participant in my WRAP group".
_PLACE = r"(?:team|caseload|case load|group|unit|program|programme|roster|ward|floor|crew|house)"
# What a person did, said or keeps doing, after them: "client keeps calling me", "a client who
# stopped her meds".
_DID = (
    r"(?:keeps|kept|is|was|has|had|wants|wanted|told|said|asked|called|calls|texted|texts"
    r"|stopped|won t|wont|refuses|refused|missed|misses|showed|shows|relapsed|gave|got|just"
    r"|isn t|hasn t|doesn t|didn t|came|left|started|threatened|posted|brought|uses|used"
    r"|disclosed|admitted|quit|needs|can t|cannot)"
)
# Who the asker deals with. "Our" and "my" with a person are one's own people; "a peer on my
# team", "someone on my caseload", "a client of mine", "a woman I support", "a client who keeps
# ..." are too. A bare "clients" or "peers" is anyone's.
_PERSON_RE = lazy(
    r"(?:^| )(?:"
    rf"(?:my|our) (?:new |old |former |current |young |older |\w+ year old )?(?:{_ONE})"
    rf"|one of (?:my|our) (?:\w+ )?(?:{_MANY})"
    rf"|(?:a|an|one|this|the) (?:\w+ )?(?:{_ONE}|someone|somebody) (?:of mine|of ours)"
    rf"|(?:(?:a|an|one|this|the|another) )?(?:\w+ )?(?:{_ONE}|someone|somebody) (?:on|in|from|of)"
    rf" (?:my|our) (?:\w+ )?{_PLACE}"
    rf"|(?:someone|somebody|(?:a |an |the |this )?(?:{_ONE})) (?:(?:who|that|whom) )?(?:i|we)"
    rf" {_SERVE}"
    rf"|(?:a|an|this|one) (?:\w+ )?(?:{_ONE}) (?:who|that) (?:\w+ )?{_DID}"
    r"|(?:he|she) s (?:my|our|a) (?:client|member|participant|patient|mentee|supervisee|peer)"
    # A message opening on the person and what they did ("client keeps calling me", "client's
    # daughter wants updates").
    rf"|^(?:a |the |this |one )?(?:{_ONE}) (?:(?:who|that) )?{_DID}"
    r"|^(?:client|member|participant|patient|mentee|supervisee) s"
    rf"|^(?:he|she) {_DID}"
    r")(?= |$)"
    # Not a compound naming no one: "our peer program", "my client satisfaction survey".
    r"(?! (?:program\w*|support\w*|services?|service|work|workforce|staff|model\w*|group\w*"
    r"|network\w*|led|run|role\w*|training|certification|outcomes?|data|satisfaction|team\w*"
    r"|population\w*|feedback|surveys?|needs|records?|files?|charts?|specialist field|movement"
    r"|provider\w*|organi[sz]ation\w*|agenc\w+|community|communities|module\w*|curricul\w*))"
)
# A word every wording of `_PERSON_RE` not at the clause's start holds (as a word of its own):
# "my"/"our" before the person or their group, "mine"/"ours", "I"/"we" who serve them,
# "who"/"that" before what they did, "he"/"she" ("she s my client").
_PERSON_WORDS = frozenset("my our mine ours i we who that he she".split())


def _names_a_person(clause: str) -> bool:
    """Whether `_PERSON_RE` finds a person in the clause (words joined by single spaces).
    Without a word of `_PERSON_WORDS` only a wording at its start can match: one try there
    instead of one at every word."""
    if _PERSON_WORDS.isdisjoint(clause.split(" ")):
        return _PERSON_RE.match(clause) is not None
    return _PERSON_RE.search(clause) is not None


# A request to act or for permission: the asker's own act ("do I tell", "should we report",
# "do I need to call someone", "am I allowed"), whether something is all right ("is that ok",
# "is it ok to keep it", "ok or not"), or what the person should do ("should she go").
_ACT_RE = lazy(
    r"(?:^| )(?:"
    r"(?:do|should|can|could|may|must|shall) (?:i|we)(?: |$)"
    # Not finding out or claiming something ("do we actually know whether CPSs improve
    # outcomes", "where can I find a training", "can I say peers cut readmissions").
    r"(?!(?:\w+ )?(?:know|find|cite|claim|quote|say that|say peers?|show|prove|read|learn"
    r"|look|search|get data|get numbers|get stats)(?: |$))"
    r"|(?:do|would) (?:i|we) (?:need|have|got) to "
    r"|am i (?:allowed|supposed|required|obligated|ok|okay|wrong|overstepping) "
    r"|(?:is|was|would) (?:that|this|it) (?:even )?(?:ok|okay|alright|all right|fine|appropriate"
    r"|allowed|acceptable|a problem|an issue|crossing|over the line|a boundary|unethical"
    r"|ethical|wrong)(?: |$)"
    r"|(?:ok|okay) or not(?: |$)"
    r"|should (?:he|she|they|him|her) "
    r")"
)
# An open call for counsel on what was described, a sentence or clause of its own: "what now",
# "next steps?", ", thoughts?" ("thoughts on the evidence" asks about the evidence).
_COUNSEL_RE = lazy(
    r"^(?:so |and |ok |okay |well |anyway )?(?:any |your |ur |some )?(?:what now|now what"
    r"|what next|next steps?|what are my options|what are (?:my|our) next steps|thoughts"
    r"|ideas|advice|suggestions|help|how to proceed|how do i proceed|where do i go from here"
    r"|what gives|what would you do)(?: please| pls| anyone| all| y all| team| folks| here)?$"
)
# Asking whether it is all right in a word or two of its own: "... emergency contact. ok?".
_PERMISSION_RE = re.compile(
    r"(?:^|[.,;:!?]\s*|\s[-\u2013\u2014]+\s*)(?:is (?:that|it|this) |that s |it s )?(?:ok|okay"
    r"|alright|all right|fine|allowed|appropriate|acceptable)\s*\?",
    re.IGNORECASE,
)
# A question relayed from someone else ("my director asked me if ...", "my client wants to know
# what WRAP is"): the question relayed is a research question, not a situation.
_RELAYED_RE = lazy(
    r"(?:^| )(?:asked|asks|asking|wants to know|wanted to know|wondering|wondered|keeps asking)"
    r" (?:me |us )?(?:what|how|if|whether|why|where|when|which|who|does|do|is|are)(?= )"
    # Or something to find out: "my supervisor wants a list of what a CPS does. help?"
    r"|(?:^| )(?:wants|wanted|needs|needed|asked for|asking for|asks for|requested)"
    r" (?:a |an |the |some )?(?:list|number|numbers|summary|breakdown|figure|figures|overview"
    r"|answer|info|information|stat|definition|description|rundown|comparison|estimate)(?= |$)"
)

# A message asking for research or sources ("my clients keep asking if peer support works, where
# can I find a study to show them?") wants a passage, which the frames read as before.
_EVIDENCE_RE = lazy(
    r"(?:^| )(?:research|researchers|study|studies|evidence|data|literature|lit|papers?"
    r"|articles?|sources?|stats|statistics|findings|journal|meta analysis)(?= |$)"
)


def about_someone(text: str) -> bool:
    """Whether a message asks what to do about a particular person.

    The person may be named in one sentence and the request made in another ("client hasn't
    shown up in 3 weeks. next steps?"); an open call for counsel ("thoughts?") must be a clause
    of its own, so "thoughts on the evidence for peer support" is no call for counsel.
    """
    clauses = [" ".join(words(piece)) for piece in _CLAUSE_RE.split(text)]
    clauses = [clause for clause in clauses if clause]
    if not any(_names_a_person(clause) for clause in clauses):
        return False
    if any(_EVIDENCE_RE.search(clause) for clause in clauses):
        return False
    if any(_ACT_RE.search(clause) for clause in clauses):
        return True
    if _PERMISSION_RE.search(text):
        return True
    relayed = any(_RELAYED_RE.search(clause) for clause in clauses)
    return not relayed and any(_COUNSEL_RE.search(clause) for clause in clauses)
