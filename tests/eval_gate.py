"""Quality gate: claim extraction on the labelled set must not fall below the pinned floors.

Collected by pytest (pyproject's python_files includes *_gate.py), so CI runs it. The floors and a hash
of the labelled corpus live in tests/eval_baseline.json: a changed corpus must re-pin the hash,
so floors are never compared against different data by accident.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "eval_baseline.json"
CORPUS = ROOT / "tests" / "data" / "claims"

pytestmark = pytest.mark.model


def corpus_sha256() -> str:
    """Hash of every file of the labelled set, in name order."""
    digest = hashlib.sha256()
    for path in sorted(CORPUS.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(CORPUS).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def scores():
    sys.path.insert(0, str(ROOT / "bench"))
    import claims as bench

    return bench.run().as_dict()


def test_eval_gate_corpus_is_the_pinned_one():
    assert json.loads(BASELINE.read_text())["corpus_sha256"] == corpus_sha256()


@pytest.mark.parametrize(
    "metric",
    [
        "value_f",
        "value_counted_f",
        "value_bound_time_f",
        "bound_accuracy",
        "time_accuracy",
        "speaker_accuracy",
        "subject_accuracy",
    ],
)
def test_eval_gate_metric_above_floor(scores, metric):
    floor = json.loads(BASELINE.read_text())["floors"][metric]
    assert scores[metric] >= floor


def test_eval_gate_no_claims_on_negative_sentences(scores):
    assert (
        scores["negative_claims"]
        <= json.loads(BASELINE.read_text())["floors"]["negative_claims_max"]
    )
