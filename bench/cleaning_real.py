"""Cleaning on real saved pages: ../shared/real_pages/readability, against Readability.js's output.

    .venv/bin/python bench/cleaning_real.py [--direct] [--worst 10] [--page NAME] [--json OUT]

One metric for every method: bag-of-words token precision and recall of the extracted text
against the reference article body (lower-cased word tokens, counted with multiplicity),
averaged over pages; F1 is the harmonic mean of the two averages, as in the article-extraction
benchmark the issue quotes. A page a method refuses or empties scores P = R = 0.

Methods, in one run:
- trafilatura as it comes: `trafilatura.extract(html)`;
- trafilatura's best configuration: the best of a small option grid (favor_precision /
  favor_recall, comments, tables), chosen on these pages, so it is an optimistic peer;
- the project through `ingest run` (copies the pages into an inbox, runs the real flow into a
  fresh warehouse, reads `documents.text`; quarantined pages are listed with their reason);
  `--direct` calls `ingest.clean.clean_document` instead (the same function, no flow: fast).
Metadata (title, byline, site name, published date) is scored where `expected-metadata.json`
gives it. Pages are split by the language of their reference text (ingest.clean.language): the
non-English pages are scored apart, never mixed into the English figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import trafilatura

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realpages import RealPage, real_pages, reference_text

from ingest.clean import clean_document
from ingest.clean.language import guess_language
from ingest.read import decode
from ingest.records import CleanDoc, RawDoc, Rejection

ROOT = Path(__file__).resolve().parents[1]
# Fixed ingest date so scores do not drift with the calendar; later than every page.
INGEST_DATE = date(2026, 11, 23)
# Files in the inbox are stamped this old so that none is left to settle.
SETTLED_MTIME = 1_600_000_000
_TOKEN = re.compile(r"\w+")
META_FIELDS = ("title", "byline", "siteName", "publishedTime")
TRAFILATURA_GRID: dict[str, dict] = {
    "favor_precision, no comments": {"favor_precision": True, "include_comments": False},
    "favor_recall, no comments": {"favor_recall": True, "include_comments": False},
    "default, no comments": {"include_comments": False},
    "favor_precision, no comments, no tables": {
        "favor_precision": True,
        "include_comments": False,
        "include_tables": False,
    },
}


@dataclass(frozen=True, slots=True)
class Result:
    """What one method made of one page."""

    text: str
    meta: dict[str, str | None]
    refused: str | None = None  # the quarantine reason, when the page never got through


def tokens(text: str) -> Counter:
    return Counter(t.lower() for t in _TOKEN.findall(text))


def precision_recall(predicted: str, expected: str) -> tuple[float, float]:
    """Token precision and recall (multiset overlap); an empty prediction scores 0 and 0."""
    pred, gold = tokens(predicted), tokens(expected)
    overlap = sum((pred & gold).values())
    p = overlap / sum(pred.values()) if pred else 0.0
    r = overlap / sum(gold.values()) if gold else 0.0
    return p, r


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def trafilatura_method(options: dict) -> Callable[[RealPage], Result]:
    """trafilatura.extract with these options, and trafilatura's own metadata."""

    def run(page: RealPage) -> Result:
        text = trafilatura.extract(page.source, **options) or ""
        meta = trafilatura.extract_metadata(page.source)
        if meta is None:
            return Result(text, {})
        return Result(
            text,
            {
                "title": meta.title,
                "byline": meta.author,
                "siteName": meta.sitename,
                "publishedTime": meta.date,
            },
        )

    return run


def _from_clean(doc: CleanDoc | Rejection) -> Result:
    if isinstance(doc, Rejection):
        return Result("", {}, refused=f"{doc.reason}: {doc.detail}")
    return Result(
        doc.text,
        {
            "title": doc.title,
            "byline": doc.author,
            "siteName": doc.site,
            "publishedTime": doc.published_date.isoformat() if doc.published_date else None,
        },
    )


def project_direct(page: RealPage) -> Result:
    """ingest.clean.clean_document on the page's bytes decoded as `ingest run` decodes them."""
    text = decode((page.folder / "source.html").read_bytes()) or ""
    return _from_clean(clean_document(RawDoc(page.name, page.name, ".html", text), INGEST_DATE))


def project_through_run(pages: list[RealPage]) -> dict[str, Result]:
    """Every page through the real `ingest run` into a fresh warehouse; documents.text back."""
    work = Path(tempfile.mkdtemp(prefix="cleaning_real_"))
    inbox = work / "inbox"
    inbox.mkdir()
    for page in pages:
        target = inbox / f"{page.name}.html"
        shutil.copyfile(page.folder / "source.html", target)
        os.utime(target, (SETTLED_MTIME, SETTLED_MTIME))
    db = work / "claims.duckdb"
    ingest = Path(sys.executable).with_name("ingest")  # the console script of this environment
    cmd = [str(ingest), "run", "--inbox", str(inbox), "--db", str(db)]
    subprocess.run(cmd, check=True, cwd=work, stdout=subprocess.DEVNULL)
    with duckdb.connect(str(db), read_only=True) as con:
        docs = con.execute(
            "select source_file, text, title, author, site, published_date from documents"
        ).fetchall()
        refused = con.execute("select source_file, reason, detail from quarantine").fetchall()
    shutil.rmtree(work, ignore_errors=True)
    out = {
        Path(name).stem: Result(
            text,
            {
                "title": title,
                "byline": author,
                "siteName": site,
                "publishedTime": pub.isoformat() if pub else None,
            },
        )
        for name, text, title, author, site, pub in docs
    }
    return out | {Path(n).stem: Result("", {}, refused=f"{r}: {d}") for n, r, d in refused}


