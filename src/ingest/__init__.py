"""News-claims ingestion: plain, typed stages from an inbox file to DuckDB rows.

read -> clean -> annotate -> claims -> load; `batch.process_batch` runs them for one batch and
the Prefect flow in flows/ orchestrates batches. Nothing here imports Prefect.
"""

import logging

from ingest.batch import process_batch
from ingest.clean import clean_document
from ingest.read import read_document
from ingest.settings import Settings, load_settings

__all__ = ["Settings", "clean_document", "load_settings", "process_batch", "read_document"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
