"""Reading a figure's text ("just under 200", "50-80%", "17 and a half", "$2.5 million") into numbers."""

from __future__ import annotations

import re

from ingest.annotate.numbers import (
    BOUND_CUES,
    CUE_FILLERS,
    CURRENCY,
    FRACTIONS,
    SCALE_ABBREVIATIONS,
    SCALES,
    UNITS,
    VAGUE,
    VAGUE_COUNTS,
    VULGAR_FRACTIONS,
    fused_scale,
    multiple,
)
from ingest.annotate.units import fused_unit
from ingest.records import Quantity

_PERCENT = re.compile(r"(%|\bper\s?cent\b|\bpercentage points?\b)", re.I)
# Hyphens join ranges only between digits ("50-80"), not words ("twenty-one").
_RANGE = re.compile(r"(?<=\d)\s*[-–—]\s*(?=\$?\d)|\s+(?:to|or)\s+", re.I)
_BETWEEN_AND = re.compile(r"\s+and\s+(?!a\s+half)", re.I)
# Thousands grouped with dots ("10.000.000"): two or more groups, so never a decimal.
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3}){2,}")
_RATIO = re.compile(r"\s+(?:in|out\s+of)\s+", re.I)


def parse_quantity(text: str) -> Quantity | None:
    """Value, optional upper value, bound, surface cue and unit of a figure's text.

    Args:
        text: a span from the quantity finder, cue included ("more than 20", "between 50-80%").
    Returns:
        The parsed Quantity, or None when no number can be read.
    """
    body, bound, cue = _split_cue(" ".join(text.split()))
    unit = _unit(body)
    body = _PERCENT.sub("", body).replace("+", " +").strip()
    if body.endswith("+"):
        body, bound, cue = body[:-1].strip(), "at_least", "+"
    for sign in CURRENCY:
        body = body.replace(sign, "")  # "$50 to $75": the sign may repeat on each end
    body = body.strip()
    ratio = _RATIO.split(body)
    if len(ratio) == 2:
        num, den = parse_number(ratio[0]), parse_number(ratio[1])
        return Quantity(num / den, None, bound, cue, "ratio") if num is not None and den else None
    if body.lower() == "no":
        return Quantity(0.0, None, "exact", None, None)
    factor = multiple(body.lower())
    if factor is not None:  # "twice the rate", "more than double", "a fivefold increase"
        return Quantity(float(factor), None, bound, cue, "times")
    splitter = _BETWEEN_AND if cue == "between" and not _RANGE.search(body) else _RANGE
    parts = [p for p in splitter.split(body) if p]
    values = [parse_number(p) for p in parts]
    if not values or any(v is None for v in values):
        whole = parse_number(body)
        return None if whole is None else _single(whole, body, bound, cue, unit)
    if len(values) == 2:
        low, high = _scale_like(values[0], values[1], parts)
        return Quantity(low, high, "range", cue, unit)
    return _single(values[0], body, bound, cue, unit)


def _single(value: float, body: str, bound: str, cue: str | None, unit: str | None) -> Quantity:
    """A single value: vague plurals ("dozens", "several thousand") and "a dozen" are
    approximate by meaning (the labelling conventions)."""
    words = body.lower().split()
    if bound == "exact" and (
        any(w in VAGUE or w in VAGUE_COUNTS for w in words) or words in (["a", "dozen"], ["dozen"])
    ):
        bound = "approx"
    return Quantity(
        value, None, "exact" if bound == "range" else bound, None if bound == "range" else cue, unit
    )


def _split_cue(text: str) -> tuple[str, str, str | None]:
    """("just under 200") -> ("200", "less_than", "just under")."""
    lower = text.lower()
    for cue, bound in BOUND_CUES:
        if lower.startswith(cue + " "):
            body = text[len(cue) + 1 :]
            filler = next((f for f in CUE_FILLERS if body.lower().startswith(f + " ")), None)
            return (body[len(filler) + 1 :] if filler else body), bound, cue
    return text, "exact", None


def _unit(body: str) -> str | None:
    lower = body.lower()
    if "percentage point" in lower:
        return "percentage points"
    if _PERCENT.search(lower):
        return "percent"
    return next((code for sign, code in CURRENCY.items() if sign in body), None)


def _scale_like(low: float, high: float, parts: list[str]) -> tuple[float, float]:
    """ "2 to 3 million": the scale written once applies to both ends."""
    scale = parts[-1].lower().split()[-1]
    if scale in SCALES and parts[0].lower().split()[-1] not in SCALES:
        low *= SCALES[scale]
    return low, high


def parse_number(text: str) -> float | None:
    """A number written in digits, words or both ("2,000", "seventeen", "2.5 million", "17 and a half")."""
    words = [w for word in text.split() for w in _unfused(word)]
    words = [w.lower() for w in " ".join(words).replace("-", " ").replace(",", "").split()]
    words = [w.replace(".", "") if _DOT_THOUSANDS.fullmatch(w) else w for w in words]
    words = [SCALE_ABBREVIATIONS.get(w, w) for w in words if w not in ("a", "an")]
    if not words:
        return None
    if len(words) == 3 and words[1] == "of" and words[0] in VAGUE and words[2] in VAGUE:
        return VAGUE[words[0]] * SCALES[words[2].removesuffix("s")]  # "tens of thousands"
    total, current, seen, after_and = 0.0, 0.0, False, False
    for word in words:
        if word == "and":
            after_and = True
            continue
        if word in FRACTIONS:
            current = (
                current + 1 / FRACTIONS[word] if after_and else (current or 1) / FRACTIONS[word]
            )
        elif _is_decimal(word):
            current += float(word)
        elif word in UNITS:
            current += UNITS[word]
        elif word in VAGUE:
            current += VAGUE[word]
        elif word in VAGUE_COUNTS or word in VULGAR_FRACTIONS:
            current += VAGUE_COUNTS.get(word) or VULGAR_FRACTIONS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _unfused(word: str) -> list[str]:
    """ "3.1bn" -> ["3.1", "billion"], "2GW" -> ["2"]: a number written with its scale or unit."""
    scale = fused_scale(word)
    if scale is not None:
        return list(scale)
    unit = fused_unit(word)
    return [unit[0]] if unit is not None else [word]


def _is_decimal(word: str) -> bool:
    try:
        float(word)
    except ValueError:
        return False
    return True
