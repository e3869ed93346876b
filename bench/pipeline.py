"""End-to-end throughput of `ingest run`: documents/s, words/s and peak memory on a temp inbox.

    .venv/bin/python bench/pipeline.py [--copies N]

The inbox holds the sample articles, the cleaning corpus and the claim-set articles, each copied
N times with a unique first line (a new doc_id each, flagged as near-duplicates of the first
copy, so the whole pipeline runs for every copy). Timed: one
flow run, Prefect's start-up included, then a second run on the same files (re-run: all
already ingested).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "sample_docs",
    ROOT / "tests" / "data" / "cleaning",
    ROOT / "tests" / "data" / "claims" / "articles",
]


def fill_inbox(inbox: Path, copies: int) -> tuple[int, int]:
    """Copies of every source document; returns (files, words)."""
    inbox.mkdir(parents=True)
    files = words = 0
    for folder in SOURCES:
        for path in sorted(folder.iterdir()):
            if path.suffix not in (".txt", ".html") or path.name.endswith(".expected.txt"):
                continue
            text = path.read_text("utf-8")
            for n in range(copies):
                marker = f"<!-- copy {n} -->\n" if path.suffix == ".html" else f"Copy {n}.\n\n"
                (inbox / f"{path.stem}.{n}{path.suffix}").write_text(marker + text, "utf-8")
                files += 1
                words += len(text.split())
    past = time.time() - 60
    for path in inbox.iterdir():
        os.utime(path, (past, past))
    return files, words


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--copies", type=int, default=2)
    args = parser.parse_args()
    from flows.ingest_inbox import ingest_inbox

    work = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    try:
        files, words = fill_inbox(work / "inbox", args.copies)
        os.environ["INGEST__PATHS__ARCHIVE"] = str(work / "archive")
        os.environ["INGEST__PATHS__QUARANTINE"] = str(work / "quarantine")
        kwargs = {
            "inbox_dir": str(work / "inbox"),
            "db_path": str(work / "claims.duckdb"),
            "model_path": str(ROOT / "models" / "en_claims"),
        }
        start = time.perf_counter()
        counts = ingest_inbox(**kwargs)
        first = time.perf_counter() - start
        for path in (work / "archive").iterdir():
            shutil.copy2(path, work / "inbox" / path.name)
        start = time.perf_counter()
        again = ingest_inbox(**kwargs)
        second = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"files {files}  words {words}  documents {counts['documents_added']}  claims {counts['claims_added']}  quarantined {counts['quarantined']}"
        )
        print(
            f"first run   {first:7.1f} s  {files / first:6.2f} docs/s  {words / first:7.0f} words/s"
        )
        print(
            f"re-run      {second:7.1f} s  (already ingested: {again['already_ingested']}, added: {again['documents_added']})"
        )
        print(f"peak memory {peak_mb:7.0f} MB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
