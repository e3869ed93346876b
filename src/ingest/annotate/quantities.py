"""The `ingest_quantity_finder` component: finds figures and their bound cues as spans.

It only finds; claims/quantity.py reads a span's text into value, bound and unit. Spans land in
doc.spans["quantities"] labelled CARDINAL, PERCENT, MONEY or RATIO.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.annotate.masks import masked_ranges, overlaps
from ingest.annotate.numbers import (
    BOUND_CUES,
    CUE_FILLERS,
    CURRENCY,
    FRACTIONS,
    MAX_CUE_WORDS,
    MOVEMENT_ADVERBS,
    MOVEMENT_VERBS,
    MULTIPLIER_FOLLOWERS,
    MULTIPLIERS,
    SCALE_ABBREVIATIONS,
    SCALES,
    UNITS,
    VAGUE,
    VAGUE_COUNTS,
    VULGAR_FRACTIONS,
    fused_scale,
    is_number_word,
    multiple,
)
from ingest.annotate.units import fused_unit
from ingest.annotate.verbs import is_one_of

NOT_QUANTITY_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
DATES_KEY = "dates"  # the date finder's span group (ingest_date_finder runs before this one)
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PERSON"})
_AGE_CUES = (
    "age of",
    "aged",
    "ages",
    "age",
    "turned",
    "turns",
    "under the age of",
    "over the age of",
)
_AGE_BOUNDS = frozenset({"under", "over"})
_AGE_UNITS = frozenset({"years", "year", "months", "month", "weeks", "days"})
# A length of time after these words dates something ("the third launch in two years", "return
# to work within 48 hours"); it is no figure of its own.
# "in two years", "within 48 hours" place something; "every 6 months" repeats it.
_TIME_REFERENCE_LEADS = frozenset({"in", "within", "every"})
MAX_AGE = 120
AGO_REACH = 3  # "half [a century] ago"
# Words after a length of time that make it place an event rather than measure something.
_RELATIVE_TIME_WORDS = frozenset({"before", "after", "earlier", "later", "ago", "prior"})
_TIMES_SIGNS = ("*", "×")
_OPERATORS = frozenset("= + − ± × ≤ ≥ < > ∑ ∏ ∂ ∇ ⋅ → ∞".split())
FORMULA_SYMBOL_SHARE = 0.6
_PERSONAL_PRONOUNS = frozenset({"i", "he", "she", "you"})
_ARTICLES = frozenset({"a", "an"})
_LIST_JOINERS = frozenset({",", "and", "or"})
_DECADE = re.compile(r"(?:1[5-9]|20)?[1-9]0")
_SHORT_TIME_UNITS = frozenset({"seconds", "second", "minutes", "minute"})
RATE_REACH = 3  # "more than 200,000 requests in 20 seconds": the count's words before "in"
_ZEROS = frozenset({"no", "none"})
_ZERO_SIDES = frozenset({"below", "above"})
_POINTING_WORDS = frozenset({"that", "this", "these", "those", "us", "them", "it", "you"})
VERB_REACH = 5  # heads up from a figure to the verb whose clause may be a condition
_OPEN_THRESHOLDS = frozenset({"or more", "or fewer", "or less", "or older", "or younger"})
_PERCENT_TAILS = (
    ("percentage", "points"),
    ("percentage", "point"),
    ("per", "cent"),
    ("percent",),
    ("%",),
)
_YEARS = range(1800, 2101)
# Ordinals before a part of the calendar ("the first quarter", "the final half").
_ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth final last".split()
)
_CALENDAR_PARTS = frozenset("quarter half week month year day decade century".split())
_ORDINAL_SHAPE = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
# "between the ages of 25 and 54", "aged 18 to 24": the text before an age band's figures.
_AGE_BAND_BEFORE = re.compile(r"\b(?:ages?|aged)\s+(?:of\s+)?(?:\d+\s*(?:and|to|-|–)\s*)?$", re.I)
# Spelled small numbers after these words refer back to things already counted ("the two
# groups", "the top three cartoons"), they state no figure.
_REFERENCE_LEADS = frozenset({"the", "top", "these", "those"})
MAX_REFERENCE_NUMBER = 10
# "a 16 and 17-year-old girl": ages describing a person, not counts.
_AGE_TAIL = re.compile(
    r"(?:\s*(?:and|or|to|-)\s*\d+)?\s*-?\s*years?[\s-]+old|\s+(?:or|and)\s+(?:older|younger|over|up|above)\b",
    re.I,
)
# A DATE/TIME entity that is a length of time ("20 years", "about three hours") is a figure;
# one anchored in the calendar ("the past five years", "two weeks ago") is a time scope.
_DURATION = re.compile(
    r"^(?!.*\b(?:ago|old|the|this|last|next|past|recent|each|every|per)\b)(?=.*\d|.*\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|dozen)\b)"
    r".*\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?)$",
    re.I,
)
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)
_TIME_WORDS = frozenset(
    [
        "years",
        "year",
        "months",
        "month",
        "weeks",
        "week",
        "days",
        "day",
        "hours",
        "hour",
        "minutes",
        "minute",
        "seconds",
        "decades",
        "decade",
        "a.m.",
        "p.m.",
        "am",
        "pm",
    ]
)
# Parts of speech that end the noun phrase a number stands in.
_PHRASE_ENDS = frozenset({"PUNCT", "CCONJ", "ADP", "VERB", "AUX", "PART", "SCONJ"})
_OWN_UNIT_WORDS = frozenset({*SCALES, "percent", "%", "points"})
_MODIFIERS_OF_CHANGE = frozenset({"about", "around", "roughly", "nearly", "almost", "some"})
_DISTRIBUTIVE_DETS = frozenset({"every", "each"})
# Words a title leaves in lower case ("Five Things We Learned from the Interview").
_TITLE_SMALL_WORDS = frozenset(
    "a an the and or but nor of in on at to for from by with as vs via per".split()
)
TITLE_MIN_WORDS = 3
TITLE_CAPITAL_SHARE = 0.75
TITLE_MAX_NUMBERS = 2
_KIND_COMPARATIVES = frozenset(
    """smaller larger bigger younger older shorter longer taller heavier lighter wider narrower
    thinner thicker""".split()
)
MOVEMENT_REACH = 2  # "went up from", "rose sharply from"
# Words after a number and a hyphen that keep it a count ("a 5,000-strong brigade", "two-thirds").
_COUNTING_WORDS = frozenset({*FRACTIONS, "strong"})
# What may follow a spaced hyphenated modifier besides its noun: the quote opening a title, or
# the next hyphen of a longer modifier ("a 40 - year - old building").
_MODIFIER_CLOSERS = frozenset({"-", "``", '"', "“"})
# Bound cues that open a threshold ("over $45,000", "less than 10%", "at least 500").
_THRESHOLD_CUE_WORDS = frozenset({"over", "under", "above", "below", "more", "less", "fewer", "at"})
MAX_HAVING_WORDS = 3  # "with annual household incomes over $45,000"
_PERFECT_AUXILIARIES = frozenset({"have", "has", "had", "'ve", "'d"})
CHANGE_LEVEL_RATIO = 3  # "fell by 20 to 140": a level far above the change is no range's end
_DECIMAL = re.compile(r"^\d+\.\d+$")
_RELEASE_LEADS = frozenset({"in", "for", "since", "inside", "until", "before", "after"})
_RELEASE_NOUNS = frozenset({"release", "releases", "version", "versions", "update", "updates"})
_SCORE = re.compile(r"^(\d{1,3})\s*[-–]\s*(\d{1,3})$")
_TIME_RANGE_JOINERS = frozenset({"-", "–", "to", "or"})
_ZERO_ADJECTIVES = frozenset({"other", "new", "additional", "further", "more"})
_RANGE_JOINERS = frozenset({"-", "–", "—", "to", "in"})
# Fraction words that are also ordinals ("a third of", but "the third straight year").
_ORDINAL_FRACTIONS = frozenset({"third", "fifth"})
_FRACTION_LEADS = frozenset(
    {"a", "by", "nearly", "almost", "about", "roughly", "than", "over", "some"}
)
_ARTICLE_NUMBERS = frozenset(
    {
        "dozen",
        "hundred",
        "thousand",
        "million",
        "billion",
        "half",
        "third",
        "quarter",
        "fifth",
        "tenth",
        "few",
    }
)
# Singular time words that make the figure before them a modifier ("a 20 year volatility
# number", "24 hour news-cycle"), as the hyphenated "24-hour" is.
_SINGULAR_SPANS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})


@Language.factory(
    "ingest_quantity_finder",
    assigns=["doc.spans"],
    requires=["doc.ents", "token.pos", "token.tag"],
    default_config={"spans_key": "quantities"},
)
def make_quantity_finder(nlp: Language, name: str, spans_key: str) -> QuantityFinder:
    return QuantityFinder(name, spans_key=spans_key)


class QuantityFinder:
    """Writes the spans found by find_quantities to doc.spans[spans_key]."""

    def __init__(self, name: str, *, spans_key: str) -> None:
        self.name = name
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = find_quantities(doc)
        return doc


def find_quantities(doc: Doc) -> list[Span]:
    """Every figure in doc, with its bound cue, that is not a date, identifier, name or age."""
    blocked = _blocked_tokens(doc)
    spans: list[Span] = []
    i = 0
    while i < len(doc):
        if i in blocked or not _starts_figure(doc, i):
            i += 1
            continue
        end = _extend(doc, i, blocked)
        span = _with_cue(doc, i, end)
        if not _is_noise(doc, span, i, end):
            spans.append(span)
        i = end
    return spans


def _blocked_tokens(doc: Doc) -> set[int]:
    """Date parts (years, days of months, "five years ago"), ordinals and masked identifiers."""
    masks = masked_ranges(doc.text)
    dated = [*doc.ents, *doc.spans.get(DATES_KEY, [])]  # the NER's and the date finder's
    blocked = {
        t.i
        for ent in dated
        if ent.label_ in NOT_QUANTITY_LABELS
        for t in ent
        if _is_date_part(t, ent)
    }
    blocked |= {t.i for t in doc if overlaps(t.idx, t.idx + len(t), masks)}
    return blocked | {t.i for t in doc if _is_hyphen_modifier(t) or _is_label_number(t)}


def _is_label_number(token: Token) -> bool:
    """A number that labels rather than counts: a name word ("Vision Zero"), an ordinal the NER
    missed ("19th"), a list item's marker ("2. Check the peep hole", "the main reasons: 1.
    China's income tax ..."), a power ("10^5", "2^28"),
    any number of a paragraph without words ("1 / 5"), or a symbol of a formula ("x = − b ± b 2 −
    4 a c", a page's MathML as rendered)."""
    doc = token.doc
    nxt = doc[token.i + 1].text if token.i + 1 < len(doc) else ""
    prev = doc[token.i - 1].text if token.i > 0 else ""
    return (
        _is_named_number_word(token)
        or _ORDINAL_SHAPE.match(token.text) is not None
        or ((token.i == 0 or prev == ":") and token.is_digit and nxt in (".", ")"))
        or "^" in (nxt, prev)
        or "^" in token.text
        or _is_operand(token, prev, nxt)
        or not any(t.is_alpha for t in doc)
        or _in_formula(token.sent if doc.has_annotation("SENT_START") else doc[:])
    )


def _in_formula(sent: Span) -> bool:
    """Mostly one-character tokens with an operator among them: symbols, not words."""
    single = sum(len(t.text) == 1 for t in sent)
    return single >= FORMULA_SYMBOL_SHARE * len(sent) and any(t.text in _OPERATORS for t in sent)


def _is_operand(token: Token, prev: str, nxt: str) -> bool:
    """ "10^5 * 300 = 30,000,000", "2^15 - 1": a number a calculation works on is no figure (its
    result, after "=", is)."""
    doc = token.doc
    power = token.i >= 3 and "^" in (doc[token.i - 2].text + doc[token.i - 3].text)
    return prev in _TIMES_SIGNS or nxt in (*_TIMES_SIGNS, "=") or (prev in ("-", "+") and power)


def _is_date_part(token: Token, ent: Span) -> bool:
    """A token of a DATE/TIME/ORDINAL entity that dates rather than counts.

    The NER often swallows a count into a neighbouring date ("28 homicides last year"), so only
    years, days next to a month, and calendar-anchored lengths ("the past five years", "two
    weeks ago") are blocked; a plain length ("20 years") is a figure.
    """
    doc = token.doc
    nxt = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if ent.label_ == "ORDINAL" and token.lower_ in FRACTIONS and nxt == "of":
        return False  # "a fifth of the cost": a fraction the NER took for an ordinal
    if ent.label_ == "ORDINAL" or not (_is_num(token) or token.lower_ in FRACTIONS):
        return True
    if token.lower_ in _ORDINAL_FRACTIONS and nxt != "of":
        return True  # "for the third straight year" is an ordinal
    if token.lower_ in _ORDINAL_WORDS and nxt in _CALENDAR_PARTS:
        return True  # "the first quarter of this year", "the second half"
    if is_year(token) or (
        token.i >= 2 and doc[token.i - 1].text in "-–" and is_year(doc[token.i - 2])
    ):
        return True  # "2008-9": the short end of a year range
    before = token.i - 1
    if (
        before >= 2
        and doc[before].lower_ in ("-", "–", "to", "through")
        and doc[before - 1].like_num
    ):
        before -= 2  # "Nov. 13-14": the month is before the range's first day
    neighbours = [doc[i].lower_.rstrip(".") for i in (before, token.i + 1) if 0 <= i < len(doc)]
    if any(n in _MONTHS for n in neighbours):
        return True
    if ent.text.lower().endswith("years old") and _age_of_a_thing(doc, token.i + 1):
        return False  # "may be 2,000 years old": the NER's DATE holds a figure
    after = token.i + 1
    if (
        after + 1 < len(doc)
        and doc[after].lower_ in _TIME_RANGE_JOINERS
        and doc[after + 1].like_num
    ):
        after += 2  # "three or four a.m.", "5-6 p.m.": the time word follows the range's far end
    unit = doc[after].lower_ if after < len(doc) else ""
    return unit in _TIME_WORDS and not _DURATION.match(ent.text)


def is_year(token: Token) -> bool:
    """A four-digit year (1800-2100), written without separators."""
    return token.is_digit and len(token) == 4 and int(token.text) in _YEARS


def _is_num(token: Token) -> bool:
    return token.like_num or is_number_word(token.lower_) or _is_fused_figure(token)


def _is_fused_figure(token: Token) -> bool:
    """ "$3.1bn", "£40m", "650k", "2GW", "55mph": a number written together with its scale or
    unit; another one-letter scale only after a currency sign ("100m" alone may be metres)."""
    scale = fused_scale(token.text)
    if scale is not None:
        suffix = token.text[len(scale[0]) :]
        return len(suffix) > 1 or suffix == "k" or _after_currency(token)
    return fused_unit(token.text) is not None


def _after_currency(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text in CURRENCY


def _is_scale_abbreviation(doc: Doc, i: int, start: int) -> bool:
    """ "£40m", "$2 bn": a money figure's scale abbreviation, split off by the tokenizer."""
    token = doc[i]
    return (
        token.lower_ in SCALE_ABBREVIATIONS
        and _after_currency(doc[start])
        and (len(token) > 1 or not doc[i - 1].whitespace_)
    )


def _starts_figure(doc: Doc, i: int) -> bool:
    """A number, "no" before a plural noun ("no arrests"), or a fraction of something ("half of")."""
    token = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if _is_num(token):
        return True
    if token.lower_ in VAGUE_COUNTS:
        return nxt is not None and nxt.lower_ in SCALES  # "a few hundred", "several thousand"
    if token.lower_ in MULTIPLIERS:
        return nxt is not None and nxt.lower_ in MULTIPLIER_FOLLOWERS  # "twice the rate"
    if multiple(token.lower_) is not None:
        return True  # "a fivefold increase", "grew tenfold"
    if token.lower_ == "no":
        if (
            nxt is not None
            and (nxt.lower_ in _ZERO_ADJECTIVES or nxt.pos_ == "ADJ")
            and i + 2 < len(doc)
        ):
            nxt = doc[i + 2]  # "no other employees", "no discernible pixels"
        return (
            nxt is not None
            and nxt.pos_ == "NOUN"
            and (nxt.tag_ == "NNS" or nxt.head.tag_ == "NNS" or _acts(nxt))
        )
    prev = doc[i - 1].lower_ if i > 0 else ""
    if token.lower_ in FRACTIONS and (
        prev in _ORDINAL_WORDS or _ORDINAL_SHAPE.match(prev) or prev in _DISTRIBUTIVE_DETS
    ):
        return False  # "the first quarter of this year", "every quarter of the year": calendar
    return token.lower_ in FRACTIONS and (
        (nxt is not None and nxt.lower_ == "of") or prev in _FRACTION_LEADS
    )


def _acts(noun: Token) -> bool:
    """ "no group claimed responsibility": a singular noun after "no" that is the subject of the
    verb right after it counts zero of its kind ("no doubt", "no way" are no subjects)."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    return (
        noun.dep_ == "nsubj"
        and after is not None
        and after.pos_ in ("VERB", "AUX")
        and noun.head.i == after.i
    )


def _is_named_number_word(token: Token) -> bool:
    """ "Vision Zero", "the Big Ten": a capitalised number word inside a name."""
    if not (token.is_title and token.is_alpha and is_number_word(token.lower_)):
        return False
    if token.is_sent_start or token.i == 0:
        return False
    prev = token.doc[token.i - 1]
    return token.ent_type_ in _NAME_LABELS or (prev.is_title and prev.pos_ == "PROPN")


def _is_hyphen_modifier(token: Token) -> bool:
    """ "two-bedroom", "24-hour", "four-year": a number inside a compound adjective; also one
    written without the hyphen ("a 20 year volatility number")."""
    doc = token.doc
    if _is_num(token) and token.i + 2 < len(doc) and doc[token.i + 1].lower_ in _SINGULAR_SPANS:
        return doc[token.i + 2].pos_ in ("NOUN", "ADJ") and token.lower_ not in ("one", "1", "a")
    if _is_num(token) and token.i + 3 < len(doc) and doc[token.i + 1].text == "-":
        # spaced, as tokenized corpora write it: "a five - day visit", "a nine - count
        # indictment", "its four - hour ``Nightwatch''"; not a price "$1.50 - a - share"
        word, then = doc[token.i + 2], doc[token.i + 3]
        modifies = then.pos_ in ("NOUN", "PROPN", "ADJ") or then.text in _MODIFIER_CLOSERS
        singular = word.lower_ in _SINGULAR_SPANS | {"point"} or word.tag_ in ("NN", "JJ", "VBN")
        if word.is_alpha and singular and modifies and word.lower_ not in _COUNTING_WORDS:
            return True
    if (
        not _is_num(token)
        or token.whitespace_
        or token.i + 2 >= len(doc)
        or doc[token.i + 1].text != "-"
    ):
        return False
    after = doc[token.i + 2]
    counts = after.lower_ in _COUNTING_WORDS  # "a 5,000-strong brigade"
    return after.is_alpha and not _is_num(after) and not counts


def _extend(doc: Doc, start: int, blocked: set[int]) -> int:
    """End (exclusive) of the figure starting at start: scales, "and a half", ranges, %, +."""
    end = start + 1
    if doc[start].lower_ == "no":
        return end
    while end < len(doc):
        words = [t.lower_ for t in doc[end : end + 3]]
        gap = 2 if end + 2 < len(doc) and doc[end + 1].text in CURRENCY else 1
        nxt_num = end + gap < len(doc) and _is_num(doc[end + gap]) and end + gap not in blocked
        if words[0] == "in" and nxt_num and is_year(doc[end + gap]):
            break  # "rose to 1,310 in 2023" dates the figure; "1 in 4" is a ratio
        if (
            (
                _is_num(doc[end])
                and end not in blocked
                and not (
                    doc[end].is_digit and (doc[end - 1].is_digit or doc[end - 1].lower_ in UNITS)
                )
            )
            or _is_scale_abbreviation(doc, end, start)
            or doc[end].text in VULGAR_FRACTIONS
        ):
            end += 1
        elif (
            words[:1] == ["of"]
            and words[1:2]
            and words[1] in VAGUE
            and doc[end - 1].lower_ in VAGUE
        ):
            end += 2  # "tens of thousands", "hundreds of millions"
        elif words[0] == "%" and len(words) > 2 and words[1] in {*_RANGE_JOINERS, "and"}:
            end += 1  # "between 7% and 11%": the range goes on after its first end's sign
        elif words[:3] == ["and", "a", "half"]:
            end += 3
        elif words[0] == "-" and len(words) > 1 and words[1] in FRACTIONS:
            end += 2
        elif (
            (words[0] in _RANGE_JOINERS and nxt_num and not _is_change(doc, start, end, gap))
            or (
                words[0] == "and"
                and nxt_num
                and _cue_before(doc, _past_currency(doc, start)) == "between"
            )
            or (words[0] == "or" and nxt_num and _rises(doc[end - 1], doc[end + gap]))
        ):
            end += 1 + gap
        elif words[:2] == ["out", "of"] and end + 2 < len(doc) and _is_num(doc[end + 2]):
            end += 3
        else:
            break
    for tail in _PERCENT_TAILS:
        if tuple(t.lower_ for t in doc[end : end + len(tail)]) == tail:
            return end + len(tail)
    return end + 1 if end < len(doc) and doc[end].text == "+" else end


def _is_change(doc: Doc, start: int, end: int, gap: int) -> bool:
    """ "cut from $30 billion to $5 billion", "rose by $4 billion to $120 billion", "rose $5 to
    $60": a change and the level it reached are two figures. A range runs upward from its low end ("from 3 to 5
    percent"), and a change given as a range shares its unit ("by 10 to 50 percent", "by 150 to
    200 students"), its ends alike in size."""
    before = start - 1 - (start > 0 and doc[start - 1].text in CURRENCY)
    if before > 0 and doc[before].lower_ in _MODIFIERS_OF_CHANGE:
        before -= 1  # "by about $4 to $55"
    lead = doc[before].lower_ if before >= 0 else ""
    if before >= 0 and (_is_movement(doc[before]) or lead in MOVEMENT_ADVERBS):
        lead = "by"  # "rose $5 to $60", "closed up 50 cents to $12.30": by one, to the other
    if doc[end].lower_ != "to" or lead not in ("from", "by"):
        return False
    low, high = _amount(doc, _past_currency(doc, start)), _amount(doc, end + gap)
    if None in (low, high):
        return False
    if lead == "from":
        return high < low or _after_movement(doc, before)
    if doc[_past_currency(doc, start)].text in CURRENCY or doc[end - 1].lower_ in _OWN_UNIT_WORDS:
        return True  # each end with its unit
    after = doc[end + gap + 1].lower_ if end + gap + 1 < len(doc) else ""
    return after not in _OWN_UNIT_WORDS and high > CHANGE_LEVEL_RATIO * low


def _after_movement(doc: Doc, lead: int) -> bool:
    """ "rose from", "has grown steadily from", "went up from": a verb of movement (adverbs and
    particles between) before the "from" of a figure."""
    i = lead - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "ADP", "PART") and lead - i <= MOVEMENT_REACH:
        i -= 1
    return i >= 0 and _is_movement(doc[i])


def _is_movement(token: Token) -> bool:
    """A verb of movement, or its form the tagger took for a noun at the head of the sentence
    ("the price of a ticket rose ..." with rose/NOUN/ROOT) or after an auxiliary ("departures
    have risen from 4 to 27" with risen/NNS)."""
    after_auxiliary = token.i > 0 and token.doc[token.i - 1].lower_ in _PERFECT_AUXILIARIES
    verbal = (
        token.pos_ == "VERB" or after_auxiliary or (token.dep_ == "ROOT" and token.pos_ == "NOUN")
    )
    return verbal and is_one_of(token, MOVEMENT_VERBS)


def _amount(doc: Doc, i: int) -> float | None:
    """The amount written from token i ("$30 billion", "5", "two million"), past a currency
    sign; None when it does not start with a plain number."""
    if doc[i].text in CURRENCY:
        i += 1
    if i >= len(doc):
        return None
    text = doc[i].lower_.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        value = UNITS.get(text)
    if value is None:
        return None
    scale = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return value * SCALES.get(scale, 1)


def _rises(low: Token, high: Token) -> bool:
    """ "four or five buyers", "10 or 12 days": an estimate given as two whole numbers, the second
    the larger, is one figure (a range), not two."""
    values = [_whole(t) for t in (low, high)]
    return None not in values and values[0] < values[1]


def _whole(token: Token) -> int | None:
    """The value of a plain whole number, in digits or a word ("12", "five"), else None."""
    text = token.lower_.replace(",", "")
    return int(text) if text.isdigit() else UNITS.get(text)


def _past_currency(doc: Doc, start: int) -> int:
    """Where a figure starts once a currency sign before it is included."""
    return start - 1 if start > 0 and doc[start - 1].text in CURRENCY else start


def _cue_before(doc: Doc, start: int) -> str | None:
    """The bound cue ending right before start, if any ("just under", "between")."""
    for n in range(MAX_CUE_WORDS, 0, -1):
        if start - n >= 0:
            words = " ".join(t.lower_ for t in doc[start - n : start])
            if any(words == cue for cue, _ in BOUND_CUES):
                return words
    return None


def _filler_before(doc: Doc, start: int) -> int:
    """How many tokens of a filler ("an additional") stand between a cue and the figure."""
    for filler in CUE_FILLERS:
        n = len(filler.split())
        if start - n >= 0 and " ".join(t.lower_ for t in doc[start - n : start]) == filler:
            return n
    return 0


def _with_cue(doc: Doc, start: int, end: int) -> Span:
    """The figure's span, widened left over a currency sign and a bound cue."""
    start = _past_currency(doc, start)
    if start > 0 and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in _ARTICLE_NUMBERS:
        start -= 1
    filler = _filler_before(doc, start)
    cue = _cue_before(doc, start - filler)
    is_range = any(t.lower_ in ("-", "–", "—", "to", "and") for t in doc[start:end])
    if cue and (cue not in ("between", "from") or is_range):
        start -= filler + len(cue.split())
    label = "CARDINAL"
    text = doc[start:end].text.lower()
    if "%" in text or "percent" in text or "per cent" in text:
        label = "PERCENT"
    elif any(sign in text for sign in CURRENCY):
        label = "MONEY"
    elif " in " in text or "out of" in text:
        label = "RATIO"
    return Span(doc, start, end, label=label)


def _is_name_number(doc: Doc, start: int, end: int) -> bool:
    """ "SEIU 1199", "iOS 14", "Boeing 737 Max": digits that are part of a name, not a count;
    so are digits the NER put inside a name begun before them ("PlayStation 4 Pro games")."""
    inside = doc[start].ent_iob_ == "I" and doc[start].ent_type_ in _NAME_LABELS
    if inside and doc[start - 1].is_alpha:
        return True
    if start == 0 or not doc[start].text[:1].isdigit() or doc[start - 1].is_sent_start:
        return False  # "Acrobat 4.0", "Raspberry Pi 256MB Model B" too
    prev = doc[start - 1]
    after = doc[end] if end < len(doc) else None
    named_before = (
        (prev.is_alpha or _is_initialism(prev))
        and any(ch.isupper() for ch in prev.text)
        and prev.pos_ not in ("VERB", "ADP", "DET", "AUX")
    ) or (
        # "Lexus IS 300": a capitals code after a name, whatever the tagger made of it
        prev.is_upper
        and prev.is_alpha
        and len(prev) > 1
        and start >= 2
        and doc[start - 2].pos_ == "PROPN"
        and doc[start - 2].is_title
    )
    # "Boeing 737 MAX 9 jets": a capitalised label before digits names a model even before a noun
    if named_before:
        return after is None or after.pos_ != "NOUN" or prev.is_upper
    if prev.lower_ in UNITS and prev.is_alpha:
        return True  # "three 747 freighters": a count, then a model
    if _models_a_name(prev, after):
        return True
    # "book 5", "room 101", "digic 5 processor": a singular common noun labelled by the number
    # that ends its phrase, rather than counting what follows; a participle the tagger took for
    # a noun labels nothing ("circulation exceeding 700,000"), nor does an adjective it took for
    # one before a share ("rose a hefty 1.1%")
    return (
        prev.tag_ == "NN"
        and not prev.lower_.endswith("ing")
        and doc[end - 1].text != "%"
        and (after is None or after.pos_ in _PHRASE_ENDS)
    )


def _is_initialism(token: Token) -> bool:
    """ "S&P", "AT&T": capitals joined by an ampersand, a name as much as "Fortune" is."""
    return "&" in token.text and token.text.replace("&", "").isalpha()


def _models_a_name(prev: Token, after: Token | None) -> bool:
    """ "the 737 MAX", "the 787 Dreamliner", "20 737 MAX jets": digits after a determiner or a
    count and before a capitalised singular name are that name's model number ("the 49
    Democrats", "the 40 British soldiers" count: a plural, a nationality)."""
    return (
        (prev.lower_ in ("the", "its", "their") or prev.like_num)
        and after is not None
        and after.is_alpha
        and (after.is_title or after.is_upper)
        and not after.lower_.endswith("s")
        and after.ent_type_ in ("", "ORG", "PRODUCT", "WORK_OF_ART")
    )


def _is_appositive_age(doc: Doc, start: int, end: int) -> bool:
    """ "Michael Farrow, 51, of Waterbury": an age set off by commas after a name (however the
    tagger took the surname: "Tyrell Banks, 24,"), or in brackets ("Kaiarahi (10 months)")."""
    if start >= 2 and doc[start - 1].text == "(" and _names_person(doc[start - 2]):
        tail = [t.lower_ for t in doc[end : end + 3]]
        return bool(tail) and (tail[0] == ")" or (tail[0] in _AGE_UNITS and ")" in tail[1:]))
    if start < 2 or end - start != 1 or not doc[start].is_digit or doc[start - 1].text != ",":
        return False
    after = doc[end].text if end < len(doc) else "."
    return _names_person(doc[start - 2]) and int(doc[start].text) <= MAX_AGE and after in ",.;"


def _is_vague_alternative(doc: Doc, start: int, end: int) -> bool:
    """ "a thing or two", "every year or two", "a day or three": a singular noun "or" a small
    number is an idiom for a few, not a figure."""
    if end - start != 1 or start < 3 or doc[start].lower_ not in ("two", "three", "2", "3"):
        return False
    noun, before = doc[start - 2], doc[start - 3]
    return (
        doc[start - 1].lower_ == "or"
        and noun.tag_ == "NN"
        and before.lower_ in ("a", "an", "every", "one")
    )


def _is_predicate_age(doc: Doc, start: int, end: int) -> bool:
    """ "Until I was thirteen, ...", "she is 34 and ...", "a leader who is now 63": a bare number
    a person is, with no noun after it, is the person's age."""
    verb = start - 1
    while verb > 0 and doc[verb].pos_ == "ADV":
        verb -= 1  # "is now 63", "was still 40"
    if end - start != 1 or verb < 1 or doc[verb].lemma_ != "be":
        return False
    subject = doc[verb - 1]
    person = subject.lower_ in _PERSONAL_PRONOUNS | {"who"} or subject.ent_type_ == "PERSON"
    after = doc[end] if end < len(doc) else None
    bare = after is None or after.is_punct or after.pos_ in ("CCONJ", "SCONJ", "ADV")
    value = UNITS.get(doc[start].lower_) or (int(doc[start].text) if doc[start].is_digit else None)
    return person and bare and value is not None and value <= MAX_AGE


def _names_person(name: Token) -> bool:
    return name.pos_ == "PROPN" or name.ent_type_ == "PERSON" or name.is_title


def _defines_class(doc: Doc, start: int, end: int) -> bool:
    """ "buildings with five or more units", "running 50% or more of their apps", "settlements
    with 500 people or less", "holders with household incomes over $45,000": an open threshold
    names a kind of thing, it is not a count of it."""
    if _bounds_a_having(doc, start):
        return True
    having = start > 0 and doc[start - 1].lower_ in ("with", "of", "having")
    past_noun = end + 1 if having and end < len(doc) and doc[end].tag_ == "NNS" else end
    return any(
        " ".join(t.lower_ for t in doc[at : at + 2]) in _OPEN_THRESHOLDS for at in (end, past_noun)
    )


def _bounds_a_having(doc: Doc, start: int) -> bool:
    """ "with household incomes over $45,000", "having revenue of less than $1 million": a bound
    cue on what "with" or "having" says the things have."""
    if start >= len(doc) or doc[start].lower_ not in _THRESHOLD_CUE_WORDS:
        return False
    i = start - 1
    if i >= 0 and doc[i].lower_ == "of":
        i -= 1  # "revenue of less than"
    nouns = 0
    while i >= 0 and doc[i].pos_ in ("NOUN", "ADJ") and nouns < MAX_HAVING_WORDS:
        i, nouns = i - 1, nouns + 1
    return nouns > 0 and i >= 0 and doc[i].lower_ in ("with", "having", "whose")


def _names_years(digits: list[Token], after: Token | None) -> bool:
    """Digits that are years: every one a year or a year range's short end ("2008-9"), and no
    plural noun after them ("2000 employees" counts)."""
    short_end = len(digits) == 2 and len(digits[1]) <= 2
    plural_after = after is not None and after.tag_ in ("NNS", "NNPS")
    return (short_end or all(is_year(t) for t in digits)) and not plural_after


def _is_score(text: str) -> bool:
    """ "is 4-0", "a 5-3 decision": two counts joined by a dash, the second no larger, is a
    score or a tally; a range runs upwards ("3-5 years")."""
    found = _SCORE.match(text)
    return found is not None and int(found.group(2)) <= int(found.group(1))


def _is_release(doc: Doc, span: Span, num_start: int, num_end: int) -> bool:
    """ "In 0.16, the size control ...", "for 0.17 we've reworked": a bare decimal that is all a
    time-like preposition's object names a release, not an amount."""
    if span.start != num_start or num_end - num_start != 1 or num_start == 0:
        return False
    if _DECIMAL.match(doc[num_start].text) and _names_releases(doc, num_end):
        return True
    after = doc[num_end] if num_end < len(doc) else None
    return (
        _DECIMAL.match(doc[num_start].text) is not None
        and doc[num_start - 1].lower_ in _RELEASE_LEADS
        and (after is None or after.pos_ not in ("NOUN", "PROPN", "NUM", "SYM", "ADJ"))
    )


def _names_releases(doc: Doc, num_end: int) -> bool:
    """ "successful 1.1, 1.5 and 2.0 releases": decimals listed before a release noun label it."""
    i = _past_list(doc, num_end, 1, lambda t: _DECIMAL.match(t.text) is not None)
    return i < len(doc) and doc[i].lower_ in _RELEASE_NOUNS


def _past_list(doc: Doc, i: int, step: int, is_item: Callable[[Token], bool]) -> int:
    """The first token from i, going step (1 or -1), that is neither an item of the list nor a
    word joining its items ("71, 72 and 73")."""
    while 0 <= i < len(doc) and (doc[i].lower_ in _LIST_JOINERS or is_item(doc[i])):
        i += step
    return i


def _is_time_reference(doc: Doc, span: Span, num_end: int) -> bool:
    """ "in two years", "within 48 hours", "three months before ...", "every 6 months": a length
    of time that places or repeats something ("in less than three years", with its cue, is a
    figure)."""
    after = doc[num_end].lower_ if num_end < len(doc) else ""
    if after in _SHORT_TIME_UNITS and _follows_a_count(doc, span.start):
        return True  # "200 requests in 20 seconds": the time a rate is counted over
    if after not in _AGE_UNITS | {"hours", "hour", "decades"}:
        return False
    then = doc[num_end + 1].lower_ if num_end + 1 < len(doc) else ""
    return (span.start > 0 and doc[span.start - 1].lower_ in _TIME_REFERENCE_LEADS) or (
        then
        in _RELATIVE_TIME_WORDS  # "three months before the authority closes", "two weeks later"
    )


def _follows_a_count(doc: Doc, start: int) -> bool:
    """The figure comes after "in" right behind another figure's phrase ("200 requests in")."""
    if start < 2 or doc[start - 1].lower_ != "in":
        return False
    return any(t.like_num for t in doc[max(0, start - 1 - RATE_REACH) : start - 1])


def _states_no_count(word: Token) -> bool:
    """ "no"/"none" that states no count of anything: "none of that", "with no gaps", "If none
    were found" (a condition); "no arrests were made", "none were brought" count zero."""
    doc = word.doc
    rest = [t.lower_ for t in doc[word.i + 1 : word.i + 3]]
    if rest[:1] == ["of"] and len(rest) == 2 and rest[1] in _POINTING_WORDS:
        return True
    if word.i > 0 and doc[word.i - 1].lower_ in ("with", "without"):
        return True
    return _in_condition(word)


def _sizes_a_kind(doc: Doc, num_start: int) -> bool:
    """ "particles smaller than 10 microns", "children younger than 5": a comparative of size or
    age right after a plural noun defines a kind of thing, it states no figure about the world
    ("the rocket is taller than 100 meters" does)."""
    if num_start < 3 or doc[num_start - 1].lower_ != "than":
        return False
    comparative, noun = doc[num_start - 2], doc[num_start - 3]
    return comparative.lower_ in _KIND_COMPARATIVES and noun.tag_ in ("NNS", "NNPS")


def _in_condition(word: Token) -> bool:
    """ "if no arrests were found", "if the Dow dropped below 2450": a word inside the clause of
    an "if", before the comma that closes it, states a hypothesis, not a fact ("If you mean fluid
    ounces, 20, ..." answers it)."""
    head = word
    for _ in range(VERB_REACH):
        mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ == "if"), None)
        if mark is not None:
            between = word.doc[min(mark.i, word.i) : max(mark.i, word.i)]
            return not any(t.text == "," for t in between)
        if head.head.i == head.i:
            break
        head = head.head
    return False


