"""HTML pages: trafilatura's text with structure kept, dates from the article only."""

from datetime import date
from pathlib import Path

import lxml.html
import pytest
import trafilatura

from ingest.clean import clean_document, read_page
from ingest.clean.html import (
    Page,
    collapse_space,
    collapse_whitespace,
    extract_html,
    headline,
    normalise_blocks,
    publication_date,
    render_math,
    restore_headings,
    structured_date,
    within_article,
    wrap_loose_text,
)
from ingest.errors import Reason
from ingest.records import CleanDoc, RawDoc, Rejection

TODAY = date(2026, 11, 23)
PARAGRAPHS = [
    "The county recorded 612 violent crimes in 2022, compared with 658 in 2021, police said.",
    "Property crime rose 4%, largely because of an increase in motor vehicle thefts this year.",
    "Officers made 1,204 arrests, the lowest number since the department began keeping records.",
]


def page(head: str = "", meta: str = "", extra: str = "", aside: str = "") -> str:
    """A small saved news page around PARAGRAPHS."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>Crime falls 7% | Riverton Police Department</title>{meta}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Crime falls 7%</h1>{head}"
        f"<div class='story-body'>{body}{extra}</div></article>{aside}"
        "<footer><p>© 2024 Riverton Police Department</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            page(
                meta="<meta property='article:published_time' content='2023-03-01T09:00:00-05:00'>"
            ),
            date(2023, 3, 1),
        ),
        (
            page(
                head="<p class='byline'>By Sam Lee <time datetime='2019-06-03T15:12:00-05:00'>June 3, 2019</time></p>"
            ),
            date(2019, 6, 3),
        ),
        (page(extra="<div class='page-meta'>Page last reviewed: March 2, 2023</div>"), None),
        (
            page(
                aside="<div id='comments'><div class='comment'><time>September 18, 2019 at 6:02 am</time><p>Great post, thanks.</p></div></div>"
            ),
            None,
        ),
        (
            page(
                aside="<aside class='sidebar'><h3>Recent News</h3><ul><li>Food drive sets record <small>December 20, 2022</small></li></ul></aside>"
            ),
            None,
        ),
        (
            page(meta="<meta property='article:published_time' content='2031-01-01T09:00:00Z'>"),
            None,
        ),
    ],
)
def test_publication_date_ignores_comments_sidebars_and_review_stamps(html, expected):
    assert publication_date(trafilatura.load_html(html), TODAY) == expected


def test_extract_html_keeps_one_block_per_line_and_table_cells():
    table = (
        "<table><tr><th>Offense</th><th>2021</th><th>2022</th></tr>"
        "<tr><td>Homicide</td><td>12</td><td>9</td></tr></table>"
    )
    text = extract_html(page(extra=table), TODAY).text
    assert text.splitlines()[1:] == [*PARAGRAPHS, "Offense | 2021 | 2022", "Homicide | 12 | 9"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("| Offense | 2021 | \n|---|---|\n| Homicide | 12 | ", "Offense | 2021\nHomicide | 12"),
        ("First  paragraph.\n\n\nSecond\u00a0one.", "First paragraph.\nSecond one."),
    ],
)
def test_normalise_blocks_writes_rows_as_cells(text, expected):
    assert normalise_blocks(text) == expected


@pytest.mark.parametrize(
    ("extra", "absent"),
    [
        (
            "<p class='dek'>Officials credit a new patrol plan for most of the decline.</p>",
            "patrol plan",
        ),
        (
            "<h3>About Riverton Police</h3><p>The department employs 212 sworn officers in 4 districts.</p>",
            "212 sworn",
        ),
        ("<p>Sam Lee covers public safety for the Riverton Gazette.</p>", "covers public safety"),
    ],
)
def test_clean_document_drops_what_trafilatura_keeps(extra, absent):
    html = page(head=extra) if "dek" in extra else page(extra=extra)
    doc = clean_document(RawDoc("id", "page.html", ".html", html), TODAY)
    assert absent not in doc.text
    assert all(p in doc.text for p in PARAGRAPHS)


def test_clean_document_reads_site_from_title_when_markup_names_none():
    doc = clean_document(RawDoc("id", "page.html", ".html", page()), TODAY)
    assert (doc.title, doc.site) == ("Crime falls 7%", "Riverton Police Department")


def test_clean_document_keeps_a_table_that_ends_the_article():
    table = (
        "<table><tr><th>Offense</th><th>Year</th></tr>"
        "<tr><td>Homicide</td><td>9</td></tr><tr><td>Robbery</td><td>174</td></tr></table>"
    )
    doc = clean_document(RawDoc("id", "page.html", ".html", page(extra=table)), TODAY)
    assert doc.text.split("\n\n")[-3:] == ["Offense | Year", "Homicide | 9", "Robbery | 174"]


MINIFIED = (
    "<html><head><title>Council adopts budget</title><script>var state = {"
    + ",".join(f'"k{i}": "{"v" * 40}"' for i in range(6_000))
    + "};</script></head><body><article><h1>Council adopts budget</h1>"
    + "<p>The City Council adopted a $212 million budget on Tuesday, adding money for twelve "
    "firefighters and two new library branches after a long public hearing.</p>"
    * 3
    + "</article></body></html>"
)


def test_minified_page_on_one_line_is_ordinary_input():
    assert "\n" not in MINIFIED and len(MINIFIED) > 250_000
    doc = clean_document(RawDoc("id", "page.html", ".html", MINIFIED), TODAY, max_line_chars=2_000)
    assert isinstance(doc, CleanDoc)
    assert doc.text.startswith("The City Council adopted a $212 million budget")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("line.txt", "x" * 3_000),
        ("line.html", "<html><body><p>" + "word " * 1_000 + "</p></body></html>"),
    ],
)
def test_a_line_of_article_text_over_the_limit_is_refused(name, text):
    doc = clean_document(RawDoc("id", name, Path(name).suffix, text), TODAY, max_line_chars=2_000)
    assert isinstance(doc, Rejection)
    assert (doc.stage, doc.reason) == ("clean", Reason.LONG_LINE)


def _tree(head: str, body: str = "<p>x</p>"):
    return trafilatura.load_html(f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        # the outlet's own time zone names the printed day, not the UTC stamp
        (
            '<meta property="article:published_time" content="2022-12-23T21:15:00-05:00">'
            '<script type="application/ld+json">{"datePublished": "2022-12-24T02:15:00Z"}</script>',
            "2022-12-23",
        ),
        # JSON-LD wrapped in CDATA, nested in @graph; the day as written
        (
            '<script type="application/ld+json"><![CDATA[{"@graph": [{"@type": "WebPage"},'
            ' {"@type": "NewsArticle", "datePublished": "2018-06-12T23:00:00.000Z"}]}]]></script>',
            "2018-06-12",
        ),
        ('<meta itemprop="datePublished" content="2015-03-18">', "2015-03-18"),
        ('<script type="application/ld+json">{not json</script>', None),
    ],
)
def test_structured_date_reads_the_metadata_day(head, expected):
    assert structured_date(_tree(head)) == expected


def test_a_one_paragraph_note_is_not_taken_away_as_its_own_headline():
    note = "AI hasn’t meaningfully changed anything in cybersecurity so far, the survey found."
    doc = clean_document(
        RawDoc("id", "note.html", ".html", f"<html><body><p>{note}</p></body></html>"), TODAY
    )
    assert isinstance(doc, CleanDoc) and doc.text == note


def test_within_article_fills_the_precise_span_from_the_recall_extraction():
    recall = (
        "Related: other story\nLead paragraph.\n1. Finland\n2. Norway\nLast paragraph.\nMore news"
    )
    assert within_article(recall, "Lead paragraph.\nLast paragraph.") == (
        "Lead paragraph.\n1. Finland\n2. Norway\nLast paragraph."
    )
    assert within_article(recall, "Lead paragraph.\nA line only precision found.") == (
        "Lead paragraph.\nA line only precision found."
    )


def test_text_the_page_never_shows_is_not_article_text():
    story = "".join(
        f"<p>Paragraph {n} of the story says the council met on Tuesday to vote on the budget.</p>"
        for n in range(6)
    )
    hidden = (
        '<div style="display: none">Hidden teaser text about something else entirely.</div>'
        "<p hidden>A hidden paragraph the reader never sees on the page.</p>"
    )
    page = extract_html(f"<html><body><article>{story}{hidden}</article></body></html>", TODAY)
    assert "Paragraph 5" in page.text
    assert "Hidden teaser" not in page.text
    assert "hidden paragraph" not in page.text


@pytest.mark.parametrize(
    ("title", "h1", "meta", "expected"),
    [
        # a section's name in the only <h1>: the <title>'s headline part is the story's
        (
            "Dogs That Walk Daily Live Longer, Study Finds | Pet Health",
            "Pet Health Center",
            "",
            "Dogs That Walk Daily Live Longer, Study Finds",
        ),
        # a <title> that names only the section: the <h1> stays
        ("Media Room | Ashford County", "County opens two cooling centres", "", None),
        # the headline the metadata states beats a promo heading
        (
            "Atlas",
            "Plan your next trip with us!",
            '<script type="application/ld+json">{"@graph": [{"headline": "Why tide tables fail"}]}</script>',
            "Why tide tables fail",
        ),
        # an <h1> worded a little differently from og:title names the same story: it stays
        (
            "x",
            "Harbor fees rise 4% for cruise lines",
            "<meta property='og:title' content='Harbor fees rise for cruise lines'>",
            None,
        ),
    ],
)
def test_headline_prefers_what_the_page_states_over_a_section_heading(title, h1, meta, expected):
    tree = _tree(f"<title>{title}</title>{meta}", body=f"<h1>{h1}</h1>")
    assert headline(tree, extracted=h1) == (expected or h1)


def test_markup_whitespace_collapses_as_a_browser_renders_it_except_in_pre():
    assert collapse_space("Oscar dress\n      -- adorned in  pearls") == (
        "Oscar dress -- adorned in pearls"
    )
    assert collapse_space("\n    Step 1  ") == "\nStep 1 "
    tree = trafilatura.load_html(
        "<html><body><p>An indented\n   paragraph</p><pre>a  b\n  c</pre></body></html>"
    )
    collapse_whitespace(tree)
    assert tree.findtext(".//p") == "An indented paragraph"
    assert tree.findtext(".//pre") == "a  b\n  c"


def test_a_paragraph_indented_over_source_lines_is_one_line_of_article_text():
    lines = "\n                ".join(PARAGRAPHS[0].split(", "))
    html = page(extra=f"<p>\n                {lines}\n            </p>")
    text = extract_html(html, TODAY).text
    assert PARAGRAPHS[0].replace(", ", " ") in text.replace(",", "")


def test_within_article_anchors_on_the_next_precise_line_the_recall_text_holds():
    recall = "Menu\nAbout This Site\nLead paragraph.\nMac Apps\nLast paragraph.\nFooter"
    assert within_article(recall, "By John Gruber\nLead paragraph.\nLast paragraph.") == (
        "By John Gruber\nLead paragraph.\nMac Apps\nLast paragraph."
    )
    rows = "| Name | Count |\n| Ann | 3 |"
    assert within_article(f"Nav\n{rows}\nMiddle\nEnd.", "|Name|Count|\nEnd.") == (
        "Name | Count\nAnn | 3\nMiddle\nEnd."
    )


def test_loose_text_after_a_block_is_a_paragraph_of_its_own():
    tree = trafilatura.load_html(
        "<html><body><div><figure><img src='a.jpg'></figure>The flag code has guidelines but"
        " no rules for <a href='/p'>punishment</a> of violations.<p>Next.</p>"
        "<div>x</div> or <b>this</b></div></body></html>"
    )
    wrap_loose_text(tree)
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert paragraphs == [
        "The flag code has guidelines but no rules for punishment of violations.",
        "Next.",
    ]


def test_loose_text_broken_by_links_counts_all_its_words_but_a_row_of_links_stays_loose():
    tree = trafilatura.load_html(
        "<html><body><div><div class='byline'>By Nathan Willis</div> The project was"
        " <a href='/a'>announced</a> in 2010 and found a new home as an"
        " <a href='/b'>Apache</a> project.<p>Next.</p>"
        "<div>Related</div><a href='/1'>Budget passes after a long debate</a> |"
        " <a href='/2'>Library hours cut on weekends this fall</a></div></body></html>"
    )
    wrap_loose_text(tree)
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert paragraphs == [
        "The project was announced in 2010 and found a new home as an Apache project.",
        "Next.",
    ]


def test_mathml_is_rendered_as_its_symbols_without_its_tex_source():
    tree = trafilatura.load_html(
        "<html><body><p>When <math><mi>a</mi><mo>≠</mo><mn>0</mn></math>, two roots:</p>"
        "<math display='block'><semantics><mrow><mi>x</mi><mo>=</mo><mn>2</mn></mrow>"
        "<annotation encoding='application/x-tex'>x=2</annotation></semantics></math>"
        "</body></html>"
    )
    render_math(tree)
    paragraphs = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert paragraphs == ["When a ≠ 0, two roots:", "x = 2"]


def test_a_story_paragraph_left_loose_in_its_container_is_extracted():
    loose = "The flag code has guidelines for the treatment of the flag but sets no punishment."
    html = page(extra=f"<div class='figure'><img src='a.jpg'></div>{loose}")
    assert loose in extract_html(html, TODAY).text.splitlines()


def test_read_page_takes_the_byline_above_the_first_paragraph_the_page_breaks_over_lines():
    first = "CAIRO — Gunmen opened fire at a museum on Wednesday, killing at least 19 people."
    lines = ("Comments", "By Erin Lamb", "March 18 at 3:57 PM", first[:52], first[52:])
    page = Page(first, "Attack at museum", "Username", None, None, lines)
    assert read_page(page, TODAY).author == "Erin Lamb"


def test_an_article_laid_out_in_a_table_keeps_its_paragraphs_and_nested_tables():
    data = (
        "<table><tr><th>Offense</th><th>2022</th></tr>"
        "<tr><td>Homicide</td><td>9</td></tr><tr><td>Robbery</td><td>174</td></tr></table>"
    )
    first, second, third = (f"<p>{p}</p>" for p in PARAGRAPHS)
    layout = (
        "<html><body><table><tr><td><a href='/'>Home</a></td>"
        f"<td><h1>Crime falls 7%</h1>{first}{second}{data}{third}</td></tr></table>"
        "</body></html>"
    )
    lines = extract_html(layout, TODAY).text.splitlines()
    assert set(PARAGRAPHS) <= set(lines)
    assert "Robbery | 174" in lines


def test_text_in_and_after_a_custom_element_is_article_text():
    formula = (
        "<p>When</p><mjx-container><span>a ≠ 0</span></mjx-container>, the equation has two"
        " solutions, and the county's model uses both of them in its forecasts."
    )
    text = extract_html(page(extra=formula), TODAY).text
    assert "a ≠ 0" in text
    assert "the equation has two solutions" in text


def test_a_pre_blocks_lines_reach_the_line_rules_as_preformatted():
    listing = "<pre>GET /bob/ HTTP/1.1\n   Origin:   https://drinks.example.com\n\n</pre>"
    page = extract_html(f"<html><body><p>{PARAGRAPHS[0]}</p>{listing}</body></html>", TODAY)
    assert page.preformatted == {"GET /bob/ HTTP/1.1", "Origin: https://drinks.example.com"}


def test_a_section_heading_the_extraction_dropped_goes_back_between_its_paragraphs():
    first, second, third = PARAGRAPHS
    tree = lxml.html.fromstring(
        f"<div><p>{first}</p><h3>Thefts</h3><p>{second}</p>"
        f"<div class='box'><h3>Most Read</h3><ul><li>Mayor wins</li></ul></div><p>{third}</p></div>"
    )
    text = restore_headings(tree, "\n".join(PARAGRAPHS))
    assert text.splitlines() == [first, "Thefts", second, third]
    assert restore_headings(tree, f"{first}\n{third}") == f"{first}\n{third}"
