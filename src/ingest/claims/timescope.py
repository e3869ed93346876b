"""Time scopes of figures ("since 2006", "in 2016", "last year"), resolved against the publication date.

Relative expressions need the publication date: when it is unknown they resolve to (None, None),
never to a guess from the ingest date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

import dateparser

Scope = tuple[date | None, date | None]
NO_SCOPE: Scope = (None, None)

_YEAR = r"(1[89]\d\d|20\d\d)"
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_SPAN_UNITS = {"day": 1, "week": 7, "month": 30, "year": 365}
_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"\b(?:between|from)\s+(?:fiscal\s+(?:year\s+)?)?{_YEAR}\s+(?:and|to|through)\s+{_YEAR}\b"
        ),
        "years",
    ),
    (re.compile(rf"\b{_YEAR}\s*[-–]\s*(?:{_YEAR}|(\d\d))\b"), "years"),
    (re.compile(rf"\bsince\s+(?:[\w'’]+\s+){{0,3}}?(?:(\w+)\s+)?{_YEAR}\b"), "since"),
    (re.compile(r"\b(?:currently|now|today|so far|to date|as of now)\b"), "now"),
    (re.compile(r"\b(?:last|past|previous)\s+year\b"), "last_year"),
    (re.compile(r"\bthis\s+year\b"), "this_year"),
    (
        re.compile(r"\b(?:over\s+|in\s+|for\s+)?the\s+next\s+(\w+)\s+(day|week|month|year)s?\b"),
        "next",
    ),
    (
        re.compile(
            r"\b(?:over\s+|in\s+|during\s+)?the\s+(?:past|last)\s+(\w+)\s+(day|week|month|year)s?\b"
        ),
        "past",
    ),
    (
        re.compile(rf"\b(?:in\s+|during\s+)?(?:fiscal\s+(?:year\s+)?)?(?:(\w+)\s+)?{_YEAR}\b"),
        "year",
    ),
]


def resolve_scope(phrase: str, published: date | None) -> Scope:
    """(period_start, period_end) for a time phrase such as "since 2008" or "last year".

    Args:
        phrase: the date expression with its preposition ("since 2008", "in 2016", "last year").
        published: the article's publication date, or None when unknown.
    Returns:
        The period; (None, None) when the phrase gives none or needs an unknown publication date.
    """
    lower = " ".join(phrase.lower().split())
    for pattern, kind in _RULES:
        found = pattern.search(lower)
        if found:
            return _apply(kind, found.groups(), published)
    return _dateparser_day(lower, published)


def _apply(kind: str, groups: tuple[str | None, ...], published: date | None) -> Scope:
    if kind == "years":
        first, second = int(groups[0]), groups[1] or f"{groups[0][:2]}{groups[2]}"
        return date(first, 1, 1), date(int(second), 12, 31)
    if kind == "since":
        return _month_or_year(groups[0], int(groups[1]))[0], published
    if kind == "year":
        return _month_or_year(groups[0], int(groups[1]))
    if published is None:
        return NO_SCOPE
    if kind == "now":
        return published, published
    if kind == "last_year":
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    if kind == "this_year":
        return date(published.year, 1, 1), published
    length = _count(groups[0]) * _SPAN_UNITS[groups[1]]
    if kind == "next":
        return published, published + timedelta(days=length)
    return published - timedelta(days=length), published


def _month_or_year(word: str | None, year: int) -> Scope:
    """ "March 2016" is that month; "2016" is the whole year."""
    month = _MONTHS.get((word or "").rstrip("."))
    if month:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 1)


def _dateparser_day(phrase: str, published: date | None) -> Scope:
    """A single day ("on March 3", "this Monday"); relative ones need the publication date."""
    if published is None and not re.search(_YEAR, phrase):
        return NO_SCOPE
    base = datetime.combine(published or date.today(), datetime.min.time())
    settings = {
        "RELATIVE_BASE": base,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month"],
    }
    parsed = dateparser.parse(
        re.sub(r"^(?:on|in|at|by|during)\s+", "", phrase), languages=["en"], settings=settings
    )
    return (parsed.date(), parsed.date()) if parsed else NO_SCOPE
