"""Analysts' commands at scale: `ingest review` and `ingest export` on a 500-document warehouse.

    .venv/bin/python bench/review.py [--documents 500] [--rebuild]

The warehouse is built once by the real flow from bench/pipeline.py's inbox (the sample, cleaning
and claim-set articles, copied with a unique first line until there are enough) and cached under
/tmp, so timing the commands does not wait for NLP. Timed, best of --repeat: the review site build
and a Parquet export, each from the snapshot, into a fresh folder. Targets: review <= 10 s,
export <= 5 s. --browser then opens every page of the site in headless Chromium (bench/chromium.py)
and counts console errors and requests that are not local files (target: none).
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import tempfile
import time
from pathlib import Path

import duckdb
from pipeline import fill_inbox  # bench/ is on the path when run as a script

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(tempfile.gettempdir()) / "ingest-review-bench"


def warehouse(documents: int, rebuild: bool) -> Path:
    """The snapshot of a warehouse holding `documents` documents, built once and cached."""
    work = CACHE / str(documents)
    snapshot = work / "snapshots" / "claims.duckdb"
    if snapshot.is_file() and not rebuild:
        return snapshot
    shutil.rmtree(work, ignore_errors=True)
    per_copy, _ = fill_inbox(work / "one-copy", 1)  # how many files one copy of the sources makes
    shutil.rmtree(work / "one-copy")
    fill_inbox(work / "inbox", math.ceil(documents / per_copy))
    for extra in sorted((work / "inbox").iterdir())[documents:]:
        extra.unlink()
    from flows.cli import OFFLINE_ENV  # imports no Prefect

    os.environ.update(OFFLINE_ENV)  # no Prefect telemetry, as `ingest run` sets it
    os.environ["INGEST__PATHS__ARCHIVE"] = str(work / "archive")
    os.environ["INGEST__PATHS__QUARANTINE"] = str(work / "quarantine")
    from flows.ingest_inbox import ingest_inbox

    ingest_inbox(
        inbox_dir=str(work / "inbox"),
        db_path=str(work / "claims.duckdb"),
        model_path=str(ROOT / "models" / "en_claims"),
    )
    return snapshot


def best_of(repeat: int, step) -> tuple[float, object]:
    """The fastest of `repeat` runs of step(fresh folder), and its result."""
    times, result = [], None
    for _ in range(repeat):
        out = Path(tempfile.mkdtemp(prefix="ingest-review-out-"))
        start = time.perf_counter()
        result = step(out / "out")
        times.append(time.perf_counter() - start)
        shutil.rmtree(out)
    return min(times), result


def browse(site: Path) -> tuple[int, int, float]:
    """(pages opened, problems seen, seconds) for every page of the site in headless Chromium."""
    import chromium
    from playwright.sync_api import sync_playwright

    pages = [site / "index.html", site / "measures.html", *sorted((site / "docs").glob("*.html"))]
    start = time.perf_counter()
    with sync_playwright() as p:
        browser = chromium.launch(p)
        page = chromium.watched_page(browser)
        for path in pages:
            page.goto(path.as_uri())
        browser.close()
    return len(pages), len(page.problems), time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--documents", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true", help="ingest the warehouse again")
    parser.add_argument("--browser", action="store_true", help="open every page in Chromium")
    args = parser.parse_args()
    from ingest.export import export_views
    from ingest.review import build_site

    db = warehouse(args.documents, args.rebuild)
    with duckdb.connect(str(db), read_only=True) as con:
        docs, claims, entities = con.execute(
            "select (select count(*) from documents), (select count(*) from claims), (select count(*) from entities)"
        ).fetchone()
    review, site = best_of(args.repeat, lambda out: build_site(db, out))
    export, counts = best_of(args.repeat, lambda out: export_views(db, out, "parquet"))
    print(f"warehouse {db}: {docs} documents, {claims} claims, {entities} entities")
    print(f"review site: {review:.2f} s for {site.documents} documents (target <= 10 s)")
    print(
        f"parquet export: {export:.2f} s for {sum(counts.values())} rows in {len(counts)} views (target <= 5 s)"
    )
    if args.browser:
        site_dir = Path(tempfile.mkdtemp(prefix="ingest-review-site-"))
        build_site(db, site_dir)
        opened, problems, seconds = browse(site_dir)
        print(
            f"chromium: {opened} pages in {seconds:.1f} s, {problems} console errors or outside requests"
        )
        shutil.rmtree(site_dir)


if __name__ == "__main__":
    main()
