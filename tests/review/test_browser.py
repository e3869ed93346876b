"""The review site in a real headless Chromium (Debian's `chromium`, driven by playwright): pages
open from file:// with no console errors and nothing fetched, a claim row links to its
highlighted sentence, and every highlight sits on the characters the warehouse names."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import duckdb
import pytest

from ingest.review import build_site

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import chromium  # the launcher bench/review.py --browser uses too

pytestmark = pytest.mark.model

# Screenshots land here for a person to look at.
SCREENSHOTS = Path(os.environ.get("REVIEW_SCREENSHOTS", "/tmp/review-screenshots"))

# Each mark: its offsets as the page shows them (the chunk's start plus the text before the mark,
# labels left out) and the text it covers; and the text of the whole article, labels left out.
MARKS_JS = """() => [...document.querySelectorAll('#text mark')].map(m => {
  const chunk = m.closest('.chunk');
  const walker = document.createTreeWalker(chunk, NodeFilter.SHOW_TEXT);
  let offset = Number(chunk.dataset.start), node;
  while ((node = walker.nextNode()) && !m.contains(node)) {
    if (!node.parentElement.classList.contains('label')) offset += node.textContent.length;
  }
  const text = [...m.childNodes].filter(c => !(c.classList && c.classList.contains('label')))
    .map(c => c.textContent).join('');
  return {start: offset, end: offset + text.length, text, view: m.dataset.view,
          dataStart: Number(m.dataset.start), dataEnd: Number(m.dataset.end)};
})"""
TEXT_JS = """() => [...document.querySelectorAll('#text .chunk')].map(c =>
  [...c.childNodes].map(n => n.nodeType === 3 ? n.textContent :
    [...n.childNodes].filter(k => !(k.classList && k.classList.contains('label')))
      .map(k => k.textContent).join('')).join('')).join('')"""


@pytest.fixture(scope="module")
def site(warehouse, tmp_path_factory) -> Path:
    return build_site(warehouse, tmp_path_factory.mktemp("site")).index.parent


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not chromium.CHROMIUM.exists():
        pytest.skip(
            f"no Chromium at {chromium.CHROMIUM}: `apt-get install -y chromium` (.ci/run does)"
        )
    with sync_api.sync_playwright() as p:
        browser = chromium.launch(p)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    page = chromium.watched_page(browser)
    yield page
    page.close()


def _db_rows(warehouse: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_browser_every_page_opens_offline_without_console_errors(site, page):
    pages = [site / "index.html", site / "measures.html", *sorted((site / "docs").glob("*.html"))]
    for path in pages:
        page.goto(path.as_uri())
        assert page.title().endswith("claims review"), path
    assert page.problems == []
    page.goto((site / "index.html").as_uri())
    assert page.locator("#documents tbody tr").count() == 6
    assert "ING001 empty file" in page.locator("#quarantine + table").inner_text()


def test_browser_claim_row_links_to_its_highlighted_sentence(warehouse, site, page):
    claims = _db_rows(warehouse, "select doc_id, claim_id, quantity_text, sentence from claims")
    assert claims
    for doc_id, claim_id, quantity_text, sentence in claims:
        page.goto((site / "docs" / f"{doc_id[:16]}.html").as_uri())
        page.locator(f"#row-{claim_id} a").click()
        target = page.locator(":target")
        assert target.get_attribute("class") == "chunk sentence"
        mark = target.locator(f"#claim-{claim_id}")
        assert mark.evaluate("m => m.firstChild.textContent") == quantity_text
        shown = page.evaluate(TEXT_JS.replace("#text .chunk", ":target"))
        assert shown == sentence
        assert target.evaluate("t => t.getBoundingClientRect().bottom > 0"), "scrolled into view"
        assert target.evaluate("t => t.getBoundingClientRect().top < innerHeight"), (
            "scrolled into view"
        )
    assert page.problems == []


def test_browser_highlights_sit_on_the_characters_the_warehouse_names(warehouse, site, page):
    texts = dict(_db_rows(warehouse, "select doc_id, text from documents"))
    spans = {
        (doc_id, view, start, end)
        for view in ("claims", "entities", "dates")
        for doc_id, start, end in _db_rows(
            warehouse, f"select doc_id, char_start, char_end from {view}"
        )
    }
    claims = {s for s in spans if s[1] == "claims"}
    seen = set()
    for doc_id, text in texts.items():
        page.goto((site / "docs" / f"{doc_id[:16]}.html").as_uri())
        assert page.evaluate(TEXT_JS) == text.replace("\n\n", "")  # nothing lost or added
        for m in page.evaluate(MARKS_JS):
            assert (m["start"], m["end"]) == (m["dataStart"], m["dataEnd"])
            assert m["text"] == text[m["start"] : m["end"]]
            seen.add((doc_id, m["view"], m["start"], m["end"]))
    assert seen <= spans and claims <= seen  # every claim highlighted, nothing invented
    assert len(seen) > 100


def test_browser_screenshot_of_a_document_page(warehouse, site, page):
    [(doc_id,)] = _db_rows(
        warehouse, "select doc_id from claims group by doc_id order by count(*) desc limit 1"
    )
    page.goto((site / "docs" / f"{doc_id[:16]}.html").as_uri())
    page.locator("#claims tbody tr a").first.click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "document.png"
    page.screenshot(path=str(shot), full_page=False)
    page.goto((site / "measures.html").as_uri())
    page.screenshot(path=str(SCREENSHOTS / "measures.png"), full_page=False)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
