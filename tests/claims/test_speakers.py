"""Speaker names from hand-built parses, so each rule is tested apart from the model's errors."""

from __future__ import annotations

from spacy.tokens import Doc

from ingest.annotate.cues import cue_matcher, find_speaker_cues
from ingest.claims.speakers import Recent, sentence_speaker

from .parses import VOCAB, parsed


def speaker(doc: Doc, recent: Recent | None = None) -> str | None:
    """The speaker of the one-sentence doc, once the cue finder has marked its cues."""
    doc.spans["speaker_cues"] = find_speaker_cues(doc, cue_matcher(doc.vocab))
    return sentence_speaker(doc[:], recent or Recent())


def test_the_person_a_title_run_ends_with_not_the_title_the_ner_also_called_a_person():
    words = ["Town", "Clerk", "Marian", "Doyle", "said", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[3, 3, 3, 4, 4, 4],
        deps=["compound", "compound", "compound", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ents=["B-PERSON", "I-PERSON", "B-PERSON", "I-PERSON", "O", "O"],
    )
    assert speaker(doc) == "Marian Doyle"


def test_the_author_of_a_report_the_parse_hung_on_its_own_relative_clause():
    # "..., according to a report the Foundation released.": report is the verb's oblique
    words = [
        "Sales",
        "fell",
        ",",
        "according",
        "to",
        "a",
        "report",
        "the",
        "Foundation",
        "released",
        ".",
    ]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 1, 6, 6, 3, 6, 9, 8, 9, 1, 1],
        deps=[
            "nsubj",
            "ROOT",
            "punct",
            "case",
            "fixed",
            "det",
            "obl",
            "det",
            "nsubj",
            "ccomp",
            "punct",
        ],
        pos=[
            "NOUN",
            "VERB",
            "PUNCT",
            "VERB",
            "ADP",
            "DET",
            "NOUN",
            "DET",
            "PROPN",
            "VERB",
            "PUNCT",
        ],
        ents=["O", "O", "O", "O", "O", "O", "O", "O", "B-ORG", "O", "O"],
    )
    assert speaker(doc) == "Foundation"


def _officials_said(first: str, label: str) -> Doc:
    """ "<first> administration officials said .", first labelled as label."""
    return Doc(
        VOCAB,
        words=[first, "administration", "officials", "said", "."],
        heads=[2, 2, 3, 3, 3],
        deps=["compound", "compound", "nsubj", "ROOT", "punct"],
        pos=["PROPN", "NOUN", "NOUN", "VERB", "PUNCT"],
        ents=[f"B-{label}", "O", "O", "O", "O"],
    )


def test_officials_of_a_person_name_no_one_but_an_organisations_name_it():
    assert speaker(_officials_said("Obama", "PERSON")) is None
    assert speaker(_officials_said("DCF", "ORG")) == "DCF"


def test_proper_nouns_before_officials_name_the_organisation_the_ner_missed_not_a_place():
    def officials_said(words: list[str], ents: list[str]) -> Doc:
        n = len(words)
        return Doc(
            VOCAB,
            words=[*words, "officials", "said", "."],
            heads=[n] * n + [n + 1, n + 1, n + 1],
            deps=["compound"] * n + ["nsubj", "ROOT", "punct"],
            pos=["PROPN"] * n + ["NOUN", "VERB", "PUNCT"],
            ents=[*ents, "O", "O", "O"],
        )

    assert speaker(officials_said(["Con", "Edison"], ["O", "O"])) == "Con Edison"
    assert speaker(officials_said(["Iraqi"], ["B-NORP"])) is None


def test_he_said_takes_the_last_speaker_the_ner_missed_as_a_person():
    doc = Doc(
        VOCAB,
        words=["He", "added", "that", "1,100", "were", "sent", "."],
        heads=[1, 1, 5, 5, 5, 1, 1],
        deps=["nsubj", "ROOT", "mark", "nsubj:pass", "aux:pass", "ccomp", "punct"],
        pos=["PRON", "VERB", "SCONJ", "NUM", "AUX", "VERB", "PUNCT"],
    )
    assert speaker(doc, Recent(source="Masoud Shojai")) == "Masoud Shojai"


def test_it_as_the_subject_of_a_speech_verb_is_the_source_last_named():
    def it_said(subject_dep: str, verb: str) -> Doc:
        return Doc(
            VOCAB,
            words=["It", verb, "that", "1,100", "were", "sent", "."],
            heads=[1, 1, 5, 5, 5, 1, 1],
            deps=[subject_dep, "ROOT", "mark", "nsubj:pass", "aux:pass", "ccomp", "punct"],
            pos=["PRON", "VERB", "SCONJ", "NUM", "AUX", "VERB", "PUNCT"],
        )

    recent = Recent(source="Commerce Department")
    assert speaker(it_said("nsubj", "noted"), recent) == "Commerce Department"
    # "It is estimated that ...": no one
    assert speaker(it_said("nsubj:pass", "estimated"), recent) is None


def test_a_name_opening_the_sentence_speaks_for_a_speech_verb_the_parse_left_without_subject():
    # "Avis Inc., following Hertz, said it is backing out": the parse hung "Inc." on "said"
    # as an oblique, so the verb has no subject
    words = ["Avis", "Inc.", ",", "following", "Hertz", ",", "said", "it", "quits", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 6, 4, 4, 1, 6, 6, 8, 6, 6],
        deps=[
            "compound",
            "obl",
            "punct",
            "case",
            "nmod",
            "punct",
            "ROOT",
            "nsubj",
            "ccomp",
            "punct",
        ],
        pos=["PROPN", "PROPN", "PUNCT", "VERB", "PROPN", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"],
        ents=["B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O", "O", "O", "O"],
    )
    assert speaker(doc) == "Avis Inc."


