"""Score article cleaning on the labelled corpus: trafilatura as it comes vs ingest.clean.

    .venv/bin/python bench/cleaning.py [--verbose] [--trafilatura-grid] [--corpus DIR]

Text: 4-word shingles taken inside each block (one block per line of the expected file, one per
non-empty line of the cleaned text), so two paragraphs glued together cost precision. Precision
and recall are averaged over pages (macro) and F1 is their harmonic mean. Metadata: exact-match
accuracy of the published date (null == null counts), title, author, site and language.

Baseline ("trafilatura"): for HTML, trafilatura.extract() with default settings for the text and
trafilatura's default metadata extraction for title/author/site/date; for .txt, the raw text
unchanged and no metadata. Project ("ingest.clean"): ingest.clean.clean_document.
Near-duplicates: MinHash similarity (ingest.clean.fingerprint) of the cleaned texts of every
pair of pages, against the labelled duplicate_of pairs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import trafilatura
from trafilatura.metadata import extract_metadata

from ingest.clean import clean_document, fingerprint, read_html
from ingest.clean.fingerprint import DUPLICATE_SIMILARITY, minhash, similarity
from ingest.clean.html import EXTRACT_OPTIONS, extract_html
from ingest.read import decode
from ingest.records import RawDoc, Rejection

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "cleaning"
# Fixed ingest date so scores do not drift with the calendar; later than every label.
INGEST_DATE = date(2026, 11, 23)
# A line is reported as missed/extra in --verbose when less than this share of its shingles
# is found on the other side.
VERBOSE_OVERLAP = 0.5
FIELDS = ("published_date", "title", "author", "site", "language")
SPLITS = ("html", "txt", "all")


@dataclass(frozen=True, slots=True)
class Page:
    """One labelled corpus document."""

    name: str
    suffix: str
    text: str
    expected: list[str]
    labels: dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Output:
    """What a cleaning method made of one page."""

    text: str
    meta: dict[str, str | None] = field(default_factory=dict)


def load_corpus(folder: Path = CORPUS) -> list[Page]:
    """Every document with its expected text and labels (the *.expected.txt files are not documents)."""
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    pages = []
    for path in sorted(folder.iterdir()):
        if path.suffix not in (".html", ".txt") or path.name.endswith(".expected.txt"):
            continue
        expected = path.with_name(path.stem + ".expected.txt").read_text("utf-8").splitlines()
        text = decode(path.read_bytes()) or ""
        pages.append(Page(path.name, path.suffix, text, expected, labels[path.name]))
    return pages


def baseline(page: Page) -> Output:
    """trafilatura.extract with its defaults for HTML; the text as it is for .txt."""
    if page.suffix != ".html":
        return Output(page.text)
    text = trafilatura.extract(page.text) or ""
    meta = extract_metadata(page.text)
    return Output(
        text,
        {
            "published_date": meta.date,
            "title": meta.title,
            "author": meta.author,
            "site": meta.sitename,
            "language": None,  # trafilatura detects languages only with py3langid installed
        },
    )


def project(page: Page, today: date = INGEST_DATE) -> Output:
    """The project's cleaning stage, ingest.clean.clean_document."""
    doc_id = hashlib.sha256(page.text.encode("utf-8")).hexdigest()
    result = clean_document(RawDoc(doc_id, page.name, page.suffix, page.text), today)
    if isinstance(result, Rejection):
        return Output("")
    published = result.published_date.isoformat() if result.published_date else None
    return Output(
        result.text,
        {
            "published_date": published,
            "title": result.title,
            "author": result.author,
            "site": result.site,
            "language": result.language,
        },
    )


METHODS: dict[str, Callable[[Page], Output]] = {"trafilatura": baseline, "ingest.clean": project}


def block_shingles(block: str) -> set[str]:
    """4-word shingles of one block (the ones the duplicate fingerprint uses)."""
    return fingerprint.shingles(block)


def shingles(blocks: list[str]) -> set[str]:
    """Union of the block shingles; shingles never cross a block boundary."""
    return set().union(*map(block_shingles, blocks)) if blocks else set()


def precision_recall(predicted: str, expected: list[str]) -> tuple[float, float]:
    """Shingle precision and recall of one page (0 precision when nothing was extracted)."""
    pred, gold = shingles(predicted.splitlines()), shingles(expected)
    hits = len(pred & gold)
    return (hits / len(pred) if pred else 0.0), (hits / len(gold) if gold else 1.0)


def _norm(value: str | None) -> str | None:
    """Whitespace-normalised label value; empty means None."""
    return " ".join(value.split()) or None if value else None


def evaluate(pages: list[Page], outputs: list[Output]) -> dict[str, dict[str, float]]:
    """Scores per split ("html", "txt", "all"): P, R, F1 and the metadata accuracies."""
    rows = []
    for page, out in zip(pages, outputs, strict=True):
        p, r = precision_recall(out.text, page.expected)
        hits = {f: _norm(out.meta.get(f)) == _norm(page.labels.get(f)) for f in FIELDS}
        rows.append((page.suffix.lstrip("."), p, r, hits))
    return {split: _summary([x for x in rows if split in ("all", x[0])]) for split in SPLITS}


