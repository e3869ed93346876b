"""`ingest status`: the latest runs, quarantine totals by reason, and what waits in the inbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from pathlib import Path
from typing import Any

from ingest.inbox import list_inbox
from ingest.views import query, snapshot

# Runs listed, newest first.
RECENT_LOADS = 10


@dataclass(frozen=True, slots=True)
class Status:
    db_path: Path
    loads: list[dict[str, Any]]
    quarantine: list[dict[str, Any]]
    waiting: int  # inbox entries the next run takes
    settling: int  # modified too recently: left for the run after


def read_status(db_path: Path, inbox: Path, settle_seconds: float) -> Status:
    """What the warehouse at db_path and the inbox folder hold now.

    Raises:
        WarehouseNotFound: no file at db_path.
    """
    with snapshot(db_path) as con:
        loads = query(con, "recent_loads", [RECENT_LOADS])
        quarantine = query(con, "quarantine_by_reason")
    ready, settling = list_inbox(inbox, settle_seconds) if inbox.is_dir() else ([], [])
    return Status(db_path, loads, quarantine, len(ready), len(settling))


def as_text(status: Status) -> str:
    """The status for a terminal: one line per run, per quarantine reason, then the inbox."""
    lines = [f"warehouse {status.db_path}", "", "recent loads (UTC, newest first):"]
    lines += [
        f"  {r['started_at'].astimezone(UTC):%Y-%m-%d %H:%M:%S}  {r['status']:<11}  files {r['files_seen'] or 0:>5}"
        f"  documents {r['documents'] or 0:>5}  claims {r['claims']:>6}  quarantined {r['quarantined'] or 0:>4}"
        for r in status.loads
    ] or ["  none"]
    lines += ["", "quarantined files by reason:"]
    lines += [f"  {r['files']:>5}  {r['reason']}" for r in status.quarantine] or ["  none"]
    lines += ["", f"inbox: {status.waiting} files waiting, {status.settling} still being written"]
    return "\n".join(lines) + "\n"
