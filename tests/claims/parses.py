"""Hand-built parses for the rule tests, so each rule is tested apart from the model's errors."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab


def parsed(rows: list[tuple[str, int, str, str]], ents: list[str]) -> Doc:
    """A Doc from (word, head index, dependency, part of speech) rows and IOB entity tags."""
    words, heads, deps, pos = map(list, zip(*rows, strict=True))
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents)
