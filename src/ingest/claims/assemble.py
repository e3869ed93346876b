"""Claims from an annotated Doc: one per quantity span, with counted thing, actors, place and time."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ingest.annotate.numbers import multiple
from ingest.annotate.paragraphs import Paragraph
from ingest.annotate.units import TIME_UNITS, currency_codes
from ingest.annotate.verbs import is_one_of
from ingest.budget import Budget, check
from ingest.claims.quantity import parse_quantity
from ingest.claims.roles import (
    SUBJECT_DEPS,
    cap_verb,
    casualties,
    clause_head,
    counted_and_unit,
    dominant_place,
    governing_verb,
    outer_token,
    phrase,
    subject_of,
    trailing_cue,
    victims,
)
from ingest.claims.speakers import (
    Named,
    Recent,
    full_name,
    governing_speaker,
    is_data_noun,
    outside_the_report,
    sentence_speakers,
)
from ingest.claims.timescope import (
    NO_SCOPE,
    Scope,
    is_calendar_date,
    names_day,
    names_period,
    resolve_scope,
)
from ingest.claims.units import settled_currency, unit_of, with_unit
from ingest.dates.fiscal import fiscal_start_month
from ingest.dates.mentions import DATES_KEY
from ingest.dates.tense import direction_of
from ingest.records import Claim, Entity

QUANTITIES_KEY = "quantities"
_CHANGE_CUE = re.compile(
    r"(?:\b(?:up|down)|\ban? (?:increase|decrease|rise|drop|decline) of),?\s*$", re.I
)
# "..., nearly 50 percent more than in 2017": a share compared with the figure before it.
_COMPARED_CUE = re.compile(
    r"\s*(?:percent|%|percentage points?)?\s*(?:more|less|higher|lower|fewer|greater|above|below)\b",
    re.I,
)
# "that year", "the same year": the year named before ("By September of that year").
_THAT_YEAR = re.compile(r"\b(?:that|the same) year\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# Words before a DATE entity that belong to the time phrase ("since", "its inception in").
TIME_LEFT_CONTEXT = 6
# A date entity holding the figure itself ("11 days") that names no period loses to a period
# named within this many tokens of the figure ("on 11 days in August"), not to one further off
# ("is currently about six weeks, ..., down from nearly three months in the fall"). Set on the
# labelled sets.
OWN_DURATION_REACH = 3
# A length written as one hyphened modifier ("10-year note", "24-hour shift") names a kind.
_HYPHENED_LENGTH = re.compile(r"\S+-(?:year|month|week|day|hour|minute)s?", re.I)
_RELATIVE_ADVERBS = frozenset({"earlier", "later", "before", "after"})
_ANNUAL = frozenset({"annual", "annualized", "annualised"})
_RANGE_WORDS = frozenset({"to", "through", "thru", "until", "and", "-", "–", "—"})
# "839 million francs ($129.6 million)": the most words a currency or measure noun the unit
# finder has no name for may take between a figure and its restatement in brackets.
_MAX_UNNAMED_UNIT = 2
_CHANGE_WORDS = frozenset({"up", "down", "increase", "decrease", "rise", "drop", "compared"})
_SAYING = frozenset({"say", "says", "said", "tell", "tells", "told"})
# Verbs of saying and publishing, whose day dates the statement rather than its figures.
REPORTING_VERBS = frozenset(
    """say tell report announce release publish state note add write confirm estimate testify
    warn show find conclude explain argue claim cite disclose reveal unveil issue post""".split()
)
DOCUMENT_NOUNS = frozenset(
    {"study", "report", "survey", "audit", "analysis", "review", "paper", "law"}
)
# Nouns that only point back to what an earlier figure counts ("11 people ... 200 others";
# "The figure is currently about 3.3%", "that number can expand to 60": with nothing of their own).
ANAPHORIC_NOUNS = frozenset({"others", "other", "more", "figure", "number", "amount", "sum"})
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
    nationalities = frozenset(e.text for e in ents if e.label_ == "NORP")
    named = Named.from_ents(ents)
    claims = []
    recent = Recent()
    elliptical: set[str] = set()
    implied: dict[str, str] = {}
    settled: dict[str, str] = {}  # claim id -> currency of an ambiguous word ("francs")
    for para in paragraphs:
        by_sentence, recent = sentence_speakers(para.doc, recent, named)
        speakers = {start: full_name(name, ents) for start, name in by_sentence.items()}
        first = len(claims)
        last_span = None
        for span in para.doc.spans[QUANTITIES_KEY]:
            prev = claims[-1] if claims and claims[-1].sentence == span.sent.text else None
            previous = (prev.period_start, prev.period_end) if prev else NO_SCOPE
            check(budget, "claims")
            claim = _claim(span, doc_id, published, place, speakers, para.offset, previous)
            if (
                claim is not None
                and claim.unit is None
                and (currency := settled_currency(span, nationalities))
            ):
                settled[claim.claim_id] = currency
            governing = (
                governing_speaker(span, named)
                if claim is not None and not outside_the_report(span)
                else None
            )
            if claim is not None and governing is not None:
                claim = replace(claim, attributed_to=full_name(governing, ents))
            if claim is not None:
                if claim.counted is None and (people := victims(span)):
                    claim = replace(claim, counted=people)
                if claim.counted is None and (people := casualties(span)):
                    implied[claim.claim_id] = people  # unless a noun before it counts
                if claim.counted is not None and claim.counted.lower() in ANAPHORIC_NOUNS:
                    claim = replace(claim, counted=None)  # "three others": others of what?
                    if len(claims) > first:
                        elliptical.add(claim.claim_id)
                if len(claims) > first and (
                    outer_token(span).dep_ in SUBJECT_DEPS
                    or (claim.counted is None and claim.unit is None)
                ):
                    elliptical.add(claim.claim_id)
                if prev is not None and last_span is not None and restates(span, last_span):
                    claim = restated(claim, prev)
                if prev is not None and last_span is not None and ends_change(span, last_span):
                    claim = replace(claim, counted=claim.counted or prev.counted)
                claims.append(claim)
                last_span = span
    claims = [
        replace(c, counted=implied[c.claim_id])
        if c.counted is None and c.claim_id in implied
        else c
        for c in inherit_counted(claims, elliptical)
    ]
    return [replace(c, unit=settled[c.claim_id]) if c.claim_id in settled else c for c in claims]


def restates(span: Span, before: Span) -> bool:
    """ "more than 3,600 kilometers (2,200 miles)", "$3.1bn (£2.4bn)", "Three-quarters (74%) of
    respondents": a figure in brackets right after another figure states it again."""
    if span.start == 0 or span.doc[span.start - 1].text != "(":
        return False
    between = span.doc[with_unit(before).end : span.start - 1]
    # "800 million marks ($434.4 million)": a currency or measure noun the finder has no unit for
    return len(between) <= _MAX_UNNAMED_UNIT and all(t.pos_ in ("NOUN", "PROPN") for t in between)


