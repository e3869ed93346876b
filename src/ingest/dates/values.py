"""TIMEX3 values and the calendar intervals they name: "2016-03" -> [2016-03-01, 2016-04-01).

One place turns a value into dates, so the `dates` relation and claim periods agree.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

Interval = tuple[date, date]

# Connecticut's (and 45 other states') fiscal year runs July 1 - June 30: "fiscal 2019" starts
# 2018-07-01 (the federal government's: ingest.dates.fiscal). Re-run bench/claims.py and
# bench/dates.py when changing it.
FISCAL_YEAR_START_MONTH = 7
# Meteorological seasons (the first month of each), as statistics agencies report them.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
DURATION_UNITS = {
    "Y": relativedelta(years=1),
    "M": relativedelta(months=1),
    "W": relativedelta(weeks=1),
    "D": relativedelta(days=1),
    "DE": relativedelta(years=10),
    "CE": relativedelta(years=100),
}

_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)(-WE)?$")
_PART = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_FISCAL = re.compile(r"^FY(\d{4})$")


def interval_of(value: str) -> Interval | None:
    """The [start, end) a DATE or TIME value names; None for X-values, durations and refs."""
    for pattern, span in _SHAPES:
        found = pattern.match(value)
        if found:
            return span(found)
    return None


def duration_length(value: str) -> relativedelta | None:
    """ "P5Y" -> 5 years, "P1DE" -> 10 years; None for "PXY", "PT2H" (hours are no calendar)."""
    found = re.fullmatch(r"P(\d+(?:\.\d+)?)(DE|CE|Y|M|W|D)", value)
    if not found:
        return None
    amount = float(found[1])
    return DURATION_UNITS[found[2]] * amount if amount.is_integer() else None


def fiscal_year(ending: int, start_month: int = FISCAL_YEAR_START_MONTH) -> Interval:
    """ "fiscal 2019" -> [2018-07-01, 2019-07-01); a federal one -> [2018-10-01, 2019-10-01)."""
    start = date(ending - 1, start_month, 1)
    return start, start + relativedelta(years=1)


def fiscal_year_of(day: date) -> int:
    """The fiscal year (by the year it ends in) that day falls in."""
    return day.year + (day.month >= FISCAL_YEAR_START_MONTH)


def _day(m: re.Match[str]) -> Interval:
    start = date(int(m[1]), int(m[2]), int(m[3]))
    return start, start + timedelta(days=1)


def _month(m: re.Match[str]) -> Interval:
    start = date(int(m[1]), int(m[2]), 1)
    return start, start + relativedelta(months=1)


def _year(m: re.Match[str]) -> Interval:
    return date(int(m[1]), 1, 1), date(int(m[1]) + 1, 1, 1)


def _week(m: re.Match[str]) -> Interval:
    monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if m[3]:  # the weekend: Saturday and Sunday
        return monday + timedelta(days=5), monday + timedelta(days=7)
    return monday, monday + timedelta(days=7)


def _part(m: re.Match[str]) -> Interval:
    """Quarters, halves and seasons of a year; winter 2016 runs from December 2016."""
    year, part = int(m[1]), m[2]
    if part[0] in "QH":
        months = 3 if part[0] == "Q" else 6
        start = date(year, months * (int(part[1]) - 1) + 1, 1)
        return start, start + relativedelta(months=months)
    start = date(year, SEASON_START[part], 1)
    return start, start + relativedelta(months=3)


def _decade(m: re.Match[str]) -> Interval:
    return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 10, 1, 1)


def _century(m: re.Match[str]) -> Interval:
    return date(max(int(m[1]) * 100, 1), 1, 1), date(int(m[1]) * 100 + 100, 1, 1)


def _fiscal(m: re.Match[str]) -> Interval:
    return fiscal_year(int(m[1]))


_SHAPES = (
    (_DAY, _day),
    (_MONTH, _month),
    (_YEAR, _year),
    (_WEEK, _week),
    (_PART, _part),
    (_DECADE, _decade),
    (_CENTURY, _century),
    (_FISCAL, _fiscal),
)
