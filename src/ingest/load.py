"""Stage 5: the only module that touches DuckDB.

Every batch is one transaction of column-wise bulk inserts, so a crash leaves either all of a
batch's rows or none; files are moved out of the inbox only after their rows commit.

DuckDB lets one process at a time open a file for writing, and a reader holding the file blocks
that writer. So only ingest opens the warehouse, in short connections; analysts read a copy that
every run publishes under snapshots/ (publish_snapshot).
"""

from __future__ import annotations

import csv
import errno
import hashlib
import logging
import os
import shutil
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ingest.errors import (
    DISK_FULL,
    SNAPSHOT_SHRANK,
    WAREHOUSE_DAMAGED,
    WAREHOUSE_LOCKED,
    DiskFull,
    IngestError,
    SnapshotRefused,
    WarehouseDamaged,
    WarehouseLocked,
)
from ingest.inbox import Move, as_text
from ingest.records import Alias, Arrival, Claim, DateMention, Entity, Extraction, Rejection
from ingest.settings import PROJECT_ROOT

log = logging.getLogger(__name__)

SQL_DIR = PROJECT_ROOT / "warehouse"
# warehouse/views/<name>.sql, in dependency order.
VIEWS = (
    "alias_key",
    "documents",
    "entities",
    "dates",
    "canonical_names",
    "claims",
    "measures",
    "quarantine",
    "removed_lines",
    "files",
)
# A reader or another writer holding the file: wait and retry (seconds between attempts).
LOCK_RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0)
# Nothing reaches the network or reads files through SQL: no extension downloads, no file access.
_OFFLINE = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "enable_external_access": False,
}
# Words in DuckDB's errors for a file that cannot be read back whole (bad checksum, cut short).
_DAMAGE_SIGNS = ("corrupt", "checksum", "could not read enough bytes", "not a valid duckdb")
# What a disk-full error during a batch leaves behind: rows and moves commit together, or neither.
_BATCH_STATE = "the failed transaction left no rows, and files only move after their rows commit."
# The published copy is read-only on disk, a reminder to open it with read_only=True / -readonly.
SNAPSHOT_MODE = 0o444


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
    """A short-lived write connection, retried with backoff while another process holds the file.

    Raises:
        WarehouseLocked: the file stayed locked through every retry.
    """
    db_path.parent.mkdir(parents=True, exist_ok=True)
    for delay in (*LOCK_RETRY_DELAYS, None):
        try:
            con = duckdb.connect(str(db_path), config=_OFFLINE)
            break
        except duckdb.IOException as exc:
            if "conflicting lock" not in str(exc).lower():  # not "block": a bad checksum
                _raise_translated(exc, db_path)
            if delay is None:
                message = WAREHOUSE_LOCKED.format(
                    path=db_path, error=str(exc).splitlines()[0], snapshot=snapshot_path(db_path)
                )
                raise WarehouseLocked(message) from exc
            log.warning("warehouse %s is locked, retrying in %.1fs", db_path, delay)
            time.sleep(delay)
        except duckdb.Error as exc:
            _raise_translated(exc, db_path)
    try:
        yield con
    except (duckdb.Error, OSError) as exc:
        _raise_translated(exc, db_path)
    finally:
        con.close()


def _raise_translated(exc: Exception, db_path: Path) -> None:
    """Raise a disk-full or damaged-file error as its ING-coded kind, anything else as it is."""
    text = _first_line(exc)
    if _is_disk_full(exc):
        raise DiskFull(DISK_FULL.format(path=db_path, error=text, state=_BATCH_STATE)) from exc
    if any(sign in text.lower() for sign in _DAMAGE_SIGNS):
        raise WarehouseDamaged(WAREHOUSE_DAMAGED.format(path=db_path, error=text)) from exc
    raise exc


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else repr(exc)


def _is_disk_full(exc: Exception) -> bool:
    """ENOSPC, from Python or in the text of a DuckDB error."""
    return getattr(exc, "errno", None) == errno.ENOSPC or "no space left" in str(exc).lower()


