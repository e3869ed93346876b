"""Real saved pages (tests/data/real_pages): minified markup and a page trafilatura's precision
mode empties come through cleaning with their article and publication date."""

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from ingest.clean import clean_document
from ingest.read import decode
from ingest.records import CleanDoc, RawDoc
from ingest.settings import load_settings

PAGES = Path(__file__).resolve().parents[1] / "data" / "real_pages"
TODAY = date(2026, 11, 23)
# Token recall of the cleaned text against Readability's reference, at least.
MIN_RECALL = 0.9


def _words(text: str) -> Counter:
    return Counter(w.lower() for w in re.findall(r"\w+", text))


@pytest.mark.parametrize("name", ["schema-org-context-object", "engadget"])
def test_real_page_keeps_its_article_and_date(name):
    folder = PAGES / name
    source = decode((folder / "source.html").read_bytes())
    limit = load_settings(None).read.max_line_chars
    doc = clean_document(RawDoc(name, f"{name}.html", ".html", source), TODAY, max_line_chars=limit)
    assert isinstance(doc, CleanDoc)
    reference = _words(lxml_html.fromstring((folder / "expected.html").read_text()).text_content())
    found = _words(doc.text)
    recall = sum((found & reference).values()) / sum(reference.values())
    assert recall >= MIN_RECALL
    meta = json.loads((folder / "expected-metadata.json").read_text())
    assert doc.published_date.isoformat() == meta["publishedTime"][:10]


def test_minified_fixture_is_longer_than_the_line_limit_in_one_line():
    source = (PAGES / "schema-org-context-object" / "source.html").read_text()
    assert max(map(len, source.splitlines())) > load_settings(None).read.max_line_chars