def ends_change(span: Span, change: Span) -> bool:
    """ "were up 0.2% to $127.03 billion", "down 13% from $1.69": a figure the parse hangs on a
    change with "to" or "from" is where the changed thing ended or began."""
    outer = outer_token(span)
    return outer.head.i in range(change.start, change.end + 1) and any(
        c.dep_ == "case" and c.lower_ in ("to", "from") for c in outer.children
    )


def restated(claim: Claim, original: Claim) -> Claim:
    """A restatement keeps the original's counted thing where it names none; a conversion into
    another unit also keeps its bound ("more than 3,600 kilometers (2,200 miles)"), a share put
    exactly does not ("Three-quarters (74%)")."""
    converts = claim.unit is not None and original.unit not in (None, claim.unit)
    bounded = converts and claim.bound == "exact"
    return replace(
        claim,
        bound=original.bound if bounded else claim.bound,
        bound_text=original.bound_text if bounded else claim.bound_text,
        counted=claim.counted or original.counted,
    )


def inherit_counted(claims: list[Claim], elliptical: set[str]) -> list[Claim]:
    """A figure with nothing counted takes what the sentence's previous figure of the same unit
    counts: "28 homicides last year, up from 20 in 2015, while New Haven had 13" -> homicides;
    so does a percentage change of it: "2,081 children in care, down 7 percent" -> children, and
    a figure standing alone as a subject, counting "others", or a bare count with no noun
    (claim ids in elliptical) what the paragraph's figure before it counts, where both are
    amounts of money or neither is: "19 kids have been missing since 1974. Three were listed
    since 2014.", "sickened 11 people ... 200 others may have been exposed", "the department has
    25 crews ... that number can expand to 60"."""
    out: list[Claim] = []
    for claim in claims:
        prev = out[-1] if out else None
        same_sentence = prev is not None and prev.sentence == claim.sentence
        if (
            claim.counted is None
            and prev is not None
            and prev.counted is not None
            and (
                (
                    same_sentence
                    and (
                        prev.unit == claim.unit
                        or _changes_previous(claim)
                        or _share_of(prev, claim)
                    )
                )
                or (claim.claim_id in elliptical and _is_money(prev) == _is_money(claim))
            )
            and claim.unit not in TIME_UNITS
        ):
            claim = replace(claim, counted=prev.counted)
        out.append(claim)
    return out


