"""Who and what a figure is about, read from the dependency parse (UD labels, as trained on EWT)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ingest.annotate.numbers import CURRENCY, FRACTIONS, TRAILING_CUES, is_number_word, multiple
from ingest.annotate.units import TIME_UNITS, currency_codes, unit_name
from ingest.annotate.verbs import is_one_of
from ingest.claims.units import unit_span, with_unit

# Verbs of change that take no object: an object the parse gives them is a misparsed phrase
# ("fell to 412 in 2016, the lowest total since ...": burglaries fell, not the total).
INTRANSITIVE_VERBS = frozenset(
    """climb climbed decline declined dip dipped fall fallen fell jump jumped plunge plunged
    remain remained rise risen rose sank sink slip slipped soar soared surge surged tick
    ticked advance advanced collapse collapsed ease eased plummet plummeted rally rallied
    rebound rebounded slid slide slump slumped tumble tumbled""".split()
)
# Verbs that put a figure on their subject ("the rate rose to 4 percent", "enrollment was 9,200").
CHANGE_VERBS = INTRANSITIVE_VERBS | frozenset(
    """account accounted accounts are average averaged be came come decrease decreased double
    doubled drop dropped edge edged grew grow grown held hit hold increase increased is max
    narrow narrowed reach reached shrank shrink stand stood top topped total totaled totals
    was were improve improved worsen worsened peak peaked close closed settle settled finish
    finished shoot shot spike spiked leap leapt leaped skyrocket skyrocketed range ranged
    vary varied exceed exceeded surpass surpassed broke weigh weighs weighed widen widened
    swell swelled swollen contract contracted""".split()
)
# Verbs that put a figure on their object ("cut water use by 20 percent"), or in the passive on
# their subject ("damage is estimated at $30 million"); with the figure as object ("raised $1.3
# million") nothing else is counted.
TRANSITIVE_VERBS = frozenset(
    [
        "estimate",
        "estimated",
        "put",
        "peg",
        "pegged",
        "value",
        "valued",
        "project",
        "projected",
        "reduce",
        "reduced",
        "cut",
        "raise",
        "raised",
        "lower",
        "lowered",
        "boost",
        "boosted",
        "trim",
        "trimmed",
        "slash",
        "slashed",
        "price",
        "priced",
        "cap",
        "capped",
        "limit",
        "limited",
    ]
)
# Verbs that put a value on what they describe: in a participle phrase the figure is the value
# of the noun it modifies ("homes valued at $300,000"; not "the fee raised $650,000", which the
# parse may also make a participle).
VALUATION_VERBS = frozenset(
    """estimate estimated value valued price priced peg pegged cap capped limit limited""".split()
)
# Verbs that move a standing or score by points ("gained 3 points", "leads by 4 points").
SCORE_VERBS = frozenset("gain gained lose lost lead leads led trail trailed widen widened".split())
_RATE_WORDS = frozenset({"percent", "%", "points", "point", "times", "cents"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj"})
_COUNTED_DEPS = frozenset({"nummod", "det", "quantmod", "compound", "amod", "nmod:npmod"})
_MODIFIER_DEPS = frozenset({"compound", "amod", "flat"})
# Prepositions of a phrase that says which of a noun's kind is meant ("orders for durable goods").
_QUALIFYING_CASES = frozenset({"for", "from", "to"})
_REACHING_CASES = _QUALIFYING_CASES | {"of"}
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_RELATIVE_PRONOUNS = frozenset({"which", "that", "who"})
# Words that make the noun after a figure a rate's denominator ("$22 an hour").
_PER_WORDS = frozenset({"a", "an", "per", "each", "every"})
# Currency codes written after an amount ("$35 USD"): the amount's unit, never what it counts.
CURRENCY_CODES = frozenset("USD EUR GBP JPY CNY CAD AUD CHF INR NZD HKD SGD".split())
# Prepositions that make a figure a participant of a verb of change, not its value ("improved
# for two-thirds of them", "rose among 40 percent of voters").
_NOT_VALUE_CASES = frozenset({"for", "among", "with", "across"})
# Determiners before a measure that sizes the noun after it ("its 72,000 bpd plant").
POINTS_REACH = 6  # "down just about almost 140 points"
_NOMINAL_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod"})
_SIZING_DETS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this"})
CAP_VERBS = frozenset({"cap", "limit"})
# What befalls people: a bare count as its subject counts people.
CASUALTY_WORDS = frozenset(
    """dead die kill injure injured wound wounded hurt missing hospitalize hospitalized evacuate
    rescue drown arrest""".split()
)
_SEASONS = frozenset({"spring", "summer", "fall", "autumn", "winter"})
_TIME_NOUNS = frozenset({"day", "week", "month", "quarter", "year"})
_DISTRIBUTIVES = frozenset({"apiece", "each"})
_NAMED_ACTORS = frozenset(
    {"PERSON", "ORG", "FAC"}
)  # they act ("40 percent of Connecticut" is area)
# How far right of a figure its noun may sit behind adjectives ("113,000 elderly and disabled
# residents") when the parse did not attach it (tokens).
NOUN_LOOKAHEAD = 5
# How far after "N of" the noun of the whole may sit ("of the unicameral legislature's 300 seats").
PARTITIVE_REACH = 6
# How far left of a subjectless verb to look for the noun the parse failed to attach (tokens).
SUBJECT_WINDOW = 5
# How many heads up from a figure the verb stating it may sit ("the rate rose to 4 percent of
# GDP": percent -> rose).
VERB_DISTANCE = 3
# Nouns that stand for a quantity of their "of" complement: "the number of pending cases".
CONTAINER_NOUNS = frozenset(
    {"number", "share", "percentage", "proportion", "count", "total", "amount", "majority"}
)
# Adjectives a measure is the size of ("the average age was 29.6 years old", "the wall is 12
# feet high", "the shares are worth $28 billion"): the copula's subject is what is measured.
DIMENSIONS = frozenset({"old", "long", "tall", "high", "wide", "deep", "thick", "heavy", "worth"})
STATISTIC_NOUNS = frozenset({"average", "median", "mean", "high", "low", "peak"})
# Nouns a figure measures something at or by ("increase at the annual rate of 5%", "winds at a
# speed of 120 km/h", "by a factor of 100"): bare, they name the measure, not what it measures.
MEASURE_NOUNS = frozenset({"rate", "speed", "pace", "distance", "factor", "velocity"})
# Nouns of approximation a figure is given in ("in the range of 7% to 11%", "in the
# neighborhood of $2 million"): with a determiner they are no thing the figure counts.
APPROXIMATION_NOUNS = frozenset({"range", "neighborhood", "vicinity", "region"})
# Statistics a thing reaches: their figure is the value of what the clause moves.
EXTREME_NOUNS = frozenset({"high", "low", "peak", "record"})
# An "of" complement further than this from its noun is a separate phrase, not part of the name.
MAX_OF_DISTANCE = 3
MAX_OF_PHRASE = 5


_LEVEL_CASES = frozenset({"to", "from", "at"})
# Determiners a fraction is taken of ("one-third the time", "half its staff"); not "half a point".
_SHARE_DETS = frozenset({"the", "its", "his", "her", "their", "this", "that", "these", "those"})
_SEQUENCE_MARKS = frozenset({"after", "before", "while"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def counted_noun(span: Span) -> Token | None:
    """The noun the figure counts: "432 child victims" -> victims; "98 percent of kids" -> kids."""
    num = _number_token(span)
    head = num.head
    if (
        num.dep_ in _COUNTED_DEPS
        and head.pos_ in ("NOUN", "PROPN")
        and not _inside(head, span)
        and not _dates_or_divides(head, num)
    ):
        return _noun_run_end(_past_hyphen(head))
    of_noun = next(
        (c for t in span for c in t.children if _is_of_nmod(c) and not _inside(c, span)), None
    )
    if of_noun is not None:
        return of_noun
    partitive = _partitive_noun(span)
    if partitive is not None:
        return partitive
    after = span.doc[span.end : min(len(span.doc), span.end + NOUN_LOOKAHEAD)]
    for token in after:
        if token.ent_type_ in ("DATE", "TIME"):
            break  # "$2,450 last year": the year dates the figure, it is not counted
        if token.i == span.end and _joins_another(token, span):
            break  # "seeking $23,000 and other damages": what the figure is joined to
        if token.i == span.end and token.lower_ in _SHARE_DETS and span[-1].lower_ in FRACTIONS:
            continue  # "less than one-third the time", "a fifth the size": a share of it
        if _is_nominal(token) or (token.pos_ == "PROPN" and token.ent_type_ == "NORP"):
            return _past_hyphen(token)  # "80 shooting victims", "480,000 registered Republicans"
        if token.pos_ == "PROPN" and _names_a_kind(token):
            continue  # "6,000 white Akoya pearls", "three Boeing freighters"
        if token.pos_ not in ("ADJ", "VERB", "ADV", "CCONJ") or token.dep_ in ("ROOT", "nsubj"):
            break
    money = span.label_ == "MONEY" or any(t.text in CURRENCY for t in span)
    level = span.start > 0 and span.doc[span.start - 1].lower_ in _LEVEL_CASES
    if len(after) > 3 and after[0].lower_ in _PER_WORDS and after[1].lower_ in _TIME_NOUNS:
        after = after[2:]  # "$40 million a month in goods": the rate's period read past
    if (
        money
        and not level
        and len(after) > 1
        and after[0].lower_ == "in"
        and (
            after[1].pos_ in ("NOUN", "ADJ")
            or (after[1].pos_ == "PROPN" and _names_a_kind(after[1]))
        )
    ):
        # "$279,450 in restitution", "$1.9 billion in RTC assistance"; a count "in" a noun is
        # where ("thousands in museums"), as is a level's ("fell to $3.50 in composite trading")
        return next((t for t in after[1:] if t.pos_ == "NOUN"), None)
    return None


def _joins_another(word: Token, span: Span) -> bool:
    """ "$23,000 and other damages": a conjunction right after the figure joins it to a thing
    of its own, not to another figure sharing its noun ("threefold and sevenfold increases") or
    a bound cue ("15 or so teachers")."""
    nxt = word.doc[word.i + 1] if word.i + 1 < len(word.doc) else None
    return (
        word.pos_ == "CCONJ"
        and nxt is not None
        and not nxt.like_num
        and multiple(nxt.lower_) is None
        and trailing_cue(span) is None
    )


def _partitive_noun(span: Span) -> Token | None:
    """ "holds 192 of the legislature's 300 seats": a count right before "of" is a part of the
    noun phrase after it, whatever the parse attached the phrase to (a possessor, "the
    legislature's", is read past; a pronoun, "of them", "of those arrested", names nothing)."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].lower_ != "of" or span.label_ != "CARDINAL":
        return None
    for token in doc[span.end + 1 : min(len(doc), span.end + 1 + PARTITIVE_REACH)]:
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if token.pos_ in ("NOUN", "PROPN") and not (nxt is not None and nxt.tag_ == "POS"):
            return token if token.pos_ == "NOUN" else None
        if token.pos_ not in ("DET", "ADJ", "NUM", "NOUN", "PROPN", "PART"):
            return None
    return None


def _names_a_kind(name: Token) -> bool:
    """A proper noun that modifies a common noun after it, with only names between."""
    doc = name.doc
    for token in doc[name.i + 1 : min(len(doc), name.i + 4)]:
        if token.pos_ == "NOUN":
            return True
        if token.pos_ != "PROPN":
            return False
    return False


def _dates_or_divides(noun: Token, num: Token) -> bool:
    """ "8,100 last year", "3,200 a week": a noun the parse hung the figure on that dates it or is
    its rate's denominator counts nothing."""
    if noun.ent_type_ in ("DATE", "TIME") and num.ent_type_ not in ("DATE", "TIME"):
        return True
    return any(c.lower_ in _PER_WORDS and num.i < c.i < noun.i for c in noun.children)


def _noun_run_end(token: Token) -> Token:
    """ "140 pilot whales": a singular noun the figure hangs on, right before another common
    noun, is a modifier of it, however the parse split the run; the run's last noun is counted."""
    doc, i = token.doc, token.i
    while (
        doc[i].tag_ == "NN"
        and i + 1 < len(doc)
        and doc[i + 1].pos_ == "NOUN"
        and doc[i + 1].ent_type_ not in ("DATE", "TIME")
        and doc[i].whitespace_
        and _measure_unit(doc[i]) is None
    ):
        i += 1
    return doc[i]


def _past_hyphen(token: Token) -> Token:
    """ "10 walk-in clinics": the noun after a hyphenated modifier, not the modifier's first word."""
    doc, i = token.doc, token.i
    while i + 2 < len(doc) and doc[i + 1].text == "-" and not doc[i].whitespace_:
        i += 2
    if i == token.i:
        return token
    for nxt in doc[i + 1 : min(len(doc), i + 1 + NOUN_LOOKAHEAD)]:
        if nxt.pos_ == "NOUN":
            return nxt  # "four century-old wooden schooners": past the adjectives too
        if nxt.pos_ != "ADJ":
            break
    return token


def counted_and_unit(span: Span) -> tuple[Token | None, str | None]:
    """The counted noun and a measure unit: "winds of up to 110 mph" -> (winds, "mph").

    A figure whose noun is a unit ("percent", "tons", "weeks") counts the unit's "of" complement
    ("tons of salt"), the noun the phrase belongs to ("a deficit of $2 billion"), the subject of a
    copula ("the fare is $1.75", "the rate is down 0.4 points") or the object or subject of a verb
    of change or being ("cut water use by 20 percent", "the rate rose to 4 percent"). A length of
    time that is not a predicate or part of a phrase counts nothing ("for up to four months").

    Args:
        span: the figure.
    """
    noun, unit = _counted_and_unit(span)
    if noun is None or (counts_nothing(noun) and not _sized_name(span, noun)):
        return None, unit
    return noun, unit


def _sized_name(span: Span, name: Token) -> bool:
    """ "the $1.8 billion Wellington Fund": an amount between a determiner and a name is the
    size of what the name names."""
    doc = span.doc
    return (
        span.label_ == "MONEY"
        and name.pos_ == "PROPN"
        and span.start > 0
        and doc[span.start - 1].lower_ in _SIZING_DETS
        and all(t.pos_ == "PROPN" for t in doc[span.end : name.i + 1])
    )


def cap_verb(span: Span) -> Token | None:
    """ "cap its population at 1.6 billion", "limits rent increases to 5 percent": a figure a
    verb of capping sets its object at is an upper bound; the verb is its cue."""
    figure = outer_token(span)
    case = next((c for c in figure.children if c.dep_ == "case"), None)
    verb = figure.head
    if case is None or case.lower_ not in ("at", "to") or not is_one_of(verb, CAP_VERBS):
        return None
    return verb


def trailing_cue(span: Span) -> tuple[str, str] | None:
    """(cue, bound) of a bound cue written after the figure, its unit or its rate ("15 or so",
    "$21.50 a barrel or more"), or None."""
    doc = span.doc
    end = with_unit(span).end
    if end + 1 < len(doc) and doc[end].lower_ in _PER_WORDS and doc[end + 1].pos_ == "NOUN":
        end += 2  # "a barrel"
    after = " ".join(t.lower_ for t in doc[end : end + 2])
    return next(
        ((cue, bound) for cue, bound in TRAILING_CUES if (after + " ").startswith(cue + " ")), None
    )


def casualties(span: Span) -> str | None:
    """ "At least 82 are dead", "Four were killed": a bare count whose predicate befalls people
    counts people (the labelling conventions recover elided nouns: "549 sleeping outside")."""
    number = _number_token(span)
    return "people" if number.dep_ in SUBJECT_DEPS and _befalls(number.head) else None


def victims(span: Span) -> str | None:
    """ "the bomb that killed 270", "the quake left 700 dead": a bare count a verb of harm takes
    as its object, or that a word of harm describes, counts people, whatever the paragraph
    counted before it (a subject may stand for that noun)."""
    number = _number_token(span)
    direct = number.dep_ in ("obj", "obl") and not any(c.dep_ == "case" for c in number.children)
    described = number.dep_ == "nummod" and number.head.pos_ == "ADJ"
    return "people" if (direct or described) and _befalls(number.head) else None


def _befalls(predicate: Token) -> bool:
    """A predicate of what befalls people ("killed", "injured", "arrested", "missing")."""
    return is_one_of(predicate, CASUALTY_WORDS)


def counts_nothing(noun: Token) -> bool:
    """Never the counted thing: a distributive ("$1,500 apiece"), a named actor (a proper noun;
    a common noun the NER ran a name across still counts: "100,000 Newsgroups") other than the
    subject whose value the figure is ("the rate at Central Montana Medical Center is 22%", but
    "the Dow had fallen to 825") or the whole a share is of ("51% of Lentjes AG"), a unit,
    currency word or sign ("66.80 dollars", "$", "72,000 bpd plant"), a number or fraction word
    ("Three-quarters (74%) of respondents"), or a date the parse hung the figure on ("21 months,
    he said Thursday")."""
    lower = noun.lower_
    return (
        lower in _DISTRIBUTIVES
        or (
            noun.ent_type_ in _NAMED_ACTORS
            and noun.pos_ == "PROPN"
            and noun.dep_ not in SUBJECT_DEPS
            and not (_is_of_nmod(noun) and _measure_unit(noun.head))  # "12GB of GDDR5 RAM"
            and not (_is_of_nmod(noun) and _is_rate_word(noun.head))  # "51% of Lentjes AG"
        )
        or (noun.ent_type_ in ("DATE", "TIME") and not _counts_days(noun))
        or lower in _SEASONS  # "13.1 million students this fall": a date the NER missed
        or (_measure_unit(noun) is not None and not _counts_days(noun))
        or noun.is_currency  # "a total of $15 million": the parse heads the amount with "$"
        or _ends_money(noun)  # "soared 97% to 839 million francs"
        or is_number_word(lower)
        or lower in FRACTIONS
    )


def _counted_and_unit(span: Span) -> tuple[Token | None, str | None]:
    measured = _noun_before_participle(span)
    if measured is not None:
        return measured, None
    noun = counted_noun(span)
    unit = None
    anchor = outer_token(span)
    if noun is not None and _counts_days(noun):
        return noun, None
    if noun is not None and (
        _measure_unit(noun)
        or _is_rate_word(noun)
        or noun.text in CURRENCY_CODES
        or _names_currency(span, noun)
    ):
        unit = _measure_unit(noun)
        if noun.lower_ == "times":
            return None, "times"  # "four times as likely" compares groups, it counts neither
        of = next((c for c in noun.rights if _is_of_nmod(c)), None)
        if of is not None:
            return of, unit
        described = _measure_modifies(span, noun)
        if described is not None:
            return described, unit
        anchor, noun = noun, None
    if noun is None:
        # either end of a range may hang on the noun: "fines of $50 to $75"
        ends = [anchor, *(t for t in span if t.i != anchor.i and not _inside(t.head, span))]
        if unit in TIME_UNITS and anchor.dep_ in ("compound", "appos"):
            ends = []  # "30 years experience", "Bassi, 43 years a fisherman": it describes
        found = (
            next(filter(None, map(_modified_noun, ends)), None)
            or _of_phrase_owner(span, unit)
            or _extreme_owner(span)
            or _copula_subject(anchor)
        )
        if found is None and unit not in TIME_UNITS:
            found = _subject_noun(anchor)
        verb = _verb_right_before(span)
        if found is None and unit not in TIME_UNITS and verb is not None:
            found = _subject_noun(verb)
        return (_compound_head(found) if found is not None else None), unit
    return _compound_head(noun), unit


def _ends_money(noun: Token) -> bool:
    """The word ending an amount of money the NER read ("839 million francs"): its currency."""
    doc = noun.doc
    return (
        noun.ent_type_ == "MONEY"
        and noun.ent_iob_ == "I"
        and (noun.i + 1 == len(doc) or doc[noun.i + 1].ent_iob_ != "I")
        and any(t.like_num for t in doc[max(0, noun.i - 3) : noun.i])
    )


def _names_currency(span: Span, noun: Token) -> bool:
    """ "10.6 million Irish punts", "50 pence": the word ending the figure's own amount of money
    is its currency, whether the unit finder named it or only the NER read it as money."""
    unit = unit_span(span)
    if unit is not None and unit.label_ in currency_codes() and unit.start <= noun.i < unit.end:
        return True
    return (
        _ends_money(noun)
        and span[-1].ent_type_ == "MONEY"
        and noun.i >= span.end
        and all(t.ent_iob_ == "I" for t in noun.doc[span.end : noun.i + 1])
    )


def _measure_modifies(span: Span, unit: Token) -> Token | None:
    """ "its 460,000 barrels per day refinery", "a 2 GW solar array", "90 degree Fahrenheit water
    temperatures": a measure between a determiner and a noun, or written with its unit in the
    singular, sizes that noun (the rest of a written unit and a rate word, "per day", read past)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    sized = before is not None and before.pos_ in ("DET", "PRON") and before.lower_ in _SIZING_DETS
    if not (sized or _singular_measure(span, unit)):
        return None
    written = unit_span(span)
    i = max(unit.i, written.end - 1 if written is not None else unit.i) + 1
    if i + 1 < len(doc) and doc[i].lower_ in _PER_WORDS:
        i += 2  # "per day"
    while i < len(doc) and doc[i].pos_ == "ADJ" and doc[i].dep_ == "amod":
        i += 1
    if i < len(doc) and _is_nominal(doc[i]) and _measure_unit(doc[i]) is None:
        return _noun_run_end(doc[i])
    return None


def _singular_measure(span: Span, unit: Token) -> bool:
    """ "90 degree", "a 10-mile": more than one of a unit written in the singular is how English
    makes a measure a modifier (a symbol, "GW", shows no number)."""
    number = _number_token(span)
    return (
        unit.tag_ == "NN"
        and unit.is_alpha
        and unit.is_lower
        and unit_name(unit.text) is not None
        and number.like_num
        and number.lower_ not in ("1", "one")
    )


def _is_nominal(token: Token) -> bool:
    """A noun, or a word the morphologizer called an adjective where the PTB tagger calls it a
    noun ("a 15% stake": stake/NN/ADJ; "Industrial Average": Average/NNP/ADJ heading a name) or
    the parse uses it as one ("its 60% stake": stake/ADJ/obj)."""
    return (
        token.pos_ == "NOUN"
        or (token.pos_ == "ADJ" and token.tag_ in ("NN", "NNS"))
        or (token.pos_ == "ADJ" and token.tag_ in ("NNP", "NNPS") and _heads_a_name(token))
        or (token.pos_ == "ADJ" and token.dep_ in _NOMINAL_DEPS and token.tag_ == "JJ")
    )  # not "$73 million less to spend"


def _heads_a_name(token: Token) -> bool:
    """ "the Dow Jones Industrial Average" (Average/ADJ/NNP): the last word of a name the parse
    built on it, whatever the morphologizer called it."""
    return any(c.dep_ in ("compound", "flat") for c in token.children)


def _counts_days(noun: Token) -> bool:
    """ "closed on 41 days" counts days; "for 41 days" is a length of time."""
    return noun.lower_ in TIME_UNITS and _has_case_word(noun, "on")


def _has_case_word(token: Token, word: str) -> bool:
    return any(c.dep_ == "case" and c.lower_ == word for c in token.children)


def _is_rate_word(noun: Token) -> bool:
    """ "percent", "points"; "times" only in comparisons ("four times as likely")."""
    if noun.lower_ == "times":
        nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        return nxt is not None and (
            nxt.lower_ in ("as", "more", "higher", "greater", "the", "that")
            or nxt.tag_ in ("JJR", "RBR")  # "ten times faster"
        )
    if noun.lower_ in ("points", "point"):
        return _scores_a_change(noun)
    return noun.lower_ in _RATE_WORDS


def _scores_a_change(points: Token) -> bool:
    """ "fell 9.5 percentage points", "shrank to 12.9 points", "up 5 points": points measure a
    change or a percentage; "the report notes 10 points" counts them."""
    doc = points.doc
    before = {t.lower_ for t in doc[max(points.sent.start, points.i - POINTS_REACH) : points.i]}
    if before & {"percentage", "up", "down", "by", "to", "from"}:
        return True
    verb = points.head
    for _ in range(VERB_DISTANCE):
        if verb.pos_ in ("VERB", "AUX"):
            return (
                is_one_of(verb, CHANGE_VERBS)
                or is_one_of(verb, TRANSITIVE_VERBS)
                or is_one_of(verb, SCORE_VERBS)
            )
        verb = verb.head
    return False


def _measure_unit(noun: Token) -> str | None:
    """The unit the noun names in the units lexicon ("tons", "mph", "GW", "microns"), if any."""
    if noun.lower_ in ("points", "point") and not _scores_a_change(noun):
        return None  # "the report notes 10 points" counts them
    return unit_name(noun.text)


def outer_token(span: Span) -> Token:
    """The token linking the figure to the sentence: the span root, or the percent/unit word after it."""
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in _RATE_WORDS and nxt.head.i != span.root.i:
        return nxt
    return span.root


def _compound_head(noun: Token) -> Token:
    """ "18,000 naloxone kits": a number attached to the first noun of a compound counts the last."""
    while (
        noun.dep_ in ("compound", "amod")
        and noun.head.pos_ in ("NOUN", "PROPN")
        and noun.head.i > noun.i
        and not _untagged_change_verb(noun.head)  # "the stock rose 12.5 cents": rose/NOUN
    ):
        noun = noun.head
    if noun.lower_ in CONTAINER_NOUNS:
        return next((c for c in noun.rights if _is_of_nmod(c)), noun)
    return noun


def _modified_noun(token: Token) -> Token | None:
    """The noun a measure phrase belongs to: "deficit of roughly $300 million" -> deficit; not
    the statistic it is ("an average of $108" counts no "average")."""
    head = token.head
    if (
        token.dep_ in ("nmod", "appos", "compound")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i != token.i
        and head.lower_ not in STATISTIC_NOUNS
        and not _approximates(head)
        and not (_is_rate_word(head) or _measure_unit(head))  # "81 percent, from 64 percent"
        and head.text not in CURRENCY_CODES  # "$35 USD"
    ):
        return _owner(head)
    return None


def _of_phrase_owner(span: Span, unit: str | None) -> Token | None:
    """ "prizes of 12,000", "winds of about 240 km an hour": a figure right after "of" is the
    value of the noun before it, read from the words whatever the parse attached it to; not a
    statistic's or container's name ("a high of", "a total of"), a number or fraction ("one of
    four"), or a length of time's owner ("a sentence of 10 years")."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of" or unit in TIME_UNITS:
        return None
    owner = doc[span.start - 2]
    if (
        owner.pos_ != "NOUN"
        or owner.lower_ in STATISTIC_NOUNS | CONTAINER_NOUNS
        or _approximates(owner)
        or is_number_word(owner.lower_)
        or owner.lower_ in FRACTIONS
        or _is_rate_word(owner)
        or _measure_unit(owner) is not None
    ):
        return None
    return _owner(owner)


def _owner(noun: Token) -> Token:
    """The noun a measure phrase belongs to, or for a bare measure ("at a speed of") what it
    measures, where that is found."""
    measured = _measured(noun) if _bare_measure(noun) else None
    return measured or noun


def _bare_measure(noun: Token) -> bool:
    """ "at the annual rate of", "at a speed of": a measure noun no other noun names."""
    return noun.lower_ in MEASURE_NOUNS and not any(
        c.dep_ in ("compound", "nmod:poss") for c in noun.children
    )


def _measured(measure: Token) -> Token | None:
    """What a bare measure is taken of: the noun its phrase describes ("winds at a speed of"),
    else what its verb moves ("increase at the annual rate of", "increased the performance by a
    factor of")."""
    if measure.dep_ == "nmod" and measure.head.pos_ in ("NOUN", "PROPN"):
        return measure.head
    return _subject_noun(measure)


def _extreme_owner(span: Span) -> Token | None:
    """ "took the Dow to a record high of 1051", "the Dow had sunk to a low of 577": a high or low
    is reached by what its clause moves, the verb's object, else its subject."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ != "of":
        return None
    extreme = doc[span.start - 2]
    if extreme.lower_ not in EXTREME_NOUNS:
        return None
    verb = clause_head(extreme)
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return _child(verb, {"obj"}, extreme) or _child(verb, SUBJECT_DEPS, extreme)


def _noun_before_participle(span: Span) -> Token | None:
    """ "with circulation exceeding 700,000", "fines not exceeding $500": a figure whose bound cue
    is a participle measures the noun the participle follows."""
    doc = span.doc
    if not span[0].lower_.endswith("ing") and span[0].lower_ != "not":
        return None
    before = doc[span.start - 1] if span.start > 0 else None
    return before if before is not None and before.pos_ == "NOUN" else None


def _approximates(noun: Token) -> bool:
    """ "the range of", "the neighborhood of": a noun of approximation after a determiner."""
    before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
    return noun.lower_ in APPROXIMATION_NOUNS and before in ("the", "a")


def _copula_subject(token: Token) -> Token | None:
    """The subject of the copular clause the figure is predicate of: "the fare is $1.75" -> fare,
    "the rate is down 0.4 points" -> rate (UD makes the predicate the head of subject and copula;
    the parse may make "down" the predicate instead); a predicate completing another verb has
    that verb's subject ("the amount is expected to be $16 billion" -> amount)."""
    for _ in range(2):
        if token.pos_ in ("VERB", "AUX") or (
            token.pos_ == "ADJ" and token.tag_ != "JJR" and token.lower_ not in DIMENSIONS
        ):
            return None  # "36 percent effective" describes, it does not count
        adverbs = [c for c in token.children if c.dep_ in ("case", "advmod")]
        for node in (token, *adverbs):
            children = list(node.children)
            cop = next((c for c in children if c.dep_ == "cop"), None)
            if cop is not None:
                if node.dep_ == "xcomp" and not any(c.dep_ in SUBJECT_DEPS for c in children):
                    children = list(node.head.children)  # "is expected to be 16 billion"
                return (
                    next(
                        (
                            c
                            for c in children
                            if c.dep_ in SUBJECT_DEPS and c.pos_ in ("NOUN", "PROPN")
                        ),
                        None,
                    )
                    or _noun_before(cop)
                    or _container_referred_to(children)
                )
        token = token.head
    return None


def _subject_noun(token: Token) -> Token | None:
    """What the verb stating a rate or amount is about: its object ("cut water use by 20
    percent" -> use) or else its subject ("the rate rose to 4 percent" -> rate).

    When the parse gives an intransitive verb no subject, the noun right before the verb stands
    in for it.
    """
    verb = _change_verb(token)
    if verb is None or any(
        c.dep_ == "case" and c.lower_ in _NOT_VALUE_CASES for c in token.children
    ):
        return None  # "attendance improved for about two-thirds of them": not its value
    obj = None if is_one_of(verb, INTRANSITIVE_VERBS) else _child(verb, {"obj"}, token)
    if obj is not None:
        return obj
    if is_one_of(verb, TRANSITIVE_VERBS):
        if is_one_of(verb, VALUATION_VERBS) and verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            return verb.head  # "fillets priced at $16.99 a pound", "damage estimated at $2 million"
        return _child(verb, {"nsubj:pass"}, token)
    subject = _child(verb, SUBJECT_DEPS, token)
    if subject is None and (
        verb.dep_ == "xcomp" or _completes_predicate(verb) or _shares_subject(verb)
    ):
        # "the deficit is expected to total $1 trillion", "the cost is on track to hit $390
        # billion", "shipments fell 1.6% after rising 5.4%"
        subject = _child(verb.head, SUBJECT_DEPS, token)
        if subject is None and verb.head.pos_ not in ("VERB", "AUX"):
            subject = _copula_subject(verb.head)  # "orders were up 0.2% after rising 3.9%"
    if subject is not None:
        return subject
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and token.dep_ != "obj":
        # "purities climbing towards 80 percent", "growth for 1993 reached 26%": the noun the
        # verb describes moves; an object ("firms holding 40 percent") is what it acts on; an
        # amount ("was 1.6 billion US dollars, increasing by 23.6%") is the value of what moves
        return _copula_subject(verb.head) if _ends_money(verb.head) else verb.head
    window = verb.doc[max(verb.sent.start, verb.i - SUBJECT_WINDOW) : verb.i]
    return next(
        (
            t
            for t in reversed(window)
            if t.pos_ == "NOUN"
            and t.i != token.i
            and t.ent_type_ != "PERSON"
            and not _measure_unit(t)  # "... of corn and bushels of wheat rose 5%"
        ),
        None,
    )


def _container_referred_to(children: list[Token]) -> Token | None:
    """ "If you look at the number of Americans killed ..., it's less than 100": a pronoun
    subject stands for the "number of" phrase before it in the sentence, which counts its noun."""
    pronoun = next((c for c in children if c.dep_ in SUBJECT_DEPS and c.pos_ == "PRON"), None)
    if pronoun is None or pronoun.lower_ not in ("it", "that", "this"):
        return None
    before = pronoun.doc[pronoun.sent.start : pronoun.i]
    containers = [t for t in before if t.lower_ in CONTAINER_NOUNS]
    for container in reversed(containers):
        of = next((c for c in container.rights if _is_of_nmod(c)), None)
        if of is not None:
            return of
    return None


def _noun_before(cop: Token) -> Token | None:
    """ "..., and interest rates were near zero": the common noun right before a copula the parse
    left without a subject (it hung the noun elsewhere) is the subject."""
    before = cop.doc[cop.i - 1] if cop.i > cop.sent.start else None
    if before is None or any(
        c.dep_ in SUBJECT_DEPS and c.pos_ != "VERB" for c in cop.head.children
    ):
        return None  # "it was 5": a pronoun subject
    if before.pos_ == "NOUN" and before.ent_type_ not in ("DATE", "TIME"):
        return before
    return None


def _verb_right_before(span: Span) -> Token | None:
    """ "is expected to total nearly $1 trillion next year": the verb written right before the
    figure (its bound cue in the span, a "to", "at" or "by" between) states it, wherever the
    parse hung the figure."""
    i = span.start - 1
    if i >= 0 and span.doc[i].lower_ in ("to", "at", "by"):
        i -= 1
    if i < 0 or not (span.doc[i].pos_ == "VERB" or _untagged_change_verb(span.doc[i])):
        return None  # a copula is _copula_subject's ("was about 36 percent effective")
    return span.doc[i]


def _completes_predicate(verb: Token) -> bool:
    """ "on track to hit", "likely to reach": an infinitive completing a copula's predicate, which
    the parse hangs on the predicate as a clause describing it."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VB"
        and any(c.dep_ == "cop" for c in verb.head.children)
    )


def _shares_subject(verb: Token) -> bool:
    """ "fell 0.3% after climbing 0.9%", "rose for a fifth year, reaching 2.5 percent": a
    participle clause of time, or any clause hung from a verb of change, without a subject of
    its own moves what its head clause's subject names; not one hung from another verb ("After
    falling for three months, the index rose 0.9%, the department reported")."""
    head = verb.head
    if head.pos_ in ("VERB", "AUX") and not is_one_of(head, CHANGE_VERBS):
        return False
    timed = verb.tag_ == "VBG" and any(
        c.dep_ == "mark" and c.lower_ in _SEQUENCE_MARKS for c in verb.children
    )
    return (timed and verb.dep_ in ("advcl", "acl")) or (
        verb.dep_ == "advcl" and head.pos_ in ("VERB", "AUX")
    )


def _child(verb: Token, deps: frozenset[str] | set[str], figure: Token) -> Token | None:
    """The verb's noun dependent with one of deps closest to the figure, other than the figure's
    own token, a unit of another figure ("totaled 4.2 inches ..., about 6 inches below normal")
    or a person (a misparsed speaker: "has fallen to 31 percent, Superintendent Kemper told")."""
    found = [
        c
        for c in verb.children
        if c.dep_ in deps
        and (c.pos_ == "PROPN" or _is_nominal(c))
        and c.i != figure.i
        and c.ent_type_ != "PERSON"
        and not (_measure_unit(c) or _is_rate_word(c))
    ]
    nearest = min(found, key=lambda c: abs(c.i - figure.i), default=None)
    if nearest is not None and nearest.dep_ in SUBJECT_DEPS:
        return _appositive_head(nearest, found)
    if nearest is None:
        return next(
            (noun for c in verb.children if c.dep_ in deps and (noun := antecedent(c))), None
        )
    return nearest


def antecedent(pronoun: Token) -> Token | None:
    """ "prices, which had been capped at $250": the noun a relative pronoun's clause
    describes, which the pronoun stands for."""
    clause = pronoun.head
    if (
        pronoun.lower_ in _RELATIVE_PRONOUNS
        and clause.dep_ == "acl:relcl"
        and clause.head.pos_ in ("NOUN", "PROPN")
    ):
        return clause.head
    return None


def _appositive_head(subject: Token, found: list[Token]) -> Token:
    """ "New York's main contract, light sweet crude for delivery in November rose 60 cents": of
    two subjects of one verb, the later one after a comma restates the first."""
    doc = subject.doc
    earlier = [
        c
        for c in found
        if c.dep_ in SUBJECT_DEPS
        and c.i < subject.i
        and any(t.text == "," for t in doc[c.i + 1 : subject.i])
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[c.i + 1 : subject.i])
    ]
    return earlier[-1] if earlier else subject


def _change_verb(token: Token) -> Token | None:
    """The verb of change or being the figure's phrase hangs from: the first verb above it,
    unless an adjective it describes comes first ("36 percent effective")."""
    for _ in range(VERB_DISTANCE):
        if token.pos_ in ("VERB", "AUX"):
            return (
                token
                if is_one_of(token, CHANGE_VERBS) or is_one_of(token, TRANSITIVE_VERBS)
                else None
            )
        if _untagged_change_verb(token):
            return token
        if (token.pos_ == "ADJ" and token.tag_ != "JJR") or token.head.i == token.i:
            return None
        token = token.head
    return None


def _untagged_change_verb(token: Token) -> bool:
    """ "Canadian crude production averaged about 1.69 million barrels a day": a verb of change
    the tagger called an adjective in a sentence it left without any verb; or a verb of movement
    it called a noun right before a figure ("the stock rose 12.5 cents", rose/NOUN)."""
    if token.pos_ in ("VERB", "AUX"):
        return False
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    moves = (
        token.lower_ in INTRANSITIVE_VERBS
        and nxt is not None
        and (nxt.like_num or nxt.is_currency or nxt.lower_ in ("by", "to"))
    )
    return moves or (
        token.lower_ in CHANGE_VERBS and not any(t.pos_ in ("VERB", "AUX") for t in token.sent)
    )


def _number_token(span: Span) -> Token:
    """The token carrying the figure: the last numeric token of the span."""
    nums = [
        t for t in span if t.like_num or t.pos_ == "NUM" or t.lower_ in ("no", "none", "dozens")
    ]
    return nums[-1] if nums else span.root


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _is_of_nmod(token: Token) -> bool:
    """ "of kids", not "of them" or "of those": a pronoun names nothing to count."""
    return (
        token.dep_ == "nmod"
        and token.pos_ != "PRON"
        and token.lower_ not in ("those", "these", "own")
        and any(g.lower_ == "of" for g in token.children)
    )


def _qualifies(token: Token) -> bool:
    """ "orders for durable goods", "loans to such nations", "gains from the unit": a
    prepositional phrase that says which of the noun's kind is meant is part of its name."""
    return (
        token.dep_ == "nmod"
        and token.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "case" and c.lower_ in _QUALIFYING_CASES for c in token.children)
    )


