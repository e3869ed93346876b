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
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans, registry
from spacy.vocab import Vocab

from ingest.annotate.quantities import is_year

DATE_LABELS = frozenset({"DATE", "TIME"})
# Words the NER includes before an expression that TimeML leaves out as signals.
_SIGNALS = frozenset(
    "since from between in on during until till through by of at as before after".split()
)
# Signals that never end an expression ("fiscal 2023 on"; but "the year before").
_PREPOSITIONS = (_SIGNALS - {"before", "after"}) | {"and", "or", "to"}
# Words before a year the NER read as a count that make it a date ("rose to 1,310 in 2023"; not
# the "1920" of "1920 x 1080").
_YEAR_SIGNALS = frozenset(
    "in since from by until through of between and during before after".split()
)
# Words the NER leaves out before an expression that TimeML takes in, with a `mod` or as a
# determiner.
_MODIFIERS = frozenset("around about roughly approximately nearly almost early late mid".split())
_DETERMINERS = frozenset("this last next that".split())
_UNIT_WORDS = frozenset(
    "year years month months week weeks day days decade decades century centuries hour hours "
    "minute minutes second seconds".split()
)
_NAME_LABELS = frozenset({"ORG", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "FAC"})
# Parts of a year a year can follow ("the third quarter of 2022") or own ("1989's first half").
_YEAR_PARTS = frozenset({"quarter", "half"})
_PART_ORDINALS = frozenset({"first", "second", "third", "fourth", "final"})
_DAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow".split()
)
# A period named by the day it begins or ends on ("the quarter that ended June 30").
_PERIOD_WORDS = frozenset({"year", "quarter", "half", "months"})
_BOUND_VERBS = frozenset("begins beginning began starts starting started ends ending ended".split())
NOT_DATE = "NOT_DATE"  # pattern label: expressions that look temporal and are not
# Words joining the two ends of a range inside one entity ("June 1 through Aug. 20").
_RANGE_JOINERS = frozenset({"to", "through", "thru", "until", "and", "-", "–", "—"})
_MONTH_OR_DAY = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct "
    "oct. nov nov. dec dec. monday tuesday wednesday thursday friday saturday sunday".split()
)

# An entity the NER labelled DATE without any of these is an age or a count ("under 18").
_TEMPORAL = re.compile(
    r"\b\d{4}s?\b|\d+/\d+|'\d0s|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)"
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
    """Every temporal expression in doc, in text order, none overlapping another; of two that
    overlap the longer stays ("22 Dec, 2016" from the patterns over the NER's "2016")."""
    found = [
        part
        for ent in doc.ents
        if ent.label_ in DATE_LABELS and _TEMPORAL.search(ent.text)
        for part in _split(_with_year(_extend(_trim(ent))))
    ]
    found += [Span(doc, t.i, t.i + 1, label="DATE") for t in doc if _is_bare_year(t)]
    matched = matcher(doc, as_spans=True)
    found += [s for s in matched if s.label_ != NOT_DATE]
    blocked = {i for s in matched if s.label_ == NOT_DATE for i in range(s.start, s.end)}
    kept = [s for s in found if len(s) and not blocked.intersection(range(s.start, s.end))]
    return _with_bounds(_with_days(sorted(filter_spans(kept), key=lambda s: s.start)))


def _is_bare_year(token: Token) -> bool:
    """A year the NER read as a count after a preposition ("rose to 1,310 in 2023"), or took
    into a name ("the 2024 Global DevSecOps Report", "the Investment Company Act of 1940");
    not a dimension ("1800 x 1920")."""
    doc = token.doc
    if not is_year(token) or token.ent_type_ in DATE_LABELS:
        return False
    near = {doc[i].lower_ for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)}
    if near & {"x", "×", "by"}:
        return False
    if token.ent_type_ in _NAME_LABELS:
        return True
    return (
        token.ent_type_ == "CARDINAL" and token.i > 0 and doc[token.i - 1].lower_ in _YEAR_SIGNALS
    )


