"""Listing the inbox and moving finished files to the archive or the quarantine folder.

Moves are planned first, journaled in the warehouse with the batch's rows, and carried out only
after that commit; a crash in between leaves the files in the inbox and the journal says where
each one goes (see batch.recover).
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from collections.abc import Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Move:
    """An inbox entry's planned move; doc_id says which bytes it held (None when unreadable)."""

    source: Path
    target: Path
    doc_id: str | None


def as_text(path: Path | str) -> str:
    """A path as storable text: bytes of a name that are not UTF-8 appear as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def list_inbox(
    inbox: Path, settle_seconds: float, now: float | None = None
) -> tuple[list[Path], list[Path]]:
    """Entries ready to process, and entries modified too recently (maybe still being written).

    A modification time in the future counts as recent only within settle_seconds, so a file
    with a wrong clock is processed rather than left forever. A missing inbox is created.

    Returns:
        (ready, settling), both sorted by name.
    """
    now = time.time() if now is None else now
    inbox.mkdir(parents=True, exist_ok=True)
    ready: list[Path] = []
    settling: list[Path] = []
    for path in sorted(inbox.iterdir()):
        try:
            mtime = path.lstat().st_mtime
        except FileNotFoundError:  # removed between listing and looking
            continue
        (settling if abs(now - mtime) < settle_seconds else ready).append(path)
    for path in settling:
        log.debug(
            "leaving %r for the next run: modified under %.1fs ago", path.name, settle_seconds
        )
    return ready, settling


def plan_moves(entries: list[tuple[Path, Path, str | None]]) -> list[Move]:
    """A Move for each (entry, folder, doc_id) to a free name: no existing file, no earlier plan."""
    taken: set[Path] = set()
    moves = []
    for source, folder, doc_id in entries:
        target = free_target(source.name, folder.absolute(), taken)
        taken.add(target)
        moves.append(Move(source.absolute(), target, doc_id))
    return moves


def free_target(name: str, folder: Path, taken: Set[Path] = frozenset()) -> Path:
    """folder/name, or folder/<stem>.<n><suffix> when that name exists or is taken."""
    stem, suffix = Path(name).stem, Path(name).suffix
    target = folder / name
    n = 1
    while target in taken or os.path.lexists(target):
        target = folder / f"{stem}.{n}{suffix}"
        n += 1
    return target


def carry_out(move: Move) -> Path:
    """Move the entry itself (file, link or directory; links are not followed) to its target.

    A target that appeared since planning is not overwritten: the entry gets the next free name.

    Raises:
        OSError: the move failed; the entry stays where it was.
    """
    move.target.parent.mkdir(parents=True, exist_ok=True)
    target = move.target
    if os.path.lexists(target):
        target = free_target(target.name, target.parent)
    shutil.move(move.source, target)
    return target


class RunInProgress(RuntimeError):
    """Another ingest run holds the warehouse's run lock."""


@contextmanager
def run_lock(db_path: Path) -> Iterator[None]:
    """Hold an exclusive lock for one run, so two runs never process the same file at once.

    The kernel drops the lock when its holder dies, even by kill -9, so a crash never leaves a
    stale lock behind.

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
