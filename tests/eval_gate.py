"""Quality gate: claim extraction on each labelled set must not fall below its pinned floors.

Collected by pytest (pyproject's python_files includes *_gate.py), so CI runs it. The floors and a
hash of each labelled set live in tests/eval_baseline.json: a changed set must re-pin its hash,
so floors are never compared against different data by accident.
"""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASELINE = json.loads((ROOT / "tests" / "eval_baseline.json").read_text())["sets"]
DATA = ROOT / "tests" / "data"
# Of the gold claims matched on a real-page set's reference text, the share its saved pages keep.
PAGE_KEPT_SHARE = 0.93

pytestmark = pytest.mark.model


def corpus_sha256(corpus: Path) -> str:
    """Hash of every file of a labelled set, in name order."""
    digest = hashlib.sha256()
    for path in sorted(corpus.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(corpus).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _bench():
    """bench/claims.py, the scorer the gate shares with the benchmark."""
    sys.path.insert(0, str(ROOT / "bench"))
    import claims as bench

    return bench


@cache
def scored(name: str, pages: bool = False):
    """A set's scores, computed once for every gate test that reads them."""
    return _bench().run(gold_dir=DATA / name, pages=pages)


@pytest.fixture(scope="module", params=sorted(BASELINE))
def labelled(request):
    """(set name, its scores)."""
    bench = _bench()
    if not bench.shared_sources_present(DATA / request.param):
        pytest.skip("the shared texts it reads (../shared) are not here")
    return request.param, scored(request.param).as_dict()


@pytest.mark.parametrize("name", sorted(BASELINE))
def test_eval_gate_corpus_is_the_pinned_one(name):
    assert BASELINE[name]["corpus_sha256"] == corpus_sha256(DATA / name)


def test_eval_gate_metrics_above_floors(labelled):
    name, scores = labelled
    floors = BASELINE[name]["floors"]
    below = {
        metric: (scores[metric], floor)
        for metric, floor in floors.items()
        if metric != "negative_claims_max" and scores[metric] < floor
    }
    assert not below, f"{name}: {below}"


def test_eval_gate_no_claims_on_negative_sentences(labelled):
    name, scores = labelled
    assert scores["negative_claims"] <= BASELINE[name]["floors"]["negative_claims_max"], name


PAGE_SETS = sorted(n for n in BASELINE if _bench().pages_only(DATA / n))


@pytest.mark.parametrize("name", PAGE_SETS)
def test_eval_gate_saved_pages_keep_the_claims_of_their_article_text(name):
    """Read as `ingest run` reads them (the saved page through the project's cleaning), the
    real-page sets keep nearly every gold claim the reference text gives: the cleaning does not
    lose article text (what it drops is headlines, captions and boxes the labellers included)."""
    bench = _bench()
    if not bench.shared_sources_present(DATA / name):
        pytest.skip("the shared pages it reads (../shared) are not here")
    text, pages = scored(name), scored(name, pages=True)
    assert pages.matched >= PAGE_KEPT_SHARE * text.matched, (pages.matched, text.matched)
