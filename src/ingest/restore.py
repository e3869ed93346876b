"""`ingest restore`: the warehouse back from its snapshot, without losing what came after it.

The snapshot is as old as the last completed run, but the archive and quarantine folders may
hold files of later runs, whose rows died with the warehouse. Those files (an archived file whose
bytes no stored document has, a quarantined file no quarantine row names) are renamed back into
the inbox, so the next run ingests them again; nothing is deleted, the damaged file included.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from ingest import inbox, load
from ingest.errors import NO_SNAPSHOT, WarehouseMissing
from ingest.read import sha256_of
from ingest.settings import PathSettings

log = logging.getLogger(__name__)


def restore_warehouse(paths: PathSettings) -> int:
    """Replace the warehouse by its snapshot and return later files to the inbox.

    Call it holding the run lock. The warehouse file and its WAL, damaged or not, are kept
    beside it under a `.replaced-<UTC time>` suffix.

    Returns:
        How many files went back to the inbox.

    Raises:
        WarehouseMissing: there is no snapshot to restore from.
        WarehouseDamaged: the snapshot itself cannot be read back whole.
    """
    snapshot = load.snapshot_path(paths.db)
    if not snapshot.exists():
        raise WarehouseMissing(NO_SNAPSHOT.format(path=paths.db, snapshot=snapshot))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    for path in (paths.db, paths.db.with_name(paths.db.name + ".wal")):
        if os.path.lexists(path):
            os.rename(path, path.with_name(f"{path.name}.replaced-{stamp}"))
            log.warning("kept the replaced %s as %s.replaced-%s", path, path.name, stamp)
    load.install_copy(snapshot, paths.db)
    load.verify(paths.db)
    lost = _archived_without_rows(paths) + _quarantined_without_rows(paths)
    for entry in lost:
        os.rename(entry, inbox.free_target(entry.name, paths.inbox))
    log.warning(
        "restored %s from %s; %d later files back in the inbox", paths.db, snapshot, len(lost)
    )
    return len(lost)


def _archived_without_rows(paths: PathSettings) -> list[Path]:
    """Archived files whose bytes no document in the warehouse has."""
    stored = load.stored_doc_ids(paths.db)
    entries = sorted(paths.archive.iterdir()) if paths.archive.is_dir() else []
    return [entry for entry in entries if sha256_of(entry) not in stored]


def _quarantined_without_rows(paths: PathSettings) -> list[Path]:
    """Quarantined entries that no quarantine row names."""
    named = load.quarantined_paths(paths.db)
    entries = sorted(paths.quarantine.iterdir()) if paths.quarantine.is_dir() else []
    return [entry for entry in entries if inbox.as_text(entry.absolute()) not in named]
