"""The ingest-inbox flow: every new file in the inbox, in batches, into the warehouse.

read -> clean -> annotate -> claims -> load, each a task per batch. Reading and loading run in
the flow's process, batches loaded in inbox order; clean, annotate and claims run together in
one worker task per batch (`stages`), so a batch's spaCy Docs never leave the worker that made
them. Workers never touch DuckDB or the inbox: `read` asks the warehouse which files it already
holds, and only `load` writes rows and moves files.
"""

from __future__ import annotations

from collections import deque
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from flows.progress import RunProgress
from flows.runners import stage_runner
from ingest import batch, guard, inbox, load
from ingest.batch import BatchResult, Extracted, Read
from ingest.records import RawDoc, Rejection
from ingest.settings import Settings, load_settings

preflight = task(guard.preflight, cache_policy=NO_CACHE)
migrate = task(load.migrate, cache_policy=NO_CACHE)
recover = task(batch.recover, cache_policy=NO_CACHE)
sync_aliases = task(load.sync_user_aliases, cache_policy=NO_CACHE)
start_load = task(load.start_load, cache_policy=NO_CACHE)
read = task(batch.read_batch, name="read", cache_policy=NO_CACHE)
clean = task(batch.clean_batch, name="clean", cache_policy=NO_CACHE)
annotate = task(batch.annotate_batch, name="annotate", cache_policy=NO_CACHE)
claims = task(batch.claims_batch, name="claims", cache_policy=NO_CACHE)
load_batch = task(
    batch.load_batch, name="load", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10]
)
finish_load = task(load.finish_load, cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10])
publish_snapshot = task(
    load.publish_snapshot, cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10]
)
summary = task(load.summary, cache_policy=NO_CACHE)


@task(cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
def stages(fresh: list[tuple[Path, RawDoc]], settings: Settings) -> Extracted:
    """clean -> annotate -> claims for one batch, in one worker."""
    cleaned, refused = clean(fresh, settings)
    annotated, failed = annotate(cleaned, settings)
    extracted = claims(annotated, settings)
    return Extracted(extracted.extractions, refused + failed + extracted.rejected)


@flow(name="ingest-inbox", log_prints=False)
def ingest_inbox(
    inbox_dir: str | None = None,
    db_path: str | None = None,
    model_path: str | None = None,
    config_file: str | None = None,
    archive_dir: str | None = None,
    quarantine_dir: str | None = None,
    workers: int | None = None,
    dask_address: str | None = None,
) -> dict[str, int]:
    """Process every file in the inbox that is not yet in the warehouse; returns run counts."""
    settings = (
        load_settings(Path(config_file) if config_file else None)
        .with_paths(
            inbox=inbox_dir,
            db=db_path,
            model=model_path,
            archive=archive_dir,
            quarantine=quarantine_dir,
        )
        .with_scale(workers=workers, dask_address=dask_address)
    )
    p = settings.paths
    logger = get_run_logger()
    with inbox.run_lock(p.db):
        preflight(p)  # missing or damaged warehouse, read-only inbox: stop before any file moves
        migrate(p.db)
        sync_aliases(p.db, p.aliases)
        recovered = recover(settings)  # finish what a killed run committed but did not move
        ready, settling = inbox.list_inbox(
            p.inbox, settings.read.settle_seconds, look_seconds=settings.read.look_seconds
        )
        load_id = start_load(p.db, len(ready))
        try:
            results = _batches(ready, load_id, settings) if ready else []
        except Exception:
            finish_load(p.db, load_id, "failed", 0, 0)
            raise
        documents = sum(r.documents for r in results)
        quarantined = sum(r.quarantined for r in results)
        finish_load(p.db, load_id, "completed", documents, quarantined)
        publish_snapshot(p.db)
        inbox.require_moved(sum(r.not_moved for r in results))  # ING108: exit non-zero
        totals = summary(p.db)
    counts = {
        "files_seen": len(ready),
        "documents_added": documents,
        "claims_added": sum(r.claims for r in results),
        "quarantined": quarantined,
        "already_ingested": sum(r.already_ingested for r in results),
        "left_for_next_run": len(settling) + sum(r.not_moved for r in results),
        "recovered_from_earlier_run": recovered,
        "vanished": sum(r.vanished for r in results),
        "warehouse_documents": totals.documents,
        "warehouse_entities": totals.entities,
        "warehouse_claims": totals.claims,
        "warehouse_quarantined": totals.quarantined,
    }
    logger.info("load %s: %s", load_id, counts)
    return counts


def _batches(ready: list[Path], load_id: str, settings: Settings) -> list[BatchResult]:
    """Read each batch and hand it to the workers, keeping `window` batches in flight; load them
    back in inbox order."""
    results: list[BatchResult] = []
    earlier: frozenset[str] = frozenset()  # doc_ids read so far in this run
    failed: dict[str, Rejection] = {}  # doc_ids a stage refused so far in this run
    pending: deque[tuple[list[Path], Read, PrefectFuture[Extracted] | None]] = deque()
    with stage_runner(settings.scale) as (runner, window), RunProgress(len(ready)) as progress:
        for chunk in [*_chunks(ready, settings), None]:
            if chunk is not None:
                batch_read = read(chunk, settings, earlier)
                earlier |= batch_read.doc_ids
                work = {"fresh": batch_read.fresh, "settings": settings}
                future = runner.submit(stages, work) if batch_read.fresh else None
                pending.append((chunk, batch_read, future))
            while pending and (chunk is None or len(pending) > window):
                paths, batch_read, future = pending.popleft()
                extracted = future.result() if future else Extracted([], [])  # nothing new
                result = load_batch(batch_read, extracted, load_id, settings, failed)
                failed |= result.failed
                results.append(result)
                progress.advance(len(paths), result.documents)
    return results


def _chunks(paths: list[Path], settings: Settings) -> list[list[Path]]:
    size = settings.nlp.batch_size
    return [paths[i : i + size] for i in range(0, len(paths), size)]
