"""The corpus bench (bench/cleaning.py): the project's cleaning must beat trafilatura as it comes."""

import importlib.util
import sys

import pytest

from ingest.clean.fingerprint import DUPLICATE_SIMILARITY

from ..conftest import ROOT


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_cleaning", ROOT / "bench" / "cleaning.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being created
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scored(bench):
    pages = bench.load_corpus()
    outputs = {name: [method(p) for p in pages] for name, method in bench.METHODS.items()}
    return pages, outputs, {name: bench.evaluate(pages, outs) for name, outs in outputs.items()}


def test_bench_corpus_has_every_labelled_document(bench, scored):
    pages, _, _ = scored
    assert len(pages) == 46 and not any(p.name.endswith(".expected.txt") for p in pages)


@pytest.mark.parametrize("split", ["html", "txt", "all"])
@pytest.mark.parametrize("metric", ["F1", "published_date"])
def test_bench_project_beats_trafilatura_as_it_comes(scored, split, metric):
    _, _, results = scored
    assert results["ingest.clean"][split][metric] > results["trafilatura"][split][metric]


def test_bench_duplicate_pairs_separate_at_the_threshold(bench, scored):
    pages, outputs, _ = scored
    pairs = bench.duplicate_pairs(pages, outputs["ingest.clean"])
    duplicates = [sim for *_, sim, labelled in pairs if labelled]
    others = [sim for *_, sim, labelled in pairs if not labelled]
    assert len(duplicates) == 2
    assert min(duplicates) >= DUPLICATE_SIMILARITY > max(others)


@pytest.mark.parametrize(
    ("text", "expected", "precision", "recall"),
    [
        ("A b c d e.\nF g.", ["A b c d e.", "F g."], 1.0, 1.0),
        ("A b c d e. F g.", ["A b c d e.", "F g."], 0.5, 2 / 3),  # glued blocks cost both
        ("", ["A b c d e."], 0.0, 0.0),
    ],
)
def test_bench_precision_recall_counts_block_shingles(bench, text, expected, precision, recall):
    assert bench.precision_recall(text, expected) == pytest.approx((precision, recall))
