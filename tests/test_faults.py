"""Operations under real faults: a missing or damaged warehouse, a stalled writer, a read-only
inbox, full file systems. Each test produces the fault itself (a real tmpfs mount, a truncated or
overwritten DuckDB file, a writer process holding its file open), never a mock."""

from __future__ import annotations

import argparse
import errno
import hashlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from ingest import guard, inbox, load
from ingest.errors import (
    DiskFull,
    InboxReadOnly,
    MoveTargetElsewhere,
    SnapshotRefused,
    WarehouseDamaged,
    WarehouseMissing,
)
from ingest.settings import load_settings

from .conftest import MODEL, SAMPLES, process_batch

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir())
# DuckDB's file header: three 4 KiB blocks, then 256 KiB data blocks.
DUCKDB_HEADER = 3 * 4096
DUCKDB_BLOCK = 256 * 1024
# A writer that stalls mid-copy: half the bytes, an old modification time, the file kept open.
STALLED_WRITER = r"""
import os, sys, time
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as out:
    out.write(data[: len(data) // 2]); out.flush()
    os.utime(sys.argv[2], (time.time() - 60, time.time() - 60))
    print("stalled", flush=True)
    sys.stdin.readline()
    out.write(data[len(data) // 2 :])
"""


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None


needs_mount = pytest.mark.skipif(
    not _can_mount(), reason="mounting a tmpfs needs root (CI runs as root)"
)


