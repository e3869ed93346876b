"""Author and site from a page's own lines."""

import pytest

from ingest.clean.meta import (
    as_spelled,
    author_from_lines,
    clean_author,
    clean_site,
    site_from_lines,
)


@pytest.mark.parametrize(
    ("head", "author"),
    [
        (["By Rachel Greene, Staff Writer", "Published Aug. 8, 2019"], "Rachel Greene"),
        (["Valley Public Media | By Tom Hadley"], "Tom Hadley"),
        (["Author: Kendra Lowe"], "Kendra Lowe"),
        (["Par Claire Dubois"], "Claire Dubois"),
        (["Posted on April 9, 2018 by jrowland"], "jrowland"),
        (["By ELAINE KO"], "Elaine Ko"),
        (["By Aditi Rao and Tom Keller"], "Aditi Rao; Tom Keller"),
        (["Ines Carvalho", "The Valley Dispatch", "Sep 24, 2020"], "Ines Carvalho"),
        (["News provided by", "Harborline Energy", "Feb 02, 2022, 10:30 ET"], None),
        (["FOR IMMEDIATE RELEASE", "March 8, 2021"], None),
    ],
)
def test_author_from_lines_reads_bylines(head, author):
    assert author_from_lines(head) == author


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Elaine Ko; Associated Newswire", "Elaine Ko"),
        ("Jenna Alvarez; First Alert Meteorologist", "Jenna Alvarez"),
        ("For Immediate Release", None),
        ("Delphine Akers | dakers@fenwickcourier.com", "Delphine Akers"),
        ("Nathan Willis March", "Nathan Willis"),  # the dateline ran into the byline
        ("Brian May", "Brian May"),
        ("Jeffrey Gettleman; JEFFREY GETTLEMAN", "Jeffrey Gettleman"),
        ("Username", None),
        (None, None),
    ],
)
def test_clean_author_keeps_people_only(value, expected):
    assert clean_author(value) == expected


@pytest.mark.parametrize(
    ("lines", "head_size", "site"),
    [
        (["Harbor Public Radio | By Eli Ramos", "Story."], 1, "Harbor Public Radio"),
        (
            [
                "KMDV 6 NEWS",
                "Title here",
                "Get the KMDV 6 News app.",
                "© 2025 KMDV Broadcasting, Inc.",
            ],
            2,
            "KMDV 6 News",
        ),
        (["Story text.", "© 2022 Northfield Chronicle"], 0, "Northfield Chronicle"),
        (["Search", "Government", "Government Websites by CivicEngine"], 2, None),
        (["A blog post title", "Posted on January 8, 2019 by Laura Benning"], 2, None),
    ],
)
def test_site_from_lines_needs_a_confirmed_name(lines, head_size, site):
    assert site_from_lines(lines, lines[:head_size]) == site


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Nordstadt Kurier GmbH", "Nordstadt Kurier"),
        ("KMDV Broadcasting, Inc.", "KMDV Broadcasting"),
    ],
)
def test_clean_site_drops_legal_form(value, expected):
    assert clean_site(value) == expected


@pytest.mark.parametrize(
    ("author", "lines", "expected"),
    [
        ("Maria T Alvarez", ["Home", "By Maria T. Alvarez | May 2, 2021"], "Maria T. Alvarez"),
        ("Ann Lee; J R Hope", ["Ann Lee and J. R. Hope"], "Ann Lee; J. R. Hope"),
        ("Maria T Alvarez", ["Maria T Alvarez"], "Maria T Alvarez"),  # the page writes none
        ("T Alvarezson", ["Tom T. Alvarez"], "T Alvarezson"),  # another name: left as it is
    ],
)
def test_as_spelled_restores_the_full_stops_of_initials(author, lines, expected):
    assert as_spelled(author, lines) == expected
