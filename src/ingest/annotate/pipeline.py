"""Loading the project's spaCy pipeline from a local path, with one clear error when it cannot be."""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from ingest.errors import MODEL_BROKEN, MODEL_MISSING, ModelLoadError

log = logging.getLogger(__name__)

REQUIRED_PIPES = ("parser", "ner", "ingest_quantity_finder")
# Rule components a pipeline may ship disabled (see models/configs/assemble.cfg) that news needs.
NEWS_PIPES = ("ingest_sentence_guard",)
# Rule components added after the NER when a pipeline lacks them: (factory, the pipe before it).
ADDED_PIPES = (("ingest_date_finder", "ner"),)


@cache
def load_pipeline(path: Path) -> Language:
    """The pipeline at path, loaded once per process.

    Raises:
        ModelLoadError: nothing loadable at path, or it lacks a parser, NER or the quantity finder.
    """
    if not (path / "config.cfg").is_file():
        raise ModelLoadError(MODEL_MISSING.format(path=path.resolve()))
    try:
        nlp = spacy.load(path)
    except Exception as exc:  # spaCy raises many types for a damaged pipeline
        raise ModelLoadError(MODEL_BROKEN.format(path=path.resolve(), error=exc)) from exc
    missing = [name for name in REQUIRED_PIPES if name not in nlp.pipe_names]
    if missing:
        raise ModelLoadError(
            MODEL_BROKEN.format(path=path.resolve(), error=f"missing components {missing}")
        )
    for name in NEWS_PIPES:
        if name in nlp.disabled:
            nlp.enable_pipe(name)
    for name, after in ADDED_PIPES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, after=after)
    log.info("loaded spaCy pipeline %s (%s)", path, ", ".join(nlp.pipe_names))
    return nlp
