"""Highlighted text: chunks around claim sentences, marks placed without overlaps, text kept."""

from __future__ import annotations

import re

import pytest

from ingest.review.highlight import Chunk, Mark, chunks, place, render, sentence_start

TEXT = "DCF got just under 200 referrals in 2016. It hired 12 people.\n\nA second paragraph."


@pytest.mark.parametrize(
    ("sentence", "char_start", "expected"),
    [
        ("It hired 12 people.", 51, 42),
        ("DCF got just under 200 referrals in 2016.", 8, 0),
        ("A sentence stored otherwise.", 8, None),
    ],
)
def test_sentence_start_finds_the_sentence_holding_the_figure(sentence, char_start, expected):
    assert sentence_start(TEXT, sentence, char_start) == expected


def test_chunks_cut_paragraphs_around_claim_sentences():
    assert chunks(TEXT, [(42, 61)]) == [
        Chunk(0, 42, None),
        Chunk(42, 61, "s-42"),
        Chunk(63, 82, None),
    ]


def test_place_prefers_earlier_marks_and_drops_overlaps_and_crossings():
    pieces = chunks(TEXT, [(42, 61)])
    claim = Mark(8, 22, "CLAIM", "claims", "claim-1")
    overlapping = Mark(19, 22, "CARDINAL", "entities")
    crossing = Mark(36, 45, "DATE", "entities")
    date = Mark(36, 40, "DATE", "entities")
    assert place([claim, overlapping, crossing, date], pieces, len(TEXT)) == [[claim, date], [], []]


def test_render_keeps_every_character_and_marks_the_named_ones():
    marks = [Mark(8, 22, "CLAIM", "claims", "claim-1"), Mark(36, 40, "DATE", "entities")]
    html = render(TEXT, marks, [(0, 41)], {"CLAIM": "#ffd166"})
    assert '<span id="s-0" class="chunk sentence" data-start="0">' in html
    assert (
        'data-start="8" data-end="22" data-view="claims" id="claim-1">just under 200<span class="label">CLAIM'
        in html
    )
    shown = re.sub(r"<span class=\"label\">[^<]*</span>|<[^>]+>", "", html)
    assert shown == TEXT.replace("\n\n", "")


def test_render_escapes_the_text():
    html = render("a <b> & 5", [Mark(9, 10, "CARDINAL", "entities")], [], {})
    assert "a &lt;b&gt; &amp; " in html and "<b>" not in html
