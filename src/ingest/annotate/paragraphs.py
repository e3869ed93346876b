"""Running spaCy paragraph by paragraph.

The parser and NER were trained on text without line breaks; a "\\n\\n" token in the middle of a
Doc derails both. Each paragraph becomes its own Doc, and `offset` maps its characters back into
CleanDoc.text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Paragraph:
    offset: int
    doc: Doc


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for every non-empty paragraph of a cleaned text."""
    out, pos = [], 0
    for part in text.split(PARAGRAPH_BREAK):
        if part.strip():
            out.append((pos, part))
        pos += len(part) + len(PARAGRAPH_BREAK)
    return out


def annotate_texts(
    nlp: Language, texts: Iterable[str], batch_size: int
) -> Iterator[list[Paragraph]]:
    """The paragraphs of each text, processed together with nlp.pipe, in input order."""
    texts = list(texts)
    jobs = [
        (para, (i, offset))
        for i, text in enumerate(texts)
        for offset, para in split_paragraphs(text)
    ]
    grouped: list[list[Paragraph]] = [[] for _ in texts]
    for doc, (i, offset) in nlp.pipe(jobs, as_tuples=True, batch_size=batch_size):
        grouped[i].append(Paragraph(offset, doc))
    yield from grouped
