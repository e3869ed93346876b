"""Every boilerplate line of the sample articles is dropped; every article paragraph is kept."""

from datetime import date

import pytest

from ingest.clean import clean_text
from ingest.clean.pubdate import date_from_lines

from ..conftest import SAMPLES

TODAY = date(2026, 11, 23)

BOILERPLATE = {
    "000_316ee5c2934a6761.txt": [
        "Leave a Reply",
        "Fill in your details below",
        "You are commenting using",
        "Connecting to %s",
        "Learn more at Josh Kovner",
    ],
    "001_e2ea2737bfaf5501.txt": [
        "© 2024 Connecticut Public",
        "FCC Public Inspection Files",
        "WEDH · WEDN",
        "Play Live Radio",
        "0:00",
        "Chris Beckett",
        "Creative Commons",
        "Diane Orson is a special correspondent",
        "Stand up for civility",
        "join the 50,000 members",
        "Related Content",
        "donor support for more than 50 years",
    ],
    "002_e367ed55e4785959.txt": [
        "860-240-1475",
        "CONTACT: Christine Palm",
        "FOR IMMEDIATE RELEASE",
    ],
    "003_74146334a0fda0d9.txt": ["Comment Love", "Google+ photo", "Log Out"],
}
ARTICLE = {
    "000_316ee5c2934a6761.txt": ["has fielded nearly 200 calls", "prison term of up to 10 years"],
    "001_e2ea2737bfaf5501.txt": [
        "14 local police departments",
        "DCF data show about 80 referrals last year.",
        "888-373-7888",
    ],
    "002_e367ed55e4785959.txt": [
        "just under 200 such referrals",
        "currently, there are 456 referrals",
        "Recommend further discussion on revising",
    ],
    "003_74146334a0fda0d9.txt": [
        "more than 500 children have been identified",
        "Over the next four weeks",
    ],
    "004_0f5cd104d341501b.txt": [
        "432 child victims of human trafficking",
        "between 50-80%",
        "start counting these kids",
    ],
}


@pytest.mark.parametrize(
    ("name", "line"), [(n, ln) for n, lines in BOILERPLATE.items() for ln in lines]
)
def test_clean_text_drops_sample_boilerplate(name, line):
    text, _, _ = clean_text((SAMPLES / name).read_text("utf-8"), TODAY)
    assert line not in text


@pytest.mark.parametrize(
    ("name", "line"), [(n, ln) for n, lines in ARTICLE.items() for ln in lines]
)
def test_clean_text_keeps_sample_article_sentences(name, line):
    text, _, _ = clean_text((SAMPLES / name).read_text("utf-8"), TODAY)
    assert line in text


def test_clean_text_reads_release_dateline_not_copyright_year():
    assert clean_text((SAMPLES / "002_e367ed55e4785959.txt").read_text("utf-8"), TODAY)[2] == date(
        2017, 1, 11
    )
    assert clean_text((SAMPLES / "001_e2ea2737bfaf5501.txt").read_text("utf-8"), TODAY)[2] is None


def test_clean_text_takes_headline_as_title():
    _, title, _ = clean_text((SAMPLES / "004_0f5cd104d341501b.txt").read_text("utf-8"), TODAY)
    assert title == "Connecticut's Child Trafficking Crisis"


@pytest.mark.parametrize(
    ("head", "first", "expected"),
    [
        (["Published March 3, 2016"], None, date(2016, 3, 3)),
        (["Posted on May 2, 2018 by admin"], None, date(2018, 5, 2)),
        ([], "HARTFORD, Conn. (March 3, 2016) – The state said", date(2016, 3, 3)),
        (["Updated March 9, 2016"], None, None),
        (["© 2024 Connecticut Public"], None, None),
        (["Published December 1, 2030"], None, None),
    ],
)
def test_date_from_lines_only_trusts_publication_cues(head, first, expected):
    assert date_from_lines(head, first, TODAY) == expected
