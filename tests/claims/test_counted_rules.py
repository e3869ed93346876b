"""What a figure counts, from hand-built parses: the rules that undo the parser's mistakes,
tested apart from whatever the trained model happens to produce."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ingest.claims.roles import counted_and_unit, counts_nothing, governing_verb, phrase, victims

from .parses import VOCAB, parsed


def counted_text(span: Span) -> str | None:
    """The counted noun's text for the figure span, None when nothing is counted."""
    noun, _ = counted_and_unit(span)
    return None if noun is None else noun.text


def test_an_object_the_parse_gives_an_intransitive_verb_is_not_counted():
    # "Burglaries fell to 412 in 2016, the lowest total": burglaries fell, not the total
    doc = parsed(
        [
            ("Burglaries", 1, "nsubj", "NOUN"),
            ("fell", 1, "ROOT", "VERB"),
            ("to", 3, "case", "ADP"),
            ("412", 1, "obl", "NUM"),
            ("in", 5, "case", "ADP"),
            ("2016", 3, "nmod", "NUM"),
            (",", 1, "punct", "PUNCT"),
            ("the", 9, "det", "DET"),
            ("lowest", 9, "amod", "ADJ"),
            ("total", 1, "obj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-CARDINAL", "O", "B-DATE", "O", "O", "O", "O", "O"],
    )
    assert counted_text(doc[3:4]) == "Burglaries"


def test_a_person_the_parse_made_an_object_is_not_counted():
    # "The rate has fallen to 31 percent, Superintendent Laura Kemper told the board."
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("rate", 3, "nsubj", "NOUN"),
            ("has", 3, "aux", "AUX"),
            ("fallen", 3, "ROOT", "VERB"),
            ("to", 6, "case", "ADP"),
            ("31", 6, "nummod", "NUM"),
            ("percent", 3, "obl", "NOUN"),
            (",", 3, "punct", "PUNCT"),
            ("Superintendent", 9, "compound", "PROPN"),
            ("Laura", 3, "obj", "PROPN"),
            ("Kemper", 11, "nsubj", "PROPN"),
            ("told", 3, "xcomp", "VERB"),
            ("the", 13, "det", "DET"),
            ("board", 11, "iobj", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "O", "O", "B-PERCENT", "I-PERCENT", "O", "O", "B-PERSON", "I-PERSON"]
        + ["O"] * 4,
    )
    assert counted_text(doc[5:7]) == "rate"