def phrase(noun: Token, outside: Span | None = None) -> str:
    """Noun with compounds, adjectives and a close "of", "for", "from" or "to" complement
    ("child victims of human trafficking", "orders for durable goods")."""
    left = [
        c for c in noun.lefts if c.dep_ in _MODIFIER_DEPS and c.pos_ != "NUM" and not _is_clause(c)
    ]
    start = min([noun.i] + [c.left_edge.i for c in left])
    doc = noun.doc
    while start > 0 and doc[start - 1].tag_ == "NN" and doc[start - 1].whitespace_:
        start -= 1  # a run of nouns the parse split ("pilot whales", "sockeye salmon")
    if outside is not None and start < outside.end <= noun.i:
        start = outside.end
    end = noun.i + 1
    complement = next((c for c in noun.rights if _is_of_nmod(c) or _qualifies(c)), None)
    figure_inside = (
        complement is not None
        and outside is not None
        and complement.left_edge.i <= outside.start < complement.right_edge.i + 1
    )
    close = complement is not None and (
        complement.i - noun.i <= MAX_OF_DISTANCE
        or (doc[noun.i + 1].lower_ in _REACHING_CASES and complement.i - noun.i <= MAX_OF_PHRASE)
    )  # right after the noun it reaches past a determiner: "size of the world market", "sales
    # for the total group"
    if close and not figure_inside:
        end = complement.right_edge.i + 1
    # coordination kept whole: each conjunct's phrase starting within reach of the last ("fuel,
    # water, food and other supplies", "pickups, vans and sport utility vehicles")
    for conj in _conjuncts(noun):
        if conj.left_edge.i - end < MAX_OF_DISTANCE:
            end = max(end, conj.i + 1)
    while start < noun.i and not noun.doc[start].is_alpha:
        start += 1
    return noun.doc[start:end].text