@contextmanager
def _tmpfs(path: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of the given size mounted at path, unmounted afterwards."""
    path.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)])
    if result.returncode:
        pytest.skip("mount -t tmpfs failed (no CAP_SYS_ADMIN in this container)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=True)


def _fill(folder: Path) -> None:
    """Fill the file system holding folder until a write fails with ENOSPC."""
    chunk = b"\0" * 65536
    with (folder / "filler").open("wb", buffering=0) as out:
        try:
            while True:
                out.write(chunk)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def _drop(inbox_dir: Path, names: list[str]) -> None:
    """Copy samples into the inbox, aged past the settle time."""
    inbox_dir.mkdir(parents=True, exist_ok=True)
    past = time.time() - 60
    for name in names:
        shutil.copy(SAMPLES / name, inbox_dir / name)
        os.utime(inbox_dir / name, (past, past))


def _run(root: Path, **paths: Path) -> dict[str, int]:
    """One flow run over root/inbox into root/warehouse (paths override the folders)."""
    from flows.ingest_inbox import ingest_inbox

    folders = {"archive": root / "archive", "quarantine": root / "quarantine", **paths}
    return ingest_inbox(
        inbox_dir=str(root / "inbox"),
        db_path=str(folders.get("db", root / "warehouse" / "claims.duckdb")),
        model_path=str(MODEL),
        archive_dir=str(folders["archive"]),
        quarantine_dir=str(folders["quarantine"]),
    )


def _settings(root: Path):
    return load_settings(env={}).with_paths(
        inbox=root / "inbox",
        db=root / "warehouse" / "claims.duckdb",
        archive=root / "archive",
        quarantine=root / "quarantine",
        model=MODEL,
    )


def _paths(root: Path):
    return _settings(root).paths


def _documents(db: Path) -> int:
    return load.document_count(db)


def _damage(db: Path) -> None:
    """Overwrite 4 KiB inside every data block with other bytes, as a failing disk would."""
    size = db.stat().st_size
    with db.open("r+b") as handle:
        for offset in range(DUCKDB_HEADER + 4096, size, DUCKDB_BLOCK):
            handle.seek(offset)
            handle.write(bytes(range(256)) * 16)


@pytest.fixture
def clean_env(monkeypatch):
    for key in [k for k in os.environ if k.startswith("INGEST__")]:
        monkeypatch.delenv(key)


# ---------------------------------------------------------------- missing and damaged warehouse


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.parametrize("also_lost", ["nothing else", "the snapshot too"])
def test_faults_missing_warehouse_stops_run_and_keeps_snapshot(
    prefect_harness, tmp_path, clean_env, also_lost
):
    _drop(tmp_path / "inbox", SAMPLE_NAMES[:3])
    _run(tmp_path)  # first use: creates the warehouse
    db = tmp_path / "warehouse" / "claims.duckdb"
    snapshot = load.snapshot_path(db)
    db.unlink()
    if also_lost == "the snapshot too":  # a wrong mount: only the marker beside the inbox is left
        snapshot.unlink()
    _drop(tmp_path / "inbox", SAMPLE_NAMES[3:4])
    with pytest.raises(WarehouseMissing, match=r"\[ING103\].*ingest restore"):
        _run(tmp_path)
    assert not db.exists()
    assert [p.name for p in (tmp_path / "inbox").iterdir()] == SAMPLE_NAMES[3:4]
    if also_lost == "nothing else":
        assert _documents(snapshot) == 3


def test_faults_snapshot_is_never_replaced_by_one_with_fewer_documents(tmp_path):
    db = tmp_path / "claims.duckdb"
    load.migrate(db)
    snapshot = load.publish_snapshot(db)
    with duckdb.connect(str(db)) as con:  # the analysts' copy holds a document ...
        con.execute(
            "insert into raw_documents (doc_id, load_id, source_file, language, text,"
            " content_sha256, truncated, ingested_at) values ('d', 'l', 'a.txt', 'en', 'x',"
            " 'h', false, now())"
        )
    load.publish_snapshot(db)
    db.unlink()  # ... and the warehouse is replaced by an empty one
    load.migrate(db)
    with pytest.raises(SnapshotRefused, match=r"\[ING106\].*0 documents, the snapshot 1"):
        load.publish_snapshot(db)
    assert _documents(snapshot) == 1
    assert sorted(p.name for p in snapshot.parent.iterdir()) == [snapshot.name]


@pytest.mark.parametrize("damage", ["overwritten blocks", "truncated file"])
def test_faults_damaged_warehouse_is_refused_by_the_preflight(tmp_path, damage):
    paths = _paths(tmp_path)
    guard.preflight(paths)  # first use
    with duckdb.connect(str(paths.db)) as con:
        con.execute(
            "create table filler as select range as i, repeat('x', 300) as s from range(50000)"
        )
    if damage == "overwritten blocks":
        _damage(paths.db)
    else:
        os.truncate(paths.db, paths.db.stat().st_size // 2)
    with pytest.raises(WarehouseDamaged, match=r"\[ING104\].*ingest restore"):
        guard.preflight(paths)


@pytest.mark.model
@pytest.mark.slow
def test_faults_damaged_warehouse_moves_nothing_and_restore_reingests_what_snapshot_lacks(
    prefect_harness, tmp_path, clean_env
):
    from flows.operate import restore_and_run

    db = tmp_path / "warehouse" / "claims.duckdb"
    snapshot = load.snapshot_path(db)
    _drop(tmp_path / "inbox", SAMPLE_NAMES[:2])
    _run(tmp_path)
    stale = tmp_path / "stale.duckdb"
    shutil.copy(snapshot, stale)
    _drop(tmp_path / "inbox", SAMPLE_NAMES[2:4])
    _run(tmp_path)
    os.replace(stale, snapshot)  # as when the damage already broke the checkpoint
    _damage(db)
    _drop(tmp_path / "inbox", SAMPLE_NAMES[4:])
    with pytest.raises(WarehouseDamaged, match=r"\[ING104\]"):
        _run(tmp_path)
    assert [p.name for p in (tmp_path / "inbox").iterdir()] == SAMPLE_NAMES[4:]
    args = argparse.Namespace(
        inbox=str(tmp_path / "inbox"),
        db=str(db),
        archive=str(tmp_path / "archive"),
        quarantine=str(tmp_path / "quarantine"),
        model=str(MODEL),
        config=None,
    )
    assert restore_and_run(args) == 0
    assert _documents(db) == _documents(snapshot) == len(SAMPLE_NAMES)
    assert sorted(p.name for p in (tmp_path / "archive").iterdir()) == SAMPLE_NAMES
    assert list((tmp_path / "inbox").iterdir()) == []
    assert any(p.name.startswith("claims.duckdb.replaced-") for p in db.parent.iterdir())


# ---------------------------------------------------------------- arrivals


def test_faults_stalled_writer_is_not_an_arrival_until_it_closes(tmp_path):
    (tmp_path / "inbox").mkdir()
    target = tmp_path / "inbox" / "story.txt"
    writer = subprocess.Popen(
        [sys.executable, "-c", STALLED_WRITER, str(SAMPLES / SAMPLE_NAMES[0]), str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert writer.stdout.readline() == "stalled\n"
        ready, settling = inbox.list_inbox(tmp_path / "inbox", settle_seconds=2)
        assert (ready, settling) == ([], [target])  # old mtime, but still open for writing
    finally:
        writer.communicate("go\n", timeout=30)
    past = time.time() - 60
    os.utime(target, (past, past))
    assert inbox.list_inbox(tmp_path / "inbox", settle_seconds=2) == ([target], [])
    assert target.read_bytes() == (SAMPLES / SAMPLE_NAMES[0]).read_bytes()


def test_faults_file_growing_between_two_looks_is_left(tmp_path):
    (tmp_path / "inbox").mkdir()
    target = tmp_path / "inbox" / "story.txt"
    target.write_text("first half")
    past = time.time() - 60
    os.utime(target, (past, past))
    grower = subprocess.Popen(
        [sys.executable, "-c", GROWER, str(target)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert grower.stdout.readline() == "ready\n"
        ready, settling = inbox.list_inbox(tmp_path / "inbox", settle_seconds=2, look_seconds=0.5)
    finally:
        grower.wait(timeout=30)
    assert (ready, settling) == ([], [target])


# Appends to a file in short opens (each write closes it) and keeps its mtime in the past, as a
# tool that restores times would: only the second look sees the size change.
GROWER = r"""
import os, sys, time
print("ready", flush=True)
for _ in range(8):
    time.sleep(0.1)
    with open(sys.argv[1], "a") as out:
        out.write(" more")
    os.utime(sys.argv[1], (time.time() - 60, time.time() - 60))
"""


def test_faults_temporary_names_are_left_not_quarantined(tmp_path):
    names = [".story.txt.a1B2c3", "story.txt.part", "story.tmp", "story.txt~", "story.txt"]
    (tmp_path / "inbox").mkdir()
    past = time.time() - 60
    for name in names:
        (tmp_path / "inbox" / name).write_text("text")
        os.utime(tmp_path / "inbox" / name, (past, past))
    ready, settling = inbox.list_inbox(tmp_path / "inbox", settle_seconds=2)
    assert [p.name for p in ready] == ["story.txt"]
    assert sorted(p.name for p in settling) == sorted(names[:-1])


# ---------------------------------------------------------------- moves and full file systems


@needs_mount
@pytest.mark.model
@pytest.mark.slow
def test_faults_read_only_inbox_refuses_the_run_and_copies_nothing(
    prefect_harness, tmp_path, clean_env
):
    with _tmpfs(tmp_path / "mnt", "4m") as mnt:
        _drop(mnt / "inbox", SAMPLE_NAMES[:2])
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        for _ in range(2):  # a schedule runs it again: still nothing copied, nothing recorded
            with pytest.raises(InboxReadOnly, match=r"\[ING107\]"):
                _run(
                    mnt,
                    archive=tmp_path / "archive",
                    quarantine=tmp_path / "quarantine",
                    db=tmp_path / "warehouse" / "claims.duckdb",
                )
        assert sorted(p.name for p in (mnt / "inbox").iterdir()) == SAMPLE_NAMES[:2]
        assert not (tmp_path / "archive").exists()
        subprocess.run(["mount", "-o", "remount,rw", str(mnt)], check=True)


@needs_mount
def test_faults_archive_on_another_file_system_is_refused_before_processing(tmp_path):
    paths = _paths(tmp_path)
    _drop(paths.inbox, SAMPLE_NAMES[:1])
    with _tmpfs(paths.archive, "1m"):
        with pytest.raises(MoveTargetElsewhere, match=r"\[ING110\]"):
            guard.preflight(paths)
        assert list(paths.archive.iterdir()) == []


@needs_mount
@pytest.mark.model
@pytest.mark.slow
def test_faults_full_file_system_still_archives_by_rename(prefect_harness, tmp_path, clean_env):
    with _tmpfs(tmp_path / "mnt", "2m") as mnt:
        _drop(mnt / "inbox", SAMPLE_NAMES)
        (mnt / "archive").mkdir()
        (mnt / "quarantine").mkdir()
        _fill(mnt)
        counts = _run(
            mnt,
            archive=mnt / "archive",
            quarantine=mnt / "quarantine",
            db=tmp_path / "warehouse" / "claims.duckdb",
        )
        assert counts["documents_added"] == len(SAMPLE_NAMES)
        archived = {p.name: p.read_bytes() for p in (mnt / "archive").iterdir()}
        assert archived == {n: (SAMPLES / n).read_bytes() for n in SAMPLE_NAMES}


@needs_mount
@pytest.mark.model
@pytest.mark.slow
def test_faults_disk_full_during_load_moves_nothing_then_recovers(
    prefect_harness, tmp_path, clean_env
):
    db_dir = tmp_path / "warehouse"
    with _tmpfs(db_dir, "32m"):
        _drop(tmp_path / "inbox", SAMPLE_NAMES[:1])
        _run(tmp_path)
        _drop(tmp_path / "inbox", SAMPLE_NAMES[1:])
        _fill(db_dir)
        with pytest.raises(DiskFull, match=r"\[ING105\].*No space left"):
            _run(tmp_path)
        assert sorted(p.name for p in (tmp_path / "inbox").iterdir()) == SAMPLE_NAMES[1:]
        (db_dir / "filler").unlink()
        counts = _run(tmp_path)
        assert _documents(db_dir / "claims.duckdb") == len(SAMPLE_NAMES)
        assert counts["documents_added"] == len(SAMPLE_NAMES) - 1
        assert list((tmp_path / "inbox").iterdir()) == []


@needs_mount
@pytest.mark.model
@pytest.mark.slow
def test_faults_disk_full_during_snapshot_keeps_the_old_one_and_says_the_run_completed(
    prefect_harness, tmp_path, clean_env
):
    db = tmp_path / "warehouse" / "claims.duckdb"
    snapshots = load.snapshot_path(db).parent
    _drop(tmp_path / "inbox", SAMPLE_NAMES[:1])
    _run(tmp_path)
    old = load.snapshot_path(db).read_bytes()
    load.snapshot_path(db).unlink()
    with _tmpfs(snapshots, f"{len(old) // 1024 + 512}k"):  # its file system fills up
        load.snapshot_path(db).write_bytes(old)
        _fill(snapshots)
        _drop(tmp_path / "inbox", SAMPLE_NAMES[1:])
        with pytest.raises(DiskFull, match=r"\[ING105\].*rows are loaded and its files moved"):
            _run(tmp_path)
        assert sorted(p.name for p in snapshots.iterdir()) == ["claims.duckdb", "filler"]
        assert load.snapshot_path(db).read_bytes() == old
    with duckdb.connect(str(db), read_only=True) as con:
        statuses = [r[0] for r in con.execute("select status from loads").fetchall()]
    assert statuses == ["completed", "completed"]
    assert list((tmp_path / "inbox").iterdir()) == []


# ---------------------------------------------------------------- one warehouse, one lock


def test_faults_warehouse_through_a_symlinked_path_is_one_lock(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    with (
        inbox.run_lock(tmp_path / "real" / "claims.duckdb"),
        pytest.raises(inbox.RunInProgress),
        inbox.run_lock(tmp_path / "link" / "claims.duckdb"),
    ):
        pass


# ---------------------------------------------------------------- every arrival recorded


@pytest.mark.model
@pytest.mark.slow
def test_faults_every_arrival_has_a_files_row(prefect_harness, tmp_path, clean_env):
    _drop(tmp_path / "inbox", SAMPLE_NAMES[:2])
    shutil.copy(SAMPLES / SAMPLE_NAMES[0], tmp_path / "inbox" / "copy.txt")
    (tmp_path / "inbox" / "empty.txt").write_bytes(b"")
    past = time.time() - 60
    for path in (tmp_path / "inbox").iterdir():
        os.utime(path, (past, past))
    _run(tmp_path)
    with duckdb.connect(str(tmp_path / "warehouse" / "claims.duckdb"), read_only=True) as con:
        rows = con.execute(
            "select source_file, outcome, duplicate_of_file, size from files order by source_file"
        ).fetchall()
    size = (SAMPLES / SAMPLE_NAMES[0]).stat().st_size
    assert rows == [
        (SAMPLE_NAMES[0], "loaded", None, size),
        (SAMPLE_NAMES[1], "loaded", None, (SAMPLES / SAMPLE_NAMES[1]).stat().st_size),
        ("copy.txt", "duplicate", SAMPLE_NAMES[0], size),
        ("empty.txt", "quarantined", None, 0),
    ] or rows == [  # which of the two identical files comes first is the listing's order
        (SAMPLE_NAMES[0], "duplicate", "copy.txt", size),
        (SAMPLE_NAMES[1], "loaded", None, (SAMPLES / SAMPLE_NAMES[1]).stat().st_size),
        ("copy.txt", "loaded", None, size),
        ("empty.txt", "quarantined", None, 0),
    ]


@pytest.mark.model
def test_faults_file_changed_after_reading_is_left_then_ingested_again(tmp_path, monkeypatch):
    from ingest import batch

    settings = _settings(tmp_path)
    paths = settings.paths
    guard.preflight(paths)
    story = paths.inbox / "story.txt"
    story.write_bytes((SAMPLES / SAMPLE_NAMES[0]).read_bytes()[:2000])
    annotate_texts = batch.annotate_texts

    def writer_finishes_during_nlp(nlp, texts, batch_size, **budget):
        with story.open("ab") as out:  # the rest of the copy lands while NLP reads the first part
            out.write((SAMPLES / SAMPLE_NAMES[0]).read_bytes()[2000:])
        return annotate_texts(nlp, texts, batch_size, **budget)

    monkeypatch.setattr(batch, "annotate_texts", writer_finishes_during_nlp)
    first = process_batch([story], load.start_load(paths.db, 1), settings)
    assert (first.documents, first.not_moved) == (1, 0)
    assert story.exists()  # not archived against the text it was read with
    monkeypatch.setattr(batch, "annotate_texts", annotate_texts)
    process_batch([story], load.start_load(paths.db, 1), settings)
    archived = paths.archive / "story.txt"
    assert archived.read_bytes() == (SAMPLES / SAMPLE_NAMES[0]).read_bytes()
    with duckdb.connect(str(paths.db), read_only=True) as con:
        outcomes = con.execute("select outcome, size from files order by first_seen").fetchall()
        current = con.execute("select doc_id from documents where superseded_by is null").fetchall()
    assert [o for o, _ in outcomes] == ["loaded", "left", "loaded"]
    assert current == [(hashlib.sha256(archived.read_bytes()).hexdigest(),)]


# ---------------------------------------------------------------- budgets and short texts

DENSE_WORDS = (
    "the county reported cases rose to and fell by percent in while officials said".split()
)


def _dense(chars: int) -> str:
    """Number-dense text without a sentence break, as a flattened table gives."""
    words = [f"{DENSE_WORDS[i % len(DENSE_WORDS)]} {(i * 7919) % 9999}" for i in range(chars // 8)]
    return " ".join(words)[:chars]


@pytest.mark.model
def test_faults_number_dense_text_costs_in_proportion_to_its_length(nlp):
    from ingest.annotate.paragraphs import MAX_PARAGRAPH_CHARS, annotate_texts
    from ingest.claims.assemble import claims_from_paragraphs

    seconds = {}
    for chars in (4_000, 16_000):
        started = time.perf_counter()
        paragraphs = next(annotate_texts(nlp, [_dense(chars)], batch_size=8))
        claims = claims_from_paragraphs(paragraphs, "d", None)
        seconds[chars] = time.perf_counter() - started
        assert all(len(p.doc.text) <= MAX_PARAGRAPH_CHARS for p in paragraphs)
        assert len(claims) > chars / 20
    assert seconds[16_000] / seconds[4_000] < 8  # 4x the text: ~4x the time, not 16x


@pytest.mark.model
@pytest.mark.parametrize("budget", ["max_seconds = 3.0", "max_memory_mb = 1"])
def test_faults_document_over_budget_is_quarantined_and_the_batch_goes_on(tmp_path, budget):

    config = tmp_path / "ingest.toml"
    config.write_text(f"[nlp]\n{budget}\n")
    settings = load_settings(config, env={}).with_paths(**vars_of(_paths(tmp_path)))
    guard.preflight(settings.paths)
    (settings.paths.inbox / "table.txt").write_text(_dense(60_000))
    shutil.copy(SAMPLES / SAMPLE_NAMES[0], settings.paths.inbox / SAMPLE_NAMES[0])
    paths = sorted(settings.paths.inbox.iterdir())
    result = process_batch(paths, load.start_load(settings.paths.db, 2), settings)
    assert (result.documents, result.quarantined) == (1, 1)
    with duckdb.connect(str(settings.paths.db), read_only=True) as con:
        [(name, reason, detail)] = con.execute(
            "select source_file, reason, detail from quarantine"
        ).fetchall()
    assert (name, reason[:6]) == ("table.txt", "ING021")
    assert ("time" if "seconds" in budget else "memory") in detail
    assert [p.name for p in settings.paths.archive.iterdir()] == [SAMPLE_NAMES[0]]


def vars_of(paths) -> dict:
    return {name: getattr(paths, name) for name in paths.__slots__}


@pytest.mark.model
def test_faults_short_brief_gets_language_processing(tmp_path):

    settings = _settings(tmp_path)
    guard.preflight(settings.paths)
    brief = settings.paths.inbox / "brief.txt"
    brief.write_text(
        "HARTFORD — The state hired 42 new caseworkers in March, officials said Tuesday, "
        "after a review found more than 300 cases open for a year or longer.\n"
    )
    result = process_batch([brief], load.start_load(settings.paths.db, 1), settings)
    assert result.documents == 1 and result.claims >= 2
