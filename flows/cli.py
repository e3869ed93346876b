"""`ingest run` and `ingest serve`: the command line over the Prefect flows."""

from __future__ import annotations

import argparse
import logging
import os
import sys

# Nothing may reach the network at run time: Prefect's usage telemetry is off unless the
# operator explicitly turns it on. Set before Prefect is imported, and inherited by the runs a
# served deployment starts in subprocesses.
OFFLINE_ENV = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `ingest` console script; returns the exit status."""
    args = _parser().parse_args(argv)
    for key, value in OFFLINE_ENV.items():
        os.environ.setdefault(key, value)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per Prefect API call
    if args.command == "run":
        from flows.ingest_inbox import ingest_inbox

        try:
            counts = ingest_inbox(
                inbox_dir=args.inbox,
                db_path=args.db,
                model_path=args.model,
                config_file=args.config,
                workers=args.workers,
                dask_address=args.dask_address,
            )
        except Exception as exc:  # the run itself failed: say why, exit non-zero
            print(f"ingest run failed: {exc}", file=sys.stderr)
            return 1
        width = max(map(len, counts))
        print("\n".join(f"{k.replace('_', ' '):<{width}}  {v}" for k, v in counts.items()))
        return 0
    from flows.deploy import serve

    serve(args)
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ingest", description="News-claims ingestion into DuckDB."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("run", "process the inbox once"),
        ("serve", "serve the flow on a schedule"),
    ):
        cmd = sub.add_parser(name, help=help_text)
        cmd.add_argument("--inbox", help="folder to ingest (default: inbox/)")
        cmd.add_argument("--db", help="DuckDB file (default: warehouse/claims.duckdb)")
        cmd.add_argument("--model", help="spaCy pipeline directory (default: models/en_claims)")
        cmd.add_argument("--config", help="TOML file overriding the packaged defaults")
    run = sub.choices["run"]
    run.add_argument(
        "--workers",
        type=int,
        help="worker processes for cleaning, NLP and claims (default: scale.workers, 0 = none)",
    )
    run.add_argument(
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
