"""What a finder found, shown with displaCy: one span group of an annotated Doc as HTML, so a
reader can check the quantity, unit and speaker cue finders one group at a time."""

from __future__ import annotations

from spacy import displacy
from spacy.tokens import Doc


def render_spans(doc: Doc, spans_key: str) -> str:
    """HTML of doc with the spans of doc.spans[spans_key] marked and labelled."""
    return displacy.render(doc, style="span", options={"spans_key": spans_key}, page=False)
