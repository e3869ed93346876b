"""Publication dates stated by the text itself: release datelines and "Published ..." lines.

Only the page head (before the first prose paragraph) and the first paragraph's dateline are
searched, so a copyright footer, an "Updated" stamp or a date in the story is never taken.
"""

from __future__ import annotations

import re
from datetime import date

import dateparser

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})"
)
_CUED = re.compile(
    rf"\b(?:for\s+immediate\s+release|published(?:\s+on)?|posted(?:\s+on)?|released\s+on|dated?)"
    rf"\s*[:,\-–—]?\s*(?:\w+day,?\s+)?(?P<date>{_DATE})",
    re.IGNORECASE,
)
_DATELINE = re.compile(rf"^[A-Z][\w .,'’-]{{1,40}}?[\s(,–—-]+(?P<date>{_DATE})\)?\s*[–—-]")
_DATE_ONLY = re.compile(rf"^(?:\w+day,?\s+)?(?P<date>{_DATE})$")
_NOT_PUBLICATION = re.compile(r"updated|modified|©|copyright|\(c\)", re.IGNORECASE)
_PARSER_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}


def date_from_lines(head: list[str], first_paragraph: str | None, not_after: date) -> date | None:
    """The publication date announced by the page head or the first paragraph's dateline.

    Args:
        head: lines before the first prose paragraph, in page order.
        first_paragraph: the article's first kept paragraph, for "CITY (Month D, YYYY) –".
        not_after: latest acceptable date (the ingest date): a later one is a misreading.
    Returns:
        The date, or None when the text does not establish one.
    """
    candidates = [(_CUED, ln) for ln in head] + [(_DATE_ONLY, ln) for ln in head]
    if first_paragraph:
        candidates += [(_CUED, first_paragraph[:200]), (_DATELINE, first_paragraph[:120])]
    for pattern, line in candidates:
        found = None if _NOT_PUBLICATION.search(line) else pattern.search(line.strip())
        parsed = parse_date(found.group("date")) if found else None
        if parsed is not None and parsed <= not_after:
            return parsed
    return None


def parse_date(text: str) -> date | None:
    """A full calendar date written out in English, or None."""
    parsed = dateparser.parse(text.replace(".", ""), languages=["en"], settings=_PARSER_SETTINGS)
    return parsed.date() if parsed else None
