"""`ingest export`: every view of the warehouse to Parquet or CSV files, partitioned by year.

Each view is written by DuckDB's own COPY (relation.write_parquet / write_csv) into
<out>/<view>/published_year=<year>/, with the hive layout that duckdb, pandas, polars and Spark
read back as one table. Rows take the year of their document's published_date; undated ones go
to published_year=__HIVE_DEFAULT_PARTITION__ (read back as null). All views come from one
read-only transaction, so an export is one consistent state of the warehouse.
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb

from ingest.errors import EXPORT_NOT_EMPTY, ExportTargetNotEmpty
from ingest.load import sql
from ingest.views import View, list_views, snapshot

log = logging.getLogger(__name__)

FORMATS = ("parquet", "csv")
PARTITION = "published_year"


def export_views(db_path: Path, out_dir: Path, fmt: str) -> dict[str, int]:
    """Write every view of db_path under out_dir, one folder per view.

    Args:
        db_path: the warehouse to read (the analysts' snapshot by default).
        out_dir: a new or empty folder.
        fmt: parquet or csv.
    Returns:
        view name -> rows written.
    Raises:
        WarehouseNotFound: no file at db_path.
        ExportTargetNotEmpty: out_dir already holds files.
    """
    if out_dir.exists() and any(out_dir.iterdir()):
        raise ExportTargetNotEmpty(EXPORT_NOT_EMPTY.format(path=out_dir))
    out_dir.mkdir(parents=True, exist_ok=True)
    with snapshot(db_path) as con:
        return {view.name: _export_view(con, view, out_dir, fmt) for view in list_views(con)}


def _export_view(con: duckdb.DuckDBPyConnection, view: View, out_dir: Path, fmt: str) -> int:
    """COPY one view out, partitioned by year when its rows belong to documents; returns rows."""
    rows = con.execute(sql("count_rows"), [view.name]).fetchone()[0]
    statement = _rows_statement(view)
    relation = con.sql(sql(statement), params=[view.name])
    target = out_dir / view.name
    target.mkdir()
    write = relation.write_parquet if fmt == "parquet" else relation.write_csv
    if statement == "view_rows" or rows == 0:  # an empty partitioned COPY writes no file at all
        write(str(target / f"{view.name}.{fmt}"))
    else:
        write(str(target), partition_by=[PARTITION])
    log.info("exported %s: %d rows", view.name, rows)
    return rows


def _rows_statement(view: View) -> str:
    """The statement giving a view's rows: with their document's year when they have one."""
    if "doc_id" in view.columns:
        return "export_by_document"
    if "claim_id" in view.columns:
        return "export_by_claim"
    return "view_rows"
