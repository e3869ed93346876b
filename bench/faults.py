"""Fault bench: each operator-facing fault of issue 15 produced for real (tmpfs mounts, damaged
DuckDB files, a stalled writer), the flow run through it and the operator's fix, then counted:
files lost (input bytes found in no folder), duplicated rows or copies, and the message given.

    .venv/bin/python bench/faults.py        # as root, for the mounts; about 3 minutes

Prints one table: fault | survived | files lost | duplicated rows | message. An argument runs
only the faults whose name contains it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "sample_docs").iterdir())
MODEL = ROOT / "models" / "en_claims"


def main() -> None:
    from prefect.testing.utilities import prefect_test_harness

    os.environ.update(DO_NOT_TRACK="1", PREFECT_SERVER_ANALYTICS_ENABLED="false")
    rows = []
    with prefect_test_harness(server_startup_timeout=180):
        chosen = [(n, f) for n, f in SCENARIOS if not sys.argv[1:] or sys.argv[1] in n]
        for name, scenario in chosen:
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp)
                try:
                    message = scenario(root)
                except Exception as exc:  # a scenario that breaks is a fault not survived
                    message = f"bench error: {exc!r}"[:200]
                rows.append((name, *_count(root), message))
    print("| fault | survived | files lost | duplicated rows | message |")
    print("|---|---|---|---|---|")
    for name, lost, duplicated, message in rows:
        survived = "yes" if lost == duplicated == 0 and "bench error" not in message else "NO"
        print(f"| {name} | {survived} | {lost} | {duplicated} | {message} |")


# ---------------------------------------------------------------- running and counting


def _run(root: Path, db: Path | None = None, **folders: Path) -> dict | str:
    """One flow run; its counts, or the first line of its ING-coded failure."""
    from flows.ingest_inbox import ingest_inbox

    try:
        return ingest_inbox(
            inbox_dir=str(root / "inbox"),
            db_path=str(db or root / "warehouse" / "claims.duckdb"),
            model_path=str(MODEL),
            archive_dir=str(folders.get("archive", root / "archive")),
            quarantine_dir=str(folders.get("quarantine", root / "quarantine")),
        )
    except Exception as exc:
        return str(exc)[:90]


def _drop(root: Path, files: list[Path], inbox: Path | None = None) -> None:
    inbox = inbox or root / "inbox"
    inbox.mkdir(parents=True, exist_ok=True)
    past = time.time() - 60
    for path in files:
        shutil.copy(path, inbox / path.name)
        os.utime(inbox / path.name, (past, past))
    dropped = root / "dropped"
    dropped.mkdir(exist_ok=True)
    for path in files:
        shutil.copy(path, dropped / path.name)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _count(root: Path) -> tuple[int, int]:
    """(input files whose bytes are in no folder, extra copies + duplicated warehouse rows)."""
    dropped = (
        Counter(_digest(p) for p in (root / "dropped").glob("*"))
        if (root / "dropped").exists()
        else Counter()
    )
    kept: Counter[str] = Counter()
    for folder in ("inbox", "archive", "quarantine", "mnt/inbox", "mnt/archive", "mnt/quarantine"):
        for path in (root / folder).glob("*") if (root / folder).is_dir() else []:
            if path.is_file() and not path.name.startswith("."):
                kept[_digest(path)] += 1
    lost = sum((dropped - kept).values())
    copies = sum((kept - dropped).values())
    return lost, copies + _duplicate_rows(root)


def _duplicate_rows(root: Path) -> int:
    """Rows stored twice, in the warehouse, or in its snapshot while the warehouse is damaged."""
    db = root / "warehouse" / "claims.duckdb"
    for path in (db, db.parent / "snapshots" / db.name):
        if not path.exists():
            continue
        try:
            with duckdb.connect(str(path), read_only=True) as con:
                return con.execute(
                    "select (select count(*) - count(distinct doc_id) from raw_documents)"
                    " + (select count(*) - count(distinct (source_file, doc_id, reason))"
                    " from raw_quarantine)"
                ).fetchone()[0]
        except duckdb.Error:
            continue
    return 0


@contextmanager
def _tmpfs(path: Path, size: str) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], check=True)
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


def _fill(folder: Path) -> None:
    with (folder / ".filler").open("wb", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 65536)
        except OSError:
            pass


def _damage(db: Path) -> None:
    with db.open("r+b") as handle:
        for offset in range(16384, db.stat().st_size, 262144):
            handle.seek(offset)
            handle.write(bytes(range(256)) * 16)


# ---------------------------------------------------------------- the faults


def warehouse_deleted(root: Path) -> str:
    _drop(root, SAMPLES[:3])
    _run(root)
    (root / "warehouse" / "claims.duckdb").unlink()
    _drop(root, SAMPLES[3:])
    return _code(_run(root))


def warehouse_damaged_then_restored(root: Path) -> str:
    from flows.operate import restore_and_run

    _drop(root, SAMPLES[:3])
    _run(root)
    _damage(root / "warehouse" / "claims.duckdb")
    _drop(root, SAMPLES[3:])
    message = _code(_run(root))
    args = {k: None for k in ("config",)} | {
        "inbox": str(root / "inbox"),
        "db": str(root / "warehouse" / "claims.duckdb"),
        "archive": str(root / "archive"),
        "quarantine": str(root / "quarantine"),
        "model": str(MODEL),
    }
    import argparse

    assert restore_and_run(argparse.Namespace(**args)) == 0
    with duckdb.connect(str(root / "warehouse" / "claims.duckdb"), read_only=True) as con:
        documents = con.execute("select count(*) from documents").fetchone()[0]
    return f"{message}; after `ingest restore`: {documents} documents"


def warehouse_truncated(root: Path) -> str:
    _drop(root, SAMPLES[:3])
    _run(root)
    db = root / "warehouse" / "claims.duckdb"
    os.truncate(db, db.stat().st_size // 2)
    _drop(root, SAMPLES[3:])
    return _code(_run(root))


def stalled_writer(root: Path) -> str:
    (root / "inbox").mkdir()
    _drop(root, SAMPLES[:1], inbox=root / "staging")
    target = root / "inbox" / SAMPLES[0].name
    data = SAMPLES[0].read_bytes()
    with target.open("wb") as out:  # this process is the stalled writer
        out.write(data[: len(data) // 2])
        out.flush()
        os.utime(target, (time.time() - 60, time.time() - 60))
        first = _run(root)
        out.write(data[len(data) // 2 :])
    shutil.rmtree(root / "staging")
    os.utime(target, (time.time() - 60, time.time() - 60))
    second = _run(root)
    return f"while open: {first['documents_added']} added, {first['left_for_next_run']} left; closed: {second['documents_added']} added"


def rsync_temp_name(root: Path) -> str:
    _drop(root, SAMPLES[:1])
    temp = root / "inbox" / f".{SAMPLES[0].name}.Xa9b2Q"
    os.rename(root / "inbox" / SAMPLES[0].name, temp)
    first = _run(root)
    os.rename(temp, root / "inbox" / SAMPLES[0].name)
    second = _run(root)
    return f"temp name: {first['quarantined']} quarantined, {first['left_for_next_run']} left; renamed: {second['documents_added']} added"


def read_only_inbox(root: Path) -> str:
    with _tmpfs(root / "mnt", "4m") as mnt:
        _drop(root, SAMPLES[:2], inbox=mnt / "inbox")
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        messages = {
            _code(
                _run(
                    mnt,
                    db=root / "warehouse" / "claims.duckdb",
                    archive=root / "archive",
                    quarantine=root / "quarantine",
                )
            )
            for _ in range(3)
        }
        subprocess.run(["mount", "-o", "remount,rw", str(mnt)], check=True)
        shutil.copytree(mnt / "inbox", root / "inbox")
    return f"3 runs: {' / '.join(messages)}"


def archive_on_full_other_fs(root: Path) -> str:
    _drop(root, SAMPLES[:2])
    with _tmpfs(root / "archive", "64k"):
        _fill(root / "archive")
        return _code(_run(root))


def full_fs_holding_inbox_and_archive(root: Path) -> str:
    with _tmpfs(root / "mnt", "2m") as mnt:
        _drop(root, SAMPLES, inbox=mnt / "inbox")
        (mnt / "archive").mkdir()
        (mnt / "quarantine").mkdir()
        _fill(mnt)
        counts = _run(mnt, db=root / "warehouse" / "claims.duckdb")
        for folder in ("inbox", "archive", "quarantine"):
            shutil.copytree(mnt / folder, root / folder, dirs_exist_ok=True)
    return f"{counts['documents_added']} added, archived by rename"


def disk_full_during_load(root: Path) -> str:
    with _tmpfs(root / "warehouse", "32m") as wh:
        _drop(root, SAMPLES[:1])
        _run(root)
        _drop(root, SAMPLES[1:])
        _fill(wh)
        message = _code(_run(root))
        (wh / ".filler").unlink()
        counts = _run(root)
        shutil.copytree(wh, root / "wh-copy")
    shutil.rmtree(root / "warehouse", ignore_errors=True)
    os.rename(root / "wh-copy", root / "warehouse")
    return f"{message}; space freed: {counts['documents_added']} added"


def disk_full_during_snapshot(root: Path) -> str:
    db = root / "warehouse" / "claims.duckdb"
    _drop(root, SAMPLES[:1])
    _run(root)
    snapshot = db.parent / "snapshots" / db.name
    old = snapshot.read_bytes()
    snapshot.unlink()
    with _tmpfs(snapshot.parent, f"{len(old) // 1024 + 512}k"):
        snapshot.write_bytes(old)
        _fill(snapshot.parent)
        _drop(root, SAMPLES[1:])
        message = _code(_run(root))
        kept = snapshot.read_bytes() == old
        partial = [p.name for p in snapshot.parent.iterdir() if "partial" in p.name]
    return f"{message}; old snapshot kept: {kept}; partial files: {len(partial)}"


def symlinked_warehouse(root: Path) -> str:
    from ingest import inbox

    (root / "warehouse").mkdir()
    (root / "link").symlink_to(root / "warehouse")
    with inbox.run_lock(root / "warehouse" / "claims.duckdb"):
        try:
            with inbox.run_lock(root / "link" / "claims.duckdb"):
                return "NOT refused"
        except inbox.RunInProgress as exc:
            return f"second run refused: {str(exc)[:40]}"


def identical_copy_other_name(root: Path) -> str:
    _drop(root, SAMPLES[:1])
    shutil.copy(SAMPLES[0], root / "inbox" / "copy.txt")
    shutil.copy(SAMPLES[0], root / "dropped" / "copy.txt")
    os.utime(root / "inbox" / "copy.txt", (time.time() - 60, time.time() - 60))
    _run(root)
    with duckdb.connect(str(root / "warehouse" / "claims.duckdb"), read_only=True) as con:
        rows = con.execute("select source_file, outcome from files order by 1").fetchall()
    return "files: " + ", ".join(f"{name} {outcome}" for name, outcome in rows)


def dense_text_over_budget(root: Path) -> str:
    cue = "the county reported cases rose to and fell by percent in while officials said".split()
    words = " ".join(f"{cue[i % len(cue)]} {i * 7919 % 9999}" for i in range(40_000))
    table = root / "src" / "table.txt"
    table.parent.mkdir()
    table.write_text(words[:150_000])
    _drop(root, [table, SAMPLES[0]])
    os.environ["INGEST__NLP__MAX_SECONDS"] = "5"
    try:
        started = time.monotonic()
        counts = _run(root)
    finally:
        del os.environ["INGEST__NLP__MAX_SECONDS"]
    return f"{counts['quarantined']} quarantined (ING021), {counts['documents_added']} added, {time.monotonic() - started:.0f} s"


def short_brief(root: Path) -> str:
    brief = root / "src" / "brief.txt"
    brief.parent.mkdir()
    brief.write_text(
        "HARTFORD — The state hired 42 new caseworkers in March, officials said Tuesday, after a review found more than 300 cases open for a year.\n"
    )
    _drop(root, [brief])
    counts = _run(root)
    return f"{counts['claims_added']} claims from a {brief.stat().st_size}-byte brief"


def _code(result: dict | str) -> str:
    return (
        result.split("]")[0] + "]"
        if isinstance(result, str) and "[ING" in result
        else f"NO ING code: {result}"
    )


SCENARIOS: list[tuple[str, Callable[[Path], str]]] = [
    ("warehouse file deleted", warehouse_deleted),
    (
        "4 KiB overwritten per warehouse block, then `ingest restore`",
        warehouse_damaged_then_restored,
    ),
    ("warehouse truncated to half", warehouse_truncated),
    ("writer stalled mid-copy (file open, old mtime)", stalled_writer),
    ("rsync temp name .X.txt.Xa9b2Q, then renamed", rsync_temp_name),
    ("read-only inbox (ro tmpfs), 3 runs", read_only_inbox),
    ("archive on another, full file system", archive_on_full_other_fs),
    ("full file system holding inbox and archive", full_fs_holding_inbox_and_archive),
    ("disk full during load, then space freed", disk_full_during_load),
    ("disk full during snapshot", disk_full_during_snapshot),
    ("same warehouse through a symlinked path", symlinked_warehouse),
    ("byte-identical copy under another name", identical_copy_other_name),
    ("150k chars of figures without a stop, 5 s budget", dense_text_over_budget),
    ("140-character brief", short_brief),
]

if __name__ == "__main__":
    sys.exit(main())