def test_a_figure_after_of_is_the_value_of_the_noun_before_it_whatever_the_parse():
    # "Finalists were awarded grants of 4,000 dollars each.": the parse hung "dollars" on the
    # verb, yet the figure is the value of "grants"
    doc = parsed(
        [
            ("Finalists", 2, "nsubj:pass", "NOUN"),
            ("were", 2, "aux:pass", "AUX"),
            ("awarded", 2, "ROOT", "VERB"),
            ("grants", 2, "obj", "NOUN"),
            ("of", 6, "case", "ADP"),
            ("4,000", 6, "nummod", "NUM"),
            ("dollars", 2, "obl", "NOUN"),
            ("each", 2, "advmod", "ADV"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "O", "O", "B-MONEY", "I-MONEY", "O", "O"],
    )
    assert counted_text(doc[5:6]) == "grants"


def test_a_statistic_or_a_number_before_of_is_not_what_the_figure_is_the_value_of():
    # "It saw a high of 60", "It saw one of 60": no noun owns the figure
    for owner, pos in (("high", "NOUN"), ("one", "NUM")):
        doc = parsed(
            [
                ("It", 1, "nsubj", "PRON"),
                ("saw", 1, "ROOT", "VERB"),
                (owner, 1, "obj", pos),
                ("of", 4, "case", "ADP"),
                ("60", 2, "nmod", "NUM"),
                (".", 1, "punct", "PUNCT"),
            ],
            ["O", "O", "O", "O", "B-CARDINAL", "O"],
        )
        assert counted_text(doc[4:5]) != owner


def test_a_common_noun_the_figure_counts_is_counted_even_inside_an_organisation_name():
    # "The service carries over 9,000 Forums.": the NER read "Forums" as an organisation
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("service", 2, "nsubj", "NOUN"),
            ("carries", 2, "ROOT", "VERB"),
            ("over", 4, "advmod", "ADV"),
            ("9,000", 5, "nummod", "NUM"),
            ("Forums", 2, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-CARDINAL", "I-CARDINAL", "B-ORG", "O"],
    )
    assert counted_text(doc[3:5]) == "Forums"


def test_an_infinitive_completing_a_predicate_takes_the_predicate_s_subject():
    # "The toll is on track to hit $9 billion.": the parse hangs "hit" on "track" as a clause
    # describing it, and "track" is the noun right before the verb, yet the toll hits the figure
    rows = [
        ("The", 1, "det", "DET", "DT"),
        ("toll", 4, "nsubj", "NOUN", "NN"),
        ("is", 4, "cop", "AUX", "VBZ"),
        ("on", 4, "case", "ADP", "IN"),
        ("track", 4, "ROOT", "NOUN", "NN"),
        ("to", 6, "mark", "PART", "TO"),
        ("hit", 4, "acl", "VERB", "VB"),
        ("$", 6, "obj", "SYM", "$"),
        ("9", 9, "compound", "NUM", "CD"),
        ("billion", 7, "nummod", "NUM", "CD"),
        (".", 4, "punct", "PUNCT", "."),
    ]
    words, heads, deps, pos, tags = map(list, zip(*rows, strict=True))
    ents = ["O"] * 7 + ["B-MONEY", "I-MONEY", "I-MONEY", "O"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)
    assert counted_text(doc[7:10]) == "toll"


def test_the_noun_right_before_a_copula_left_without_subject_is_its_subject():
    # "... the economy was weak and mortgage rates were near 3 percent": the parse hung "rates"
    # on "economy" and gave the copula's predicate no subject
    doc = parsed(
        [
            ("the", 1, "det", "DET"),
            ("economy", 3, "nsubj", "NOUN"),
            ("was", 3, "cop", "AUX"),
            ("weak", 3, "ROOT", "ADJ"),
            ("and", 6, "cc", "CCONJ"),
            ("mortgage", 6, "compound", "NOUN"),
            ("rates", 1, "conj", "NOUN"),
            ("were", 10, "cop", "AUX"),
            ("near", 10, "case", "ADP"),
            ("3", 10, "nummod", "NUM"),
            ("percent", 3, "conj", "NOUN"),
        ],
        ["O"] * 8 + ["B-PERCENT", "I-PERCENT", "I-PERCENT"],
    )
    assert counted_text(doc[8:11]) == "rates"


def test_a_noun_run_the_parse_split_counts_its_last_noun_and_keeps_the_whole_run():
    # "Divers counted 12 sea turtles.": the parse hung the figure on "sea" and split the run
    rows = [
        ("Divers", 1, "nsubj", "NOUN", "NNS"),
        ("counted", 1, "ROOT", "VERB", "VBD"),
        ("12", 3, "nummod", "NUM", "CD"),
        ("sea", 4, "nsubj", "NOUN", "NN"),
        ("turtles", 1, "obj", "NOUN", "NNS"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    words, heads, deps, pos, tags = map(list, zip(*rows, strict=True))
    ents = ["O", "O", "B-CARDINAL", "O", "O", "O"]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)
    noun, _ = counted_and_unit(doc[2:3])
    assert noun is not None and phrase(noun, doc[2:3]) == "sea turtles"


def test_a_name_modifying_the_noun_after_the_figure_is_read_past():
    # "The gown holds 4,000 tiny Swarovski crystals.": the parse hung the figure on the
    # adjective and the NER took the brand for an organisation
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("gown", 2, "nsubj", "NOUN"),
            ("holds", 2, "ROOT", "VERB"),
            ("4,000", 4, "nummod", "NUM"),
            ("tiny", 5, "amod", "ADJ"),
            ("Swarovski", 2, "obj", "PROPN"),
            ("crystals", 5, "appos", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-CARDINAL", "O", "B-ORG", "O", "O"],
    )
    assert counted_text(doc[3:4]) == "crystals"


def test_the_verb_written_right_before_the_figure_states_it_whatever_the_parse():
    # "The shortfall is expected to reach $2 billion next year, the first time since 2012.":
    # the parse hung the figure on "year" and "year" on a later clause
    rows = [
        ("The", 1, "det", "DET", "DT"),
        ("shortfall", 3, "nsubj:pass", "NOUN", "NN"),
        ("is", 3, "aux:pass", "AUX", "VBZ"),
        ("expected", 3, "ROOT", "VERB", "VBN"),
        ("to", 5, "mark", "PART", "TO"),
        ("reach", 3, "xcomp", "VERB", "VB"),
        ("$", 10, "nmod:unmarked", "SYM", "$"),
        ("2", 8, "compound", "NUM", "CD"),
        ("billion", 6, "nummod", "NUM", "CD"),
        ("next", 10, "amod", "ADJ", "JJ"),
        ("year", 13, "obl:unmarked", "NOUN", "NN"),
        ("the", 13, "det", "DET", "DT"),
        ("first", 13, "amod", "ADJ", "JJ"),
        ("time", 3, "obl", "NOUN", "NN"),
        (".", 3, "punct", "PUNCT", "."),
    ]
    words, heads, deps, pos, tags = map(list, zip(*rows, strict=True))
    ents = ["O"] * 6 + ["B-MONEY", "I-MONEY", "I-MONEY", "B-DATE", "I-DATE"] + ["O"] * 4
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, tags=tags, ents=ents)
    assert counted_text(doc[6:9]) == "shortfall"


def test_a_length_of_time_in_apposition_to_a_person_counts_nothing():
    # "Reyes, 12 years a firefighter, led the crew.": the length describes the person
    doc = parsed(
        [
            ("Reyes", 7, "nsubj", "PROPN"),
            (",", 3, "punct", "PUNCT"),
            ("12", 3, "nummod", "NUM"),
            ("years", 0, "appos", "NOUN"),
            ("a", 5, "det", "DET"),
            ("firefighter", 3, "nmod:unmarked", "NOUN"),
            (",", 3, "punct", "PUNCT"),
            ("led", 7, "ROOT", "VERB"),
            ("the", 9, "det", "DET"),
            ("crew", 7, "obj", "NOUN"),
            (".", 7, "punct", "PUNCT"),
        ],
        ["B-PERSON", "O", "B-DATE", "I-DATE"] + ["O"] * 7,
    )
    assert counted_text(doc[2:3]) != "Reyes"


def test_a_count_before_of_is_part_of_the_noun_phrase_after_it_whatever_the_parse():
    # "The union won 14 of the council's 21 seats.": the parse hung "seats" on the verb
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("union", 2, "nsubj", "NOUN"),
            ("won", 2, "ROOT", "VERB"),
            ("14", 2, "obj", "NUM"),
            ("of", 9, "case", "ADP"),
            ("the", 6, "det", "DET"),
            ("council", 9, "nmod:poss", "NOUN"),
            ("'s", 6, "case", "PART"),
            ("21", 9, "nummod", "NUM"),
            ("seats", 2, "obl", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-CARDINAL", "O", "O", "O", "O", "B-CARDINAL", "O", "O"],
    )
    doc[7].tag_ = "POS"
    span = Span(doc, 3, 4, label="CARDINAL")
    noun, _ = counted_and_unit(span)
    assert noun is not None and noun.text == "seats"


def test_of_two_subjects_split_by_a_comma_the_first_is_counted_the_second_restates_it():
    # "The index, the broadest gauge, rose 4 percent.": the parse made both nouns subjects
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("index", 7, "nsubj", "NOUN"),
            (",", 5, "punct", "PUNCT"),
            ("the", 5, "det", "DET"),
            ("broadest", 5, "amod", "ADJ"),
            ("gauge", 7, "nsubj", "NOUN"),
            (",", 5, "punct", "PUNCT"),
            ("rose", 7, "ROOT", "VERB"),
            ("4", 9, "nummod", "NUM"),
            ("percent", 7, "obj", "NOUN"),
            (".", 7, "punct", "PUNCT"),
        ],
        ["O"] * 8 + ["B-PERCENT", "I-PERCENT", "O"],
    )
    assert counted_text(doc[8:10]) == "index"


