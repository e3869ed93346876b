"""Words per second of the whole spaCy pipeline with nlp.pipe on one CPU thread, next to its size.

    .venv/bin/python bench/speed.py [--model models/en_claims] [--output speed.json] [--reference]

--reference also times, in the same run and on the same texts, a pipeline of en_core_web_sm's
shape (shared CNN tok2vec + tagger + parser with 64 hidden units; NER with its own tok2vec),
initialised from this model's labels but untrained: speed depends on the shape, not the weights,
so the ratio says how this machine compares with the ~9,400 words/s quoted for en_core_web_sm.

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


def sm_shaped(nlp, texts: list[str]):
    """An untrained pipeline with en_core_web_sm 3.8's component shapes and this model's labels."""
    import spacy
    from spacy.training import Example

    ref = spacy.blank("en")
    ref.add_pipe("tok2vec")
    ref.add_pipe("tagger")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    parser = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "parser", "extra_state_tokens": False,
              "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "tok2vec": listener}  # fmt: skip
    ref.add_pipe("parser", config={"model": parser})
    ref.add_pipe("ner")
    annotated = list(nlp.pipe(texts[:200]))
    examples = [Example(ref.make_doc(d.text), d) for d in annotated]
    ref.initialize(lambda: examples)
    return ref


def words_per_second(nlp, texts: list[str]) -> tuple[int, float]:
    list(nlp.pipe(texts[:20]))  # warm-up
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
    return words, time.perf_counter() - start


def disk_size_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=ROOT / "models" / "en_claims")
    parser.add_argument("--output", type=Path)
    parser.add_argument("--reference", action="store_true")
    args = parser.parse_args()
    from ingest.annotate.pipeline import load_pipeline

    nlp = load_pipeline(args.model)
    texts = load_texts(nlp)
    words, seconds = words_per_second(nlp, texts)
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
    if args.reference:
        ref_words, ref_seconds = words_per_second(sm_shaped(nlp, texts), texts)
        result["sm_shaped_words_per_second"] = round(ref_words / ref_seconds)
        result["ratio_to_sm_shaped"] = round(
            result["words_per_second"] / result["sm_shaped_words_per_second"], 2
        )
        print(
            f"{result['sm_shaped_words_per_second']:>8} words/s  en_core_web_sm-shaped reference (untrained, same texts); ratio {result['ratio_to_sm_shaped']}"
        )
    if args.output:
        args.output.write_text(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
