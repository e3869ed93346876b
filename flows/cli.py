"""`ingest run` and `ingest serve`: the command line over the Prefect flows, plus the analysts'
commands of flows/analysts.py."""

from __future__ import annotations

import argparse
import logging
import os
import sys

from flows import analysts

# Nothing may reach the network at run time: Prefect's usage telemetry is off unless the
# operator explicitly turns it on. Set before Prefect is imported, and inherited by the runs a
# served deployment starts in subprocesses.
OFFLINE_ENV = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `ingest` console script; returns the exit status."""
    args = _parser().parse_args(argv)
    status = analysts.run_command(args)
    if status is not None:
        return status
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per Prefect API call
    if args.command == "init":
        from flows.operate import init

        return init(args)
    from flows.server import prefect_api, stop_on_sigterm
    from ingest.errors import PrefectServerFailed

    stop_on_sigterm()
    try:
        with prefect_api():  # one API for this command and every run it starts
            return _with_api(args)
    except PrefectServerFailed as exc:
        print(f"ingest {args.command} failed: {exc}", file=sys.stderr)
        return 1


def _with_api(args: argparse.Namespace) -> int:
    """The commands that talk to Prefect."""
    if args.command == "run":
        return run(args)
    if args.command == "restore":
        from flows.operate import restore_and_run

        return restore_and_run(args)
    from flows.deploy import serve

    serve(args)
    return 0


def run(args: argparse.Namespace) -> int:
    """One flow run over the inbox; prints its counts, or why it failed (exit status 1)."""
    from flows.ingest_inbox import ingest_inbox

    try:
        counts = ingest_inbox(**flow_parameters(args))
    except Exception as exc:  # the run itself failed: say why, exit non-zero
        print(f"ingest run failed: {exc}", file=sys.stderr)
        return 1
    width = max(map(len, counts))
    print("\n".join(f"{k.replace('_', ' '):<{width}}  {v}" for k, v in counts.items()))
    return 0


def flow_parameters(args: argparse.Namespace) -> dict[str, str | int | None]:
    """The ingest-inbox flow's parameters from the path and scale options."""
    return {
        "inbox_dir": args.inbox,
        "db_path": args.db,
        "model_path": args.model,
        "config_file": args.config,
        "archive_dir": args.archive,
        "quarantine_dir": args.quarantine,
        "workers": getattr(args, "workers", None),  # run only
        "dask_address": getattr(args, "dask_address", None),
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ingest", description="News-claims ingestion into DuckDB."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("run", "process the inbox once"),
        ("serve", "serve the flow on a schedule"),
        ("init", "create an empty warehouse (a run creates one only on first use)"),
        ("restore", "put the warehouse back from its snapshot and ingest what it lacks"),
    ):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--inbox", help="folder to ingest (default: inbox/)")
        cmd.add_argument("--db", help="DuckDB file (default: warehouse/claims.duckdb)")
        cmd.add_argument("--model", help="spaCy pipeline directory (default: the shipped one)")
        cmd.add_argument("--config", help="TOML file overriding the packaged defaults")
        cmd.add_argument("--archive", help="where processed files go (default: beside the inbox)")
        cmd.add_argument("--quarantine", help="where refused files go (default: beside the inbox)")
    analysts.add_commands(sub)
    run_cmd = sub.choices["run"]
    run_cmd.add_argument(
        "--workers",
        type=int,
        help="worker processes for cleaning, NLP and claims (default: scale.workers, 0 = none)",
    )
    run_cmd.add_argument(
        "--dask-address",
        help="run those stages on the Dask cluster at tcp://HOST:8786 (default: scale.dask_address)",
    )
    serve = sub.choices["serve"]
    when = serve.add_mutually_exclusive_group()
    when.add_argument("--cron", help='cron schedule, e.g. "*/10 * * * *"')
    when.add_argument("--interval", type=int, help="seconds between runs")
    serve.add_argument(
        "--watch",
        action="store_true",
        help="also start a run as soon as a new file has settled in the inbox",
    )
    return parser