def test_the_currency_sign_heading_an_amount_after_a_total_of_is_not_counted():
    # "Lucasfilm spent a total of $15 million": UD heads the amount with "$"; spent -> nothing
    doc = parsed(
        [
            ("Lucasfilm", 1, "nsubj", "PROPN"),
            ("spent", 1, "ROOT", "VERB"),
            ("a", 3, "det", "DET"),
            ("total", 1, "obj", "NOUN"),
            ("of", 5, "case", "ADP"),
            ("$", 3, "nmod", "SYM"),
            ("15", 7, "compound", "NUM"),
            ("million", 5, "nummod", "NUM"),
            (".", 1, "punct", "PUNCT"),
        ],
        ["B-ORG", "O", "O", "O", "O", "B-MONEY", "I-MONEY", "I-MONEY", "O"],
    )
    assert counted_text(doc[5:8]) is None


def test_what_a_measure_unit_measures_is_counted_even_when_the_ner_named_it():
    # "The console has 8 GB of RAM": the NER took RAM for an organisation
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("console", 2, "nsubj", "NOUN"),
            ("has", 2, "ROOT", "VERB"),
            ("8", 4, "nummod", "NUM"),
            ("GB", 2, "obj", "NOUN"),
            ("of", 6, "case", "ADP"),
            ("RAM", 4, "nmod", "PROPN"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-QUANTITY", "I-QUANTITY", "O", "B-ORG", "O"],
    )
    assert counted_text(doc[3:4]) == "RAM"


