from datetime import date

import pytest

from ingest.claims.timescope import resolve_scope

PUB = date(2017, 1, 11)


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("since 2008", date(2008, 1, 1), PUB),
        ("Since its inception in 2008", date(2008, 1, 1), PUB),
        ("in 2016", date(2016, 1, 1), date(2016, 12, 31)),
        ("in fiscal 2019", date(2019, 1, 1), date(2019, 12, 31)),
        ("between 2010 and 2015", date(2010, 1, 1), date(2015, 12, 31)),
        ("March 2016", date(2016, 3, 1), date(2016, 3, 31)),
        ("last year", date(2016, 1, 1), date(2016, 12, 31)),
        ("this year", date(2017, 1, 1), PUB),
        ("currently", PUB, PUB),
        ("over the next four weeks", PUB, date(2017, 2, 8)),
        ("in recent years", None, None),
    ],
)
def test_resolve_scope_against_publication_date(phrase, start, end):
    assert resolve_scope(phrase, PUB) == (start, end)


@pytest.mark.parametrize(
    "phrase", ["last year", "this year", "currently", "over the next four weeks", "last week"]
)
def test_resolve_scope_relative_without_publication_date_is_null(phrase):
    assert resolve_scope(phrase, None) == (None, None)


def test_resolve_scope_since_without_publication_date_has_open_end():
    assert resolve_scope("since 2006", None) == (date(2006, 1, 1), None)
