"""One batch of inbox files through every stage, for the flow to call; no Prefect in here.

Order matters for exactly-once: rows commit first, files move after. A crash in between leaves
files in the inbox whose doc_id is already stored, and the next run only archives them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from spacy.language import Language

from ingest import load
from ingest.annotate.paragraphs import annotate_texts
from ingest.annotate.pipeline import load_pipeline
from ingest.claims.assemble import claims_from_paragraphs, entities_from_paragraphs
from ingest.clean import clean_document
from ingest.errors import Reason
from ingest.inbox import move_into, planned_target
from ingest.read import read_document
from ingest.records import CleanDoc, Extraction, RawDoc, Rejection
from ingest.settings import Settings

log = logging.getLogger(__name__)

ENGLISH = "en"


@dataclass(frozen=True, slots=True)
class BatchResult:
    documents: int
    claims: int
    quarantined: int
    already_ingested: int


def process_batch(paths: list[Path], load_id: str, settings: Settings) -> BatchResult:
    """Read, clean, annotate and load the given inbox files, then archive or quarantine them.

    Raises:
        ModelLoadError: the spaCy pipeline cannot be loaded (the run fails; files stay put).
    """
    p = settings.paths
    today = datetime.now(UTC).date()
    cleaned: list[tuple[Path, CleanDoc]] = []
    rejected: list[tuple[Path, Rejection]] = []
    known: list[Path] = []
    raws = [(path, read_document(path, p.inbox, settings.read)) for path in paths]
    stored = load.known_documents(p.db, [r.doc_id for _, r in raws if isinstance(r, RawDoc)])
    seen: set[str] = set()
    for path, raw in raws:
        if isinstance(raw, RawDoc) and (raw.doc_id in stored or raw.doc_id in seen):
            log.info(
                "%s is already ingested (doc_id %s): archiving only", path.name, raw.doc_id[:12]
            )
            known.append(path)
            continue
        result = clean_document(raw, today) if isinstance(raw, RawDoc) else raw
        if isinstance(result, Rejection):
            rejected.append((path, result))
        else:
            seen.add(result.doc_id)
            cleaned.append((path, result))
    extractions, failures = extract(cleaned, settings)
    rejected += failures
    failed = {path for path, _ in failures}
    done = [path for path, _ in cleaned if path not in failed]
    targets = [(path, planned_target(path, p.quarantine)) for path, _ in rejected]
    load.write_batch(
        p.db,
        load_id,
        extractions,
        [(r, str(t)) for (_, r), (_, t) in zip(rejected, targets, strict=True)],
    )
    for path in done + known:
        move_into(path, p.archive)
    for path, target in targets:
        move_into(path, target.parent, target.name)
    for path, rejection in rejected:
        log.warning("quarantined %s: %s (%s)", path.name, rejection.reason, rejection.detail)
    return BatchResult(
        len(extractions), sum(len(x.claims) for x in extractions), len(rejected), len(known)
    )


def extract(
    docs: list[tuple[Path, CleanDoc]], settings: Settings
) -> tuple[list[Extraction], list[tuple[Path, Rejection]]]:
    """Entities and claims for English documents; others are stored without NLP."""
    nlp = load_pipeline(settings.paths.model)
    capped = [(path, _cap(doc, settings.nlp.max_chars)) for path, doc in docs]
    english = [(path, doc) for path, doc in capped if doc.language == ENGLISH]
    out = [Extraction(doc, [], []) for _, doc in capped if doc.language != ENGLISH]
    failures: list[tuple[Path, Rejection]] = []
    try:
        out += _annotate(nlp, [doc for _, doc in english], settings)
    except Exception:  # isolate the document that breaks the batch
        log.exception("batch NLP failed; retrying document by document")
        for path, doc in english:
            try:
                out += _annotate(nlp, [doc], settings)
            except Exception as exc:
                failures.append(
                    (
                        path,
                        Rejection(doc.source_file, "nlp", Reason.NLP_FAILED, repr(exc), doc.doc_id),
                    )
                )
    return out, failures


def _annotate(nlp: Language, docs: list[CleanDoc], settings: Settings) -> list[Extraction]:
    texts = [_head(doc.text, settings.nlp.max_chars) for doc in docs]
    return [
        Extraction(
            doc,
            entities_from_paragraphs(paras, doc.doc_id),
            claims_from_paragraphs(paras, doc.doc_id, doc.published_date),
        )
        for doc, paras in zip(
            docs, annotate_texts(nlp, texts, settings.nlp.batch_size), strict=True
        )
    ]


def _cap(doc: CleanDoc, max_chars: int) -> CleanDoc:
    """Flag texts longer than max_chars: the full text is stored, NLP reads the first max_chars."""
    return replace(doc, truncated=True) if len(doc.text) > max_chars else doc


def _head(text: str, max_chars: int) -> str:
    """At most max_chars of text, cut at a paragraph break so no sentence is split."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind("\n\n", 0, max_chars)
    return text[: cut if cut > 0 else max_chars]
