"""A document's cleaned text as HTML with stored spans highlighted by spaCy's displaCy.

Offsets come from the warehouse (claims, entities, any view with char_start/char_end), so no
model is loaded: displaCy renders them with manual=True. The text is cut into chunks at
paragraph breaks and at the sentences that hold claims; a claim's sentence is its own chunk with
an anchor id, so a claims-table row can link to it. Each mark carries data-start/data-end (its
offsets in documents.text) and each chunk data-start, so a reader (or a browser test) can check
that a highlight sits on exactly the characters the warehouse names.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from html import escape

from spacy import displacy
from spacy.displacy.templates import TPL_ENTS

PARAGRAPH_BREAK = "\n\n"
# displaCy's mark without its template's line breaks, which would add characters to the text,
# and with our attributes (params["attrs"]).
MARK_TEMPLATE = (
    '<mark class="entity" style="background: {bg}" {attrs}>{text}'
    '<span class="label">{label}</span></mark>'
)
_OPEN, _CLOSE = (part.strip() for part in TPL_ENTS.format(content="\0", dir="ltr").split("\0"))


@dataclass(frozen=True, slots=True)
class Mark:
    """A span to highlight: offsets in documents.text, its label, and the view it comes from."""

    start: int
    end: int
    label: str
    view: str
    mark_id: str | None = None


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int
    end: int
    anchor: str | None  # id of a claim's sentence; None for the text between


def sentence_start(text: str, sentence: str, char_start: int) -> int | None:
    """Where the sentence holding the figure at char_start begins in text, or None if it is not
    there as stored."""
    found = text.rfind(sentence, 0, char_start + len(sentence))
    return found if found >= 0 and found <= char_start < found + len(sentence) else None


def anchor_id(start: int) -> str:
    """The id of the sentence chunk starting at offset start."""
    return f"s-{start}"


def chunks(text: str, sentences: list[tuple[int, int]]) -> list[Chunk]:
    """text cut at paragraph breaks and around the given sentence ranges (merged where they
    overlap, clipped to their paragraph), in order; the breaks themselves are left out."""
    out: list[Chunk] = []
    spans = _merged(sorted(sentences))
    for p_start, p_end in _paragraphs(text):
        cursor = p_start
        for s_start, s_end in spans:
            s_start, s_end = max(s_start, cursor), min(s_end, p_end)
            if s_start >= s_end:
                continue
            if cursor < s_start:
                out.append(Chunk(cursor, s_start, None))
            out.append(Chunk(s_start, s_end, anchor_id(s_start)))
            cursor = s_end
        if cursor < p_end:
            out.append(Chunk(cursor, p_end, None))
    return out


def place(marks: list[Mark], pieces: list[Chunk], length: int) -> list[list[Mark]]:
    """The marks each chunk shows: in the given order of priority, a mark is shown unless it
    overlaps one already shown or crosses a chunk's edge (displaCy renders no overlaps)."""
    taken = bytearray(length)
    starts = [c.start for c in pieces]
    out: list[list[Mark]] = [[] for _ in pieces]
    for mark in marks:
        i = bisect.bisect_right(starts, mark.start) - 1
        if (
            i < 0
            or mark.end > pieces[i].end
            or mark.end <= mark.start
            or any(taken[mark.start : mark.end])
        ):
            continue
        taken[mark.start : mark.end] = b"\1" * (mark.end - mark.start)
        out[i].append(mark)
    return [sorted(shown, key=lambda m: m.start) for shown in out]


def render(
    text: str, marks: list[Mark], sentences: list[tuple[int, int]], colors: dict[str, str]
) -> str:
    """The text as HTML: paragraphs of chunks, marks rendered by displaCy in one call.

    Args:
        marks: spans to highlight, most important first (an overlapped one is not shown).
        sentences: (start, end) of each sentence that gets an anchor.
        colors: label -> CSS colour, for labels displaCy has no colour for.
    """
    pieces = chunks(text, sentences)
    shown = place(marks, pieces, len(text))
    docs = [
        {"text": text[c.start : c.end], "ents": [_ent(m, c.start) for m in ms], "title": None}
        for c, ms in zip(pieces, shown, strict=True)
    ]
    options = {"template": MARK_TEMPLATE, "colors": colors}
    markup = displacy.render(docs, style="ent", manual=True, options=options) if docs else ""
    inner = [part.rstrip().removesuffix(_CLOSE) for part in markup.split(_OPEN)[1:]]
    return _paragraph_html(text, pieces, inner)


def _ent(mark: Mark, offset: int) -> dict:
    attrs = f'data-start="{mark.start}" data-end="{mark.end}" data-view="{escape(mark.view)}"'
    if mark.mark_id:
        attrs += f' id="{escape(mark.mark_id)}"'
    return {
        "start": mark.start - offset,
        "end": mark.end - offset,
        "label": escape(mark.label),
        "params": {"attrs": attrs},
    }


def _paragraph_html(text: str, pieces: list[Chunk], inner: list[str]) -> str:
    """Chunks wrapped in their paragraphs; a sentence chunk gets its anchor id."""
    out, open_para = [], None
    for chunk, html in zip(pieces, inner, strict=True):
        para = text.rfind(PARAGRAPH_BREAK, 0, chunk.start + 1)
        if para != open_para:
            out.append("</p>" if open_para is not None else "")
            out.append('<p class="para">')
            open_para = para
        anchor = (
            f' id="{chunk.anchor}" class="chunk sentence"' if chunk.anchor else ' class="chunk"'
        )
        out.append(f'<span{anchor} data-start="{chunk.start}">{html}</span>')
    return "".join(out) + ("</p>" if open_para is not None else "")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of text, paragraphs split by a blank line."""
    out, start = [], 0
    while start <= len(text):
        end = text.find(PARAGRAPH_BREAK, start)
        end = len(text) if end < 0 else end
        if end > start:
            out.append((start, end))
        start = end + len(PARAGRAPH_BREAK)
    return out


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in ranges:
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out
