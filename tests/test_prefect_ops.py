"""The Prefect side under faults: run history read back, `serve --watch` with and without a
running server, the temporary server stopped by SIGTERM and kill -9, a killed `serve` restarted
without waiting on its dead run's concurrency slot. Real processes and signals throughout."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from .conftest import MODEL, SAMPLES

pytestmark = [pytest.mark.model, pytest.mark.slow]

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.iterdir())
POLL_SECONDS = 2.0
SERVER_LINE = re.compile(r"started a temporary Prefect server at (\S+);")
WATCH_LINE = "new files in"


class Serve:
    """`ingest serve --watch` in its own session, its log lines timed as they arrive."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        command = [Path(sys.executable).with_name("ingest"), "serve", "--cron", "0 0 1 1 *"]
        paths = ["--inbox", str(root / "inbox"), "--db", str(root / "warehouse" / "c.duckdb")]
        self.process = subprocess.Popen(
            [*command, "--watch", *paths, "--model", str(MODEL)],
            cwd=root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        self.lines: list[tuple[float, str]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line))

    def first(self, text: str | re.Pattern, after: float = 0.0, timeout: float = 240) -> float:
        """When the first log line containing text arrived after `after`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for at, line in list(self.lines):
                if at >= after and (
                    text.search(line) if isinstance(text, re.Pattern) else text in line
                ):
                    return at
            assert self.process.poll() is None, self.log()
            time.sleep(0.2)
        raise AssertionError(f"no {text!r} in the log:\n" + self.log())

    def log(self) -> str:
        return "".join(line for _, line in self.lines)[-3000:]

    def stop(self, signum: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signum)
        self.process.wait(timeout=60)


def _env(root: Path, api_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INGEST__", "PREFECT_"))}
    env |= {
        "PREFECT_HOME": str(root / "prefect"),  # a fresh run history
        "PREFECT_RUNNER_POLL_FREQUENCY": "1",
        "INGEST__WATCH__POLL_SECONDS": str(POLL_SECONDS),
        "INGEST__READ__SETTLE_SECONDS": "0.5",
    }
    if api_url:
        env["PREFECT_API_URL"] = api_url
    return env


def _drop(root: Path, name: str) -> float:
    """Copy a sample into the inbox by rename, aged past the settle time; returns when."""
    (root / "inbox").mkdir(exist_ok=True)
    staged = root / f"{name}.part"
    shutil.copy(SAMPLES / name, staged)
    past = time.time() - 60
    os.utime(staged, (past, past))
    os.rename(staged, root / "inbox" / name)
    return time.monotonic()


def _archived(root: Path, name: str, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    while not (root / "archive" / name).exists():
        assert time.monotonic() < deadline, f"{name} was not archived within {timeout}s"
        time.sleep(0.5)


def _uvicorn_children(pid: int) -> list[int]:
    """uvicorn processes whose parent is pid."""
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"uvicorn" in cmdline:
            found.append(int(entry))
    return found


def _gone(pid: int, timeout: float = 20) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()[:64]:
            return True
        time.sleep(0.2)
    return False


def test_prefect_client_reads_flow_runs_and_artifacts_back(prefect_harness):
    from prefect import flow
    from prefect.artifacts import create_markdown_artifact
    from prefect.client.orchestration import get_client

    @flow(name="read-back-probe")
    def probe() -> int:
        create_markdown_artifact("# counts", key="read-back-probe")
        return 1

    state = probe(return_state=True)
    with get_client(sync_client=True) as client:  # 422 on /filter with fastapi 0.151-0.154
        runs = client.read_flow_runs()
        artifacts = client.read_artifacts()
    assert state.state_details.flow_run_id in {run.id for run in runs}
    assert "read-back-probe" in {a.key for a in artifacts}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "kill-9"])
def test_prefect_serve_watch_without_a_server_ingests_within_two_polls_and_leaves_no_server(
    tmp_path, signum
):
    serve = Serve(tmp_path, _env(tmp_path, api_url=None))
    try:
        serve.first(SERVER_LINE)
        [server] = _uvicorn_children(serve.process.pid)  # one server, not one per run
        serve.first("being served")
        dropped = _drop(tmp_path, SAMPLE_NAMES[0])
        started = serve.first(WATCH_LINE, after=dropped)
        assert started - dropped <= 2 * POLL_SECONDS + 1  # one look interval of slack
        _archived(tmp_path, SAMPLE_NAMES[0])
    finally:
        serve.stop(signum)
    assert _gone(server), f"uvicorn {server} outlived `ingest serve` after signal {signum}"


def test_prefect_serve_watch_with_a_server_and_a_killed_serve_restarted(prefect_harness, tmp_path):
    from prefect.settings import PREFECT_API_URL

    env = _env(tmp_path, api_url=PREFECT_API_URL.value())
    serve = Serve(tmp_path, env)
    try:
        serve.first("being served")
        dropped = _drop(tmp_path, SAMPLE_NAMES[0])
        assert serve.first(WATCH_LINE, after=dropped) - dropped <= 2 * POLL_SECONDS + 1
        serve.first("Beginning flow run", after=dropped)  # the run is going: kill everything
    finally:
        serve.stop(signal.SIGKILL)
    restarted = Serve(tmp_path, env)
    try:
        restarted.first("marked crashed")  # the dead run, found by its free run lock
        restarted.first("being served")
        dropped = _drop(tmp_path, SAMPLE_NAMES[1])
        _archived(tmp_path, SAMPLE_NAMES[1], timeout=150)  # the dead run's slot lease is 300 s
    finally:
        restarted.stop()


def test_prefect_temporary_server_too_slow_to_start_is_an_ing_error_and_is_stopped(monkeypatch):
    from flows import server
    from ingest.errors import PrefectServerFailed

    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setattr(server, "STARTUP_SECONDS", 0.01)  # as if the machine were loaded
    before = set(_uvicorn_children(os.getpid()))
    failed = pytest.raises(PrefectServerFailed, match=r"\[ING111\].*PREFECT_API_URL")
    with failed, server.prefect_api():
        pass
    assert set(_uvicorn_children(os.getpid())) == before  # started, then stopped
    assert "PREFECT_API_URL" not in os.environ
