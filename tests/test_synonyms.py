"""Staff wording reaches the sources' wording (knowledge/synonyms.yaml), and guards hold.

Questions written for these tests from the passages and everyday staff talk (none is from an
evaluation file). Each mapping case names the staff wording, the source wording it must add to the
query, and the passage it must then answer with even when no snippet has curated asks, so the
synonym alone bridges the vocabulary gap. Each guard case holds the same staff wording next to a
guard word and must not get the source wording: the expansion would change what is asked.
"""

from __future__ import annotations

import dataclasses

import pytest

from bot.index import SnippetIndex
from bot.knowledge import KnowledgeBase
from bot.tokenize import tokenize
from tests.own_questions import assert_among_answers, not_in_eval_files, own


@pytest.fixture(scope="module")
def bare_index(real_kb: KnowledgeBase) -> SnippetIndex:
    """The shipped passages and synonyms without any curated asks."""
    snippets = tuple(dataclasses.replace(snippet, asks=()) for snippet in real_kb.snippets)
    return SnippetIndex.build(dataclasses.replace(real_kb, snippets=snippets))


# Both passages on unclear roles answer a question about a fuzzy or vague role.
ROLE_UNCLEAR = ("rogers2017-role-ambiguity", "lafrance2017-role-clarity")

MAPS: list[tuple[str, str, str | tuple[str, ...]]] = [
    (
        "which theoretical lenses could help us research peer support?",
        "frameworks",
        "rogers2017-core-conditions",
    ),
    (
        "what could help us understand why peer support works?",
        "effectiveness",
        ("rogers2017-core-conditions", "rogers2017-individual-peer-support"),
    ),
    (
        "is the certified peer specialist a new role in mental health?",
        "recent addition",
        "peersforprogress-16-states-medicaid",
    ),
    (
        "why was it so urgent to understand how CPSs fit in, with the Affordable Care Act coming?",
        "critical",
        "peersforprogress-aca-expansion",
    ),
    (
        "what should a theory of change for peer support services look like?",
        "theoretical underpinnings change mechanisms",
        "barrenger2019-change-mechanisms",
    ),
    (
        "why is it urgent to understand the kinds of programs CPSs work in?",
        "critical",
        "peersforprogress-medicaid-eligibility",
    ),
    ("do peers struggle with fuzzy role definitions?", "role ambiguity", ROLE_UNCLEAR),
    ("do peers face friction from the clinical team?", "struggle", "lafrance2017-clinical-team"),
    (
        "how long has peer support been expanding in the USA?",
        "burgeoned",
        "rogers2017-burgeoned-uneven",
    ),
    (
        "would a blurry role keep agencies from adopting peers?",
        "lack of clarity about the role",
        ROLE_UNCLEAR,
    ),
    (
        "is peer support now delivered elsewhere?",
        "ancillary settings",
        "rogers2017-ancillary-settings",
    ),
    (
        "what's the right yardstick for judging a peer program?",
        "relevant measures",
        "bellamy2017-recovery-measures",
    ),
    ("how should we judge a peer program?", "measures outcomes", "barrenger2019-recommendation"),
    ("do peers fit in on clinical teams?", "integration", "lafrance2017-clinical-team"),
    (
        "will Peers for Progress keep doing this research?",
        "continue",
        "peersforprogress-funding-increase",
    ),
    ("does DDA have an edge over other peer fellowships?", "strength", "milani2020-dual-strength"),
    (
        "does peer support improve clients' self-confidence?",
        "self-efficacy",
        "barrenger2019-mixed-evidence",
    ),
    (
        "do clients of peer support feel in control of their lives?",
        "empowerment",
        "bellamy2017-hope-empowerment",
    ),
    (
        "can peer support break down the shame patients feel?",
        "stigma",
        "goutam2020-stigma-isolation",
    ),
    (
        "what do we know about peer workers at discharge?",
        "transitional settings",
        "lafrance2017-transitional-settings",
    ),
    (
        "is there research on peers working on psych units?",
        "inpatient",
        "lafrance2017-forensic-inpatient",
    ),
    ("is there a shortage of mental health staff in India", "dearth", "goutam2020-dearth-workers"),
    (
        "do peers need lived experience?",
        "had mental illness in the past",
        "goutam2020-shared-experience",
    ),
    (
        "how will the ACA bring new peers into the labor force?",
        "workforce",
        "peersforprogress-aca-expansion",
    ),
    ("how many states offer peer credentials?", "certified", "lafrance2017-states-certify"),
    (
        "is the job market for peer specialists growing?",
        "workforce",
        ("rogers2017-mechanisms-workforce", "rogers2017-grown-exponentially"),
    ),
    (
        "do scripted peer groups have the best evidence?",
        "manualized",
        "rogers2017-group-interventions",
    ),
    (
        "has anyone agreed on the building blocks of the peer role?",
        "core components",
        "lafrance2017-core-components",
    ),
    ("what is holding back uptake of peer support?", "adoption", "lafrance2017-role-clarity"),
    ("how many people in India go without care?", "need treated", "goutam2020-india-treatment-gap"),
    ("do most Canadian youth go without care?", "accessing need", "halsall2021-canada-fragmented"),
    ("is India short on psychiatric staff?", "dearth", "goutam2020-dearth-workers"),
    (
        "why are agencies not hiring peer providers?",
        "hinder widespread adoption",
        "lafrance2017-role-clarity",
    ),
    (
        "do psychiatrists push back when peers join the team?",
        "struggle to accept",
        "lafrance2017-clinical-team",
    ),
    ("does going to DDA boost recovery?", "positive impact", "milani2020-five-areas"),
    (
        "is it known what makes youth peer support tick?",
        "mechanisms",
        "halsall2021-youth-mechanisms",
    ),
    (
        "are hope and belonging better measures than symptoms?",
        "integration community",
        "bellamy2017-recovery-measures",
    ),
    (
        "has peer support grown at the same pace in every state?",
        "uneven",
        "rogers2017-grown-exponentially",
    ),
    (
        "does peer support make people more optimistic about their quality of life?",
        "hope",
        "bellamy2017-hope-empowerment",
    ),
    (
        "why are there conflicting results on peer support?",
        "mixed evidence",
        "barrenger2019-mixed-evidence",
    ),
    (
        "has peer support skyrocketed across the US?",
        "growth grown",
        ("rogers2017-grown-exponentially", "rogers2017-burgeoned-uneven"),
    ),
    (
        "is peer work one of the fastest growing jobs in behavioral health?",
        "fast-growing occupational",
        "lafrance2017-fast-growing",
    ),
    (
        "what does health care reform mean for bringing peers into the workforce?",
        "Affordable Care Act",
        "peersforprogress-aca-expansion",
    ),
    (
        "do experts want an overhaul of youth services?",
        "systems transformation",
        "halsall2021-systems-transformation",
    ),
    (
        "do we understand how one-to-one peer support is beneficial?",
        "individual",
        "rogers2017-individual-peer-support",
    ),
    (
        "do CPSs spend more time in the office than in the community?",
        "on site",
        "peersforprogress-site-vs-community",
    ),
    (
        "do certified peers spend more time on site or on home visits?",
        "community",
        "peersforprogress-site-vs-community",
    ),
    # With no curated asks, the passage saying "job titles" in so many words may come first
    # (the topic label no longer gives every roles passage those words).
    (
        "what position titles do peer providers have?",
        "job titles",
        ("lafrance2017-job-titles", "lafrance2017-tasks-settings-models"),
    ),
    ("did DDA members find jobs?", "employment education", "milani2020-employment-commissioning"),
    ("what toll will mental illness take worldwide by 2020?", "burden", "goutam2020-who-burden"),
    (
        "has peer support grown in some states more than others?",
        "uneven",
        ("rogers2017-grown-exponentially", "rogers2017-burgeoned-uneven"),
    ),
    (
        "are peer specialists often unsure what their role is?",
        "role ambiguity",
        "rogers2017-role-ambiguity",
    ),
    (
        "do mental health professionals have a hard time working with peer providers?",
        "clinical team struggle to accept",
        "lafrance2017-clinical-team",
    ),
    (
        "is addressing mental health and drinking at the same time key to recovery?",
        "addiction",
        "milani2020-both-at-once",
    ),
    (
        "is DDA strong for both mental health and drinking problems?",
        "substance use",
        "milani2020-dual-strength",
    ),
    (
        "does Canada's youth system give young people the psychiatric services they need?",
        "mental health",
        "halsall2021-canada-fragmented",
    ),
    (
        "has the amount of research on peer support grown with its increasing use?",
        "body of published research",
        "bellamy2017-research-grown",
    ),
    (
        "how many CPSs filled out the Salzer questionnaire?",
        "survey",
        "peersforprogress-salzer-survey",
    ),
    (
        "should knowledge sharing with clients with BD be warm and hope-instilling?",
        "empathic",
        "tse2019-hope-instilling",
    ),
    (
        "what makes DDA stand out from single purpose fellowships?",
        "strength",
        "milani2020-dual-strength",
    ),
    (
        "did DDA members who kept showing up see a positive impact?",
        "attendance",
        "milani2020-five-areas",
    ),
    (
        "have experts called for youth services that work together better?",
        "integration",
        "halsall2021-systems-transformation",
    ),
    (
        "are peer-delivered services a mainstream part of US behavioral health care?",
        "central component",
        "rogers2017-three-decades",
    ),
    (
        "what must we understand for the profession of peer support specialists to keep growing?",
        "workforce",
        "rogers2017-mechanisms-workforce",
    ),
    (
        "how should peer supporters in mental health be prepared and licensed?",
        "trained",
        "peersforprogress-trained-licensed",
    ),
    (
        "what areas did DDA attendance change, in the members' own view?",
        "perceived",
        "milani2020-five-areas",
    ),
    (
        "should evaluation start from outcomes that service users value?",
        "people who use services",
        "barrenger2019-valued-outcomes",
    ),
    (
        "does the literature say certifying peer workers is a good idea?",
        "value",
        "lafrance2017-value-of-training",
    ),
    (
        "which mediators explain how peer support leads to recovery?",
        "change mechanisms",
        "barrenger2019-change-mechanisms",
    ),
    ("what do peer programs have in common?", "common values", "rogers2017-program-typologies"),
    (
        "did some clients find peer workers pointless because of their medication?",
        "not useful",
        "tse2019-medication-not-useful",
    ),
    (
        "what is DDA's strength compared with AA?",
        "single purpose fellowships",
        "milani2020-dual-strength",
    ),
    (
        "is peer support limited to traditional mental health settings?",
        "beyond",
        "rogers2017-ancillary-settings",
    ),
    (
        "the clinicians on my team treat me like an intern, is that common for peer staff?",
        "struggle to accept",
        "lafrance2017-clinical-team",
    ),
    (
        "why does peer support vary so much from one US state to another?",
        "uneven",
        ("rogers2017-grown-exponentially", "rogers2017-burgeoned-uneven"),
    ),
    (
        "can peer support reduce stigma for people in our program?",
        "breaking down stigmas",
        "goutam2020-stigma-isolation",
    ),
    (
        "is it valuable to train and certify peer workers?",
        "value",
        "lafrance2017-value-of-training",
    ),
    (
        "can a peer worker being a role model make a difference for clients?",
        "effect",
        ("tse2019-role-models", "tse2019-role-model-value"),
    ),
    (
        "what does the research say about empowerment for people using peer services?",
        "evidence",
        "bellamy2017-hope-empowerment",
    ),
    (
        "how do peer outcomes compare with those of traditional staff?",
        "non-peer paraprofessionals",
        "bellamy2017-equally-effective",
    ),
]

