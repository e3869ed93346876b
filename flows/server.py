"""One Prefect API for each `ingest` command: PREFECT_API_URL when set, else a temporary server.

Prefect starts a temporary server on its own in every process that finds no API, so a served
deployment's flow-run subprocess used to start a second one (and lose its concurrency slot to
it). Started here once, its address is exported to every subprocess. It gets time to start under
CPU load, stops on every way out of the command, and dies with it even under kill -9
(PR_SET_PDEATHSIG), so no uvicorn is ever left behind.
"""

from __future__ import annotations

import ctypes
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from ingest.errors import PREFECT_SERVER_FAILED, PrefectServerFailed

log = logging.getLogger(__name__)

# Seconds the temporary server may take to answer /health. Prefect's own 20 s ran out on this
# machine under CPU load (issue 15); a slow start is waited for, not failed.
STARTUP_SECONDS = 180.0
# Seconds it gets to shut down before it is killed.
STOP_SECONDS = 10.0
# Seconds a graceful stop after SIGTERM may take before the command exits anyway.
SHUTDOWN_SECONDS = 30.0
_PR_SET_PDEATHSIG = 1


@contextmanager
def prefect_api() -> Iterator[str]:
    """Yield the API URL: the operator's, or a temporary server's that lives as long as this block.

    Raises:
        PrefectServerFailed: the temporary server exited or did not answer within STARTUP_SECONDS.
    """
    if os.environ.get("PREFECT_API_URL"):
        yield os.environ["PREFECT_API_URL"]
        return
    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    os.environ["PREFECT_API_URL"] = url  # before Prefect is imported: it reads settings once
    process = _start(port)
    try:
        _wait_healthy(process, url)
        log.info("started a temporary Prefect server at %s; its history goes when it stops", url)
        yield url
    finally:
        _flush_run_logs()
        os.environ.pop("PREFECT_API_URL", None)
        _stop(process)


def stop_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit, so `finally` blocks (the server's stop) run on it too, and
    exit anyway once SHUTDOWN_SECONDS have passed: Prefect's runner may wait on its runs and log
    workers for a minute and more under load. A forced exit is safe: runs are exactly-once even
    under kill -9 (tests/test_crash.py), and the server dies with the process."""

    def stop(signum: int, frame: object) -> None:
        exit_by_deadline(128 + signum)
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)


def exit_by_deadline(status: int) -> None:
    """Exit with status once SHUTDOWN_SECONDS have passed, whatever a graceful stop still waits on."""
    deadline = threading.Timer(SHUTDOWN_SECONDS, os._exit, args=(status,))
    deadline.daemon = True  # a graceful exit does not wait for it
    deadline.start()


def _start(port: int) -> subprocess.Popen:
    import prefect  # only where a server is needed: importing it costs seconds

    env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}
    command = [
        *(sys.executable, "-m", "uvicorn", "--app-dir", str(prefect.__module_path__.parent)),
        *("--factory", "prefect.server.api.server:create_app"),
        *("--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"),
    ]
    # Its own session: a signal to ingest's process group (Ctrl-C, systemd stop, kill -TERM -PGID)
    # must not stop the server before the runs it serves have reported how they ended.
    return subprocess.Popen(command, env=env, preexec_fn=_die_with_parent, start_new_session=True)


def _flush_run_logs() -> None:
    """Send the runs' queued log lines while the server still listens (else they are lost)."""
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=STOP_SECONDS)


def _die_with_parent() -> None:
    """In the server's process before exec: the kernel sends it SIGTERM when ingest dies."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _wait_healthy(process: subprocess.Popen, url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            problem = f"exited with status {process.returncode}"
            raise PrefectServerFailed(PREFECT_SERVER_FAILED.format(problem=problem))
        try:
            with urllib.request.urlopen(f"{url}/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    problem = f"did not answer within {STARTUP_SECONDS:.0f} s (CPU load?)"
    raise PrefectServerFailed(PREFECT_SERVER_FAILED.format(problem=problem))


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
