"""displaCy shows each finder's span group."""

import pytest

from ingest.annotate.display import render_spans

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("key", "shown"), [("quantities", "1.6"), ("units", "gigawatt"), ("speaker_cues", "SPEECH")]
)
def test_render_spans_marks_each_group(nlp, key, shown):
    doc = nlp("The 1.6 GW plant opened, officials said.")
    html = render_spans(doc, key)
    assert shown in html


def test_render_spans_marks_nothing_for_an_empty_group(nlp):
    doc = nlp("The plant opened, officials said.")
    assert "gigawatt" not in render_spans(doc, "units")
