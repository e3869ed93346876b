"""Which files some process still has open for writing, read from Linux's /proc.

A copy that stalls keeps its file open, often with an old modification time (cp -p, a paused
network transfer); no look at size and time tells it from a finished file, the open descriptor
does. Processes of other users are visible to root only; elsewhere the settle time still applies.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

PROC = Path("/proc")


def open_for_writing(paths: Iterable[Path]) -> set[Path]:
    """Those of paths that a running process holds open for writing (links resolved)."""
    wanted = {os.path.realpath(path): path for path in paths}
    if not wanted or not PROC.is_dir():
        return set()
    found: set[Path] = set()
    for pid in filter(str.isdigit, os.listdir(PROC)):
        for fd, target in _descriptors(pid):
            if target in wanted and _writable(pid, fd):
                found.add(wanted[target])
    return found


def _descriptors(pid: str) -> list[tuple[str, str]]:
    """(fd, path it points to) for one process; empty when it exited or is not ours to read."""
    fd_dir = PROC / pid / "fd"
    try:
        fds = os.listdir(fd_dir)
    except OSError:
        return []
    out = []
    for fd in fds:
        try:
            out.append((fd, os.readlink(fd_dir / fd)))
        except OSError:
            continue
    return out


def _writable(pid: str, fd: str) -> bool:
    """Whether the descriptor was opened for writing (O_WRONLY or O_RDWR in its flags)."""
    try:
        info = (PROC / pid / "fdinfo" / fd).read_text()
    except OSError:
        return False
    flags = next((line.split()[1] for line in info.splitlines() if line.startswith("flags:")), "0")
    return int(flags, 8) & os.O_ACCMODE != os.O_RDONLY
