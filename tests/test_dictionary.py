"""`ingest schema`: the data dictionary parsed from the view files' header comments."""

from __future__ import annotations

import pytest

from ingest.dictionary import as_markdown, as_text, parse_header, read_dictionary
from ingest.views import list_views, snapshot

HEADER = """\
-- things: one row per thing.
--   thing_id          stable id
--   a, b              two columns with
--                     a long meaning
--   c, d, e,
--   f   carried over
--   period_start/_end  DATE scope
--
-- A note about things.
create or replace view things as select 1
"""


def test_parse_header_reads_entries_continuations_and_notes():
    doc = parse_header("things", HEADER)
    assert doc.summary == "one row per thing."
    assert [(e.columns, e.meaning) for e in doc.entries] == [
        ("thing_id", "stable id"),
        ("a, b", "two columns with a long meaning"),
        ("c, d, e, f", "carried over"),
        ("period_start/_end", "DATE scope"),
    ]
    assert doc.notes == ("A note about things.",)


def _named(doc) -> set[str]:
    """Column names an entry list documents ("period_start/_end" names period_end too)."""
    names = set()
    for entry in doc.entries:
        for term in entry.columns.replace(",", " ").split():
            first, *rest = term.split("/")
            names |= {first, *(first.rsplit("_", 1)[0] + r for r in rest)}
    return names


@pytest.mark.model
@pytest.mark.parametrize("view", ["documents", "entities", "claims", "quarantine"])
def test_dictionary_documents_every_column_of_the_view(warehouse, view):
    with snapshot(warehouse) as con:
        columns = {v.name: v.columns for v in list_views(con)}[view]
    doc = {d.name: d for d in read_dictionary()}[view]
    assert set(columns) - {"load_id"} <= _named(doc)


def test_dictionary_renders_markdown_tables_and_aligned_text():
    views = read_dictionary()
    markdown = as_markdown(views)
    assert "## `claims`" in markdown
    assert "| `quantity_text` | the figure as written, bound cue included" in markdown
    assert "| `stage` | read \\| clean \\| nlp |" in markdown
    text = as_text(views)
    assert "\nclaims\n  one row per figure an article states, with provenance.\n" in text
