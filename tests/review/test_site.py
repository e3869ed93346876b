"""`ingest review`: the static site's pages, links and offline-ness, from a real warehouse."""

from __future__ import annotations

import re

import duckdb
import pytest
from markupsafe import escape

from ingest.review import build_site

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def site(warehouse, tmp_path_factory):
    return build_site(warehouse, tmp_path_factory.mktemp("site"))


def test_site_has_an_index_a_measures_page_and_a_page_per_document(site):
    root = site.index.parent
    assert (site.documents, site.quarantined) == (6, 1) and site.claims > 20
    assert len(list((root / "docs").glob("*.html"))) == 6
    assert (root / "measures.html").is_file() and (root / "style.css").is_file()


def test_site_fetches_nothing_from_outside_its_folder(site):
    root = site.index.parent
    for page in [site.index, *root.glob("docs/*.html"), root / "measures.html"]:
        html = page.read_text("utf-8")
        links = re.findall(r'(?:href|src)="([^"]*)"', html)
        assert links and not [u for u in links if re.match(r"[a-z]+:|//", u)], page
        assert "<script" not in html and "@import" not in html and "url(" not in html


def test_site_claim_rows_link_to_sentence_anchors_on_their_page(site):
    for page in site.index.parent.glob("docs/*.html"):
        html = page.read_text("utf-8")
        ids = set(re.findall(r' id="([^"]+)"', html))
        rows = re.findall(r'<tr id="row-[^"]+"[^>]*>\s*<td><a href="#([^"]+)"', html)
        assert all(anchor in ids for anchor in rows), page
        assert all(anchor.startswith("s-") for anchor in rows), page


def test_site_shows_what_cleaning_removed_collapsed(warehouse, site):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        doc_id, rule, text = con.execute(
            "select doc_id, rule, text from removed_lines limit 1"
        ).fetchone()
    html = (site.index.parent / "docs" / f"{doc_id[:16]}.html").read_text("utf-8")
    section = html[html.index('<details id="view-removed_lines">') :]
    assert "<summary>removed lines (" in section
    assert f"<td>{escape(rule)}</td>" in section and f"<td>{escape(text)}</td>" in section


def test_site_index_lists_documents_marks_and_quarantined_files(site):
    html = site.index.read_text("utf-8")
    assert html.count("<tr data-doc-id=") == 6
    assert '<th class="num">claims</th>' in html and '<th class="num">entities</th>' in html
    assert "ING001 empty file" in html


def test_site_marks_a_duplicate_and_links_it_to_the_first_copy(warehouse, site):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        copy, first = con.execute(
            "select doc_id, duplicate_of from documents where duplicate_of is not null"
        ).fetchone()
    html = site.index.read_text("utf-8")
    row = html[html.index(f'<tr data-doc-id="{copy}">') :].split("</tr>")[0]
    assert f'<a class="mark duplicate" href="docs/{first[:16]}.html">duplicate</a>' in row


def test_site_measures_page_marks_disagreements(warehouse, site):
    with duckdb.connect(str(warehouse), read_only=True) as con:
        disagree = con.execute(
            "select count(distinct measure_id) from measures where sources_disagree"
        ).fetchone()[0]
    html = (site.index.parent / "measures.html").read_text("utf-8")
    assert disagree and html.count('<section class="measure disagree"') == disagree
