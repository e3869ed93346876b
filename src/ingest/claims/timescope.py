"""Time scopes of figures ("since 2006", "in 2016", "last year", "between 2010 and 2015").

What a date expression means comes from ingest.dates.resolve, the one place that decides it, so
claim periods and the `dates` relation agree. Here only the signal before it is read: "since"
opens a period that runs to publication, "by" names a target rather than a period, and a range
joins the first end's start to the second end's end. Relative expressions need the publication
date: when it is unknown they give (None, None), never a guess from the ingest date.
"""

from __future__ import annotations

from datetime import date, timedelta

from ingest.dates.fiscal import in_fiscal_year
from ingest.dates.resolve import Direction, resolve
from ingest.dates.values import FISCAL_YEAR_START_MONTH

# (period_start, period_end), both days included, as claims.period_start / period_end.
Scope = tuple[date | None, date | None]
NO_SCOPE: Scope = (None, None)
# Any date: whether an expression names a period at all does not depend on which day it is read.
_REFERENCE_ANCHOR = date(2000, 6, 15)
_SEASONS = frozenset({"-SP", "-SU", "-FA", "-WI"})


def resolve_scope(
    signal: str,
    ends: list[str],
    published: date | None,
    direction: Direction = "past",
    previous: Scope = NO_SCOPE,
    fiscal_start: int = FISCAL_YEAR_START_MONTH,
) -> Scope:
    """(period_start, period_end) of a time expression and the words before it.

    Args:
        signal: the words before the expression ("since", "in", "Since its inception in").
        ends: the expression ("2008", "last year"), or a range's two ends (["2010", "2015"]).
        published: the article's publication date, or None when unknown.
        direction: which way a bare month or weekday lies from publication.
        previous: the period of the figure before in the sentence, which "the same period last
            year" and "a year earlier" count back from.
        fiscal_start: the month whose fiscal years "fiscal 1990" names (10 for the federal
            government's).
    Returns:
        The period; (None, None) when the expression names none, is a target ("by 2030") or
        needs an unknown publication date.
    """
    words = signal.lower().split()
    if words[-1:] == ["by"] or words[-4:] == ["by", "the", "end", "of"]:
        return NO_SCOPE  # "200,000 homes by 2030" is a target, not a period the figure covers
    if words[-3:] in (["as", "early", "as"], ["as", "soon", "as"]):
        return NO_SCOPE  # "may be imposed as early as today": the earliest it may happen
    reference = None
    if previous[0] is not None and previous[1] is not None:
        reference = (previous[0], previous[1] + timedelta(days=1))
    first = resolve(ends[0], published, direction, reference)
    last = resolve(ends[-1], published, direction, reference) if len(ends) > 1 else first
    first, last = in_fiscal_year(first, fiscal_start), in_fiscal_year(last, fiscal_start)
    if first.start is None or first.value[-3:] in _SEASONS:
        return NO_SCOPE  # a season is too loose a period for a figure ("rose this fall")
    if "since" in words:
        return first.start, published
    part = _part_of_current(signal, ends[0])
    if part is not None and published is not None and last.end is not None:
        # "earlier this year" / "so far this year": the part of it before publication
        return (
            (first.start, published)
            if part == "before"
            else (published, last.end - timedelta(days=1))
        )
    if last.end is None:
        return NO_SCOPE
    return first.start, last.end - timedelta(days=1)


def _part_of_current(signal: str, text: str) -> str | None:
    """ "earlier this year", "so far this month" -> "before" publication; "later this year" ->
    "after"; None for any other expression."""
    words = (signal + " " + text).lower().split()
    if "this" not in words or words.index("this") == 0:
        return None
    before = words[words.index("this") - 1]
    if before == "earlier" or words[max(0, words.index("this") - 2) : words.index("this")] == [
        "so",
        "far",
    ]:
        return "before"
    return "after" if before == "later" else None


def names_period(signal: str, ends: list[str]) -> bool:
    """The expression names a period once a publication date is known ("last year", "in 2016";
    not "the year before", "recently")."""
    return resolve_scope(signal, ends, _REFERENCE_ANCHOR) != NO_SCOPE


def names_day(signal: str, ends: list[str]) -> bool:
    """The expression names one day ("early Wednesday", "on March 3"), the time of an event."""
    start, end = resolve_scope(signal, ends, _REFERENCE_ANCHOR)
    return start is not None and start == end


def is_calendar_date(text: str) -> bool:
    """A date or time of the calendar ("2010", "June 1"), not a length ("12 years")."""
    return resolve(text, _REFERENCE_ANCHOR).type in ("DATE", "TIME")
