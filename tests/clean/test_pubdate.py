"""Publication dates: only what the page states as its publication, never a trap."""

from datetime import date

import pytest

from ingest.clean.pubdate import date_from_lines, parse_date

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("head", "first", "language", "expected"),
    [
        (["FOR IMMEDIATE RELEASE Jan. 11, 2017"], None, "en", date(2017, 1, 11)),
        (
            ["Posted: Tue 6:04 PM, Oct 01, 2024  |  Updated: Wed 7:58 AM, Oct 02, 2024"],
            None,
            "en",
            date(2024, 10, 1),
        ),
        (["Published: 6:00 PM EDT September 14, 2022"], None, "en", date(2022, 9, 14)),
        (
            ["Posted at 10:02 PM, Apr 27, 2023", "and last updated 7:15 AM, Apr 28, 2023"],
            None,
            "en",
            date(2023, 4, 27),
        ),
        (
            ["Published 2:14 PM EDT, June 2, 2020", "Updated 10:31 AM EDT, June 3, 2020"],
            None,
            "en",
            date(2020, 6, 2),
        ),
        (
            ["Updated: 11:05 AM CST Jan 16, 2024", "Posted: 6:30 AM CST Jan 15, 2024"],
            None,
            "en",
            date(2024, 1, 15),
        ),
        (
            ["Release Date: August 5, 2021", "Last Modified: 08/09/2021"],
            None,
            "en",
            date(2021, 8, 5),
        ),
        (["Posted on: April 22, 2019"], None, "en", date(2019, 4, 22)),
        (
            ["Ines Carvalho", "Sep 24, 2020", "Updated Sep 25, 2020 8:02 AM"],
            None,
            "en",
            date(2020, 9, 24),
        ),
        (["March 10, 2021 by Gail Stroud"], None, "en", date(2021, 3, 10)),
        (
            ["Publié le 12 septembre 2022 à 18h04, mis à jour le 13 septembre 2022 à 07h15"],
            None,
            "fr",
            date(2022, 9, 12),
        ),
        (["Veröffentlicht am 04.07.2023"], None, "de", date(2023, 7, 4)),
        (
            [],
            "BOSTON, Feb. 2, 2022 /PRWirehouse/ -- Harborline Energy today filed",
            "en",
            date(2022, 2, 2),
        ),
        (
            [],
            "GENEVA, Dec. 4, 2023 (WPS) — There were an estimated 249 million",
            "en",
            date(2023, 12, 4),
        ),
        ([], "HARTFORD, Conn. (March 3, 2016) – Swimming beaches along", "en", date(2016, 3, 3)),
    ],
)
def test_date_from_lines_reads_stated_publication(head, first, language, expected):
    assert date_from_lines(head, first, TODAY, language) == expected


@pytest.mark.parametrize(
    ("head", "first"),
    [
        (["© 2024 Connecticut Public"], None),
        (["Copyright 2022 WDVN. All rights reserved."], None),
        (["Updated: 6:42 PM EDT Aug 19, 2021"], None),
        (["Page last reviewed: March 2, 2023"], None),
        (["Last Modified: 08/09/2021"], None),
        (["Published December 1, 2030"], None),  # after the ingest date: a misreading
        ([], "WASHINGTON, Oct. 4 (GNS) - Pedestrian deaths on U.S. roads reached 7,508"),
        ([], "The hearing on the findings is scheduled for Sept. 28, 2022, lawmakers said."),
        (["Report Number: 2021-14", "Audit Type: Performance"], None),
    ],
)
def test_date_from_lines_refuses_traps(head, first):
    assert date_from_lines(head, first, TODAY) is None


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Sept. 12, 2022", "en", date(2022, 9, 12)),
        ("3/4/2020", "en", date(2020, 3, 4)),
        ("3/4/2020", "es", date(2020, 4, 3)),
        ("15/03/2022", "es", date(2022, 3, 15)),
        ("May 2019", "en", None),  # no day: not a publication date
    ],
)
def test_parse_date_reads_numeric_dates_by_language(text, language, expected):
    assert parse_date(text, language) == expected


@pytest.mark.parametrize(
    ("head", "bare_from", "expected"),
    [
        (["Monday, March 4, 2024", "Council passes budget", "By Ana Ruiz"], 2, None),
        (["Council passes budget", "Ana Ruiz", "Sep 24, 2020"], 1, date(2020, 9, 24)),
        (
            ["Monday, March 4, 2024", "Council passes budget", "Posted on May 2, 2023"],
            2,
            date(2023, 5, 2),
        ),
    ],
)
def test_date_from_lines_ignores_a_bare_date_above_the_headline(head, bare_from, expected):
    assert date_from_lines(head, None, TODAY, bare_from=bare_from) == expected


def test_date_from_lines_reads_a_cue_on_its_own_line_above_the_headline():
    head = ["News Release", "FOR IMMEDIATE RELEASE", "March 4, 2025", "Blood supply drops"]
    # bare dates count only after the headline (index 3), so the cue must carry this one
    assert date_from_lines(head, None, TODAY, "en", bare_from=4) == date(2025, 3, 4)
