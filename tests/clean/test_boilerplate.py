"""Every boilerplate line of the sample articles is dropped; every article paragraph is kept."""

from datetime import date

import pytest

from ingest.clean import clean_text, read_article
from ingest.clean.boilerplate import (
    _credits,
    classify_lines,
    pick_title,
    split_lines,
    strip_list_marker,
    widget_kind,
)
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
        "Campaign Link here",
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


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("© 2024 Connecticut Public", "copyright"),
        ("Copyright 2023 KDLN. All rights reserved.", "copyright"),
        ("WEDH · WEDN · WEDW · WEDY · WNPR", "station"),
        ("Play Live Radio", "station"),
        ("4 minute read", "station"),
        ("0:00 / 2:05", "player"),
        ("Facebook Twitter Email", "share"),
        ("Partager sur Facebook", "share"),
        ("You are commenting using your Twitter account. Log Out / Change )", "comment-form"),
        ("Skip to main content", "nav"),
        ("Home | News | Sports | Obituaries | Opinion", "nav"),
        ("Get the Chronicle’s top stories in your inbox every weekday morning.", "newsletter"),
        (
            "Sign up for the Morning Headlines newsletter and receive up to date information.",
            "newsletter",
        ),
        ("Download the full report (PDF, 2.1 MB)", "download"),
        ("Download the WDVN app", "app"),
        ("This news story is funded in large part by Valley Public Media’s Members.", "funding"),
        ("Advertisement", "ad"),
        ("RELATED: Eastport police to add 20 officers by 2020", "related"),
        ("Lire aussi : Rentrée scolaire : 412 élèves de plus", "related"),
        ("Reporting by Daniel Oyelowo; Editing by Leslie Adler", "credit"),
        ("WPS/jpm/lk", "credit"),
        ("Media Contact: Jordan Pike, Director of Communications", "contact"),
        ("203-555-0142 | jpike@shorelinefood.org", "contact"),
        ("24-hour hotline: 1-888-555-0110", "contact"),
        ("Tags: housing, real estate, Northfield County", "tags"),
        ("By Rachel Greene, Staff Writer", "byline"),
        ("Mid-State Public Media | By Hannah Cho", "byline"),
        ("Published July 21, 2022 at 5:14 PM EDT", "stamp"),
        ("Updated: 11:05 AM CST Jan 16, 2024", "stamp"),
        ("March 10, 2021 by Gail Stroud", "date"),
        ("Tom Hadley covers criminal justice for Valley Public Media.", "bio"),
        ("Eli Ramos is Harbor Public Radio’s city hall reporter.", "bio"),
        (
            "Your donation today will allow us to continue this work on your behalf. Give today "
            "at any amount and join the 40,000 members who are building a better community.",
            "donation",
        ),
        (
            "Support for independent journalism comes from readers like you. Your gift to the "
            "Harbor Ledger keeps reporters at city hall.",
            "donation",
        ),
        ("Become a sustaining member of our newsroom, powered by you.", "donation"),
        ("Give now", "station"),
        ("Get storm alerts: Download the free KBTV 4 News app for iPhone and Android.", "app"),
        ("Story continues below advertisement", "ad"),
        ("[IMG] Bins overflow at the drop-off site. (Photo courtesy of the county)", "credit"),
        ("Ruiz reported from Hartford. Staff writer Al Dunn contributed from Boston.", "credit"),
        ("Eds: This version corrects the spelling of a name.", "credit"),
        (
            "This story appeared in the Wednesday, Jan. 15, 2025, print edition of the Observer.",
            "print",
        ),
        ("A version of this article appeared in print on March 13, 2024, on Page A1.", "print"),
        ("READ NEXT: County raises landfill fee to $58 a ton", "related"),
        ("Get news releases by email or text", "newsletter"),
        ("115 N. Court Street, Calder, OH 45999", "contact"),
        ("Lobby hours: Monday - Friday, 8 a.m. - 4:30 p.m.", "contact"),
        ("- END -", "end-mark"),
        (
            "A crew patches the road near Exit 12 on Tuesday. Marta Ruiz / Valley Public Media",
            "credit",
        ),
        ("About the Coalition for Safe Homes: The Coalition is a statewide network.", "about"),
        ("###", "end-mark"),
        (
            "We value your privacy. We and our partners use cookies to deliver and improve our "
            "services. Manage choices   Agree",
            "legal",
        ),
    ],
)
def test_widget_kind_names_chrome(line, kind):
    assert widget_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "The hotline number is 888-373-7888.",
        "Customers can call 1-800-555-0188 or visit harborline.com/help.",
        "The full report is available at www.safehomescoalition.org/report2017.",
        "Construction begins in April.",
        "They cluster.",
        "Copyright law protects the authors of those maps, the judge wrote.",
        "If you want to donate to relief efforts, the Red Cross accepts gifts online.",
        "About 94,000 Harborline customers currently receive the discount rate.",
        "The project is funded in part by a $12 million grant from the state.",
        "Residents must sign in at the front desk.",
        "Sign up for flu shots at any county clinic.",
        "Homicide | 12 | 9 | -25%",
        "Check the property card first",
        "The county will begin certifying results Nov. 18.",
        "Eastport schools to start Aug. 28",
        "Scouts sold 4,000 boxes of cookies at the fair, organizers said.",
        "Donors who give by March 31 will receive a $10 gift card.",
        "Residents can download the county's alert app at the library.",
        "The ratio rose to 3 / 4 by the end of the year, the report said.",
        "Ruiz reported from the scene that 40 homes were damaged.",
        "The end of the program was announced Tuesday.",
    ],
)
def test_widget_kind_leaves_article_lines_alone(line):
    assert widget_kind(line) is None


