"""Publication dates stated by the text itself: release datelines and "Published ..." lines.

Only the page head (before the first prose paragraph) and the first paragraph's dateline are
searched, so a copyright footer, a comment date or a date in the story is never taken. An
"Updated"/"last modified"/"mis à jour" stamp is cut off before the line is read.
Measured by bench/cleaning.py (date accuracy) on tests/data/cleaning/.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

import dateparser

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|Januar|Februar|März|Juni|Juli|Oktober|Dezember"
)
_DATE = (
    rf"(?:(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTH})\s+(?:de\s+)?\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})"
)
_WEEKDAY = r"(?:\w+day|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?"  # "Tuesday", "Tue."
_TIME = r"\d{1,2}[:h.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,4}\b)?"
_CUE = (
    r"for\s+immediate\s+release|published|posted|released|release\s+date|dated?"
    r"|publié|publicado|veröffentlicht|pubblicato"
)
_CUED = re.compile(
    rf"\b(?:{_CUE})\b(?:\s*(?:[:,\-–—]|\b(?:on|at|le|el|am|il)\b))*\s*(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_TIME}\s*,?\s*)?(?P<date>{_DATE})",
    re.IGNORECASE,
)
_CUE_ONLY = re.compile(rf"^\s*(?:{_CUE})\s*:?\s*$", re.IGNORECASE)
_DATELINE = re.compile(
    rf"^[A-Z][\w .,'’-]{{1,40}}?[\s(,–—-]+(?P<date>{_DATE})\)?\s*"
    r"(?:/[^/]{1,40}/|\([A-Z][\w .-]{0,20}\))?\s*(?:--|[–—-])"
)
_DATE_ONLY = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?P<date>{_DATE})(?:,?\s*(?:at\s+)?{_TIME})?(?:\s+by\s+.+)?$",
    re.IGNORECASE,
)
# Everything from an update stamp on is not the publication date.
_UPDATE = re.compile(
    r"\b(?:updated|last\s+updated|modified|last\s+modified|reviewed|mis\s+à\s+jour|actualizado"
    r"|aktualisiert|aggiornato)\b",
    re.IGNORECASE,
)
_NOT_PUBLICATION = re.compile(r"©|copyright|\(c\)", re.IGNORECASE)
_PARSER_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
# dateparser languages tried; numeric dates are read month-first only in English.
_LANGUAGES = ["en", "fr", "es", "de", "it", "pt"]


def date_from_lines(
    head: list[str],
    first_paragraph: str | None,
    not_after: date,
    language: str = "en",
    bare_from: int = 0,
) -> date | None:
    """The publication date announced by the page head or the first paragraph's dateline.

    Args:
        head: lines before the first prose paragraph, in page order.
        first_paragraph: the article's first kept paragraph, for "CITY (Month D, YYYY) –".
        not_after: latest acceptable date (the ingest date): a later one is a misreading.
        language: the document language, which decides how 04/07/2023 is read.
        bare_from: head index from which a line holding only a date counts (the line after the
            headline: a bare date above it is the site's "today" bar, not the article's date).
    Returns:
        The date, or None when the text does not establish one.
    """
    # a cue on a line of its own dates the next line ("FOR IMMEDIATE RELEASE" / "March 4, 2025")
    joined = [f"{ln} {nxt}" for ln, nxt in pairwise(head) if _CUE_ONLY.match(ln)]
    candidates = [(_CUED, ln) for ln in head + joined]
    candidates += [(_DATE_ONLY, ln) for ln in head[bare_from:]]
    if first_paragraph:
        candidates += [(_DATELINE, first_paragraph[:160]), (_CUED, first_paragraph[:200])]
    for pattern, line in candidates:
        text = _before_update(line)
        found = None if _NOT_PUBLICATION.search(text) else pattern.search(text.strip())
        parsed = parse_date(found.group("date"), language) if found else None
        if parsed is not None and parsed <= not_after:
            return parsed
    return None


def _before_update(line: str) -> str:
    """The part of a stamp line before "Updated"/"mis à jour" (all of it when there is none)."""
    found = _UPDATE.search(line)
    return line[: found.start()] if found else line


def parse_date(text: str, language: str = "en") -> date | None:
    """A full calendar date written out (in a supported language), or None."""
    order = "MDY" if language == "en" else "DMY"
    settings = {**_PARSER_SETTINGS, "DATE_ORDER": order}
    cleaned = re.sub(r"(?<=[A-Za-z])\.", "", text)
    parsed = dateparser.parse(cleaned, languages=_LANGUAGES, settings=settings)
    return parsed.date() if parsed else None
