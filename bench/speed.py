"""Words per second of the whole spaCy pipeline with nlp.pipe on one CPU thread, next to its size.

    .venv/bin/python bench/speed.py [--model models/en_claims] [--texts DIR] [--output speed.json]

Texts: the OntoNotes development split when ../shared/corpora is present (what the issue's
anchor, en_core_web_sm's ~9,400 words/s, was measured on), else sample_docs/ repeated.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core, before numpy loads

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONTONOTES_DEV = ROOT.parent / "shared" / "corpora" / "ontonotes5-ner" / "development.spacy"
# Enough words that start-up noise is under 1%; ~50k words takes ~5 s at the target speed.
MIN_WORDS = 50_000


def load_texts(nlp) -> list[str]:
    """Evaluation texts of at least MIN_WORDS words."""
    if ONTONOTES_DEV.exists():
        from spacy.tokens import DocBin

        texts = [d.text for d in DocBin().from_disk(ONTONOTES_DEV).get_docs(nlp.vocab)]
    else:
        texts = [p.read_text("utf-8") for p in sorted((ROOT / "sample_docs").glob("*.txt"))]
    out, words = [], 0
    while words < MIN_WORDS:
        for text in texts:
            out.append(text)
            words += len(text.split())
    return out


def disk_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "en_claims")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    from ingest.annotate.pipeline import load_pipeline

    nlp = load_pipeline(args.model)
    texts = load_texts(nlp)
    list(nlp.pipe(texts[:20]))  # warm-up
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
    seconds = time.perf_counter() - start
    result = {
        "model": str(args.model),
        "components": nlp.pipe_names,
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_second": round(words / seconds),
        "size_mb": round(disk_size_mb(args.model), 1),
    }
    print(
        f"{result['words_per_second']:>8} words/s  {result['size_mb']:>6.1f} MB  {args.model}  ({words} words, {seconds:.1f} s, 1 thread)"
    )
    if args.output:
        args.output.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
