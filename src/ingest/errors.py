"""Stable error codes, so operators can grep logs and the quarantine table for them."""

from __future__ import annotations


class IngestError(Exception):
    """Base class for failures the pipeline reports by code."""


class ModelLoadError(IngestError):
    """The spaCy pipeline at the configured path is missing or cannot be loaded."""


class WarehouseLocked(IngestError):
    """Another process kept the warehouse file open past every retry (transient: retry later)."""


class WarehouseMissing(IngestError):
    """The warehouse file is gone although this inbox or its snapshot says one existed."""


class WarehouseDamaged(IngestError):
    """The warehouse file cannot be read back whole (checksum, truncation)."""


class DiskFull(IngestError):
    """A write to the warehouse or its snapshot ran out of space."""


class SnapshotRefused(IngestError):
    """The snapshot was not replaced: the new copy holds fewer documents than the current one."""


class InboxReadOnly(IngestError):
    """Files cannot be moved out of the inbox, so processing them would repeat on every run."""


class MoveTargetElsewhere(IngestError):
    """The archive or quarantine folder is on another file system: a move would be a copy."""


class FilesNotMoved(IngestError):
    """Rows committed, but some files could not be renamed out of the inbox."""


class PrefectServerFailed(IngestError):
    """The temporary Prefect server exited or did not answer in time."""


class WarehouseNotFound(IngestError):
    """An analysts' command was pointed at a warehouse file that does not exist."""


class ExportTargetNotEmpty(IngestError):
    """`ingest export` would write into a folder that already holds files."""


class Reason:
    """Quarantine reasons: short, stable codes followed by a human-readable detail."""

    EMPTY = "ING001 empty file"
    TOO_LARGE = "ING002 file larger than read.max_bytes"
    BINARY = "ING003 binary content, not text or HTML"
    UNDECODABLE = "ING004 text could not be decoded"
    LONG_LINE = "ING005 line longer than read.max_line_chars"
    NOT_A_FILE = "ING006 not a regular file"
    OUTSIDE_INBOX = "ING007 link pointing outside the inbox"
    UNREADABLE = "ING008 file could not be read"
    BROKEN_LINK = "ING009 link whose target is missing or loops"
    NO_TEXT = "ING010 no article text after cleaning"
    UNSUPPORTED = "ING011 unsupported file type"
    HARD_LINK = "ING012 file has other hard links, which may lie outside the inbox"
    STAGE_FAILED = "ING013 unexpected error in this stage (see detail)"
    NLP_FAILED = "ING020 language processing failed"
    OVER_BUDGET = (
        "ING021 over the per-document time or memory budget (nlp.max_seconds, nlp.max_memory_mb)"
    )


MODEL_MISSING = "[ING100] No spaCy pipeline at {path}. Train it with `make -C models all`, or set INGEST__PATHS__MODEL to a pipeline directory."
MODEL_BROKEN = "[ING101] The spaCy pipeline at {path} could not be loaded: {error}"
WAREHOUSE_LOCKED = "[ING102] {path} is held by another process ({error}). Only ingest opens this file; analysts open the snapshot {snapshot} (read-only) instead."
NO_WAREHOUSE = "[ING140] No warehouse at {path}. Run `ingest run` first (it publishes the snapshot analysts read), or pass --db with an existing DuckDB file."
EXPORT_NOT_EMPTY = "[ING141] {path} is not empty. Export into a new or empty folder, so that no earlier export is mixed with this one."
WAREHOUSE_MISSING = "[ING103] The warehouse {path} does not exist, but {evidence} says one existed: nothing was processed and no file moved. Restore it with `ingest restore --db {path}` (from the snapshot, re-ingesting archived files it lacks), point --db at the right file, or start an empty one with `ingest init --db {path}`."
WAREHOUSE_DAMAGED = "[ING104] The warehouse {path} is damaged ({error}): nothing was processed and no file moved. Restore it with `ingest restore --db {path}`: the damaged file is kept beside it, the snapshot is copied back and archived files the snapshot lacks are ingested again."
DISK_FULL = "[ING105] No space left on the device holding {path} ({error}). Free space and run again: {state}"
SNAPSHOT_SHRANK = "[ING106] The snapshot {snapshot} was not replaced: the warehouse holds {new} documents, the snapshot {old}. A run never publishes fewer documents; if the warehouse was replaced, restore it with `ingest restore`."
INBOX_READ_ONLY = "[ING107] The inbox {path} is not writable ({error}): processed files could not be moved out and would be processed again on every run, so nothing was processed. Make it writable (mount rw, chattr -i, permissions for this user)."
FILES_NOT_MOVED = "[ING108] {count} file(s) could not be moved out of the inbox (the log names them): their rows are loaded, the files stay in the inbox and nothing was copied. Archive and quarantine folders must be writable and on the inbox's file system."
NO_SNAPSHOT = "[ING109] Nothing to restore {path} from: the snapshot {snapshot} does not exist."
MOVE_TARGET_ELSEWHERE = "[ING110] {folder} is not on the inbox's file system ({inbox}): files leave the inbox only by rename, never by copy, so nothing was processed. Put archive/ and quarantine/ beside the inbox (the default) or on its file system (--archive, --quarantine)."
PREFECT_SERVER_FAILED = "[ING111] The temporary Prefect server {problem}. Start one with `prefect server start` and set PREFECT_API_URL=http://127.0.0.1:4200/api."
