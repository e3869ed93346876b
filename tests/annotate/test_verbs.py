import pytest
import spacy

from ingest.annotate.verbs import base_forms, is_one_of

NLP = spacy.blank("en")


def verb(word: str, lemma: str):
    token = NLP(word)[0]
    token.lemma_ = lemma
    return token


@pytest.mark.parametrize(
    ("word", "lemma", "base"),
    [
        ("surging", "surg", "surge"),  # the lemmatizer cut the stem short
        ("climbing", "climbing", "climb"),  # the lemmatizer kept the form
        ("slipped", "slipp", "slip"),
        ("tallied", "tallied", "tally"),
        ("varies", "varie", "vary"),
        ("upgraded", "upgrad", "upgrade"),
        ("said", "say", "say"),  # irregular: the lemma
    ],
)
def test_a_verb_is_found_under_its_base_form(word, lemma, base):
    assert base in base_forms(verb(word, lemma))
    assert is_one_of(verb(word, lemma), frozenset({base}))


def test_short_words_are_not_stemmed():
    assert base_forms(verb("is", "be")) == {"is", "be"}
    assert not is_one_of(verb("bed", "bed"), frozenset({"b"}))
