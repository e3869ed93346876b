"""Who a figure is attributed to: "said Duryea", "Katz told legislators", "according to X", quotes.

A speaker is named by the entity the parse points at; "he said" takes the last person named as
a speaker, "the report shows" the last other source, "the department said" the document's
organisation with "Department" in its name, and a quoted sentence without its own cue borrows
the nearest attributed sentence's speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ingest.annotate.cues import SPEAKER_CUES_KEY
from ingest.annotate.verbs import base_forms, is_one_of
from ingest.claims.names import INSTITUTION_NOUNS, institution, strip_possessive
from ingest.claims.roles import SUBJECT_DEPS, VERB_DISTANCE, actor_phrase, entity_at

# "according to data from the Department of Labor": the source is the data's origin.
DATA_NOUNS = frozenset(
    [
        "data",
        "figure",
        "statistic",
        "number",
        "report",
        "record",
        "result",
        "survey",
        "count",
        "estimate",
        "analysis",
        "study",
        "poll",
        "census",
        "tally",
        "audit",
        "forecast",
        "projection",
        "filing",
        "statement",
        "bulletin",
        "journal",
        "research",
    ]
)
# Verbs that report evidence only with a clause or a data noun ("the study found that").
EVIDENCE_VERBS = frozenset({"find", "show"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
# Nouns for people left unnamed when only a person's name modifies them ("Biden administration
# officials"); an organisation's ("DCF officials") names its source.
UNNAMED_SOURCES = frozenset({"officials", "sources", "authorities", "aides", "people"})
NOT_SPEAKER_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "NORP"}
)
_NAME_POS = frozenset({"PROPN", "NOUN"})
_PLACES = frozenset({"GPE", "NORP", "LOC"})
# Speech verbs whose object or "to" phrase is the audience ("told 500 supporters").
_ADDRESSING_VERBS = frozenset(
    {"tell", "address", "brief", "assure", "remind", "warn", "urge", "speak", "talk"}
)
_AUDIENCE_ROLES = frozenset({"obj", "iobj", "obl"})
_REPORTED = frozenset({"ccomp", "parataxis", "xcomp", "advcl", "acl:relcl"})
# Conjunctions opening a clause that sets a time ("After ...", "When ..."), and how far up the
# parse from a figure such a clause may be.
TIME_MARKS = frozenset({"after", "before", "when", "since", "while", "until", "once"})
SCENE_DEPTH = 4
# How far up the parse from a figure the subject of a speech verb may be for the figure to sit
# in the speaker's own phrase ("said X, manager at Y, which manages $15 billion").
SPEAKER_PHRASE_DEPTH = 6
_DESCRIBING = frozenset({"acl:relcl", "acl", "appos"})
_ANAPHORS = frozenset({"he", "she", "they"})
_QUOTES = '"“”'
QUOTE_MIN_WORDS = 5  # fewer quoted words are a phrase set off, not someone's speech
# Prepositions that tie a source to a noun: "data from", "a study by", "researchers at".
_SOURCE_CASES = ("from", "by", "of", "at")
# How far after "according to" or a speech verb the speaker's name may start (tokens).
NAME_WINDOW = 6
# How long a describing phrase between a name and its speech verb may be ("..., Statistics
# Canada, a federal agency, said").
APPOSITIVE_WORDS = 8


@dataclass(frozen=True)
class Named:
    """Who the whole document names, for a sentence that names a speaker only in part."""

    people: frozenset[str] = frozenset()  # the words of every person's name ("Sandoval said")
    organisations: tuple[str, ...] = ()  # organisation names in text order ("the department")

    @classmethod
    def from_ents(cls, ents: list[Span]) -> Named:
        return cls(
            frozenset(w for e in ents if e.label_ == "PERSON" for w in e.text.split()),
            tuple(dict.fromkeys(e.text for e in ents if e.label_ == "ORG")),
        )


@dataclass(frozen=True)
class Recent:
    """The last person and the last other source named as a speaker, carried from sentence to
    sentence and paragraph to paragraph: "she said" is the person (an organisation told in
    between is not "she"), "the report shows" the source."""

    person: str | None = None
    source: str | None = None

    def after(self, name: str | None, named: Named) -> Recent:
        if name is None:
            return self
        if name.split()[-1] in named.people:
            return replace(self, person=name)
        return replace(self, source=name)


def sentence_speakers(
    doc: Doc, recent: Recent = Recent(), named: Named = Named()
) -> tuple[dict[int, str], Recent]:
    """Speaker per sentence start, and the speakers to carry to the next paragraph.

    Args:
        doc: one paragraph.
        recent: the speakers named before this paragraph.
        named: who the whole document names, so that "Sandoval said" names a speaker even where
            the NER missed it in this sentence.
    """
    sents = list(doc.sents)
    own: list[str | None] = []
    for sent in sents:
        name = sentence_speaker(sent, recent, named)
        own.append(name)
        recent = recent.after(name, named)
    out: dict[int, str] = {}
    for i, sent in enumerate(sents):
        speaker = own[i]
        if speaker is None and _quotes_speech(sent.text):
            speaker = next(
                (own[j] for j in (i + 1, i - 1, i + 2, i - 2) if 0 <= j < len(sents) and own[j]),
                None,
            )
        if speaker is not None:
            out[sent.start] = speaker
    return out, recent


def _quotes_speech(text: str) -> bool:
    """A quotation, not scare quotes around a phrase ('a " boundless industrial park "'): some
    quoted run holds a few words, or a quote mark is left open (a quote going on)."""
    runs = re.split(f"[{_QUOTES}]", text)
    if len(runs) == 1:
        return False
    quoted = runs[1::2]
    return len(runs) % 2 == 0 or any(len(q.split()) >= QUOTE_MIN_WORDS for q in quoted)


def sentence_speaker(sent: Span, recent: Recent = Recent(), named: Named = Named()) -> str | None:
    """The first named source of the sentence: a speech verb's subject or "according to X", at
    the cues the speaker cue finder put in doc.spans["speaker_cues"]."""
    for cue in sent.doc.spans[SPEAKER_CUES_KEY]:
        token = cue[0]
        if not sent.start <= token.i < sent.end:
            continue
        if cue.label_ == "ACCORDING":
            candidate = _according_to(token)
        elif _is_speech_verb(token):
            candidate = _speech_subject(token)
        else:
            continue
        if candidate is None:
            continue
        if candidate.lower_ in _ANAPHORS:
            # the person just named, else the last person or source named as a speaker
            name = _person_just_named(candidate) or recent.person or recent.source
        elif candidate.lower_ == "it" and candidate.dep_ == "nsubj":
            name = recent.source  # "It noted": the source last named; not "it is estimated"
        else:
            name = speaker_name(candidate, named)
            if name is None and _refers_back(candidate):
                name = recent.source  # "the report shows": the source just named
        if name is not None:
            return name
    return None


def _person_just_named(pronoun: Token) -> str | None:
    """ "Tom Jones, the health director, spoke Monday. The county recorded 40 cases, he said":
    the last person named before the pronoun, in its sentence or the one before."""
    sents = list(pronoun.doc.sents)
    at = next(i for i, s in enumerate(sents) if s.start <= pronoun.i < s.end)
    return _last_named("PERSON", pronoun, since=sents[max(0, at - 1)].start)


def governing_speaker(figure: Span, named: Named = Named()) -> str | None:
    """The named source of the speech verb nearest above the figure in the parse, when the
    sentence has more than one ("He claimed ... even as the Congressional Budget Office estimated
    that they would add $250 billion" -> the Congressional Budget Office); None when no such
    verb names anyone by name (a pronoun or an unnamed noun leaves the sentence's speaker)."""
    sent = figure.sent
    cues = [
        c[0]
        for c in sent.doc.spans[SPEAKER_CUES_KEY]
        if sent.start <= c[0].i < sent.end and c.label_ != "ACCORDING"
    ]
    if len(cues) < 2:
        return None
    above = {a.i: depth for depth, a in enumerate(figure.root.ancestors)}
    governing = sorted((above[c.i], c.i) for c in cues if c.i in above and _is_speech_verb(c))
    for _, i in governing:  # nearest first; "they would add" names no one, go on up
        candidate = _speech_subject(sent.doc[i])
        if candidate is None or candidate.lower_ in _ANAPHORS:
            continue
        name = speaker_name(candidate, named)
        if name is not None:
            return name
    return None


def outside_the_report(figure: Span) -> bool:
    """A figure that is no part of what the sentence's speaker reports: the audience of the
    speech act, or the scene set before it."""
    return addressed(figure) or sets_the_scene(figure) or describes_the_speaker(figure)


def _cue_starts(doc: Doc) -> set[int]:
    """Where the speaker cue finder's cues start in the paragraph."""
    return {c[0].i for c in doc.spans[SPEAKER_CUES_KEY]}


def describes_the_speaker(figure: Span) -> bool:
    """ "said Richard Barfield, chief investment manager at Standard Life, which manages about
    #15 billion", "Vincent Bajakian, manager of the $1.8 billion Wellington Fund, said": a figure
    in a clause or appositive describing a named speaker, after the name, is the writer's
    description of the speaker, not what the speaker reports."""
    cues = _cue_starts(figure.doc)
    token, described = figure.root, False
    for _ in range(SPEAKER_PHRASE_DEPTH):
        head = token.head
        if head.i == token.i or token.dep_ in _REPORTED - {"acl:relcl"} or token.dep_ == "conj":
            return False  # a reported clause, or one the parse conjoined to the description
        described = described or token.dep_ in _DESCRIBING
        if token.dep_ in SUBJECT_DEPS and head.i in cues and _is_speech_verb(head):
            return described and token.ent_type_ in SPEAKER_LABELS and figure.start > token.i
        token = head
    return False


def sets_the_scene(figure: Span) -> bool:
    """ "After nine churchgoers were killed in June, he admitted ...": a time clause with its own
    subject opening the sentence before its speech verb is the writer's, not the speaker's ("After
    falling for three months, the index rose 0.9%, the department reported" is reported)."""
    cues = _cue_starts(figure.doc)
    token = figure.root
    for _ in range(SCENE_DEPTH):
        head = token.head
        if head.i == token.i:
            return False
        if (
            token.dep_ == "advcl"
            and token.i < head.i
            and head.i in cues
            and any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in token.children)
            and any(c.dep_ in SUBJECT_DEPS for c in token.children)
        ):
            return True
        token = head
    return False


def addressed(figure: Span) -> bool:
    """ "Mayor John Smith told 500 supporters that ...", "Speaking to 2,000 supporters, he said":
    the audience of a speech act is no part of what the speaker reports."""
    cues = _cue_starts(figure.doc)
    child = figure.root
    for _ in range(VERB_DISTANCE):
        head = child.head
        if head.i == child.i or child.dep_ in _REPORTED:
            return False
        if is_one_of(head, _ADDRESSING_VERBS) and child.dep_ in _AUDIENCE_ROLES:
            return True  # also where the speech act is a participle: "Speaking to 2,000 ..."
        if head.i in cues and _is_speech_verb(head):
            return False
        child = head
    return False


def _is_speech_verb(token: Token) -> bool:
    """A speech cue used as a verb: "said", "estimates that", ", the report shows." (even when
    tagged a noun), but not "unemployment claims"."""
    if token.dep_ == "amod" and token.tag_ in ("VBN", "VBG"):
        return False  # "confirmed cases", "reported crimes" describe
    if is_one_of(token, EVIDENCE_VERBS) and not _reports_finding(token):
        return False  # "Amazon is finding success", "the data show a rise" is a finding
    if _charges(token):
        return False  # "cited USX Corp. for safety violations" penalises, it reports nothing
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.pos_ == "VERB"
        or token.dep_ in ("ROOT", "parataxis")
        or (nxt is not None and nxt.lower_ == "that")
        or _closes_sentence(token)
        or _second_subject_follows(token)
    )


