"""The `dates` relation on real pipeline output: HTML pages anchored on their metadata's date."""

from datetime import date
from pathlib import Path

import pytest

from ingest.annotate.paragraphs import annotate_texts
from ingest.batch import annotate_batch, claims_batch
from ingest.clean import clean_document
from ingest.dates.mentions import dates_from_paragraphs
from ingest.records import RawDoc
from ingest.settings import load_settings

from ..conftest import MODEL

pytestmark = pytest.mark.model

BODY = (
    "<article><h1>Shelter referrals climb</h1>"
    "<p>The state shelter took in 412 people last year, up from 318 in March 2016, the "
    "director said Tuesday.</p>"
    "<p>Officials expect the new wing to open next month and say demand is now higher than "
    "at any time in the past five years.</p></article>"
)
PAGES = {
    "meta": '<html><head><meta property="article:published_time" content="2017-01-11T09:00:00Z">'
    "</head><body>" + BODY + "</body></html>",
    "json-ld": '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
    '"datePublished": "2017-01-11"}</script></head><body>' + BODY + "</body></html>",
    "time": '<html><body><time datetime="2017-01-11">Jan. 11, 2017</time>'
    + BODY
    + "</body></html>",
}


def _dates(html: str):
    raw = RawDoc("d1", "story.html", ".html", html)
    doc = clean_document(raw, date(2026, 12, 2))
    settings = load_settings(env={"INGEST__PATHS__MODEL": str(MODEL)})
    annotated, failed = annotate_batch([(Path("story.html"), doc)], settings)
    extracted = claims_batch(annotated, settings)
    assert not failed and not extracted.rejected
    [(_, extraction)] = extracted.extractions
    return doc, extraction.dates


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_mentions_of_an_html_page_are_anchored_on_its_published_date(kind):
    doc, dates = _dates(PAGES[kind])
    assert doc.published_date == date(2017, 1, 11)
    found = {d.text: (d.type, d.value, d.range_start, d.anchored_on) for d in dates}
    assert found["last year"] == ("DATE", "2016", date(2016, 1, 1), date(2017, 1, 11))
    assert found["Tuesday"][1] == "2017-01-10"  # "said": the Tuesday before
    assert found["next month"][1] == "2017-02"
    assert found["now"][1] == "PRESENT_REF"
    assert found["the past five years"][:2] == ("DURATION", "P5Y")
    assert found["March 2016"] == ("DATE", "2016-03", date(2016, 3, 1), date(2017, 1, 11))


def test_mentions_offsets_point_into_the_cleaned_text():
    doc, dates = _dates(PAGES["meta"])
    assert dates and all(doc.text[d.char_start : d.char_end] == d.text for d in dates)
    assert all(d.text in d.sentence for d in dates)


def test_mentions_without_a_publication_date_stay_unresolved():
    doc, dates = _dates("<html><body>" + BODY + "</body></html>")
    assert doc.published_date is None
    last_year = next(d for d in dates if d.text == "last year")
    assert (last_year.value, last_year.range_start, last_year.anchored_on) == ("XXXX", None, None)
    march = next(d for d in dates if d.text == "March 2016")
    assert (march.range_start, march.anchored_on) == (date(2016, 3, 1), None)


def test_a_fiscal_year_in_a_paragraph_about_congress_is_the_federal_one(nlp):
    text = "Congress cut the request by $30 million for fiscal 1990."
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    (fiscal,) = [d for d in dates_from_paragraphs(paragraphs, "d", None) if d.value == "FY1990"]
    assert (fiscal.range_start, fiscal.range_end) == (date(1989, 10, 1), date(1990, 10, 1))
