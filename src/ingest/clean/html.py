"""Main text and metadata of a saved web page, with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura

# Tables and list structure carry figures; comments never do. Precision over recall because a
# surviving sidebar line becomes a false claim (bench/cleaning.py measures both settings).
_EXTRACT_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "include_links": False,
    "include_images": False,
    "favor_precision": True,
    "deduplicate": False,  # its cache is process-global; duplicates are handled in DuckDB
    "with_metadata": True,
    "output_format": "python",
}


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    author: str | None
    site: str | None
    published_date: date | None


def extract_html(html: str, today: date) -> Page:
    """Article text (one paragraph per line) and metadata; empty text when none is found."""
    params = {"extensive_search": False, "original_date": True, "max_date": today.isoformat()}
    doc = trafilatura.bare_extraction(html, date_extraction_params=params, **_EXTRACT_OPTIONS)
    if doc is None:
        return Page("", None, None, None, None)
    return Page(
        text=doc.text or "",
        title=doc.title,
        author=doc.author,
        site=doc.sitename,
        published_date=_iso_date(doc.date, today),
    )


def _iso_date(value: str | None, today: date) -> date | None:
    """trafilatura's YYYY-MM-DD date, refused if it lies after the ingest date."""
    if not value:
        return None
    parsed = date.fromisoformat(value[:10])
    return parsed if parsed <= today else None
