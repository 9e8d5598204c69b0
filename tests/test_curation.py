"""Keeping the knowledge base: add-source, draft, accept, and eval --save/--compare.

Every test works on a temporary copy of knowledge/ and seeds/ (never the repository's), drives
the real `peerbot` CLI, and builds its documents for real: PDFs are written with fpdf2 (one
with a text layer, one that is only an image, as a scanner makes), HTML pages are plain files.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from fpdf import FPDF
from PIL import Image, ImageDraw

from bot import knowledge as knowledge_module
from bot.cli import main
from bot.curation.eval_diff import Shown, compare
from bot.curation.passages import passages, sentences
from bot.knowledge import collapse_whitespace, load_knowledge
from tests.conftest import REAL_KNOWLEDGE, REAL_SEEDS, write_mini_kb

GUIDE_PARAGRAPHS = [
    "Example State Peer Specialist Certification Guide",
    "The Example State Board certifies peer specialists who have lived experience of mental "
    "health recovery. To be certified, an applicant completes 46 hours of approved classroom "
    "training and passes the Example State peer specialist examination.",
    "Certified peer specialists renew their certification every two years. Renewal requires 20 "
    "hours of continuing education, including 3 hours of ethics training.",
    "Smith et al. (2021) describe the first cohort of certified peers in the U.S. Midwest. "
    "Their survey found that most new peer specialists worked in community mental health "
    "centers.",
    "References",
    "Smith, J. A., Lee, K., & Park, M. (2021). Peer certification outcomes. Journal of Peer "
    "Work, 4(2), 10-20.",
]
TRAINING_SENTENCE = (
    "To be certified, an applicant completes 46 hours of approved classroom training and passes "
    "the Example State peer specialist examination."
)
RENEWAL_SENTENCE = (
    "Renewal requires 20 hours of continuing education, including 3 hours of ethics training."
)

PAGE = """<!doctype html>
<html><head>
<title>Peer Respite Houses | Example Network</title>
<meta name="author" content="Jordan Example">
<meta name="citation_publication_date" content="2022/05/01">
<script>var tracking = "Peer respite houses are staffed entirely by wizards.";</script>
<style>p { color: red; }</style>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/about">About us</a></li>
<li><a href="/contact">Contact</a></li></ul></nav>
<main><article>
<h1>Peer Respite Houses</h1>
<p>A peer respite is a voluntary, short-term, overnight program that provides community-based,
non-clinical crisis support to help people find new understanding and ways to move forward.</p>
<p>Peer respites are staffed and operated by people with lived experience of the mental health
system. Guests usually stay between one and seven nights.</p>
<p>Dr. Rivera &amp; colleagues found that guests of peer respites used fewer inpatient and
emergency services than comparable adults in the U.S. state they studied.</p>
</article></main>
<form><p>Sign up for our newsletter to receive the latest news.</p>
<p>Enter your email address below and press Subscribe.</p></form>
<footer><p>&copy; 2022 Example Network. All rights reserved. Privacy policy.</p></footer>
</body></html>
"""


@pytest.fixture
def kb_copy(tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the real knowledge/ and seeds/."""
    knowledge, seeds = tmp_path / "copy" / "knowledge", tmp_path / "copy" / "seeds"
    shutil.copytree(REAL_KNOWLEDGE, knowledge)
    shutil.copytree(REAL_SEEDS, seeds)
    return knowledge, seeds


def _env(knowledge: Path, seeds: Path) -> dict[str, str]:
    return {
        "PEERBOT_KNOWLEDGE_DIR": str(knowledge),
        "PEERBOT_SEEDS_DIR": str(seeds),
        "PEERBOT_INDEX_CACHE": "false",
    }


def _run(dirs: tuple[Path, Path], *args: str) -> Result:
    return CliRunner().invoke(main, list(args), env=_env(*dirs))


def _snapshot(*roots: Path) -> dict[str, bytes]:
    return {
        str(path): path.read_bytes() for root in roots for path in root.rglob("*") if path.is_file()
    }


def write_text_pdf(path: Path, paragraphs: list[str], title: str, author: str) -> Path:
    pdf = FPDF()
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.output(str(path))
    return path


