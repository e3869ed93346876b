from datetime import date

import pytest

from ingest.claims.timescope import names_period, resolve_scope

PUB = date(2017, 1, 11)


@pytest.mark.parametrize(
    ("signal", "ends", "start", "end"),
    [
        ("since", ["2008"], date(2008, 1, 1), PUB),
        ("Since its inception in", ["2008"], date(2008, 1, 1), PUB),
        ("in", ["2016"], date(2016, 1, 1), date(2016, 12, 31)),
        ("in", ["fiscal 2019"], date(2018, 7, 1), date(2019, 6, 30)),
        ("between", ["2010", "2015"], date(2010, 1, 1), date(2015, 12, 31)),
        ("", ["2016-17"], date(2016, 1, 1), date(2017, 12, 31)),
        ("", ["March 2016"], date(2016, 3, 1), date(2016, 3, 31)),
        ("", ["last year"], date(2016, 1, 1), date(2016, 12, 31)),
        ("", ["this year"], date(2017, 1, 1), date(2017, 12, 31)),
        ("in", ["December"], date(2016, 12, 1), date(2016, 12, 31)),
        ("since", ["Aug. 27"], date(2016, 8, 27), PUB),
        ("on", ["Tuesday"], date(2017, 1, 10), date(2017, 1, 10)),
        ("from", ["June 1", "Aug. 20"], date(2016, 6, 1), date(2016, 8, 20)),
        ("as of", ["January 3, 2017"], date(2017, 1, 3), date(2017, 1, 3)),
        ("", ["the past five years"], date(2012, 1, 11), PUB),
        ("", ["currently"], PUB, PUB),
        ("over", ["the next four weeks"], PUB, date(2017, 2, 8)),
        ("over", ["the next two years"], PUB, date(2019, 1, 11)),
        ("over", ["the past decade"], date(2007, 1, 11), PUB),
        ("in", ["recent years"], None, None),
        ("", ["June 31, 2019"], None, None),
        ("Mayor Ross said on", ["Tuesday"], date(2017, 1, 10), date(2017, 1, 10)),
        ("in", ["the fourth quarter"], date(2016, 10, 1), date(2016, 12, 31)),
        ("in", ["the first quarter"], date(2017, 1, 1), date(2017, 3, 31)),
        ("", ["the second quarter of 2015"], date(2015, 4, 1), date(2015, 6, 30)),
        ("by", ["2030"], None, None),  # a target, not a period
        ("could start as early as", ["March"], None, None),  # the earliest it may happen
        ("as soon as", ["next week"], None, None),
        ("", ["earlier this year"], date(2017, 1, 1), PUB),  # the part before publication
        ("so far", ["this month"], date(2017, 1, 1), PUB),
        ("", ["later this year"], PUB, date(2017, 12, 31)),
        ("", ["this fiscal year"], date(2016, 7, 1), date(2017, 6, 30)),
        ("", ["last fiscal year"], date(2015, 7, 1), date(2016, 6, 30)),
    ],
)
def test_resolve_scope_against_publication_date(signal, ends, start, end):
    assert resolve_scope(signal, ends, PUB) == (start, end)


def test_resolve_scope_follows_the_direction_of_the_sentence():
    assert resolve_scope("in", ["March"], PUB, "future") == (date(2017, 3, 1), date(2017, 3, 31))
    assert resolve_scope("in", ["March"], PUB, "past") == (date(2016, 3, 1), date(2016, 3, 31))


@pytest.mark.parametrize(
    "ends",
    [["last year"], ["this year"], ["currently"], ["the next four weeks"], ["July"], ["Monday"]],
)
def test_resolve_scope_relative_without_publication_date_is_null(ends):
    assert resolve_scope("", ends, None) == (None, None)


def test_resolve_scope_since_without_publication_date_has_open_end():
    assert resolve_scope("since", ["2006"], None) == (date(2006, 1, 1), None)


@pytest.mark.parametrize(
    ("signal", "ends", "named"),
    [
        ("", ["last year"], True),
        ("in", ["2016"], True),
        ("over", ["the year before"], False),
        ("", ["recently"], False),
        ("by", ["2030"], False),
    ],
)
def test_names_period_tells_expressions_that_name_a_period(signal, ends, named):
    assert names_period(signal, ends) is named
