"""The ingest-inbox flow: every new file in the inbox, in batches, into the warehouse."""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from ingest import batch, guard, inbox, load
from ingest.settings import Settings, load_settings

preflight = task(guard.preflight, cache_policy=NO_CACHE)
migrate = task(load.migrate, cache_policy=NO_CACHE)
recover = task(batch.recover, cache_policy=NO_CACHE)
sync_aliases = task(load.sync_user_aliases, cache_policy=NO_CACHE)
start_load = task(load.start_load, cache_policy=NO_CACHE)
process_batch = task(batch.process_batch, cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
finish_load = task(load.finish_load, cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10])
publish_snapshot = task(
    load.publish_snapshot, cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[2, 10]
)
summary = task(load.summary, cache_policy=NO_CACHE)


@flow(name="ingest-inbox", log_prints=False)
def ingest_inbox(
    inbox_dir: str | None = None,
    db_path: str | None = None,
    model_path: str | None = None,
    config_file: str | None = None,
    archive_dir: str | None = None,
    quarantine_dir: str | None = None,
) -> dict[str, int]:
    """Process every file in the inbox that is not yet in the warehouse; returns run counts."""
    settings = load_settings(Path(config_file) if config_file else None).with_paths(
        inbox=inbox_dir,
        db=db_path,
        model=model_path,
        archive=archive_dir,
        quarantine=quarantine_dir,
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
            results = [
                process_batch(chunk, load_id, settings) for chunk in _chunks(ready, settings)
            ]
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


def _chunks(paths: list[Path], settings: Settings) -> list[list[Path]]:
    size = settings.nlp.batch_size
    return [paths[i : i + size] for i in range(0, len(paths), size)]