def _charges(verb: Token) -> bool:
    """ "cited USX Corp. for violations": "cite" with an object followed by "for" charges."""
    if "cite" not in base_forms(verb):
        return False
    doc = verb.doc
    return any(
        c.dep_ == "obj"
        and c.right_edge.i + 1 < len(doc)
        and doc[c.right_edge.i + 1].lower_ == "for"
        for c in verb.children
    )


def _second_subject_follows(token: Token) -> bool:
    """ "AAA estimates 61 million Americans will be heading ...": the parse made the cue word a
    noun subject of the reported verb, which has its own subject after it."""
    return (
        token.is_lower
        and token.dep_ in SUBJECT_DEPS
        and any(c.dep_ in SUBJECT_DEPS and c.i > token.i for c in token.head.children)
    )


def _closes_sentence(token: Token) -> bool:
    """ "..., the National Center for Education Statistics estimates.": a cue word ending the
    sentence after a comma reports it, however the parse read it (not a name: "the United
    States.")."""
    sent = token.sent
    rest = [t for t in sent.doc[token.i + 1 : sent.end] if not t.is_punct]
    before = sent.doc[sent.start : token.i]
    return token.is_lower and not rest and any(t.text == "," for t in before)


def _reports_finding(verb: Token) -> bool:
    """ "the study found that ...", "the report shows 40 percent ...", "..., the survey found":
    a verb of evidence reports when a data noun is its subject or a clause its object."""
    if any(c.dep_ == "ccomp" for c in verb.children) or verb.dep_ == "parataxis":
        return True
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if (verb.i > 0 and is_data_noun(doc[verb.i - 1])) or (nxt is not None and nxt.lower_ == "that"):
        return True  # ", the report shows,", however the parse hung "report"
    return any(c.dep_ in SUBJECT_DEPS and is_data_noun(c) for c in verb.children)


