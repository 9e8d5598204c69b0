"""Block Kit renderers: citations under every quote, escaping, and Slack's limits, as data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bot.answer import Answer, Result, RoleCard, Suggestion
from bot.blocks import (
    EXAMPLE_QUESTIONS,
    MAX_ECHO_CHARS,
    Commands,
    answer_text,
    escape_mrkdwn,
    feedback_value,
    fit_mrkdwn,
    parse_feedback_value,
    parse_share_value,
    render_answer,
    render_help,
    render_home,
    render_notice,
    render_role_card,
    render_role_list,
    share_question_value,
    truncate,
)
from bot.index import SnippetIndex
from bot.knowledge import KnowledgeBase, Role, load_knowledge
from bot.roles import all_roles, role_card
from bot.store import question_hash
from tests.slack.fakes import block_kit_problems, quotes_with_citations, sources_entries, texts


@pytest.fixture
def mini_kb(mini_kb_dirs: tuple[Path, Path]) -> KnowledgeBase:
    return load_knowledge(*mini_kb_dirs)


def _result(
    number: int, text: str = "A passage.", link: str | None = None, source: str = "src"
) -> Result:
    return Result(
        snippet_id=f"s{number}",
        source_id=source,
        text=text,
        citation=f"Ada Example (2020). A <small> & {source} report.",
        link=link,
        kind="survey",
        source_name="Example (2020)",
        score=1.0,
        label=f"Example (2020). A <small> & {source} report",
    )


def _answer(*results: Result, question: str = "a question") -> Answer:
    return Answer(question, True, results, ())


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        pytest.param("<!channel>", "&lt;!channel&gt;", id="channel"),
        pytest.param("<@U123|bob>", "&lt;@U123|bob&gt;", id="user"),
        pytest.param("<https://x|label>", "&lt;https://x|label&gt;", id="link"),
        pytest.param("a & b", "a &amp; b", id="ampersand"),
        pytest.param("&lt;", "&amp;lt;", id="entity-stays-literal"),
    ],
)
def test_escape_mrkdwn(raw: str, escaped: str) -> None:
    assert escape_mrkdwn(raw) == escaped


def test_fit_mrkdwn_never_splits_an_entity() -> None:
    for limit in range(2, 40):
        fitted = fit_mrkdwn("<<<<<<<<<<&&&&&&&&&&>>>>>>>>>>", limit)
        assert len(fitted) <= limit
        body = fitted.removesuffix("…")
        assert body.replace("&lt;", "").replace("&amp;", "").replace("&gt;", "") == ""


def test_truncate_marks_the_cut() -> None:
    assert truncate("short", 10) == "short"
    assert truncate("a" * 20, 10) == "a" * 9 + "…"


def test_every_quote_ends_in_a_mark_that_names_its_linked_work_and_kind() -> None:
    answer = _answer(
        _result(1, "First <quote> & more.", link="https://doi.org/10.1/a|b>c&d", source="a"),
        _result(2, "Second\nquote,   on two lines.", source="b"),
    )
    blocks = render_answer(answer, _kb_stub())
    pairs = quotes_with_citations(blocks)
    assert pairs == [
        (
            "First &lt;quote&gt; &amp; more.",
            "[1] <https://doi.org/10.1/a%7Cb%3Ec&amp;d|Example (2020). A &lt;small&gt; "
            "&amp; a report> · _survey_",
        ),
        (
            "Second quote, on two lines.",
            "[2] Example (2020). A &lt;small&gt; &amp; b report · _survey_",
        ),
    ]
    assert "not clinical or legal advice" in json.dumps(blocks)
    assert block_kit_problems(blocks) == []


def test_a_quote_is_built_once_and_each_reply_gets_its_own_copy() -> None:
    from bot.blocks import _quote_block

    shared = _result(1, "A passage many questions are answered with.")
    first = render_answer(_answer(shared, _result(2, "Another."), question="one"), _kb_stub())
    before = _quote_block.cache_info()
    second = render_answer(_answer(shared, question="two"), _kb_stub())
    after = _quote_block.cache_info()
    assert (after.hits - before.hits, after.misses - before.misses) == (1, 0)
    assert second[0] == first[0]
    second[0]["text"]["text"] = "changed by a caller"  # e.g. a listener editing its reply
    third = render_answer(_answer(shared, question="three"), _kb_stub())
    assert third[0] == first[0]
    assert block_kit_problems(third) == []


def test_three_passages_from_two_works_cite_each_work_once_in_few_blocks() -> None:
    answer = _answer(_result(1, source="a"), _result(2, source="b"), _result(3, source="b"))
    blocks = render_answer(answer, _kb_stub(), echo=True, share=True)
    marks = [
        re.search(r"\[(\d)\]$", block["text"]["text"]).group(1)  # type: ignore[union-attr]
        for block in blocks
        if block["type"] == "section" and block["text"]["text"].startswith("> ")
    ]
    assert marks == ["1", "2", "2"]
    entries = sources_entries(blocks)
    assert sorted(entries) == [1, 2] and all(len(lines) == 1 for lines in entries.values())
    assert "a report" in entries[1][0] and "b report" in entries[2][0]
    assert len(blocks) <= 12
    assert answer_text(answer).endswith("(+2 more passages; 2 works cited)")


def test_a_link_that_is_not_http_is_not_linked() -> None:
    blocks = render_answer(_answer(_result(1, link="javascript:alert(1)")), _kb_stub())
    assert "javascript" not in json.dumps(blocks)


def test_an_answer_cannot_be_built_without_citations() -> None:
    blocks = render_answer(_answer(*(_result(n) for n in range(3))), _kb_stub())
    assert len(quotes_with_citations(blocks)) == 3


def test_echo_is_plain_text_cut_at_the_limit_and_neutral() -> None:
    question = "<!here> *bold* _it_ `code` " + "x" * 500
    blocks = render_answer(_answer(_result(1), question=question), _kb_stub(), echo=True)
    echo = blocks[0]["elements"][0]
    assert echo["type"] == "plain_text"
    assert echo["text"].startswith("You asked: <!here> *bold*")
    assert echo["text"].endswith("…")
    assert len(echo["text"]) <= len("You asked: ") + MAX_ECHO_CHARS
    assert all("<!here>" not in text for text in texts(blocks, "mrkdwn"))


def test_shared_by_only_mentions_a_real_user_id() -> None:
    shared = render_answer(_answer(_result(1)), _kb_stub(), shared_by="U0ALICE")
    assert shared[0]["elements"][0]["text"] == "Shared by <@U0ALICE>"
    forged = render_answer(_answer(_result(1)), _kb_stub(), shared_by="U1> <!channel")
    assert "<!channel" not in json.dumps(forged)


def test_feedback_value_carries_hash_and_ids_never_the_question() -> None:
    question = "my client's name is Jane and she said something private"
    answer = _answer(_result(1), _result(2), question=question)
    value = feedback_value(answer)
    assert "Jane" not in value
    assert parse_feedback_value(value) == (question_hash(question), ("s1", "s2"), None)
    assert parse_feedback_value(feedback_value(Answer(question, False, (), ()))) == (
        question_hash(question),
        (),
        None,
    )


def test_feedback_value_carries_the_question_only_when_kept() -> None:
    question = "what | is a CPS? " * 200
    value = feedback_value(_answer(_result(1), question=question), keep_question=True)
    assert len(value) == 2000
    qhash, ids, kept = parse_feedback_value(value)
    assert (qhash, ids) == (question_hash(question), ("s1",))
    assert kept is not None and question.startswith(kept)


def test_share_values_round_trip_and_fit_a_button() -> None:
    assert parse_share_value(share_question_value("what is a CPS?")) == ("ask", "what is a CPS?")
    assert len(share_question_value("q" * 5000)) == 2000
    assert parse_share_value("role:peer-bridger") == ("role", "peer-bridger")
    assert parse_share_value("garbage") is None


def test_many_or_huge_passages_stay_within_limits() -> None:
    results = [_result(n, "word " * 2000) for n in range(60)]
    blocks = render_answer(_answer(*results), _kb_stub(), echo=True, share=True)
    assert block_kit_problems(blocks) == []
    assert len(blocks) <= 50
    pairs = quotes_with_citations(blocks)
    assert 0 < len(pairs) < 60
    assert all(quote.endswith("…") for quote, _ in pairs)
    assert f"…and {60 - len(pairs)} more passages." in json.dumps(blocks, ensure_ascii=False)


def test_no_answer_says_so_suggests_and_names_the_sources(mini_kb: KnowledgeBase) -> None:
    answer = Answer(
        "salary?",
        False,
        (),
        (
            Suggestion("role", "peer-bridger", "Peer bridger"),
            Suggestion("topic", "funding", "Funding"),
        ),
    )
    blocks = render_answer(answer, mini_kb, echo=True)
    mrkdwn = "\n".join(texts(blocks, "mrkdwn"))
    assert quotes_with_citations(blocks) == []
    assert "do not cover this question" in mrkdwn
    assert "Nearest roles and topics they do cover:" in mrkdwn
    assert "Example (2020)" in mrkdwn
    suggestions = next(block for block in blocks if block.get("block_id") == "suggestions")
    assert [(b["action_id"], b["value"], b["text"]["text"]) for b in suggestions["elements"]] == [
        ("role_pick_0", "peer-bridger", "Peer bridger"),
        ("topic_pick_1", "funding", "Funding"),
    ]
    payload = json.dumps(blocks)
    assert "share_in_channel" not in payload
    assert answer_text(answer) == "The sources peerbot quotes do not cover this question."


def test_a_question_naming_no_topic_is_asked_what_it_is_about(mini_kb: KnowledgeBase) -> None:
    """A vague question is not told the sources lack its answer: it is asked for a topic."""
    answer = Answer(
        "where do i start?", False, (), (Suggestion("topic", "funding", "Funding"),), vague=True
    )
    blocks = render_answer(answer, mini_kb, echo=True)
    assert block_kit_problems(blocks) == []
    mrkdwn = "\n".join(texts(blocks, "mrkdwn"))
    assert "does not say what it is about" in mrkdwn
    assert "naming a role, a topic or a study" in mrkdwn
    assert "do not cover this question" not in mrkdwn
    assert any(block.get("block_id") == "suggestions" for block in blocks)
    assert answer_text(answer) == "Your question does not say what it is about."


@pytest.mark.parametrize(
    "answered", [pytest.param(True, id="answered"), pytest.param(False, id="declined")]
)
def test_crisis_notice_comes_first_bold_with_988_links_only_for_crisis_wording(
    answered: bool,
) -> None:
    assert render_notice(None) == []
    results = (_result(1),) if answered else ()
    notice = "Call or text <988> *now* & stay safe"
    crisis = Answer("q", answered, results, (), crisis=True)
    blocks = render_answer(crisis, _kb_stub(), crisis_notice=notice)
    first, links = blocks[0]["text"]["text"].split("\n")
    assert first == ":rotating_light: *Call or text &lt;988&gt; now &amp; stay safe*"
    assert "<tel:988|Call 988>" in links and "<sms:988|text 988>" in links
    assert answer_text(crisis, notice).startswith("Call or text &lt;988&gt; *now* &amp; stay safe ")
    calm = Answer("q", answered, results, (), crisis=False)
    assert "988" not in json.dumps(render_answer(calm, _kb_stub(), crisis_notice=notice))
    assert "988" not in answer_text(calm, notice)


def test_the_block_budget_never_cuts_the_crisis_notice() -> None:
    many = Answer("q", True, tuple(_result(n, source=f"w{n}") for n in range(80)), (), crisis=True)
    blocks = render_answer(many, _kb_stub(), echo=True, share=True, crisis_notice="Call 988")
    assert len(blocks) == 50 and block_kit_problems(blocks) == []
    assert blocks[0]["text"]["text"].startswith(":rotating_light: *Call 988*")
    assert len(quotes_with_citations(blocks)) > 0


def test_a_notice_without_988_gets_no_988_links() -> None:
    (block,) = render_notice("In Australia call Lifeline on 13 11 14.")
    assert "tel:" not in block["text"]["text"]
    assert block["text"]["text"].startswith(":rotating_light: *In Australia")


def test_a_partial_answer_says_what_is_missing_then_labels_related_passages() -> None:
    related = (_result(1, "Related one.", source="a"), _result(2, "Related two.", source="a"))
    answer = Answer(
        "how much are CPSs paid?", False, (), (), missing="pay figures", related=related
    )
    assert answer.partial
    blocks = render_answer(answer, _kb_stub(), echo=True)
    mrkdwn = [text for text in texts(blocks, "mrkdwn")]
    missing_at = next(
        n for n, t in enumerate(mrkdwn) if "The sources do not give pay figures." in t
    )
    related_at = next(n for n, t in enumerate(mrkdwn) if "*not an answer*" in t)
    first_quote = next(n for n, t in enumerate(mrkdwn) if t.startswith("> "))
    assert missing_at < related_at < first_quote
    pairs = quotes_with_citations(blocks)
    assert [quote for quote, _ in pairs] == ["Related one.", "Related two."]
    assert sorted(sources_entries(blocks)) == [1]
    assert block_kit_problems(blocks) == []
    assert answer_text(answer) == "The sources do not give pay figures. 2 related passages."


def test_role_card_with_many_passages_stays_within_limits() -> None:
    results = tuple(_result(n, "long " * 700) for n in range(60))
    card = RoleCard("cps", "certified-peer-specialist", "C" * 300, ("CPS", "<b>"), results, ())
    blocks = render_role_card(card, _kb_stub(), share=True)
    assert block_kit_problems(blocks) == []
    assert blocks[1]["type"] == "header" and blocks[1]["text"]["text"].endswith("…")
    assert "Also called: CPS, &lt;b&gt;" in json.dumps(blocks)
    assert '"value": "role:certified-peer-specialist"' in json.dumps(blocks)


def test_role_list_with_many_roles_stays_within_limits() -> None:
    roles = [
        Role(f"role-{n}", f"Role title number {n} " + "x" * 80, ("alias",)) for n in range(150)
    ]
    blocks = render_role_list(roles)
    assert block_kit_problems(blocks) == []
    menu = blocks[-1]["elements"][0]
    assert len(menu["options"]) == 100


def test_mini_kb_role_card_and_list(mini_kb: KnowledgeBase) -> None:
    blocks = render_role_card(role_card(mini_kb, "bridger"), mini_kb)
    (pair,) = quotes_with_citations(blocks)
    assert pair[0].startswith("Peer bridgers help people leave hospital")
    listed = render_role_list(all_roles(mini_kb))
    assert "*Recovery coach*" in json.dumps(listed)


def test_help_and_home_name_commands_roles_and_sources(mini_kb: KnowledgeBase) -> None:
    commands = Commands("/ask-it", "/role-it", "/help-it")
    help_blocks = render_help(mini_kb, commands)
    home = render_home(mini_kb, commands, all_roles(mini_kb))
    for blocks, limit in ((help_blocks, 50), (home["blocks"], 100)):
        assert block_kit_problems(blocks, max_blocks=limit) == []
        mrkdwn = "\n".join(texts(blocks, "mrkdwn"))
        assert "/ask-it" in mrkdwn and "/role-it" in mrkdwn and "/help-it" in mrkdwn
        assert EXAMPLE_QUESTIONS[0] in mrkdwn
    actions = next(block for block in home["blocks"] if block["type"] == "actions")
    ask, picker = actions["elements"]
    assert ask["action_id"] == "home_ask"
    assert [option["value"] for option in picker["options"]] == ["peer-bridger", "recovery-coach"]
    assert "Example (2020). A small test report" in json.dumps(home)


def _kb_stub() -> KnowledgeBase:
    return KnowledgeBase(sources={}, topics={}, roles={}, synonyms=(), snippets=(), version="x")


# --- the shipped knowledge base -----------------------------------------------------------------


def test_longest_real_snippet_renders_within_limits(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    longest = max(kb.snippets, key=lambda snippet: len(snippet.text))
    result = Result.from_snippet(kb, longest, 1.0)
    blocks = render_answer(_answer(*([result] * 10)), kb, echo=True, share=True)
    assert block_kit_problems(blocks) == []
    assert quotes_with_citations(blocks)[0][0] == escape_mrkdwn(" ".join(longest.text.split()))


def test_largest_real_role_card_renders_within_limits(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    largest = max(kb.roles.values(), key=lambda role: len(kb.snippets_for_role(role.id)))
    card = role_card(kb, largest.title)
    blocks = render_role_card(card, kb, share=True)
    assert block_kit_problems(blocks) == []
    assert 1 <= len(quotes_with_citations(blocks)) <= 4


def test_real_role_list_help_and_home_within_limits(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    assert block_kit_problems(render_role_list(all_roles(kb))) == []
    assert block_kit_problems(render_help(kb, Commands())) == []
    home = render_home(kb, Commands(), all_roles(kb))
    assert block_kit_problems(home["blocks"], max_blocks=100) == []
    text = json.dumps(home)
    for source in kb.sources.values():
        assert escape_mrkdwn(source.short_label) in text
    for role in kb.roles.values():
        assert escape_mrkdwn(role.title) in text


@pytest.mark.parametrize("question", EXAMPLE_QUESTIONS)
def test_example_questions_are_answered_by_the_real_knowledge_base(
    real_index: SnippetIndex, question: str
) -> None:
    assert real_index.search(question, k=3).answered