def test_a_cue_word_closing_the_sentence_after_a_comma_reports_it_but_a_name_does_not():
    # "13 million students, the Center estimates.": the parse read "estimates" as a noun
    words = ["13", "million", "students", ",", "the", "Center", "estimates", "."]
    heads = [1, 2, 2, 5, 5, 2, 5, 2]
    deps = ["nummod", "nummod", "ROOT", "punct", "det", "appos", "nmod", "punct"]
    pos = ["NUM", "NUM", "NOUN", "PUNCT", "DET", "PROPN", "NOUN", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    lemmas = [w.lower() for w in words[:-2]] + ["estimate", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas)
    assert speaker(doc) == "the Center"
    words[-2] = lemmas[-2] = "States"  # "..., to sell in the United States."
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, ents=ents, lemmas=lemmas)
    assert speaker(doc) is None


def test_a_cue_word_the_parse_made_a_subject_before_the_reported_clauses_own_subject():
    # "AAA estimates 61 million Americans will travel": "estimates" parsed as a noun subject
    words = ["AAA", "estimates", "61", "million", "Americans", "will", "travel", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 6, 3, 4, 6, 6, 6, 6],
        deps=["compound", "nsubj", "compound", "nummod", "nsubj", "aux", "ROOT", "punct"],
        pos=["PROPN", "NOUN", "NUM", "NUM", "PROPN", "AUX", "VERB", "PUNCT"],
        lemmas=["AAA", "estimate", "61", "million", "Americans", "will", "travel", "."],
        ents=["B-ORG", "O", "B-CARDINAL", "I-CARDINAL", "B-NORP", "O", "O", "O"],
    )
    assert speaker(doc) == "AAA"


def test_a_first_person_pronoun_names_no_speaker_though_it_is_capitalised():
    # "Then I said we had 20." (a blog's or an e-mail's own voice)
    words = ["Then", "I", "said", "we", "had", "20", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[2, 2, 2, 4, 2, 4, 2],
        deps=["advmod", "nsubj", "ROOT", "nsubj", "ccomp", "obj", "punct"],
        pos=["ADV", "PRON", "VERB", "PRON", "VERB", "NUM", "PUNCT"],
        lemmas=["then", "I", "say", "we", "have", "20", "."],
    )
    assert speaker(doc) is None


def test_data_cited_before_a_comma_is_not_published_by_the_sentences_subject():
    # "According to statistics, China approved 300 firms.": the parse hung "statistics" on the
    # sentence's verb, whose subject published nothing
    words = ["According", "to", "statistics", ",", "China", "approved", "300", "firms", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[2, 0, 5, 5, 5, 5, 7, 5, 5],
        deps=["case", "fixed", "obl", "punct", "nsubj", "ROOT", "nummod", "obj", "punct"],
        pos=["VERB", "ADP", "NOUN", "PUNCT", "PROPN", "VERB", "NUM", "NOUN", "PUNCT"],
        lemmas=["accord", "to", "statistic", ",", "China", "approve", "300", "firm", "."],
        ents=["O", "O", "O", "O", "B-GPE", "O", "B-CARDINAL", "O", "O"],
    )
    assert speaker(doc) is None


def test_a_speech_verb_joined_to_an_earlier_verb_shares_its_subject():
    # "Weatherford suspended payments and said it owes $6 million."
    words = ["Weatherford", "suspended", "payments", "and", "said", "it", "owes", "$", "6", "."]
    doc = Doc(
        VOCAB,
        words=words,
        heads=[1, 1, 1, 4, 1, 6, 4, 6, 7, 1],
        deps=["nsubj", "ROOT", "obj", "cc", "conj", "nsubj", "ccomp", "obj", "nummod", "punct"],
        pos=["PROPN", "VERB", "NOUN", "CCONJ", "VERB", "PRON", "VERB", "SYM", "NUM", "PUNCT"],
        lemmas=["Weatherford", "suspend", "payment", "and", "say", "it", "owe", "$", "6", "."],
        ents=["B-ORG", "O", "O", "O", "O", "O", "O", "B-MONEY", "I-MONEY", "O"],
    )
    assert speaker(doc) == "Weatherford"


def test_a_name_set_off_before_a_describing_phrase_speaks_for_the_verb_after_it():
    # "Sales rose 5%, Statistics Canada, a federal agency, said.": the parse hangs both on the
    # figure as appositions and leaves "said" without a subject
    doc = parsed(
        [
            ("Sales", 1, "nsubj", "NOUN"),
            ("rose", 12, "ccomp", "VERB"),
            ("5", 3, "nummod", "NUM"),
            ("%", 1, "obj", "SYM"),
            (",", 6, "punct", "PUNCT"),
            ("Statistics", 6, "amod", "ADJ"),
            ("Canada", 3, "appos", "PROPN"),
            (",", 10, "punct", "PUNCT"),
            ("a", 10, "det", "DET"),
            ("federal", 10, "amod", "ADJ"),
            ("agency", 3, "appos", "NOUN"),
            (",", 12, "punct", "PUNCT"),
            ("said", 12, "ROOT", "VERB"),
            (".", 12, "punct", "PUNCT"),
        ],
        ["O", "O", "B-PERCENT", "I-PERCENT", "O", "B-ORG", "I-ORG"] + ["O"] * 7,
    )
    assert speaker(doc) == "Statistics Canada"
