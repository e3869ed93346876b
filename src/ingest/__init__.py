"""News-claims ingestion: plain, typed stages from an inbox file to DuckDB rows.

read -> clean -> annotate -> claims -> load; `batch` holds each stage's step for one batch, and
the Prefect flow in flows/ wires them into tasks. Nothing here imports Prefect.
"""

import logging

from ingest.clean import clean_document
from ingest.read import read_document
from ingest.settings import Settings, load_settings

__all__ = ["Settings", "clean_document", "load_settings", "read_document"]

logging.getLogger(__name__).addHandler(logging.NullHandler())
