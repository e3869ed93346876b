"""The warehouse: canonical names, near-duplicates and cross-article measures, on a temp DuckDB file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ingest import load
from ingest.batch import mark_duplicates
from ingest.clean.fingerprint import minhash, to_bytes
from ingest.records import Alias, Claim, CleanDoc, DateMention, Extraction

STORY = (
    "Connecticut DCF received just under 200 referrals in 2016, said Tammy Sneed, who leads the team. "
    * 3
)


def _doc(doc_id: str, text: str = STORY, name: str | None = None) -> CleanDoc:
    return CleanDoc(
        doc_id=doc_id, source_file=name or f"{doc_id}.txt", text=text, title=None, author=None, site=None,
        published_date=date(2017, 1, 11), language="en", content_sha256=doc_id, fingerprint=to_bytes(minhash(text)),
    )  # fmt: skip


def _claim(doc_id: str, value: float, subject: str) -> Claim:
    return Claim(
        claim_id=f"{doc_id}-c", doc_id=doc_id, sentence="s", quantity_text=str(value), value=value,
        value_high=None, bound="exact", bound_text=None, unit=None, counted="such referrals", verb="received",
        subject=subject, attributed_to="Sneed", location="Connecticut", period_start=date(2016, 1, 1),
        period_end=date(2016, 12, 31), char_start=0, char_end=3,
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "claims.duckdb"
    load.migrate(path)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,canonical\nDCF,Connecticut Department of Children and Families\n")
    assert load.sync_user_aliases(path, aliases) == 1
    load.write_batch(
        path, "l1",
        [
            Extraction(_doc("a"), [], [_claim("a", 200, "DCF")], [Alias("a", "Sneed", "Tammy Sneed", "surname")]),
            Extraction(_doc("b", "Another story entirely about budgets and roads in Hartford county. " * 3), [], [_claim("b", 180, "Department of Children and Families")], [Alias("b", "Department of Children and Families", "DCF", "acronym")]),
        ],
        [], [],
    )  # fmt: skip
    return path


def _rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_load_claims_view_maps_aliases_to_canonical_names(db):
    rows = dict(_rows(db, "select doc_id, subject_canonical from claims"))
    assert rows == {
        "a": "Connecticut Department of Children and Families",
        "b": "Connecticut Department of Children and Families",
    }
    assert _rows(db, "select distinct attributed_to_canonical from claims") == [("Tammy Sneed",)]


def test_load_measures_groups_figures_across_documents(db):
    rows = _rows(
        db, "select measure_id, counted_key, figures, documents, sources_disagree from measures"
    )
    assert len(rows) == 2
    assert len({r[0] for r in rows}) == 1
    assert rows[0][1:] == ("referral", 2, 2, True)


def test_mark_duplicates_flags_a_trimmed_copy_not_a_new_story():
    stored = [("a", _doc("a").fingerprint)]
    copy = _doc("c", STORY + " Related Content", name="copy.txt")
    other = _doc("d", "Another story entirely about budgets and roads in Hartford county. " * 3)
    docs = [copy, other, replace(other, doc_id="e")]
    out = mark_duplicates([Extraction(doc, [], [], []) for doc in docs], stored)
    assert [x.doc.duplicate_of for x in out] == ["a", None, "d"]


def test_load_a_documents_references_resolve_within_it_only(db):
    text = "The state Department of Transportation counted the crashes. " * 3
    load.write_batch(
        db, "l2",
        [
            Extraction(_doc("c", text), [], [_claim("c", 322, "the Department")], [Alias("c", "department", "Department of Transportation", "reference")]),
            Extraction(_doc("d", "A different story about parks and lakes in the north. " * 3), [], [_claim("d", 41, "her department")], []),
        ],
        [], [],
    )  # fmt: skip
    rows = dict(
        _rows(db, "select doc_id, subject_canonical from claims where doc_id in ('c', 'd')")
    )
    assert rows == {"c": "Department of Transportation", "d": "her department"}
    assert _rows(db, "select count(*) from canonical_names where alias_key = 'department'") == [
        (0,)
    ]


def test_load_dates_view_holds_resolved_mentions(tmp_path):
    path = tmp_path / "claims.duckdb"
    load.migrate(path)
    mention = DateMention(
        doc_id="a", text="March 2016", char_start=10, char_end=20, type="DATE", value="2016-03", mod=None,
        range_start=date(2016, 3, 1), range_end=date(2016, 4, 1), anchored_on=date(2017, 1, 11), sentence="s",
    )  # fmt: skip
    extraction = Extraction(_doc("a"), [], [], [], [mention])
    load.write_batch(path, "l1", [extraction], [], [])
    load.write_batch(path, "l1", [extraction], [], [])  # a retried task adds nothing
    rows = _rows(
        path,
        "select doc_id, value, range_start, range_end from dates "
        "where range_start < date '2016-04-01' and range_end > date '2016-03-01'",
    )
    assert rows == [("a", "2016-03", date(2016, 3, 1), date(2016, 4, 1))]
