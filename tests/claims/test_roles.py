"""What a figure counts, read from the trained pipeline's parse (sentences not in the labelled set)."""

from __future__ import annotations

import pytest

from ingest.claims.roles import counted_and_unit, phrase

pytestmark = pytest.mark.model


def counted(nlp, text: str) -> str | None:
    doc = nlp(text)
    spans = list(doc.spans["quantities"])
    assert len(spans) == 1, [s.text for s in spans]
    noun, _ = counted_and_unit(spans[0])
    return phrase(noun, spans[0]) if noun is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the subject of a copula: UD makes the predicate the head of subject and copula
        ("The state's unemployment rate is 4.1 percent.", "unemployment rate"),
        ("The average rent is now $1,650, the agency said.", "average rent"),
        ("Property taxes are 3 percent higher than last year.", "Property taxes"),
        # the object of a transitive verb of change, the passive subject of an estimate
        ("The city cut its police overtime budget by 12 percent.", "police overtime budget"),
        ("The cost of the project is estimated at $14 million.", "cost of the project"),
        # the subject of an intransitive verb of change
        ("Home sales fell 9 percent in October.", "Home sales"),
        # a noun dating the figure is not what it counts
        ("Ridership stood at 12,400 last month.", "Ridership"),
        # a length of time as a copula's predicate
        ("The wait for a hearing is about eight months.", "wait for a hearing"),
        # people named by a group, and hyphenated modifiers
        ("About 2,300 Democrats voted early.", "Democrats"),
        ("The agency opened six drop-in centers last year.", "centers"),
        # either end of a range may carry the noun it belongs to
        ("Repeat offenders pay fines of $100 to $250.", "fines"),
        # days a thing happened on are counted; a length of time is not
        ("The river was unsafe for swimming on 37 days.", "days"),
        # "down" parsed as the predicate of the copula
        ("The vacancy rate is down 1.2 percentage points from last spring.", "vacancy rate"),
        # coordination kept whole
        (
            "The ship carried 2.5 metric tons of fuel, water, food and other supplies.",
            "fuel, water, food and other supplies",
        ),
        # a list the parse chains (each conjunct on the one before) is kept whole too
        ("Ford sold 12,000 cars, vans and pickups in May.", "cars, vans and pickups"),
        # reach is measured to where a conjunct's phrase starts, not to its head
        (
            "Sales were 86,555 pickups, vans and sport utility vehicles.",
            "pickups, vans and sport utility vehicles",
        ),
        # a participle with a noun of its own is a clause, not a modifier of what is counted
        ("The storm brought gusts of 60 mph to the coast.", "gusts"),
        # a word whose lemma is a unit symbol is no unit ("buses": "bu" is a bushel)
        ("The city has 400 buses.", "buses"),
        # the word ending an amount of money is its currency, known to the lexicon or not
        ("Group sales rose to 168.1 million Irish punts.", "Group sales"),
        ("Shares of the company closed at 50 pence.", "Shares of the company"),
        # a phrase saying which of the noun's kind is meant is part of the counted thing
        ("Banks cut loans to such nations to $1.7 billion.", "loans to such nations"),
        # a name's last word the morphologizer called an adjective (Average/ADJ/NNP)
        (
            "The Dow Jones Industrial Average was likely to decline about 500 points.",
            "Dow Jones Industrial Average",
        ),
        # a fraction of what a determiner after it introduces
        ("That is less than one-third the time that viewers watch the networks.", "time"),
        # right after the noun, a qualifier reaches as far as "of" does
        ("Sales for the total group rose 27% in May.", "Sales for the total group"),
        ("Only 15 or so teachers came.", "teachers"),  # a bound cue joins nothing
        ("The trade deficit widened to $4.2 billion in May.", "trade deficit"),
        ("The agency opened 30 state-funded programs.", "state-funded programs"),
        # the value of the subject of a verb of change, also through "expected to"
        ("The price of Brent crude advanced 53 cents.", "price of Brent crude"),
        ("The deficit is expected to total nearly $1 trillion next year.", "deficit"),
        # a statistic's name ("a high of") is not what is counted, the subject is
        ("The Dow rallied to a high of 943 in September.", "Dow"),
        # a named subject whose value the figure is
        ("By March the Dow had fallen to 825.", "Dow"),
        # the value of the noun a measure belongs to, never the unit ("mph")
        ("The storm had gusts of 60 mph across the region.", "gusts"),
        # a figure right after "of" is the value of the noun before it
        ("Each of the finalists will receive awards of 2,500 from the foundation.", "awards"),
        ("The ferry reached speeds of nearly 40 knots during the trial.", "speeds"),
        # a copula's predicate completing another verb has that verb's subject
        ("Turnout is projected to be about 62 percent.", "Turnout"),
        ("The new school's enrollment is expected to be 1,200.", "enrollment"),
        ("The final bill is likely to be $4.5 million.", "final bill"),
        # a verb of valuation: its passive subject, or the noun its participle describes
        ("The annual catch is capped at 4,000 tons.", "annual catch"),
        ("Seats priced at $45 sold out in minutes.", "Seats"),
        # a high or low is reached by what the clause moves: its object, else its subject
        ("Heavy buying pushed the index to a record high of 5,210.", "index"),
        ("Strong demand drove ticket sales to a peak of 80,000 in June.", "ticket sales"),
        ("By March the reservoir had shrunk to a low of 41 percent.", "reservoir"),
        # the size a dimension adjective gives is the copula subject's
        ("The median age of the fleet is 14.2 years old.", "median age of the fleet"),
        ("The new sea wall is 12 feet high.", "new sea wall"),
        # points are counted unless they measure a change or a percentage
        ("The audit lists 14 points where the city failed.", "points"),
        ("The index fell 50 points on Friday.", "index"),
        # a currency code after the amount is its unit, never what it counts
        ("The tablet ships with a starting price of $199 USD.", "starting price"),
        # a hyphened modifier and the adjectives after it lead to the noun counted
        ("The museum restored two century-old wooden canoes.", "century-old wooden canoes"),
        # "peaked", "improved": verbs of change whose figure is their subject's value, unless the
        # figure is who the change happened for
        ("Ferry ridership peaked at 2.1 million in 2019.", "Ferry ridership"),
        ("Test scores improved for about 60 percent of the students.", "students"),
        # a noun of approximation is not counted: the copula's subject is
        ("Mortgage rates have been in the range of 6% to 7% all year.", "Mortgage rates"),
        ("The repair bill is in the neighborhood of $40,000.", "repair bill"),
        # "it" standing for the "number of" phrase before it
        (
            "When you count the number of bridges rated poor in the state, it is about 1,200.",
            "bridges",
        ),
        ("As for the share of renters who are behind, it is nearly 20 percent.", "renters"),
    ],
)
def test_counted_thing(nlp, text, expected):
    assert counted(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The flu shot was about 40 percent effective.",  # describes the shot, counts nothing
        "He was sentenced to 12 years in prison.",  # a length of time
        "The company raised $3 million from investors.",  # the money is the object
        "Boys were nearly four times as likely as girls to be detained.",  # a comparison
        "About two-thirds of them left the district.",  # a pronoun names nothing to count
        "Visitors spend an average of $95 each.",  # the statistic is not what is counted
        "Thieves sell the parts for up to $900 apiece.",
        # an organisation is never what is counted, nor "those"
        "At Central Montana Medical Center, the vacancy rate is currently 22 percent.",
        "Eleven of those arrested were charged with felonies.",
        "She paid 40 EUR for the tickets.",
        "She is a nurse with 25 years experience in emergency care.",  # a length describing
        # a conjunction right after the figure joins it to a thing of its own
        "The government sued the company, seeking $23,000 and other damages.",
    ],
)
def test_nothing_counted(nlp, text):
    assert counted(nlp, text) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("Oil rose to 64.73 dollars on Tuesday.", "64.73"),
        ("Valero shut its 85,000 bpd Houston refinery.", "85,000"),
        ("Three-quarters (74%) of respondents agreed.", "74%"),
    ],
)
def test_counted_never_a_unit_number_word_or_date(nlp, text, figure):
    doc = nlp(text)
    span = next(s for s in doc.spans["quantities"] if s.text == figure)
    noun, _ = counted_and_unit(span)
    assert noun is None or noun.lower_ not in ("dollars", "bpd", "quarters")


@pytest.mark.parametrize(
    "text",
    [
        "The new chip runs about eight times faster than the old one.",
        "Girls were three times more likely to be referred.",
    ],
)
def test_a_multiple_in_a_comparison_counts_nothing_and_is_in_times(nlp, text):
    doc = nlp(text)
    assert counted_and_unit(doc.spans["quantities"][0]) == (None, "times")


def test_a_count_in_a_place_does_not_count_the_place(nlp):
    # "$279,450 in restitution" counts restitution; "dozens in storage" are somewhere
    doc = nlp("Police recovered 14 stolen bikes, and there are dozens in storage.")
    noun, _ = counted_and_unit(doc.spans["quantities"][1])
    assert noun is None or noun.lower_ != "storage"


def test_money_in_a_noun_past_a_rate_period_counts_the_noun(nlp):
    # "$40 million a month in goods": the rate's period between the amount and "in" is read past
    doc = nlp("The country imports $40 million a month in goods from its neighbour.")
    noun, _ = counted_and_unit(doc.spans["quantities"][0])
    assert noun is not None and noun.text == "goods"
