"""Serving ingest-inbox as a Prefect deployment on a cron or interval schedule, optionally
started early by new files in the inbox (--watch)."""

from __future__ import annotations

import argparse
import logging
import threading
from pathlib import Path

from prefect.deployments import run_deployment
from prefect.types.entrypoint import EntrypointType

from flows.cli import flow_parameters
from flows.ingest_inbox import ingest_inbox
from ingest import inbox
from ingest.settings import Settings, load_settings

log = logging.getLogger(__name__)

DEFAULT_CRON = "*/10 * * * *"
DEPLOYMENT = "ingest-inbox"


def serve(args: argparse.Namespace) -> None:
    """Serve the flow until interrupted; runs, retries and failures appear in the Prefect UI.

    One run at a time: this runner starts no second run while one is going (limit=1), the
    deployment allows one across all runners (global_limit=1; extra runs wait), and the run lock
    turns away anything else, such as a manual `ingest run`.
    """
    parameters = flow_parameters(args)
    schedule = {"interval": args.interval} if args.interval else {"cron": args.cron or DEFAULT_CRON}
    stop = threading.Event()
    if args.watch:
        settings = load_settings(Path(args.config) if args.config else None).with_paths(
            inbox=args.inbox
        )
        threading.Thread(target=_watch, args=(settings, stop), name="watch", daemon=True).start()
    try:
        ingest_inbox.serve(
            name=DEPLOYMENT,
            parameters=parameters,
            limit=1,
            global_limit=1,
            entrypoint_type=EntrypointType.MODULE_PATH,
            **schedule,
        )
    finally:
        stop.set()


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