def _is_clause(modifier: Token) -> bool:
    """ "The storm brought gusts": a participle the parse hung on the noun with a noun of its own
    is a clause the noun is in, not words describing it ("newly built homes", "state-funded
    programs")."""
    written = modifier.doc[modifier.left_edge.i : modifier.i]
    return (
        modifier.pos_ == "VERB"
        and any(c.pos_ in ("NOUN", "PROPN") for c in modifier.children)
        and any(t.whitespace_ for t in written)
        and not any(t.text == "-" for t in written)
    )


def _conjuncts(noun: Token) -> list[Token]:
    """The nouns coordinated after noun, in order; the parse chains a list ("cars, vans and
    pickups": pickups hangs on vans), so each conjunct's own conjuncts are followed."""
    found = [c for c in noun.rights if c.dep_ == "conj" and c.pos_ == "NOUN"]
    return sorted(found + [d for c in found for d in _conjuncts(c)], key=lambda t: t.i)


def governing_verb(figure: Span, noun: Token | None) -> Token | None:
    """The verb that states the figure ("identified 133 child victims" -> identified): the
    counted noun's, unless the figure sits in a clause on that noun ("prices, which had been
    capped at $250"), whose verb states it."""
    own = _verb_above(figure.root)
    if own is not None and _shares_subject(own):
        return own  # "fell 1.6% after rising 5.4%": the participle states it
    token = noun if noun is not None and not _in_clause_on(figure.root, noun) else figure.root
    return _verb_above(token)