PAGE = """Skip to content
The Harbor Ledger
News | Sports | Opinion | Obituaries
City budget grows 4% as council adds 12 firefighters
The spending plan now goes to the mayor.
By Ana Ruiz
Published May 2, 2023
Share
The City Council approved a $212 million budget on Tuesday, 4% more than this year, after adding money for 12 firefighters.
Advertisement
The vote was 7-2. Council members who voted no said the plan relies on one-time money.
Where the money goes
Public safety takes 41% of the total.
Schools get $88 million, up from $84 million.
Next Up:
Council to vote on harbor dredging
0:00
“We protected the services people use every day,” Council President Mia Lowe said.
The budget takes effect July 1.
Ana Ruiz covers City Hall for The Harbor Ledger.
Most Popular
Harbor festival returns
Leave a Reply
I think the council did fine this year, honestly, given everything that happened.
© 2024 The Harbor Ledger"""
PAGE_ARTICLE = [
    "The City Council approved a $212 million budget on Tuesday, 4% more than this year, after"
    " adding money for 12 firefighters.",
    "The vote was 7-2. Council members who voted no said the plan relies on one-time money.",
    "Where the money goes",
    "Public safety takes 41% of the total.",
    "Schools get $88 million, up from $84 million.",
    "“We protected the services people use every day,” Council President Mia Lowe said.",
    "The budget takes effect July 1.",
]


def test_read_article_keeps_every_article_line_and_nothing_else():
    article = read_article(PAGE, TODAY)
    assert article.text.split("\n\n") == PAGE_ARTICLE


def test_read_article_keeps_what_it_removed_with_the_rule_that_removed_it():
    article = read_article(PAGE, TODAY)
    kept = set(article.text.split("\n\n"))
    page = [ln.strip() for ln in PAGE.splitlines() if ln.strip()]
    removed = [line for _, line in article.removed]
    assert [ln for ln in page if ln not in kept] == removed
    assert all(rule for rule, _ in article.removed)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("title", "City budget grows 4% as council adds 12 firefighters"),
        ("author", "Ana Ruiz"),
        ("site", "The Harbor Ledger"),
        ("published_date", date(2023, 5, 2)),
    ],
)
def test_read_article_reads_page_metadata(field, expected):
    assert getattr(read_article(PAGE, TODAY), field) == expected