def write_scanned_pdf(path: Path, tmp_path: Path) -> Path:
    """A PDF whose only page is a picture of text, as a scanner without OCR produces."""
    picture = Image.new("L", (800, 300), color=255)
    ImageDraw.Draw(picture).text((20, 20), "Peer support certification guide", fill=0)
    image_path = tmp_path / "scan.png"
    picture.save(image_path)
    pdf = FPDF()
    pdf.add_page()
    pdf.image(str(image_path), x=10, y=10, w=190)
    pdf.output(str(path))
    return path


def _sources(knowledge: Path) -> list[dict[str, object]]:
    return list(yaml.safe_load((knowledge / "sources.yaml").read_text(encoding="utf-8"))["sources"])


def _review_source(knowledge: Path, source_id: str, fields: dict[str, str]) -> None:
    """What a curator does after checking the entry: fill the fields, delete `review:`."""
    text = (knowledge / "sources.yaml").read_text(encoding="utf-8")
    head, _, entry = text.partition(f"- id: {source_id}\n")
    entry = re.sub(r"^ *review: .*\n", "", entry, flags=re.MULTILINE)
    for key, value in fields.items():
        entry = re.sub(rf"^( *){key}: .*$", rf"\g<1>{key}: {value}", entry, flags=re.MULTILINE)
    (knowledge / "sources.yaml").write_text(f"{head}- id: {source_id}\n{entry}", encoding="utf-8")


def _loader_knows_asks() -> bool:
    # Whether the snippet loader on this branch accepts (and so requires) curated `asks:`.
    return "asks" in knowledge_module._SNIPPET_FIELDS


def _mark_reviewed(draft: Path, wanted: dict[str, tuple[list[str], list[str]]]) -> list[str]:
    """Mark the entries containing each wanted sentence reviewed, with topics and asks."""
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    chosen = []
    for entry in data["snippets"]:
        for sentence, (topics, asks) in wanted.items():
            if sentence in entry["text"]:
                entry["reviewed"] = True
                entry["topics"] = topics
                entry["asks"] = asks if _loader_knows_asks() else []
                chosen.append(entry["id"])
    draft.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return chosen


