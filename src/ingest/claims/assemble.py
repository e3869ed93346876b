"""Claims from an annotated Doc: one per quantity span, with counted thing, actors, place and time."""

from __future__ import annotations

import hashlib
from datetime import date

from spacy.tokens import Doc, Span

from ingest.annotate.paragraphs import Paragraph
from ingest.claims.quantity import parse_quantity
from ingest.claims.roles import (
    counted_and_unit,
    dominant_place,
    full_name,
    governing_verb,
    is_quoted,
    phrase,
    speaker_in,
    subject_of,
)
from ingest.claims.timescope import NO_SCOPE, Scope, resolve_scope
from ingest.records import Claim, Entity

QUANTITIES_KEY = "quantities"
# Words before a DATE entity that belong to the time phrase ("since", "its inception in").
TIME_LEFT_CONTEXT = 6
_NOW_WORDS = frozenset({"currently", "now", "today"})


def entities_from_paragraphs(paragraphs: list[Paragraph], doc_id: str) -> list[Entity]:
    """Every named entity with its label and character offsets in the cleaned text."""
    return [
        Entity(doc_id, e.text, e.label_, p.offset + e.start_char, p.offset + e.end_char)
        for p in paragraphs
        for e in p.doc.ents
    ]


def claims_from_paragraphs(
    paragraphs: list[Paragraph], doc_id: str, published: date | None
) -> list[Claim]:
    """One Claim per quantity span that parses to a number.

    Args:
        paragraphs: the document's paragraphs, processed by the project pipeline.
        doc_id: the document's id, for provenance and claim ids.
        published: publication date that relative time phrases resolve against.
    Returns:
        Claims in text order, with offsets into the cleaned text.
    """
    ents = [e for p in paragraphs for e in p.doc.ents]
    place = dominant_place(ents)
    claims = []
    for para in paragraphs:
        speakers = {
            start: full_name(name, ents) for start, name in _sentence_speakers(para.doc).items()
        }
        for span in para.doc.spans[QUANTITIES_KEY]:
            claim = _claim(span, doc_id, published, place, speakers, para.offset)
            if claim is not None:
                claims.append(claim)
    return claims


def _claim(
    span: Span,
    doc_id: str,
    published: date | None,
    place: str | None,
    speakers: dict[int, str],
    offset: int,
) -> Claim | None:
    quantity = parse_quantity(span.text)
    if quantity is None:
        return None
    noun, measure_unit = counted_and_unit(span, quantity.unit is not None)
    verb = governing_verb(noun if noun is not None else span.root)
    start, end = time_scope(span, published)
    sent = span.sent
    return Claim(
        claim_id=claim_id(doc_id, offset + span.start_char),
        doc_id=doc_id,
        sentence=sent.text,
        quantity_text=span.text,
        value=quantity.value,
        value_high=quantity.value_high,
        bound=quantity.bound,
        bound_text=quantity.bound_text,
        unit=quantity.unit or measure_unit,
        counted=phrase(noun, span) if noun is not None else None,
        verb=verb.text if verb is not None else None,
        subject=subject_of(verb, noun) if verb is not None else None,
        attributed_to=speakers.get(sent.start),
        location=_place_in(sent) or place,
        period_start=start,
        period_end=end,
        char_start=offset + span.start_char,
        char_end=offset + span.end_char,
    )


def claim_id(doc_id: str, char_start: int) -> str:
    """Stable across re-runs: the same figure in the same document keeps its id."""
    return hashlib.sha256(f"{doc_id}:{char_start}".encode()).hexdigest()[:16]


def time_scope(span: Span, published: date | None) -> Scope:
    """The period of the DATE entity nearest the figure in its sentence, or "currently"."""
    sent = span.sent
    dates = [e for e in sent.ents if e.label_ == "DATE"]
    if dates:
        nearest = min(dates, key=lambda e: min(abs(e.start - span.end), abs(span.start - e.end)))
        left = sent.doc[max(sent.start, nearest.start - TIME_LEFT_CONTEXT) : nearest.start]
        words = [t.text for t in left if not t.is_punct]
        return resolve_scope(" ".join([*words, nearest.text]), published)
    if any(t.lower_ in _NOW_WORDS for t in sent):
        return resolve_scope("currently", published)
    return NO_SCOPE


def _place_in(sent: Span) -> str | None:
    return next((e.text for e in sent.ents if e.label_ == "GPE"), None)


def _sentence_speakers(doc: Doc) -> dict[int, str]:
    """Speaker per sentence start; quoted sentences without one borrow a neighbour's in the paragraph."""
    sents = list(doc.sents)
    own = [speaker_in(s) for s in sents]
    out: dict[int, str] = {}
    for i, sent in enumerate(sents):
        speaker = own[i]
        if speaker is None and is_quoted(sent):
            near = [own[j] for j in (i + 1, i - 1, i + 2, i - 2) if 0 <= j < len(sents) and own[j]]
            speaker = near[0] if near else None
        if speaker is not None:
            out[sent.start] = speaker
    return out