GUARDS: list[tuple[str, str]] = [
    ("is peer support offered in urgent care clinics?", "critical"),
    ("is the evidence on peer support vague?", "role ambiguity"),
    ("are the study results murky?", "lack of clarity about the role"),
    ("is peer support found elsewhere, in other countries?", "ancillary settings"),
    ("is there a salary benchmark for peer specialists?", "relevant measures"),
    ("how do I assess a client's risk?", "measures outcomes"),
    ("is peer work a good fit in a hospital?", "integration"),
    ("how much confidence can we have in the evidence?", "self-efficacy"),
    ("is it discrimination if an employer won't hire peers?", "stigma"),
    ("can a vet with a dishonorable discharge be a peer?", "transitional settings"),
    ("is there a funding shortage for peer programs?", "dearth"),
    (
        "were the findings checked by researchers with lived experience?",
        "had mental illness in the past",
    ),
    ("what are the credentials of the authors?", "certified"),
    ("does peer work take up a lot of time?", "adoption"),
    ("what if clients push back on their treatment plan?", "struggle to accept"),
    ("will the new grant boost funding for peers?", "positive impact"),
    ("which tick box on the intake form is for peers?", "mechanisms"),
    ("do peers belong on the clinical team?", "integration community"),
    ("do peers get paid the same rate in every state?", "uneven"),
    ("are we optimistic about the grant for our peer program?", "hope"),
    ("have caseloads for peers skyrocketed?", "growth grown"),
    ("do peers get paid more in some states than others?", "uneven"),
    ("are clients unsure what a peer does?", "role ambiguity"),
    ("what if clients have trouble working with their peer?", "clinical team struggle to accept"),
    ("does our drug testing policy cover drinking on the job?", "addiction"),
    ("do peers need to follow our policy on drinking at work?", "substance use"),
    ("can peers help clients with psychiatric medication questions?", "mental health"),
    ("should staff give a warm handoff at discharge?", "empathic"),
    ("do peer program results keep showing up in the outcome data?", "attendance"),
    ("when was the LaFrance report prepared?", "trained"),
    ("is there an urgent care clinic with peer staff?", "critical"),
    ("can a peer help with conflict mediation between roommates?", "change mechanisms"),
    ("does DDA use the twelve steps like AA?", "single purpose fellowships"),
    ("do peers get paid differently from one US state to another?", "uneven"),
    ("what do peer specialists and social workers have in common?", "common values"),
    ("do clients' families disrespect peers who take medication?", "struggle to accept"),
    ("are weekly team meetings pointless for peer staff?", "not useful"),
]