def test_pdf_end_to_end_add_draft_accept_and_answer(
    kb_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    knowledge, seeds = kb_copy
    shipped_kb = load_knowledge(knowledge, seeds)
    shipped, sources = len(shipped_kb.snippets), len(shipped_kb.sources)
    pdf = write_text_pdf(
        tmp_path / "Example State Guide.pdf", GUIDE_PARAGRAPHS, "Certification Guide", "Ann Ames"
    )
    added = _run(kb_copy, "add-source", str(pdf))
    assert added.exit_code == 0, added.output
    seed = seeds / "example-state-guide.txt"
    seed_text = seed.read_text(encoding="utf-8")
    assert TRAINING_SENTENCE in collapse_whitespace(seed_text)
    (entry,) = [s for s in _sources(knowledge) if s["id"] == "example-state-guide"]
    assert entry["title"] == "Certification Guide" and entry["authors"] == ["Ann Ames"]
    assert entry["year"] is None and entry["kind"] is None  # not stated, so not invented
    assert "review" in entry and entry["seeds"] == ["example-state-guide.txt"]

    checked = _run(kb_copy, "check")
    assert checked.exit_code == 0, checked.output
    assert "example-state-guide" in checked.output and "marked for review" in checked.output

    drafted = _run(kb_copy, "draft", "example-state-guide.txt")
    assert drafted.exit_code == 0, drafted.output
    draft = knowledge / "drafts" / "example-state-guide.yaml"
    data = yaml.safe_load(draft.read_text(encoding="utf-8"))
    texts = [entry["text"] for entry in data["snippets"]]
    assert all(text in collapse_whitespace(seed_text) for text in texts)
    assert all(1 <= len(sentences(text)) <= 3 for text in texts)
    assert all(entry["asks"] == [] and entry["reviewed"] is False for entry in data["snippets"])
    # "et al." and "U.S." do not end sentences; the reference list is dropped, not proposed.
    assert any(text.startswith("Smith et al. (2021) describe the first cohort") for text in texts)
    assert any("in the U.S. Midwest." in text for text in texts)
    assert not any("Peer certification outcomes" in text for text in texts)
    references = " ".join(item["text"] for item in data["dropped"] if item["reason"] == "reference")
    assert collapse_whitespace(GUIDE_PARAGRAPHS[-1]) in references
    certify = next(entry for entry in data["snippets"] if TRAINING_SENTENCE in entry["text"])
    assert "training-certification" in certify["topics"]  # suggested from similar snippets
    assert "peer-specialist" in certify["roles"]
    # The draft is reported by `peerbot check` but not loaded.
    checked = _run(kb_copy, "check")
    assert checked.exit_code == 0 and "drafts/example-state-guide.yaml" in checked.output
    assert f"ok: {shipped} snippets from {sources} sources" in checked.output

    refused = _run(kb_copy, "draft", "--accept", str(draft))
    assert refused.exit_code == 1 and "no entry is marked `reviewed: true`" in refused.output
    chosen = _mark_reviewed(
        draft,
        {
            TRAINING_SENTENCE: (
                ["training-certification"],
                ["How many training hours for peer certification?", "What is the exam?"],
            ),
            RENEWAL_SENTENCE: (
                ["training-certification"],
                ["How often do I renew my certification?", "Do I need continuing education?"],
            ),
        },
    )
    assert len(chosen) == 2
    early = _run(kb_copy, "draft", "--accept", str(draft))
    assert early.exit_code == 1 and "still marked for review" in early.output
    _review_source(knowledge, "example-state-guide", {"year": "2024", "kind": "report"})
    accepted = _run(kb_copy, "draft", "--accept", str(draft))
    assert accepted.exit_code == 0, accepted.output
    assert "snippets/training-certification.yaml: +2 snippet(s)" in accepted.output
    filed = (knowledge / "snippets" / "training-certification.yaml").read_text(encoding="utf-8")
    assert all(f"- id: {snippet_id}" in filed for snippet_id in chosen)
    remaining = yaml.safe_load(draft.read_text(encoding="utf-8"))["snippets"]
    assert {entry["id"] for entry in remaining}.isdisjoint(chosen) and remaining

    checked = _run(kb_copy, "check")
    assert checked.exit_code == 0, checked.output
    assert f"ok: {shipped + 2} snippets from {sources + 1} sources" in checked.output
    asked = _run(
        kb_copy, "ask", "--json", "how many hours of training to get certified as a peer specialist"
    )
    payload = json.loads(asked.output)
    assert payload["answered"] is True
    assert payload["results"][0]["snippet_id"] in chosen
    assert "Ann Ames (2024). Certification Guide." in payload["results"][0]["citation"]


def test_html_page_keeps_its_text_and_drafts_drop_the_boilerplate(
    kb_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    knowledge, seeds = kb_copy
    page = tmp_path / "peer-respite.html"
    page.write_text(PAGE, encoding="utf-8")
    added = _run(kb_copy, "add-source", str(page))
    assert added.exit_code == 0, added.output
    seed_text = (seeds / "peer-respite.txt").read_text(encoding="utf-8")
    assert "wizards" not in seed_text and "color: red" not in seed_text
    assert "Dr. Rivera & colleagues found" in seed_text  # entities decoded
    assert "We use cookies" in seed_text  # the seed is the page; drafts drop boilerplate
    (entry,) = [s for s in _sources(knowledge) if s["id"] == "peer-respite"]
    assert entry["title"] == "Peer Respite Houses | Example Network"
    assert entry["authors"] == ["Jordan Example"] and entry["year"] == 2022

    assert _run(kb_copy, "draft", "peer-respite").exit_code == 0
    data = yaml.safe_load((knowledge / "drafts" / "peer-respite.yaml").read_text("utf-8"))
    texts = [entry["text"] for entry in data["snippets"]]
    assert texts == [
        "A peer respite is a voluntary, short-term, overnight program that provides "
        "community-based, non-clinical crisis support to help people find new understanding and "
        "ways to move forward.",
        "Peer respites are staffed and operated by people with lived experience of the mental "
        "health system. Guests usually stay between one and seven nights.",
        "Dr. Rivera & colleagues found that guests of peer respites used fewer inpatient and "
        "emergency services than comparable adults in the U.S. state they studied.",
    ]
    reasons = {item["text"]: item["reason"] for item in data["dropped"]}
    assert reasons["We use cookies to improve your experience."] == "boilerplate"
    assert reasons["Sign up for our newsletter to receive the latest news."] == "boilerplate"
    assert reasons["Enter your email address below and press Subscribe."] == "boilerplate"
    assert reasons["Home"] == "navigation" and reasons["Contact"] == "heading"
    assert reasons["© 2022 Example Network."] == "navigation"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("empty.txt", "has no text to quote", id="empty-file"),
        pytest.param("blank.md", "has no text to quote", id="whitespace-only"),
        pytest.param("scan.pdf", "looks like a scanned PDF", id="scanned-pdf"),
        pytest.param("only-script.html", "has no text to quote", id="html-without-text"),
        pytest.param("latin1.txt", "not UTF-8 text", id="not-utf8"),
        pytest.param("notes.docx", "unsupported file type '.docx'", id="unsupported"),
        pytest.param("again.txt", "already added: seeds/lafrance-2017", id="already-added"),
    ],
)
def test_refused_files_get_a_clear_error_and_change_nothing(
    kb_copy: tuple[Path, Path], tmp_path: Path, name: str, expected: str
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "blank.md").write_text("  \n\n\t\n", encoding="utf-8")
    write_scanned_pdf(inbox / "scan.pdf", tmp_path)
    (inbox / "only-script.html").write_text(
        "<html><head><title>T</title><script>x = 1</script></head><body></body></html>",
        encoding="utf-8",
    )
    (inbox / "latin1.txt").write_bytes("Peer support in Montréal.".encode("latin-1"))
    (inbox / "notes.docx").write_bytes(b"PK\x03\x04")
    # Same text as a seed already there, with different line breaks: still the same document.
    original = (
        REAL_SEEDS / "lafrance-2017-peer-support-providers-literature-review.txt"
    ).read_text(encoding="utf-8")
    (inbox / "again.txt").write_text(original.replace("\n", "\n\n"), encoding="utf-8")
    before = _snapshot(*kb_copy)
    result = _run(kb_copy, "add-source", str(inbox / name))
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    assert _snapshot(*kb_copy) == before


