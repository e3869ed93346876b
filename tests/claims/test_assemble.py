"""Claims assembled from the trained pipeline's parse: time scopes across clauses."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ingest.annotate.paragraphs import annotate_texts
from ingest.claims.assemble import (
    QUANTITIES_KEY,
    claims_from_paragraphs,
    defines_group,
    time_scope,
)
from ingest.dates.mentions import DATES_KEY

pytestmark = pytest.mark.model

PUBLISHED = date(2017, 1, 11)


def scopes(nlp, text: str) -> dict[str, tuple[date | None, date | None]]:
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    claims = claims_from_paragraphs(paragraphs, "doc", PUBLISHED)
    return {c.quantity_text: (c.period_start, c.period_end) for c in claims}


def test_date_of_the_clause_a_figure_is_reported_in(nlp):
    text = "In 2014, Commissioner Olga Roche told WBUR that 129 foster kids were missing."
    assert scopes(nlp, text)["129"] == (date(2014, 1, 1), date(2014, 12, 31))


def test_the_day_something_was_said_does_not_date_the_figure(nlp):
    text = "Police said Wednesday that 40 people were arrested."
    assert scopes(nlp, text)["40"] == (None, None)


def test_the_day_of_an_event_dates_the_figure_of_the_clause_it_governs(nlp):
    text = "Gunmen attacked a bus on Tuesday, wounding 14 passengers."
    assert scopes(nlp, text)["14"] == (date(2017, 1, 10), date(2017, 1, 10))


def test_the_day_a_statement_was_made_does_not_date_what_it_reports(nlp):
    text = "Officials disclosed Monday that the agency had hired 40 inspectors."
    assert scopes(nlp, text)["40"] == (None, None)


def test_what_a_multiple_compares_with_is_no_period_of_it(nlp):
    text = "Store-brand sales were double the number in 2015."
    assert scopes(nlp, text)["double"] == (None, None)


def test_since_clause_opens_the_period(nlp):
    text = (
        "Since Connecticut enacted the felony crime in 2013, there have been no arrests or "
        "convictions for the felony."
    )
    assert scopes(nlp, text)["no"] == (date(2013, 1, 1), PUBLISHED)


def speakers(nlp, text: str) -> dict[str, str | None]:
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    claims = claims_from_paragraphs(paragraphs, "doc", PUBLISHED)
    return {c.quantity_text: c.attributed_to for c in claims}


@pytest.mark.parametrize(
    ("text", "figure", "speaker"),
    [
        # the name right before "said", even where the NER missed it; full name from the article
        (
            "Commissioner Ruth Sandoval spoke on Wednesday.\n\n"
            "Sandoval said the cut could eliminate up to 90 positions.",
            "up to 90",
            "Ruth Sandoval",
        ),
        # "she" is the last person who spoke, not an organisation named in between
        (
            "Commissioner Ruth Sandoval said group homes are closing. The Appropriations "
            "Committee said the budget is tight. About 400 children live in them, she said.",
            "About 400",
            "Ruth Sandoval",
        ),
        # the person inside a title run, not the organisation in front of it
        (
            "DOT spokeswoman Karen Lindqvist said ridership has grown 12 percent since January.",
            "12 percent",
            "Karen Lindqvist",
        ),
        # "according to" takes the phrase's head, a name the NER may not have labelled
        (
            "About 2,800 defendants are jailed awaiting trial, according to the Judicial Branch.",
            "About 2,800",
            "Judicial Branch",
        ),
        # two subjects in the parse, or none: the name after a clause-ending ", said"
        (
            "Haven House, which runs the county's only family shelter, turned away 61 families "
            "in March, said spokeswoman Dana Whitfield.",
            "61",
            "Dana Whitfield",
        ),
        # a description before the name
        (
            "Nearly 3 in 10 adults in Hartford lack a regular doctor, according to the nonprofit "
            "CareWatch.",
            "Nearly 3 in 10",
            "CareWatch",
        ),
        # the author of the report, in a clause after it
        (
            "Overdose deaths fell 9 percent last year, according to a report the state "
            "Department of Public Health released Monday.",
            "9 percent",
            "the state Department of Public Health",
        ),
        # "the report shows", "the department said": the source named before
        (
            "Overdose deaths fell last year, according to figures from the Department of Public "
            "Health.\n\nThe report shows 1,204 people died in 2023.",
            "1,204",
            "the Department of Public Health",
        ),
        (
            "The Department of Public Health counted the deaths.\n\nFentanyl was involved in "
            "84 percent of them, the department said.",
            "84 percent",
            "The Department of Public Health",
        ),
        # "confirmed cases" describes; the speaker is the one who said it
        (
            "Maine recorded 912 confirmed cases of Lyme disease in 2022, the Maine Center for "
            "Disease Control said Friday.",
            "912",
            "the Maine Center for Disease Control",
        ),
        # findings and conclusions name a source too, also through "researchers at"
        (
            "The Appropriations Committee concluded that the fund will run short by $41 "
            "million next year.",
            "$41 million",
            "The Appropriations Committee",
        ),
        (
            "A study by researchers at Yale University found that about one in three "
            "renters was behind on rent.",
            "about one in three",
            "Yale University",
        ),
        # "finding" success is no finding reported: the source is the one cited
        (
            "Costco, too, is finding buyers for its new brand: it sold more than 40,000 units "
            "in May, according to Numerator.",
            "more than 40,000",
            "Numerator",
        ),
        # of two speakers in a sentence, the one whose statement holds the figure
        (
            "Chief Ellis said crime was down, while the Urban Institute reported that burglaries "
            "rose 12 percent.",
            "12 percent",
            "the Urban Institute",
        ),
        (
            "Senator Ruiz claimed the cuts would pay for themselves, even as the Budget Office "
            "estimated that they would add $90 billion to the debt.",
            "$90 billion",
            "the Budget Office",
        ),
        # "X was quoted as saying": X, not the outlet that quoted it
        (
            "About 40 homes were damaged, Mayor Ruth Adler was quoted as saying.",
            "About 40",
            "Ruth Adler",
        ),
        (
            "Sales fell 12 percent, the Acme Corporation was quoted as saying by the Tribune.",
            "12 percent",
            "the Acme Corporation",
        ),
        # the institution owning the data: "department data", "the department's survey"
        (
            "The Hartford Police Department released its figures.\n\nCar thefts rose to 1,310 "
            "in 2023, according to department data.",
            "1,310",
            "The Hartford Police Department",
        ),
        # "he said" is the person just named, who has not spoken yet
        (
            "Tom Jones, the county's health director, spoke on Monday. The county recorded 40 "
            "cases last week, he said.",
            "40",
            "Tom Jones",
        ),
        # "the company said": the organisation the paragraph named last
        (
            "Avis Inc. reported a profit of $20 million. Revenue rose 8 percent to $500 "
            "million, the company said.",
            "8 percent",
            "Avis Inc.",
        ),
        # scare quotes are no quotation to take the next sentence's speaker
        (
            'The town became a "boundless industrial park" with 3,000 Taiwan firms. Chang '
            "Han-wen, the chairman of the business association, said business was good.",
            "3,000",
            None,
        ),
        # a nationality or group names no source
        ("Palestinians say 40 people were hurt in the clashes.", "40", None),
        # a plural capitalised only at the sentence's start names no one
        ("Meteorologists said winds reached 110 mph.", "110", None),
        # the audience of a speech act is not part of what is reported
        (
            "Mayor John Smith told 500 supporters that the city would hire 100 officers.",
            "500",
            None,
        ),
        (
            "Speaking to 2,000 supporters in Ohio, Senator John Hale said the plan would "
            "create 40,000 jobs.",
            "2,000",
            None,
        ),
        # reporting verbs beyond "said"
        ("Mr. Yeh points out that Taiwan had a surplus of $5.9 billion.", "$5.9 billion", "Yeh"),
        ("ASKO also disclosed it holds a 15% stake in Ahold.", "15%", "ASKO"),
        (
            "The Federal Trade Commission advised Ford that it could buy 15% of Jaguar.",
            "15%",
            "The Federal Trade Commission",
        ),
        # "cited X for violations" charges, it reports nothing
        (
            "The Labor Department cited USX Corp. for safety violations at two plants, and "
            "proposed $7.3 million in fines.",
            "$7.3 million",
            None,
        ),
        # a time clause with its own subject, before the speech verb, sets the writer's scene
        (
            "After nine churchgoers were killed in June, Obama admitted there were few options.",
            "nine",
            None,
        ),
        # without a subject of its own it belongs to the reported clause
        (
            "After falling for three months, the index rose 0.9% last month, the Labor "
            "Department reported Friday.",
            "0.9%",
            "the Labor Department",
        ),
    ],
)
def test_speaker(nlp, text, figure, speaker):
    assert speakers(nlp, text)[figure] == speaker


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a bounded figure defining a share of a group is not a count of its own
        ("The agency said 97 percent of travelers waited less than 15 minutes.", ["97 percent"]),
        # a count as subject does not make the other figure a definition
        ("The 28 cases involved more than 45 victims.", ["28", "more than 45"]),
    ],
)
def test_thresholds_defining_a_share_are_not_claims(nlp, text, figures):
    assert list(scopes(nlp, text)) == figures


def test_a_percentage_change_counts_what_the_figure_before_it_counts(nlp):
    text = (
        "Rhode Island's child welfare agency had 2,081 children in its care as of March 31, "
        "down 7 percent from a year earlier, Director Elaine Prescott said."
    )
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    counted = {c.quantity_text: c.counted for c in claims_from_paragraphs(paragraphs, "d", None)}
    assert counted == {"2,081": "children", "7 percent": "children"}


def test_a_share_compared_with_the_figure_before_counts_what_it_counts(nlp):
    text = "Shelters took in 4,200 dogs last year, 15 percent fewer than in 2019."
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    counted = {c.quantity_text: c.counted for c in claims_from_paragraphs(paragraphs, "d", None)}
    assert counted == {"4,200": "dogs", "15 percent": "dogs"}


@pytest.mark.parametrize(
    ("text", "figure", "scope"),
    [
        # of two dates as near, the one after the figure
        (
            "Car thefts in the city climbed from 61 in 2012 to 412 in 2015.",
            "412",
            (date(2015, 1, 1), date(2015, 12, 31)),
        ),
        # the year a study appeared is not the period its figures cover
        (
            "A 2014 study by researchers at Yale University found that roughly one in four "
            "children had elevated lead levels.",
            "roughly one in four",
            (None, None),
        ),
        # a change's baseline is not the figure's period, nor is an event's day
        (
            "About 38 percent of this fall's freshmen are the first in their families to attend "
            "college, up 5 percentage points from 2014.",
            "5 percentage points",
            (None, None),
        ),
        (
            "Turnout reached nearly 31 percent of the county's registered voters in Tuesday's "
            "city election.",
            "nearly 31 percent",
            (None, None),
        ),
        # the figure's own "11 days" is no period; the month right after it is
        (
            "Air quality in Spokane was unhealthy on 11 days in August, the state said.",
            "11",
            (date(2016, 8, 1), date(2016, 8, 31)),
        ),
        # a date that names no period loses to an as near one that does
        (
            "Overdoses killed 1,038 people in 2016, a 13 percent increase over the year before.",
            "13 percent",
            (date(2016, 1, 1), date(2016, 12, 31)),
        ),
        # a past date a figure had been reached by is its period; a later one is a target
        (
            "By March the waiting list had grown to 1,200 families.",
            "1,200",
            (date(2016, 3, 1), date(2016, 3, 31)),
        ),
        ("The city hopes to plant 5,000 trees by 2030.", "5,000", (None, None)),
        # a date after a change's baseline ("up from X in 2014") is the baseline's, not the
        # figure's before it; a coordinated figure keeps the date
        (
            "The median home price reached $412,000, up from $356,000 in 2014.",
            "$412,000",
            (None, None),
        ),
        (
            "The median home price reached $412,000, up from $356,000 in 2014.",
            "$356,000",
            (date(2014, 1, 1), date(2014, 12, 31)),
        ),
        (
            "The state recorded 120 homicides and 300 shootings in 2015.",
            "120",
            (date(2015, 1, 1), date(2015, 12, 31)),
        ),
        # a length written as a hyphened modifier names a kind, not a period
        (
            "Since the start of the year, the rate on a 30-year mortgage has climbed to 7.1 percent.",
            "7.1 percent",
            (date(2017, 1, 1), PUBLISHED),
        ),
        # "that year" is the year named before it in the paragraph
        (
            "Sales peaked in 2012. In December of that year the firm sold 4,000 cars.",
            "4,000",
            (date(2012, 12, 1), date(2012, 12, 31)),
        ),
        # "currently" is the publication date
        ("The agency currently runs 14 shelters across the state.", "14", (PUBLISHED, PUBLISHED)),
        # a date written before a noun names that thing, not the figure's period
        ("The March 3 inspection found 14 violations at the plant.", "14", (None, None)),
        (
            "Inspectors found 14 violations at the plant on March 3.",
            "14",
            (date(2016, 3, 3), date(2016, 3, 3)),
        ),
        # the day of an act is not the period the figure is for
        (
            "The council approved a $4.2 million budget on Tuesday for the year 2017.",
            "$4.2 million",
            (date(2017, 1, 1), date(2017, 12, 31)),
        ),
        # an annual rate is a recurrence, no period: the clause's own period stands
        (
            "In the third quarter of 1987, the economy grew at an annual rate of 5.3%.",
            "5.3%",
            (date(1987, 7, 1), date(1987, 9, 30)),
        ),
        # a period the parse made a clause of dates the figure it hangs on
        (
            "Net income rose 12% to $5 million in the quarter ended March 31.",
            "12%",
            (date(2016, 1, 1), date(2016, 3, 31)),
        ),
        # a year modifying a noun dates that noun's figure, not a clause joined to its own
        ("Its 1988 sales were $80 million, and it has 300 employees.", "300", (None, None)),
        (
            "Its 1988 sales were $80 million, and it has 300 employees.",
            "$80 million",
            (date(1988, 1, 1), date(1988, 12, 31)),
        ),
        # a source's year dates what it found
        (
            "In our 2013 research we found that almost 50% of newsrooms had web editors.",
            "almost 50%",
            (date(2013, 1, 1), date(2013, 12, 31)),
        ),
    ],
)
def test_time_scope_of_the_figure(nlp, text, figure, scope):
    assert scopes(nlp, text)[figure] == scope


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        # a relative pronoun stands for the noun its clause describes
        ("The club, which serves about 450 families, lost its lease.", "about 450", "club"),
        # an infinitive takes the subject of the verb it completes
        ("The state wants to spend $12 million on new sidewalks.", "$12 million", "state"),
        # the subject that is the counted phrase itself is not an actor
        ("Nearly 40 percent of riders paid cash.", "Nearly 40 percent", None),
        # a dateline is not a subject
        ("WATERBURY — Flooding damaged 212 homes last week.", "212", "Flooding"),
        # the subject of "said" is the speaker, not the actor
        ("Officials said 30 bridges need repairs.", "30", None),
    ],
)
def test_subject(nlp, text, figure, subject):
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    claims = claims_from_paragraphs(paragraphs, "d", PUBLISHED)
    assert {c.quantity_text: c.subject for c in claims}[figure] == subject


def test_a_figure_standing_alone_as_subject_counts_what_the_figure_before_it_counted(nlp):
    text = (
        "Inspectors flagged 120 bridges in the county last year. About 30 were rated in poor "
        "condition.\n\nThe state counted 2,300 homeless students in 2022. Nearly 60 percent "
        "lived in shelters."
    )
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    counted = {c.quantity_text: c.counted for c in claims_from_paragraphs(paragraphs, "d", None)}
    assert counted["About 30"] == "bridges"
    assert counted["Nearly 60 percent"] == "homeless students"


def test_a_bare_count_counts_what_the_paragraph_s_figure_before_it_counted(nlp):
    text = (
        "The department has 25 crews repairing potholes. During peak season, that number can "
        "expand to more than 60."
    )
    assert counted_things(nlp, text)["more than 60"] == "crews"


def only_claim(nlp, text: str):
    """The one claim the text makes, its article published on PUBLISHED."""
    (claim,) = by_figure(nlp, text).values()
    return claim


def by_figure(nlp, text: str) -> dict:
    """The text's claims by their figure's words, its article published on PUBLISHED."""
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    return {c.quantity_text: c for c in claims_from_paragraphs(paragraphs, "d", PUBLISHED)}


def counted_things(nlp, text: str) -> dict[str, str | None]:
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    return {c.quantity_text: c.counted for c in claims_from_paragraphs(paragraphs, "d", None)}


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # a price level counts what moved, not where ("in composite trading")
        (
            "Shares of Ideal Basic fell 25 cents to $3.50 in composite trading.",
            "$3.50",
            "Shares of Ideal Basic",
        ),
        # closing, shooting up, breaking through put a figure on their subject
        ("The index closed at 2,645.08, down 12.35 points.", "2,645.08", "index"),
        ("The index closed at 2,645.08, down 12.35 points.", "12.35", "index"),
        ("Consumer prices shot up 5 percent in May.", "5 percent", "Consumer prices"),
        (
            "The total amount of foreign trade broke through 220 billion US dollars.",
            "220 billion",
            "foreign trade",
        ),
        # a currency the unit finder named is no counted thing, whatever the NER read
        ("The company reported a loss of 14 million Irish punts.", "14 million", "loss"),
        # a bare measure names what it measures: what the verb moves
        (
            "The amount of electronic trash will increase at the annual rate of 5-10%.",
            "5-10%",
            "electronic trash",
        ),
        ("We increased the performance by a factor of 100.", "100", "performance"),
        # not where its noun is named ("the unemployment rate")
        ("The unemployment rate of 5.3% was the lowest.", "5.3%", "unemployment rate"),
        # a noun the tagger called an adjective ("stake/ADJ/obj")
        ("The company sold its 60% stake in the venture.", "60%", "stake"),
        # points after a long cue still measure a change
        (
            "The Dow Jones industrials were down just about almost 140 points.",
            "almost 140",
            "Dow Jones industrials",
        ),
        # an "of" phrase right after the counted noun is kept past its determiner
        (
            "The size of the world market will grow to $1.2 billion.",
            "$1.2 billion",
            "size of the world market",
        ),
        # what is worth an amount
        ("The Alibaba shares are worth about $28 billion.", "about $28 billion", "Alibaba shares"),
        # a bare count of casualties counts people, unless a noun before it counts
        (
            "At least 82 are dead.\n\nOf the 50 passengers on board, 12 were killed.",
            "At least 82",
            "people",
        ),
        (
            "At least 82 are dead.\n\nOf the 50 passengers on board, 12 were killed.",
            "12",
            "passengers",
        ),
    ],
)
def test_counted_thing(nlp, text, figure, counted):
    assert counted_things(nlp, text)[figure] == counted


def test_a_figure_a_verb_of_capping_sets_is_an_upper_bound(nlp):
    paragraphs = next(annotate_texts(nlp, ["China plans to cap its population at 1.6 billion."], 8))
    [claim] = claims_from_paragraphs(paragraphs, "d", None)
    assert (claim.bound, claim.bound_text) == ("at_most", "cap")


def test_a_conversion_in_brackets_keeps_the_bound_and_counted_thing(nlp):
    text = "The region is more than 3,600 kilometers (2,200 miles) from Moscow."
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    claims = {c.quantity_text: c for c in claims_from_paragraphs(paragraphs, "doc", PUBLISHED)}
    assert (claims["2,200"].bound, claims["2,200"].unit) == ("more_than", "miles")


def test_a_conversion_after_a_currency_without_a_unit_keeps_the_counted_thing(nlp):
    text = "Lentjes had 1988 sales of 800 million marks ($434.4 million)."
    assert by_figure(nlp, text)["$434.4 million"].counted == "sales"


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("The associations contributed NT$30 million.", "30 million", "TWD"),
        ("The rent comes to HK$200,000 a year.", "200,000", "HKD"),
        ("The tycoon paid NZ$5 billion.", "NZ$5 billion", "NZD"),
    ],
)
def test_a_dollar_sign_after_a_country_s_capitals_names_its_currency(nlp, text, figure, unit):
    assert by_figure(nlp, text)[figure].unit == unit


def test_an_ambiguous_currency_word_is_settled_by_the_article_s_nationality(nlp):
    text = (
        "The French aircraft group reported a profit of 839 million francs.\n\n"
        "Revenue was 8.7 billion francs."
    )
    claims = by_figure(nlp, text)
    assert (claims["839 million"].unit, claims["8.7 billion"].unit) == ("FRF", "FRF")
    assert by_figure(nlp, "It reported a profit of 839 million francs.")["839 million"].unit is None


def test_an_exact_share_in_brackets_keeps_its_own_bound(nlp):
    text = "Three-quarters (74%) of respondents said they use AI tools."
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    claims = {c.quantity_text: c for c in claims_from_paragraphs(paragraphs, "doc", PUBLISHED)}
    assert (claims["74%"].bound, claims["74%"].counted) == ("exact", "respondents")


def test_others_count_what_the_figure_before_them_counted(nlp):
    text = (
        "The crash injured 14 passengers on the bus. Four others were treated at the scene."
        "\n\nNine others walked away unhurt."
    )
    paragraphs = next(annotate_texts(nlp, [text], batch_size=8))
    counted = {c.quantity_text: c.counted for c in claims_from_paragraphs(paragraphs, "d", None)}
    assert counted["Four"] == "passengers"
    assert counted["Nine"] is None  # no figure before it in its paragraph


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Valero restarted its 300,000 barrels per day plant in Texas.", "plant"),
        ("The utility is building a 2 GW solar array near the lake.", "solar array"),
        # no determiner: the unit in the singular after a count above one makes the modifier
        ("Warming brought 90 degree Fahrenheit water temperatures to the Gulf.", "temperatures"),
        # the morphologizer says ADJ, the PTB tagger NN: a noun by the tagger's vote
        ("The firm holds a 15% stake in Ahold.", "stake"),
    ],
)
def test_a_measure_between_a_determiner_and_a_noun_sizes_the_noun(nlp, text, counted):
    claim = only_claim(nlp, text)
    assert claim.counted.split()[-1] == counted.split()[-1]


@pytest.mark.parametrize(
    ("text", "bound", "counted"),
    [
        (
            "It was the largest paper with circulation exceeding 700,000.",
            "more_than",
            "circulation",
        ),
        ("Fines not exceeding $500 apply to first offences.", "at_most", "Fines"),
    ],
)
def test_a_participle_bound_cue_measures_the_noun_before_it(nlp, text, bound, counted):
    claim = only_claim(nlp, text)
    assert (claim.bound, claim.counted) == (bound, counted)


def test_a_measure_in_the_plural_sizes_no_noun_after_it(nlp):
    # "inches last year": a plural unit ends the measure, the date after it is not counted
    claim = only_claim(nlp, "The snow fell 10 inches last year.")
    assert claim.counted == "snow"


def test_an_em_dash_without_spaces_keeps_the_figure(nlp):
    claim = only_claim(nlp, "Prices rose 5%\u2014the biggest jump since 2008.")
    assert (claim.value, claim.unit, claim.counted) == (5, "percent", "Prices")


def test_a_share_restated_in_brackets_is_no_threshold_of_its_own_group():
    # "Over half (55%) of voters said yes.": the bracketed share is the figure itself, not a
    # share of a group that the figure would define
    rows = [
        ("Over", 1, "advmod", "ADV"),
        ("half", 8, "nsubj", "NOUN"),
        ("(", 4, "punct", "PUNCT"),
        ("55", 4, "nummod", "NUM"),
        ("%", 1, "appos", "SYM"),
        (")", 4, "punct", "PUNCT"),
        ("of", 7, "case", "ADP"),
        ("voters", 1, "nmod", "NOUN"),
        ("said", 8, "ROOT", "VERB"),
        ("yes", 8, "obj", "INTJ"),
        (".", 8, "punct", "PUNCT"),
    ]
    words, heads, deps, pos = map(list, zip(*rows, strict=True))
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    doc.spans[QUANTITIES_KEY] = [Span(doc, 0, 2, "CARDINAL"), Span(doc, 3, 5, "PERCENT")]
    assert not defines_group(doc[0:2])


def hand_parsed(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A Doc from (word, head, dependency, part of speech, tag, lemma) rows."""
    words, heads, deps, pos, tags, lemmas = map(list, zip(*rows, strict=True))
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_past_date_reached_by_takes_the_figure_s_tense_when_the_date_hangs_on_no_verb():
    # "But by December the fund had shrunk to 40.": the parse made the date the root and the
    # figure's clause a relative clause of it
    rows = [
        ("But", 2, "cc", "CCONJ", "CC", "but"),
        ("by", 2, "case", "ADP", "IN", "by"),
        ("December", 2, "ROOT", "PROPN", "NNP", "December"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("fund", 6, "nsubj", "NOUN", "NN", "fund"),
        ("had", 6, "aux", "AUX", "VBD", "have"),
        ("shrunk", 2, "acl:relcl", "VERB", "VBN", "shrink"),
        ("to", 8, "case", "ADP", "IN", "to"),
        ("40", 6, "obl", "NUM", "CD", "40"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    doc = hand_parsed(rows)
    doc.spans[QUANTITIES_KEY] = [Span(doc, 8, 9, "CARDINAL")]
    doc.spans[DATES_KEY] = [Span(doc, 2, 3, "DATE")]
    assert time_scope(doc[8:9], PUBLISHED) == (date(2016, 12, 1), date(2016, 12, 31))


def test_a_relative_clause_takes_no_period_from_the_clause_it_describes():
    # the date finder's "in 2017" dates the cancelling, not how many children the league serves
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("league", 7, "nsubj", "NOUN", "NN", "league"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("which", 4, "nsubj", "PRON", "WDT", "which"),
        ("serves", 1, "acl:relcl", "VERB", "VBZ", "serve"),
        ("600", 6, "nummod", "NUM", "CD", "600"),
        ("children", 4, "obj", "NOUN", "NNS", "child"),
        ("canceled", 7, "ROOT", "VERB", "VBD", "cancel"),
        ("its", 9, "nmod:poss", "PRON", "PRP$", "its"),
        ("season", 7, "obj", "NOUN", "NN", "season"),
        ("in", 11, "case", "ADP", "IN", "in"),
        ("2017", 7, "obl", "NUM", "CD", "2017"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    doc = hand_parsed(rows)
    doc.spans[QUANTITIES_KEY] = [Span(doc, 5, 6, "CARDINAL")]
    doc.spans[DATES_KEY] = [Span(doc, 10, 12, "DATE")]
    assert time_scope(doc[5:6], PUBLISHED) == (None, None)


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # a bare count after another in its paragraph counts the same thing
        ("The department has 25 crews on duty. That number can expand to 60.", "60", "crews"),
        # "the figure" with nothing of its own points back like "others"
        (
            "The yield on the stocks was 3.2% last month. The figure is now about 3.3%.",
            "about 3.3%",
            "yield",
        ),
        (
            "The yield on the stocks was 3.2% last month. The figure is now about 3.3%.",
            "3.2%",
            "yield",
        ),
        # where a change ended counts what changed
        (
            "Orders were up 0.2% to $127.03 billion after rising 3.9% the month before.",
            "0.2%",
            "Orders",
        ),
        (
            "Orders were up 0.2% to $127.03 billion after rising 3.9% the month before.",
            "$127.03 billion",
            "Orders",
        ),
        # the currency of another figure's amount is not what a share counts
        ("It soared 97% to 839 million francs.", "97%", None),
        # a change describing an amount moves what the amount is the value of
        (
            "Export value was 1.637 billion US dollars, increasing by 23.6% over the year before.",
            "23.6%",
            "Export value",
        ),
        # a share with nothing of its own after a count of things is a share of those
        (
            "Its survey of 2,508 employees shows 82% with more than a high-school education.",
            "82%",
            "employees",
        ),
        # an amount of money counts nothing a count before it counted
        (
            "The Herald sells more than 170,000 copies a day. Hearst was asking $100 million "
            "for an operation said to be losing about $20 million a year.",
            "$100 million",
            None,
        ),
    ],
)
def test_a_figure_takes_the_counted_thing_of_the_figure_before_it_of_its_kind(
    nlp, text, figure, counted
):
    assert by_figure(nlp, text)[figure].counted == counted


def test_a_share_of_a_named_company_counts_the_company(nlp):
    text = "Metallgesellschaft AG said it agreed to acquire 51% of Lentjes AG from the foundation."
    claim = only_claim(nlp, text)
    assert claim.counted == "Lentjes AG"


@pytest.mark.parametrize(
    ("text", "bound", "cue"),
    [
        ("Only 15 or so teachers came.", "approx", "or so"),
        ("Oil may reach $21.50 a barrel or more.", "at_least", "or more"),  # past the rate
        ("Rates were as high as 6.9% in 1984.", "at_most", "as high as"),
    ],
)
def test_a_bound_cue_after_the_figure_or_its_rate_bounds_it(nlp, text, bound, cue):
    claim = only_claim(nlp, text)
    assert (claim.bound, claim.bound_text) == (bound, cue)


def test_a_weekday_before_a_preposition_is_that_day_not_a_day_counted_from_it(nlp):
    # "after" here heads "after a protest"; in "a day after" it would count from the day
    claim = only_claim(nlp, "Police arrested 12 people on Tuesday after a protest.")
    tuesday = PUBLISHED - timedelta(days=(PUBLISHED.weekday() - 1) % 7)
    assert (claim.period_start, claim.period_end) == (tuesday, tuesday)


def test_the_publisher_of_a_journal_cited_with_according_to_is_the_source(nlp):
    claim = only_claim(
        nlp,
        "According to official journals published recently by Mexico's Treasury Department, "
        "exports reached 110 billion dollars.",
    )
    assert claim.attributed_to is not None and claim.attributed_to.endswith("Treasury Department")


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        # a paragraph about Congress counts in federal fiscal years, October to September
        (
            "Congress cut the request for antitrust enforcement by $30 million for fiscal 1990.",
            (date(1989, 10, 1), date(1990, 9, 30)),
        ),
        # a state's own bodies keep the state's, July to June
        (
            "The legislature cut federal aid to towns by $30 million for fiscal 1990.",
            (date(1989, 7, 1), date(1990, 6, 30)),
        ),
    ],
)
def test_a_fiscal_year_is_the_government_s_the_paragraph_names(nlp, text, scope):
    assert scopes(nlp, text)["$30 million"] == scope


@pytest.mark.parametrize(
    ("text", "figure", "counted"),
    [
        # a participle clause of time moves what its head clause's subject names
        (
            "Factory shipments fell 1.6% to $234.4 billion after rising 5.4% in August.",
            "5.4%",
            "Factory shipments",
        ),
        (
            "Orders were up 0.2% to $127.03 billion after rising 3.9% the month before.",
            "3.9%",
            "Orders",
        ),
        # so does a participle clause hung from a verb of change
        (
            "The share of kindergartners with exemptions rose for the fifth straight year, "
            "reaching 2.5 percent.",
            "2.5 percent",
            "kindergartners",
        ),
        # not one hung from a verb of saying: the speaker is no counted thing
        (
            "After falling for three consecutive months, the producer price index for finished "
            "goods shot up 0.9% last month, the Labor Department reported Friday.",
            "0.9%",
            None,
        ),
    ],
)
def test_a_verb_without_its_own_subject_shares_its_head_clause_s(nlp, text, figure, counted):
    assert by_figure(nlp, text)[figure].counted == counted


def test_a_participle_clause_of_time_states_its_own_figure(nlp):
    text = "Factory shipments fell 1.6% to $234.4 billion after rising 5.4% in August."
    assert by_figure(nlp, text)["5.4%"].verb == "rising"


def test_a_date_after_by_is_a_deadline_not_an_agent(nlp):
    claim = by_figure(nlp, "By March the Dow had fallen to 825.")["825"]
    assert (claim.counted, claim.subject) == ("Dow", None)


def test_a_figure_describing_the_named_speaker_is_not_the_speaker_s_report(nlp):
    text = (
        "Vincent Bajakian, manager of the $1.8 billion Wellington Fund, said he added 300 shares."
    )
    claims = by_figure(nlp, text)
    assert (claims["$1.8 billion"].attributed_to, claims["300"].attributed_to) == (
        None,
        "Vincent Bajakian",
    )
