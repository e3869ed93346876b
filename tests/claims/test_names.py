import pytest

from ingest.claims.names import acronym_aliases, reference_aliases


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


def test_reference_aliases_tie_the_department_to_the_one_the_document_names():
    text = (
        "The Connecticut Department of Children and Families (DCF) opened 40 cases. The "
        "Department said her department needs staff, and the Board of Education agreed."
    )
    organisations = ["Connecticut Department of Children and Families", "the Board of Education"]
    assert reference_aliases(text, organisations) == [
        ("department", "Connecticut Department of Children and Families")
    ]  # "the Board of Education" is a name, not a reference
