"""`ingest export`, `ingest schema`, `ingest status`, `ingest review`: the analysts' commands.

Wiring only: arguments in, a library call, its result printed. They read the analysts' snapshot
(the copy every run publishes) unless --db names another file, so they never block a run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from ingest import dictionary, export, status
from ingest.errors import IngestError
from ingest.load import snapshot_path
from ingest.settings import Settings, load_settings


def add_commands(sub: argparse._SubParsersAction) -> None:
    """Register the analysts' subcommands on the `ingest` parser."""
    cmd = sub.add_parser("export", help="write every view to Parquet or CSV, by published year")
    cmd.add_argument("--format", choices=export.FORMATS, default="parquet")
    cmd.add_argument("--out", required=True, type=Path, help="a new or empty folder")
    cmd = sub.add_parser("review", help="write the static review site (open DIR/index.html)")
    cmd.add_argument("--out", required=True, type=Path, help="folder for the site")
    cmd = sub.add_parser("schema", help="print the data dictionary of the views")
    cmd.add_argument("--format", choices=dictionary.FORMATS, default="text")
    cmd = sub.add_parser("status", help="recent loads, quarantine by reason, files waiting")
    cmd.add_argument("--inbox", type=Path, help="inbox folder (default: inbox/)")
    for name in ("export", "review", "status"):
        sub.choices[name].add_argument(
            "--db", type=Path, help="DuckDB file (default: the snapshot of warehouse/claims.duckdb)"
        )
        sub.choices[name].add_argument(
            "--config", help="TOML file overriding the packaged defaults"
        )


def run_command(args: argparse.Namespace) -> int | None:
    """Run an analysts' command and return its exit status; None for any other command."""
    handler = _HANDLERS.get(args.command)
    if handler is None:
        return None
    try:
        sys.stdout.write(handler(args))
    except IngestError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(Path(args.config) if args.config else None)


def _db(args: argparse.Namespace, settings: Settings) -> Path:
    """--db, else the snapshot of the configured warehouse."""
    return args.db or snapshot_path(settings.paths.db)


def _export(args: argparse.Namespace) -> str:
    counts = export.export_views(_db(args, _settings(args)), args.out, args.format)
    width = max(map(len, counts), default=0)
    lines = [f"{view:<{width}}  {rows:>8} rows" for view, rows in counts.items()]
    return "\n".join([*lines, f"written to {args.out}"]) + "\n"


def _review(args: argparse.Namespace) -> str:
    from ingest.review import build_site  # spaCy's displaCy: imported only when needed

    site = build_site(_db(args, _settings(args)), args.out)
    return f"{site.documents} documents, {site.claims} claims, {site.quarantined} quarantined files: open {site.index}\n"


def _schema(args: argparse.Namespace) -> str:
    views = dictionary.read_dictionary()
    return dictionary.as_markdown(views) if args.format == "markdown" else dictionary.as_text(views)


def _status(args: argparse.Namespace) -> str:
    settings = _settings(args)
    inbox = args.inbox or settings.paths.inbox
    return status.as_text(
        status.read_status(_db(args, settings), inbox, settings.read.settle_seconds)
    )


_HANDLERS: dict[str, Callable[[argparse.Namespace], str]] = {
    "export": _export,
    "review": _review,
    "schema": _schema,
    "status": _status,
}