def test_a_season_is_never_the_counted_thing():
    # "13.1 million students this fall, up 2%": a date the NER missed, not what the figure counts
    doc = parsed([("this", 1, "det", "DET"), ("fall", 1, "ROOT", "NOUN")], ["O", "O"])
    assert counts_nothing(doc[1])


def test_a_weight_is_the_value_of_what_weighs_it():
    # "The console weighed 8.4 pounds." (the conventions: a measure counts what it measures)
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("console", 2, "nsubj", "NOUN"),
            ("weighed", 2, "ROOT", "VERB"),
            ("8.4", 4, "nummod", "NUM"),
            ("pounds", 2, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-QUANTITY", "I-QUANTITY", "O"],
    )
    assert counted_text(doc[3:4]) == "console"


def test_a_bare_count_a_verb_of_harm_takes_as_object_counts_people():
    # "the bomb that killed 270" (whatever the paragraph counted before); not "killed in 3"
    rows = [
        ("the", 1, "det", "DET"),
        ("bomb", 1, "ROOT", "NOUN"),
        ("that", 3, "nsubj", "PRON"),
        ("killed", 1, "acl:relcl", "VERB"),
        ("270", 3, "obj", "NUM"),
        (".", 1, "punct", "PUNCT"),
    ]
    doc = parsed(rows, ["O", "O", "O", "O", "B-CARDINAL", "O"])
    doc[3].lemma_ = "kill"
    assert victims(doc[4:5]) == "people"
    rows[4:5] = [("in", 5, "case", "ADP"), ("3", 3, "obl", "NUM")]
    rows[-1] = (".", 1, "punct", "PUNCT")
    doc = parsed(rows, ["O", "O", "O", "O", "O", "B-CARDINAL", "O"])
    doc[3].lemma_ = "kill"
    assert victims(doc[5:6]) is None