def _listed_label(doc: Doc, start: int) -> bool:
    """ "page 71, 72 and 73", "Exits 39 and 40": digits listed after a labelling number are
    labels too."""
    first = _past_list(doc, start - 1, -1, lambda t: t.is_digit) + 1
    return first < start and doc[first].is_digit and _is_name_number(doc, first, first + 1)


def _is_decade(word: Token) -> bool:
    """ "throughout the 80's", "the 1990's": a decade the NER missed, not a count."""
    doc = word.doc
    nxt = doc[word.i + 1].lower_ if word.i + 1 < len(doc) else ""
    before = doc[word.i - 1].lower_ if word.i else ""
    return before == "the" and nxt in ("'s", "’s") and _DECADE.fullmatch(word.text) is not None


def _is_name_word(word: Token, after: Token | None) -> bool:
    """ "Third World", "Fifth Avenue": a capitalised fraction word that begins a name."""
    return word.lower_ in FRACTIONS and word.is_title and after is not None and after.is_title


def _is_rate_base(doc: Doc, num_start: int) -> bool:
    """ "12.4 per 100,000 residents", "$1.47 a thousand cubic feet": the number a rate is
    measured against belongs to the figure before it; it is no figure of its own."""
    if num_start > 0 and doc[num_start - 1].lower_ == "per":
        return True
    article = num_start - 1 if doc[num_start].lower_ not in _ARTICLES else num_start
    if article < 1 or doc[article].lower_ not in _ARTICLES:
        return False
    figure = doc[article - 1]
    return figure.like_num or figure.is_currency


