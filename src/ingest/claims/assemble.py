"""Claims from an annotated Doc: one per quantity span, with counted thing, actors, place and time."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ingest.annotate.paragraphs import Paragraph
from ingest.annotate.quantities import is_year
from ingest.budget import Budget, check
from ingest.claims.quantity import parse_quantity
from ingest.claims.roles import (
    SUBJECT_DEPS,
    TIME_UNITS,
    clause_head,
    counted_and_unit,
    dominant_place,
    governing_verb,
    outer_token,
    phrase,
    subject_of,
)
from ingest.claims.speakers import Named, Recent, full_name, sentence_speakers
from ingest.claims.timescope import NO_SCOPE, Scope, names_period, resolve_scope
from ingest.records import Claim, Entity

QUANTITIES_KEY = "quantities"
_CHANGE_CUE = re.compile(
    r"(?:\b(?:up|down)|\ban? (?:increase|decrease|rise|drop|decline) of),?\s*$", re.I
)
# Words before a DATE entity that belong to the time phrase ("since", "its inception in").
TIME_LEFT_CONTEXT = 6
# A date entity holding the figure itself ("11 days") that names no period loses to a period
# named within this many tokens of the figure ("on 11 days in August"), not to one further off
# ("is currently about six weeks, ..., down from nearly three months in the fall"). Set on the
# labelled sets.
OWN_DURATION_REACH = 3
_NOW_WORDS = frozenset({"currently", "now", "today"})
_CHANGE_WORDS = frozenset({"up", "down", "increase", "decrease", "rise", "drop", "compared"})
_SAYING = frozenset({"say", "says", "said", "tell", "tells", "told"})
DOCUMENT_NOUNS = frozenset(
    {"study", "report", "survey", "audit", "analysis", "review", "paper", "law"}
)
# Bounds that make a figure a threshold when a share of a group is the subject of its clause.
_THRESHOLD_BOUNDS = frozenset({"at_least", "more_than", "less_than", "at_most"})


def entities_from_paragraphs(paragraphs: list[Paragraph], doc_id: str) -> list[Entity]:
    """Every named entity with its label and character offsets in the cleaned text."""
    return [
        Entity(doc_id, e.text, e.label_, p.offset + e.start_char, p.offset + e.end_char)
        for p in paragraphs
        for e in p.doc.ents
    ]


def claims_from_paragraphs(
    paragraphs: list[Paragraph], doc_id: str, published: date | None, budget: Budget | None = None
) -> list[Claim]:
    """One Claim per quantity span that parses to a number.

    Args:
        paragraphs: the document's paragraphs, processed by the project pipeline.
        doc_id: the document's id, for provenance and claim ids.
        published: publication date that relative time phrases resolve against.
        budget: checked after each figure.
    Returns:
        Claims in text order, with offsets into the cleaned text.
    Raises:
        OverBudget: the budget ran out.
    """
    ents = [e for p in paragraphs for e in p.doc.ents]
    place = dominant_place(ents)
    named = Named.from_ents(ents)
    claims = []
    recent = Recent()
    elliptical: set[str] = set()
    for para in paragraphs:
        by_sentence, recent = sentence_speakers(para.doc, recent, named)
        speakers = {start: full_name(name, ents) for start, name in by_sentence.items()}
        first = len(claims)
        for span in para.doc.spans[QUANTITIES_KEY]:
            prev = claims[-1] if claims and claims[-1].sentence == span.sent.text else None
            previous = (prev.period_start, prev.period_end) if prev else NO_SCOPE
            check(budget, "claims")
            claim = _claim(span, doc_id, published, place, speakers, para.offset, previous)
            if claim is not None:
                if len(claims) > first and outer_token(span).dep_ in SUBJECT_DEPS:
                    elliptical.add(claim.claim_id)
                claims.append(claim)
    return inherit_counted(claims, elliptical)


def inherit_counted(claims: list[Claim], elliptical: set[str]) -> list[Claim]:
    """A figure with nothing counted takes what the sentence's previous figure of the same unit
    counts: "28 homicides last year, up from 20 in 2015, while New Haven had 13" -> homicides;
    so does a percentage change of it: "2,081 children in care, down 7 percent" -> children, and
    a figure standing alone as a subject (claim ids in elliptical) what the paragraph's figure
    before it counts: "19 kids have been missing since 1974. Three were listed since 2014."."""
    out: list[Claim] = []
    for claim in claims:
        prev = out[-1] if out else None
        same_sentence = prev is not None and prev.sentence == claim.sentence
        if (
            claim.counted is None
            and prev is not None
            and prev.counted is not None
            and (
                (same_sentence and (prev.unit == claim.unit or _changes_previous(claim)))
                or claim.claim_id in elliptical
            )
            and claim.unit not in TIME_UNITS
        ):
            claim = replace(claim, counted=prev.counted)
        out.append(claim)
    return out


def _changes_previous(claim: Claim) -> bool:
    """ "..., down 7 percent", "an increase of 12 percent": a relative change of the figure before."""
    if claim.unit not in ("percent", "percentage points"):
        return False
    before = claim.sentence[: claim.sentence.find(claim.quantity_text)]
    return _CHANGE_CUE.search(before) is not None


def _claim(
    span: Span,
    doc_id: str,
    published: date | None,
    place: str | None,
    speakers: dict[int, str],
    offset: int,
    previous: Scope,
) -> Claim | None:
    quantity = parse_quantity(span.text)
    if quantity is None or (quantity.bound in _THRESHOLD_BOUNDS and defines_group(span)):
        return None
    noun, measure_unit = counted_and_unit(span)
    verb = governing_verb(noun if noun is not None else span.root)
    start, end = time_scope(span, published, previous)
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
        # the subject of "said" is the speaker, in attributed_to ("reported 7,869 crimes" keeps it)
        subject=subject_of(verb, noun, span)
        if verb is not None and verb.lower_ not in _SAYING
        else None,
        attributed_to=speakers.get(sent.start),
        location=place_of(span) or place,
        period_start=start,
        period_end=end,
        char_start=offset + span.start_char,
        char_end=offset + span.end_char,
    )


def defines_group(span: Span) -> bool:
    """A bounded figure in the predicate of a clause whose subject is a share of a group: it
    defines the share ("97 percent of travelers waited less than 15 minutes", "2 in 5
    households spend more than half their income"), it is not a count of its own."""
    clause = clause_head(span.root)
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is None:
        return False
    return any(
        q.label_ in ("PERCENT", "RATIO")
        and q.start != span.start
        and subject.left_edge.i <= q.start <= subject.right_edge.i
        for q in span.doc.spans[QUANTITIES_KEY]
    )


def claim_id(doc_id: str, char_start: int) -> str:
    """Stable across re-runs: the same figure in the same document keeps its id."""
    return hashlib.sha256(f"{doc_id}:{char_start}".encode()).hexdigest()[:16]


def time_scope(span: Span, published: date | None, previous: Scope = NO_SCOPE) -> Scope:
    """The period of the time expression in the figure's clause, else one spanning more than a
    day in a clause that governs it ("In 2014, Roche told WBUR that 129 kids were missing"; not
    "police said Wednesday"), else the sentence's previous figure's period ("added 3,400 jobs in
    July, and the rate held at 3.7 percent"). Other clauses' dates are not taken: on the labelled
    set that raised time accuracy 0.864 -> 0.870.

    Time expressions are DATE and TIME entities (with the words before them: "since", "in") and
    the adverbs "currently", "now", "today".
    """
    sent = span.sent
    found = [
        (e.start, e.end, e.root)
        for e in sent.ents
        if e.label_ in ("DATE", "TIME") and not _dates_a_document(e)
    ]
    found += [  # a year the NER took for a count ("rose to 1,310 in 2023")
        (t.i, t.i + 1, t)
        for t in sent
        if t.ent_type_ == "CARDINAL" and is_year(t) and not (span.start <= t.i < span.end)
    ]
    found += [(t.i, t.i + 1, t) for t in sent if t.lower_ in _NOW_WORDS]
    clause = clause_head(span.root)
    in_clause = [f for f in found if clause_head(f[2]).i == clause.i]
    if in_clause:
        return _scope_near(span, in_clause, published)
    governing = [f for f in found if _governs(clause_head(f[2]), clause)]
    if governing:
        scope = _scope_near(span, governing, published)
        if scope != NO_SCOPE and scope[0] != scope[1]:
            return scope
    return previous


def _scope_near(span: Span, found: list[tuple[int, int, Token]], published: date | None) -> Scope:
    """The resolved period of the time expression nearest to the figure. Of two as near, one
    that names a period beats one that does not ("in 2017, a 13 percent increase over the year
    before"), then the one after the figure ("from 61 in 2020 to 412 in 2022": 412 is 2022's)."""
    doc, sent = span.doc, span.sent
    candidates = []
    for start, end, _ in found:
        left = doc[max(sent.start, start - TIME_LEFT_CONTEXT) : start]
        # the words before the date, back to the last number or date ("to 412 in 2022": "in")
        cut = max(
            (t.i + 1 for t in left if t.like_num or t.ent_type_ in ("DATE", "TIME")), default=0
        )
        words = [t.text for t in left if t.i >= cut and not t.is_punct]
        if _opens_since_clause(doc[start]):
            words = ["since"]  # "since Connecticut enacted the law in 2013" -> since 2013
        phrase = " ".join([*words, doc[start:end].text])
        if _is_comparison_base(doc, start, end, words):
            phrase = ""  # "up 5 points from 2019", "Tuesday's election": no period of the figure
        distance = min(abs(start - span.end), abs(span.start - end))
        if start < span.end and span.start < end and not names_period(phrase):
            distance += OWN_DURATION_REACH  # "on 11 days in August": August, not "11 days"
        candidates.append(((distance, not names_period(phrase), start < span.start), phrase))
    return resolve_scope(min(candidates)[1], published)


def _is_comparison_base(doc: Doc, start: int, end: int, words: list[str]) -> bool:
    """A date that is a change's baseline ("up 5 percentage points from 2019") or names an event
    ("Tuesday's election") rather than the period of a figure."""
    if end < len(doc) and doc[end].lower_ in ("'s", "’s"):
        return True
    before = {t.lower_ for t in doc[max(doc[start].sent.start, start - 8) : start]}
    return bool(words) and words[-1].lower() == "from" and bool(before & _CHANGE_WORDS)


def _dates_a_document(ent: Span) -> bool:
    """ "a 2019 study found ...": the year the study appeared, not the period its figures cover."""
    root = ent.root
    return (
        root.dep_ in ("amod", "compound", "nummod") and root.head.lemma_.lower() in DOCUMENT_NOUNS
    )


def _governs(date_clause: Token, clause: Token) -> bool:
    """The date's clause is one the figure's clause is nested in, or a "since" clause inside it."""
    if date_clause.i in {a.i for a in clause.ancestors}:
        return True
    return _opens_since_clause(date_clause) and clause.i in {a.i for a in date_clause.ancestors}


def _opens_since_clause(token: Token) -> bool:
    """ "since Connecticut enacted the law in 2013, there have been...": the date's clause is a
    "since" clause, so the date starts a period rather than filling one."""
    return any(
        c.lower_ == "since" and c.dep_ in ("mark", "case") for c in clause_head(token).children
    )


def place_of(span: Span) -> str | None:
    """The GPE in the figure's clause, else the one nearest to it in the sentence."""
    places = [e for e in span.sent.ents if e.label_ == "GPE"]
    if not places:
        return None
    clause = clause_head(span.root)
    return min(
        places,
        key=lambda e: (
            clause_head(e.root).i != clause.i,
            min(abs(e.start - span.end), abs(span.start - e.end)),
        ),
    ).text
