"""Replies read at a glance: citation labels from data, faceted role cards with paging,
"Show in source", topic overviews, the App Home modals, and `peerbot render`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.answer import Result, RoleCard
from bot.blocks import (
    Commands,
    escape_mrkdwn,
    render_answer,
    render_ask_modal,
    render_help,
    render_home,
    render_in_source,
    render_role_card,
    render_role_modal,
    render_role_page,
    render_topic,
)
from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.excerpt import around, excerpt
from bot.index import SnippetIndex
from bot.knowledge import (
    KnowledgeBase,
    Role,
    Source,
    collapse_whitespace,
    cut_at_word,
    is_organisation,
    label_warnings,
)
from bot.roles import FACETS, distinct_aliases, role_card, summarise
from bot.topics import topic_overview
from tests.conftest import write_mini_kb
from tests.slack.fakes import block_kit_problems, quotes_with_citations, sources_entries, texts

SEEDS = PROJECT_ROOT / "seeds"


def _source(**fields: object) -> Source:
    base: dict[str, object] = {
        "id": "x",
        "authors": ("Ada Example",),
        "year": 2020,
        "title": None,
        "description": "A long description of what this work is about and how it was written",
        "venue": None,
        "volume": "21",
        "issue": "3",
        "pages": "1-9",
        "doi": None,
        "url": None,
        "kind": "review",
        "seeds": ("x.txt",),
    }
    base.update(fields)
    return Source(**base)  # type: ignore[arg-type]


# --- citation labels ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        pytest.param("Peers for Progress", True, id="joining-word"),
        pytest.param("SAMHSA", True, id="acronym"),
        pytest.param("National Alliance on Mental Illness", True, id="keyword"),
        pytest.param("E. Sally Rogers", False, id="person"),
        pytest.param("Ludwig van Beethoven", False, id="particle"),
        pytest.param("Goutam", False, id="surname-only"),
    ],
)
def test_organisations_are_told_from_people(name: str, organisation: bool) -> None:
    assert is_organisation(name) is organisation


def test_an_organisation_author_is_named_whole_everywhere(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    assert kb.sources["peersforprogress"].short_name == "Peers for Progress (n.d.)"
    answer = real_index.search("Does Medicaid pay for peer support?", k=3)
    assert "peersforprogress" in {result.source_id for result in answer.results}
    entries = [
        line for lines in sources_entries(render_answer(answer, kb)).values() for line in lines
    ]
    assert any("Peers for Progress (n.d.). Integrating Peer Supporters" in e for e in entries)
    assert "Peers for Progress (n.d.)" in json.dumps(render_help(kb, Commands()))
    assert "Peers for Progress (n.d.)" in json.dumps(render_home(kb, Commands(), ()))
    for result in answer.results:
        assert not result.source_name.startswith("Progress")


def test_volume_and_pages_only_with_a_venue() -> None:
    bare = _source()
    assert "21" not in bare.citation() and "1-9" not in bare.citation()
    journal = _source(venue="Mental Health and Social Inclusion")
    assert "Mental Health and Social Inclusion 21(3), 1-9." in journal.citation()


def test_a_curated_label_replaces_a_bracketed_description() -> None:
    labelled = _source(label="Evidence for peer support")
    assert labelled.short_label == "Example (2020). Evidence for peer support"
    unlabelled = _source()
    assert len(unlabelled.short_title) <= 60 and unlabelled.short_title.endswith("…")
    assert "[" not in unlabelled.short_label


def test_cut_at_word_keeps_whole_words() -> None:
    assert cut_at_word("short", 60) == "short"
    cut = cut_at_word("Peer support services: state of the workforce-state of the field", 40)
    assert cut == "Peer support services: state of the…" and len(cut) <= 40


def test_every_real_source_has_a_short_label_under_sixty_characters(real_kb: KnowledgeBase) -> None:
    assert label_warnings(real_kb) == []
    for source in real_kb.sources.values():
        assert source.short_title and len(source.short_title) <= 60
        assert not source.short_title.startswith("Abstract of")


def test_check_warns_on_a_long_label(tmp_path: Path) -> None:
    long_label = "A label that runs on and on well past what fits on a single line of text"
    sources = f"""\
        sources:
          - id: mini2020
            authors: [Ada Example]
            year: 2020
            title: A small test report
            label: "{long_label}"
            kind: report
            seeds: [mini.txt]
        """
    knowledge, seeds = write_mini_kb(tmp_path, {"sources.yaml": sources})
    env = {"PEERBOT_KNOWLEDGE_DIR": str(knowledge), "PEERBOT_SEEDS_DIR": str(seeds)}
    result = CliRunner().invoke(main, ["check"], env=env)
    assert result.exit_code == 0, result.output
    assert f"warning: source mini2020: label is {len(long_label)} characters" in result.output


# --- role cards -----------------------------------------------------------------------------------


def test_aliases_shown_are_the_distinct_names() -> None:
    role = Role(
        "certified-peer-specialist",
        "Certified peer specialist",
        ("certified peer specialists", "CPS", "CPSs", "peer counsellor"),
    )
    assert distinct_aliases(role) == ("CPS", "peer counsellor")


def test_the_cps_card_is_a_faceted_summary_within_fifteen_blocks(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    card = role_card(kb, "CPS")
    blocks = render_role_card(card, kb, echo=True, share=True)
    assert len(blocks) <= 15 and block_kit_problems(blocks) == []
    headings = [
        t.split("\n")[0] for t in texts(blocks, "mrkdwn") if t.startswith("*") and "\n> " in t
    ]
    assert headings == [
        "*What they do*",
        "*Where they work*",
        "*Training and certification*",
        "*Funding*",
    ]
    assert len(quotes_with_citations(blocks)) == 4
    entries = sources_entries(blocks)
    assert all(len(lines) == 1 for lines in entries.values())
    buttons = [e for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert [b["action_id"] for b in buttons] == ["role_more", "share_in_channel"]
    assert '"Also called: CPS"' in json.dumps(blocks)


def test_more_pages_through_every_passage_exactly_once(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    for role in kb.roles.values():
        card = role_card(kb, role.title)
        shown = [r.text for _, r in summarise(kb, card).sections]
        blocks = render_role_card(card, kb, share=True)
        more = [
            e
            for b in blocks
            if b["type"] == "actions"
            for e in b["elements"]
            if e["action_id"] == "role_more"
        ]
        while more:
            role_id, _, start = more[0]["value"].rpartition(":")
            assert role_id == role.id
            page = render_role_page(card, kb, int(start))
            assert block_kit_problems(page) == []
            shown += [quote for quote, _ in quotes_with_citations(page)]
            more = [
                e
                for b in page
                if b["type"] == "actions"
                for e in b["elements"]
                if e["action_id"] == "role_more"
            ]
        expected = [collapse_whitespace(r.text) for r in card.results]
        assert sorted(collapse_whitespace(t).replace("&amp;", "&") for t in shown) == sorted(
            expected
        ), role.id


def test_facets_cover_the_topics_named_in_the_issue(real_kb: KnowledgeBase) -> None:
    topics = {topic for facet in FACETS for topic in facet.topics}
    assert {
        "roles-duties",
        "settings",
        "training-certification",
        "funding",
        "evidence-outcomes",
    } <= topics
    assert topics <= set(real_kb.topics)


def test_a_small_card_is_shown_whole_without_more(mini_kb_dirs: tuple[Path, Path]) -> None:
    from bot.knowledge import load_knowledge

    kb = load_knowledge(*mini_kb_dirs)
    blocks = render_role_card(role_card(kb, "bridger"), kb, share=True)
    assert "role_more" not in json.dumps(blocks)


def test_the_role_modal_lists_every_passage_without_buttons(real_index: SnippetIndex) -> None:
    kb = real_index.kb
    card = role_card(kb, "CPS")
    view = render_role_modal(card, kb)
    assert block_kit_problems(view["blocks"], max_blocks=100) == []
    assert len(quotes_with_citations(view["blocks"])) == len(card.results)
    assert '"button"' not in json.dumps(view)


# --- Show in source -------------------------------------------------------------------------------


def test_around_gives_whole_neighbouring_sentences() -> None:
    text = "One is first. Two comes next. Three is the passage. Four follows. Five ends."
    assert around(text, "Three is the passage.") == ("Two comes next. ", " Four follows. ")
    assert around(text, "the passage.") == ("Two comes next. Three is ", " Four follows. ")
    assert around(text, "One is first.") == ("", " Two comes next. ")
    assert around(text, "Three is the") == ("Two comes next. ", " passage. ")
    assert around(text, "missing") is None


def test_show_in_source_is_verbatim_from_the_seed_around_every_passage(
    real_index: SnippetIndex,
) -> None:
    kb = real_index.kb
    for snippet in kb.snippets:
        found = excerpt(kb, SEEDS, snippet.id)
        assert found is not None, snippet.id
        seed = collapse_whitespace((SEEDS / found.seed).read_text(encoding="utf-8"))
        assert found.before + found.passage + found.after in seed
        assert found.passage == snippet.text
        blocks = render_in_source(found)
        assert block_kit_problems(blocks) == []
        shown = [b["text"]["text"] for b in blocks if b["type"] == "section"]
        assert shown[1 if found.before.strip(" -•*·") else 0] == "> " + escape_mrkdwn(snippet.text)
        for text in shown:
            plain = text.removeprefix("> ").strip("…")
            plain = plain.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            assert plain in seed, (snippet.id, plain)
        assert found.source.citation(with_link=False)[:40] in json.dumps(blocks).replace(
            "&amp;", "&"
        )


def test_show_in_source_of_an_unknown_snippet_is_none(real_kb: KnowledgeBase) -> None:
    assert excerpt(real_kb, SEEDS, "no-such-snippet") is None


# --- topics and modals ----------------------------------------------------------------------------


def test_topic_overview_quotes_the_topics_passages(real_kb: KnowledgeBase) -> None:
    overview = topic_overview(real_kb, "funding")
    assert overview is not None and 1 <= len(overview.results) <= 4
    funding = {s.id for s in real_kb.snippets if "funding" in s.topics}
    assert {r.snippet_id for r in overview.results} <= funding
    blocks = render_topic(overview)
    assert block_kit_problems(blocks) == [] and len(quotes_with_citations(blocks)) == len(
        overview.results
    )
    assert topic_overview(real_kb, "nope") is None


def test_ask_modal_has_a_question_input() -> None:
    view = render_ask_modal()
    assert view["callback_id"] == "ask_modal" and view["submit"]["text"] == "Ask"
    assert block_kit_problems(view["blocks"], max_blocks=100) == []
    assert view["blocks"][0]["element"]["action_id"] == "question"


def test_stale_card_passages_still_render(real_kb: KnowledgeBase) -> None:
    ghost = Result("gone", "src", "A passage.", "Cite.", None, "review", "X (2020)", 0.0, "X")
    card = RoleCard("ghost", "ghost", "Ghost", (), (ghost,) * 6, ())
    blocks = render_role_card(card, real_kb, share=True)
    assert len(quotes_with_citations(blocks)) == 1 and block_kit_problems(blocks) == []


# --- peerbot render -------------------------------------------------------------------------------


def test_render_writes_block_kit_json_and_html() -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["render", "Does Medicaid pay for peer support?"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert len(payload["blocks"]) <= 12 and quotes_with_citations(payload["blocks"])
    html = runner.invoke(main, ["render", "CPS", "--role", "--format", "html"])
    assert html.exit_code == 0 and html.output.startswith("<!doctype html>")
    assert "Certified peer specialist" in html.output and "blocks</div>" in html.output
    home = runner.invoke(main, ["render", "--home", "--format", "html"])
    assert home.exit_code == 0 and "Ask a question" in home.output
    assert runner.invoke(main, ["render"]).exit_code == 2


def test_preview_translates_mrkdwn_and_never_passes_html_through() -> None:
    from bot.preview import blocks_html, mrkdwn_html

    rendered = mrkdwn_html(
        "> a &amp; <script> [1]\n*Sources* <https://doi.org/10.1/x|Lab &lt;el&gt;>"
    )
    assert rendered == (
        "<blockquote>a &amp; &lt;script&gt; [1]</blockquote><br><b>Sources</b> "
        '<a href="https://doi.org/10.1/x">Lab &lt;el&gt;</a>'
    )
    page = blocks_html([{"type": "divider"}], text="<img src=x>")
    assert "<img" not in page and "1 blocks" in page
