import pytest

from ingest.claims.quantity import parse_number, parse_quantity


@pytest.mark.parametrize(
    ("text", "value", "high", "bound", "cue", "unit"),
    [
        ("432", 432, None, "exact", None, None),
        ("2,000", 2000, None, "exact", None, None),
        ("three", 3, None, "exact", None, None),
        ("seventeen", 17, None, "exact", None, None),
        ("two thousand", 2000, None, "exact", None, None),
        ("17 and a half", 17.5, None, "exact", None, None),
        ("98 percent", 98, None, "exact", None, "percent"),
        ("between 50-80%", 50, 80, "range", "between", "percent"),
        ("10 to 15", 10, 15, "range", None, None),
        ("from 3 to 5", 3, 5, "range", "from", None),
        ("between 50 and 80", 50, 80, "range", "between", None),
        ("75+", 75, None, "at_least", "+", None),
        ("about 80", 80, None, "approx", "about", None),
        ("nearly 200", 200, None, "approx", "nearly", None),
        ("roughly 40", 40, None, "approx", "roughly", None),
        ("at least 500", 500, None, "at_least", "at least", None),
        ("a minimum of 2,000", 2000, None, "at_least", "a minimum of", None),
        ("more than 20", 20, None, "more_than", "more than", None),
        ("over 300", 300, None, "more_than", "over", None),
        ("up to 10", 10, None, "at_most", "up to", None),
        ("just under 200", 200, None, "less_than", "just under", None),
        ("fewer than 12", 12, None, "less_than", "fewer than", None),
        ("$2.5 million", 2_500_000, None, "exact", None, "USD"),
        ("1 in 4", 0.25, None, "exact", None, "ratio"),
        ("dozens", 24, None, "approx", None, None),
        ("a dozen", 12, None, "approx", None, None),  # by meaning, as "dozens"
        ("nearly a dozen", 12, None, "approx", "nearly", None),
        ("3.5 percentage points", 3.5, None, "exact", None, "percentage points"),
        ("no", 0, None, "exact", None, None),
        ("none", 0, None, "exact", None, None),
        ("$50 to $75", 50, 75, "range", None, "USD"),
        ("more than two dozen", 24, None, "more_than", "more than", None),
        ("$3.1bn", 3_100_000_000, None, "exact", None, "USD"),
        ("US$4.5 billion", 4_500_000_000, None, "exact", None, "USD"),
        ("NZ$5 billion", 5_000_000_000, None, "exact", None, "NZD"),
        ("more than double", 2, None, "more_than", "more than", "times"),
        ("tenfold", 10, None, "exact", None, "times"),
        ("£40m", 40_000_000, None, "exact", None, "GBP"),
        ("€2 bn", 2_000_000_000, None, "exact", None, "EUR"),
        ("2GW", 2, None, "exact", None, None),  # the unit finder names the fused unit
        ("tens of thousands", 20_000, None, "approx", None, None),
        ("hundreds of millions", 200_000_000, None, "approx", None, None),
        ("a few hundred", 300, None, "approx", None, None),
        ("several thousand", 3000, None, "approx", None, None),
        ("6 ½", 6.5, None, "exact", None, None),
        ("up to an additional 10 per cent", 10, None, "at_most", "up to", "percent"),
        ("as much as 5", 5, None, "at_most", "as much as", None),
        ("capped at 29.4 million", 29_400_000, None, "at_most", "capped at", None),
        ("near zero", 0, None, "approx", "near", None),
    ],
)
def test_parse_quantity_value_bound_unit(text, value, high, bound, cue, unit):
    q = parse_quantity(text)
    assert q is not None
    assert (q.value, q.value_high, q.bound, q.bound_text, q.unit) == (value, high, bound, cue, unit)


@pytest.mark.parametrize("text", ["", "many", "several people"])
def test_parse_quantity_without_number_is_none(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("twenty-one", 21), ("2.5 million", 2_500_000), ("a dozen", 12), ("three dozen", 36)],
)
def test_parse_number_words_and_scales(text, value):
    assert parse_number(text) == value


def test_two_numbers_joined_by_or_read_as_a_range():
    q = parse_quantity("two or three")
    assert (q.value, q.value_high, q.bound) == (2, 3, "range")


def test_thousands_grouped_with_dots_read_as_one_number():
    assert parse_number("3.500.000") == 3_500_000
    assert parse_number("2.5") == 2.5
