"""A temporal expression's text -> TIMEX3 (TimeML 1.2.1), anchored on the publication date.

Own rules read what dateparser gets wrong (measured per rule in bench/dates.py): the direction
of bare months and weekdays ("in March" read in January is last March when the sentence is in
the past tense), durations, sets, quarters, seasons, fiscal years, decades, "ago", "now"; on
absolute dates the two agree. dateparser reads absolute dates written in a form no rule knows.
Relative expressions without a publication date stay unresolved: X-values and no interval,
never a guess from today's date. Readings are cached per (text, anchor, direction).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from ingest.annotate.numbers import UNITS
from ingest.dates.values import (
    DURATION_UNITS,
    duration_length,
    fiscal_year_of,
    interval_of,
)
from ingest.records import Timex

# "past": the sentence speaks of the past (a bare "March" is the latest March begun by the
# anchor); "future": of the future; None: the nearest one.
Direction = str | None
# Distinct (text, anchor, direction) readings kept; a run repeats many ("last year", "Tuesday").
CACHE_SIZE = 8192

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}
_WEEKDAYS = {d.lower(): i + 1 for i, d in enumerate(calendar.day_name)}
_WEEKDAYS |= {"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5}
_WEEKDAYS |= {"sat": 6, "sun": 7}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3}
_ORDINALS |= {"4th": 4, "final": 4}
_UNIT_CODES = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "decade": "DE",
    "century": "CE",
    "quarter-century": "Y",
    "hour": "H",
    "minute": "M",
    "second": "S",
}
_CLOCK_UNITS = frozenset({"hour", "minute", "second"})
_YEARS_PER = {"decade": 10, "century": 100, "quarter-century": 25}
# A fraction of a unit in the next smaller one: half a year is six months.
_SMALLER = {"year": ("month", 12), "day": ("hour", 24), "hour": ("minute", 60), "week": ("day", 7)}
_BEFORE = frozenset({"last", "past", "previous", "preceding", "prior"})
_AFTER = frozenset({"next", "coming", "following", "upcoming"})

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_UNIT = r"(?P<unit>year|month|week|day|decade|quarter-century|century|hour|minute|second)s?"
_NUMBER = (
    r"(?P<count>\d[\d,]*(?:\.\d+)?|a|an|one|a\s+couple(?:\s+of)?|a\s+dozen|half\s+a|"
    + "|".join(sorted(UNITS, key=len, reverse=True))
    + r"|several|a\s+few|few|many|some|numerous|recent|all)"
    + r"(?:\s+(?:to|or)\s+(?P<upto>\w+))?(?:\s+more)?"  # "three to four months", "two more years"
)
_REL = r"(?P<rel>last|past|previous|this|next|coming|current|following|upcoming)"
_PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}

# Leading words that change an expression's meaning (TimeML `mod`), longest first.
_MODS = (
    ("the beginning of", "START"),
    ("the start of", "START"),
    ("beginning of", "START"),
    ("start of", "START"),
    ("early", "START"),
    ("the end of", "END"),
    ("end of", "END"),
    ("late", "END"),
    ("the middle of", "MID"),
    ("mid", "MID"),
    ("approximately", "APPROX"),
    ("about", "APPROX"),
    ("around", "APPROX"),
    ("roughly", "APPROX"),
    ("some", "APPROX"),
    ("nearly", "APPROX"),
    ("almost", "APPROX"),
    ("just over", "MORE_THAN"),
    ("just under", "LESS_THAN"),
    ("less than", "LESS_THAN"),
    ("fewer than", "LESS_THAN"),
    ("under", "LESS_THAN"),
    ("more than", "MORE_THAN"),
    ("over", "MORE_THAN"),
    ("at least", "EQUAL_OR_MORE"),
    ("up to", "EQUAL_OR_LESS"),
    ("no more than", "EQUAL_OR_LESS"),
    ("at most", "EQUAL_OR_LESS"),
)
# "more than two years ago" names a point before the one "two years ago" names.
_AGO_MODS = {
    "MORE_THAN": "BEFORE",
    "LESS_THAN": "AFTER",
    "EQUAL_OR_MORE": "ON_OR_BEFORE",
    "EQUAL_OR_LESS": "ON_OR_AFTER",
}
# Words before an expression that are signals, not part of it ("in 2016", "since March").
_SIGNALS = re.compile(
    r"^(?:(?:in|on|at|during|since|by|from|until|till|through|for|of|before|after|as\s+of|within|throughout|earlier|later|so\s+far)\s+)+"
)


def resolve(
    text: str,
    anchor: date | None,
    direction: Direction = None,
    reference: tuple[date, date] | None = None,
) -> Timex:
    """TIMEX3 of one temporal expression.

    Args:
        text: the expression ("last year", "March 21", "the past five years", "every Monday").
        anchor: the article's publication date; None leaves relative expressions unresolved.
        direction: "past" or "future" when the sentence's tense says which way a bare month or
            weekday lies; None takes the nearest.
        reference: the [start, end) the text around it speaks of, which "the same period last
            year" and "a year earlier" move back by a year; without one they count from the
            anchor.
    Returns:
        The reading; start/end is the [start, end) interval for dates, times and durations
        anchored on the publication date ("the past five years"), else None.
    """
    normal = _normalise(text)
    if reference is not None and _YEAR_BACK.fullmatch(_peel_mod(normal)[0]):
        start, end = (day - relativedelta(years=1) for day in reference)
        return Timex("DATE", str(start.year), None, start, end)
    return _resolve(normal, anchor, direction)


@lru_cache(maxsize=CACHE_SIZE)
def _resolve(text: str, anchor: date | None, direction: Direction) -> Timex:
    rest, mod = _peel_mod(text)
    for pattern, read in _RULES:
        found = pattern.fullmatch(rest)
        if found:
            try:
                reading = read(found.groupdict(), anchor, direction)
            except (ValueError, OverflowError):  # "Feb. 30", a year past 9999: no such date
                reading = "DATE", "XXXX", None
            if reading is not None:
                return _finish(reading, mod, read is _ago)
    return _finish(_fallback(rest, anchor, direction), mod, False)


def rule_for(text: str) -> str:
    """Which rule reads text ("dateparser" when none does): for bench/dates.py's breakdown."""
    rest, _ = _peel_mod(_normalise(text))
    return next((r.__name__.strip("_") for p, r in _RULES if p.fullmatch(rest)), "dateparser")


