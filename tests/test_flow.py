"""The ingest-inbox flow end to end on sample_docs/, into a temporary DuckDB file."""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from .conftest import MODEL, SAMPLES

pytestmark = [pytest.mark.model, pytest.mark.slow]


@pytest.fixture(scope="module")
def run(prefect_harness, tmp_path_factory):
    """Runs the flow once on the samples plus two bad files; returns (paths, counts, connection)."""
    from flows.ingest_inbox import ingest_inbox

    root = tmp_path_factory.mktemp("ingest")
    inbox = root / "inbox"
    shutil.copytree(SAMPLES, inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    past = time.time() - 60
    for path in inbox.iterdir():
        os.utime(path, (past, past))
    os.environ["INGEST__PATHS__ARCHIVE"] = str(root / "archive")
    os.environ["INGEST__PATHS__QUARANTINE"] = str(root / "quarantine")
    counts = ingest_inbox(
        inbox_dir=str(inbox), db_path=str(root / "claims.duckdb"), model_path=str(MODEL)
    )
    return root, counts


def _query(root: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(root / "claims.duckdb"), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _claims(root: Path, source_file: str) -> list[tuple]:
    return _query(
        root,
        "select value, value_high, bound, counted, period_start from claims where source_file = ?",
        [source_file],
    )


def test_flow_loads_every_sample_and_quarantines_bad_files(run):
    root, counts = run
    assert counts["documents_added"] == 5
    assert counts["quarantined"] == 2
    assert sorted(p.name for p in (root / "archive").iterdir()) == sorted(
        p.name for p in SAMPLES.iterdir()
    )
    assert sorted(p.name for p in (root / "quarantine").iterdir()) == ["empty.txt", "photo.html"]
    assert list((root / "inbox").iterdir()) == []
    reasons = dict(_query(root, "select source_file, reason from quarantine"))
    assert reasons["empty.txt"].startswith("ING001")
    assert reasons["photo.html"].startswith("ING003")


def test_flow_issue_3_claims_of_sample_004(run):
    root, _ = run
    claims = _claims(root, "004_0f5cd104d341501b.txt")
    victims = [c for c in claims if c[0] == 432]
    assert (
        victims and victims[0][3].startswith("child victims") and victims[0][4] == date(2006, 1, 1)
    )
    assert any(c[0] == 28 and c[3] and "cases" in c[3] for c in claims)
    assert (50.0, 80.0, "range") in [c[:3] for c in claims]


def test_flow_hotline_number_is_not_a_claim(run):
    root, _ = run
    texts = [
        r[0]
        for r in _query(root, "select quantity_text from claims where source_file like '001_%'")
    ]
    assert not any("888" in t or "373" in t or "7888" in t for t in texts)


def test_flow_claim_offsets_point_into_document_text(run):
    root, _ = run
    rows = _query(
        root,
        "select c.quantity_text, substr(d.text, c.char_start + 1, c.char_end - c.char_start) from claims c join documents d using (doc_id)",
    )
    assert rows and all(a == b for a, b in rows)


def test_flow_rerun_adds_nothing(run):
    from flows.ingest_inbox import ingest_inbox

    root, _ = run
    before = _query(
        root,
        "select (select count(*) from documents), (select count(*) from claims), (select count(*) from entities)",
    )
    for path in (root / "archive").iterdir():
        shutil.copy2(path, root / "inbox" / path.name)
    counts = ingest_inbox(
        inbox_dir=str(root / "inbox"), db_path=str(root / "claims.duckdb"), model_path=str(MODEL)
    )
    assert counts["already_ingested"] == 5
    assert counts["documents_added"] == 0
    after = _query(
        root,
        "select (select count(*) from documents), (select count(*) from claims), (select count(*) from entities)",
    )
    assert after == before


def test_flow_dates_point_into_document_text_and_never_guess_a_publication_date(run):
    root, _ = run
    rows = _query(
        root,
        "select t.text, substr(d.text, t.char_start + 1, t.char_end - t.char_start), t.value, "
        "t.range_start, t.anchored_on, d.published_date from dates t join documents d using (doc_id)",
    )
    assert rows and all(text == written for text, written, *_ in rows)
    assert all(anchor == published for *_, start, anchor, published in rows if start and anchor)
    undated = [r for r in rows if r[5] is None]
    assert undated and all(r[3] is None for r in undated if "X" in r[2] or r[2].endswith("_REF"))
