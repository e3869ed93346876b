"""Stage 2: raw article text or HTML in, article text and metadata out (or a Rejection).

Quality is measured by bench/cleaning.py on tests/data/cleaning/ (shingle precision/recall
against hand-cleaned text, and metadata accuracy), next to trafilatura used as it comes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from ingest.clean.boilerplate import classify_lines, pick_title, split_lines, strip_list_marker
from ingest.clean.fingerprint import minhash, to_bytes
from ingest.clean.html import Page, extract_html
from ingest.clean.language import guess_language
from ingest.clean.meta import (
    as_spelled,
    author_from_lines,
    clean_author,
    clean_site,
    site_from_lines,
)
from ingest.clean.pubdate import date_from_lines
from ingest.errors import Reason
from ingest.records import CleanDoc, RawDoc, Rejection

__all__ = ["Article", "clean_document", "clean_text", "read_article", "read_html"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
# The headline repeated at the top of the article text (trafilatura keeps the <h1>) is dropped
# when it is among this many first kept lines.
TITLE_SEARCH_LINES = 3
# A page line this long that begins the article's first paragraph marks where the article starts
# when the page breaks that paragraph over lines; shorter ones (a dateline alone) could begin
# other paragraphs. Set on the real pages (bench/cleaning_real.py, byline and date accuracy).
HEAD_LINE_MIN_WORDS = 5


@dataclass(frozen=True, slots=True)
class Article:
    """Article paragraphs and the metadata the text itself states."""

    text: str
    title: str | None
    author: str | None
    site: str | None
    published_date: date | None
    removed: tuple[tuple[str, str], ...] = ()  # (rule, line) of each line cleaning dropped


def clean_document(
    raw: RawDoc, today: date, *, max_line_chars: int | None = None
) -> CleanDoc | Rejection:
    """Strip boilerplate and read metadata from one document.

    Args:
        raw: the decoded file.
        today: the ingest date; no publication date may be later.
        max_line_chars: the longest line of article text the line rules read: a text file's own
            lines, and for HTML the lines of the extracted text, never the markup's (minified
            pages, inline scripts and JSON blobs put a whole page on one line).
    Returns:
        A CleanDoc, or Rejection("clean", ...) when no article text is left or a line of it is
        longer than max_line_chars.
    """
    page = extract_html(raw.text, today) if raw.suffix in HTML_SUFFIXES else None
    longest = max(map(len, (page.text if page else raw.text).splitlines()), default=0)
    if max_line_chars is not None and longest > max_line_chars:
        detail = f"{longest} characters in one line of article text"
        return Rejection(raw.source_file, "clean", Reason.LONG_LINE, detail, raw.doc_id)
    article = read_page(page, today) if page else read_article(raw.text, today)
    if not article.text.strip():
        return Rejection(
            raw.source_file,
            "clean",
            Reason.NO_TEXT,
            "nothing left after removing boilerplate",
            raw.doc_id,
        )
    return CleanDoc(
        doc_id=raw.doc_id,
        source_file=raw.source_file,
        text=article.text,
        title=article.title,
        author=article.author,
        site=article.site,
        published_date=article.published_date,
        language=guess_language(article.text),
        content_sha256=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
        fingerprint=to_bytes(minhash(article.text)),
        removed=article.removed,
    )


def read_html(html: str, today: date, options: dict | None = None) -> Article:
    """trafilatura's extraction, cleaned line by line, with the markup's metadata first.

    Args:
        html: the page source.
        today: the ingest date; no publication date may be later.
        options: trafilatura options instead of html.EXTRACT_OPTIONS (for bench/cleaning.py).
    Returns:
        The Article; its text is "" when no article is found.
    """
    return read_page(extract_html(html, today, options), today)


def read_page(page: Page, today: date) -> Article:
    """The Article of an extracted page: its text cleaned line by line, the markup's metadata
    first and the page's visible lines where the markup names none."""
    author = as_spelled(clean_author(page.author), list(page.lines))
    article = read_article(
        page.text,
        today,
        title=page.title,
        author=author,
        extracted=True,
        preformatted=page.preformatted,
    )
    lines = list(page.lines)
    masthead = lines[: lines.index(page.title)] if page.title in lines else []
    head = _page_head(lines, article.text.split("\n\n", 1)[0])
    after_title = head.index(page.title) + 1 if page.title in head else len(head)
    return Article(
        text=article.text,
        title=page.title or article.title,
        author=author or article.author or author_from_lines(head),
        site=clean_site(page.site) or site_from_lines(lines, masthead),
        published_date=page.published_date
        or article.published_date
        or date_from_lines(head, None, today, guess_language(article.text), after_title),
        removed=article.removed,
    )


def _page_head(lines: list[str], first: str) -> list[str]:
    """The page's visible lines above the article's first paragraph (masthead, headline, byline,
    stamp): up to the line that is that paragraph, or that begins it when the page breaks it over
    lines; [] when no line does."""
    for i, line in enumerate(lines):
        if line == first or (len(line.split()) >= HEAD_LINE_MIN_WORDS and first.startswith(line)):
            return lines[:i]
    return []


def read_article(
    raw_text: str,
    today: date,
    *,
    title: str | None = None,
    author: str | None = None,
    extracted: bool = False,
    preformatted: frozenset[str] = frozenset(),
) -> Article:
    """Article paragraphs (joined by blank lines) and the title, author, site and date stated.

    Args:
        raw_text: the page text, boilerplate included.
        today: the ingest date; no publication date may be later.
        title: the headline when already known (HTML metadata); it is removed from the text.
        author: the byline when already known, so that the author's bio is recognised.
        extracted: the text is an HTML extractor's main content, one block per line, already
            without the page's head, comments and footer (a <pre> block may be hard-wrapped).
        preformatted: the lines of the page's <pre> blocks, which the line rules keep as they are.
    Returns:
        The Article; its text is "" when no prose is found.
    """
    lines = split_lines(raw_text)
    verdicts = classify_lines(lines, author, extracted=extracted, preformatted=preformatted)
    head = [v.line for v in verdicts if v.rule.startswith("page-head")]
    author = author or author_from_lines(head)
    if author:
        verdicts = classify_lines(lines, author, extracted=extracted, preformatted=preformatted)
    title = title or pick_title(lines, verdicts)
    stripped = [
        v.line if v.rule == "preformatted" else strip_list_marker(v.line, numbers=not extracted)
        for v in verdicts
        if v.keep
    ]
    kept = _without_title(stripped, title)
    removed = [(v.rule, v.line) for v in verdicts if not v.keep]
    removed += [("title", title)] * (len(stripped) - len(kept))
    text = "\n\n".join(kept)
    language = guess_language(text)
    after_title = head.index(title) + 1 if title in head else 0
    published = date_from_lines(head, kept[0] if kept else None, today, language, after_title)
    return Article(text, title, author, site_from_lines(lines, head), published, tuple(removed))


def _without_title(kept: list[str], title: str | None) -> list[str]:
    """The kept lines without the headline repeated at their top; a note of one line that was
    taken for its own headline stays (it is the whole article)."""
    if not title:
        return kept
    key = " ".join(title.split()).casefold()
    rest = [
        ln
        for i, ln in enumerate(kept)
        if i >= TITLE_SEARCH_LINES or ln.casefold().strip("*_ ") != key
    ]
    return rest or kept


def clean_text(raw_text: str, today: date) -> tuple[str, str | None, date | None]:
    """Article paragraphs (joined by blank lines), the title and the stated publication date."""
    article = read_article(raw_text, today)
    return article.text, article.title, article.published_date
