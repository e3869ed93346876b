"""Prefect flows and the `ingest` command: wiring only; every stage lives in src/ingest."""
