"""One batch of inbox files through every stage, for the flow to call; no Prefect in here.

Exactly once, in this order:
1. read and clean each file; an error in any per-file step quarantines that file alone;
2. run NLP over the batch (document by document if the batch fails);
3. plan every file's move, and commit the rows together with that plan in one transaction;
4. move the files.
A crash before 3 leaves no trace and the next run redoes the batch. A crash after 3 leaves files
in the inbox, and the next run's `recover` moves exactly those, as planned, before it lists the
inbox; so no file is processed twice and none is lost.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language

from ingest import inbox, load
from ingest.annotate.paragraphs import annotate_texts
from ingest.annotate.pipeline import load_pipeline
from ingest.budget import start_budget
from ingest.claims.assemble import claims_from_paragraphs, entities_from_paragraphs
from ingest.claims.names import aliases_from_paragraphs
from ingest.clean import clean_document
from ingest.clean.fingerprint import SignatureIndex, from_bytes
from ingest.clean.language import UNKNOWN
from ingest.dates.mentions import dates_from_paragraphs
from ingest.errors import Reason
from ingest.inbox import Move
from ingest.read import read_document
from ingest.records import Arrival, CleanDoc, Extraction, RawDoc, Rejection
from ingest.settings import Settings

log = logging.getLogger(__name__)

ENGLISH = "en"
CHANGED_AFTER_READING = "changed after it was read; its new bytes are ingested by the next run"
# Longest exception text kept in a quarantine row's detail (characters).
MAX_DETAIL_CHARS = 500

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class BatchResult:
    documents: int
    claims: int
    quarantined: int
    already_ingested: int
    not_moved: int  # rows committed but the move failed: the file stays for the next run
    vanished: int  # listed, then gone from the inbox before the batch reached it


def process_batch(paths: list[Path], load_id: str, settings: Settings) -> BatchResult:
    """Read, clean, annotate and load the given inbox files, then archive or quarantine them.

    Raises:
        ModelLoadError: the spaCy pipeline cannot be loaded (the run fails; files stay put).
        WarehouseLocked: another process holds the warehouse (transient; files stay put).
    """
    p = settings.paths
    present = [path for path in paths if os.path.lexists(path)]
    if len(present) < len(paths):
        log.warning("%d listed files left the inbox before being read", len(paths) - len(present))
        gone = [path for path in paths if path not in present]
        load.record_arrivals(p.db, load_id, [_arrival(path, None, "vanished") for path in gone])
    known, cleaned, rejected = _triage(present, settings)
    extractions, failures = extract(cleaned, settings)
    # after NLP, so a document quarantined by it is never a later document's first copy
    extractions = mark_duplicates(extractions, load.fingerprints(p.db))
    failed = {r.doc_id: r for _, r in failures}
    rejected += failures + [
        (path, replace(failed[doc_id], source_file=inbox.as_text(path.name)))
        for path, doc_id in known
        if doc_id in failed  # a copy, in this batch, of a document whose NLP failed
    ]
    known = [(path, doc_id) for path, doc_id in known if doc_id not in failed]
    archived = [(path, doc.doc_id) for path, doc in cleaned if doc.doc_id not in failed] + known
    moves = inbox.plan_moves(
        [(path, p.archive, doc_id) for path, doc_id in archived]
        + [(path, p.quarantine, r.doc_id) for path, r in rejected]
    )
    moved_to = [inbox.as_text(m.target) for m in moves[len(archived) :]]
    quarantine = [(r, target) for (_, r), target in zip(rejected, moved_to, strict=True)]
    load.write_batch(p.db, load_id, extractions, quarantine, moves)
    not_moved = _carry_out(moves, settings, load_id)
    for path, rejection in rejected:
        log.warning("quarantined %r: %s (%s)", path.name, rejection.reason, rejection.detail)
    return BatchResult(
        documents=len(extractions),
        claims=sum(len(x.claims) for x in extractions),
        quarantined=len(rejected),
        already_ingested=len(known),
        not_moved=not_moved,
        vanished=len(paths) - len(present),
    )


def mark_duplicates(
    extractions: list[Extraction], stored: list[tuple[str, bytes]]
) -> list[Extraction]:
    """Set duplicate_of on each document that repeats an earlier one (stored, or earlier in the
    batch): the same story saved twice under other page chrome or another name."""
    earlier = SignatureIndex(stored)
    out = []
    for x in extractions:
        signature = from_bytes(x.doc.fingerprint)
        first = earlier.first_near_duplicate(signature)
        out.append(replace(x, doc=replace(x.doc, duplicate_of=first)) if first else x)
        earlier.add(x.doc.doc_id, signature)
    return out


def recover(settings: Settings) -> int:
    """Finish the file moves of runs that did not complete; the explicit restart step.

    Call it holding the run lock, before listing the inbox. Each batch journaled its moves with
    its rows, so the warehouse says which inbox files are done and where they go. An entry is
    moved only while it still holds the bytes it was planned for (same doc_id); anything else,
    such as a new file dropped under the same name, is left for normal processing.

    Returns:
        How many files were moved.
    """
    p = settings.paths
    total = 0
    for load_id, moves in load.unfinished_loads(p.db).items():
        pending = [m for m in moves if os.path.lexists(m.source) and _holds(m, settings)]
        moved = len(pending) - _carry_out(pending, settings, load_id)
        load.record_recovery(p.db, load_id, moved)
        log.warning(
            "run %s did not complete; moved %d of its files left in the inbox", load_id, moved
        )
        total += moved
    return total


def _triage(
    paths: list[Path], settings: Settings
) -> tuple[list[tuple[Path, str]], list[tuple[Path, CleanDoc]], list[tuple[Path, Rejection]]]:
    """Read and clean each file: (already stored or repeated in this batch, cleaned, rejected)."""
    p = settings.paths
    today = datetime.now(UTC).date()
    clean = partial(clean_document, max_line_chars=settings.read.max_line_chars)
    raws = [
        (path, _contained("read", path, None, read_document, path, p.inbox, settings.read))
        for path in paths
    ]
    stored = load.known_documents(p.db, [r.doc_id for _, r in raws if isinstance(r, RawDoc)])
    known: list[tuple[Path, str]] = []
    cleaned: list[tuple[Path, CleanDoc]] = []
    rejected: list[tuple[Path, Rejection]] = []
    seen: set[str] = set()
    for path, raw in raws:
        if isinstance(raw, RawDoc) and (raw.doc_id in stored or raw.doc_id in seen):
            log.warning(
                "%r has the bytes of %r, already ingested (doc_id %s): archiving only",
                path.name,
                stored.get(raw.doc_id, "a file earlier in this batch"),
                raw.doc_id[:12],
            )
            known.append((path, raw.doc_id))
            continue
        result = (
            _contained("clean", path, raw.doc_id, clean, raw, today)
            if isinstance(raw, RawDoc)
            else raw
        )
        if isinstance(result, Rejection):
            rejected.append((path, result))
        else:
            seen.add(result.doc_id)
            cleaned.append((path, result))
    return known, cleaned, rejected


def _contained(
    stage: str, path: Path, doc_id: str | None, step: Callable[..., T], *args: Any
) -> T | Rejection:
    """One stage for one file: an unexpected error quarantines the file instead of ending the run."""
    try:
        return step(*args)
    except Exception as exc:
        log.exception("%s failed on %r", stage, path.name)
        detail = repr(exc)[:MAX_DETAIL_CHARS]
        return Rejection(inbox.as_text(path.name), stage, Reason.STAGE_FAILED, detail, doc_id)


def _holds(move: Move, settings: Settings) -> bool:
    """Whether the entry at move.source still holds the bytes its move was planned for."""
    entry = read_document(move.source, settings.paths.inbox, settings.read)
    return entry.doc_id == move.doc_id


def _carry_out(moves: list[Move], settings: Settings, load_id: str) -> int:
    """Do moves the warehouse has committed; returns how many failed (those files stay put).

    A file whose bytes changed since they were read stays in the inbox, so its new bytes are
    ingested by the next run and the archive never holds other bytes than the stored document.
    Each file that stays, or is gone, gets its files row.
    """
    failed = 0
    stayed: list[Arrival] = []
    for move in moves:
        if _regular(move.source) and not _holds(move, settings):
            log.warning("%r changed after it was read: left to be ingested again", move.source.name)
            stayed.append(_arrival(move.source, move.doc_id, "left", CHANGED_AFTER_READING))
            continue
        try:
            inbox.carry_out(move)
        except FileNotFoundError:
            log.warning("%r left the inbox before it was moved", move.source.name)
            stayed.append(_arrival(move.source, move.doc_id, "vanished"))
        except OSError as exc:
            failed += 1
            stayed.append(_arrival(move.source, move.doc_id, "left", f"move failed: {exc}"))
            log.error(
                "could not move %r to %s (%s); it stays in the inbox for the next run",
                move.source.name,
                move.target.parent,
                exc,
            )
    load.record_arrivals(settings.paths.db, load_id, stayed)
    return failed


def _regular(path: Path) -> bool:
    """A regular file itself, not a link (a link's bytes belong to the file it names)."""
    return path.is_file() and not path.is_symlink()


def _arrival(path: Path, sha256: str | None, outcome: str, detail: str | None = None) -> Arrival:
    """A files row for an entry as it is now (its size, when it is still there)."""
    size = path.lstat().st_size if os.path.lexists(path) else None
    return Arrival(inbox.as_text(path.name), size, sha256, outcome, detail=detail)


def extract(
    docs: list[tuple[Path, CleanDoc]], settings: Settings
) -> tuple[list[Extraction], list[tuple[Path, Rejection]]]:
    """Entities and claims for English documents; others are stored without NLP. Extractions
    come back in the order of docs."""
    nlp = load_pipeline(settings.paths.model)
    capped = [(path, _cap(doc, settings.nlp.max_chars)) for path, doc in docs]
    english = [(path, doc) for path, doc in capped if doc.language == ENGLISH]
    for _, doc in capped:
        if doc.language == UNKNOWN:
            log.warning("%r: no language recognised; stored without NLP", doc.source_file)
    out = [Extraction(doc, [], [], []) for _, doc in capped if doc.language != ENGLISH]
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
                        Rejection(
                            doc.source_file,
                            "nlp",
                            getattr(exc, "reason", Reason.NLP_FAILED),  # OverBudget has its own
                            repr(exc)[:MAX_DETAIL_CHARS],
                            doc.doc_id,
                        ),
                    )
                )
    done = {x.doc.doc_id: x for x in out}
    return [done[doc.doc_id] for _, doc in capped if doc.doc_id in done], failures


def _annotate(nlp: Language, docs: list[CleanDoc], settings: Settings) -> list[Extraction]:
    """NLP and claims for docs, within one budget for all of them (OverBudget ends the call;
    extract then retries document by document, each with its own)."""
    texts = [_head(doc.text, settings.nlp.max_chars) for doc in docs]
    n = settings.nlp
    budget = start_budget(n.max_seconds, n.max_memory_mb, len(docs))
    return [
        Extraction(
            doc,
            entities_from_paragraphs(paras, doc.doc_id),
            claims_from_paragraphs(paras, doc.doc_id, doc.published_date, budget),
            aliases_from_paragraphs(paras, doc.doc_id),
            dates_from_paragraphs(paras, doc.doc_id, doc.published_date),
        )
        for doc, paras in zip(
            docs, annotate_texts(nlp, texts, n.batch_size, budget=budget), strict=True
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
