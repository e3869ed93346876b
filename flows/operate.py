"""`ingest init` and `ingest restore`: the operator's explicit steps around a warehouse."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingest import guard, inbox, load, restore
from ingest.errors import IngestError
from ingest.settings import PathSettings, load_settings


def init(args: argparse.Namespace) -> int:
    """Create an empty warehouse where none is, and mark the inbox as feeding it."""
    paths = _paths(args)
    if paths.db.exists():
        print(f"{paths.db} already exists; nothing to do", file=sys.stderr)
        return 1
    if load.snapshot_path(paths.db).exists():
        print(f"{paths.db} has a snapshot: use `ingest restore`", file=sys.stderr)
        return 1
    with inbox.run_lock(paths.db):
        load.migrate(paths.db)
        guard.remember(paths)
    print(f"created {paths.db}")
    return 0


def restore_and_run(args: argparse.Namespace) -> int:
    """Restore the warehouse from its snapshot, then run the flow over what came back."""
    from flows.cli import run

    paths = _paths(args)
    try:
        with inbox.run_lock(paths.db):
            returned = restore.restore_warehouse(paths)
    except (IngestError, inbox.RunInProgress) as exc:
        print(f"ingest restore failed: {exc}", file=sys.stderr)
        return 1
    print(f"restored {paths.db} from {load.snapshot_path(paths.db)}; {returned} files to re-ingest")
    return run(args)


def _paths(args: argparse.Namespace) -> PathSettings:
    settings = load_settings(Path(args.config) if args.config else None)
    return settings.with_paths(
        inbox=args.inbox, db=args.db, archive=args.archive, quarantine=args.quarantine
    ).paths
