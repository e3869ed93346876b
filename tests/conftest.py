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
