"""Which way a sentence looks from its publication date, for expressions that do not say:
"the report came out in March" (past) against "the law takes effect in March" (future)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.dates.resolve import Direction

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would"})


def direction_of(span: Span) -> Direction:
    """ "past" when the verb the span hangs from is in a past or perfect tense, "future" with
    "will", "would" or "is going to", None (the nearest date) otherwise."""
    verb = _verb_of(span.root)
    if verb is None:
        return None
    group = [verb, *(c for c in verb.children if c.dep_ in ("aux", "aux:pass"))]
    lowers = {t.lower_ for t in group}
    if lowers & _FUTURE_AUX or ("going" in lowers and any(c.lower_ == "to" for c in verb.children)):
        return "future"
    if any("Past" in t.morph.get("Tense") for t in group) or "have" in {t.lemma_ for t in group}:
        return "past"
    return None


def _verb_of(token: Token) -> Token | None:
    """The nearest verb at or above token in the parse."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token