def meta_matches(field: str, predicted: str | None, expected: str) -> bool:
    """Title, byline and site compared case- and space-insensitively; dates by their day."""
    if predicted is None:
        return False
    if field == "publishedTime":
        return predicted[:10] == expected[:10]
    norm = lambda s: " ".join(re.sub(r"^by\s+", "", s, flags=re.I).split()).casefold()  # noqa: E731
    return norm(predicted) == norm(expected)


@dataclass(frozen=True, slots=True)
class Row:
    page: str
    p: float
    r: float
    refused: str | None


def score(pages: list[RealPage], refs: dict[str, str], results: dict[str, Result]) -> dict:
    """Macro P, R, F1 over pages, metadata accuracy per field, and the per-page rows."""
    rows = []
    meta: dict[str, list[bool]] = {f: [] for f in META_FIELDS}
    for page in pages:
        res = results[page.name]
        p, r = precision_recall(res.text, refs[page.name])
        rows.append(Row(page.name, p, r, res.refused))
        for field in META_FIELDS:
            if page.metadata.get(field):
                meta[field].append(meta_matches(field, res.meta.get(field), page.metadata[field]))
    n = len(rows) or 1
    p = sum(x.p for x in rows) / n
    r = sum(x.r for x in rows) / n
    return {
        "pages": len(rows),
        "P": p,
        "R": r,
        "F1": f1(p, r),
        "refused": sum(x.refused is not None for x in rows),
        "meta": {f: (sum(v) / len(v) if v else None, len(v)) for f, v in meta.items()},
        "rows": rows,
    }


def format_scores(name: str, s: dict) -> str:
    meta = "  ".join(
        f"{f} {acc:.3f}/{n}" if acc is not None else f"{f} -" for f, (acc, n) in s["meta"].items()
    )
    return (
        f"{name:<44} {s['pages']:>5} {s['P']:.3f} {s['R']:.3f} {s['F1']:.3f} "
        f"{s['refused']:>3}  {meta}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--direct", action="store_true", help="clean_document, not ingest run")
    parser.add_argument("--worst", type=int, default=10, help="list the N worst project pages")
    parser.add_argument("--page", action="append", help="only these page folders")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args(argv)
    pages = [p for p in real_pages() if not args.page or p.name in args.page]
    if not pages:
        print("no real pages found (../shared/real_pages/readability)", file=sys.stderr)
        return 1
    refs = {p.name: reference_text(p.expected) for p in pages}
    langs = {p.name: guess_language(refs[p.name]) for p in pages}
    methods: dict[str, dict[str, Result]] = {
        "trafilatura as it comes": {p.name: trafilatura_method({})(p) for p in pages}
    }
    grid = {
        f"trafilatura {k}": {p.name: trafilatura_method(o)(p) for p in pages}
        for k, o in TRAFILATURA_GRID.items()
    }
    project = (
        {p.name: project_direct(p) for p in pages} if args.direct else project_through_run(pages)
    )
    report: dict = {}
    for split, chosen in (
        ("English", [p for p in pages if langs[p.name] == "en"]),
        ("other languages", [p for p in pages if langs[p.name] != "en"]),
    ):
        if not chosen:
            continue
        scored = {k: score(chosen, refs, v) for k, v in (methods | grid).items()}
        best = max(grid, key=lambda k: scored[k]["F1"])
        label = "ingest run" if not args.direct else "ingest.clean (direct)"
        scored[f"project: {label}"] = score(chosen, refs, project)
        print(f"\n{split}: {len(chosen)} pages")
        print(f"{'method':<44} {'pages':>5} {'P':<5} {'R':<5} {'F1':<5} ref  metadata")
        for k, s in scored.items():
            print(format_scores(k + (" (best)" if k == best else ""), s))
        mine = scored[f"project: {label}"]
        rivals = scored[best]["rows"]
        print(f"\n{args.worst} worst pages (project F1, best trafilatura F1, reason):")
        by_page = {x.page: x for x in rivals}
        for row in sorted(mine["rows"], key=lambda x: f1(x.p, x.r))[: args.worst]:
            other = by_page[row.page]
            print(
                f"  {row.page:<36} {f1(row.p, row.r):.3f} (P {row.p:.2f} R {row.r:.2f})"
                f"  trafilatura {f1(other.p, other.r):.3f}  {row.refused or ''}"
            )
        losses = sum(
            f1(x.p, x.r) + 0.02 < f1(by_page[x.page].p, by_page[x.page].r) for x in mine["rows"]
        )
        print(f"pages where the project loses to {best} by more than 0.02 F1: {losses}")
        report[split] = {
            k: {m: v for m, v in s.items() if m != "rows"} for k, s in scored.items()
        } | {"best_trafilatura": best}
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
