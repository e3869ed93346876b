"""Where the worker stages run: in the flow's process, in N local processes, or on a Dask cluster."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from prefect.client.orchestration import get_client
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from ingest.settings import ScaleSettings

# Batches queued per worker beyond the one it runs, so it never waits while the flow loads.
# Not tuned: more only holds more raw text in memory. Re-run bench/pipeline.py when changed.
BATCHES_AHEAD_PER_WORKER = 1
# How often a worker process checks that the flow's process that started it is still there (s).
PARENT_CHECK_SECONDS = 1.0


@contextmanager
def stage_runner(scale: ScaleSettings) -> Iterator[tuple[TaskRunner, int]]:
    """A started task runner for the worker stages, and how many batches to keep in flight.

    The spaCy pipeline is loaded by its cached loader (ingest.annotate.pipeline), once in each
    worker process, when that worker's first batch arrives; no task ever carries it.
    """
    with ExitStack() as stack:
        if not (scale.dask_address or scale.workers > 0):  # the default: one thread, this process
            yield stack.enter_context(ThreadPoolTaskRunner(max_workers=1)), 1
            return
        stack.enter_context(_shared_api())
        if scale.dask_address:
            from prefect_dask import DaskTaskRunner

            runner = stack.enter_context(DaskTaskRunner(address=scale.dask_address))
            workers = sum(runner.client.nthreads().values())
        else:
            runner = stack.enter_context(
                ProcessPoolTaskRunner(
                    max_workers=scale.workers, initializer=_end_with_flow, initargs=(os.getpid(),)
                )
            )
            workers = scale.workers
        yield runner, workers * (1 + BATCHES_AHEAD_PER_WORKER)


@contextmanager
def _shared_api() -> Iterator[None]:
    """Point workers at this run's Prefect API: without a URL each would start a server of its own."""
    if PREFECT_API_URL.value():
        yield
        return
    with get_client(sync_client=True) as client:
        url = str(client.api_url)
    with temporary_settings({PREFECT_API_URL: url}):
        yield


def _end_with_flow(flow_pid: int) -> None:
    """In each worker process: exit once the flow's process is gone (kill -9, the OOM killer).
    Nothing else ends it, and an orphaned worker would hold its spaCy pipeline's memory forever."""

    def watch() -> None:
        while os.getppid() == flow_pid:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="end-with-flow", daemon=True).start()
