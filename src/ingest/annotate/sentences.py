"""Sentence boundaries the parser may not invent: news sentences end with punctuation.

The parser, trained on web text (UD EWT) where many sentences lack a final stop, sometimes splits
a news sentence before a name ("..., state police spokesman | Trooper Daniel Okafor said."),
which cuts the figure off from its speaker. This component runs before the parser and forbids a
sentence start right after a word on the same line; the parser respects preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.factory("ingest_sentence_guard", assigns=["token.is_sent_start"])
def make_sentence_guard(nlp: Language, name: str) -> SentenceGuard:
    return SentenceGuard(name)


class SentenceGuard:
    """Marks tokens that follow a word on the same line as not starting a sentence."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        guard_sentence_starts(doc)
        return doc


# Punctuation that never ends a sentence: "up from just 14 in 2012, | Chief Medical Examiner".
_JOINERS = frozenset({",", ";", "-", "–", "—", "“", "(", "/", "&"})


def guard_sentence_starts(doc: Doc) -> None:
    """Sets is_sent_start = False after a word, number or joining mark on the same line."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if (
            prev.is_alpha or prev.like_num or prev.text in _JOINERS
        ) and "\n" not in prev.whitespace_:
            token.is_sent_start = False