def _summary(rows: list[tuple[str, float, float, dict[str, bool]]]) -> dict[str, float]:
    """Macro-averaged precision/recall, their F1, and accuracy per metadata field."""
    n = len(rows) or 1
    p = sum(r[1] for r in rows) / n
    r = sum(r[2] for r in rows) / n
    scores = {"pages": len(rows), "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0}
    for f in FIELDS:
        scores[f] = sum(row[3][f] for row in rows) / n
    return scores


def format_table(results: dict[str, dict[str, dict[str, float]]]) -> str:
    """One row per method and split."""
    head = f"{'method':<13}{'split':<6}{'pages':>6}{'P':>7}{'R':>7}{'F1':>7}"
    head += "".join(f"{f.split('_')[-1]:>9}" for f in FIELDS)
    lines = [head, "-" * len(head)]
    for name, splits in results.items():
        for split, s in splits.items():
            row = f"{name:<13}{split:<6}{s['pages']:>6}{s['P']:>7.3f}{s['R']:>7.3f}{s['F1']:>7.3f}"
            lines.append(row + "".join(f"{s[f]:>9.3f}" for f in FIELDS))
    return "\n".join(lines)


def page_report(page: Page, out: Output) -> list[str]:
    """Missed and extra blocks, and wrong metadata, of one page (for --verbose)."""
    p, r = precision_recall(out.text, page.expected)
    lines = [f"== {page.name}  P={p:.3f} R={r:.3f}"]
    gold, pred = shingles(page.expected), shingles(out.text.splitlines())
    for label, blocks, other in (
        ("missed", page.expected, pred),
        ("extra", out.text.splitlines(), gold),
    ):
        for block in blocks:
            sh = block_shingles(block)
            if sh and len(sh & other) / len(sh) < VERBOSE_OVERLAP:
                lines.append(f"  {label}: {block[:110]}")
    for f in FIELDS:
        if _norm(out.meta.get(f)) != _norm(page.labels.get(f)):
            lines.append(f"  {f}: got {out.meta.get(f)!r}, want {page.labels.get(f)!r}")
    return lines


def duplicate_pairs(pages: list[Page], outputs: list[Output]) -> list[tuple[str, str, float, bool]]:
    """Every pair of pages: names, MinHash similarity of the cleaned texts, labelled duplicate?"""
    signatures = [minhash(out.text) for out in outputs]
    pairs = []
    for i, first in enumerate(pages):
        for j in range(i + 1, len(pages)):
            second = pages[j]
            labelled = second.name == first.labels.get("duplicate_of") or (
                first.name == second.labels.get("duplicate_of")
            )
            pairs.append(
                (first.name, second.name, similarity(signatures[i], signatures[j]), labelled)
            )
    return pairs


def format_duplicates(pairs: list[tuple[str, str, float, bool]]) -> str:
    """The labelled duplicate pairs, the closest other pair, and errors at the threshold."""
    dups = sorted((p for p in pairs if p[3]), key=lambda p: p[2])
    others = sorted((p for p in pairs if not p[3]), key=lambda p: -p[2])
    lines = [f"near-duplicates (MinHash, threshold {DUPLICATE_SIMILARITY}):"]
    lines += [f"  duplicate  {a} ~ {b}: {sim:.3f}" for a, b, sim, _ in dups]
    if others:
        a, b, sim, _ = others[0]
        lines.append(f"  closest non-duplicate  {a} ~ {b}: {sim:.3f}")
    missed = sum(p[2] < DUPLICATE_SIMILARITY for p in dups)
    false = sum(p[2] >= DUPLICATE_SIMILARITY for p in others)
    lines.append(
        f"  at threshold: {missed} duplicate pairs missed, {false} of {len(others)} others flagged"
    )
    return "\n".join(lines)


def grid(pages: list[Page]) -> str:
    """HTML pages under each trafilatura option set: the extract alone, then after line cleaning."""
    html = [p for p in pages if p.suffix == ".html"]
    rows = [
        f"{'trafilatura options (others as EXTRACT_OPTIONS)':<58}{'extract F1':>11}{'cleaned F1':>11}"
    ]
    for name, change in GRID.items():
        options = {**EXTRACT_OPTIONS, **change}
        raw, cleaned = [], []
        for page in html:
            raw.append(Output(extract_html(page.text, INGEST_DATE, options).text))
            cleaned.append(Output(read_html(page.text, INGEST_DATE, options).text))
        f_raw, f_clean = evaluate(html, raw)["all"]["F1"], evaluate(html, cleaned)["all"]["F1"]
        rows.append(f"{name:<58}{f_raw:>11.3f}{f_clean:>11.3f}")
    return "\n".join(rows)


GRID: dict[str, dict[str, object]] = {
    "project (EXTRACT_OPTIONS)": {},
    "favor_precision=False": {"favor_precision": False},
    "favor_precision=False, favor_recall=True": {"favor_precision": False, "favor_recall": True},
    "include_comments=True": {"include_comments": True},
    "include_tables=False": {"include_tables": False},
    "include_links=True": {"include_links": True},
    "prune_xpath=None (keep deks)": {"prune_xpath": None},
}


def main(argv: list[str] | None = None) -> int:
    """Print the score table (and the worst pages with --verbose)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--verbose", action="store_true", help="per-page misses of ingest.clean")
    parser.add_argument("--worst", type=int, default=10, help="pages shown with --verbose")
    parser.add_argument(
        "--trafilatura-grid", action="store_true", help="score trafilatura option variants"
    )
    args = parser.parse_args(argv)
    pages = load_corpus(args.corpus)
    outputs = {name: [method(page) for page in pages] for name, method in METHODS.items()}
    print(format_table({name: evaluate(pages, outs) for name, outs in outputs.items()}))
    print()
    print(format_duplicates(duplicate_pairs(pages, outputs["ingest.clean"])))
    if args.trafilatura_grid:
        print()
        print(grid(pages))
    if args.verbose:
        worst = sorted(
            zip(pages, outputs["ingest.clean"], strict=True),
            key=lambda po: (
                sum(precision_recall(po[1].text, po[0].expected)),
                -len(page_report(*po)),
            ),
        )
        for page, out in worst[: args.worst]:
            print("\n".join(page_report(page, out)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
