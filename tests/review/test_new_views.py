"""A view added to the warehouse appears in review and export without a code change (the dates
and files views other work adds, say)."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from ingest.export import export_views
from ingest.review import build_site

pytestmark = pytest.mark.model

DATES_VIEW = """create view found_dates as
select doc_id, text, char_start, char_end, 'DATE_FOUND' as label from entities where label = 'DATE'"""


@pytest.fixture(scope="module")
def with_dates(warehouse, tmp_path_factory):
    """A copy of the warehouse with one more view, spans included."""
    path = tmp_path_factory.mktemp("dates") / "claims.duckdb"
    shutil.copyfile(warehouse, path)
    path.chmod(0o644)
    with duckdb.connect(str(path)) as con:
        con.execute(DATES_VIEW)
        dated = con.execute("select count(*) from found_dates").fetchone()[0]
    assert dated > 0
    return path, dated


def test_new_view_is_counted_and_highlighted_in_the_review_site(with_dates, tmp_path):
    path, _ = with_dates
    site = build_site(path, tmp_path)
    assert '<th class="num">found dates</th>' in site.index.read_text("utf-8")
    pages = [p.read_text("utf-8") for p in (tmp_path / "docs").glob("*.html")]
    assert any('data-view="found_dates"' in html and "DATE_FOUND" in html for html in pages)
    assert all('<details id="view-found_dates">' in html for html in pages)


def test_new_view_is_exported_by_year(with_dates, tmp_path):
    path, dated = with_dates
    counts = export_views(path, tmp_path / "out", "parquet")
    assert counts["found_dates"] == dated
    assert any(
        p.name.startswith("published_year=") for p in (tmp_path / "out" / "found_dates").iterdir()
    )
