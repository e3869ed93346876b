"""The speaker cue finder: speech verbs and "according to" from the Matcher patterns file."""

import pytest
import spacy


def _cues(nlp, text):
    doc = nlp(text)
    return [(s.text, s.label_) for s in doc.spans["speaker_cues"]]


def test_speaker_cue_finder_marks_speech_verbs_and_according_to():
    nlp = spacy.blank("en")
    nlp.add_pipe("ingest_speaker_cue_finder")
    assert _cues(nlp, "Prices rose, according to the agency, Smith said.") == [
        ("according to", "ACCORDING"),
        ("said", "SPEECH"),
    ]
    assert _cues(nlp, "Prices rose 4 percent last year.") == []


def test_speaker_cue_finder_round_trips_to_disk(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("ingest_speaker_cue_finder")
    nlp.to_disk(tmp_path)
    assert _cues(spacy.load(tmp_path), "She told reporters.") == [("told", "SPEECH")]


@pytest.mark.model
def test_speaker_cues_survive_multiprocessing(nlp):
    docs = list(
        nlp.pipe(["Smith said 40 people came.", "Officials estimated 12 cases."], n_process=2)
    )
    assert [[s.text for s in d.spans["speaker_cues"]] for d in docs] == [["said"], ["estimated"]]
