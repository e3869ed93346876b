"""Listing the inbox and moving finished files to the archive or the quarantine folder.

Moves happen only after the warehouse has committed a file's rows, so a crash in between leaves
the file in the inbox and the next run recognises it by its hash.
"""

from __future__ import annotations

import fcntl
import logging
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)


def list_inbox(
    inbox: Path, settle_seconds: float, now: float | None = None
) -> tuple[list[Path], list[Path]]:
    """Entries ready to process, and entries modified too recently (maybe still being written).

    Returns:
        (ready, settling), both sorted by name.
    """
    now = time.time() if now is None else now
    ready: list[Path] = []
    settling: list[Path] = []
    for path in sorted(inbox.iterdir()):
        young = now - path.lstat().st_mtime < settle_seconds
        (settling if young else ready).append(path)
    for path in settling:
        log.info("leaving %s for the next run: modified under %.0fs ago", path.name, settle_seconds)
    return ready, settling


def planned_target(path: Path, folder: Path) -> Path:
    """Where path would land in folder, never overwriting: a clash gets a numbered name."""
    target = folder / path.name
    n = 1
    while target.exists() or target.is_symlink():
        target = folder / f"{path.stem}.{n}{path.suffix}"
        n += 1
    return target


def move_into(path: Path, folder: Path, name: str | None = None) -> Path:
    """Move path (a file, link or directory) into folder under name, or under a free name."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name if name else planned_target(path, folder)
    if target.exists():
        target = planned_target(target, folder)
    shutil.move(str(path), str(target))
    return target


class RunInProgress(RuntimeError):
    """Another ingest run holds the warehouse's run lock."""


@contextmanager
def run_lock(db_path: Path) -> Iterator[None]:
    """Hold an exclusive lock for one run, so two runs never process the same file at once.

    Raises:
        RunInProgress: another process holds the lock.
    """
    lock_path = db_path.with_name(db_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with lock_path.open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise RunInProgress(f"another ingest run holds {lock_path}") from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
