from datetime import date

import pytest

from ingest.claims.timescope import names_period, resolve_scope

PUB = date(2017, 1, 11)


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("since 2008", date(2008, 1, 1), PUB),
        ("Since its inception in 2008", date(2008, 1, 1), PUB),
        ("in 2016", date(2016, 1, 1), date(2016, 12, 31)),
        ("in fiscal 2019", date(2018, 7, 1), date(2019, 6, 30)),
        ("between 2010 and 2015", date(2010, 1, 1), date(2015, 12, 31)),
        ("March 2016", date(2016, 3, 1), date(2016, 3, 31)),
        ("last year", date(2016, 1, 1), date(2016, 12, 31)),
        ("this year", date(2017, 1, 1), date(2017, 12, 31)),
        ("in December", date(2016, 12, 1), date(2016, 12, 31)),
        ("since Aug. 27", date(2016, 8, 27), PUB),
        ("on Tuesday", date(2017, 1, 10), date(2017, 1, 10)),
        ("from June 1 through Aug. 20", date(2016, 6, 1), date(2016, 8, 20)),
        ("as of January 3, 2017", date(2017, 1, 3), date(2017, 1, 3)),
        ("the past five years", date(2012, 1, 11), PUB),
        ("currently", PUB, PUB),
        ("over the next four weeks", PUB, date(2017, 2, 8)),
        ("over the next two years", PUB, date(2019, 1, 11)),
        ("in recent years", None, None),
        ("June 31, 2019", None, None),
        ("over the past decade", None, None),
        ("Mayor Ross said on Tuesday", date(2017, 1, 10), date(2017, 1, 10)),
        ("in the fourth quarter", date(2016, 10, 1), date(2016, 12, 31)),
        ("in the first quarter", date(2017, 1, 1), date(2017, 3, 31)),
        ("the second quarter of 2015", date(2015, 4, 1), date(2015, 6, 30)),
        ("by 2030", None, None),  # a target, not a period
        ("this fiscal year", date(2016, 7, 1), date(2017, 6, 30)),
        ("last fiscal year", date(2015, 7, 1), date(2016, 6, 30)),
    ],
)
def test_resolve_scope_against_publication_date(phrase, start, end):
    assert resolve_scope(phrase, PUB) == (start, end)


@pytest.mark.parametrize(
    "phrase",
    ["last year", "this year", "currently", "over the next four weeks", "in July", "on Monday"],
)
def test_resolve_scope_relative_without_publication_date_is_null(phrase):
    assert resolve_scope(phrase, None) == (None, None)


def test_resolve_scope_since_without_publication_date_has_open_end():
    assert resolve_scope("since 2006", None) == (date(2006, 1, 1), None)


@pytest.mark.parametrize(
    ("phrase", "named"),
    [("last year", True), ("in 2016", True), ("over the year before", False), ("the fall", False)],
)
def test_names_period_tells_phrases_the_rules_read(phrase, named):
    assert names_period(phrase) is named