def _adds(index: SnippetIndex, question: str, source: str) -> bool:
    terms = set(index.query_terms(question))
    return set(tokenize(source)) <= terms


@pytest.mark.parametrize(("question", "source", "snippet_id"), MAPS, ids=[m[1] for m in MAPS])
def test_staff_wording_reaches_the_source_wording(
    real_index: SnippetIndex,
    bare_index: SnippetIndex,
    question: str,
    source: str,
    snippet_id: str | tuple[str, ...],
) -> None:
    not_in_eval_files(question)
    assert not set(tokenize(source)) <= set(tokenize(question))
    assert _adds(real_index, question, source)
    # Even with no curated asks, the source wording lets the passage answer.
    answer = bare_index.search(question)
    assert answer.answered
    expected = (snippet_id,) if isinstance(snippet_id, str) else snippet_id
    assert answer.results[0].snippet_id in expected


@pytest.mark.parametrize(("question", "source"), GUARDS, ids=[g[1] for g in GUARDS])
def test_guard_keeps_the_source_wording_out(
    real_kb: KnowledgeBase, real_index: SnippetIndex, question: str, source: str
) -> None:
    not_in_eval_files(question)
    assert not _adds(real_index, question, source)
    # The guard is what keeps it out: the same entries without their guards would add it.
    synonyms = tuple(
        dataclasses.replace(synonym, not_with=()) if synonym.source == source else synonym
        for synonym in real_kb.synonyms
    )
    unguarded = SnippetIndex.build(dataclasses.replace(real_kb, synonyms=synonyms))
    assert _adds(unguarded, question, source)