def _is_money(claim: Claim) -> bool:
    """An amount of money: a count's noun is nothing it could be ("170,000 copies ... asking
    $100 million")."""
    return claim.unit in currency_codes()


def _share_of(prev: Claim, claim: Claim) -> bool:
    """ "a survey of 2,508 employees shows 82% with a degree": a share with nothing of its own
    counted after a count of things is a share of those things."""
    return claim.unit == "percent" and prev.unit is None


def _changes_previous(claim: Claim) -> bool:
    """ "..., down 7 percent", "an increase of 12 percent", "..., 15 percent fewer than in 2019":
    a relative change of the figure before."""
    if claim.unit not in ("percent", "percentage points"):
        return False
    at = claim.sentence.find(claim.quantity_text)
    after = claim.sentence[at + len(claim.quantity_text) :]
    return _CHANGE_CUE.search(claim.sentence[:at]) is not None or bool(_COMPARED_CUE.match(after))


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
    capping = cap_verb(span) if quantity.bound == "exact" else None
    if capping is not None:
        quantity = replace(quantity, bound="at_most", bound_text=capping.text)
    trailing = trailing_cue(span) if quantity.bound == "exact" else None
    if trailing is not None:
        quantity = replace(quantity, bound=trailing[1], bound_text=trailing[0])
    noun, measure_unit = counted_and_unit(span)
    verb = governing_verb(span, noun)
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
        unit=quantity.unit or unit_of(span) or measure_unit,
        counted=phrase(noun, with_unit(span)) if noun is not None else None,
        verb=verb.text if verb is not None else None,
        # the subject of "said" is the speaker, in attributed_to ("reported 7,869 crimes" keeps it)
        subject=subject_of(verb, noun, span)
        if verb is not None and verb.lower_ not in _SAYING
        else None,
        attributed_to=None if outside_the_report(span) else speakers.get(sent.start),
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
        and not restates(q, span)  # "Over half (55%) of respondents": the figure itself
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

    Time expressions are the date finder's spans (doc.spans["dates"]), a range's two ends taken
    together ("between 2010 and 2015").
    """
    found = [
        f
        for f in _ranges(list(span.doc.spans[DATES_KEY]), span.sent)
        if not _dates_a_document(f[0])
        and not _is_figure_year(f[0], span)
        and not _is_rate_or_length(f[0])
        and not _dates_a_baseline_after(span, f[0])
    ]
    clause = clause_head(span.root)
    anchors = [_anchor(f[0]) for f in found]
    in_clause = [f for f, a in zip(found, anchors, strict=True) if clause_head(a).i == clause.i]
    if in_clause:
        return _scope_near(span, in_clause, published, previous)
    governing = [
        (f, clause_head(a))
        for f, a in zip(found, anchors, strict=True)
        if _governs(clause_head(a), clause) and not _dates_a_noun(a)
    ]
    if governing:
        scope = _scope_near(span, [f for f, _ in governing], published, previous)
        reported = any(_reports(head, clause) for _, head in governing)
        if scope != NO_SCOPE and (scope[0] != scope[1] or not reported):
            return scope
    if anchors and all(map(_dates_a_noun, anchors)):
        return NO_SCOPE  # "Its 1988 sales were $80 million, and it has 300 employees"
    return previous


def _anchor(date_span: Span) -> Token:
    """Where a time expression hangs in its sentence: its first common noun the parse hangs
    outside it ("the quarter ended June 30": quarter, not the verb the parse made the span's
    root), else its root."""
    return next(
        (
            t
            for t in date_span
            if t.pos_ == "NOUN" and not date_span.start <= t.head.i < date_span.end
        ),
        date_span.root,
    )


def _dates_a_noun(anchor: Token) -> bool:
    """ "1988 sales of 800 million marks ... and a current backlog of 2.5 billion": a date
    modifying a noun dates that noun's figures, not the clauses coordinated with its own; a
    source's date dates what it found ("in our 2013 research we found that ...")."""
    head = anchor.head
    return (
        anchor.dep_ in ("compound", "amod", "nmod:poss", "nummod")
        and head.pos_ == "NOUN"
        and not is_data_noun(head)
    )