def verify(db_path: Path) -> int:
    """Read every table of the warehouse back in full, so damage stops a run before any file moves.

    DuckDB checks a block's checksum only when it reads the block; a run that reads only some
    blocks commits (to the WAL) and moves files, then fails at the checkpoint.

    Returns:
        Rows read.

    Raises:
        WarehouseDamaged: a block fails its checksum or the file is cut short.
    """
    with connect(db_path) as con:
        tables = [row[0] for row in con.execute(sql("base_tables")).fetchall()]
        return sum(con.execute(sql("scan_table"), [t]).fetchone()[0] for t in tables)


def document_count(db_path: Path) -> int:
    """Documents in a warehouse file or snapshot, opened read-only."""
    with duckdb.connect(str(db_path), read_only=True, config=_OFFLINE) as con:
        return con.execute(sql("document_count")).fetchone()[0]


def snapshot_path(db_path: Path) -> Path:
    """The copy analysts open: snapshots/<name> next to the warehouse file."""
    return db_path.parent / "snapshots" / db_path.name


def migrate(db_path: Path) -> None:
    """Apply new schema files in order, each with its ledger row in one transaction, then views."""
    with connect(db_path) as con:
        con.execute(sql("create_migrations"))
        done = {row[0] for row in con.execute(sql("applied_migrations")).fetchall()}
        for path in sorted((SQL_DIR / "schema").glob("*.sql")):
            if path.name not in done:
                con.execute("begin")
                con.execute(path.read_text("utf-8"))
                con.execute(sql("record_migration"), [path.name])
                con.execute("commit")
        for name in VIEWS:
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
    moves: Sequence[Move],
) -> None:
    """Insert a batch's rows and its planned file moves in one transaction.

    The moves are the restart journal: once this commits, the warehouse says where every file of
    the batch belongs, even if the process dies before moving them.

    Args:
        rejections: (rejection, path the file is moved to) pairs.
        moves: every file of the batch with its archive or quarantine target.
    """
    docs = [_document_row(x, load_id) for x in extractions]
    entities = [_with_load(asdict(e), load_id) for x in extractions for e in x.entities]
    dates = [_with_load(asdict(d), load_id) for x in extractions for d in x.dates]
    claims = [_with_load(asdict(c), load_id) for x in extractions for c in x.claims]
    aliases = [_with_load(asdict(a), load_id) for x in extractions for a in x.aliases]
    removed = [
        _removed_row(x, i, line, load_id)
        for x in extractions
        for i, line in enumerate(x.doc.removed)
    ]
    quarantine = [_quarantine_row(r, moved_to, load_id) for r, moved_to in rejections]
    journal = [_move_row(m, load_id) for m in moves]
    arrivals = [_arrival_row(a, load_id) for a in _arrivals(extractions, rejections, moves)]
    with connect(db_path) as con:
        con.execute("begin")
        for statement, rows, columns in (
            ("insert_documents", docs, _DOCUMENT_COLUMNS),
            ("insert_entities", entities, _fields(Entity)),
            ("insert_dates", dates, _fields(DateMention)),
            ("insert_claims", claims, _fields(Claim)),
            ("insert_aliases", aliases, _fields(Alias)),
            ("insert_removed_lines", removed, _REMOVED_COLUMNS),
            ("insert_quarantine", quarantine, _QUARANTINE_COLUMNS),
            ("insert_file_moves", journal, _MOVE_COLUMNS),
            ("insert_files", arrivals, _ARRIVAL_COLUMNS),
        ):
            if rows:
                con.register("staged", _columns(rows, (*columns, "load_id")))
                con.execute(sql(statement))
                con.unregister("staged")
        con.execute("commit")


def record_arrivals(db_path: Path, load_id: str, arrivals: Sequence[Arrival]) -> None:
    """Add files rows outside a batch's transaction: files left in the inbox or vanished."""
    rows = [_arrival_row(a, load_id) for a in arrivals]
    if not rows:
        return
    with connect(db_path) as con:
        con.register("staged", _columns(rows, (*_ARRIVAL_COLUMNS, "load_id")))
        con.execute(sql("insert_files"))
        con.unregister("staged")


