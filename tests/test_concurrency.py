"""Ingestion next to other processes: analysts holding connections, a second run, the served
deployment picking up a new file by itself."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from ingest import inbox, load
from ingest.errors import WarehouseLocked

from .conftest import MODEL, SAMPLES

# An analyst: holds a read-only connection and queries in a loop until told to stop on stdin,
# then reports what it saw, and what a fresh connection sees.
ANALYST = r"""
import json, sys, threading, time, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
query = "select count(*) from documents"
print(json.dumps(con.execute(query).fetchone()[0]), flush=True)
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
seen, errors, queries = set(), [], 0
while not stop.is_set():
    try:
        seen.add(con.execute(query).fetchone()[0])
        queries += 1
    except Exception as exc:
        errors.append(repr(exc))
    time.sleep(0.02)
con.close()  # reconnecting: in one process DuckDB reuses an open database
fresh = duckdb.connect(sys.argv[1], read_only=True).execute(query).fetchone()[0]
print(json.dumps({"seen": sorted(seen), "errors": errors, "queries": queries, "fresh": fresh}))
"""
HOLD_FILE = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1], read_only=True); print('open', flush=True); time.sleep(float(sys.argv[2]))"
HOLD_RUN_LOCK = "import sys, time; from pathlib import Path; from ingest.inbox import run_lock\nwith run_lock(Path(sys.argv[1])):\n    print('locked', flush=True); time.sleep(600)"


def _holder(script: str, *args: str) -> subprocess.Popen:
    """A second process running script; returns once it printed its first line."""
    process = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout.readline()
    return process


def _drop(inbox_dir: Path, names: list[str]) -> None:
    """Copy samples into the inbox, aged past the settle time."""
    inbox_dir.mkdir(exist_ok=True)
    past = time.time() - 60
    for name in names:
        shutil.copy(SAMPLES / name, inbox_dir / name)
        os.utime(inbox_dir / name, (past, past))


def _flow_args(root: Path) -> dict[str, str]:
    config = root / "ingest.toml"
    config.write_text(
        f'[paths]\narchive = "{root / "archive"}"\nquarantine = "{root / "quarantine"}"\n'
    )
    return {
        "inbox_dir": str(root / "inbox"),
        "db_path": str(root / "warehouse" / "claims.duckdb"),
        "model_path": str(MODEL),
        "config_file": str(config),
    }


@pytest.mark.model
@pytest.mark.slow
def test_concurrency_analyst_on_snapshot_neither_blocks_nor_is_broken(
    prefect_harness, tmp_path, monkeypatch
):
    from flows.ingest_inbox import ingest_inbox

    for key in [k for k in os.environ if k.startswith("INGEST__")]:
        monkeypatch.delenv(key)
    samples = sorted(p.name for p in SAMPLES.iterdir())
    args = _flow_args(tmp_path)
    _drop(tmp_path / "inbox", samples[:2])
    ingest_inbox(**args)
    snapshot = load.snapshot_path(Path(args["db_path"]))
    analyst = _holder(ANALYST, str(snapshot))
    try:
        for names in (samples[2:4], samples[4:]):  # two scheduled runs while the analyst reads
            _drop(tmp_path / "inbox", names)
            started = time.monotonic()
            assert ingest_inbox(**args)["documents_added"] == len(names)
            assert time.monotonic() - started < 60  # not stuck in the lock retries
        out, _ = analyst.communicate("stop\n", timeout=60)
    finally:
        analyst.kill()
    report = json.loads(out)
    assert report["errors"] == [] and report["queries"] > 0
    assert report["seen"] == [2]  # the copy it opened, unchanged under it
    assert report["fresh"] == len(samples)  # a new connection sees the latest run


def test_concurrency_reader_of_the_warehouse_file_gets_a_clear_error(tmp_path, monkeypatch):
    db = tmp_path / "claims.duckdb"
    load.migrate(db)
    monkeypatch.setattr(load, "LOCK_RETRY_DELAYS", (0.05, 0.1))
    reader = _holder(HOLD_FILE, str(db), "600")
    try:
        with pytest.raises(WarehouseLocked, match=r"\[ING102\].*snapshots"):
            load.start_load(db, 0)
    finally:
        reader.kill()
        reader.wait()
    assert load.start_load(db, 0)


def test_concurrency_write_waits_with_backoff_for_a_brief_reader(tmp_path, monkeypatch):
    db = tmp_path / "claims.duckdb"
    load.migrate(db)
    monkeypatch.setattr(load, "LOCK_RETRY_DELAYS", (0.2, 0.5, 1.0, 2.0, 4.0))
    reader = _holder(HOLD_FILE, str(db), "0.5")
    try:
        assert load.start_load(db, 0)
    finally:
        reader.wait()


def test_concurrency_second_run_is_turned_away_and_a_killed_run_frees_the_lock(tmp_path):
    db = tmp_path / "claims.duckdb"
    holder = _holder(HOLD_RUN_LOCK, str(db))
    try:
        with pytest.raises(inbox.RunInProgress), inbox.run_lock(db):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    with inbox.run_lock(db):
        pass


@pytest.mark.model
@pytest.mark.slow
def test_concurrency_serve_watch_runs_when_a_file_lands(prefect_harness, tmp_path):
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if not k.startswith("INGEST__")}
    env |= {
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",
        "INGEST__WATCH__POLL_SECONDS": "0.5",
        "INGEST__READ__SETTLE_SECONDS": "0.5",
        "INGEST__PATHS__ARCHIVE": str(tmp_path / "archive"),
        "INGEST__PATHS__QUARANTINE": str(tmp_path / "quarantine"),
    }
    db = tmp_path / "warehouse" / "claims.duckdb"
    command = [Path(sys.executable).with_name("ingest"), "serve", "--cron", "0 0 1 1 *", "--watch"]
    paths = ["--inbox", str(tmp_path / "inbox"), "--db", str(db), "--model", str(MODEL)]
    serve = subprocess.Popen([*command, *paths], cwd=tmp_path, env=env)
    try:
        name = sorted(p.name for p in SAMPLES.iterdir())[0]
        _drop(tmp_path / "inbox", [name])  # the yearly schedule will not run before 1 January
        deadline = time.monotonic() + 120
        while not _watch_run_completed() and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _watch_run_completed()
        assert (tmp_path / "archive" / name).exists()
        with duckdb.connect(str(load.snapshot_path(db)), read_only=True) as con:
            assert con.execute("select source_file from documents").fetchall() == [(name,)]
    finally:
        serve.terminate()
        serve.wait(timeout=60)


def _watch_run_completed() -> bool:
    """Whether a deployment run started by the watcher has completed."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterTags
    from prefect.client.schemas.sorting import FlowRunSort

    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            flow_run_filter=FlowRunFilter(tags=FlowRunFilterTags(all_=["watch"])),
            sort=FlowRunSort.START_TIME_DESC,
            limit=10,
        )
    return any(run.deployment_id and run.state and run.state.is_completed() for run in runs)