_Found = tuple[Span, list[Span]]  # the whole expression and its ends (two for a range)


def _ranges(dates: list[Span], sent: Span) -> list[_Found]:
    """The sentence's date spans, a range's two ends joined: "from June 1 through Aug. 20",
    "between 2010 and 2015", "2010-2015"."""
    doc = sent.doc
    inside = [d for d in dates if sent.start <= d.start and d.end <= sent.end]
    out: list[_Found] = []
    for d in inside:
        if out and len(out[-1][1]) == 1 and _joins(doc, out[-1][0], d):
            first = out[-1][0]
            out[-1] = (doc[first.start : d.end], [first, d])
        else:
            out.append((d, [d]))
    return out


def _joins(doc: Doc, first: Span, second: Span) -> bool:
    """Only a range word between two calendar dates, "and" only after "between" ("sentenced
    Wednesday to 12 years" is no range)."""
    between = doc[first.end : second.start]
    if len(between) != 1 or between[0].lower_ not in _RANGE_WORDS:
        return False
    if not (is_calendar_date(first.text) and is_calendar_date(second.text)):
        return False
    opener = doc[first.start - 1].lower_ if first.start > 0 else ""
    return between[0].lower_ != "and" or opener == "between"


def _dates_a_baseline_after(span: Span, date_span: Span) -> bool:
    """ "13 percent of spending, up from 6.6 percent in 2017": a date after a later figure that
    is a change's starting point ("from") dates that baseline, not the figure before it; so does
    a date in what a multiple compares with ("double the number in 2017")."""
    doc = span.doc
    if multiple(span[-1].lower_) is not None and date_span.start >= span.end:
        return True
    return any(
        span.end <= q.start < date_span.start
        and any(t.lower_ == "from" for t in doc[max(span.end, q.start - 2) : q.start])
        for q in doc.spans[QUANTITIES_KEY]
    )


def _is_rate_or_length(date_span: Span) -> bool:
    """ "every year", "per night", "$22 an hour", "for a year", "an annual rate": a recurrence
    or a bare length is no period of a figure."""
    doc, end = date_span.doc, date_span.end
    counted_from = end < len(doc) and doc[end].lower_ in _RELATIVE_ADVERBS  # "a year earlier"
    return (
        date_span.label_ == "SET"
        or date_span.text.lower() in _ANNUAL  # "at an annual rate of 5.3%"
        or (len(date_span) == 2 and date_span[0].lower_ in ("a", "an", "per") and not counted_from)
        or _HYPHENED_LENGTH.fullmatch(date_span.text) is not None  # "the 10-year Treasury note"
    )


def _is_figure_year(date_span: Span, span: Span) -> bool:
    """A year the NER read as a count inside the figure itself is the figure, not its date."""
    return date_span[0].ent_type_ == "CARDINAL" and span.start <= date_span.start < span.end


def _scope_near(span: Span, found: list[_Found], published: date | None, previous: Scope) -> Scope:
    """The resolved period of the time expression nearest to the figure. Of two as near, one
    that names a period beats one that does not ("in 2017, a 13 percent increase over the year
    before"), then the one after the figure ("from 61 in 2020 to 412 in 2022": 412 is 2022's)."""
    doc, sent = span.doc, span.sent
    candidates = []
    for whole, ends in found:
        start, end = whole.start, whole.end
        left = doc[max(sent.start, start - TIME_LEFT_CONTEXT) : start]
        # the words before the date, back to the last number or date ("to 412 in 2022": "in")
        cut = max(
            (t.i + 1 for t in left if t.like_num or t.ent_type_ in ("DATE", "TIME")), default=0
        )
        words = [t.text for t in left if t.i >= cut and not t.is_punct]
        if _opens_since_clause(doc[start]):
            words = ["since"]  # "since Connecticut enacted the law in 2013" -> since 2013
        texts = [_year_referred_to(e) for e in ends]
        if (
            end < sent.end
            and doc[end].lower_ in _RELATIVE_ADVERBS
            and doc[end].dep_ not in ("case", "mark")  # "on Tuesday after a protest": a preposition
        ):
            texts[-1] += " " + doc[end].text  # "a year earlier": counted from the figure before
        if _is_comparison_base(doc, start, end, words):
            texts = []  # "up 5 points from 2019", "Tuesday's election": no period of the figure
        signal = " ".join(words)
        named = bool(texts) and names_period(signal, texts)
        distance = min(abs(start - span.end), abs(span.start - end))
        if start < span.end and span.start < end and not named:
            distance += OWN_DURATION_REACH  # "on 11 days in August": August, not "11 days"
        candidates.append(((distance, not named, start < span.start), signal, texts, ends[0]))
    if any(_serves(c[1], c[2]) for c in candidates):
        # "approved a budget early Wednesday for the fiscal year that begins July 1": the day
        # dates the act, the period the figure is for is its own
        candidates = [
            c for c in candidates if _serves(c[1], c[2]) or not (c[2] and names_day(c[1], c[2]))
        ]
    _, signal, texts, first = min(candidates, key=lambda c: c[0])
    if not texts:
        return NO_SCOPE
    direction = direction_of(first)
    if signal.lower().split()[-1:] == ["by"] and (direction or direction_of(span)) == "past":
        # the figure's own tense where the parse hung the date on no verb
        return _reached_by(signal, texts, published, previous)
    fiscal = fiscal_start_month(doc)
    return resolve_scope(signal, texts, published, direction or "past", previous, fiscal)


