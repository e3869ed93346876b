"""Refusing a run that would lose or repeat work, before anything is read or moved.

A missing warehouse is created only on first use: a marker beside the inbox (and the snapshot)
remembers that one existed, so a deleted file or a wrong mount stops the run instead of starting
an empty warehouse whose snapshot would replace the analysts' copy. A damaged warehouse stops the
run before its files move. An inbox that files cannot leave by rename stops it too, since every
run would otherwise process the same files again.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from ingest import load
from ingest.errors import (
    INBOX_READ_ONLY,
    MOVE_TARGET_ELSEWHERE,
    WAREHOUSE_MISSING,
    InboxReadOnly,
    MoveTargetElsewhere,
    WarehouseMissing,
)
from ingest.inbox import OWN_PREFIX
from ingest.settings import PathSettings

log = logging.getLogger(__name__)

# Beside the inbox (.<inbox name><MARKER_SUFFIX>): which warehouse this inbox was ingested into.
MARKER_SUFFIX = ".warehouse"


def preflight(paths: PathSettings) -> None:
    """Check, under the run lock, that this run can neither lose files nor repeat them.

    Raises:
        InboxReadOnly: no file can be renamed out of the inbox.
        MoveTargetElsewhere: archive or quarantine is on another file system.
        WarehouseMissing: the warehouse is gone although a marker or the snapshot says it existed.
        WarehouseDamaged: the warehouse cannot be read back whole.
    """
    _require_renames(paths)
    if os.path.lexists(paths.db):
        load.verify(paths.db)
    else:
        evidence = existed(paths)
        if evidence:
            raise WarehouseMissing(WAREHOUSE_MISSING.format(path=paths.db, evidence=evidence))
        log.warning("first use: creating the warehouse %s", paths.db)
        load.migrate(paths.db)
    remember(paths)


def existed(paths: PathSettings) -> str | None:
    """What says a warehouse existed for these paths (the snapshot, the inbox's marker), or None."""
    snapshot = load.snapshot_path(paths.db)
    if snapshot.exists():
        return f"its snapshot {snapshot}"
    marker = marker_path(paths.inbox)
    if marker.exists():
        named = json.loads(marker.read_text("utf-8"))["warehouse"]
        return f"the marker {marker} (naming {named})"
    return None


def remember(paths: PathSettings) -> None:
    """Record beside the inbox that it feeds this warehouse (atomically; kept when unchanged)."""
    marker = marker_path(paths.inbox)
    content = json.dumps({"warehouse": str(paths.db.absolute())}) + "\n"
    if marker.exists() and marker.read_text("utf-8") == content:
        return
    try:
        handle, temporary = tempfile.mkstemp(dir=marker.parent, prefix=f"{marker.name}.")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(content)
        os.replace(temporary, marker)
    except OSError as exc:  # the snapshot still says a warehouse existed
        log.warning("could not write the inbox marker %s: %s", marker, exc)


def marker_path(inbox_dir: Path) -> Path:
    """The marker of an inbox: a hidden file beside it, so it survives with the inbox's disk."""
    return inbox_dir.parent / f".{inbox_dir.name}{MARKER_SUFFIX}"


def _require_renames(paths: PathSettings) -> None:
    """The inbox takes a new name and loses it again, and both targets share its file system."""
    try:
        paths.inbox.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=paths.inbox, prefix=f"{OWN_PREFIX}probe.")
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        message = INBOX_READ_ONLY.format(path=paths.inbox, error=exc.strerror or exc)
        raise InboxReadOnly(message) from exc
    device = paths.inbox.stat().st_dev
    for folder in (paths.archive, paths.quarantine):
        folder.mkdir(parents=True, exist_ok=True)
        if folder.stat().st_dev != device:
            message = MOVE_TARGET_ELSEWHERE.format(folder=folder, inbox=paths.inbox)
            raise MoveTargetElsewhere(message)