def test_money_in_a_named_kind_of_noun_counts_that_noun():
    # "with $1.9 billion in RTC assistance" (as "$279,450 in restitution")
    doc = parsed(
        [
            ("with", 1, "case", "ADP"),
            ("$", 1, "ROOT", "SYM"),
            ("1.9", 3, "compound", "NUM"),
            ("billion", 1, "nummod", "NUM"),
            ("in", 6, "case", "ADP"),
            ("RTC", 6, "compound", "PROPN"),
            ("assistance", 1, "nmod", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        ["O", "B-MONEY", "I-MONEY", "I-MONEY", "O", "B-ORG", "O", "O"],
    )
    assert counted_text(doc[1:4]) == "assistance"


def test_a_verb_of_change_the_tagger_called_an_adjective_in_a_verbless_sentence():
    # "Crude production averaged 1.69 million barrels.": averaged/ADJ/acl, production the root
    doc = parsed(
        [
            ("Crude", 1, "amod", "ADJ"),
            ("production", 1, "ROOT", "NOUN"),
            ("averaged", 1, "acl", "ADJ"),
            ("1.69", 4, "compound", "NUM"),
            ("million", 5, "nummod", "NUM"),
            ("barrels", 2, "obl", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-QUANTITY", "I-QUANTITY", "I-QUANTITY", "O"],
    )
    noun, unit = counted_and_unit(doc[3:5])
    assert noun is not None and noun.text == "production"
    assert unit is not None


def test_a_verb_of_change_the_lemmatizer_left_inflected_is_still_read_as_one():
    # "The samples have purities climbing towards 80 percent.": the lemmatizer keeps "climbing"
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("samples", 2, "nsubj", "NOUN"),
            ("have", 2, "ROOT", "VERB"),
            ("purities", 2, "obj", "NOUN"),
            ("climbing", 3, "acl", "VERB"),
            ("towards", 7, "case", "ADP"),
            ("80", 7, "nummod", "NUM"),
            ("percent", 4, "obl", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "O", "O", "O", "B-PERCENT", "I-PERCENT", "O"],
    )
    doc[4].lemma_ = "climbing"
    assert counted_text(doc[6:8]) == "purities"


def test_a_relative_pronoun_subject_stands_for_the_noun_its_clause_describes():
    # "Prices, which had been capped at 250 dollars, have peaked."
    doc = parsed(
        [
            ("Prices", 10, "nsubj", "NOUN"),
            (",", 5, "punct", "PUNCT"),
            ("which", 5, "nsubj:pass", "PRON"),
            ("had", 5, "aux", "AUX"),
            ("been", 5, "aux:pass", "AUX"),
            ("capped", 0, "acl:relcl", "VERB"),
            ("at", 8, "case", "ADP"),
            ("250", 8, "nummod", "NUM"),
            ("dollars", 5, "obl", "NOUN"),
            (",", 0, "punct", "PUNCT"),
            ("peaked", 10, "ROOT", "VERB"),
            (".", 10, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "O", "O", "O", "O", "B-MONEY", "I-MONEY", "O", "O", "O"],
    )
    assert counted_text(doc[7:9]) == "Prices"
    assert governing_verb(doc[7:9], doc[0]).text == "capped"


def test_a_verb_of_change_hung_on_a_noun_puts_the_figure_on_that_noun():
    # "Economic growth for that year reached 26%.": reached/acl on growth, a date noun between
    doc = parsed(
        [
            ("Economic", 1, "amod", "ADJ"),
            ("growth", 1, "ROOT", "NOUN"),
            ("for", 4, "case", "ADP"),
            ("that", 4, "det", "DET"),
            ("year", 1, "nmod", "NOUN"),
            ("reached", 1, "acl", "VERB"),
            ("26", 7, "nummod", "NUM"),
            ("%", 5, "obl:unmarked", "SYM"),
            (".", 1, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-DATE", "I-DATE", "O", "B-PERCENT", "I-PERCENT", "O"],
    )
    doc[5].tag_ = "VBD"
    assert counted_text(doc[6:8]) == "growth"
    assert governing_verb(doc[6:8], doc[1]).text == "reached"  # a finite verb, its own clause


def test_a_verb_of_movement_the_tagger_called_a_noun_before_a_figure_is_read_as_the_verb():
    # "The stock rose 12.5 cents Friday to close at $8.25.": rose/NOUN, the parse hangs the
    # subject on it as a compound
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("stock", 2, "compound", "NOUN"),
            ("rose", 2, "ROOT", "NOUN"),
            ("12.5", 4, "nummod", "NUM"),
            ("cents", 2, "obj", "NOUN"),
            ("Friday", 2, "obl:unmarked", "PROPN"),
            ("to", 7, "mark", "PART"),
            ("close", 2, "advcl", "VERB"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-MONEY", "I-MONEY", "B-DATE", "O", "O", "O"],
    )
    assert counted_text(doc[3:5]) == "stock"


def test_a_unit_word_before_a_subjectless_verb_does_not_stand_in_for_its_subject():
    # "Corn rose to 5 bushels ... ": the noun right before the verb is a unit, not the subject
    doc = parsed(
        [
            ("Exports", 4, "nsubj", "NOUN"),
            ("of", 2, "case", "ADP"),
            ("bushels", 0, "nmod", "NOUN"),
            (",", 4, "punct", "PUNCT"),
            ("rose", 4, "ROOT", "VERB"),
            ("8", 6, "nummod", "NUM"),
            ("%", 4, "obj", "SYM"),
            (".", 4, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "O", "O", "B-PERCENT", "I-PERCENT", "O"],
    )
    doc[0].dep_ = "dep"  # the parse left the verb without a subject
    assert counted_text(doc[5:7]) == "Exports"


def test_a_bare_count_a_word_of_harm_describes_counts_people():
    # "The quake left 700 dead.": 700/nummod on dead/ADJ
    doc = parsed(
        [
            ("The", 1, "det", "DET"),
            ("quake", 2, "nsubj", "NOUN"),
            ("left", 2, "ROOT", "VERB"),
            ("700", 4, "nummod", "NUM"),
            ("dead", 2, "obj", "ADJ"),
            (".", 2, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-CARDINAL", "O", "O"],
    )
    doc[4].lemma_ = "dead"
    assert victims(doc[3:4]) == "people"


def test_an_amount_between_a_determiner_and_a_name_sizes_what_the_name_names():
    # "Investors left the $1.8 billion Wellington Fund."
    doc = parsed(
        [
            ("Investors", 1, "nsubj", "NOUN"),
            ("left", 1, "ROOT", "VERB"),
            ("the", 7, "det", "DET"),
            ("$", 7, "compound", "SYM"),
            ("1.8", 5, "compound", "NUM"),
            ("billion", 3, "nummod", "NUM"),
            ("Wellington", 7, "compound", "PROPN"),
            ("Fund", 1, "obj", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ],
        ["O", "O", "O", "B-MONEY", "I-MONEY", "I-MONEY", "B-ORG", "I-ORG", "O"],
    )
    assert counted_text(Span(doc, 3, 6, label="MONEY")) == "Fund"
