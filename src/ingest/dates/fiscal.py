"""Whose fiscal year "fiscal 1990" is: the federal government's runs October to September, a
state's (Connecticut's and 45 others') July to June. The TIMEX value (FY1990) does not depend on
it; the interval does, and it is read from the paragraph, so the `dates` relation and claim
periods agree."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from ingest.dates.values import FISCAL_YEAR_START_MONTH, fiscal_year
from ingest.records import Timex

FEDERAL_FISCAL_YEAR_START_MONTH = 10
# Words naming the federal government or its programs, and a state's own bodies.
_FEDERAL_BODIES = frozenset(
    {"congress", "congressional", "senate", "pentagon", "medicare", "administration", "federal"}
)
_STATE_BODIES = frozenset({"legislature", "governor", "assembly", "statehouse"})
_FISCAL_VALUE = re.compile(r"FY(\d{4})")


def fiscal_start_month(paragraph: Doc) -> int:
    """The federal government's (October) where the paragraph names Congress, the
    administration or a federal program ("Congress cut ... for fiscal 1990"), a state's (July)
    otherwise or where it names a state's own bodies."""
    words = {t.lower_ for t in paragraph}
    if words & _STATE_BODIES or not words & _FEDERAL_BODIES:
        return FISCAL_YEAR_START_MONTH
    return FEDERAL_FISCAL_YEAR_START_MONTH


def in_fiscal_year(timex: Timex, start_month: int) -> Timex:
    """A fiscal year named by its number ("fiscal 1990", "FY90") as the year of whoever's it is."""
    found = _FISCAL_VALUE.fullmatch(timex.value)
    if found is None or start_month == FISCAL_YEAR_START_MONTH:
        return timex
    start, end = fiscal_year(int(found[1]), start_month)
    return replace(timex, start=start, end=end)
