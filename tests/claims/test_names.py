import pytest

from ingest.claims.names import acronym_aliases


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "says Elizabeth Duryea of the Department of Children and Families (DCF).",
            [("DCF", "Department of Children and Families")],
        ),
        (
            "the Connecticut Trafficking in Persons Council (TIP) is changing that.",
            [("TIP", "Trafficking in Persons Council")],
        ),
        (
            "National Center for Missing and Exploited Children (NCMEC) data",
            [("NCMEC", "National Center for Missing and Exploited Children")],
        ),
        ("The bill (HB 5012) passed.", []),
        ("Hartford (Conn.) police said", []),
    ],
)
def test_acronym_aliases_match_initials(text, expected):
    assert acronym_aliases(text) == expected
