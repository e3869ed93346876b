"""Listing the inbox and moving finished files to the archive or the quarantine folder.

Moves are planned first, journaled in the warehouse with the batch's rows, and carried out only
after that commit; a crash in between leaves the files in the inbox and the journal says where
each one goes (see batch.recover).
"""

from __future__ import annotations

import fcntl
import logging
import os
import re
import time
from collections.abc import Iterator, Set
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import FILES_NOT_MOVED, FilesNotMoved
from ingest.writers import open_for_writing

log = logging.getLogger(__name__)

# Names of files still being written by their tools: dot files (rsync's .name.XXXXXX), partial downloads and editors' temporary and backup copies. They are left where they
# are and counted as left; the finished file arrives under its real name by rename.
# Ingest's own short-lived files in the inbox (guard's writability probe): never arrivals.
OWN_PREFIX = ".ingest-"
# Names of files still being written by their tools: rsync's hidden .<name>.XXXXXX, partial
# downloads, editors' temporary and backup copies. They are left where they are and counted as
# left; the finished file arrives under its real name by rename. Other dot files are processed.
TEMPORARY_NAME = re.compile(
    r"^\..+\.[A-Za-z0-9]{6}$|\.(part|partial|tmp|temp|crdownload|swp)$|~$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Move:
    """An inbox entry's planned move; doc_id says which bytes it held (None when unreadable)."""

    source: Path
    target: Path
    doc_id: str | None
    size: int | None = None  # bytes when the move was planned (None: gone, or from the journal)


def as_text(path: Path | str) -> str:
    """A path as storable text: bytes of a name that are not UTF-8 appear as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def list_inbox(
    inbox: Path, settle_seconds: float, now: float | None = None, look_seconds: float = 0.0
) -> tuple[list[Path], list[Path]]:
    """Entries that have arrived whole, and entries that may still be being written.

    An entry has arrived when its name is not a temporary one, it was not modified in the last
    settle_seconds, no process holds it open for writing, and its size and modification time
    are the same at a second look look_seconds later. A modification time in the future counts
    as recent only within settle_seconds, so a file with a wrong clock is processed rather than
    left forever. A missing inbox is created.

    Returns:
        (ready, settling), both sorted by name.
    """
    now = time.time() if now is None else now
    inbox.mkdir(parents=True, exist_ok=True)
    entries = sorted(p for p in inbox.iterdir() if not p.name.startswith(OWN_PREFIX))
    first = {path: _look(path) for path in entries}
    ready = [
        path
        for path, look in first.items()
        if look
        and not TEMPORARY_NAME.search(path.name)
        and abs(now - look[1] / 1e9) >= settle_seconds
    ]
    writing = open_for_writing(ready)
    ready = [path for path in ready if path not in writing]
    if ready and look_seconds > 0:
        time.sleep(look_seconds)
        ready = [path for path in ready if _look(path) == first[path]]
    done = set(ready)
    settling = [path for path, look in first.items() if look and path not in done]
    for path in settling:
        log.debug("leaving %r for the next run: it may still be being written", path.name)
    return ready, settling


def _look(path: Path) -> tuple[int, int, int] | None:
    """(size, modification time in ns, inode) of the entry itself; None once it is gone."""
    try:
        info = path.lstat()
    except FileNotFoundError:  # removed between listing and looking
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


def plan_moves(entries: list[tuple[Path, Path, str | None]]) -> list[Move]:
    """A Move for each (entry, folder, doc_id) to a free name: no existing file, no earlier plan."""
    taken: set[Path] = set()
    moves = []
    for source, folder, doc_id in entries:
        target = free_target(source.name, folder.absolute(), taken)
        taken.add(target)
        look = _look(source)
        moves.append(Move(source.absolute(), target, doc_id, look[0] if look else None))
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
    """Rename the entry itself (file, link or directory; links are not followed) to its target.

    A rename or nothing, never a copy: a copy that fails half-way (a full disk, a read-only
    inbox whose files cannot be deleted) leaves junk under a real name and the file in the inbox
    to be copied again by every later run. A target that appeared since planning is not
    overwritten: the entry gets the next free name.

    Raises:
        OSError: the rename failed (EXDEV: another file system); the entry stays where it was.
    """
    move.target.parent.mkdir(parents=True, exist_ok=True)
    target = move.target
    if os.path.lexists(target):
        target = free_target(target.name, target.parent)
    os.rename(move.source, target)
    return target


def require_moved(not_moved: int) -> None:
    """Fail the run when files whose rows committed could not be renamed out of the inbox.

    Raises:
        FilesNotMoved: not_moved > 0; nothing was copied, the files stay for the next run.
    """
    if not_moved:
        raise FilesNotMoved(FILES_NOT_MOVED.format(count=not_moved))


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
    real = db_path.resolve()  # a warehouse reached through a symlink is still one warehouse
    lock_path = real.with_name(real.name + ".lock")
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
