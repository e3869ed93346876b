"""A figure's unit as the unit finder wrote it, and whether two unit names mean the same unit."""

from __future__ import annotations

import pint
from spacy.tokens import Span

from ingest.annotate.numbers import CURRENCY
from ingest.annotate.units import UNITS_KEY, registry, sign_before, written_unit

_POWERS = {"square": "**2", "cubic": "**3"}


def unit_span(span: Span) -> Span | None:
    """The figure's unit in doc.spans["units"]: written after it or fused to its end."""
    units = span.doc.spans.get(UNITS_KEY, [])
    return next((u for u in units if span.end - 1 <= u.start <= span.end), None)


def unit_of(span: Span) -> str | None:
    """The unit written after the figure, else the currency of a sign kept out of it and written
    against it ("HK$200,000"). Spaced apart as in tokenized corpora ("HK$ 200,000"), the sign
    is left unread: read, it cost two blind sets counted things (session 12)."""
    unit = unit_span(span)
    if unit is not None:
        return unit.label_
    sign = span.doc[span.start - 1] if span.start > 0 else None
    return sign_before(sign.text) if sign is not None and not sign.whitespace_ else None


def settled_currency(span: Span, nationalities: frozenset[str]) -> str | None:
    """ "839 million francs" in an article on "the French aircraft group": the currency an
    ambiguous word after the figure names with the one nationality of the article that settles
    it ("French francs"), or None."""
    if span.end >= len(span.doc):
        return None
    word = span.doc[span.end].text
    found = {code for n in nationalities if (code := written_unit([n, word])) is not None}
    return found.pop() if len(found) == 1 else None


def with_unit(span: Span) -> Span:
    """The figure and its written unit: "240 kilometers an hour", "72,000 bpd"."""
    unit = unit_span(span)
    return span.doc[span.start : max(span.end, unit.end)] if unit is not None else span


def same_unit(a: str | None, b: str | None) -> bool:
    """Both absent, the same name, or names of the same unit ("kph" and "kilometer per hour",
    "microns" and "micron"); currencies by their code. "ratio" marks a kind of figure, no unit."""
    a, b = (None if u == "ratio" else u for u in (a, b))
    if a is None or b is None:
        return a is None and b is None
    if a.strip().lower() == b.strip().lower():
        return True
    if {a.upper(), b.upper()} & set(CURRENCY.values()):
        return False
    ua, ub = _pint_unit(a.strip()), _pint_unit(b.strip())
    if ua is None or ub is None:
        return False
    try:
        return abs(registry().Quantity(1, ua).to(ub).magnitude - 1) < 1e-9
    except pint.errors.DimensionalityError:
        return False


def _pint_unit(name: str) -> pint.Unit | None:
    """The pint unit a name spells ("square feet" -> foot ** 2, "miles per hour" -> mile / hour)."""
    words = written_unit(name.split()) or name
    power = next((p for shape, p in _POWERS.items() if words.startswith(shape + " ")), "")
    words = words.removeprefix("square ").removeprefix("cubic ")
    parts = [part.strip().replace(" ", "_") + power for part in words.split(" per ")]
    try:
        return registry().parse_units(" / ".join(parts))
    except (pint.errors.UndefinedUnitError, ValueError, AttributeError, TypeError):
        return None