def _dates_ago(doc: Doc, num_end: int) -> bool:
    """ "a year and a half ago", "over half a century ago": a length of time before "ago" dates
    an event, it measures nothing."""
    for token in doc[num_end : num_end + AGO_REACH]:
        if token.lower_ == "ago":
            return True
        if token.pos_ not in ("DET", "NOUN", "ADJ"):
            return False
    return False


def _refers_back(doc: Doc, span: Span, num_start: int, num_end: int) -> bool:
    """ "the two groups", "the top three cartoons": a small spelled number after "the" names
    things already counted."""
    first = doc[num_start]
    value = UNITS.get(first.lower_)
    return (
        span.start == num_start
        and num_end - num_start == 1
        and num_start > 0
        and doc[num_start - 1].lower_ in _REFERENCE_LEADS
        and value is not None
        and 1 < value <= MAX_REFERENCE_NUMBER
        and span.label_ == "CARDINAL"
    )


def _age_of_a_thing(doc: Doc, num_end: int) -> bool:
    """ "may be 2,000 years old", "the average developer was 29.6 years old": an age past a human
    life span or not in whole years, written as a predicate ("N years old", not "N-year-old"),
    is a figure about a thing or a group, not a person's age."""
    if num_end >= len(doc) or doc[num_end].lower_ not in ("years", "year"):
        return False
    text = doc[num_end - 1].text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return False
    return value > MAX_AGE or not value.is_integer()


