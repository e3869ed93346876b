"""Serving ingest-inbox as a Prefect deployment on a cron or interval schedule."""

from __future__ import annotations

import argparse

from flows.ingest_inbox import ingest_inbox

DEFAULT_CRON = "*/10 * * * *"


def serve(args: argparse.Namespace) -> None:
    """Serve the flow until interrupted; runs appear in the Prefect UI."""
    parameters = {
        "inbox_dir": args.inbox,
        "db_path": args.db,
        "model_path": args.model,
        "config_file": args.config,
    }
    schedule = {"interval": args.interval} if args.interval else {"cron": args.cron or DEFAULT_CRON}
    ingest_inbox.serve(name="ingest-inbox", parameters=parameters, **schedule)
