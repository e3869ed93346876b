"""The warehouse's views, read-only, for the analysts' commands (export, review, status).

Everything one command reads comes from one read-only connection inside one transaction, so it
is one consistent snapshot even if the file were replaced meanwhile. Views are listed from the
warehouse itself, so a new view file shows up in every command without a code change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from ingest.errors import NO_WAREHOUSE, WarehouseNotFound
from ingest.load import sql

# Read-only, and no extension downloads. File access stays on: COPY writes the export.
_READ_ONLY = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


@dataclass(frozen=True, slots=True)
class View:
    name: str
    columns: tuple[str, ...]


@contextmanager
def snapshot(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection holding one transaction open: one consistent state of db_path.

    Raises:
        WarehouseNotFound: there is no file at db_path.
    """
    if not db_path.is_file():
        raise WarehouseNotFound(NO_WAREHOUSE.format(path=db_path))
    con = duckdb.connect(str(db_path), read_only=True, config=_READ_ONLY)
    try:
        con.begin()
        yield con
    finally:
        con.close()


def list_views(con: duckdb.DuckDBPyConnection) -> list[View]:
    """Every view in the warehouse with its columns, by name."""
    return [View(name, tuple(cols)) for name, cols in con.execute(sql("list_views")).fetchall()]


def view_rows(con: duckdb.DuckDBPyConnection, view: str) -> list[dict[str, Any]]:
    """Every row of a view, as dicts keyed by column name."""
    return query(con, "view_rows", [view])


def query(
    con: duckdb.DuckDBPyConnection, statement: str, params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """The rows of warehouse/statements/<statement>.sql, as dicts keyed by column name."""
    cursor = con.execute(sql(statement), list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