_Reading = tuple[str, str, "tuple[date, date] | None"]
Groups = dict[str, str | None]


def _finish(reading: _Reading, mod: str | None, ago: bool) -> Timex:
    kind, value, span = reading
    if ago and mod is not None:
        mod = _AGO_MODS.get(mod, mod)
    if span is None and kind in ("DATE", "TIME") and "X" not in value:
        span = interval_of(value)
    start, end = span if span else (None, None)
    return Timex(kind, value, mod, start, end)


def _normalise(text: str) -> str:
    lower = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    lower = " ".join(lower.split()).strip(" ,.;:()").removesuffix("'s").strip()
    for phrase, same in _SYNONYMS:
        lower = re.sub(phrase, same, lower)
    return lower


# Phrases read as another ("this past January" is last January).
_SYNONYMS = (
    (r"\bthis past\b", "last"),
    (r"\ba fortnight\b", "two weeks"),
    (r"\bfortnights?\b", "weeks"),
    (r"\b(?:those|these)\s+first\b", "the first"),
)


def _peel_mod(text: str) -> tuple[str, str | None]:
    """(the expression without its signal and modifier words, the TimeML mod)."""
    text = re.sub(r"^the\s+(?=(?:early|late|mid)\b)", "", _SIGNALS.sub("", text))
    for words, mod in _MODS:
        if text.startswith(words + " ") or (words == "mid" and text.startswith("mid-")):
            rest = _SIGNALS.sub("", text[len(words) :].lstrip(" -"))
            if mod == "MORE_THAN" and not re.match(
                r"\d|a |an |one |[a-z]+ (?:year|month|week|day|hour|minute|second|decade|centur)",
                rest,
            ):
                return rest, None  # "over the past five years": a signal, not "more than"
            if rest.startswith("of "):
                rest = rest[3:]
            return rest, mod
    return text, None


# --- readings ------------------------------------------------------------------------------


