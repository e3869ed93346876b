"""The `ingest_quantity_finder` component: finds figures and their bound cues as spans.

It only finds; claims/quantity.py reads a span's text into value, bound and unit. Spans land in
doc.spans["quantities"] labelled CARDINAL, PERCENT, MONEY or RATIO.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.annotate.masks import masked_ranges, overlaps
from ingest.annotate.numbers import (
    BOUND_CUES,
    CURRENCY,
    MAX_CUE_WORDS,
    is_number_word,
)

NOT_QUANTITY_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
_AGE_CUES = ("age of", "aged", "ages", "under the age of", "over the age of")
_AGE_BOUNDS = frozenset({"under", "over"})
_PERCENT_TAILS = (
    ("percentage", "points"),
    ("percentage", "point"),
    ("per", "cent"),
    ("percent",),
    ("%",),
)
_YEARS = range(1800, 2101)
# "a 16 and 17-year-old girl": ages describing a person, not counts.
_AGE_TAIL = re.compile(r"(?:\s*(?:and|or|to|-)\s*\d+)?\s*-?\s*years?-old", re.I)


@Language.factory(
    "ingest_quantity_finder",
    assigns=["doc.spans"],
    requires=["doc.ents", "token.pos", "token.tag"],
    default_config={"spans_key": "quantities"},
)
def make_quantity_finder(nlp: Language, name: str, spans_key: str) -> QuantityFinder:
    return QuantityFinder(name, spans_key=spans_key)


class QuantityFinder:
    """Writes the spans found by find_quantities to doc.spans[spans_key]."""

    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = find_quantities(doc)
        return doc


def find_quantities(doc: Doc) -> list[Span]:
    """Every figure in doc, with its bound cue, that is not a date, identifier or age."""
    masks = masked_ranges(doc.text)
    blocked = {t.i for ent in doc.ents if ent.label_ in NOT_QUANTITY_LABELS for t in ent}
    blocked |= {t.i for t in doc if overlaps(t.idx, t.idx + len(t), masks)}
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        if i in blocked or not (_is_num(doc[i]) or _is_zero_determiner(doc[i])):
            i += 1
            continue
        end = _extend(doc, i, blocked)
        span = _with_cue(doc, i, end)
        if not _is_noise(doc, span, i, end):
            spans.append(span)
        i = end
    return spans


def _is_num(token: Token) -> bool:
    return token.like_num or is_number_word(token.lower_)


def _is_zero_determiner(token: Token) -> bool:
    """ "no arrests": a zero claim stated with a determiner before a plural noun."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ == "no" and nxt is not None and nxt.tag_ == "NNS"


def _extend(doc: Doc, start: int, blocked: set[int]) -> int:
    """End (exclusive) of the figure starting at start: scales, "and a half", ranges, %, +."""
    end = start + 1
    if doc[start].lower_ == "no":
        return end
    while end < len(doc):
        words = [t.lower_ for t in doc[end : end + 3]]
        nxt_num = end + 1 < len(doc) and _is_num(doc[end + 1]) and end + 1 not in blocked
        if (
            _is_num(doc[end])
            and end not in blocked
            and not (doc[end].is_digit and doc[end - 1].is_digit)
        ):
            end += 1
        elif words[:3] == ["and", "a", "half"]:
            end += 3
        elif (words[0] in ("-", "–", "—", "to", "in") and nxt_num) or (
            words[0] == "and" and nxt_num and _cue_before(doc, start) == "between"
        ):
            end += 2
        elif words[:2] == ["out", "of"] and end + 2 < len(doc) and _is_num(doc[end + 2]):
            end += 3
        else:
            break
    for tail in _PERCENT_TAILS:
        if tuple(t.lower_ for t in doc[end : end + len(tail)]) == tail:
            return end + len(tail)
    return end + 1 if end < len(doc) and doc[end].text == "+" else end


def _cue_before(doc: Doc, start: int) -> str | None:
    """The bound cue ending right before start, if any ("just under", "between")."""
    for n in range(MAX_CUE_WORDS, 0, -1):
        if start - n >= 0:
            words = " ".join(t.lower_ for t in doc[start - n : start])
            if any(words == cue for cue, _ in BOUND_CUES):
                return words
    return None


def _with_cue(doc: Doc, start: int, end: int) -> Span:
    """The figure's span, widened left over a currency sign and a bound cue."""
    if start > 0 and doc[start - 1].text in CURRENCY:
        start -= 1
    cue = _cue_before(doc, start)
    is_range = any(t.lower_ in ("-", "–", "—", "to", "and") for t in doc[start:end])
    if cue and (cue not in ("between", "from") or is_range):
        start -= len(cue.split())
    label = "CARDINAL"
    text = doc[start:end].text.lower()
    if "%" in text or "percent" in text or "per cent" in text:
        label = "PERCENT"
    elif any(sign in text for sign in CURRENCY):
        label = "MONEY"
    elif " in " in text or "out of" in text:
        label = "RATIO"
    return Span(doc, start, end, label=label)


def _is_noise(doc: Doc, span: Span, num_start: int, num_end: int) -> bool:
    """Years standing alone, a bare "one", and ages in definitions ("under 18") are not figures."""
    if _AGE_TAIL.match(doc.text, span.end_char):
        return True
    first = doc[num_start]
    after = doc[num_end] if num_end < len(doc) else None
    noun_follows = (
        after is not None
        and after.pos_ in ("NOUN", "PROPN", "ADJ")
        and after.lower_ not in ("years", "year")
    )
    single = num_end - num_start == 1
    if (
        single
        and first.is_digit
        and len(first) == 4
        and int(first.text) in _YEARS
        and not noun_follows
    ):
        return True
    if single and first.lower_ == "one" and span.start == num_start:
        return True
    before = " ".join(t.lower_ for t in doc[max(0, num_start - 4) : num_start])
    if before.endswith(_AGE_CUES):
        return True
    return (
        num_start > 0
        and doc[num_start - 1].lower_ in _AGE_BOUNDS
        and not noun_follows
        and span.label_ == "CARDINAL"
    )
