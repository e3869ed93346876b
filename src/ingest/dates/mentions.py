"""The `dates` relation: every temporal expression of a document, resolved against its
publication date."""

from __future__ import annotations

from datetime import date

from ingest.annotate.paragraphs import Paragraph
from ingest.dates.fiscal import fiscal_start_month, in_fiscal_year
from ingest.dates.resolve import resolve
from ingest.dates.tense import direction_of
from ingest.records import DateMention

DATES_KEY = "dates"


def dates_from_paragraphs(
    paragraphs: list[Paragraph], doc_id: str, published: date | None
) -> list[DateMention]:
    """One DateMention per span the date finder wrote.

    Args:
        paragraphs: the document's paragraphs, processed by the project pipeline.
        doc_id: the document's id, for provenance.
        published: the publication date relative expressions are anchored on; None leaves them
            unresolved.
    Returns:
        Mentions in text order, with offsets into the cleaned text.
    """
    out = []
    for para in paragraphs:
        fiscal = fiscal_start_month(para.doc)
        for span in para.doc.spans[DATES_KEY]:
            timex = in_fiscal_year(resolve(span.text, published, direction_of(span)), fiscal)
            out.append(
                DateMention(
                    doc_id=doc_id,
                    text=span.text,
                    char_start=para.offset + span.start_char,
                    char_end=para.offset + span.end_char,
                    type=timex.type,
                    value=timex.value,
                    mod=timex.mod,
                    range_start=timex.start,
                    range_end=timex.end,
                    anchored_on=published if timex.start is not None else None,
                    sentence=span.sent.text,
                )
            )
    return out
