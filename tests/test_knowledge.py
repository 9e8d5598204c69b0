"""Validation of the knowledge base: every problem found, each named by file and line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from bot.config import PROJECT_ROOT
from bot.knowledge import (
    KnowledgeBase,
    check_knowledge,
    collapse_whitespace,
    load_knowledge,
    normalise_ask,
)
from tests.conftest import MINI_CARDS, MINI_FILES, REAL_KNOWLEDGE, REAL_SEEDS, write_mini_kb


def _problems(tmp_path: Path, overrides: dict[str, str | bytes]) -> list[str]:
    knowledge, seeds = write_mini_kb(tmp_path, overrides)
    return [str(problem) for problem in check_knowledge(knowledge, seeds)]


def _snippets(body: str) -> str:
    return "snippets:\n" + textwrap.indent(textwrap.dedent(body), "  ")


GOOD_SNIPPET = """\
- id: mini-extra
  source: mini2020
  text: Recovery coaches support people in recovery from substance use.
  topics: [funding]
"""


def _with_asks(*asks: str, shared: bool = False) -> str:
    body = GOOD_SNIPPET + "  asks: [" + ", ".join(f'"{ask}"' for ask in asks) + "]\n"
    return body + ("  shared_asks: true\n" if shared else "")


def _roles_with(extra: str) -> str:
    """roles.yaml with cards, `extra` appended to the recovery-coach entry (its last line is 8)."""
    return str(MINI_CARDS["roles.yaml"]) + extra


CONCEPTS = """\
concepts:
  - id: bridging
    name: Peer bridging
    aliases: [bridging]
    about: [mini-bridger]
"""

UNCOVERED_OK = """\
uncovered:
  - seed: mini.txt
    text: Peer bridgers help people leave hospital and settle back into the community.
    reason: duplicate
