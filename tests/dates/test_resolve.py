from datetime import date

import pytest

from ingest.dates.resolve import resolve

PUB = date(2017, 1, 11)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "kind", "value", "mod"),
    [
        ("2016", "DATE", "2016", None),
        ("March 2016", "DATE", "2016-03", None),
        ("March 21, 2016", "DATE", "2016-03-21", None),
        ("Tuesday, March 21, 2016", "DATE", "2016-03-21", None),
        ("21 March 2016", "DATE", "2016-03-21", None),
        ("3/21/2016", "DATE", "2016-03-21", None),
        ("last year", "DATE", "2016", None),
        ("next month", "DATE", "2017-02", None),
        ("last week", "DATE", "2017-W01", None),
        ("this weekend", "DATE", "2017-W02-WE", None),
        ("today", "DATE", "PRESENT_REF", None),  # "trends today": nowadays
        ("the beginning of the year", "DATE", "2017", "START"),
        ("this past January", "DATE", "2016-01", None),
        ("the late 1800s", "DATE", "18", "END"),
        ("'91", "DATE", "1991", None),
        ("March of '88", "DATE", "1988-03", None),
        ("Oct. '05", "DATE", "2005-10", None),
        ("winter", "DATE", "XXXX-WI", None),  # any winter
        ("yesterday morning", "TIME", "2017-01-10TMO", None),
        ("3 p.m. Tuesday", "TIME", "2017-01-10T15:00", None),
        ("two weeks ago", "DATE", "2016-W52", None),
        ("three years ago", "DATE", "2014", None),
        ("more than two years ago", "DATE", "2015", "BEFORE"),
        ("fiscal 2019", "DATE", "FY2019", None),
        ("the 2019 fiscal year", "DATE", "FY2019", None),
        ("the third quarter of 2015", "DATE", "2015-Q3", None),
        ("Q3 2015", "DATE", "2015-Q3", None),
        ("the first half of 2016", "DATE", "2016-H1", None),
        ("2016's first half", "DATE", "2016-H1", None),
        ("2015's third quarter", "DATE", "2015-Q3", None),
        ("summer 2016", "DATE", "2016-SU", None),
        ("last summer", "DATE", "2016-SU", None),
        ("the 1990s", "DATE", "199", None),
        ("the mid-1990s", "DATE", "199", "MID"),
        ("early 2016", "DATE", "2016", "START"),
        ("the end of March 2016", "DATE", "2016-03", "END"),
        ("Christmas", "DATE", "2016-12-25", None),
        ("Thanksgiving 2016", "DATE", "2016-11-24", None),
        ("three years", "DURATION", "P3Y", None),
        ("about two hours", "DURATION", "PT2H", "APPROX"),
        ("a decade", "DURATION", "P10Y", None),
        ("decades", "DURATION", "PXDE", None),
        ("nearly a century", "DURATION", "P100Y", "APPROX"),
        ("12 and a half years", "DURATION", "P12Y6M", None),
        ("2,000 years old", "DURATION", "P2000Y", None),
        ("the last three to four months", "DURATION", "PXM", None),
        ("just over two minutes", "DURATION", "PT2M", "MORE_THAN"),
        ("a fortnight", "DURATION", "P2W", None),
        ("a decade ago", "DATE", "2007", None),
        ("several months", "DURATION", "PXM", None),
        ("the past five years", "DURATION", "P5Y", None),
        ("every Monday", "SET", "XXXX-WXX-1", None),
        ("every two years", "SET", "P2Y", None),
        ("twice a year", "SET", "P1Y", None),
        ("annually", "SET", "P1Y", None),
        ("now", "DATE", "PRESENT_REF", None),
        ("currently", "DATE", "PRESENT_REF", None),
        ("recently", "DATE", "PAST_REF", None),
        ("in recent years", "DURATION", "PXY", None),
        ("the future", "DATE", "FUTURE_REF", None),
    ],
)
def test_resolve_reads_timex3(text, kind, value, mod):
    timex = resolve(text, PUB)
    assert (timex.type, timex.value, timex.mod) == (kind, value, mod)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2016", date(2016, 1, 1), date(2017, 1, 1)),
        ("March 2016", date(2016, 3, 1), date(2016, 4, 1)),
        ("last week", date(2017, 1, 2), date(2017, 1, 9)),
        ("fiscal 2019", date(2018, 7, 1), date(2019, 7, 1)),
        ("the third quarter of 2015", date(2015, 7, 1), date(2015, 10, 1)),
        ("winter 2016", date(2016, 12, 1), date(2017, 3, 1)),
        ("the 2016-17 school year", date(2016, 1, 1), date(2018, 1, 1)),
        ("the past five years", date(2012, 1, 11), date(2017, 1, 12)),
        ("the quarter ended Sept. 30", date(2016, 7, 1), date(2016, 10, 1)),
        ("the nine months ended Sept. 30", date(2016, 1, 1), date(2016, 10, 1)),
        ("the fiscal year ending March 31, 2019", date(2018, 4, 1), date(2019, 4, 1)),
        # a reporting period named by its last month, also the British "to"
        ("the quarter ending in March", date(2016, 1, 1), date(2016, 4, 1)),
        ("the three months to September", date(2016, 7, 1), date(2016, 10, 1)),
        ("the year to March", date(2015, 4, 1), date(2016, 4, 1)),
        # one named by its first day lies ahead unless it began
        ("the fiscal year that begins July 1", date(2017, 7, 1), date(2018, 7, 1)),
        ("the quarter that began Oct. 1", date(2016, 10, 1), date(2017, 1, 1)),
        ("three years", None, None),
        ("every Monday", None, None),
    ],
)
def test_resolve_gives_the_interval_named(text, start, end):
    timex = resolve(text, PUB)
    assert (timex.start, timex.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        ("March", "past", "2016-03"),
        ("March", "future", "2017-03"),
        ("March", None, "2017-03"),  # two months ahead is nearer than ten back
        ("December", None, "2016-12"),
        ("Tuesday", "past", "2017-01-10"),
        ("Tuesday", "future", "2017-01-17"),
        ("Friday", None, "2017-01-13"),
        ("last Wednesday", None, "2017-01-04"),
        ("next Wednesday", None, "2017-01-18"),
        ("June 1", "past", "2016-06-01"),
        ("the fourth quarter", "past", "2016-Q4"),
        ("today", "past", "2017-01-11"),  # "sat before me today": that day
        ("Wednesday", "future", "2017-01-11"),  # "will sign on Wednesday", read on one
    ],
)
def test_resolve_follows_the_direction_of_the_sentence(text, direction, value):
    assert resolve(text, PUB, direction).value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("last year", "XXXX"),
        ("in July", "XXXX-07"),
        ("Tuesday", "XXXX-WXX-2"),
        ("two weeks ago", "XXXX-WXX"),
        ("today", "PRESENT_REF"),
        ("this summer", "XXXX-SU"),
        ("March 21", "XXXX-03-21"),
        ("now", "PRESENT_REF"),
    ],
)
def test_resolve_without_publication_date_leaves_x_values_and_no_interval(text, value):
    timex = resolve(text, None)
    assert (timex.value, timex.start, timex.end) == (value, None, None)


def test_resolve_absolute_dates_need_no_publication_date():
    assert resolve("March 21, 2016", None).start == date(2016, 3, 21)


@pytest.mark.parametrize("text", ["under 18", "June 31, 2019", "the season"])
def test_resolve_leaves_what_is_no_date_unresolved(text):
    assert resolve(text, PUB).start is None


def test_resolve_counts_a_year_back_from_the_period_spoken_of():
    spring = (date(2024, 4, 1), date(2024, 6, 14))
    timex = resolve("the same period last year", date(2024, 6, 13), "past", spring)
    assert (timex.start, timex.end) == (date(2023, 4, 1), date(2023, 6, 14))
    assert resolve("a year earlier", date(2024, 6, 13)).value == "2023"
