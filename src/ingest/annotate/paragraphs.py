"""Running spaCy paragraph by paragraph.

The parser and NER were trained on text without line breaks; a "\\n\\n" token in the middle of a
Doc derails both. Each paragraph becomes its own Doc, and `offset` maps its characters back into
CleanDoc.text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from ingest.budget import Budget, check

PARAGRAPH_BREAK = "\n\n"
# Longest piece of text one Doc holds (characters). Many per-figure steps read their Doc's
# entities or sentences, so a figure costs in proportion to its Doc: an unbroken 50k-character
# run of numbers made the claim stage quadratic (issue 15: 30 s, > 10 min at 200k). Longer
# paragraphs are cut after a sentence end, else at a space. The labelled claim sets' longest
# paragraph has 773 characters; re-run tests/eval_gate.py when this changes.
MAX_PARAGRAPH_CHARS = 2_000
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s")


@dataclass(frozen=True, slots=True)
class Paragraph:
    offset: int
    doc: Doc


def split_paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) for every non-empty paragraph of a cleaned text, none longer than
    MAX_PARAGRAPH_CHARS."""
    out, pos = [], 0
    for part in text.split(PARAGRAPH_BREAK):
        if part.strip():
            out += [(pos + start, piece) for start, piece in _pieces(part)]
        pos += len(part) + len(PARAGRAPH_BREAK)
    return out


def _pieces(paragraph: str) -> list[tuple[int, str]]:
    """(offset, piece) cutting a paragraph after the last sentence end (else space) that keeps
    each piece within MAX_PARAGRAPH_CHARS; a short paragraph is its own single piece."""
    out, start = [], 0
    while len(paragraph) - start > MAX_PARAGRAPH_CHARS:
        window = paragraph[start : start + MAX_PARAGRAPH_CHARS]
        ends = [m.end() for m in _SENTENCE_END.finditer(window)]
        cut = ends[-1] if ends else window.rfind(" ") + 1 or MAX_PARAGRAPH_CHARS
        out.append((start, paragraph[start : start + cut]))
        start += cut
    return [*out, (start, paragraph[start:])]


def annotate_texts(
    nlp: Language, texts: Iterable[str], batch_size: int, budget: Budget | None = None
) -> Iterator[list[Paragraph]]:
    """The paragraphs of each text, processed together with nlp.pipe, in input order.

    Raises:
        OverBudget: the budget ran out (checked after each paragraph piece).
    """
    texts = list(texts)
    jobs = [
        (para, (i, offset))
        for i, text in enumerate(texts)
        for offset, para in split_paragraphs(text)
    ]
    grouped: list[list[Paragraph]] = [[] for _ in texts]
    for doc, (i, offset) in nlp.pipe(jobs, as_tuples=True, batch_size=batch_size):
        grouped[i].append(Paragraph(offset, doc))
        check(budget, "nlp")
    yield from grouped
