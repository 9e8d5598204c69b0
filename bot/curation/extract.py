"""Text and stated metadata out of a .txt, .md, .html or .pdf file, one extractor per format.

The text becomes a seed, the file every quote is checked against, so extraction must not
rewrite what the document says: no boilerplate removal, no Markdown conversion, no guessing.
Metadata is what the file itself states (PDF document info, HTML <title> and <meta> tags, a
Markdown heading) and nothing else; a field the file does not state stays empty for a curator.

- PDF: pypdf, a maintained pure-Python reader (no system libraries), whose page text keeps the
  reading order of ordinary single- and two-column documents. A PDF whose pages carry images
  but no text layer is a scan: refused with a message saying so, since there is nothing to quote.
- HTML: the standard library's `html.parser`. What a seed needs from a page is its visible text
  with block boundaries and decoded entities; a page's boilerplate (cookie banners, menus) is
  kept here and dropped later by `peerbot draft`, where a curator sees what was dropped. The
  extractors on PyPI either remove boilerplate by heuristics at this step (trafilatura, jusText:
  the seed would then not be the page) or emit Markdown (html2text: `*` and `[..](..)` would end
  up inside quotes), so neither earns a dependency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError

from bot.curation import CurationError

FORMATS = (".txt", ".md", ".html", ".htm", ".pdf")


@dataclass(frozen=True)
class Extracted:
    """A document's text and the metadata it states (empty fields: not stated)."""

    text: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    year: int | None = None
    venue: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)


def extract(path: Path) -> Extracted:
    """Dispatch on the file's extension; raise CurationError for anything unreadable."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise CurationError(
            f"{path.name}: unsupported file type {suffix or '(none)'!r}; "
            "peerbot add-source reads .txt, .md, .html and .pdf"
        )
    if not path.is_file():
        raise CurationError(f"{path}: no such file")
    if suffix == ".pdf":
        return _pdf(path)
    text = _decode(path)
    if suffix in (".html", ".htm"):
        return _html(text)
    if suffix == ".md":
        heading = re.search(r"^# +(.+?)\s*#*\s*$", text, flags=re.MULTILINE)
        return Extracted(text=text, title=heading.group(1).strip() if heading else None)
    return Extracted(text=text)


def _decode(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CurationError(
            f"{path.name}: not UTF-8 text (byte {error.start}); save it as UTF-8 and add it again"
        ) from error
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- PDF -----------------------------------------------------------------------------------------


def _pdf(path: Path) -> Extracted:
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            raise CurationError(
                f"{path.name}: the PDF is encrypted; save an unprotected copy and add that"
            )
        pages = [(page.extract_text() or "", _has_images(page)) for page in reader.pages]
        info = reader.metadata
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        raise CurationError(f"{path.name}: not a readable PDF ({error})") from error
    texts = [text.strip() for text, _ in pages]
    scanned = [number for number, (text, images) in enumerate(pages, 1) if images and not text]
    if not any(texts):
        if scanned:
            raise CurationError(
                f"{path.name}: this looks like a scanned PDF: its {len(pages)} page(s) are "
                "images with no text layer, so there is nothing to quote. Run OCR on it "
                "(e.g. ocrmypdf), check the recognised text, and add the result."
            )
        raise CurationError(f"{path.name}: the PDF has no text to quote")
    warnings: tuple[str, ...] = ()
    if scanned:
        listed = ", ".join(str(number) for number in scanned)
        warnings = (f"page(s) {listed} are images without text (scanned?); their text is missing",)
    title = _clean(info.title) if info is not None else None
    author = _clean(info.author) if info is not None else None
    authors = (
        tuple(name for name in re.split(r"\s*;\s*|\s+and\s+", author) if name) if author else ()
    )
    return Extracted(
        text="\n\n".join(text for text in texts if text) + "\n",
        title=title,
        authors=authors,
        warnings=warnings,
    )


def _has_images(page: PageObject) -> bool:
    """True when a page draws at least one image (a scan is one image per page)."""
    try:
        return len(page.images) > 0
    except (PdfReadError, ValueError, KeyError):  # a broken image is still an image
        return True


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


# --- HTML ----------------------------------------------------------------------------------------

# Elements whose content is never visible text.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "head"})
# Elements that end a paragraph: their text never runs into the next block's.
_BLOCKS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr html legend li main nav ol p pre
    section summary table tbody td tfoot th thead tr ul""".split()
)
_VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "wbr"})
_AUTHOR_META = ("citation_author", "dc.creator", "author")
_YEAR_META = (
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "dc.date",
    "article:published_time",
)


class _PageText(HTMLParser):
    """Visible text in paragraphs, plus <title>, <meta> and canonical-link metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._current: list[str] = []
        self._hidden = 0
        self._pre = 0
        self._in_title = False
        self.title_parts: list[str] = []
        self.meta: dict[str, list[str]] = {}
        self.canonical: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag == "meta":
            name = (values.get("name") or values.get("property") or "").strip().lower()
            content = " ".join(values.get("content", "").split())
            if name and content:
                self.meta.setdefault(name, []).append(content)
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = values.get("href") or None
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in _HIDDEN:
            self._hidden += 1
            return
        if tag == "br":
            self._current.append("\n")
        elif tag in _BLOCKS:
            self._break()
        if tag == "pre":
            self._pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self._break()
            if tag == "pre":
                self._pre = max(0, self._pre - 1)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
        elif not self._hidden:
            self._current.append(data if self._pre else re.sub(r"\s+", " ", data))

    def _break(self) -> None:
        joined = "".join(self._current)
        lines = [" ".join(line.split()) for line in joined.split("\n")] if not self._pre else None
        paragraph = "\n".join(line for line in lines if line) if lines is not None else joined
        if paragraph.strip():
            self.paragraphs.append(paragraph.strip("\n"))
        self._current = []

    def close(self) -> None:
        super().close()
        self._break()

    def first(self, *names: str) -> str | None:
        for name in names:
            if self.meta.get(name):
                return self.meta[name][0]
        return None


def _html(source: str) -> Extracted:
    parser = _PageText()
    parser.feed(source)
    parser.close()
    text = "\n\n".join(parser.paragraphs)
    authors: tuple[str, ...] = ()
    for name in _AUTHOR_META:
        if parser.meta.get(name):
            authors = tuple(dict.fromkeys(parser.meta[name]))
            break
    year = None
    stated_date = parser.first(*_YEAR_META)
    if stated_date:
        found = re.search(r"\b(1[89]\d\d|20\d\d)\b", stated_date)
        year = int(found.group(1)) if found else None
    doi = parser.first("citation_doi", "dc.identifier", "prism.doi")
    if doi:
        found = re.search(r"10\.\d{4,9}/\S+", doi)
        doi = found.group(0) if found else None
    first_page, last_page = parser.first("citation_firstpage"), parser.first("citation_lastpage")
    pages = f"{first_page}-{last_page}" if first_page and last_page else first_page
    title = parser.first("citation_title", "dc.title") or _clean("".join(parser.title_parts))
    return Extracted(
        text=text + "\n" if text else "",
        title=title,
        authors=authors,
        year=year,
        venue=parser.first("citation_journal_title", "prism.publicationname"),
        volume=parser.first("citation_volume", "prism.volume"),
        issue=parser.first("citation_issue", "prism.number"),
        pages=pages,
        doi=doi,
        url=parser.canonical or parser.first("og:url", "citation_fulltext_html_url"),
    )