def _according_to(token: Token) -> Token | None:
    """The noun phrase "according to" introduces: the phrase's head where the parse hangs
    "according" on it, else the first noun after "to"."""
    head = token.head
    if head.i > token.i + 1 and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head
    window = token.doc[token.i + 2 : min(token.sent.end, token.i + 2 + NAME_WINDOW)]
    return next((t for t in window if t.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _speech_subject(verb: Token) -> Token | None:
    """The name or data noun right before the verb ("Sandoval said", "the report shows", however
    the parse hung it), the name right after a clause-ending ", said" ("..., said spokesman
    Osei"), the verb's subject (the nearest where the parse gives two), or the name right after
    it ("said Feldman")."""
    doc = verb.doc
    if "quote" in base_forms(verb.head) and verb.dep_ in ("advcl", "xcomp"):
        quoted = [c for c in verb.head.children if c.dep_ == "nsubj:pass"]
        if quoted:
            return quoted[0]  # "the Tuva government was quoted as saying"
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and (
        before.pos_ in ("PROPN", "PRON")
        or before.ent_type_ in SPEAKER_LABELS
        or is_data_noun(before)
    ):
        return before
    after = _name_after(verb)
    if after is not None and before is not None and before.text == ",":
        return after
    described = _named_before_appositive(verb)
    if described is not None:
        return described
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects and verb.dep_ == "conj":  # "Weatherford suspended ... and said": shared
        subjects = [c for c in verb.head.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    return after or _opening_name(verb)


def _named_before_appositive(verb: Token) -> Token | None:
    """ "..., John Smith, a spokesman for the city, said": the person or organisation set off by
    commas before a describing phrase that ends right before the speech verb."""
    doc, start = verb.doc, verb.sent.start
    if verb.i - start < 4 or doc[verb.i - 1].text != ",":
        return None
    comma = next(
        (
            t.i
            for t in reversed(doc[max(start, verb.i - 2 - APPOSITIVE_WORDS) : verb.i - 1])
            if t.text == ","
        ),
        None,
    )
    phrase = doc[comma + 1 : verb.i - 1] if comma is not None else None
    if phrase is None or not any(t.pos_ == "NOUN" for t in phrase):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in phrase):
        return None  # a clause of its own, not a description
    name = next((e for e in doc.ents if e.end == comma and e.label_ in SPEAKER_LABELS), None)
    return name.root if name is not None else None


def _opening_name(verb: Token) -> Token | None:
    """ "Avis Inc., following rival Hertz Corp.'s lead, said it ...": the name that opens the
    sentence, set off by a comma, of a speech verb the parse left without a subject."""
    doc, start = verb.doc, verb.sent.start
    name = next((e for e in doc.ents if e.start == start and e.label_ in SPEAKER_LABELS), None)
    if name is None or name.end >= verb.i or doc[name.end].text != ",":
        return None
    return name.root


def _name_after(verb: Token) -> Token | None:
    """The person (else organisation) named within NAME_WINDOW tokens after the verb."""
    window = verb.doc[verb.i + 1 : min(len(verb.doc), verb.i + 1 + NAME_WINDOW)]
    named = [e for e in window.ents if e.label_ in SPEAKER_LABELS]
    person = next((e for e in named if e.label_ == "PERSON"), None)
    found = person or (named[0] if named else None)
    return found.root if found is not None else None


def speaker_name(token: Token, named: Named = Named()) -> str | None:
    """A named person or organisation for the token; None for unnamed nouns ("officials") and
    for dates and figures ("Wednesday said" is a misparse)."""
    if token.ent_type_ in NOT_SPEAKER_LABELS:
        return None
    inside = [  # names in the phrase up to its head, not in a clause after it
        e
        for e in token.doc.ents
        if e.label_ in SPEAKER_LABELS and token.left_edge.i <= e.start <= token.i
    ]
    own = entity_at(token)
    if own is None and token.lower_ in UNNAMED_SOURCES:
        organisation = _organisation_modifier(token)
        if organisation is not None:
            return organisation  # "Con Edison officials said", the NER's label or not
        if all(e.label_ == "PERSON" for e in inside):
            return None  # "Obama administration officials said" names no one; "DCF officials" DCF
    person = (
        (own if own is not None and own.label_ == "PERSON" else None)
        or next((e for e in reversed(inside) if e.label_ == "PERSON"), None)
        or _person_in_title(token)
    )  # the person the token names, else the one nearest before it ("Town Clerk Marian Doyle")
    for ent in (person, own):
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return ent.text
    proper = (
        token.tag_ in ("NNP", "NNPS") or (token.pos_ == "PROPN" and token.tag_ != "NNS")
    ) and (not _capitalised_group(token))
    capitalised = token.is_title and token.i != token.sent.start and token.pos_ != "PRON"
    if proper or token.text in named.people or capitalised:  # not "I"
        return actor_phrase(token)  # "the Judicial Branch", whatever part of it the NER labelled
    ent = _entity_after(token) or (inside[0] if inside else None)
    if ent is not None:
        return ent.text
    if token.lower_ in INSTITUTION_NOUNS and _is_definite(token):
        return institution(token.lower_, named.organisations) or _organisation_before(token)
    # "data from the department", "researchers at Case Western", "a report the department
    # released", "data compiled by X", "department data", "the department's survey"
    source = next(
        (c for c in token.children if c.dep_ == "nmod" and _has_case(c, _SOURCE_CASES)), None
    )
    if source is None and is_data_noun(token):
        source = _publisher(token)
        owner = next(
            (
                c
                for c in token.children
                if c.dep_ in ("compound", "nmod:poss") and c.lower_ in INSTITUTION_NOUNS
            ),
            None,
        )
        if source is None and owner is not None:
            return institution(owner.lower_, named.organisations)
    return speaker_name(source, named) if source is not None else None


def _capitalised_group(token: Token) -> bool:
    """ "Meteorologists said", "Doctors said": a plural noun capitalised only because it opens
    the sentence, which the tagger took for a name; no entity, so an unnamed source."""
    return token.tag_ in ("NNPS", "NNS") and token.i == token.sent.start and not token.ent_type_


def _organisation_before(noun: Token) -> str | None:
    """ "Avis Inc. reported a profit ... , the company said": the organisation the paragraph
    named last before the noun, when none has the noun in its name."""
    return _last_named("ORG", noun)


def _last_named(label: str, token: Token, since: int = 0) -> str | None:
    """The last entity with the label that ends before the token and starts at since or after."""
    named = [
        e for e in token.doc.ents if e.label_ == label and since <= e.start and e.end <= token.i
    ]
    return named[-1].text if named else None


def _organisation_modifier(noun: Token) -> str | None:
    """ "Con Edison officials", "Environmental Protection officials": the proper nouns right
    before an unnamed source name its organisation; not a place's or people's name ("U.S.
    officials", "Iraqi officials" name no source)."""
    names = []
    for token in reversed(noun.doc[noun.sent.start : noun.i]):
        if token.dep_ != "compound" or token.pos_ != "PROPN" or token.ent_type_ in _PLACES:
            break
        names.insert(0, token)
    return " ".join(t.text for t in names) if names else None


def _publisher(noun: Token) -> Token | None:
    """Who released or compiled the data noun: the subject or "by" agent of the clause that
    describes it ("a report the department released", "data compiled by X"), also where the parse
    hung the noun on that clause's verb."""
    clauses = [c for c in noun.children if c.dep_.startswith("acl")]
    doc = noun.doc
    cited = (  # "According to statistics, China has approved": the sentence's verb is no publisher
        noun.i >= 2
        and doc[noun.i - 2].lower_ == "according"
        and noun.i + 1 < len(doc)
        and doc[noun.i + 1].text == ","
    )
    if (
        noun.head.pos_ == "VERB"
        and noun.head.i > noun.i
        and noun.dep_ not in SUBJECT_DEPS
        and not cited
    ):
        clauses.append(noun.head)
    return next(
        (
            g
            for c in clauses
            for g in c.children
            if g.i != noun.i
            and (g.dep_ in SUBJECT_DEPS or (g.dep_.startswith("obl") and _has_case(g, ("by",))))
        ),
        None,
    )


def is_data_noun(token: Token) -> bool:
    return token.lemma_.lower() in DATA_NOUNS or token.lower_.rstrip("s") in DATA_NOUNS


def _is_definite(token: Token) -> bool:
    """ "the department": its determiner, or the word before it where the parse hung the
    determiner elsewhere."""
    before = token.doc[token.i - 1 : token.i]
    return any(
        t.lower_ == "the" for t in [*before, *(c for c in token.children if c.dep_ == "det")]
    )


def _refers_back(token: Token) -> bool:
    """ "the report", "the data": a bare definite data noun, not "this government report"."""
    return (
        is_data_noun(token)
        and _is_definite(token)
        and not any(c.dep_ in ("compound", "amod") for c in token.children)
    )


def _has_case(token: Token, words: tuple[str, ...]) -> bool:
    """The token is introduced by one of the prepositions ("data from the department")."""
    return any(c.dep_ == "case" and c.lower_ in words for c in token.children)


def _person_in_title(token: Token) -> Span | None:
    """ "DOT spokeswoman Karen Lindqvist", "Labor Commissioner Diane Corrigan": the person in
    the run of nouns and names around the token, however the parse split it."""
    doc = token.doc
    start = end = token.i
    while start > token.sent.start and doc[start - 1].pos_ in _NAME_POS:
        start -= 1
    while end + 1 < token.sent.end and doc[end + 1].pos_ in _NAME_POS:
        end += 1
    return next(
        (e for e in doc.ents if e.label_ == "PERSON" and start <= e.start and e.end <= end + 1),
        None,
    )


def _entity_after(token: Token) -> Span | None:
    """ "Lt. Marisol Vega", "the nonprofit DataHaven": a title or a description right before the
    name the NER found."""
    return next(
        (
            e
            for e in token.doc.ents
            if e.label_ in SPEAKER_LABELS
            and 0 < e.start - token.i <= 2
            and (token.is_title or (e.root.head == token and e.root.dep_ == "appos"))
        ),
        None,
    )


def full_name(name: str, ents: list[Span]) -> str:
    """ "Duryea" -> "Elizabeth Duryea": the longest PERSON in the document ending with the name."""
    name = strip_possessive(name)
    people = [strip_possessive(e.text) for e in ents if e.label_ == "PERSON"]
    longer = [p for p in people if p.endswith(name) and len(p) > len(name)]
    return max(longer, key=len) if longer else name
