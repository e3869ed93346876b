"""Throughput of `ingest run` next to the limit its own model sets and a naive script, in one run.

    .venv/bin/python bench/pipeline.py [--workers 1 2 4 8 16] [--min-docs 500]

Corpus: the real saved pages (bench/realpages.py, source.html) and sample_docs/, replicated to at
least --min-docs documents; every copy differs in its bytes (an HTML comment or trailing blank
lines with a counter), so none is skipped as already stored and every copy runs every stage.

Measured on the same corpus, each from a fresh inbox and warehouse:
- raw `nlp.pipe` (one process) over the texts the project hands to spaCy, after its own cleaning;
- `ingest run` with each --workers count (the whole flow: reading, cleaning, spaCy, claims, the
  DuckDB load, archive moves, snapshot; worker start-up included, the Prefect server's not);
- the naive script: trafilatura + nlp() per document + dateparser + one INSERT per row;
- a re-run on the same files (nothing new), and the peak memory of each worker process.
The profile: time per stage of the first --workers run, summed from the flow's own task runs.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core per process, before numpy loads
os.environ.setdefault("DO_NOT_TRACK", "1")  # offline, as `ingest` runs
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import argparse
import shutil
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realpages import real_pages

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "en_claims"
SAMPLES = ROOT / "sample_docs"
# Stages of the profile, by task name; the rest of the run is Prefect and waiting.
PROFILE_STAGES = ("read", "clean", "annotate", "claims", "load", "publish_snapshot")


def sources() -> list[tuple[str, bytes]]:
    """(file name, bytes) of every real page and sample article."""
    pages = [(f"{p.name}.html", (p.folder / "source.html").read_bytes()) for p in real_pages()]
    return pages + [(p.name, p.read_bytes()) for p in sorted(SAMPLES.iterdir())]


def fill_corpus(folder: Path, min_docs: int) -> int:
    """Copies of every source with distinct bytes, aged past the settle time; returns the count."""
    folder.mkdir(parents=True)
    files = sources()
    copies = -(-min_docs // len(files))
    for n in range(copies):
        for name, data in files:
            stem, suffix = name.rsplit(".", 1)
            marker = f"\n<!-- copy {n} -->\n" if suffix == "html" else "\n" * (n + 1)
            (folder / f"{stem}.{n}.{suffix}").write_bytes(data + marker.encode())
    past = time.time() - 60
    for path in folder.iterdir():
        os.utime(path, (past, past))
    return copies * len(files)


def nlp_texts(corpus: Path) -> list[str]:
    """The texts the project hands to spaCy: its own cleaning, English only, capped."""
    from ingest import batch
    from ingest.settings import load_settings

    settings = load_settings(env={}).with_paths(inbox=corpus)
    raws = [(p, batch.read_document(p, corpus, settings.read)) for p in sorted(corpus.iterdir())]
    cleaned, _ = batch.clean_batch(raws, settings)
    max_chars = settings.nlp.max_chars
    return [batch.head(d.text, max_chars) for _, d in cleaned if d.language == batch.ENGLISH]


def raw_pipe(texts: list[str]) -> float:
    """Seconds for nlp.pipe over the texts in this process."""
    from ingest.annotate.pipeline import load_pipeline

    nlp = load_pipeline(MODEL)
    list(nlp.pipe(texts[:5]))  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return time.perf_counter() - start


def naive(corpus: Path, db: Path) -> float:
    """Seconds for the script anyone would write first: trafilatura, nlp(), dateparser, INSERTs."""
    import dateparser
    import duckdb
    import trafilatura

    from ingest.annotate.pipeline import load_pipeline

    nlp = load_pipeline(MODEL)
    con = duckdb.connect(str(db))
    con.execute("create table docs (name text, text text)")
    con.execute("create table ents (name text, text text, label text, date date)")
    start = time.perf_counter()
    for path in sorted(corpus.iterdir()):
        raw = path.read_text("utf-8", errors="replace")
        text = (trafilatura.extract(raw) or "") if path.suffix == ".html" else raw
        con.execute("insert into docs values (?, ?)", [path.name, text])
        for ent in nlp(text).ents:
            when = dateparser.parse(ent.text) if ent.label_ == "DATE" else None
            con.execute(
                "insert into ents values (?, ?, ?, ?)",
                [path.name, ent.text, ent.label_, when.date() if when else None],
            )
    con.close()
    return time.perf_counter() - start


@contextmanager
def worker_memory() -> Iterator[dict[int, int]]:
    """Peak RSS in bytes of each child process started meanwhile (the Prefect server excluded)."""
    me = psutil.Process()
    before = {c.pid for c in me.children(recursive=True)}
    peaks: dict[int, int] = defaultdict(int)
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.2):
            for child in me.children(recursive=True):
                if child.pid not in before:
                    with suppress(psutil.Error):  # it may have ended meanwhile
                        peaks[child.pid] = max(peaks[child.pid], child.memory_info().rss)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peaks
    finally:
        stop.set()
        thread.join()


def project(corpus: Path, work: Path, workers: int) -> tuple[float, dict, object]:
    """(seconds, counts, final state) of one flow run on a fresh copy of the corpus."""
    from flows.ingest_inbox import ingest_inbox

    shutil.copytree(corpus, work / "inbox", copy_function=shutil.copy2)
    os.environ["INGEST__PATHS__ARCHIVE"] = str(work / "archive")
    os.environ["INGEST__PATHS__QUARANTINE"] = str(work / "quarantine")
    kwargs = {
        "inbox_dir": str(work / "inbox"),
        "db_path": str(work / "claims.duckdb"),
        "model_path": str(MODEL),
        "workers": workers,
    }
    start = time.perf_counter()
    state = ingest_inbox(**kwargs, return_state=True)
    seconds = time.perf_counter() - start
    return seconds, state.result(), state


def rerun(work: Path) -> float:
    """Seconds for a run over the same files again: every one already stored."""
    from flows.ingest_inbox import ingest_inbox

    for path in (work / "archive").iterdir():
        shutil.copy2(path, work / "inbox" / path.name)
    start = time.perf_counter()
    counts = ingest_inbox(
        inbox_dir=str(work / "inbox"), db_path=str(work / "claims.duckdb"), model_path=str(MODEL)
    )
    assert counts["documents_added"] == 0, counts
    return time.perf_counter() - start


def profile(state: object, seconds: float) -> dict[str, float]:
    """Seconds per stage of a flow run, summed over its task runs; what the main process spent
    outside its own tasks (read, load, snapshot, bookkeeping) is Prefect and waiting for workers."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.client.schemas.sorting import TaskRunSort

    run_id = state.state_details.flow_run_id
    runs: list = []
    with get_client(sync_client=True) as client:
        while page := client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[run_id])),
            sort=TaskRunSort.ID_DESC,
            limit=200,
            offset=len(runs),
        ):
            runs += page
    totals: dict[str, float] = defaultdict(float)
    for run in runs:
        name = run.name.rsplit("-", 1)[0]
        totals[name] += run.total_run_time.total_seconds()
    out = {name: totals.pop(name, 0.0) for name in PROFILE_STAGES}
    stages = totals.pop("stages", 0.0)
    out["other tasks"] = sum(totals.values())
    # stages wraps clean/annotate/claims: what it adds beyond them is task bookkeeping
    out["stages wrapper"] = stages - out["clean"] - out["annotate"] - out["claims"]
    main = ("read", "load", "publish_snapshot", "other tasks")
    out["Prefect and waiting"] = seconds - sum(out[name] for name in main)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--min-docs", type=int, default=500)
    args = parser.parse_args()
    for key in [k for k in os.environ if k.startswith("INGEST__")]:
        del os.environ[key]
    from prefect.testing.utilities import prefect_test_harness

    load = os.getloadavg()
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load {load[0]:.1f}")
    work = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    try:
        docs = fill_corpus(work / "corpus", args.min_docs)
        texts = nlp_texts(work / "corpus")
        words = sum(len(t.split()) for t in texts)
        print(f"corpus: {docs} documents ({len(texts)} English, {words} words to spaCy)")
        print(f"{'':<28}{'s':>8}{'docs/s':>9}{'words/s':>9}", flush=True)
        seconds: dict[str, float] = {}

        def row(name: str, s: float) -> None:
            seconds[name] = s
            print(f"{name:<28}{s:8.1f}{docs / s:9.2f}{words / s:9.0f}", flush=True)

        row("raw nlp.pipe, 1 process", raw_pipe(texts))
        with prefect_test_harness(server_startup_timeout=300):  # one server for every run
            for n in args.workers:
                with worker_memory() as peaks:
                    s, counts, state = project(work / "corpus", work / f"w{n}", n)
                row(f"ingest run --workers {n}", s)
                peak = max(peaks.values(), default=0) / 2**20
                print(f"  {counts['documents_added']} documents, {counts['claims_added']} claims, "
                      f"peak memory per worker {peak:.0f} MB", flush=True)  # fmt: skip
                if n == args.workers[0]:
                    breakdown = profile(state, s)
            again = rerun(work / f"w{args.workers[0]}")
        row("naive script", naive(work / "corpus", work / "naive.duckdb"))
        raw, one = (
            seconds["raw nlp.pipe, 1 process"],
            seconds[f"ingest run --workers {args.workers[0]}"],
        )
        print(f"\n--workers {args.workers[0]} / raw nlp.pipe: {raw / one:.2f}x")
        for n in args.workers[1:]:
            ratio = one / seconds[f"ingest run --workers {n}"]
            print(f"--workers {n} / --workers {args.workers[0]}: {ratio:.2f}x")
        for n in args.workers:
            ratio = seconds["naive script"] / seconds[f"ingest run --workers {n}"]
            print(f"--workers {n} / naive script: {ratio:.2f}x")
        print(f"re-run, nothing new: {again:.1f} s (the Prefect server already up)")
        print(f"\nprofile of --workers {args.workers[0]} (task time summed over batches):")
        for name, s in breakdown.items():
            print(f"  {name:<22}{s:7.1f} s")
        print(f"load at the end: {os.getloadavg()[0]:.1f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
