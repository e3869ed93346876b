"""The `ingest_unit_finder` component: the unit written with each figure ("1.6 GW", "55 mph",
"2.5 microns", "97 kph", "10,000 square feet", "2GW"), as spans in doc.spans["units"] labelled
with the unit's name.

The lexicon is pint's unit table (names, symbols and aliases, SI prefixes on the units news
prefixes), less the English words pint also reads as units ("are", "league", "units"); see
patterns/units.json. A unit the project already names (numbers.MEASURE_UNITS: "years", "miles",
"mph") keeps that name; any other is named by pint ("gigawatt", "kilometer per hour").
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

import pint
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.annotate.numbers import CURRENCY, MEASURE_UNITS

UNITS_KEY = "units"
# "miles per hour", "km / h", "square feet": the most words a unit is written in.
MAX_UNIT_WORDS = 3
_FUSED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([^\d\W]+)$")
_SHAPES = frozenset({"square", "cubic"})
CURRENCY_CODES = frozenset(CURRENCY.values())
# Time symbols too short for the lexicon, read only under a rate ("km/h").
_PER_SYMBOLS = {"h": "hours", "s": "seconds"}
_SMALL_CHANGE = frozenset({"cents", "pence"})
TIME_UNITS = frozenset({"seconds", "minutes", "hours", "days", "weeks", "months", "years"})
_RELATIVE_TIME = frozenset({"ago", "earlier", "before", "later"})


@cache
def unit_data() -> dict:
    """patterns/units.json: prefixable units, prefixes, words that are no units, scale letters."""
    text = resources.files("ingest.annotate").joinpath("patterns/units.json").read_text("utf-8")
    return json.loads(text)


@cache
def registry() -> pint.UnitRegistry:
    return pint.UnitRegistry()


@cache
def lexicon() -> dict[str, str]:
    """Every written form of a unit (name, plural, symbol, alias, prefixed form) -> its name."""
    reg, data = registry(), unit_data()
    stop = set(data["not_units"])
    forms: dict[str, str] = {}
    for definition in reg._units.values():  # pint's unit table; no public accessor lists aliases
        name = definition.name
        if name in stop or (reg.Unit(name).dimensionless and name not in data["prefixable"]):
            continue
        for form, spoken in _written_forms(reg, definition, name in data["prefixable"]):
            if len(form) > 1 and form not in stop and form.lower() not in stop:
                forms.setdefault(form, spoken)
    return forms


def _written_forms(reg: pint.UnitRegistry, definition, prefixable: bool) -> list[tuple[str, str]]:
    """(form, name) for a unit's name, plural, symbol, aliases, and its SI-prefixed forms."""
    spoken = definition.name.replace("_", " ")
    names = [definition.name, *(a for a in definition.aliases if a.isalpha())]
    symbol = definition.symbol or ""
    plurals = [n + "s" for n in (*names, spoken)]
    out = [(f, spoken) for f in (*names, spoken, *plurals, symbol, *definition.aliases)]
    out += [(symbol + "s", spoken)] if len(symbol) > 1 and symbol.isalpha() else []
    if prefixable:
        for prefix in unit_data()["prefixes"]:
            full = prefix + spoken
            out += [(prefix + n + s, full) for n in names for s in ("", "s")]
            out.append((reg._prefixes[prefix].symbol + symbol, full))
    return out


@cache
def currency_codes() -> frozenset[str]:
    """Every code a figure's currency is named by: its sign's, a currency word's, a place's
    dollar's."""
    data = unit_data()
    return frozenset(
        {*CURRENCY.values(), *data["currency_names"].values(), *data["signs_before"].values()}
        | {code for code in data["words"].values() if code.isupper()}
    )


def unit_name(text: str) -> str | None:
    """The name of the unit written as text ("GW" -> "gigawatt", "miles" -> "miles"), or None."""
    lower = text.lower()
    if lower in MEASURE_UNITS or lower in MEASURE_UNITS.values():
        return MEASURE_UNITS.get(lower, lower)
    if lower in unit_data()["words"]:
        return unit_data()["words"][lower]
    found = lexicon().get(text) or lexicon().get(lower)
    return MEASURE_UNITS.get(found, found) if found else None


def sign_before(text: str) -> str | None:
    """The currency a dollar sign kept out of the figure names ("NT$", "HK$"), or None."""
    return unit_data()["signs_before"].get(text)


