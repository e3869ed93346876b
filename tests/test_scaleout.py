"""Scale-out: the flow's worker stages in local processes, on a LocalCluster and on a separately
started `dask scheduler` / `dask worker` pair give exactly the rows of a one-process run."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from ingest.annotate.pipeline import load_pipeline

from .conftest import MODEL, SAMPLES

pytestmark = [pytest.mark.model, pytest.mark.slow]

# Every row a run leaves, without the columns that differ between runs (times, load ids).
QUERIES = (
    "select * exclude (ingested_at) from documents order by doc_id",
    "select * from claims order by claim_id",
    "select * from entities order by doc_id, char_start, label",
    'select * exclude ("at", load_id, moved_to) from quarantine order by source_file',
)
BATCH_SIZE = 2  # 7 files: 4 batches, so every worker gets more than one


def _run(root: Path, **scale) -> dict[str, int]:
    """The flow on the samples plus two bad files, in a fresh folder under root."""
    from flows.ingest_inbox import ingest_inbox

    inbox = root / "inbox"
    shutil.copytree(SAMPLES, inbox)
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "copy.txt").write_bytes(next(SAMPLES.iterdir()).read_bytes())
    past = time.time() - 60
    for path in inbox.iterdir():
        os.utime(path, (past, past))
    config = root / "ingest.toml"
    config.write_text(
        f'[paths]\narchive = "{root / "archive"}"\nquarantine = "{root / "quarantine"}"\n'
        f"[nlp]\nbatch_size = {BATCH_SIZE}\n"
    )
    return ingest_inbox(
        inbox_dir=str(inbox),
        db_path=str(root / "claims.duckdb"),
        model_path=str(MODEL),
        config_file=str(config),
        **scale,
    )


def _rows(root: Path) -> list[list[tuple]]:
    with duckdb.connect(str(root / "claims.duckdb"), read_only=True) as con:
        return [con.execute(query).fetchall() for query in QUERIES]


@pytest.fixture(scope="module")
def one_process(prefect_harness, tmp_path_factory) -> tuple[Path, dict[str, int]]:
    for key in [k for k in os.environ if k.startswith("INGEST__")]:
        del os.environ[key]
    root = tmp_path_factory.mktemp("one-process")
    return root, _run(root)


def _pipelines_loaded() -> tuple[int, int]:
    """(loads, reuses) of the spaCy pipeline in this process (a Dask worker)."""
    info = load_pipeline.cache_info()
    return info.misses, info.hits


def test_scaleout_one_process_run_is_complete(one_process):
    root, counts = one_process
    assert (counts["documents_added"], counts["quarantined"], counts["already_ingested"]) == (
        5,
        1,
        1,
    )
    assert len(list((root / "archive").iterdir())) == 6


def test_scaleout_worker_processes_give_the_rows_of_one_process(one_process, tmp_path):
    root, counts = one_process
    assert _run(tmp_path, workers=2) == counts
    assert _rows(tmp_path) == _rows(root)
    assert sorted(p.name for p in (tmp_path / "archive").iterdir()) == sorted(
        p.name for p in (root / "archive").iterdir()
    )


def test_scaleout_local_cluster_loads_the_model_once_per_worker(one_process, tmp_path):
    from distributed import Client, LocalCluster

    root, counts = one_process
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        assert _run(tmp_path, dask_address=cluster.scheduler_address) == counts
        loads = client.run(_pipelines_loaded)
    assert _rows(tmp_path) == _rows(root)
    busy = [(misses, hits) for misses, hits in loads.values() if misses or hits]
    assert busy and all(misses == 1 for misses, _ in busy)  # loaded once, then reused
    assert sum(hits for _, hits in busy) >= 1


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_scaleout_dask_scheduler_and_worker_processes(one_process, tmp_path):
    from distributed import Client

    root, counts = one_process
    address = f"tcp://127.0.0.1:{_free_port()}"
    dask = Path(sys.executable).with_name("dask")
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
         "--no-dashboard"], **quiet,
    )  # fmt: skip
    worker = subprocess.Popen(
        [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"],
        **quiet,
    )
    try:
        with Client(address, timeout=120) as client:
            client.wait_for_workers(1, timeout=120)
        assert _run(tmp_path, dask_address=address)["documents_added"] == counts["documents_added"]
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=60)
    assert _rows(tmp_path) == _rows(root)


def test_scaleout_progress_artifact_of_the_run_reaches_100_percent(one_process):
    import httpx
    from prefect.settings import PREFECT_API_URL

    from flows.progress import ARTIFACT_KEY

    # the REST API itself: this Prefect's client sends nulls its server refuses for this filter
    query = {"artifacts": {"key": {"any_": [ARTIFACT_KEY]}}, "limit": 50, "offset": 0}
    response = httpx.post(f"{PREFECT_API_URL.value().rstrip('/')}/artifacts/filter", json=query)
    artifacts = response.raise_for_status().json()
    assert artifacts and max(a["data"] for a in artifacts) == 100.0
    assert "7 of 7 inbox files done, 5 documents added" in {a["description"] for a in artifacts}


def test_scaleout_progress_bar_is_quiet_when_stdout_is_not_a_terminal(capfd):
    from flows.progress import RunProgress

    with RunProgress(3) as progress:  # outside a flow run: no artifact either
        progress.advance(3, 2)
    assert progress.documents == 2
    assert capfd.readouterr() == ("", "")
