"""Shared fixtures: the trained pipeline (model tests) and a Prefect harness (flow tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "en_claims"
SAMPLES = ROOT / "sample_docs"


@pytest.fixture(scope="session")
def nlp():
    from ingest.annotate.pipeline import load_pipeline

    return load_pipeline(MODEL)


@pytest.fixture(scope="session")
def prefect_harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def warehouse(tmp_path_factory) -> Path:
    """A real warehouse: the sample articles through every stage, a re-saved copy of the first
    (a near-duplicate) and one empty file quarantined, read as the snapshot a run publishes."""
    from ingest import load
    from ingest.settings import load_settings

    root = tmp_path_factory.mktemp("warehouse")
    inbox = root / "inbox"
    inbox.mkdir()
    for path in SAMPLES.iterdir():
        (inbox / path.name).write_bytes(path.read_bytes())
    first = sorted(SAMPLES.iterdir())[0]
    (inbox / f"copy-{first.name}").write_bytes(b"Saved again.\n\n" + first.read_bytes())
    (inbox / "empty.txt").write_bytes(b"")
    settings = load_settings(env={}).with_paths(
        inbox=inbox, archive=root / "archive", quarantine=root / "quarantine",
        db=root / "claims.duckdb", model=MODEL, aliases=root / "aliases.csv",
    )  # fmt: skip
    db = settings.paths.db
    load.migrate(db)
    paths = sorted(inbox.iterdir())
    load_id = load.start_load(db, len(paths))
    result = process_batch(paths, load_id, settings)
    load.finish_load(db, load_id, "completed", result.documents, result.quarantined)
    return load.publish_snapshot(db)


def process_batch(paths: list[Path], load_id: str, settings):
    """One batch through the flow's read, stages and load tasks, called as plain functions."""
    from flows.ingest_inbox import load_batch, read, stages

    batch_read = read.fn(paths, settings, frozenset())
    extracted = stages.fn(batch_read.fresh, settings)
    return load_batch.fn(batch_read, extracted, load_id, settings, {})
