"""The quantity finder: figures with their cues, and the numbers that are not quantities."""

import pytest
import spacy
from spacy.tokens import Doc

from ingest.annotate.quantities import find_quantities

pytestmark = pytest.mark.model


def _found(nlp, text):
    doc = nlp(text)
    return [s.text for s in doc.spans["quantities"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DCF received just under 200 referrals in 2016.", ["just under 200"]),
        ("Some children report 10 to 15 buyers per night.", ["10 to 15"]),
        ("Between 50-80% of runaways may be trafficked.", ["Between 50-80%"]),
        ("In Massachusetts, 75+ kids have been placed on the list since 2014.", ["75+"]),
        ("He was sentenced to 17 and a half years in prison.", ["17 and a half"]),
        ("The agency fielded nearly 200 calls.", ["nearly 200"]),
        (
            "Officials counted seventeen cases and 98 percent of them were girls.",
            ["seventeen", "98 percent"],
        ),
        ("There have been no arrests or convictions for the felony.", ["no"]),
        ("No other employees were charged.", ["No"]),
        ("The shelter housed an average of 45 people.", ["45"]),  # exact, and not "age of"
        ("Just under one-third of social workers left.", ["Just under one-third"]),
        ("Car thefts rose to 1,310 in 2023.", ["1,310"]),  # "in" a year is no ratio
        ("One in 4 adults smoke.", ["One in 4"]),
        ("Rebels killed tens of thousands of civilians.", ["tens of thousands"]),
        ("Only a few hundred fighters remained.", ["a few hundred"]),
        ("Fees may rise by up to an additional 10 per cent.", ["up to an additional 10 per cent"]),
        ("It stopped transmitting 6 ½ minutes after launch.", ["6 ½"]),
        ("The deal cost $3.1bn last year.", ["$3.1bn"]),
        ("He did it at about a fifth of the cost.", ["about a fifth"]),
        ("Some 650k works were stolen.", ["Some 650k"]),
        ("It was the 5,000-strong brigade.", ["5,000"]),
        ("There were no discernible pixels anywhere.", ["no"]),
        ("Crews replaced them in less than three years.", ["less than three"]),
        # two whole numbers joined by "or", the second larger, are one estimate
        ("Each boat carries two or three deckhands.", ["two or three"]),
        ("The repairs took 10 or 12 days.", ["10 or 12"]),
        # an age past a life span or not in whole years is about a thing or a group
        ("Some of the oaks in the park may be 600 years old.", ["600"]),
        ("The average juror was 41.5 years old.", ["41.5"]),
        ("The problem is that there were nine.", ["nine"]),  # not a person's age
        ("The family owns one or two boats.", ["one or two"]),  # a range, not the idiom
        ("In all, 12 * 40 = 480 seats.", ["480"]),  # a calculation's result, not its operands
        ("The region has 3.500.000 residents.", ["3.500.000"]),  # thousands grouped with dots
        ("By Friday no lawmaker endorsed the plan.", ["no"]),  # zero of a kind acting
        ("The airline bought three 747 freighters.", ["three"]),  # a count, then a model
        # digits between a determiner or a count and a capitalised singular name name a model
        ("Boeing will deliver the 737 MAX next year.", []),
        ("The airline ordered 20 737 MAX jets.", ["20"]),
        ("The 49 Democrats voted no.", ["49"]),
        ("The 40 British soldiers left.", ["40"]),
        ("Payouts on the S&P 500 stocks rose 10% in 1988.", ["10%"]),  # an index's name
        # a figure deep inside an "if" clause is a hypothesis
        ("If the economy continues to expand by 0.8% a quarter, growth will slow.", []),
        ("It kills about twice the rate of flu.", ["about twice"]),  # a multiple compares
        ("They booked a double room.", []),  # no comparison
        ("It called for a fivefold increase in fines.", ["fivefold"]),  # a multiple in a word
        # a participle the tagger took for a noun labels no number; it is a bound cue
        ("It had a circulation exceeding 700,000.", ["exceeding 700,000"]),
        ("The manifold was replaced.", []),
        ("Growth rates fluctuated every quarter of the year.", []),  # a period, no fraction
        ("If the Dow dropped below 2450, it would be a fluke.", []),  # a hypothesis
        ("Particles smaller than 10 microns enter the lungs.", []),  # a kind, by its size
        ("The rocket is taller than 100 meters.", ["100"]),  # a figure about the rocket
        ("If sales fall, the firm will cut 300 jobs.", ["300"]),  # past the condition's comma
        ("The budget was cut from $30 billion to $5 billion.", ["$30 billion", "$5 billion"]),
        ("Raises range from 3 to 5 percent.", ["from 3 to 5 percent"]),  # a range runs upward
        # after a verb of movement "from X to Y" is a change between two levels, upward too
        ("Sales rose from $30 million to $50 million.", ["$30 million", "$50 million"]),
        ("Its staff has grown steadily from 300 to 450.", ["300", "450"]),
        # a bound on what "with" or "having" says things have defines them
        ("GMAC wrote to holders with household incomes over $45,000.", []),
        ("The company, with revenue of more than $1 billion, grew.", []),
        ("Household incomes rose to over $45,000.", ["over $45,000"]),
        # a person's age after "is" and an adverb, the person named by "who"
        ("He thanked Andrew Mlangeni, a leader who is now 63.", []),
        ("The index is now 63.", ["63"]),
        # a hyphenated modifier written spaced, as tokenized corpora write it, names a kind
        ("He pleaded not guilty to a nine - count indictment.", []),
        ("The Fantasy, a 2,050 - passenger ship, arrives in May.", []),
        ("Sales rose 5% - the biggest jump in years.", ["5%"]),  # a dash before a determiner
        ("He served two - thirds of the term.", ["two - thirds"]),
        # a share after an adjective the tagger took for a noun labels nothing (hefty/NN)
        ("Prices rose a hefty 1.1% in September.", ["1.1%"]),
        # a participle after "have" the tagger took for a noun (risen/NNS)
        ("Since 1988, daily bus departures have risen from 4 to 27.", ["4", "27"]),
        ("Shares rose $5 to $60 on Monday.", ["$5", "$60"]),  # by the first, to the second
        ("Tickets cost $20 to $40.", ["$20 to $40"]),  # no movement: a range
        ("The tycoon paid NZ$5 billion.", ["NZ$5 billion"]),  # a sign spaCy lacks
        ("The index fell by 20 to 140.", ["20", "140"]),  # a change and the level reached
        ("Exports rose by $4 billion to $120 billion.", ["$4 billion", "$120 billion"]),
        ("The rate rose by about $4 to $55.", ["about $4", "$55"]),  # a cue between
        ("Costs may rise by 10 to 50 percent.", ["10 to 50 percent"]),  # a shared unit
        ("Enrollment will rise by 150 to 200 students.", ["150 to 200"]),  # ends alike
        ("The homicide rate was 12.4 per 100,000 residents.", ["12.4"]),  # a rate's base
        ("No injuries were reported, and none were brought to court.", ["No", "none"]),
        ("The server handled 200 requests in 20 seconds.", ["200"]),  # a rate's time
        ("The firm was sold in 20 minutes.", ["20"]),
        ("Gas sold for around $1.47 a thousand cubic feet.", ["around $1.47"]),
        # a title's count names what it heads; a price in a list is a figure
        ("Seven Tips for Repurposing Video Content", []),
        ("Xbox One X Screenshots | 9 Photos", []),
        ('"Eve Valkyrie" ($60)', ["$60"]),
        ("Seven Tips Were Shared.", ["Seven"]),  # a sentence, whatever its capitals
        ("Temperatures fell to 14 degrees below zero overnight.", ["14"]),  # zero is the sign
        ("The mercury stayed below zero all week.", []),
        ("Original Margin Call 108.333 HPL IFERC 20.000 Teco Tap 85.000", ["108.333"]),  # a table
    ],
)
def test_quantity_finder_finds_figures_with_cues(nlp, text, expected):
    assert _found(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "People can call a hotline at 888-373-7888.",
        "Contact her at 860/240-8449 for details.",
        "The office is at 18-20 Trinity St., Hartford, CT 06106.",
        "The council recommends adding 53a-192a to the registry.",
        "Consider Sec. 53a-83(c) of the statutes.",
        "The law took effect in 2013.",
        "He was convicted of third-degree promoting prostitution.",
        "It is a felony to buy sex from a person under 18.",
        "The meeting starts at 3:30 p.m. on Monday.",
        "The crews arrived at two or three a.m., residents said.",  # a clock range
        "Guests in room 101, on the left, complained.",  # a number labelling a common noun
        "She flies home to Ohio every 6 months or so.",  # a frequency
        "The Tigers are 3-1 at home this season.",  # a score, not a range
        "The camera uses the new processor 5 and a bigger screen.",
        "Posted 14 Mar, 2019",  # a date the NER cut short and the date finder found whole
        "A 16 and 17-year-old girl were trafficked.",
        "The clerk can be reached at (860) 253-6300, extension 4.",
        "The department has adopted a Vision Zero plan.",
        "Tyrell Banks, 24, of Hartford and Dylan Pare, 19, of Bristol were charged.",
        "Train 680 leaves Brunswick before dawn.",
        "Scores rose for students in grades 3 through 8.",
        "The school placed second in the science fair for the third straight year.",
        "Veterans in crisis can call 988 and press 1 to reach a counselor.",
        "For road conditions, dial 511 from any phone.",
        "The clinic moved to 2200 N.E. Sandy Blvd. this spring.",
        "Regulators grounded the Airbus A321 NEO 4 jets for checks.",
        "2. Check the peep hole has not been tampered with",
        "That is a total of 10^5 lists.",
        "x = − b ± b 2 − 4 a c 2 a .",  # a formula, as a page's MathML is rendered
        "Since 3.2, the parser has been rewritten twice.",  # a release
        "Some PlayStation 4 Pro games let you choose a mode.",  # inside the NER's product name
        "A year and a half ago, a scientist found the name.",  # a length of time before "ago"
        "In the first quarter of this year, the firm grew.",  # a part of the calendar
        "He flew to Seoul for a five - day visit.",  # a compound with a spaced hyphen
        "Here are the reasons: 1. Taxes can not become a tool.",  # a list marker after a colon
        "The rivals compete for Third World weapons contracts.",  # a fraction word in a name
        "Shops on Fifth Avenue opened late.",
        "If none were found, consider all placements in the device.",  # a condition
        "The tiles were laid with no gaps between them.",
        "For fans, though, none of that will matter.",
        "They took hostages throughout the 80's.",  # a decade the NER missed
        "The new goal is successful 1.1, 1.5 and 2.0 releases.",  # release labels
        "See the new pictures on page 71, 72 and 73.",  # labels listed after a label
        "It draws on an industry with roots in the 19th century.",
        "The study took men and women between the ages of 25 and 54.",
        "Here are the threats identified in the 2015 White House report.",
        "Aside from a deep downturn like 2008-9, this is rare.",
        "However, there was no difference between the two groups.",
        "He said the top three cartoons will be announced.",
        "Respondents are running 50% or more of their apps in the cloud.",
        "Rita could become a top-level category five storm.",
        "The September 11 Panel will issue its findings.",
        "The Dow had fallen to its low by December of '74.",
        "The ship lifted off at 1451 GMT from Baikonur.",
        "Great place 5 stars for sure.",
        "The #1 Newsgroup Service in the World!",
        "The charts print from Adobe Acrobat Reader 3.0 or higher.",
        "They justify a suitable 20 year volatility number.",
        "This is the third botched launch of a Russian spacecraft in two years.",
        "It ordered the doctors to return to work within 48 hours.",
        "Buck Cullen with his daughter Kaiarahi (10 months) in his backyard.",
        "The headset has a roughly 4K display per eye.",
        "The panel meets again on Dec. 3-4 in Helena.",
        "Permits for buildings with five or more units fell.",
        "Half the population lives in settlements with 500 people or less.",
        "Most of the grants went to Tier 1 counties.",
        "He was 45 years old when he retired.",
        "When she was nine, her family moved to Ohio.",
        "Back then I was 19 and broke.",
        "My brother still drives a Toyota GT 86.",
        "we met at the diner at 220 elm ave after work",
        "The old coach taught me a trick or two about patience.",
        "Inspectors should return every month or two.",
        "The grid holds 2^8 - 1 values.",
        "The bug was fixed in release 2.10.4 of the app.",
        "The council acted just two weeks before the election.",
        "Six months later, the plant reopened.",
        "There is no doubt the plan will pass.",
    ],
)
def test_quantity_finder_ignores_identifiers_dates_and_ages(nlp, text):
    assert _found(nlp, text) == []


def test_a_capitals_code_after_a_name_makes_the_number_a_model_whatever_its_tag():
    # "They sold a Mazda IS 90.": the tagger read the code "IS" as the verb "is"
    words = ["They", "sold", "a", "Mazda", "IS", "90", "."]
    pos = ["PRON", "VERB", "DET", "PROPN", "AUX", "NUM", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=pos)
    assert find_quantities(doc) == []