def _arrivals(
    extractions: Sequence[Extraction],
    rejections: Sequence[tuple[Rejection, str]],
    moves: Sequence[Move],
) -> list[Arrival]:
    """Each planned move's outcome: quarantined, loaded (the file a new document was read
    from) or duplicate (its bytes are stored already, or were read from another file here)."""
    new = {(x.doc.doc_id, x.doc.source_file) for x in extractions}
    refused = {moved_to: r for r, moved_to in rejections}
    out = []
    for m in moves:
        name = as_text(m.source.name)
        rejection = refused.get(as_text(m.target))
        if rejection is not None:
            detail = f"{rejection.reason}: {rejection.detail}"
            out.append(Arrival(name, m.size, m.doc_id, "quarantined", detail=detail))
        elif (m.doc_id, name) in new:
            out.append(Arrival(name, m.size, m.doc_id, "loaded"))
        else:
            out.append(Arrival(name, m.size, m.doc_id, "duplicate", duplicate_of=m.doc_id))
    return out


def fingerprints(db_path: Path) -> list[tuple[str, bytes]]:
    """(doc_id, MinHash signature) of every stored document, oldest first."""
    with connect(db_path) as con:
        return con.execute(sql("fingerprints")).fetchall()


def sync_user_aliases(db_path: Path, csv_path: Path) -> int:
    """Replace the user_aliases table with the analyst's alias file (alias,canonical); returns
    its row count. A missing file empties the table."""
    rows = []
    if csv_path.is_file():
        with csv_path.open(newline="", encoding="utf-8") as handle:
            rows = [
                {"alias": r["alias"], "canonical": r["canonical"]}
                for r in csv.DictReader(handle)
                if r.get("alias") and r.get("canonical")
            ]
    with connect(db_path) as con:
        con.execute("begin")
        con.execute(sql("clear_user_aliases"))
        if rows:
            con.register("staged", _columns(rows, ("alias", "canonical")))
            con.execute(sql("insert_user_aliases"))
            con.unregister("staged")
        con.execute("commit")
    return len(rows)


def unfinished_loads(db_path: Path) -> dict[str, list[Move]]:
    """load_id -> planned moves, for runs that did not complete and were not recovered yet."""
    out: dict[str, list[Move]] = {}
    with connect(db_path) as con:
        for load_id, source, target, doc_id in con.execute(sql("unfinished_loads")).fetchall():
            moves = out.setdefault(load_id, [])
            if source is not None:
                moves.append(Move(Path(os.fsdecode(source)), Path(os.fsdecode(target)), doc_id))
    return out


def record_recovery(db_path: Path, load_id: str, files_moved: int) -> None:
    """Mark an unfinished run as recovered (and a running one as interrupted), in one transaction."""
    with connect(db_path) as con:
        con.execute("begin")
        con.execute(sql("record_recovery"), [load_id, files_moved])
        con.execute(sql("mark_interrupted"), [load_id])
        con.execute("commit")


