"""The unit finder: each figure's unit named from pint's unit table, not English words pint reads as units."""

import pytest
import spacy
from spacy.tokens import Span

from ingest.annotate.units import fused_unit, unit_name, written_unit
from ingest.claims.units import same_unit


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("GW", "gigawatt"),
        ("gigawatts", "gigawatt"),
        ("mph", "mph"),  # the project's own name wins
        ("miles", "miles"),
        ("microns", "micron"),
        ("kph", "kilometer per hour"),
        ("kilometres", "kilometers"),
        ("tonnes", "metric ton"),
        ("MW", "megawatt"),
        ("dollars", "USD"),  # the project's unit words: currencies by code
        ("yuan", "CNY"),
        ("yen", "JPY"),
        ("roubles", "RUB"),
        ("bpd", "barrels per day"),
        ("megapixels", "megapixels"),
    ],
)
def test_unit_name_reads_the_lexicon(written, name):
    assert unit_name(written) == name


@pytest.mark.parametrize("word", ["care", "fares", "units", "ramps", "in", "at", "are", "league"])
def test_unit_name_ignores_words_pint_reads_as_units(word):
    assert unit_name(word) is None


def test_written_unit_reads_rates_and_areas():
    assert written_unit(["miles", "per", "hour"]) == "miles per hour"
    assert written_unit(["km", "/", "h"]) == "kilometers per hour"
    assert written_unit(["square", "feet"]) == "square feet"
    assert written_unit(["new", "homes"]) is None
    assert written_unit(["dollars", "per", "barrel"]) == "USD"  # a price, in its currency
    assert written_unit(["yuan", "/", "liter"]) == "CNY"
    assert written_unit(["cents", "a", "pound"]) == "cents"
    assert written_unit(["minutes", "a", "day"]) == "minutes"  # a time spent, each day
    assert written_unit(["barrels", "a", "day"]) == "barrel per day"  # a flow keeps its rate
    assert written_unit(["of", "dollars"]) == "USD"
    assert written_unit(["degrees", "Fahrenheit"]) == "degree Fahrenheit"
    assert written_unit(["degrees", "C"]) == "degree Celsius"
    assert written_unit(["degrees", "latitude"]) is None
    assert written_unit(["Taiwan", "dollars"]) == "TWD"  # not USD, as "dollars" alone reads
    assert written_unit(["Hong", "Kong", "dollars"]) == "HKD"
    # an ambiguous currency word is read with the adjective that settles it
    assert written_unit(["Irish", "punts"]) == "IEP"
    assert written_unit(["French", "francs"]) == "FRF"
    assert written_unit(["francs"]) is None  # French, Swiss or Belgian
    assert written_unit(["pence"]) == "pence"
    # a unit pint names in more than one word
    assert written_unit(["metric", "tons"]) == "metric ton"
    assert written_unit(["nautical", "miles"]) == "nautical mile"


def test_fused_unit_splits_number_and_unit():
    assert fused_unit("2GW") == ("2", "gigawatt")
    assert fused_unit("55mph") == ("55", "mph")
    assert fused_unit("4K") is None  # a resolution, not kelvin: one-letter symbols are left out


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("kph", "kilometer per hour", True),
        ("microns", "micron", True),
        ("GW", "gigawatt", True),
        ("mph", "miles per hour", True),
        ("miles", "mph", False),
        ("degrees Fahrenheit", "degree Fahrenheit", True),
        ("degrees Celsius", "degree Fahrenheit", False),
        ("USD", "GBP", False),
        ("percent", "percentage points", False),
        (None, None, True),
        ("percent", None, False),
    ],
)
def test_same_unit_compares_meaning(a, b, same):
    assert same_unit(a, b) is same


def _blank_with_quantity(text, start, end):
    nlp = spacy.blank("en")
    nlp.add_pipe("ingest_unit_finder")
    doc = nlp.make_doc(text)
    doc.spans["quantities"] = [Span(doc, start, end, label="CARDINAL")]
    return nlp, doc


def test_unit_finder_writes_the_units_span_group():
    nlp, doc = _blank_with_quantity("Gusts of 60 mph hit the coast", 2, 3)
    doc = nlp.get_pipe("ingest_unit_finder")(doc)
    assert [(s.text, s.label_) for s in doc.spans["units"]] == [("mph", "mph")]


def test_a_time_reference_after_a_unit_is_not_a_rate():
    nlp, doc = _blank_with_quantity("up from 274,963 tons a year earlier", 2, 3)
    doc = nlp.get_pipe("ingest_unit_finder")(doc)
    assert [(s.text, s.label_) for s in doc.spans["units"]] == [("tons", "tons")]


def test_unit_finder_round_trips_to_disk(tmp_path):
    nlp, _ = _blank_with_quantity("a 2 GW array", 1, 2)
    nlp.to_disk(tmp_path)
    loaded = spacy.load(tmp_path)
    doc = loaded.make_doc("a 2 GW array")
    doc.spans["quantities"] = [Span(doc, 1, 2, label="CARDINAL")]
    doc = loaded.get_pipe("ingest_unit_finder")(doc)
    assert [s.label_ for s in doc.spans["units"]] == ["gigawatt"]


@pytest.mark.model
def test_unit_finder_units_survive_multiprocessing(nlp):
    texts = ["The 1.6 GW plant opened.", "Particles 2.5 microns wide were found."]
    docs = list(nlp.pipe(texts, n_process=2))
    assert [[s.label_ for s in d.spans["units"]] for d in docs] == [["gigawatt"], ["micron"]]