def _serves(signal: str, texts: list[str]) -> bool:
    """ "for the fiscal year", "for 2025": a period a figure is meant for."""
    return signal.lower().split()[-1:] == ["for"] and bool(texts) and names_period(signal, texts)


def _reached_by(signal: str, texts: list[str], published: date | None, previous: Scope) -> Scope:
    """ "By March of '68 the Dow had fallen to 825": a past date the figure had been reached by
    is the period it held in; one after publication is still a target ("by 2030")."""
    scope = resolve_scope(
        signal.rsplit(maxsplit=1)[0] if " " in signal else "", texts, published, "past", previous
    )
    if published is None or scope[1] is None or scope[1] > published:
        return NO_SCOPE
    return scope


def _year_referred_to(date_span: Span) -> str:
    """ "By September of that year": "that year" is the last year the paragraph named before the
    sentence ("The Dow topped out in February of 1966 ...")."""
    text = date_span.text
    if not _THAT_YEAR.search(text):
        return text
    doc, start = date_span.doc, date_span.sent.start
    years = [
        m.group(0) for d in doc.spans[DATES_KEY] if d.end <= start for m in _YEAR.finditer(d.text)
    ]
    return _THAT_YEAR.sub(years[-1], text) if years else text


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
    if root.dep_ in ("amod", "compound", "nummod") and root.head.lemma_.lower() in DOCUMENT_NOUNS:
        return True
    return _names_a_thing(ent)


def _names_a_thing(ent: Span) -> bool:
    """ "the February 26th test", "the March 3 storage sheet": a date written before a noun as
    its modifier names that thing (an event, a document), not the period of a figure."""
    root, head = ent.root, ent.root.head
    return (
        root.dep_ in ("compound", "amod")
        and head.pos_ == "NOUN"
        and head.i == ent.end
        and head.ent_type_ not in ("DATE", "TIME")
        and not any(t.is_digit and len(t.text) == 4 for t in ent)  # "the 2019 season" is a year
        and ent.label_ != "SET"
        and is_calendar_date(ent.text)  # not "daily boardings", which recur
    )


def _reports(verb: Token, clause: Token) -> bool:
    """ "police said Wednesday", "officials divulged Thursday that ...": the day of a statement is
    not the period of the figures it reports, the day of an event is ("opened fire on Wednesday,
    killing at least 19 people"). A statement is a verb of saying or one whose clausal
    complement the figure's clause is."""
    if is_one_of(verb, REPORTING_VERBS):
        return True
    token = clause
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in ("ccomp", "parataxis"):
            return True
        token = token.head
    return False


_RELATIVIZERS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _is_relative_clause(verb: Token) -> bool:
    """A relative clause with its relative word ("which serves", "where the deck"): the parse
    also tags a main clause after a fronted phrase so ("By April of '71 the Dow had climbed")."""
    return verb.dep_ == "acl:relcl" and any(c.tag_ in _RELATIVIZERS for c in verb.children)


def _governs(date_clause: Token, clause: Token) -> bool:
    """The date's clause is one the figure's clause is nested in, not through a relative clause
    ("the league, which serves 600 children, canceled its season in 2017"), or a "since" clause
    inside it."""
    token = clause
    while token.head.i != token.i and not _is_relative_clause(token):
        token = token.head
        if token.i == date_clause.i:
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
