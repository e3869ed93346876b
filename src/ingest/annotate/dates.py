"""The `ingest_date_finder` component: finds temporal expressions as spans in doc.spans["dates"].

It only finds; ingest.dates.resolve reads a span's text into a TIMEX3 value. The spans are the
NER's DATE and TIME entities, without the signal words the NER sometimes takes in ("since",
"between") and split where one entity holds two expressions ("between 2010 and 2015" is "2010"
and "2015", as TimeML annotates it); years the NER read as counts ("rose to 1,310 in 2023");
and the words the NER never tags ("now", "currently", "recently"), from patterns kept as data
in date_patterns.v1.json.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans, registry
from spacy.vocab import Vocab

from ingest.annotate.quantities import is_year

DATE_LABELS = frozenset({"DATE", "TIME"})
# Words the NER includes before an expression that TimeML leaves out as signals.
_SIGNALS = frozenset(
    "since from between in on during until till through by of at as before after".split()
)
# Words joining the two ends of a range inside one entity ("June 1 through Aug. 20").
_RANGE_JOINERS = frozenset({"to", "through", "thru", "until", "and", "-", "–", "—"})
_MONTH_OR_DAY = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct "
    "oct. nov nov. dec dec. monday tuesday wednesday thursday friday saturday sunday".split()
)

# An entity the NER labelled DATE without any of these is an age or a count ("under 18").
_TEMPORAL = re.compile(
    r"\d{4}|\d+/\d+|'\d0s|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
    r"|year|month|week|day|decade|centur|hour|minute|second|morning|afternoon|evening|night|noon"
    r"|midnight|spring|summer|fall|autumn|winter|quarter|fiscal|\bfy|now|current|recent|past|future"
    r"|ago|annual|daily|hourly|weekly|monthly|nightly|yearly|season|period|time|christmas|thanksgiving|easter|halloween|holiday|[ap]\.?m\b",
    re.I,
)


@registry.misc("ingest.date_patterns.v1")
def date_patterns_v1() -> list[dict]:
    """Matcher patterns for temporal words the NER does not tag, with the span label each gets."""
    return json.loads(files("ingest.annotate").joinpath("date_patterns.v1.json").read_text())


@Language.factory(
    "ingest_date_finder",
    assigns=["doc.spans"],
    requires=["doc.ents"],
    default_config={"spans_key": "dates", "patterns": {"@misc": "ingest.date_patterns.v1"}},
)
def make_date_finder(nlp: Language, name: str, spans_key: str, patterns: list[dict]) -> DateFinder:
    return DateFinder(nlp.vocab, name, spans_key=spans_key, patterns=patterns)


class DateFinder:
    """Writes the spans found by find_dates to doc.spans[spans_key]."""

    def __init__(self, vocab: Vocab, name: str, *, spans_key: str, patterns: list[dict]) -> None:
        self.name = name
        self.spans_key = spans_key
        self.matcher = Matcher(vocab)
        for entry in patterns:
            self.matcher.add(entry["label"], [entry["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = find_dates(doc, self.matcher)
        return doc


def find_dates(doc: Doc, matcher: Matcher) -> list[Span]:
    """Every temporal expression in doc, in text order, none overlapping another."""
    found = [
        part
        for ent in doc.ents
        if ent.label_ in DATE_LABELS and _TEMPORAL.search(ent.text)
        for part in _split(_trim(ent))
    ]
    found += [
        Span(doc, t.i, t.i + 1, label="DATE")
        for t in doc
        if t.ent_type_ == "CARDINAL" and is_year(t)
    ]
    taken = {i for span in found for i in range(span.start, span.end)}
    found += [
        span
        for span in matcher(doc, as_spans=True)
        if not any(i in taken for i in range(span.start, span.end))
    ]
    return sorted(filter_spans([s for s in found if len(s)]), key=lambda s: s.start)


def _trim(ent: Span) -> Span:
    """The entity without the signal words and punctuation at its edges ("fiscal 2023 on")."""
    start, end = ent.start, ent.end
    while start < end - 1 and ent.doc[start].lower_ in _SIGNALS:
        start += 1
    while end > start + 1 and (ent.doc[end - 1].is_punct or ent.doc[end - 1].lower_ in _SIGNALS):
        end -= 1
    return Span(ent.doc, start, end, label=ent.label_)


def _split(span: Span) -> list[Span]:
    """A range inside one entity as its two ends: "2010-2015", "June 1 through Aug. 20",
    "between 2010 and 2015" (the signal already trimmed); "2016-17" stays one expression."""
    doc = span.doc
    for t in span[1:-1]:
        if t.lower_ not in _RANGE_JOINERS:
            continue
        left, right = doc[span.start : t.i], doc[t.i + 1 : span.end]
        if t.text in "-–—":
            if len(left) == len(right) == 1 and is_year(left[0]) and is_year(right[0]):
                return _ends(span, left, right)
            continue
        opens = span.start > 0 and doc[span.start - 1].lower_ in ("between", "from")
        if (t.lower_ != "and" or opens) and _is_point(left) and _is_point(right):
            return _ends(span, left, right)
    return [span]


def _ends(span: Span, left: Span, right: Span) -> list[Span]:
    """The two ends of a range, labelled as the entity was."""
    return [Span(span.doc, p.start, p.end, label=span.label_) for p in (left, right)]


def _is_point(span: Span) -> bool:
    """A calendar date or year on its own ("2010", "June 1", "Aug. 20, 2016")."""
    return any(is_year(t) for t in span) or (
        span[0].lower_ in _MONTH_OR_DAY
        and all(t.like_num or t.lower_ in _MONTH_OR_DAY or t.is_punct for t in span)
    )
