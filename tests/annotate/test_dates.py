"""The date finder: NER dates trimmed and split, years read as counts, and the words NER misses."""

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from ingest.annotate.pipeline import load_pipeline

MODEL = Path(__file__).resolve().parents[2] / "models" / "en_claims"


def _finder():
    nlp = spacy.blank("en")
    nlp.add_pipe("ingest_date_finder")
    return nlp


def _with_ents(nlp, text: str, ents: list[tuple[str, str]]) -> Doc:
    """text with the given (entity text, label) marked, as the NER would."""
    doc = nlp.make_doc(text)
    spans = []
    for ent, label in ents:
        start = text.index(ent)
        spans.append(doc.char_span(start, start + len(ent), label=label))
    doc.ents = spans
    return doc


@pytest.mark.parametrize(
    ("text", "ents", "found"),
    [
        ("It fell since 2008 here.", [("since 2008", "DATE")], ["2008"]),
        ("It fell between 2010 and 2015.", [("between 2010 and 2015", "DATE")], ["2010", "2015"]),
        (
            "It ran from June 1 through Aug. 20.",
            [("June 1 through Aug. 20", "DATE")],
            ["June 1", "Aug. 20"],
        ),
        ("It fell in 2010-2015.", [("2010-2015", "DATE")], ["2010", "2015"]),
        ("The 2016-17 school year.", [("2016-17 school year", "DATE")], ["2016-17 school year"]),
        ("Budget for fiscal 2023 on Monday.", [("fiscal 2023 on", "DATE")], ["fiscal 2023"]),
        ("Children under 18 were there.", [("under 18", "DATE")], []),
        ("It rose to 1,310 in 2023.", [("2023", "CARDINAL")], ["2023"]),
        ("There are now 40 and it is currently open.", [], ["now", "currently"]),
        ("It was recently closed, today.", [("today", "DATE")], ["recently", "today"]),
        (
            "It earned $3 million in the third quarter of 2022.",
            [("the third quarter", "DATE")],
            ["the third quarter of 2022"],
        ),
        ("Output rose in 1989's first half.", [("1989", "DATE")], ["1989's first half"]),
        (
            "A budget for the fiscal year that begins July 1 passed.",
            [("the fiscal year", "DATE"), ("July 1", "DATE")],
            ["the fiscal year that begins July 1"],
        ),
        (
            "Profit in the year ended June 30 fell.",
            [("the year", "DATE"), ("June 30", "DATE")],
            ["the year ended June 30"],
        ),
    ],
)
def test_finder_finds_temporal_expressions(text, ents, found):
    nlp = _finder()
    doc = nlp(_with_ents(nlp, text, ents))
    assert [s.text for s in doc.spans["dates"]] == found


def test_finder_survives_to_disk_and_from_disk(tmp_path):
    nlp = _finder()
    nlp.to_disk(tmp_path)
    doc = spacy.load(tmp_path)("It is closed now.")
    assert [s.text for s in doc.spans["dates"]] == ["now"]


def test_finder_spans_cross_processes():
    nlp = _finder()
    docs = list(nlp.pipe(["Open now.", "Closed currently.", "Shut recently."], n_process=2))
    assert [[s.text for s in d.spans["dates"]] for d in docs] == [
        ["now"],
        ["currently"],
        ["recently"],
    ]


@pytest.mark.model
def test_pipeline_adds_the_date_finder_after_the_ner():
    nlp = load_pipeline(MODEL)
    assert nlp.pipe_names.index("ingest_date_finder") == nlp.pipe_names.index("ner") + 1
    doc = nlp("The agency now counts 200 cases, up from 150 in March 2016.")
    assert [s.text for s in doc.spans["dates"]] == ["now", "March 2016"]


def test_finder_labels_spans_as_the_ner_did():
    nlp = _finder()
    doc = nlp(_with_ents(nlp, "At 3 p.m. it opened.", [("3 p.m.", "TIME")]))
    assert [(s.text, s.label_) for s in doc.spans["dates"]] == [("3 p.m.", "TIME")]
    assert isinstance(doc.spans["dates"][0], Span)
