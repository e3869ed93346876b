"""Stage 2: raw article text or HTML in, article text and metadata out (or a Rejection)."""

from __future__ import annotations

import hashlib
from datetime import date

from ingest.clean.boilerplate import classify_lines, is_prose, pick_title
from ingest.clean.html import extract_html
from ingest.clean.language import guess_language
from ingest.clean.pubdate import date_from_lines
from ingest.errors import Reason
from ingest.records import CleanDoc, RawDoc, Rejection

__all__ = ["clean_document", "clean_text"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})


def clean_document(raw: RawDoc, today: date) -> CleanDoc | Rejection:
    """Strip boilerplate and read metadata from one document.

    Args:
        raw: the decoded file.
        today: the ingest date; no publication date may be later.
    Returns:
        A CleanDoc, or Rejection("clean", ...) when no article text is left.
    """
    if raw.suffix in HTML_SUFFIXES:
        page = extract_html(raw.text, today)
        text, title, pub = clean_text(page.text, today)
        meta = {"title": page.title or title, "author": page.author, "site": page.site}
        published = page.published_date or pub
    else:
        text, title, published = clean_text(raw.text, today)
        meta = {"title": title, "author": None, "site": None}
    if not text.strip():
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
        text=text,
        published_date=published,
        language=guess_language(text),
        content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        **meta,
    )


def clean_text(raw_text: str, today: date) -> tuple[str, str | None, date | None]:
    """Article paragraphs (joined by blank lines), the title and the stated publication date."""
    lines = [" ".join(ln.split()) for ln in raw_text.splitlines()]
    lines = [ln for ln in lines if ln]
    verdicts = classify_lines(lines)
    kept = [v.line for v in verdicts if v.keep]
    title = pick_title(lines, verdicts)
    if kept and title == kept[0]:
        kept = kept[1:]
    first = next((i for i, ln in enumerate(lines) if is_prose(ln) and verdicts[i].keep), len(lines))
    first_paragraph = lines[first] if first < len(lines) else None
    published = date_from_lines(lines[:first], first_paragraph, today)
    return "\n\n".join(kept), title, published
