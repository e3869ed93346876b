"""Document language: English goes on to claims, anything else is stored but flagged."""

import pytest

from ingest.clean.language import UNKNOWN, guess_language

TEXTS = {
    "en": "The council approved the budget on Tuesday, and the mayor said it is the best plan for the city in years.",
    "es": "La cobertura de la vacuna contra el sarampión cayó al 89% en la región, según los datos de la consejería de salud.",
    "fr": "Le conseil municipal a voté lundi une hausse de 8 % du prix des repas servis dans les cantines des écoles de la ville.",
    "de": "Die Zahl der Fahrgäste im Nahverkehr ist im ersten Halbjahr um 18 Prozent gestiegen, teilte der Verkehrsverbund mit.",
    "it": "Il consiglio comunale ha approvato il bilancio della città con i voti della maggioranza e non dell'opposizione.",
}


@pytest.mark.parametrize(("language", "text"), TEXTS.items())
def test_guess_language_names_the_language(language, text):
    assert guess_language(text) == language


@pytest.mark.parametrize("text", ["", "Riverton 2024", "Budget: $412.6 million"])
def test_guess_language_is_undetermined_without_enough_words(text):
    assert guess_language(text) == UNKNOWN
