"""The sentence guard: no sentence starts right after a word on the same line."""

from pathlib import Path

import pytest
import spacy

from ingest.annotate.pipeline import load_pipeline
from ingest.annotate.sentences import guard_sentence_starts


def test_guard_forbids_starts_after_words_and_commas_only():
    doc = spacy.blank("en")("up from 14 in 2012, Chief Examiner Alan Reyes said.\nNext line. And")
    guard_sentence_starts(doc)
    starts = {t.text: t.is_sent_start for t in doc}
    assert starts["Chief"] is False and starts["Reyes"] is False  # after "," and a word
    assert starts["Next"] is None  # after a line break: the parser decides
    assert starts["And"] is None  # after a full stop: the parser decides


@pytest.mark.model
def test_pipeline_keeps_a_sentence_whole_before_its_speaker():
    nlp = load_pipeline(Path(__file__).resolve().parents[2] / "models" / "en_claims")
    assert "ingest_sentence_guard" in nlp.pipe_names  # shipped disabled, enabled for news
    doc = nlp(
        "The sting was the latest in a series. Together, the stings have produced 112 arrests "
        "since 2015, state police spokesman Trooper Daniel Okafor said."
    )
    assert [s.text for s in doc.sents][-1].startswith("Together") and len(list(doc.sents)) == 2