def _with_days(spans: list[Span]) -> list[Span]:
    """A clock time and the day right after it as one expression ("10:30 p.m. Tuesday")."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.label_ == "TIME"
            and prev.end == span.start
            and span[0].lower_ in _DAYS
            and len(span) == 1
        ):
            out[-1] = Span(span.doc, prev.start, span.end, label="TIME")
        else:
            out.append(span)
    return out


def _with_bounds(spans: list[Span]) -> list[Span]:
    """A period and the day it begins or ends on, which the NER tags apart, as one expression:
    "the fiscal year" that begins "July 1"."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        words = [t.lower_ for t in span.doc[prev.end : span.start]] if prev is not None else []
        if (
            prev is not None
            and prev[-1].lower_ in _PERIOD_WORDS
            and words
            and words[-1] in _BOUND_VERBS
            and words[:-1] in ([], ["that"])
        ):
            out[-1] = Span(span.doc, prev.start, span.end, label=prev.label_)
        else:
            out.append(span)
    return out


def _trim(ent: Span) -> Span:
    """The entity without the signal words and punctuation at its edges ("fiscal 2023 on",
    "as early as this month") and without a "just" that is no bound ("just 18 months")."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end - 1 and (
        doc[start].lower_ in _SIGNALS
        or (doc[start].lower_ in ("early", "late") and doc[start + 1].lower_ == "as")
        or (doc[start].lower_ == "just" and doc[start + 1].lower_ not in ("over", "under"))
    ):
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].lower_ in _PREPOSITIONS):
        end -= 1
    return Span(doc, start, end, label=ent.label_)


def _extend(span: Span) -> Span:
    """The span with the words before it that belong to the expression and the NER left out:
    a modifier ("around 10:30 p.m.", "late on Wednesday") or a determiner ("This year's")."""
    doc, start = span.doc, span.start
    if start > 0 and doc[start - 1].lower_ in _DETERMINERS and span[0].lower_ in _UNIT_WORDS:
        start -= 1
    if start > 1 and doc[start - 1].lower_ == "on" and doc[start - 2].lower_ in ("early", "late"):
        start -= 2
    elif start > 0 and doc[start - 1].lower_ in _MODIFIERS:
        start -= 1
    return Span(doc, start, span.end, label=span.label_)


def _with_year(span: Span) -> Span:
    """A part of a year with the year the NER left out of it: "the third quarter" of 2022,
    "1989's first half" (the NER's "1989")."""
    doc, end = span.doc, span.end
    words = [t.lower_ for t in doc[end : end + 4]]
    if span[-1].lower_ in _YEAR_PARTS and words[:1] == ["of"] and len(words) > 1:
        if is_year(doc[end + 1]):
            return Span(doc, span.start, end + 2, label=span.label_)
        if words[1] in _DETERMINERS and words[2:3] == ["year"]:
            return Span(doc, span.start, end + 3, label=span.label_)
    owned = words[:1] == ["'s"] and len(words) > 2 and words[1] in _PART_ORDINALS
    if len(span) == 1 and is_year(span[0]) and owned and words[2] in _YEAR_PARTS:
        return Span(doc, span.start, end + 3, label=span.label_)
    return span


def _split(span: Span) -> list[Span]:
    """A range inside one entity as its two ends: "2010-2015", "June 1 through Aug. 20",
    "between 2010 and 2015" (the signal already trimmed); "2016-17" stays one expression. A
    length before "later" or "earlier" is a duration of its own ("Seven decades later", "a week
    earlier this month": "a week" and "earlier this month")."""
    doc = span.doc
    for t in span[1:]:
        if t.lower_ in ("later", "earlier") and doc[t.i - 1].lower_ in _UNIT_WORDS:
            rest = [doc[t.i : span.end]] if t.i + 1 < span.end else []
            return [
                Span(doc, p.start, p.end, label=span.label_) for p in [doc[span.start : t.i], *rest]
            ]
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