@pytest.mark.parametrize(
    "question",
    [
        "do peers get worse results than real staff?",
        "my director thinks regular staff outperform peers, is there research on that?",
    ],
)
def test_staff_without_lived_experience_compared_with_peers(
    real_index: SnippetIndex, question: str
) -> None:
    """Peers are compared with "regular" or "real" staff; the sources compare them with
    non-peer paraprofessionals, and that passage answers."""
    assert_among_answers(real_index, question, "bellamy2017-equally-effective")


@pytest.mark.parametrize(
    "question",
    [
        "are peers as effective as mental health professionals?",
        "do peer workers get results as good as licensed clinicians",
        "are peer workers as good as clinicians",
    ],
)
def test_clinical_staff_set_against_peers_on_results(
    real_index: SnippetIndex, question: str
) -> None:
    """Set against peers on results, clinicians and professionals are the non-peer staff the
    sources compare them with (round 23): "professionals" matched a Hong Kong passage on the
    knowledge professionals give, which was quoted first."""
    answer = real_index.search(own(question))
    assert answer.answered
    assert answer.results[0].snippet_id == "bellamy2017-equally-effective"


def test_clinicians_beside_integration_are_not_compared_staff(real_index: SnippetIndex) -> None:
    """ "how do peers fit in with clinicians" asks about integration: the guard keeps the
    comparison's wording out."""
    assert not _adds(
        real_index,
        own("how do peers fit in with clinicians on the team?"),
        "non-peer paraprofessionals",
    )