def publish_snapshot(db_path: Path) -> Path:
    """Copy the warehouse to snapshot_path for analysts, replacing the previous copy atomically.

    The copy is taken after a checkpoint while our connection still holds the file, so it holds
    every commit and nothing half-written. It lands by os.replace: a reader that has the old copy
    open keeps reading that inode undisturbed and sees the new data when it reconnects. A crash
    mid-copy leaves only the partial file, which the next run overwrites; a failed copy (disk
    full) removes it. A copy holding fewer documents than the current snapshot never replaces
    it: runs only add documents, so fewer means the warehouse itself was replaced.

    Returns:
        The snapshot's path.

    Raises:
        SnapshotRefused: the new copy holds fewer documents; the old snapshot stays.
        DiskFull: no space for the copy; the old snapshot stays.
    """
    target = snapshot_path(db_path)
    partial = target.with_name(f".{target.name}.partial")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial.unlink(missing_ok=True)
    try:
        with connect(db_path) as con:
            con.execute(sql("checkpoint"))
            shutil.copyfile(db_path, partial)
        with partial.open("rb") as handle:
            os.fsync(handle.fileno())
        _refuse_shrinking(partial, target)
    except (OSError, IngestError) as exc:
        partial.unlink(missing_ok=True)
        if not (isinstance(exc, DiskFull) or _is_disk_full(exc)):
            raise
        state = "the run's rows are loaded and its files moved; the previous snapshot is kept."
        error = _first_line(exc.__cause__ or exc)
        raise DiskFull(DISK_FULL.format(path=target, error=error, state=state)) from exc
    partial.chmod(SNAPSHOT_MODE)
    os.replace(partial, target)
    return target


def _refuse_shrinking(partial: Path, target: Path) -> None:
    """Raise SnapshotRefused when the new copy holds fewer documents than the current snapshot."""
    if not target.exists():
        return
    new, old = document_count(partial), document_count(target)
    if new < old:
        message = SNAPSHOT_SHRANK.format(snapshot=target, new=new, old=old)
        raise SnapshotRefused(message)


def install_copy(source: Path, db_path: Path) -> None:
    """Copy a snapshot into place as the warehouse (writable, synced, by rename: never half)."""
    partial = db_path.with_name(f".{db_path.name}.partial")
    shutil.copyfile(source, partial)
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
    partial.chmod(0o644)
    os.replace(partial, db_path)


def stored_doc_ids(db_path: Path) -> set[str]:
    with connect(db_path) as con:
        return {row[0] for row in con.execute(sql("stored_doc_ids")).fetchall()}


def quarantined_paths(db_path: Path) -> set[str]:
    """Where the quarantine rows say their files went (path text, as inbox.as_text wrote it)."""
    with connect(db_path) as con:
        return {row[0] for row in con.execute(sql("quarantined_paths")).fetchall()}


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
    "fingerprint",
    "duplicate_of",
)
_REMOVED_COLUMNS = ("doc_id", "position", "rule", "text")
_MOVE_COLUMNS = ("source_path", "target_path", "doc_id")
_ARRIVAL_COLUMNS = ("file_id", *Arrival.__dataclass_fields__)
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


def _removed_row(x: Extraction, position: int, line: tuple[str, str], load_id: str) -> dict:
    rule, text = line
    return {
        "doc_id": x.doc.doc_id,
        "position": position,
        "rule": rule,
        "text": text,
        "load_id": load_id,
    }


def _quarantine_row(r: Rejection, moved_to: str, load_id: str) -> dict:
    # moved_to is unique per file (and planned the same on a retry), so two different files with
    # the same name and reason both keep their row.
    key = hashlib.sha256(
        f"{r.source_file}\0{r.doc_id}\0{r.reason}\0{moved_to}".encode()
    ).hexdigest()
    row = {"quarantine_id": key, "moved_to": moved_to, **asdict(r)}
    return _with_load(row, load_id)


def _arrival_row(a: Arrival, load_id: str) -> dict:
    key = hashlib.sha256(f"{a.source_file}\0{a.sha256}\0{a.outcome}".encode()).hexdigest()
    return _with_load({"file_id": key, **asdict(a)}, load_id)


def _move_row(m: Move, load_id: str) -> dict:
    """Paths as file-system bytes, so names that are not UTF-8 come back exactly."""
    row = {"source_path": os.fsencode(m.source), "target_path": os.fsencode(m.target)}
    return _with_load({**row, "doc_id": m.doc_id}, load_id)


def _columns(rows: list[dict], names: Sequence[str]) -> pa.Table:
    """Rows as an Arrow table, which DuckDB scans in bulk (Python-object arrays cost ~1 ms a row)."""
    return pa.table({name: pa.array([row[name] for row in rows]) for name in names})
