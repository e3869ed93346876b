"""Character ranges whose digits are identifiers, not quantities: phones, statutes, addresses...

Each pattern is named so a test can show which rule masked what.
"""

from __future__ import annotations

import re

_STATE = r"(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])"
_STREET = r"(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Ln|Lane|Dr|Drive|Way|Pl|Place|Ct|Court|Pkwy|Hwy|Highway|Sq|Square)\b"

MASK_PATTERNS: dict[str, re.Pattern[str]] = {
    "emergency_line": re.compile(
        r"\b(?:911|2-1-1|211|311|411|511|988)\b(?!\s*(?:people|calls|cases))|\bdial\s+\d+\b"
    ),
    "po_box": re.compile(r"\b(?:P\.?\s?O\.?\s+)?Box\s+\d+", re.I),
    "zip_code": re.compile(
        r"\bZIP(?:\s+codes?)?\s+\d{5}(?:\s*(?:,|and|or)\s*\d{5})*|\b0\d{4}\b(?:-\d{4})?", re.I
    ),
    "code": re.compile(
        r"(?<![,.])\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+\b"
    ),
    # Counts of 10,000 and more are written with separators in news; bare long digit runs are codes.
    "long_code": re.compile(r"(?<![$\d,.])\b\d{5,}\b(?![,.]\d)"),
    "phone": re.compile(
        r"(?:\+?1[-. ])?\(?\b\d{3}\)?[-/. ]?\d{3}[-. ]\d{4}\b|\b1-8\d\d-[A-Z0-9-]{7,}"
        r"|\b(?:extension|ext\.?)\s*\d+\b|\bpress\s+\d\b"  # "call 988 and press 1"
    ),
    "statute": re.compile(
        r"\b\d+[a-zA-Z]+-\d+[a-zA-Z]*(?:\([a-z0-9]+\))*|\b(?:Sec(?:tion)?s?\.?|§+)\s*\d[\w.\-()]*",
        re.I,
    ),
    "case_number": re.compile(
        r"\b(?:No|Nos|Case|Docket|File|Bill|H\.?B|S\.?B|Public Act|P\.?A)\.?\s*#?\s*\d[\w\-.:/]*",
        re.I,
    ),
    "zip": re.compile(rf"\b{_STATE}\s+\d{{5}}(?:-\d{{4}})?\b|\b\d{{5}}-\d{{4}}\b"),
    "address": re.compile(
        rf"\b\d+(?:-\d+)?\s+(?:(?:[NSEW]\.?){{1,2}}\s+)?(?:[A-Z][a-z]+\.?\s+){{1,3}}{_STREET}"
        r"|\b\d+\s+(?:[NSEW]\.){1,2}(?=\s|$)"  # "701 S.", "3150 S.E. Division St."
        # written in lower case ("at 3901 conshocken ave"), only with suffixes no English word has
        r"|\b\d+\s+(?:[a-z]+\.?\s+){1,3}(?:ave|avenue|blvd|boulevard|rd|pkwy)\b"
    ),
    "time_of_day": re.compile(
        r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)|\b\d{1,2}:\d{2}\b", re.I
    ),
    "url": re.compile(
        r"\bhttps?://\S+|\bwww\.\S+|\b[\w.-]+@[\w-]+\.\w+|\b\S+\.(?:com|org|gov|net|pdf)\S*"
    ),
    # not thousands grouped with dots ("10.000.000 people")
    "version": re.compile(
        r"\bv(?:ersion)?\s?\d+(?:\.\d+)+\b|\b(?!\d{1,3}(?:\.\d{3}){2,}\b)\d+\.\d+\.\d+\b", re.I
    ),
    "route": re.compile(
        r"\b(?:Route|Rt\.?|I-|Interstate|US|Exit|Room|Rm\.?|Flight|Train|Bus|Track|Platform|Pier|Suite|Apt\.?|Unit|Gate|Channel|Highway|Tier|MERV)\s*\d+\w*",
        re.I,
    ),
    # A label word before a number names a thing ("Category 5", "category five storm", "Week
    # 12", "Article 4.6", "number 9 bus", "#1", "Wi-Fi 6", "FM 93.5").
    "label": re.compile(
        r"\b(?:Category|Level|Week|Article|Number|Stage|Phase|Type|Class|Version|Chapter|Page|Season|Round|Game|Model|Series|Court|Wi-?Fi|Bluetooth|FM|AM)\s+(?:\d+(?:\.\d+)?\w*|one|two|three|four|five|six|seven|eight|nine|ten)\b"
        r"|#\d+\b|\b[248]K\b",  # "#1", a "4K" display
        re.I,
    ),
    "year_abbreviation": re.compile(r"(?<!\w)['’]\d{2}\b"),  # "in February of '72"
    "clock_time": re.compile(
        r"\b\d{1,4}(?::\d{2})?\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST)\b"
    ),
    "rating": re.compile(r"\b\d(?:\.\d)?\s+(?:out\s+of\s+\d+\s+)?stars?\b", re.I),
    # A day of a month is a date whatever the NER made of it ("The September 11 Panel").
    "month_day": re.compile(
        r"\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?![,.]?\d)"
    ),
    "grade": re.compile(r"\bgrades?\s+(?:K|\d+)(?:\s*(?:through|to|and|-|–)\s*\d+)?", re.I),
    "score": re.compile(
        r"\b\d{1,3}-\d{1,3}\s+(?:win|loss|victory|defeat|lead|tie)\b|\b(?:won|lost|beat|defeated|fell)\b[^.]{0,40}?\b\d{1,3}-\d{1,3}\b",
        re.I,
    ),
}


def masked_ranges(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rule) for every identifier-like stretch of text."""
    return sorted(
        (m.start(), m.end(), rule)
        for rule, pattern in MASK_PATTERNS.items()
        for m in pattern.finditer(text)
    )


def overlaps(start: int, end: int, ranges: list[tuple[int, int, str]]) -> str | None:
    """The rule of the first masked range overlapping [start, end), or None."""
    return next((rule for s, e, rule in ranges if s < end and start < e), None)
