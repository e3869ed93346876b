"""Stable error codes, so operators can grep logs and the quarantine table for them."""

from __future__ import annotations


class IngestError(Exception):
    """Base class for failures the pipeline reports by code."""


class ModelLoadError(IngestError):
    """The spaCy pipeline at the configured path is missing or cannot be loaded."""


class WarehouseLocked(IngestError):
    """Another process kept the warehouse file open past every retry (transient: retry later)."""


class WarehouseMissing(IngestError):
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


MODEL_MISSING = "[ING100] No spaCy pipeline at {path}. Train it with `make -C models all`, or set INGEST__PATHS__MODEL to a pipeline directory."
MODEL_BROKEN = "[ING101] The spaCy pipeline at {path} could not be loaded: {error}"
WAREHOUSE_LOCKED = "[ING102] {path} is held by another process ({error}). Only ingest opens this file; analysts open the snapshot {snapshot} (read-only) instead."
NO_WAREHOUSE = "[ING140] No warehouse at {path}. Run `ingest run` first (it publishes the snapshot analysts read), or pass --db with an existing DuckDB file."
EXPORT_NOT_EMPTY = "[ING141] {path} is not empty. Export into a new or empty folder, so that no earlier export is mixed with this one."
