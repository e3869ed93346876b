"""The `ingest_speaker_cue_finder` component: the words that tie a figure to a source, as spans
in doc.spans["speaker_cues"] labelled SPEECH ("said", "told", "estimates", "the report shows")
or ACCORDING ("according to").

The patterns are Matcher patterns in patterns/speaker_cues.json (surface forms and lemmas: the
trained lemmatizer is not perfect on irregular verbs). Which cue names whom is read by
claims/speakers.py.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

SPEAKER_CUES_KEY = "speaker_cues"


@cache
def cue_patterns() -> tuple[dict, ...]:
    """patterns/speaker_cues.json: [{"label": ..., "pattern": [Matcher token patterns]}]."""
    path = resources.files("ingest.annotate").joinpath("patterns/speaker_cues.json")
    return tuple(json.loads(path.read_text("utf-8")))


def cue_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for entry in cue_patterns():
        matcher.add(entry["label"], [entry["pattern"]])
    return matcher


def find_speaker_cues(doc: Doc, matcher: Matcher) -> list[Span]:
    """Every speaker cue in doc, longest first where two overlap, in text order."""
    return sorted(filter_spans(matcher(doc, as_spans=True)), key=lambda s: s.start)


@Language.factory(
    "ingest_speaker_cue_finder",
    assigns=["doc.spans"],
    requires=["token.lemma"],
    default_config={"spans_key": SPEAKER_CUES_KEY},
)
def make_speaker_cue_finder(nlp: Language, name: str, spans_key: str) -> SpeakerCueFinder:
    return SpeakerCueFinder(nlp.vocab, name, spans_key=spans_key)


class SpeakerCueFinder:
    """Writes the cues find_speaker_cues finds to doc.spans[spans_key]."""

    def __init__(self, vocab: Vocab, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key
        self.matcher = cue_matcher(vocab)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = find_speaker_cues(doc, self.matcher)
        return doc