def test_classify_lines_date_headings_do_not_hide_a_timeline():
    lines = [
        "How the outbreak unfolded",
        "March 3, 2020",
        "The first case in the county was confirmed at a nursing home in Riverton on Tuesday.",
        "March 9, 2020",
        "Schools closed for two weeks after 14 more cases were confirmed across the county.",
    ]
    kept = [v.line for v in classify_lines(lines) if v.keep]
    assert kept == [lines[2], lines[4]]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Swimming beaches along the state's rivers and lakes were closed for a\n"
            "combined 412 days last summer because of high bacteria levels, more\n"
            "than double the 187 closure days recorded in 2014, according to a\n"
            "report released today.\n\n"
            "1. Crescent Lake Town Beach - 34 days\n2. Miller's Pond - 29 days\n",
            [
                "Swimming beaches along the state's rivers and lakes were closed for a combined 412"
                " days last summer because of high bacteria levels, more than double the 187"
                " closure days recorded in 2014, according to a report released today.",
                "1. Crescent Lake Town Beach - 34 days",
                "2. Miller's Pond - 29 days",
            ],
        ),
        (
            "Homicides also declined.\nThey cluster.\n",
            ["Homicides also declined.", "They cluster."],
        ),
        ("Le tarif\u00a0: 4,43\u00a0euros\r\n\r\n", ["Le tarif : 4,43 euros"]),
        (  # an indented dump under a headline longer than its wrap column
            "   Harbor County to close two recycling drop-off sites as contamination doubles\n\n"
            "   Harbor County will close two of its five recycling drop-off sites on\n"
            "   March 1 after the share of trash mixed into the bins more than doubled\n"
            "   in two years, county solid waste officials said Monday, and the sites\n"
            "   will be staffed on Saturdays.\n",
            [
                "Harbor County to close two recycling drop-off sites as contamination doubles",
                "Harbor County will close two of its five recycling drop-off sites on March 1 after"
                " the share of trash mixed into the bins more than doubled in two years, county"
                " solid waste officials said Monday, and the sites will be staffed on Saturdays.",
            ],
        ),
    ],
)
def test_split_lines_unwraps_hard_wrapped_paragraphs_only(raw, expected):
    assert split_lines(raw) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("- 61% of adults had children with them.", "61% of adults had children with them."),
        ("• Let faucets drip.", "Let faucets drip."),
        ("  * Enroll in budget billing;".strip(), "Enroll in budget billing;"),
        ("2) “What about ingredients?”", "“What about ingredients?”"),
        ("2019 was a record year.", "2019 was a record year."),
        ("-30 degrees by morning", "-30 degrees by morning"),
        ("+ Added Slime Block", "Added Slime Block"),  # a changelog's "added" item
        ("+3 points on the day", "+3 points on the day"),
    ],
)
def test_strip_list_marker_removes_only_markers(line, expected):
    assert strip_list_marker(line) == expected


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            [
                "CLEAN RIVERS ALLIANCE",
                "Beach closures doubled in 2015 as bacteria counts rose",
                "Report urges $15 million a year for stormwater fixes",
            ],
            "Beach closures doubled in 2015 as bacteria counts rose",
        ),
        (
            ["PR Wirehouse", "Send a Release", "Utility files winter electric supply rates today"],
            "Utility files winter electric supply rates today",
        ),
        (
            [
                "Mark Reyes",
                "/",
                "Valley Public Media",
                "The prison, one of the state's 14 prisons.",
            ],
            None,
        ),
    ],
)
def test_pick_title_skips_deks_and_captions(head, title):
    lines = [
        *head,
        "The number of people in state prisons has fallen below 9,000 for the first time.",
    ]
    assert pick_title(lines, classify_lines(lines)) == title


def test_read_article_takes_no_date_from_the_sites_today_bar():
    page = "Monday, November 23, 2026\nThe Harbor Ledger\n" + PAGE.split("Share\n", 1)[1]
    page = page.replace(
        "The City Council", "City budget grows 4%\nBy Ana Ruiz\nThe City Council", 1
    )
    assert read_article(page, TODAY).published_date is None


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("000_316ee5c2934a6761.txt", "Connecticut Aims at Child Sex Trafficking"),
        (
            "001_e2ea2737bfaf5501.txt",
            "New Task Force to Fight Child Sex Trafficking in Connecticut",
        ),
        ("003_74146334a0fda0d9.txt", "Sex Trafficking Isn’t What You Think It Is."),
    ],
)
def test_clean_text_takes_sample_headlines_out_of_the_text(name, title):
    text, found, _ = clean_text((SAMPLES / name).read_text("utf-8"), TODAY)
    assert found == title
    assert title not in text


STORY = [
    "The council approved the budget on Tuesday after a long debate about the library's hours.",
    "It adds money for 12 firefighters and a second ambulance crew in the north of the city.",
    "The mayor said the vote was the closest in a decade and thanked residents who came.",
    "Residents can comment on the spending plan until the end of the month at city hall.",
]