def _present(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    span = (anchor, anchor + timedelta(days=1)) if anchor else None
    return "DATE", "PRESENT_REF", span


def _past_ref(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    return "DATE", "PAST_REF", None


def _future_ref(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    return "DATE", "FUTURE_REF", None


def _deictic_day(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """today, yesterday, tomorrow, tonight, this morning, last night, yesterday afternoon."""
    word, part = g.get("word"), g.get("part")
    shift = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}
    if word == "tonight":
        part = "night"
    value = _day_value(anchor, shift[word])
    if part:
        return "TIME", f"{value}T{_PART_OF_DAY[part]}", None
    if word == "today" and d != "past":  # "trends today", "today's businesses": nowadays
        return _present(g, anchor, d)
    return "DATE", value, None


def _clock(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    """ "3 p.m.", "3:30 p.m. Tuesday", "noon": the time on the day the rest names."""
    time = _clock_value(g.get("clock"))
    rest = (g.get("before") or g.get("after") or "").strip(" ,")
    rest = re.sub(r"^(?:on|at)\s+", "", rest)
    day = _resolve(rest, anchor, d).value if rest else _day_value(anchor, 0)
    if not re.fullmatch(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)|XXXX-WXX-\d", day):
        return None
    return "TIME", f"{day}T{time}", None


def _weekday_part(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "Tuesday night", "Monday morning"."""
    day = _weekday(g, anchor, d)[1]
    return "TIME", f"{day}T{_PART_OF_DAY[g.get('part')]}", None


def _iso_date(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    return _day_reading(int(g.get("y")), int(g.get("mo")), int(g.get("dd")))


def _us_date(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    year = int(g.get("y"))
    year += 2000 if year < 100 else 0
    return _day_reading(year, int(g.get("mo")), int(g.get("dd")))


def _full_date(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    return _day_reading(int(g.get("year")), _MONTHS[g.get("month")], int(g.get("day")))


def _month_year(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    return "DATE", f"{g.get('year')}-{_MONTHS[g.get('month')]:02d}", None


def _month_short_year(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "September of '67", "Jan. '08": a month of a year written with two digits."""
    year = _short_year(g, anchor, d)[1]
    return "DATE", f"{year}-{_MONTHS[g.get('month')]:02d}", None


def _year(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    return "DATE", g.get("year"), None


def _year_range(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    """ "2016-17", "the 2016-2017 school year": both years, read as one period."""
    first = int(g.get("year"))
    last = int(g.get("end")) if len(g.get("end")) == 4 else first // 100 * 100 + int(g.get("end"))
    if not first < last <= first + 10:
        return None
    return "DATE", g.get("year"), (date(first, 1, 1), date(last + 1, 1, 1))


def _short_year(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "'91" -> 1991, "'08" -> 2008."""
    yy = int(g.get("yy"))
    return "DATE", str(yy + (1900 if yy >= 30 else 2000)), None


def _decade(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "the 1990s" -> 199, "the '90s" -> 199."""
    digits = g.get("decade")
    if len(digits) == 2:
        digits = ("19" if int(digits) >= 30 else "20") + digits
    if digits.endswith("00") and int(digits) < 2000:  # "the 1800s": the century
        return "DATE", digits[:2], None
    return "DATE", digits[:3], None


def _century(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    if g.get("n"):
        return "DATE", f"{int(g.get('n')) - 1:02d}", None
    return "DATE", f"{anchor.year // 100:02d}" if anchor else "XX", None


def _fiscal(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "fiscal 2019", "FY19", "the 2019 fiscal year", "fiscal 2016-17" (ends 2017)."""
    digits = g.get("fy2") or g.get("fy")
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    if g.get("fy2") and len(g.get("fy2")) == 2:
        year = int(g.get("fy")) // 100 * 100 + int(g.get("fy2"))
    return "DATE", f"FY{year}", None


def _relative_fiscal(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "this fiscal year", "last fiscal year": the one the anchor falls in, or its neighbour."""
    if anchor is None:
        return "DATE", "FYXXXX", None
    return "DATE", f"FY{fiscal_year_of(anchor) + _shift(g.get('rel'))}", None


def _quarter(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "the third quarter of 2015", "Q3 2015", "the fourth quarter", "last quarter"."""
    n = _ORDINALS.get(g.get("nth") or "") or int(g.get("q") or 0)
    year = _year_of_phrase(g.get("of") or g.get("owner"), anchor)
    if g.get("rel") and not n:  # "last quarter": the one before the anchor's
        if anchor is None:
            return "DATE", "XXXX-QX", None
        q = anchor.year * 4 + (anchor.month - 1) // 3 + _shift(g.get("rel"))
        return "DATE", f"{q // 4}-Q{q % 4 + 1}", None
    if year is not None:
        return "DATE", f"{year}-Q{n}", None
    return "DATE", _nearest(f"Q{n}", anchor, d), None


def _half(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    n = 1 if g.get("nth") == "first" else 2
    year = _year_of_phrase(g.get("of") or g.get("owner"), anchor)
    if year is not None:
        return "DATE", f"{year}-H{n}", None
    return "DATE", _nearest(f"H{n}", anchor, d), None


def _season(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "summer 2016", "the summer of 2016", "last summer", "this fall", "the winter"."""
    code = _SEASONS[g.get("season")]
    if g.get("year"):
        return "DATE", f"{g.get('year')}-{code}", None
    if not g.get("rel") and not g.get("the"):  # "in winter": any winter
        return "DATE", f"XXXX-{code}", None
    return "DATE", _nearest(code, anchor, _rel_direction(g.get("rel"), d)), None


def _month_day(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    month, day = _MONTHS[g.get("month")], int(g.get("day"))
    if day > 31:
        return None
    return "DATE", _nearest(f"{month:02d}-{day:02d}", anchor, _rel_direction(g.get("rel"), d)), None


def _month(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    month = _MONTHS[g.get("month")]
    return "DATE", _nearest(f"{month:02d}", anchor, _rel_direction(g.get("rel"), d)), None


def _weekday(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "said Tuesday" and "will sign on Friday" read on a Friday: that Friday."""
    return (
        "DATE",
        _nearest(f"W{_WEEKDAYS[g.get('weekday')]}", anchor, _rel_direction(g.get("rel"), d)),
        None,
    )


def _holiday(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    name = g.get("holiday")
    if g.get("year"):
        return "DATE", _HOLIDAYS[name](int(g.get("year"))).isoformat(), None
    if anchor is None:
        return "DATE", "XXXX-XX-XX", None
    days = [_HOLIDAYS[name](y) for y in range(anchor.year - 2, anchor.year + 2)]
    return (
        "DATE",
        _pick([(x, x + timedelta(days=1)) for x in days], anchor, _rel_direction(g.get("rel"), d))[
            0
        ].isoformat(),
        None,
    )


def _relative_unit(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "last year", "this month", "next week", "the previous year", "this weekend"."""
    unit, shift = g.get("unit"), _shift(g.get("rel"))
    if unit == "weekend":
        if anchor is None:
            return "DATE", "XXXX-WXX-WE", None
        y, w, _ = (anchor + timedelta(weeks=shift)).isocalendar()
        return "DATE", f"{y}-W{w:02d}-WE", None
    return "DATE", _granular(anchor, unit, shift), None


def _ago(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    """ "two weeks ago" -> the week two weeks before the anchor; "a year from now"."""
    unit, count = g.get("unit"), _count(g.get("count"))
    if unit in _CLOCK_UNITS:
        return "DATE", _day_value(anchor, 0), None
    if count is None:
        return "DATE", "PAST_REF" if g.get("dir") == "ago" else "FUTURE_REF", None
    if not float(count).is_integer():
        return None
    sign = -1 if g.get("dir") == "ago" else 1
    if unit in _YEARS_PER:  # "a decade ago" is a year: 2008
        count, unit = count * _YEARS_PER[unit], "year"
    return "DATE", _granular(anchor, unit, sign * int(count)), None


def _anchored_duration(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "the past five years", "the next two weeks", "the last decade": P5Y, P2W, P1DE, with
    the interval it covers up to (or from) the anchor."""
    count = (_count(g.get("count")) if not g.get("upto") else None) if g.get("count") else 1
    value = _duration_value(count, g.get("unit"))
    length = duration_length(value)
    if anchor is None or length is None or g.get("rel") not in _BEFORE | _AFTER:
        return "DURATION", value, None
    day = timedelta(days=1)  # both count the publication day in
    if g.get("rel") in _BEFORE:
        return "DURATION", value, (anchor - length, anchor + day)
    return "DURATION", value, (anchor, anchor + length + day)


def _period_ended(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    """ "the quarter ended June 30", "the three months ended Sept. 30", "the fiscal year ending
    March 31, 2019": a reporting period named by its last day, the months up to it; or by its
    last month ("the quarter ending in March", "the three months to September")."""
    months = _PERIOD_MONTHS.get(g["period"]) or int(_count(g["count"]) or 0)
    last = _resolve(g["end"], anchor, "past")
    if not months or last.start is None or last.end is None:
        return None
    one_month = last.start.day == 1 and last.end == last.start + relativedelta(months=1)
    if last.end != last.start + timedelta(days=1) and not one_month:
        return None  # its end is no single known day or month
    return "DURATION", f"P{months}M", (last.end - relativedelta(months=months), last.end)


def _period_begun(g: Groups, anchor: date | None, d: Direction) -> _Reading | None:
    """ "the fiscal year that begins July 1", "the quarter beginning Oct. 1": a period named by
    its first day, which lies ahead unless the verb says it began."""
    months = _PERIOD_MONTHS.get(g["period"]) or int(_count(g["count"]) or 0)
    first = _resolve(g["start"], anchor, "past" if g["verb"] in ("began", "started") else "future")
    if not months or first.start is None or first.end != first.start + timedelta(days=1):
        return None  # its start is no single known day
    return "DURATION", f"P{months}M", (first.start, first.start + relativedelta(months=months))


def _duration(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "five years", "a decade", "18 months", "several weeks", "decades", "10-year",
    "2,000 years old", "18 years of age", "three to four months" (PXM)."""
    count = _count(g.get("count")) if g.get("count") and not g.get("upto") else None
    if g.get("half") or g.get("half_"):  # "17 and a half years": P17Y6M
        return "DURATION", _duration_value((count or 1) + 0.5, g.get("unit"), in_parts=True), None
    if (g.get("count") or "").startswith("half"):  # "half a year": P6M
        return "DURATION", _duration_value(count, g.get("unit"), in_parts=True), None
    return "DURATION", _duration_value(count, g.get("unit")), None


def _set(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "every year", "each week", "every two years", "annually", "daily", "per year"."""
    if g.get("adverb"):
        unit = {
            "annually": "year",
            "annual": "year",
            "yearly": "year",
            "monthly": "month",
            "weekly": "week",
        }.get(g.get("adverb"), "day" if g.get("adverb") in ("daily", "nightly") else "hour")
        return "SET", _duration_value(1, unit), None
    count = _count(g.get("count")) if g.get("count") else 1
    if g.get("other"):
        count = 2
    return "SET", _duration_value(count, g.get("unit")), None


def _weekday_set(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "every Monday", "Mondays" -> XXXX-WXX-1; "every summer" -> XXXX-SU."""
    if g.get("season"):
        return "SET", f"XXXX-{_SEASONS[g.get('season')]}", None
    return "SET", f"XXXX-WXX-{_WEEKDAYS[g.get('weekday')]}", None


def _year_earlier(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """ "the same period last year", "a year earlier" with nothing to count from: the year
    before the anchor's."""
    return "DATE", _granular(anchor, "year", -1), None


def _unknown(g: Groups, anchor: date | None, d: Direction) -> _Reading:
    """A date relative to another event ("the year before", "that day"): no value of its own."""
    return "DATE", "XXXX", None


# --- helpers -------------------------------------------------------------------------------


def _day_reading(year: int, month: int, day: int) -> _Reading | None:
    try:
        return "DATE", date(year, month, day).isoformat(), None
    except ValueError:  # "June 31", "Feb. 29" in a non-leap year: no such day
        return None


def _day_value(anchor: date | None, shift: int) -> str:
    return (anchor + timedelta(days=shift)).isoformat() if anchor else "XXXX-XX-XX"


def _granular(anchor: date | None, unit: str, shift: int) -> str:
    """The anchor moved by shift units, written at that unit's granularity."""
    if unit in ("quarter",):
        unit = "month"
    if anchor is None:
        return {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX", "decade": "XXX"}.get(
            unit, "XX" if unit == "century" else "XXXX-XX-XX"
        )
    moved = anchor + DURATION_UNITS[_UNIT_CODES[unit]] * shift
    if unit == "year":
        return str(moved.year)
    if unit == "month":
        return f"{moved.year}-{moved.month:02d}"
    if unit == "week":
        y, w, _ = moved.isocalendar()
        return f"{y}-W{w:02d}"
    if unit == "decade":
        return str(moved.year // 10)
    if unit == "century":
        return f"{moved.year // 100:02d}"
    return moved.isoformat()


def _nearest(part: str, anchor: date | None, direction: Direction) -> str:
    """The value of a month ("03"), month-day ("03-21"), weekday ("W2"), quarter ("Q3"), half
    ("H1") or season ("SU") in the year or week the direction points to from the anchor."""
    weekday = re.fullmatch(r"W\d", part) is not None
    if anchor is None:
        return f"XXXX-WXX-{part[1]}" if weekday else f"XXXX-{part}"
    if weekday:
        monday = anchor - timedelta(days=anchor.weekday())
        days = [monday + timedelta(days=7 * k + int(part[1]) - 1) for k in (-2, -1, 0, 1)]
        return _pick([(x, x + timedelta(days=1)) for x in days], anchor, direction)[0].isoformat()
    values = [f"{y}-{part}" for y in range(anchor.year - 2, anchor.year + 2)]
    if re.fullmatch(r"\d\d-\d\d", part):  # Feb. 29 exists in leap years only
        values = [v for v in values if _valid_day(v)]
    spans = {interval_of(v): v for v in values}
    return spans[_pick(list(spans), anchor, direction)]


def _pick(spans: list[tuple[date, date]], anchor: date, direction: Direction) -> tuple[date, date]:
    """Of consecutive candidate intervals: "past", the latest begun by the anchor; "before",
    the latest ended by it; "future", the earliest not yet ended; "after", the earliest begun
    after it; None, the one holding the anchor, else the nearest (earlier on a tie)."""
    if direction == "past":
        return max(s for s in spans if s[0] <= anchor)
    if direction == "before":
        return max(s for s in spans if s[1] <= anchor)
    if direction == "future":
        return min(s for s in spans if s[1] > anchor)
    if direction == "after":
        return min(s for s in spans if s[0] > anchor)
    day = timedelta(days=1)
    return min(spans, key=lambda s: (max(s[0] - anchor, anchor - s[1] + day, timedelta(0)), s))


def _rel_direction(rel: str | None, direction: Direction) -> Direction:
    """ "last March" lies before the anchor's month, "next March" after it, "this March" where
    the tense says."""
    if rel in _BEFORE:
        return "before"
    if rel in _AFTER:
        return "after"
    return direction


def _shift(rel: str | None) -> int:
    return -1 if rel in _BEFORE else 1 if rel in _AFTER else 0


def _valid_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _year_of_phrase(phrase: str | None, anchor: date | None) -> int | str | None:
    """ "of 2015" -> 2015; "of this year" / "of last year" -> from the anchor ("XXXX" without)."""
    if not phrase:
        return None
    if phrase.isdigit():
        return int(phrase)
    if anchor is None:
        return "XXXX"
    return anchor.year + _shift(phrase.split()[0])


def _count(word: str) -> float | None:
    """ "five" -> 5, "a" -> 1, "a couple of" -> 2; None for "several", "few", "many"."""
    word = " ".join(word.split())
    if word in ("a", "an", "one", "all"):
        return 1
    if word.startswith("a couple"):
        return 2
    if word == "a dozen":
        return 12
    if word == "half a":
        return 0.5
    if word in UNITS:
        return UNITS[word]
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", word):
        return float(word.replace(",", ""))
    return None


def _duration_value(count: float | None, unit: str, in_parts: bool = False) -> str:
    """ "P5Y", "PT2H", "PXM", "P29.6Y"; decades and centuries in years ("a decade" P10Y) unless
    vague ("decades" PXDE); in_parts, a fraction in the next smaller unit (P17Y6M)."""
    if count is not None and unit in _YEARS_PER:
        count, unit = count * _YEARS_PER[unit], "year"
    code = _UNIT_CODES[unit]
    prefix = "PT" if unit in _CLOCK_UNITS else "P"
    if count is None:
        return f"{prefix}X{code}"
    whole, part = divmod(count, 1)
    if part and in_parts and unit in _SMALLER:
        smaller, per = _SMALLER[unit]
        inner = f"{int(whole)}{code}" if whole else ""
        tee = "T" if smaller in _CLOCK_UNITS and prefix == "P" else ""
        return f"{prefix}{inner}{tee}{round(part * per)}{_UNIT_CODES[smaller]}"
    return f"{prefix}{int(count) if not part else count}{code}"


def _clock_value(text: str) -> str:
    """ "3 p.m." -> 15:00, "10:30 a.m." -> 10:30, "noon" -> 12:00, "midnight" -> 24:00."""
    if text in ("noon", "midday"):
        return "12:00"
    if text == "midnight":
        return "24:00"
    found = re.match(r"(\d{1,2})(?::(\d\d))?\s*([ap])", text)
    assert found is not None
    hour = int(found[1]) % 12 + (12 if found[3] == "p" else 0)
    return f"{hour:02d}:{found[2] or '00'}"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 the last) given weekday (0 = Monday) of a month."""
    days = [d for d in calendar.Calendar().itermonthdates(year, month) if d.month == month]
    return [d for d in days if d.weekday() == weekday][n if n < 0 else n - 1]


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's day": lambda y: date(y, 1, 1),
    "independence day": lambda y: date(y, 7, 4),
    "the fourth of july": lambda y: date(y, 7, 4),
    "july fourth": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "veterans day": lambda y: date(y, 11, 11),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter": easter,
    "mother's day": lambda y: _nth_weekday(y, 5, 6, 2),
    "father's day": lambda y: _nth_weekday(y, 6, 6, 3),
}
_HOLIDAY = (
    r"(?P<holiday>"
    + "|".join(re.escape(h) for h in sorted(_HOLIDAYS, key=len, reverse=True))
    + r")"
)
_CLOCK = r"(?P<clock>\d{1,2}(?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?)|noon|midday|midnight)"


def _fallback(text: str, anchor: date | None, direction: Direction) -> _Reading:
    """dateparser's reading of an absolute date no rule reads ("2016.03.21", "Mar 21st 2016 at
    3pm"): on tests/data/dates it is never right where the rules are, and its first call costs
    about a second of set-up, so relative text and bare numbers ("18") never reach it."""
    unresolved: _Reading = ("DATE", "XXXX", None)
    if not _ABSOLUTE.search(text):
        return unresolved
    reading = dateparser_reading(text, anchor, direction)
    if reading is None or (anchor is None and reading[1][:4] not in text):
        return unresolved
    return reading


def dateparser_reading(text: str, anchor: date | None, direction: Direction) -> _Reading | None:
    """dateparser's reading (type, value, None) at the granularity it reports, or None: the
    resolver's fallback and bench/dates.py's peer."""
    prefer = {"past": "past", "future": "future"}.get(direction or "", "current_period")
    base = datetime.combine(anchor or _NO_ANCHOR, datetime.min.time())
    try:
        data = _parser(base, prefer).get_date_data(text)
    except (ValueError, OverflowError):  # a date it moves past year 1 or 9999
        return None
    if data is None or data.date_obj is None:
        return None
    when, period = data.date_obj, data.period or "day"
    if period == "year":
        return "DATE", str(when.year), None
    if period == "month":
        return "DATE", f"{when.year}-{when.month:02d}", None
    if period == "week":
        y, w, _ = when.isocalendar()
        return "DATE", f"{y}-W{w:02d}", None
    if period == "time":
        return "TIME", when.strftime("%Y-%m-%dT%H:%M"), None
    return "DATE", when.date().isoformat(), None


@lru_cache(maxsize=64)
def _parser(base: datetime, prefer: str) -> DateDataParser:
    """English only: language detection costs 30x per call and misreads short spans."""
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": prefer,
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


_HAS_YEAR = re.compile(r"\b1[5-9]\d\d\b|\b20\d\d\b")
_ABSOLUTE = re.compile(rf"{_HAS_YEAR.pattern}|\d+[/.-]\d+[/.-]\d+")
_NO_ANCHOR = date(2000, 1, 1)  # dateparser needs a base; without an anchor only written years count

_R = re.compile
_PERIOD_MONTHS = {"quarter": 3, "half": 6, "year": 12, "fiscal year": 12}
_YEAR_BACK = _R(
    r"(?:the\s+)?same\s+(?:period|time|month|week|quarter|season|stretch)\s+(?:last|a)\s+year(?:\s+earlier|\s+before)?|a\s+year\s+(?:earlier|before)"
)
_RULES: list[
    tuple[re.Pattern[str], Callable[[Groups, date | None, Direction], _Reading | None]]
] = [
    (
        _R(
            r"now|right now|currently|at present|presently|nowadays|these days|at the moment|at this time|this time|so far|to date|as of now|for now|the present|present"
        ),
        _present,
    ),
    (
        _R(
            r"recently|lately|the past|in the past|previously|formerly|once|earlier|before|recent times|the recent past|years ago|long ago"
        ),
        _past_ref,
    ),
    (
        _R(
            r"the future|soon|later|eventually|the near future|the coming (?:years|months|weeks|days)|the years to come|in the future|someday"
        ),
        _future_ref,
    ),
    (
        _R(
            r"(?P<word>today|tonight|yesterday|tomorrow|this|last)(?:\s+(?P<part>morning|afternoon|evening|night))?"
        ),
        _deictic_day,
    ),
    (_R(rf"(?:(?P<before>.+?)\s+(?:at\s+)?)?{_CLOCK}(?:\s+(?P<after>.+))?"), _clock),
    (_R(rf"{_WEEKDAY}\s+(?P<part>morning|afternoon|evening|night)"), _weekday_part),
    (_R(r"(?P<y>\d{4})[-/](?P<mo>\d\d?)[-/](?P<dd>\d\d?)"), _iso_date),
    (_R(r"(?P<mo>\d\d?)/(?P<dd>\d\d?)/(?P<y>\d{4}|\d\d)"), _us_date),
    (_R(rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAYNUM},?\s+{_YEAR}"), _full_date),
    (_R(rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"), _full_date),
    (_R(rf"(?:the\s+month\s+of\s+)?{_MONTH},?\s+(?:of\s+)?{_YEAR}"), _month_year),
    (_R(rf"{_MONTH},?\s+(?:of\s+)?'\s?(?P<yy>\d\d)"), _month_short_year),  # "December of '74"
    (
        _R(
            rf"(?:the\s+)?(?:(?:calendar|school|academic|fiscal)\s+)?{_YEAR}\s*(?:-|/|to|through)\s*(?P<end>\d{{4}}|\d\d)(?:\s+(?:school|academic|season|academic year|school year))?(?:\s+year)?"
        ),
        _year_range,
    ),
    (
        _R(
            r"(?:the\s+)?(?:fiscal(?:\s+year)?|fy)\s*'?(?P<fy>\d{4}|\d\d)(?:\s*-\s*(?P<fy2>\d{4}|\d\d))?"
        ),
        _fiscal,
    ),
    (_R(r"(?:the\s+)?(?P<fy>\d{4})\s+fiscal\s+year"), _fiscal),
    (_R(r"(?:the\s+)?(?:year\s+)?" + _YEAR + r"(?:\s+calendar\s+year)?"), _year),
    (_R(r"'(?P<yy>\d\d)"), _short_year),
    (_R(r"(?:the\s+)?(?:'|mid-?)?(?P<decade>1[5-9]\d0|20\d0|\d0)'?s"), _decade),
    (_R(r"(?:the\s+)?(?:(?P<n>\d\d)(?:st|nd|rd|th)|this)\s+century"), _century),
    (_R(rf"(?:the\s+)?(?:{_REL}\s+)?fiscal\s+year"), _relative_fiscal),
    (
        _R(
            rf"(?:the\s+|(?P<owner>\d{{4}})\s*'s\s+)?(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th|final)|{_REL})[\s-]+quarter(?:\s+of\s+(?P<of>\d{{4}}|(?:this|last|next)\s+year|the\s+year))?"
        ),
        _quarter,
    ),
    (_R(r"q(?P<q>[1-4])(?:\s+(?P<of>\d{4}))?"), _quarter),
    (_R(r"(?P<of>\d{4})\s+q(?P<q>[1-4])"), _quarter),
    (
        _R(
            r"(?:the\s+|(?P<owner>\d{4})\s*'s\s+)?(?P<nth>first|second)\s+half(?:\s+of\s+(?P<of>\d{4}|(?:this|last|next)\s+year|the\s+year))?"
        ),
        _half,
    ),
    (
        _R(
            rf"(?:(?P<the>the)\s+)?(?:{_REL}\s+)?(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?{_YEAR})?"
        ),
        _season,
    ),
    (_R(rf"(?:{_REL}\s+)?{_HOLIDAY}(?:\s+{_YEAR})?"), _holiday),
    (_R(rf"(?:{_WEEKDAY},?\s+)?(?:{_REL}\s+)?{_MONTH}\s+{_DAYNUM}"), _month_day),
    (_R(rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAYNUM}\s+(?:of\s+)?{_MONTH}"), _month_day),
    (_R(rf"(?:the\s+month\s+of\s+)?(?:{_REL}\s+)?{_MONTH}"), _month),
    (_R(rf"(?:{_REL}\s+)?{_WEEKDAY}"), _weekday),
    (
        _R(
            rf"(?:the\s+)?(?:(?P<period>quarter|half|year|fiscal\s+year)|{_NUMBER}\s+months?)\s+(?:(?:that\s+)?end(?:ed|ing|s)(?:\s+in)?|to)\s+(?P<end>.+)"
        ),
        _period_ended,
    ),
    (
        _R(
            rf"(?:the\s+)?(?:(?P<period>quarter|half|year|fiscal\s+year)|{_NUMBER}\s+months?)\s+(?:that\s+)?(?P<verb>begins|beginning|began|starts|starting|started)\s+(?:on\s+)?(?P<start>.+)"
        ),
        _period_begun,
    ),
    # "the past year", "the last decade", "past five years", "the next two weeks": durations
    (
        _R(
            rf"the\s+(?P<rel>past|last|next|coming|first|recent|upcoming)\s+(?:{_NUMBER}\s+)?{_UNIT}"
        ),
        _anchored_duration,
    ),
    (_R(rf"(?P<rel>past|last|next|first)\s+{_NUMBER}\s+{_UNIT}"), _anchored_duration),
    (_R(rf"(?P<rel>past)\s+{_UNIT}"), _anchored_duration),
    # "last year", "this month", "next week", "the previous year": calendar units
    (
        _R(
            r"(?:the\s+)?(?P<rel>last|previous|this|next|current|coming)\s+(?P<unit>year|month|week|weekend|decade|century|quarter)"
        ),
        _relative_unit,
    ),
    (_R(r"the\s+(?P<unit>year|month|week)"), _relative_unit),  # "the beginning of the year"
    (_YEAR_BACK, _year_earlier),
    (_R(rf"{_NUMBER}\s+{_UNIT}\s+(?P<dir>ago|from now|hence)"), _ago),
    (
        _R(
            rf"(?:(?:once|twice|\w+\s+times)\s+(?:a|an|per|each)|every|each|per)\s+(?:(?P<other>other)\s+|{_NUMBER}\s+)?{_UNIT}|(?P<adverb>annually|annual|yearly|monthly|weekly|daily|nightly|hourly)"
        ),
        _set,
    ),
    (
        _R(rf"(?:every|each)\s+(?:{_WEEKDAY}|(?P<season>spring|summer|fall|autumn|winter))"),
        _weekday_set,
    ),
    (_R(r"(?P<weekday>" + "|".join(calendar.day_name).lower() + r")s"), _weekday_set),
    (
        _R(
            rf"(?:the\s+)?(?:{_NUMBER}(?P<half>\s+and\s+a\s+half)?[\s-]+)?{_UNIT}(?P<half_>\s+and\s+a\s+half)?(?:[\s-]+(?:long|old)|\s+of\s+age)?"
        ),
        _duration,
    ),
    (
        _R(
            r"(?:the|that|this|a)\s+(?:same\s+)?(?:day|week|month|year|time|period|season|night|morning|date)(?:\s+(?:before|after|earlier|later|prior))?|the\s+(?:previous|prior|following)\s+(?:day|week|month|year)|(?:a|one|the)\s+(?:day|week|month|year)\s+(?:before|after|earlier|later)"
        ),
        _unknown,
    ),
]