def _is_headline(sent: Span) -> bool:
    """ "Seven Tips for Repurposing Video Content", "Xbox One X screenshots | 9 Photos": a line
    without a closing stop whose words are mostly capitalised is a title or a link, whose count
    names what it heads (a price in a list, '"Eve Valkyrie" ($60)', is no count; a row of a
    table, "108.333 / HPL IFERC ; 20.000 ...", holds more numbers)."""
    if sent.text.rstrip().endswith((".", "!", "?", ":", '"', "”")):
        return False
    if sum(t.like_num for t in sent) > TITLE_MAX_NUMBERS:
        return False
    words = [t for t in sent if t.is_alpha and t.lower_ not in _TITLE_SMALL_WORDS]
    capitals = sum(t.text[0].isupper() for t in words)
    return len(words) >= TITLE_MIN_WORDS and capitals >= TITLE_CAPITAL_SHARE * len(words)


def _is_noise(doc: Doc, span: Span, num_start: int, num_end: int) -> bool:
    """Years standing alone, a bare "one", and ages in definitions ("under 18") are not figures."""
    if _AGE_TAIL.match(doc.text, span.end_char) and not _age_of_a_thing(doc, num_end):
        return True
    if _is_name_number(doc, num_start, num_end) or _is_appositive_age(doc, num_start, num_end):
        return True
    if _listed_label(doc, num_start):
        return True
    if _is_predicate_age(doc, num_start, num_end) or _is_vague_alternative(doc, num_start, num_end):
        return True
    if _defines_class(doc, span.start, num_end) or _refers_back(doc, span, num_start, num_end):
        return True
    if span.start == num_start and _is_time_reference(doc, span, num_end):
        return True
    if _dates_ago(doc, num_end) or _is_rate_base(doc, num_start):
        return True
    if _in_condition(doc[num_start]) or _sizes_a_kind(doc, num_start):
        return True
    if _is_score(doc[num_start:num_end].text) or _is_release(doc, span, num_start, num_end):
        return True
    if span.label_ == "CARDINAL" and _is_headline(span.sent):
        return True
    if _AGE_BAND_BEFORE.search(doc.text[max(0, span.start_char - 30) : span.start_char]):
        return True
    first = doc[num_start]
    after = doc[num_end] if num_end < len(doc) else None
    noun_follows = (
        after is not None
        and after.pos_ in ("NOUN", "PROPN", "ADJ")
        and after.lower_ not in ("years", "year")
    )
    single = num_end - num_start == 1
    digits = [t for t in doc[num_start:num_end] if t.is_digit]
    if digits and is_year(digits[0]) and _names_years(digits, after):
        return True  # "in 2013", "between 2010 and 2015", "2008-9", "the 2021 session": years
    if single and first.lower_ == "one" and span.start == num_start:
        return True
    if single and (_is_name_word(first, after) or _is_decade(first)):
        return True
    if first.lower_ in _ZEROS and _states_no_count(first):
        return True
    if first.lower_ == "zero" and num_start > 0 and doc[num_start - 1].lower_ in _ZERO_SIDES:
        return True  # "14 degrees below zero", "stayed below zero": a sign, not a figure
    before = " " + " ".join(t.lower_ for t in doc[max(0, num_start - 4) : num_start])
    if before.endswith(tuple(" " + cue for cue in _AGE_CUES)):
        return True  # "age of 18", but not "an average of 45"
    return (
        num_start > 0
        and doc[num_start - 1].lower_ in _AGE_BOUNDS
        and not noun_follows
        and span.label_ == "CARDINAL"
        and not any(t.lower_ in FRACTIONS for t in doc[num_start:num_end])  # "under one-third"
    )
