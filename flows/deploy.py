"""Serving ingest-inbox as a Prefect deployment on a cron or interval schedule, optionally
started early by new files in the inbox (--watch)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import threading
from pathlib import Path

from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import (
    DeploymentFilter,
    DeploymentFilterName,
    FlowFilter,
    FlowFilterName,
    FlowRunFilter,
    FlowRunFilterState,
    FlowRunFilterStateType,
)
from prefect.client.schemas.objects import StateType
from prefect.deployments import run_deployment
from prefect.exceptions import TerminationSignal
from prefect.runner import Runner
from prefect.states import Crashed
from prefect.types.entrypoint import EntrypointType

from flows.cli import flow_parameters
from flows.ingest_inbox import ingest_inbox
from flows.server import exit_by_deadline
from ingest import inbox
from ingest.settings import Settings, load_settings

log = logging.getLogger(__name__)

DEFAULT_CRON = "*/10 * * * *"
DEPLOYMENT = "ingest-inbox"


def serve(args: argparse.Namespace) -> None:
    """Serve the flow until interrupted; runs, retries and failures appear in the Prefect UI.

    One run at a time: this runner starts no second run while one is going (limit=1), the
    deployment allows one across all runners (concurrency_limit=1; extra runs wait), and the run lock
    turns away anything else, such as a manual `ingest run`.
    """
    parameters = flow_parameters(args)
    schedule = {"interval": args.interval} if args.interval else {"cron": args.cron or DEFAULT_CRON}
    settings = load_settings(Path(args.config) if args.config else None).with_paths(
        inbox=args.inbox, db=args.db
    )
    release_dead_runs(settings.paths.db)
    stop = threading.Event()
    if args.watch:
        threading.Thread(target=_watch, args=(settings, stop), name="watch", daemon=True).start()
    runner = _Runner(name=DEPLOYMENT, limit=1)
    runner.add_flow(
        ingest_inbox,
        name=DEPLOYMENT,
        parameters=parameters,
        concurrency_limit=1,
        entrypoint_type=EntrypointType.MODULE_PATH,
        **schedule,
    )
    log.info("%s/%s is being served and polling for scheduled runs", ingest_inbox.name, DEPLOYMENT)
    try:
        asyncio.run(runner.start())
    except (KeyboardInterrupt, TerminationSignal) as stopped:
        log.info("received %s, shutting down", type(stopped).__name__)
    finally:
        stop.set()


class _Runner(Runner):
    """Prefect's runner; the SIGTERM handler it installs when it starts (in place of the
    command's, flows.server.stop_on_sigterm) also sets the deadline for a forced exit, since its
    graceful stop can wait on runs and log workers for over a minute."""

    def handle_sigterm(self, *args: object, **kwargs: object) -> None:
        exit_by_deadline(128 + signal.SIGTERM)
        super().handle_sigterm(*args, **kwargs)


def release_dead_runs(db_path: Path) -> int:
    """Mark this deployment's runs that still show RUNNING or PENDING as crashed, when no ingest
    run is alive; returns how many.

    A served run killed with its runner (kill -9, a power cut) never reports its end, so it holds
    the deployment's concurrency slot until the lease expires and the next run waits minutes in
    SCHEDULED. The run lock tells: if this process can take it, no run is alive anywhere.
    """
    try:
        with inbox.run_lock(db_path), get_client(sync_client=True) as client:
            stale = client.read_flow_runs(
                flow_filter=FlowFilter(name=FlowFilterName(any_=[ingest_inbox.name])),
                deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[DEPLOYMENT])),
                flow_run_filter=FlowRunFilter(
                    state=FlowRunFilterState(
                        type=FlowRunFilterStateType(any_=[StateType.RUNNING, StateType.PENDING])
                    )
                ),
            )
            for run in stale:
                message = "its process died (no ingest run holds the run lock)"
                client.set_flow_run_state(run.id, Crashed(message=message), force=True)
                log.warning("run %s showed %s but was dead: marked crashed", run.name, run.state)
    except inbox.RunInProgress:  # a live run will report its own end
        return 0
    return len(stale)


def _watch(settings: Settings, stop: threading.Event) -> None:
    """Start a run as soon as a settled file is in the inbox that was not there at the last look."""
    seen: set[Path] = set()
    while not stop.wait(settings.watch.poll_seconds):
        try:
            ready, _ = inbox.list_inbox(
                settings.paths.inbox,
                settings.read.settle_seconds,
                look_seconds=settings.read.look_seconds,
            )
            if set(ready) - seen:
                run_deployment(f"{ingest_inbox.name}/{DEPLOYMENT}", timeout=0, tags=["watch"])
                log.info("new files in %s: started a run", settings.paths.inbox)
            seen = set(ready)
        except Exception:  # keep watching; unseen files are tried again at the next look
            log.exception("watching %s failed; trying again", settings.paths.inbox)