"""


def test_mini_knowledge_base_is_valid(tmp_path: Path) -> None:
    assert _problems(tmp_path, {}) == []


def test_real_knowledge_base_is_valid(real_kb: KnowledgeBase) -> None:
    assert check_knowledge(REAL_KNOWLEDGE, REAL_SEEDS, complete=True) == []
    assert len(real_kb.snippets) >= 60
    for snippet in real_kb.snippets:
        source = real_kb.source_of(snippet)
        seed_texts = [
            collapse_whitespace((REAL_SEEDS / seed).read_text(encoding="utf-8"))
            for seed in source.seeds
        ]
        assert any(snippet.text in text for text in seed_texts), snippet.id


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        pytest.param(
            {"snippets/funding.yaml": "snippets:\n  - id: x\n    text: a: b\n    topics: []\n"},
            "knowledge/snippets/funding.yaml:3: YAML syntax error",
            id="syntax-error",
        ),
        pytest.param(
            {
                "snippets/funding.yaml": _snippets(
                    "- id: mini-x\n  source: mini2020\n  topics: [funding]\n"
                )
            },
            "knowledge/snippets/funding.yaml:2: snippet mini-x: missing field 'text'",
            id="missing-field",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(GOOD_SNIPPET + "  colour: blue\n")},
            "knowledge/snippets/funding.yaml:6: snippet mini-extra: unknown field 'colour'",
            id="unknown-field",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(GOOD_SNIPPET.replace("[funding]", "funding"))},
            "knowledge/snippets/funding.yaml:5: snippet mini-extra: 'topics' must be a non-empty",
            id="wrong-type",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(GOOD_SNIPPET.replace("mini-extra", "mini-coach"))},
            "knowledge/snippets/roles-duties.yaml:8: duplicate snippet id 'mini-coach'",
            id="duplicate-id-across-files",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(GOOD_SNIPPET.replace("mini2020", "nobody1999"))},
            "knowledge/snippets/funding.yaml:3: snippet mini-extra: unknown source 'nobody1999'",
            id="unknown-source",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(GOOD_SNIPPET + "  roles: [astronaut]\n")},
            "knowledge/snippets/funding.yaml:6: snippet mini-extra: unknown role 'astronaut'",
            id="unknown-role",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(GOOD_SNIPPET.replace("[funding]", "[gardening]"))},
            "knowledge/snippets/funding.yaml:5: snippet mini-extra: unknown topic 'gardening'",
            id="unknown-topic",
        ),
        pytest.param(
            {
                "snippets/funding.yaml": _snippets(
                    GOOD_SNIPPET.replace("substance use.", "substance use and gambling.")
                )
            },
            "knowledge/snippets/funding.yaml:4: snippet mini-extra: text is not found verbatim",
            id="invented-quote",
        ),
        pytest.param(
            {
                "snippets/funding.yaml": _snippets(
                    GOOD_SNIPPET.replace("Recovery coaches", "Recovery Coaches")
                )
            },
            "knowledge/snippets/funding.yaml:4: snippet mini-extra: text is not found verbatim",
            id="case-changed-quote",
        ),
        pytest.param(
            {
                "roles.yaml": textwrap.dedent(MINI_FILES["roles.yaml"])
                + "  - id: peer-mentor\n    title: Peer mentor\n"
            },
            "knowledge/roles.yaml:7: role peer-mentor: no snippet names it",
            id="role-without-snippet",
        ),
        pytest.param(
            {
                "sources.yaml": textwrap.dedent(MINI_FILES["sources.yaml"]).replace(
                    "[mini.txt]", "[gone.txt]"
                )
            },
            "knowledge/sources.yaml:7: source mini2020: seed file 'gone.txt' is missing",
            id="missing-seed-file",
        ),
        pytest.param(
            {"topics.yaml": ""}, "knowledge/topics.yaml:1: file is empty", id="empty-file"
        ),
        pytest.param(
            {"synonyms.yaml": b"synonyms:\n  - source: caf\xe9\n    staff: [x]\n"},
            "knowledge/synonyms.yaml:2: not valid UTF-8",
            id="non-utf8",
        ),
        pytest.param(
            {"topics.yaml": "topics:\n  - id: funding\n    label: Funding\n    label: Money\n"},
            "knowledge/topics.yaml:4: duplicate key 'label'",
            id="duplicate-key",
        ),
        pytest.param(
            {"topics.yaml": "themes: []\n"},
            "knowledge/topics.yaml:1: expected a mapping with a top-level 'topics' list",
            id="wrong-top-level-key",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(_with_asks("who are recovery coaches?"))},
            "knowledge/snippets/funding.yaml:6: snippet mini-extra: 'asks' must be a list of 2",
            id="too-few-asks",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(_with_asks(*[f"question {n}?" for n in range(6)]))},
            "knowledge/snippets/funding.yaml:6: snippet mini-extra: 'asks' must be a list of 2",
            id="too-many-asks",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(_with_asks("who are coaches?", " "))},
            "knowledge/snippets/funding.yaml:6: snippet mini-extra: 'asks' must be a list of 2",
            id="blank-ask",
        ),
        pytest.param(
            {
                "snippets/funding.yaml": _snippets(
                    _with_asks("Who are coaches?", "who are  coaches")
                )
            },
            "knowledge/snippets/funding.yaml:6: snippet mini-extra: asks must be distinct",
            id="repeated-ask",
        ),
        pytest.param(
            {
                "snippets/funding.yaml": _snippets(
                    _with_asks("What does a recovery coach do", "who are coaches?")
                )
            },
            "knowledge/snippets/roles-duties.yaml:8: snippet mini-coach: ask 'what does a "
            "recovery coach do?' is also an ask of snippet mini-extra (set shared_asks: true",
            id="ask-duplicated-across-snippets",
        ),
        pytest.param(
            {
                "snippets/funding.yaml": _snippets(
                    _with_asks("what does a recovery coach do?", "who are coaches?", shared=True)
                )
            },
            "knowledge/snippets/roles-duties.yaml:8: snippet mini-coach: ask 'what does a "
            "recovery coach do?' is also an ask of snippet mini-extra",
            id="shared-ask-marked-on-one-side-only",
        ),
        pytest.param(
            {"snippets/funding.yaml": _snippets(GOOD_SNIPPET + "  shared_asks: yes please\n")},
            "knowledge/snippets/funding.yaml:6: snippet mini-extra: 'shared_asks' must be true or",
            id="shared-asks-not-bool",
        ),
        pytest.param(
            {"roles.yaml": _roles_with("").replace("[mini-coach]", "[mini-nothing]")},
            "knowledge/roles.yaml:8: role recovery-coach: 'about' names unknown snippet "
            "'mini-nothing'",
            id="role-about-unknown-snippet",
        ),
        pytest.param(
            {"roles.yaml": _roles_with("    unexplained: what a coach does\n")},
            "knowledge/roles.yaml:6: role recovery-coach: 'unexplained' (what the sources lack) "
            "needs 'named_in'",
            id="role-unexplained-without-named-in",
        ),
        pytest.param(
            {
                "roles.yaml": _roles_with(
                    "    unexplained: what a coach does\n    named_in: [mini-gone]\n"
                )
            },
            "knowledge/roles.yaml:8: role recovery-coach: 'about' names unknown snippet "
            "'mini-gone'",
            id="role-named-in-unknown-snippet",
        ),
        pytest.param(
            {"roles.yaml": _roles_with("").replace("about: [mini-coach]", "about: []")},
            "knowledge/roles.yaml:8: role recovery-coach: 'about' must be a non-empty list",
            id="role-about-empty",
        ),
        pytest.param(
            {
                "topics.yaml": str(MINI_CARDS["topics.yaml"]).replace(
                    "[mini-bridger, mini-coach]", "[mini-bridger, mini-bridger]"
                )
            },
            "knowledge/topics.yaml:4: topic roles-duties: 'about' lists a snippet twice",
            id="topic-about-repeated",
        ),
        pytest.param(
            {"concepts.yaml": CONCEPTS.replace("[mini-bridger]", "[mini-gone]")},
            "knowledge/concepts.yaml:2: concept bridging: 'about' names unknown snippet",
            id="concept-about-unknown-snippet",
        ),
        pytest.param(
            {"concepts.yaml": CONCEPTS.replace("[bridging]", "[Bridger]")},
            "knowledge/concepts.yaml:2: concept bridging: name 'Bridger' also names role "
            "peer-bridger",
            id="concept-alias-names-a-role",
        ),
        pytest.param(
            {
                "concepts.yaml": CONCEPTS
                + CONCEPTS.replace("concepts:\n", "").replace("id: bridging", "id: bridge")
            },
            "knowledge/concepts.yaml:6: concept bridge: name 'Peer bridging' also names concept "
            "bridging",
            id="concept-name-used-twice",
        ),
        pytest.param(
            {"concepts.yaml": CONCEPTS + "    peer_support: yes please\n"},
            "knowledge/concepts.yaml:6: concept bridging: 'peer_support' must be true or false",
            id="concept-peer-support-not-a-boolean",
        ),
        pytest.param(
            {"concepts.yaml": CONCEPTS + "    asked_by_name: sometimes\n"},
            "knowledge/concepts.yaml:6: concept bridging: 'asked_by_name' must be true or false",
            id="concept-asked-by-name-not-a-boolean",
        ),
        pytest.param(
            {"concepts.yaml": CONCEPTS.replace("id: bridging", "id: peer-bridger")},
            "knowledge/concepts.yaml:2: concept peer-bridger: id is already used by role",
            id="concept-id-is-a-role-id",
        ),
        pytest.param(
            {"concepts.yaml": CONCEPTS.replace("id: bridging", "id: funding")},
            "knowledge/concepts.yaml:2: concept funding: id is already used by topic",
            id="concept-id-is-a-topic-id",
        ),
        pytest.param(
            {
                "topics.yaml": textwrap.dedent(MINI_FILES["topics.yaml"]).replace(
                    "id: funding", "id: recovery-coach"
                )
            },
            "knowledge/topics.yaml:4: topic recovery-coach: id is already used by role",
            id="topic-id-is-a-role-id",
        ),
        pytest.param(
            {"concepts.yaml": CONCEPTS.replace("    about: [mini-bridger]\n", "")},
            "knowledge/concepts.yaml:2: concept bridging: needs either 'about' (the passages "
            "that define it) or 'unexplained'",
            id="concept-without-about",
        ),
        pytest.param(
            {
                "concepts.yaml": CONCEPTS.replace(
                    "    about: [mini-bridger]\n", "    unexplained: what bridging is\n"
                )
            },
            "knowledge/concepts.yaml:2: concept bridging: needs either 'about'",
            id="concept-unexplained-without-named-in",
        ),
        pytest.param(
            {
                "concepts.yaml": CONCEPTS.replace(
                    "    about: [mini-bridger]\n",
                    "    unexplained: what bridging is\n    named_in: [mini-gone]\n",
                )
            },
            "knowledge/concepts.yaml:2: concept bridging: 'about' names unknown snippet "
            "'mini-gone'",
            id="concept-named-in-unknown-snippet",
        ),
        pytest.param(
            {"concepts.yaml": CONCEPTS + CONCEPTS.replace("concepts:\n", "")},
            "knowledge/concepts.yaml:6: duplicate concept id 'bridging'",
            id="concept-duplicate-id",
        ),
        pytest.param(
            {"uncovered.yaml": UNCOVERED_OK.replace("duplicate", "boring")},
            "knowledge/uncovered.yaml:4: uncovered sentence: unknown reason 'boring'",
            id="uncovered-unknown-reason",
        ),
        pytest.param(
            {"uncovered.yaml": UNCOVERED_OK.replace("leave hospital", "leave the hospital")},
            "knowledge/uncovered.yaml:3: uncovered sentence: text is not found verbatim",
            id="uncovered-not-verbatim",
        ),
        pytest.param(
            {"uncovered.yaml": UNCOVERED_OK.replace("mini.txt", "other.txt")},
            "knowledge/uncovered.yaml:2: seed file 'other.txt' is missing",
            id="uncovered-unknown-seed",
        ),
        pytest.param(
            {"uncovered.yaml": UNCOVERED_OK + UNCOVERED_OK.replace("uncovered:\n", "")},
            "knowledge/uncovered.yaml:5: uncovered sentence listed twice (first at line 2)",
            id="uncovered-listed-twice",
        ),
    ],
)
def test_broken_knowledge_is_reported_with_file_and_line(
    tmp_path: Path, overrides: dict[str, str | bytes], expected: str
) -> None:
    problems = _problems(tmp_path, overrides)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_whitespace_and_line_breaks_are_the_only_thing_forgiven(tmp_path: Path) -> None:
    folded = GOOD_SNIPPET.replace(
        "text: Recovery coaches support people in recovery from substance use.",
        "text: >-\n    Recovery   coaches support\n    people in recovery from substance use.",
    )
    assert _problems(tmp_path, {"snippets/funding.yaml": _snippets(folded)}) == []


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    problems = _problems(
        tmp_path,
        {
            "snippets/funding.yaml": _snippets(GOOD_SNIPPET.replace("mini2020", "nobody1999")),
            "topics.yaml": "topics:\n  - id: Funding Stuff\n    label: x\n",
        },
    )
    files = {problem.split(":")[0] for problem in problems}
    assert {"knowledge/snippets/funding.yaml", "knowledge/topics.yaml"} <= files


def test_load_knowledge_raises_with_all_problems(tmp_path: Path) -> None:
    from bot.knowledge import KnowledgeError

    knowledge, seeds = write_mini_kb(
        tmp_path, {"snippets/funding.yaml": _snippets(GOOD_SNIPPET.replace("mini2020", "x"))}
    )
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge, seeds)
    assert "unknown source 'x'" in str(caught.value)


def test_citation_uses_only_the_fields_the_source_has(tmp_path: Path) -> None:
    knowledge, seeds = write_mini_kb(tmp_path)
    kb = load_knowledge(knowledge, seeds)
    assert kb.sources["mini2020"].citation() == "Ada Example (2020). A small test report."


def test_real_citations_format(real_kb: KnowledgeBase) -> None:
    rogers = real_kb.sources["rogers2017"]
    assert rogers.citation() == (
        "E. Sally Rogers (2017). Peer support services: state of the workforce-state of the "
        "field in the USA. Mental Health and Social Inclusion 21(3), 168-175. "
        "https://doi.org/10.1108/MHSI-03-2017-0015"
    )


def test_asks_cards_concepts_and_uncovered_are_loaded(tmp_path: Path) -> None:
    knowledge, seeds = write_mini_kb(
        tmp_path,
        {
            "roles.yaml": MINI_CARDS["roles.yaml"],
            "topics.yaml": str(MINI_CARDS["topics.yaml"]).replace(
                "    about: [mini-medicaid]\n", ""
            ),
            "concepts.yaml": CONCEPTS,
            "uncovered.yaml": UNCOVERED_OK,
            "snippets/funding.yaml": _snippets(
                _with_asks("Who  helps people\nin recovery?", "what is a recovery coach")
            ),
        },
    )
    kb = load_knowledge(knowledge, seeds, complete=False)
    extra = next(snippet for snippet in kb.snippets if snippet.id == "mini-extra")
    assert extra.asks == ("Who helps people in recovery?", "what is a recovery coach")
    assert extra.shared_asks is False
    assert kb.roles["recovery-coach"].about == ("mini-coach",)
    assert kb.topics["roles-duties"].about == ("mini-bridger", "mini-coach")
    assert kb.topics["funding"].about == ()
    assert kb.concepts["bridging"].names == ("Peer bridging", "bridging")
    assert kb.concepts["bridging"].about == ("mini-bridger",)
    assert [entry.reason for entry in kb.uncovered] == ["duplicate"]


def test_asks_shared_on_purpose_are_accepted(tmp_path: Path) -> None:
    coach = textwrap.dedent(MINI_FILES["snippets/roles-duties.yaml"]).replace(
        "roles: [recovery-coach]\n", "roles: [recovery-coach]\n    shared_asks: true\n"
    )
    extra = _with_asks("what does a recovery coach do?", "who are coaches?", shared=True)
    problems = _problems(
        tmp_path, {"snippets/roles-duties.yaml": coach, "snippets/funding.yaml": _snippets(extra)}
    )
    assert problems == []


def test_new_fields_are_optional_for_the_bot_but_required_by_check(tmp_path: Path) -> None:
    knowledge, seeds = write_mini_kb(tmp_path, {"snippets/funding.yaml": _snippets(GOOD_SNIPPET)})
    assert check_knowledge(knowledge, seeds) == []
    complete = [str(problem) for problem in check_knowledge(knowledge, seeds, complete=True)]
    assert complete == [
        "knowledge/roles.yaml:2: role peer-bridger: has no 'about'",
        "knowledge/roles.yaml:5: role recovery-coach: has no 'about'",
        "knowledge/snippets/funding.yaml:2: snippet mini-extra: has no 'asks'",
        "knowledge/topics.yaml:2: topic roles-duties: has no 'about'",
        "knowledge/topics.yaml:4: topic funding: has no 'about'",
    ]


def test_real_asks_are_not_copied_from_the_dev_questions(real_kb: KnowledgeBase) -> None:
    """Asks are written from the passages; an eval question copied in would flatter the eval."""
    data = yaml.safe_load((PROJECT_ROOT / "tests" / "data" / "questions-dev.yaml").read_text())
    items = [*data.get("answerable", []), *data.get("unanswerable", [])]
    questions = {
        normalise_ask(item if isinstance(item, str) else item["question"]) for item in items
    }
    copied = [
        (snippet.id, ask)
        for snippet in real_kb.snippets
        for ask in snippet.asks
        if normalise_ask(ask) in questions
    ]
    assert copied == []


def test_real_cards_answer_the_basic_what_is_questions(real_kb: KnowledgeBase) -> None:
    """ "What is peer support" and "what does a PSS do" have curated passages to answer from."""
    assert "goutam2020-shared-experience" in real_kb.concepts["peer-support"].about
    assert "lafrance2017-tasks-settings-models" in real_kb.roles["peer-support-specialist"].about
    # A passage that only counts certifying states mentions the role but does not describe it.
    assert "lafrance2017-states-certify" not in real_kb.roles["peer-support-specialist"].about
    # A role only mentioned in passing says what the sources lack instead (`unexplained`).
    assert all(role.about or role.unexplained for role in real_kb.roles.values())
    assert all(topic.about for topic in real_kb.topics.values())
