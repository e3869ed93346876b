"""Time scopes of figures ("since 2006", "in 2016", "last year"), resolved against the publication date.

Relative expressions ("last year", "in July", "on Tuesday") need the publication date: when it is
unknown they resolve to (None, None), never to a guess from the ingest date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from ingest.claims.quantity import parse_number

Scope = tuple[date | None, date | None]
NO_SCOPE: Scope = (None, None)

# Connecticut's (and 45 other states') fiscal year runs July 1 - June 30: "fiscal 2019" starts
# 2018-07-01. Re-run bench/claims.py when changing it.
FISCAL_YEAR_START_MONTH = 7

_YEAR = r"(1[89]\d\d|20\d\d)"
_MONTH_NAMES = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTH_NAMES |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_MONTH = r"(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")(?![a-z])\.?"
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_QUARTERS = ("first", "second", "third", "fourth")
_LENGTHS = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "year": relativedelta(years=1),
}
_RULES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"\bfiscal\s+(?:year\s+)?{_YEAR}\b|\bfy\s?{_YEAR}\b|\b{_YEAR}\s+fiscal\s+year\b"
        ),
        "fiscal",
    ),
    (re.compile(rf"\bby\s+(?:the\s+end\s+of\s+)?{_YEAR}\b"), "deadline"),
    (re.compile(r"\b(this|current|last|previous|next)\s+fiscal\s+year\b"), "relative_fiscal"),
    (re.compile(rf"\b(?:between|from)\s+{_YEAR}\s+(?:and|to|through)\s+{_YEAR}\b"), "years"),
    (re.compile(rf"\b{_YEAR}\s*[-–]\s*(?:{_YEAR}|(\d\d))\b"), "years"),
    (re.compile(rf"\bsince\s+(?:[\w'’]+\s+){{0,5}}?(?:{_MONTH}\s+)?{_YEAR}\b"), "since_year"),
    (
        re.compile(
            rf"\b(?:from\s+)?{_MONTH}\s+(\d{{1,2}})\s+(?:through|to|until)\s+{_MONTH}\s+(\d{{1,2}})\b"
        ),
        "day_range",
    ),
    (re.compile(rf"\bsince\s+{_MONTH}(?:\s+(\d{{1,2}}))?\b"), "since_month"),
    (re.compile(rf"\b(first|second|third|fourth)\s+quarter(?:\s+of\s+{_YEAR})?\b"), "quarter"),
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
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"), "full_date"),
    (re.compile(rf"\b(?:in\s+|during\s+)?(?:{_MONTH}\s+)?{_YEAR}\b"), "year"),
    (re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b"), "month_day"),
    (re.compile(rf"\b{_MONTH}"), "month"),
    (re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b"), "weekday"),
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
            try:
                return _apply(kind, found.groups(), published)
            except ValueError:  # "June 31", "Feb. 29" in a non-leap year: no such day
                return NO_SCOPE
    return NO_SCOPE


def names_period(phrase: str) -> bool:
    """The phrase is one resolve_scope reads, given a publication date ("last year", "in 2016";
    not "the year before")."""
    lower = " ".join(phrase.lower().split())
    return any(pattern.search(lower) for pattern, _ in _RULES)


def _apply(kind: str, groups: tuple[str | None, ...], published: date | None) -> Scope:
    absolute = _absolute(kind, groups, published)
    if absolute is not None:
        return absolute
    if published is None:
        return NO_SCOPE
    return _relative(kind, groups, published)


def _absolute(kind: str, g: tuple[str | None, ...], published: date | None) -> Scope | None:
    """Scopes that name their year; None for kinds that need the publication date."""
    if kind == "deadline":
        return NO_SCOPE  # "200,000 homes by 2030" is a target, not a period the figure covers
    if kind == "fiscal":
        return _fiscal_year(int(next(x for x in g if x)))
    if kind == "years":
        second = g[1] or f"{g[0][:2]}{g[2]}"
        return date(int(g[0]), 1, 1), date(int(second), 12, 31)
    if kind == "since_year":
        return _month_or_year(g[0], int(g[1]))[0], published
    if kind == "year":
        return _month_or_year(g[0], int(g[1]))
    if kind == "quarter" and g[1]:
        return _quarter(int(g[1]), g[0])
    if kind == "full_date":
        day = date(int(g[2]), _MONTH_NAMES[g[0]], int(g[1]))
        return day, day
    return None


def _relative(kind: str, g: tuple[str | None, ...], published: date) -> Scope:
    if kind == "relative_fiscal":  # the fiscal year the publication date falls in, or its neighbour
        ending = published.year + (published.month >= FISCAL_YEAR_START_MONTH)
        ending += {"last": -1, "previous": -1, "next": 1}.get(g[0] or "", 0)
        return _fiscal_year(ending)
    if kind == "now":
        return published, published
    if kind == "last_year":
        return date(published.year - 1, 1, 1), date(published.year - 1, 12, 31)
    if kind == "this_year":
        return date(published.year, 1, 1), date(published.year, 12, 31)
    if kind in ("next", "past"):
        length = _LENGTHS[g[1]] * _count(g[0])
        return (
            (published, published + length) if kind == "next" else (published - length, published)
        )
    if kind == "quarter":  # the latest such quarter begun by the publication date
        return _quarter(_recent(published, _quarter(published.year, g[0])[0].month, 1).year, g[0])
    if kind == "since_month":
        return _recent(published, _MONTH_NAMES[g[0]], int(g[1] or 1)), published
    if kind == "day_range":
        return _recent(published, _MONTH_NAMES[g[0]], int(g[1])), _recent(
            published, _MONTH_NAMES[g[2]], int(g[3])
        )
    if kind == "month_day":
        day = _recent(published, _MONTH_NAMES[g[0]], int(g[1]))
        return day, day
    if kind == "month":
        first = _recent(published, _MONTH_NAMES[g[0]], 1)
        return _month_or_year(g[0], first.year)
    back = (published.weekday() - _WEEKDAYS[g[0]]) % 7
    day = published - timedelta(days=back)
    return day, day


def _fiscal_year(ending: int) -> Scope:
    """ "fiscal 2019" -> 2018-07-01..2019-06-30."""
    start = date(ending - 1, FISCAL_YEAR_START_MONTH, 1)
    return start, start + relativedelta(years=1) - timedelta(days=1)


def _quarter(year: int, ordinal: str) -> Scope:
    """ "the second quarter of 2023" -> 2023-04-01..2023-06-30."""
    first = date(year, 3 * _QUARTERS.index(ordinal) + 1, 1)
    return first, first + relativedelta(months=3) - timedelta(days=1)


def _recent(published: date, month: int, day: int) -> date:
    """The latest month/day on or before the publication date ("in July" read in August)."""
    this_year = _clamped(published.year, month, day)
    return this_year if this_year <= published else _clamped(published.year - 1, month, day)


def _clamped(year: int, month: int, day: int) -> date:
    """The date, with the day cut to the month's length (Feb. 29 in a non-leap year -> Feb. 28)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _month_or_year(word: str | None, year: int) -> Scope:
    """ "March 2016" is that month; "2016" is the whole year."""
    month = _MONTH_NAMES.get((word or "").rstrip("."))
    if month:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    return date(year, 1, 1), date(year, 12, 31)


def _count(word: str) -> int:
    """ "four" -> 4; anything unreadable counts as one ("the next few weeks")."""
    return int(parse_number(word) or 1)