def test_scanned_pdf_message_says_what_to_do(kb_copy: tuple[Path, Path], tmp_path: Path) -> None:
    result = _run(kb_copy, "add-source", str(write_scanned_pdf(tmp_path / "s.pdf", tmp_path)))
    assert "images with no text layer" in result.output and "OCR" in result.output


def test_a_second_add_of_the_same_pdf_is_refused(
    kb_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    pdf = write_text_pdf(tmp_path / "guide.pdf", GUIDE_PARAGRAPHS, "T", "A")
    assert _run(kb_copy, "add-source", str(pdf)).exit_code == 0
    before = _snapshot(*kb_copy)
    renamed = tmp_path / "guide-copy.pdf"
    renamed.write_bytes(pdf.read_bytes())
    again = _run(kb_copy, "add-source", str(renamed))
    assert again.exit_code == 1 and "already added: seeds/guide.txt" in again.output
    assert _snapshot(*kb_copy) == before


def test_check_fails_when_a_draft_text_is_edited_away_from_its_seed(
    kb_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    knowledge, _ = kb_copy
    pdf = write_text_pdf(tmp_path / "guide.pdf", GUIDE_PARAGRAPHS, "T", "A")
    _run(kb_copy, "add-source", str(pdf))
    _run(kb_copy, "draft", "guide.txt")
    draft = knowledge / "drafts" / "guide.yaml"
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("46 hours", "forty hours"), encoding="utf-8"
    )
    checked = _run(kb_copy, "check")
    assert checked.exit_code == 1
    assert "text is not found verbatim in seeds/guide.txt" in checked.output


def test_accept_puts_everything_back_when_the_result_would_not_validate(
    kb_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    knowledge, _ = kb_copy
    pdf = write_text_pdf(tmp_path / "guide.pdf", GUIDE_PARAGRAPHS, "T", "A")
    _run(kb_copy, "add-source", str(pdf))
    _review_source(knowledge, "guide", {"year": "2024", "kind": "report", "authors": "[A]"})
    _run(kb_copy, "draft", "guide.txt")
    draft = knowledge / "drafts" / "guide.yaml"
    _mark_reviewed(draft, {TRAINING_SENTENCE: (["no-such-topic"], ["What is the exam?", "x?"])})
    before = _snapshot(*kb_copy)
    result = _run(kb_copy, "draft", "--accept", str(draft))
    assert result.exit_code == 1
    assert "nothing accepted" in result.output and "unknown topic 'no-such-topic'" in result.output
    assert _snapshot(*kb_copy) == before


def test_accept_records_the_dropped_sentences_in_uncovered_yaml(
    kb_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    knowledge, _ = kb_copy
    uncovered = knowledge / "uncovered.yaml"
    if not uncovered.exists():
        uncovered.write_text("uncovered:\n", encoding="utf-8")
    before = uncovered.read_text(encoding="utf-8")
    pdf = write_text_pdf(tmp_path / "guide.pdf", GUIDE_PARAGRAPHS, "T", "A")
    _run(kb_copy, "add-source", str(pdf))
    _review_source(knowledge, "guide", {"year": "2024", "kind": "report", "authors": "[A]"})
    _run(kb_copy, "draft", "guide.txt")
    draft = knowledge / "drafts" / "guide.yaml"
    _mark_reviewed(
        draft,
        {TRAINING_SENTENCE: (["training-certification"], ["What is the exam?", "How long?"])},
    )
    result = _run(kb_copy, "draft", "--accept", str(draft))
    assert result.exit_code == 0, result.output
    assert "uncovered.yaml: +" in result.output
    added = uncovered.read_text(encoding="utf-8")[len(before.rstrip("\n")) :]
    entries = yaml.safe_load("uncovered:" + added)["uncovered"]
    assert {"seed": "guide.txt", "text": "References", "reason": "reference"} in entries
    assert {
        "seed": "guide.txt",
        "text": "Example State Peer Specialist Certification Guide",
        "reason": "boilerplate",  # a heading states nothing
    } in entries
    assert yaml.safe_load(draft.read_text(encoding="utf-8"))["dropped"] == []


@pytest.mark.parametrize(
    "layout",
    [
        pytest.param("indentless", id="items-at-column-0"),
        pytest.param("empty", id="empty-flow-list"),
        pytest.param("missing", id="new-file"),
    ],
)
def test_accept_joins_the_snippet_list_whatever_its_layout(
    kb_copy: tuple[Path, Path], tmp_path: Path, layout: str
) -> None:
    knowledge, seeds = kb_copy
    target = knowledge / "snippets" / "training-certification.yaml"
    if layout == "indentless":
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), "utf-8")
    else:
        # Move the topic's snippets to another file, leaving this one empty or gone.
        moved = target.read_text(encoding="utf-8").split("\n", 1)[1]
        other = knowledge / "snippets" / "moved.yaml"
        other.write_text("snippets:\n" + moved, encoding="utf-8")
        target.write_text("snippets: []\n", encoding="utf-8")
        if layout == "missing":
            target.unlink()
    pdf = write_text_pdf(tmp_path / "guide.pdf", GUIDE_PARAGRAPHS, "T", "A")
    _run(kb_copy, "add-source", str(pdf))
    _review_source(knowledge, "guide", {"year": "2024", "kind": "report", "authors": "[A]"})
    _run(kb_copy, "draft", "guide.txt")
    draft = knowledge / "drafts" / "guide.yaml"
    (chosen,) = _mark_reviewed(
        draft,
        {TRAINING_SENTENCE: (["training-certification"], ["What is the exam?", "How long?"])},
    )
    result = _run(kb_copy, "draft", "--accept", str(draft))
    assert result.exit_code == 0, result.output
    kb = load_knowledge(knowledge, seeds)
    (snippet,) = [s for s in kb.snippets if s.id == chosen]
    assert TRAINING_SENTENCE in snippet.text and snippet.topics == ("training-certification",)


def test_sentences_keep_abbreviations_and_passages_stay_verbatim() -> None:
    text = (
        "Peers work across the U.S. and in Canada. Rogers et al. reviewed e.g. state programs.\n"
        "Skip to content\n\n"
        "One. Two short ones here. Three sentences follow now. A fourth one closes it.\n"
    )
    found = sentences(text)
    kept = [s.text for s in found if s.dropped is None]
    assert kept[:2] == [
        "Peers work across the U.S. and in Canada.",
        "Rogers et al. reviewed e.g. state programs.",
    ]
    assert [s.dropped for s in found if s.text == "Skip to content"] == ["navigation"]
    grouped = passages(text, found)
    assert all(p.text in collapse_whitespace(text) for p in grouped)
    assert all(1 <= p.sentences <= 3 for p in grouped)


def test_eval_save_and_compare_lists_changed_answers(tmp_path: Path) -> None:
    knowledge, seeds = write_mini_kb(tmp_path / "kb")
    questions = tmp_path / "questions.yaml"
    questions.write_text(
        "answerable:\n"
        "  - question: does insurance pay for peers\n    expect: [mini-medicaid]\n"
        "  - question: what does a peer bridger do\n    expect: [mini-bridger]\n"
        "unanswerable:\n  - what is the wifi password\n",
        encoding="utf-8",
    )
    dirs = (knowledge, seeds)
    saved = _run(dirs, "eval", "--questions", str(questions), "--save", str(tmp_path / "a.json"))
    assert saved.exit_code == 0 and "saved 3 answer(s)" in saved.output
    unchanged = _run(
        dirs, "eval", "--questions", str(questions), "--compare", str(tmp_path / "a.json")
    )
    assert unchanged.exit_code == 0 and "0 of 3 answer(s) changed" in unchanged.output
    (knowledge / "snippets" / "funding.yaml").write_text("snippets: []\n", encoding="utf-8")
    compared = _run(
        dirs, "eval", "--questions", str(questions), "--compare", str(tmp_path / "a.json")
    )
    assert compared.exit_code == 0, compared.output
    assert "1 of 3 answer(s) changed" in compared.output
    assert "newly declined: does insurance pay for peers" in compared.output
    assert "before: mini-medicaid" in compared.output
    assert "bridger" not in compared.output


def test_eval_compare_refuses_a_file_it_did_not_write(tmp_path: Path) -> None:
    dirs = write_mini_kb(tmp_path / "kb")
    other = tmp_path / "other.json"
    other.write_text('{"a": 1}', encoding="utf-8")
    result = _run(dirs, "eval", "--compare", str(other))
    assert result.exit_code == 1 and "not a file written by peerbot eval --save" in result.output


def test_add_source_id_names_the_seed_and_source(
    kb_copy: tuple[Path, Path], tmp_path: Path
) -> None:
    knowledge, seeds = kb_copy
    pdf = write_text_pdf(tmp_path / "scan0001.pdf", GUIDE_PARAGRAPHS, "T", "A")
    before = _snapshot(*kb_copy)
    bad = _run(kb_copy, "add-source", "--id", "State Guide", str(pdf))
    assert bad.exit_code == 1 and "lower-case letters and digits" in bad.output
    assert _snapshot(*kb_copy) == before
    good = _run(kb_copy, "add-source", "--id", "state-guide-2024", str(pdf))
    assert good.exit_code == 0, good.output
    assert (seeds / "state-guide-2024.txt").is_file()
    assert [s["seeds"] for s in _sources(knowledge) if s["id"] == "state-guide-2024"] == [
        ["state-guide-2024.txt"]
    ]


@pytest.mark.parametrize(
    ("before", "after", "kind"),
    [
        pytest.param(Shown(True, ("a", "b")), Shown(False, ()), "newly declined", id="declined"),
        pytest.param(Shown(False, ()), Shown(True, ("a",)), "newly answered", id="answered"),
        pytest.param(Shown(True, ("a",)), Shown(True, ("a", "b")), "gained", id="gained"),
        pytest.param(Shown(True, ("a", "b")), Shown(True, ("a",)), "lost", id="lost"),
        pytest.param(Shown(True, ("a",)), Shown(True, ("b",)), "gained and lost", id="swapped"),
        pytest.param(Shown(True, ("a", "b")), Shown(True, ("b", "a")), "reordered", id="order"),
        pytest.param(
            Shown(False, ("a",), "pay figures"),
            Shown(False, ("b",), "pay figures"),
            "still declined, related changed",
            id="related",
        ),
    ],
)
def test_compare_names_each_kind_of_change(before: Shown, after: Shown, kind: str) -> None:
    (change,) = compare(
        {"q": before, "same": Shown(True, ("x",))}, {"q": after, "same": Shown(True, ("x",))}
    )
    assert change.question == "q" and change.kind == kind