def _verb_above(token: Token) -> Token | None:
    """The token's own verb: itself or one of its next two heads, not past the root."""
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _in_clause_on(token: Token, noun: Token) -> bool:
    """Whether token sits in a clause on the noun with its own finite verb: a relative clause,
    or a finite verb the parse hung on its subject ("the value of exports reached $60 billion"
    as reached/acl); a participle ("payments ranging from $21 to $26") is the noun's own."""
    while token.head.i != token.i and token.head.i != noun.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            finite = token.dep_ == "acl" and token.tag_ in _FINITE_TAGS
            return token.head.i == noun.i and (token.dep_ == "acl:relcl" or finite)
    return False


def clause_head(token: Token) -> Token:
    """The verb heading the clause a token belongs to (the root when none is a verb)."""
    while token.pos_ not in ("VERB", "AUX") and token.dep_ != "ROOT" and token.head.i != token.i:
        token = token.head
    return token


def subject_of(verb: Token, counted: Token | None, figure: Span) -> str | None:
    """The verb's subject (or the "by" agent of a passive), unless it holds the figure or what it
    counts ("98 percent of kids interacted", "the number of children fell": the subject is the
    counted phrase) or is a dateline the parse took for one ("HARTFORD — Overdoses killed").

    A relative pronoun stands for the noun its clause describes ("the league, which serves 600
    children" -> league); an infinitive takes the subject of the verb it completes ("the state
    plans to spend $30 million" -> state).
    """
    inside = {figure.root.i} | ({counted.i} if counted is not None else set())
    for child in verb.children:
        if inside & {t.i for t in child.subtree}:
            continue
        if _is_dateline(child):  # "WATERBURY — Flooding damaged": the subject hangs on the place
            appos = next((c for c in child.children if c.dep_ == "appos"), None)
            if child.dep_ in SUBJECT_DEPS and appos is not None and appos.pos_ in ("NOUN", "PROPN"):
                return phrase(appos)  # not the entity the NER ran across the dash
            continue
        if child.dep_ in SUBJECT_DEPS and child.pos_ in ("NOUN", "PROPN"):
            return actor_phrase(child)
        described = antecedent(child) if child.dep_ in SUBJECT_DEPS else None
        if described is not None:
            return actor_phrase(described)
        if child.ent_type_ in ("DATE", "TIME"):
            continue  # "By March the Dow had fallen": a deadline, not an agent
        if child.dep_ == "obl:agent" or (
            child.dep_ == "obl" and any(g.lower_ == "by" for g in child.children)
        ):
            return actor_phrase(child)
    if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
        return subject_of(verb.head, counted, figure)
    return None


def _is_dateline(token: Token) -> bool:
    """ "HARTFORD —", "WINDSOR LOCKS, Conn. —": a capitalised place opening the sentence."""
    start = token.sent.start
    head = token.doc[start : min(token.sent.end, start + 6)]
    dash = next((t.i for t in head if t.text in ("—", "–", "-", "--")), None)
    return token.is_upper and token.is_alpha and dash is not None and token.i < dash


def actor_phrase(token: Token) -> str:
    """The named entity covering token, or its noun phrase without determiners and clauses."""
    ent = entity_at(token)
    if ent is not None:
        return ent.text
    left = [c for c in token.lefts if c.dep_ in (*_MODIFIER_DEPS, "nmod:poss")]
    start = min([token.i] + [c.left_edge.i for c in left])
    return token.doc[start : token.i + 1].text


def entity_at(token: Token) -> Span | None:
    """The person, organisation or place entity covering token."""
    return next(
        (e for e in token.doc.ents if e.start <= token.i < e.end and e.label_ in ACTOR_LABELS), None
    )


def dominant_place(ents: list[Span]) -> str | None:
    """The GPE named most often in the document."""
    places = Counter(e.text for e in ents if e.label_ == "GPE")
    return places.most_common(1)[0][0] if places else None