def written_unit(words: list[str]) -> str | None:
    """The unit the words spell ("miles per hour", "km / h", "square feet"), or None."""
    if len(words) == 1:
        return unit_name(words[0])
    currency = unit_data()["currency_names"].get(" ".join(words).lower())
    if currency is not None:
        return currency  # "Taiwan dollars", "Hong Kong dollars"
    named = unit_name(" ".join(words))
    if named is not None:
        return named  # "metric tons", "nautical miles": a unit pint names in words
    if len(words) == 2 and words[0].lower() == "of" and unit_name(words[1]) in CURRENCY_CODES:
        return unit_name(words[1])  # "hundreds of millions of dollars"
    if len(words) == 2 and words[0].lower() in ("degree", "degrees"):
        return _temperature_scale(words[1])
    if len(words) == 2 and words[0].lower() in _SHAPES:
        base = unit_name(words[1])
        return f"{words[0].lower()} {base}" if base else None
    if len(words) == 3 and words[1].lower() in ("per", "/", "an", "a"):
        top, bottom = unit_name(words[0]), unit_name(words[2]) or _PER_SYMBOLS.get(words[2])
        if top in currency_codes() or top in _SMALL_CHANGE:
            return top  # "66.80 dollars per barrel", "26 cents a pound": a price, in its currency
        if top in TIME_UNITS and bottom in TIME_UNITS:
            return top  # "26 minutes a day": a time spent, each day
        return f"{top} per {bottom.rstrip('s')}" if top and bottom else None
    return None


def _temperature_scale(word: str) -> str | None:
    """ "degrees Fahrenheit", "degrees C": the scale named after "degrees" is the unit."""
    scale = unit_data()["degree_scales"].get(word) or unit_name(word)
    is_temperature = scale and registry().Unit(scale.replace(" ", "_")).dimensionality == {
        "[temperature]": 1
    }
    return scale if is_temperature else None


def fused_unit(text: str) -> tuple[str, str] | None:
    """ "2GW" -> ("2", "gigawatt"): a number written together with its unit."""
    match = _FUSED.match(text)
    if match is None:
        return None
    unit = unit_name(match.group(2))
    return (match.group(1), unit) if unit else None


def find_units(doc: Doc, quantities: list[Span]) -> list[Span]:
    """The unit of each figure: written right after it, or fused to its last token."""
    found = []
    for span in quantities:
        fused = fused_unit(span[-1].text)
        if fused is not None:
            found.append(Span(doc, span.end - 1, span.end, label=fused[1]))
            continue
        for n in range(MAX_UNIT_WORDS, 0, -1):
            words = doc[span.end : min(len(doc), span.end + n)]
            if (
                len(words) < n
                or words[0].pos_ in ("VERB", "AUX", "DET")
                or _is_modifier(words)
                or _dates_back(words)
            ):
                continue
            unit = written_unit([t.text for t in words])
            if unit is not None:
                found.append(Span(doc, span.end, span.end + n, label=unit))
                break
    return found


def _dates_back(words: Span) -> bool:
    """ "274,963 tons a year earlier": "a year" opens a time reference, not a rate."""
    end = words.end
    return (
        len(words) == 3
        and words[1].lower_ in ("a", "an")
        and end < len(words.doc)
        and words.doc[end].lower_ in _RELATIVE_TIME
    )


def _is_modifier(words: Span) -> bool:
    """ "four century-old schooners": the word is the first half of a hyphenated modifier."""
    end = words.end
    return end < len(words.doc) and words.doc[end].text == "-" and not words[-1].whitespace_


@Language.factory(
    "ingest_unit_finder",
    assigns=["doc.spans"],
    requires=["doc.spans", "token.pos"],
    default_config={"quantities_key": "quantities", "spans_key": UNITS_KEY},
)
def make_unit_finder(nlp: Language, name: str, quantities_key: str, spans_key: str) -> UnitFinder:
    return UnitFinder(name, quantities_key=quantities_key, spans_key=spans_key)


class UnitFinder:
    """Writes the units find_units finds for doc.spans[quantities_key] to doc.spans[spans_key]."""

    def __init__(self, name: str, *, quantities_key: str, spans_key: str) -> None:
        self.name = name
        self.quantities_key = quantities_key
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = find_units(doc, list(doc.spans[self.quantities_key]))
        return doc
