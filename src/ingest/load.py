"""Stage 5: the only module that touches DuckDB.

Every batch is one transaction of column-wise bulk inserts, so a crash leaves either all of a
batch's rows or none; files are moved out of the inbox only after their rows commit.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import numpy as np

from ingest.records import Claim, Entity, Extraction, Rejection

log = logging.getLogger(__name__)

SQL_DIR = Path(__file__).resolve().parents[2] / "warehouse"
# A reader or another writer holding the file: wait and retry (seconds between attempts).
LOCK_RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0)


@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    entities: int
    claims: int
    quarantined: int


def sql(name: str) -> str:
    """The text of warehouse/statements/<name>.sql."""
    return (SQL_DIR / "statements" / f"{name}.sql").read_text("utf-8")


@contextmanager
def connect(db_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived write connection, retried while another process holds the file."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for delay in (*LOCK_RETRY_DELAYS, None):
        try:
            con = duckdb.connect(str(db_path))
            break
        except duckdb.IOException as exc:
            if delay is None or "lock" not in str(exc).lower():
                raise
            log.warning("warehouse %s is locked, retrying in %.1fs", db_path, delay)
            time.sleep(delay)
    try:
        yield con
    finally:
        con.close()


def migrate(db_path: Path) -> None:
    """Apply new schema files in order, then (re)create every view."""
    with connect(db_path) as con:
        con.execute(
            "create table if not exists schema_migrations (version varchar primary key, applied_at timestamptz not null)"
        )
        done = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
        for path in sorted((SQL_DIR / "schema").glob("*.sql")):
            if path.name not in done:
                con.execute("begin")
                con.execute(path.read_text("utf-8"))
                con.execute("insert into schema_migrations values (?, now())", [path.name])
                con.execute("commit")
        for name in ("documents", "entities", "claims", "quarantine"):
            con.execute((SQL_DIR / "views" / f"{name}.sql").read_text("utf-8"))


def start_load(db_path: Path, files_seen: int) -> str:
    """Record a new run; returns its load_id."""
    load_id = str(uuid.uuid4())
    with connect(db_path) as con:
        con.execute(sql("start_load"), [load_id, files_seen])
    return load_id


def finish_load(db_path: Path, load_id: str, status: str, documents: int, quarantined: int) -> None:
    with connect(db_path) as con:
        con.execute(sql("finish_load"), [status, documents, quarantined, load_id])


def known_documents(db_path: Path, doc_ids: Sequence[str]) -> dict[str, str]:
    """doc_id -> source_file for the given ids already in the warehouse."""
    with connect(db_path) as con:
        return dict(con.execute(sql("known_doc_ids"), [list(doc_ids)]).fetchall())


def write_batch(
    db_path: Path,
    load_id: str,
    extractions: Sequence[Extraction],
    rejections: Sequence[tuple[Rejection, str]],
) -> None:
    """Insert a batch's documents, entities, claims and quarantine records in one transaction.

    Args:
        rejections: (rejection, path the file is moved to) pairs.
    """
    docs = [_document_row(x, load_id) for x in extractions]
    entities = [_with_load(asdict(e), load_id) for x in extractions for e in x.entities]
    claims = [_with_load(asdict(c), load_id) for x in extractions for c in x.claims]
    quarantine = [_quarantine_row(r, moved_to, load_id) for r, moved_to in rejections]
    with connect(db_path) as con:
        con.execute("begin")
        for statement, rows, columns in (
            ("insert_documents", docs, _DOCUMENT_COLUMNS),
            ("insert_entities", entities, _fields(Entity)),
            ("insert_claims", claims, _fields(Claim)),
            ("insert_quarantine", quarantine, _QUARANTINE_COLUMNS),
        ):
            if rows:
                con.register("staged", _columns(rows, (*columns, "load_id")))
                con.execute(sql(statement))
                con.unregister("staged")
        con.execute("commit")


def summary(db_path: Path) -> Summary:
    with connect(db_path) as con:
        return Summary(*con.execute(sql("summary")).fetchone())


_DOCUMENT_COLUMNS = (
    "doc_id",
    "source_file",
    "title",
    "author",
    "site",
    "published_date",
    "language",
    "text",
    "content_sha256",
    "truncated",
)
_QUARANTINE_COLUMNS = (
    "quarantine_id",
    "source_file",
    "stage",
    "reason",
    "detail",
    "doc_id",
    "moved_to",
)


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(cls.__dataclass_fields__)


def _with_load(row: dict, load_id: str) -> dict:
    row["load_id"] = load_id
    return row


def _document_row(x: Extraction, load_id: str) -> dict:
    return _with_load({k: getattr(x.doc, k) for k in _DOCUMENT_COLUMNS}, load_id)


def _quarantine_row(r: Rejection, moved_to: str, load_id: str) -> dict:
    key = hashlib.sha256(f"{r.source_file}\0{r.doc_id}\0{r.reason}".encode()).hexdigest()
    row = {"quarantine_id": key, "moved_to": moved_to, **asdict(r)}
    return _with_load(row, load_id)


def _columns(rows: list[dict], names: Sequence[str]) -> dict[str, np.ndarray]:
    """Rows as one object array per column, which DuckDB scans as a table."""
    return {name: np.array([row[name] for row in rows], dtype=object) for name in names}
