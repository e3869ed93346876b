"""The steps of one batch of inbox files, as plain functions the flow wires into Prefect tasks.

Exactly once, in this order:
1. read each file (flow process); one already stored, or read earlier in this run, is only
   archived; an error in any per-file step quarantines that file alone;
2. clean, annotate and assemble claims (in a worker, which touches neither the warehouse nor the
   inbox, so a worker that dies leaves no trace);
3. plan every file's move, and commit the rows together with that plan in one transaction
   (flow process, batches in inbox order);
4. move the files.
A crash before 3 leaves no trace and the next run redoes the batch. A crash after 3 leaves files
in the inbox, and the next run's `recover` moves exactly those, as planned, before it lists the
inbox; so no file is processed twice and none is lost.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from ingest import inbox, load
from ingest.annotate.paragraphs import Paragraph, annotate_texts
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
from ingest.read import entry_digest, read_document
from ingest.records import Arrival, CleanDoc, Extraction, RawDoc, Rejection
from ingest.settings import Settings

log = logging.getLogger(__name__)

ENGLISH = "en"
CHANGED_AFTER_READING = "changed after it was read; its new bytes are ingested by the next run"
# Longest exception text kept in a quarantine row's detail (characters).
MAX_DETAIL_CHARS = 500

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Read:
    """A batch after reading: what the workers process, what is only archived or quarantined."""

    fresh: list[tuple[Path, RawDoc]]
    known: list[tuple[Path, str]]  # stored, or read earlier in this run: archive only
    rejected: list[tuple[Path, Rejection]]
    vanished: list[Path]  # listed, then gone from the inbox before the batch reached it

    @property
    def doc_ids(self) -> frozenset[str]:
        return frozenset(raw.doc_id for _, raw in self.fresh)


@dataclass(frozen=True, slots=True)
class Annotated:
    path: Path
    doc: CleanDoc
    paragraphs: list[Paragraph]  # [] for a document in another language


@dataclass(frozen=True, slots=True)
class Extracted:
    """A batch after the workers: extractions in inbox order, and the files a stage refused."""

    extractions: list[tuple[Path, Extraction]]
    rejected: list[tuple[Path, Rejection]]


@dataclass(frozen=True, slots=True)
class BatchResult:
    documents: int
    claims: int
    quarantined: int
    already_ingested: int
    not_moved: int  # rows committed but the move failed: the file stays for the next run
    vanished: int
    failed: dict[str, Rejection]  # doc_id -> why, for copies of it in later batches


def read_batch(paths: list[Path], settings: Settings, earlier: Set[str]) -> Read:
    """Read each file and set aside those already stored or among `earlier` (this run's doc_ids)."""
    p = settings.paths
    present = [path for path in paths if os.path.lexists(path)]
    if len(present) < len(paths):
        log.warning("%d listed files left the inbox before being read", len(paths) - len(present))
    raws = [
        (path, _contained("read", path, None, read_document, path, p.inbox, settings.read))
        for path in present
    ]
    ids = [raw.doc_id for _, raw in raws if isinstance(raw, RawDoc)]
    stored = load.known_documents(p.db, ids)
    done = set(earlier) | set(stored)
    fresh, known, rejected = [], [], []
    for path, raw in raws:
        if isinstance(raw, Rejection):
            rejected.append((path, raw))
        elif raw.doc_id in done:
            log.warning(
                "%r has the bytes of %r, already ingested (doc_id %s): archiving only",
                path.name,
                stored.get(raw.doc_id, "a file read earlier in this run"),
                raw.doc_id[:12],
            )
            known.append((path, raw.doc_id))
        else:
            done.add(raw.doc_id)
            fresh.append((path, raw))
    return Read(fresh, known, rejected, vanished=[p for p in paths if p not in present])


def clean_batch(
    fresh: list[tuple[Path, RawDoc]], settings: Settings
) -> tuple[list[tuple[Path, CleanDoc]], list[tuple[Path, Rejection]]]:
    """Clean each document: (cleaned, rejected), in input order."""
    today = datetime.now(UTC).date()
    clean = partial(clean_document, max_line_chars=settings.read.max_line_chars)
    cleaned, rejected = [], []
    for path, raw in fresh:
        result = _contained("clean", path, raw.doc_id, clean, raw, today)
        if isinstance(result, Rejection):
            rejected.append((path, result))
        else:
            cleaned.append((path, result))
    return cleaned, rejected


def annotate_batch(
    cleaned: list[tuple[Path, CleanDoc]], settings: Settings
) -> tuple[list[Annotated], list[tuple[Path, Rejection]]]:
    """spaCy over the English documents of a batch (document by document if the batch fails);
    others pass through unannotated. The pipeline is loaded once per process."""
    nlp = load_pipeline(settings.paths.model)
    max_chars = settings.nlp.max_chars
    docs = [(path, _cap(doc, max_chars)) for path, doc in cleaned]
    english = [(path, doc) for path, doc in docs if doc.language == ENGLISH]
    for _, doc in docs:
        if doc.language == UNKNOWN:
            log.warning("%r: no language recognised; stored without NLP", doc.source_file)
    n = settings.nlp

    def run(group: list[tuple[Path, CleanDoc]]) -> list[list[Paragraph]]:
        """One budget for the group (OverBudget ends it; then each document gets its own)."""
        texts = [head(doc.text, max_chars) for _, doc in group]
        budget = start_budget(n.max_seconds, n.max_memory_mb, len(group))
        return list(annotate_texts(nlp, texts, n.batch_size, budget=budget))

    paragraphs: dict[str, list[Paragraph]] = {}
    failed: list[tuple[Path, Rejection]] = []
    try:
        paragraphs = {doc.doc_id: p for (_, doc), p in zip(english, run(english), strict=True)}
    except Exception:  # isolate the document that breaks the batch
        log.exception("batch NLP failed; retrying document by document")
        for path, doc in english:
            try:
                paragraphs[doc.doc_id] = run([(path, doc)])[0]
            except Exception as exc:
                failed.append((path, _failure(doc, "nlp", exc)))
    gone = {r.doc_id for _, r in failed}
    kept = [Annotated(path, doc, paragraphs.get(doc.doc_id, [])) for path, doc in docs]
    return [a for a in kept if a.doc.doc_id not in gone], failed


def claims_batch(annotated: list[Annotated], settings: Settings) -> Extracted:
    """Entities, claims, aliases and dates of each annotated document, each within its own
    budget; a document whose assembly fails or runs over is quarantined alone."""
    n = settings.nlp
    out, failed = [], []
    for a in annotated:
        doc_id, published = a.doc.doc_id, a.doc.published_date
        try:
            budget = start_budget(n.max_seconds, n.max_memory_mb)
            extraction = Extraction(
                a.doc,
                entities_from_paragraphs(a.paragraphs, doc_id),
                claims_from_paragraphs(a.paragraphs, doc_id, published, budget),
                aliases_from_paragraphs(a.paragraphs, doc_id),
                dates_from_paragraphs(a.paragraphs, doc_id, published),
            )
        except Exception as exc:
            log.exception("claim assembly failed on %r", a.path.name)
            failed.append((a.path, _failure(a.doc, "claims", exc)))
            continue
        out.append((a.path, extraction))
    return Extracted(out, failed)


def load_batch(
    read: Read,
    extracted: Extracted,
    load_id: str,
    settings: Settings,
    failed_earlier: Mapping[str, Rejection],
) -> BatchResult:
    """Commit a batch's rows with its planned moves in one transaction, then move its files.

    Raises:
        WarehouseLocked: another process holds the warehouse (transient; files stay put).
    """
    p = settings.paths
    gone = [_arrival(path, None, "vanished") for path in read.vanished]
    load.record_arrivals(p.db, load_id, gone)
    new = [x for _, x in extracted.extractions]
    extractions = mark_duplicates(new, load.fingerprints(p.db)) if new else []
    refused = {r.doc_id: r for _, r in extracted.rejected if r.doc_id}
    failed = refused | dict(failed_earlier)
    rejected = (
        read.rejected
        + extracted.rejected
        + [
            (path, replace(failed[doc_id], source_file=inbox.as_text(path.name)))
            for path, doc_id in read.known
            if doc_id in failed  # a copy of a document a stage refused
        ]
    )
    known = [(path, doc_id) for path, doc_id in read.known if doc_id not in failed]
    archived = [(path, x.doc.doc_id) for path, x in extracted.extractions] + known
    moves = inbox.plan_moves(
        [(path, p.archive, doc_id) for path, doc_id in archived]
        + [(path, p.quarantine, r.doc_id) for path, r in rejected]
    )
    moved_to = [inbox.as_text(m.target) for m in moves[len(archived) :]]
    quarantine = [(r, target) for (_, r), target in zip(rejected, moved_to, strict=True)]
    load.write_batch(p.db, load_id, extractions, quarantine, moves)
    log.info("committed a batch of %d files (%d documents)", len(moves), len(extractions))
    not_moved = _carry_out(moves, settings, load_id)
    for path, rejection in rejected:
        log.warning("quarantined %r: %s (%s)", path.name, rejection.reason, rejection.detail)
    return BatchResult(
        documents=len(extractions),
        claims=sum(len(x.claims) for x in extractions),
        quarantined=len(rejected),
        already_ingested=len(known),
        not_moved=not_moved,
        vanished=len(read.vanished),
        failed=refused,
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


def _failure(doc: CleanDoc, stage: str, exc: Exception) -> Rejection:
    """The quarantine row of a document whose language processing failed."""
    detail = repr(exc)[:MAX_DETAIL_CHARS]
    reason = getattr(exc, "reason", Reason.NLP_FAILED)  # OverBudget has its own
    return Rejection(doc.source_file, stage, reason, detail, doc.doc_id)


def _holds(move: Move, settings: Settings) -> bool:
    """Whether the entry at move.source still holds the bytes its move was planned for."""
    return entry_digest(move.source, settings.paths.inbox, settings.read) == move.doc_id


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


def _cap(doc: CleanDoc, max_chars: int) -> CleanDoc:
    """Flag texts longer than max_chars: the full text is stored, NLP reads the first max_chars."""
    return replace(doc, truncated=True) if len(doc.text) > max_chars else doc


def head(text: str, max_chars: int) -> str:
    """At most max_chars of text, cut at a paragraph break so no sentence is split."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind("\n\n", 0, max_chars)
    return text[: cut if cut > 0 else max_chars]
