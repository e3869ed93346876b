"""Claims assembled from the trained pipeline's parse: time scopes across clauses."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.annotate.paragraphs import annotate_texts
from ingest.claims.assemble import claims_from_paragraphs

pytestmark = pytest.mark.model

PUBLISHED = date(2017, 1, 11)


def scopes(nlp, text: str) -> dict[str, tuple[date | None, date | None]]:
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    claims = claims_from_paragraphs(paragraphs, "doc", PUBLISHED)
    return {c.quantity_text: (c.period_start, c.period_end) for c in claims}


def test_date_of_the_clause_a_figure_is_reported_in(nlp):
    text = "In 2014, Commissioner Olga Roche told WBUR that 129 foster kids were missing."
    assert scopes(nlp, text)["129"] == (date(2014, 1, 1), date(2014, 12, 31))


def test_the_day_something_was_said_does_not_date_the_figure(nlp):
    text = "Police said Wednesday that 40 people were arrested."
    assert scopes(nlp, text)["40"] == (None, None)


def test_since_clause_opens_the_period(nlp):
    text = (
        "Since Connecticut enacted the felony crime in 2013, there have been no arrests or "
        "convictions for the felony."
    )
    assert scopes(nlp, text)["no"] == (date(2013, 1, 1), PUBLISHED)
