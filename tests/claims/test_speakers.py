"""Speaker names from hand-built parses, so each rule is tested apart from the model's errors."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from ingest.claims.speakers import sentence_speaker


def test_the_person_a_title_run_ends_with_not_the_title_the_ner_also_called_a_person():
    words = ["Town", "Clerk", "Marian", "Doyle", "said", "."]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[3, 3, 3, 4, 4, 4],
        deps=["compound", "compound", "compound", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "O", "O"],
    )
    assert sentence_speaker(doc[:]) == "Marian Doyle"


def test_the_author_of_a_report_the_parse_hung_on_its_own_relative_clause():
    # "..., according to a report the Foundation released.": report is the verb's oblique
    words = [
        "Sales",
        "fell",
        ",",
        "according",
        "to",
        "a",
        "report",
        "the",
        "Foundation",
        "released",
        ".",
    ]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[1, 1, 6, 6, 3, 6, 9, 8, 9, 1, 1],
        deps=[
            "nsubj",
            "ROOT",
            "punct",
            "case",
            "fixed",
            "det",
            "obl",
            "det",
            "nsubj",
            "ccomp",
            "punct",
        ],
        pos=[
            "NOUN",
            "VERB",
            "PUNCT",
            "VERB",
            "ADP",
            "DET",
            "NOUN",
            "DET",
            "PROPN",
            "VERB",
            "PUNCT",
        ],
        ents=["O", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O"],
    )
    assert sentence_speaker(doc[:]) == "Foundation"
