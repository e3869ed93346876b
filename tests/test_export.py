"""`ingest export`: every view out with COPY, partitioned by year, read back with the same rows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from ingest.errors import ExportTargetNotEmpty, WarehouseNotFound
from ingest.export import export_views

pytestmark = pytest.mark.model


# RFC 4180 quoting, stated: DuckDB's sniffer misreads a doubled quote inside a sentence.
READERS = {
    "parquet": "select count(*) from read_parquet(?, hive_partitioning = true)",
    "csv": "select count(*) from read_csv(?, hive_partitioning = true, quote = '\"', escape = '\"')",
}


def _read_back(folder: Path, fmt: str) -> int:
    with duckdb.connect() as con:
        return con.execute(READERS[fmt], [str(folder / f"**/*.{fmt}")]).fetchone()[0]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_reads_back_with_identical_row_counts(warehouse, tmp_path, fmt):
    counts = export_views(warehouse, tmp_path / "out", fmt)
    assert {"documents", "claims", "entities", "quarantine", "measures"} <= set(counts)
    assert counts["documents"] == 6 and counts["quarantine"] == 1 and counts["claims"] > 20
    assert counts["removed_lines"] > 10  # the samples' bylines, comment forms, footers
    assert {view: _read_back(tmp_path / "out" / view, fmt) for view in counts} == counts


def test_export_partitions_rows_by_their_documents_year(warehouse, tmp_path):
    export_views(warehouse, tmp_path / "out", "parquet")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        years = con.execute("select distinct year(published_date) from documents").fetchall()
    folders = {p.name for p in (tmp_path / "out" / "claims").iterdir()}
    expected = {f"published_year={y}" for (y,) in years if y is not None}
    assert expected and expected <= folders


def test_export_refuses_a_folder_that_holds_files(warehouse, tmp_path):
    (tmp_path / "old.parquet").write_bytes(b"x")
    with pytest.raises(ExportTargetNotEmpty, match="ING141"):
        export_views(warehouse, tmp_path, "parquet")


def test_export_names_a_missing_warehouse(tmp_path):
    with pytest.raises(WarehouseNotFound, match="ING140"):
        export_views(tmp_path / "nope.duckdb", tmp_path / "out", "csv")