def test_a_comment_counter_above_the_story_does_not_end_it():
    verdicts = classify_lines(["- 24 July 2015", "- 941 comments", *STORY], extracted=True)
    assert [v.rule for v in verdicts[1:2]] == ["comment-count"]
    assert all(v.keep for v in verdicts[2:])


def test_a_comment_opener_after_the_story_still_ends_it():
    verdicts = classify_lines([*STORY, "12 comments", "Great article, thanks!"], extracted=True)
    assert [v.rule for v in verdicts[-2:]] == ["terminator", "after-terminator"]


def test_an_extracted_story_goes_on_after_a_terminator_only_where_unbroken_prose_follows():
    story = classify_lines([STORY[0], "Read more", *STORY[1:]], extracted=True)
    assert all(v.keep for v in story)
    gallery = ["You Might Also Like", "- Share on Twitter", STORY[1], "- Next", *STORY[2:]]
    ended = classify_lines([STORY[0], *gallery], extracted=True)
    assert [v.rule for v in ended[1:3]] == ["terminator", "after-terminator"]
    assert not any(v.keep for v in ended[1:])


def test_extracted_table_rows_of_words_are_a_table_not_a_menu():
    rows = ["Status | Stage | Next step", "success | completed | N/A", "failed | retried | N/A"]
    extracted = classify_lines([*STORY[:2], *rows, *STORY[2:]], extracted=True)
    assert all(v.keep for v in extracted)
    page = classify_lines([*STORY[:2], *rows, *STORY[2:]])
    assert [v.rule for v in page[2:5]] == ["widget:nav"] * 3


def test_a_photo_credit_is_a_lone_slash_between_two_names_not_a_slash_in_a_code_listing():
    credit = ["Eli Ramos", "/", "Harbor Public Radio", "Supporters cheer early returns."]
    assert _credits(credit) == {0, 1, 2, 3}
    listing = ["@ 4:cbdfbd5a5db2 (alice)", "/", "$ hg rebase -d 5", "We assume Alice rebases."]
    assert _credits(listing) == set()


def test_a_lists_short_last_items_are_kept_after_an_item_that_is_prose():
    items = [
        "- Villagers will now harvest crops and plant new ones in the fields around them.",
        "- Buttons can be placed on the ceiling",
        "- Removed Herobrine",
    ]
    assert all(v.keep for v in classify_lines([*STORY, *items], extracted=True))
    links = classify_lines([*STORY, *items[1:]], extracted=True)  # no list above them
    assert [v.rule for v in links[-2:]] == ["tail", "tail"]


def test_preformatted_lines_are_kept_as_the_author_laid_them_out():
    listing = ["OPTIONS /bob/ HTTP/1.1", "Origin: https://drinks.example.com", "Comments"]
    wrapped = "[CORS] van Kesteren, Anne (ed), W3C Candidate Recommendation 29 January 2013"
    references = [
        "[CORS]",
        "van Kesteren, Anne (ed),",
        "W3C Candidate Recommendation 29 January 2013",
    ]
    lines = [*STORY, *listing, STORY[0], wrapped]
    verdicts = classify_lines(lines, extracted=True, preformatted=frozenset(listing + references))
    assert all(v.keep for v in verdicts)
    assert [v.rule for v in classify_lines(lines, extracted=True)[4:]] == [
        "tail",
        "widget:link",
        "terminator",
        "after-terminator",
        "after-terminator",
    ]


def test_a_preformatted_lines_numbering_is_kept():
    steps = [
        "repeat every second:",
        "1. poll tasks ready for execution",
        "2. push tasks onto queues",
    ]
    text = "\n".join([*STORY, *steps])
    kept = read_article(text, TODAY, extracted=True, preformatted=frozenset(steps)).text
    assert kept.split("\n\n")[-2:] == steps[1:]


def test_an_extracted_pages_own_numbering_is_kept_its_bullets_are_not():
    ranked = ["21) The Last Jedi", "- 5. Beware the wall-mounted hairdryer"]
    text = "\n".join([STORY[0], *ranked, *STORY[1:]])
    extracted = read_article(text, TODAY, extracted=True).text.split("\n\n")
    assert extracted[1:3] == ["21) The Last Jedi", "5. Beware the wall-mounted hairdryer"]
    assert read_article(text, TODAY).text.split("\n\n")[1:3] == [
        "The Last Jedi",
        "5. Beware the wall-mounted hairdryer",
    ]
