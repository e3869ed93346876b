"""Who a figure is attributed to: "said Duryea", "Katz told legislators", "according to X", quotes.

A speaker is named by the entity the parse points at; "he said" takes the last named speaker,
and a quoted sentence without its own cue borrows the nearest attributed sentence's speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ingest.claims.names import strip_possessive
from ingest.claims.roles import SUBJECT_DEPS, actor_phrase, entity_at

# Forms and lemmas: the trained lemmatizer is not perfect on irregular verbs.
SPEECH_VERBS = frozenset(
    [
        "say",
        "says",
        "said",
        "tell",
        "tells",
        "told",
        "report",
        "reports",
        "reported",
        "state",
        "states",
        "stated",
        "add",
        "adds",
        "added",
        "note",
        "notes",
        "noted",
        "explain",
        "explains",
        "explained",
        "announce",
        "announced",
        "testify",
        "testified",
        "estimate",
        "estimated",
        "write",
        "wrote",
        "argue",
        "argued",
        "claim",
        "claimed",
        "cite",
        "cited",
        "warn",
        "warned",
        "confirm",
        "confirmed",
    ]
)
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
    ]
)
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
_NAME_POS = frozenset({"PROPN", "NOUN"})
_ANAPHORS = frozenset({"he", "she", "they"})
_QUOTES = '"“”'
# How far after "according to" or a speech verb the speaker's name may start (tokens).
NAME_WINDOW = 6


def sentence_speakers(
    doc: Doc, last: str | None, people: frozenset[str] = frozenset()
) -> tuple[dict[int, str], str | None]:
    """Speaker per sentence start, and the last person named as a speaker (carried to the next
    paragraph, for "she said": an organisation told in between is not "she").

    Args:
        doc: one paragraph.
        last: the last person named as a speaker before this paragraph.
        people: the words of every person's name in the document, so that "Sandoval said"
            names a speaker even where the NER missed it in this sentence.
    """
    sents = list(doc.sents)
    own: list[str | None] = []
    for sent in sents:
        name = sentence_speaker(sent, last, people)
        own.append(name)
        if name is not None and name.split()[-1] in people:
            last = name
    out: dict[int, str] = {}
    for i, sent in enumerate(sents):
        speaker = own[i]
        if speaker is None and any(ch in sent.text for ch in _QUOTES):
            speaker = next(
                (own[j] for j in (i + 1, i - 1, i + 2, i - 2) if 0 <= j < len(sents) and own[j]),
                None,
            )
        if speaker is not None:
            out[sent.start] = speaker
    return out, last


def sentence_speaker(
    sent: Span, last: str | None, people: frozenset[str] = frozenset()
) -> str | None:
    """The first named source of the sentence: a speech verb's subject or "according to X"."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            candidate = _according_to(token)
        elif _is_speech_verb(token):
            candidate = _speech_subject(token)
        else:
            continue
        if candidate is not None:
            name = last if candidate.lower_ in _ANAPHORS else speaker_name(candidate, people)
            if name is not None:
                return name
    return None


def _is_speech_verb(token: Token) -> bool:
    """ "said", "estimates that" (even when tagged a noun), but not "unemployment claims"."""
    if not (token.lower_ in SPEECH_VERBS or token.lemma_ in SPEECH_VERBS):
        return False
    nxt = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.pos_ == "VERB" or token.dep_ == "ROOT" or (nxt is not None and nxt.lower_ == "that")
    )


def _according_to(token: Token) -> Token | None:
    """The noun phrase "according to" introduces: the phrase's head where the parse hangs
    "according" on it, else the first noun after "to"."""
    head = token.head
    if head.i > token.i + 1 and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return head
    window = token.doc[token.i + 2 : min(token.sent.end, token.i + 2 + NAME_WINDOW)]
    return next((t for t in window if t.pos_ in ("NOUN", "PROPN", "PRON")), None)


def _speech_subject(verb: Token) -> Token | None:
    """The name right before the verb ("Sandoval said", however the parse hung it), the verb's
    subject, or the name right after it ("said Feldman")."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is not None and (
        before.pos_ in ("PROPN", "PRON") or before.ent_type_ in SPEAKER_LABELS
    ):
        return before
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        return subject
    after = doc[verb.i + 1 : min(len(doc), verb.i + 1 + NAME_WINDOW)]
    named = [e for e in after.ents if e.label_ in SPEAKER_LABELS]
    person = next((e for e in named if e.label_ == "PERSON"), None)
    found = person or (named[0] if named else None)
    return found.root if found is not None else None


def speaker_name(token: Token, people: frozenset[str] = frozenset()) -> str | None:
    """A named person or organisation for the token; None for unnamed nouns ("officials")."""
    inside = [  # names in the phrase up to its head, not in a clause after it
        e
        for e in token.doc.ents
        if e.label_ in SPEAKER_LABELS and token.left_edge.i <= e.start <= token.i
    ]
    own = entity_at(token)
    person = (
        (own if own is not None and own.label_ == "PERSON" else None)
        or next((e for e in reversed(inside) if e.label_ == "PERSON"), None)
        or _person_in_title(token)
    )  # the person the token names, else the one nearest before it ("Town Clerk Marian Doyle")
    for ent in (person, own):
        if ent is not None and ent.label_ in SPEAKER_LABELS:
            return ent.text
    proper = token.tag_ in ("NNP", "NNPS") or (token.pos_ == "PROPN" and token.tag_ != "NNS")
    if proper or token.text in people or (token.is_title and token.i != token.sent.start):
        return actor_phrase(token)  # "the Judicial Branch", whatever part of it the NER labelled
    ent = _entity_after(token) or (inside[0] if inside else None)
    if ent is not None:
        return ent.text
    if token.lemma_.lower() in DATA_NOUNS or token.lower_.rstrip("s") in DATA_NOUNS:
        source = next(
            (
                c
                for c in token.children
                if c.dep_ == "nmod" and any(g.lower_ in ("from", "by", "of") for g in c.children)
            ),
            None,
        )
        return speaker_name(source, people) if source is not None else None
    return None


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
    """ "Lt. Marisol Vega": a title before the name the NER found."""
    if not token.is_title:
        return None
    return next(
        (e for e in token.doc.ents if e.label_ in SPEAKER_LABELS and 0 < e.start - token.i <= 2),
        None,
    )


def full_name(name: str, ents: list[Span]) -> str:
    """ "Duryea" -> "Elizabeth Duryea": the longest PERSON in the document ending with the name."""
    name = strip_possessive(name)
    people = [strip_possessive(e.text) for e in ents if e.label_ == "PERSON"]
    longer = [p for p in people if p.endswith(name) and len(p) > len(name)]
    return max(longer, key=len) if longer else name
