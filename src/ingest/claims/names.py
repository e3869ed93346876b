"""Aliases a document defines for its actors, so claims about "DCF" and "the Department of
Children and Families" can be grouped.

Two kinds are read from the text: an acronym introduced in brackets ("Department of Children
and Families (DCF)") and a person named in full then by surname ("Joette Katz" ... "Katz").
Analysts add their own in models/aliases.csv; the warehouse's canonical_names view merges both,
comparing names by the alias_key macro (warehouse/views/alias_key.sql).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from ingest.annotate.paragraphs import Paragraph
from ingest.records import Alias

_BRACKETED = re.compile(
    r"\b((?:[A-Z][\w'’&.-]*\s+|(?:of|and|for|the|on|in|to)\s+){1,10}[A-Z][\w'’&.-]*)\s+\(([A-Z][A-Za-z&]{1,9})\)"
)
_MINOR_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})
# "the department said": a common noun naming an institution stands for one the document named.
INSTITUTION_NOUNS = frozenset(
    [
        "administration",
        "agency",
        "authority",
        "board",
        "bureau",
        "center",
        "coalition",
        "college",
        "commission",
        "committee",
        "company",
        "council",
        "court",
        "department",
        "district",
        "foundation",
        "group",
        "hospital",
        "institute",
        "office",
        "police",
        "service",
        "university",
    ]
)


def aliases_from_paragraphs(paragraphs: list[Paragraph], doc_id: str) -> list[Alias]:
    """Every acronym, surname and reference alias the document defines, once each."""
    text = "\n\n".join(p.doc.text for p in paragraphs)
    ents = [e for p in paragraphs for e in p.doc.ents]
    organisations = [e.text for e in ents if e.label_ == "ORG"]
    pairs = (
        {(a, c, "acronym") for a, c in acronym_aliases(text)}
        | {(a, c, "surname") for a, c in surname_aliases(ents)}
        | {(a, c, "reference") for a, c in reference_aliases(text, organisations)}
    )
    return [Alias(doc_id, alias, canonical, kind) for alias, canonical, kind in sorted(pairs)]


def acronym_aliases(text: str) -> list[tuple[str, str]]:
    """(acronym, full name) for "Full Name (ACRONYM)" where the letters fit the name's words.

    The name starts at the first word from which the acronym's letters can be read, with or
    without the minor words, and may end in words the acronym leaves out ("Trafficking in
    Persons Council (TIP)").
    """
    pairs = []
    for match in _BRACKETED.finditer(text):
        words, acronym = match.group(1).split(), match.group(2).upper().replace("&", "")
        start = next((i for i in range(len(words)) if spells(words[i:], acronym)), None)
        if start is not None:
            pairs.append((match.group(2), " ".join(words[start:])))
    return pairs


def spells(words: list[str], acronym: str) -> bool:
    """The acronym is the initials of a leading run of words (minor words optional)."""
    if not words or words[0].lower() in _MINOR_WORDS:
        return False
    for end in range(len(words), 0, -1):
        run = words[:end]
        every = "".join(w[0] for w in run).upper()
        major = "".join(w[0] for w in run if w.lower() not in _MINOR_WORDS).upper()
        if acronym in (every, major):
            return True
    return False


def institution(noun: str, organisations: Sequence[str]) -> str | None:
    """The first multi-word organisation whose name has the noun as a word: "Department of
    Transportation" for "department"."""
    word = noun.lower()
    return next(
        (o for o in organisations if len(o.split()) > 1 and word in o.lower().split()), None
    )


def reference_aliases(text: str, organisations: Sequence[str]) -> list[tuple[str, str]]:
    """(noun, organisation) for each institution noun the text uses to refer back ("the
    Department", "her department", not "the Department of ..."), resolved by institution().

    These hold within their document only: "the department" is another department elsewhere.
    """
    pairs = []
    for noun in sorted(INSTITUTION_NOUNS):
        if re.search(rf"\b(?:the|her|his|its|their|our)\s+{noun}\b(?!\s+of\b)", text, re.I):
            found = institution(noun, organisations)
            if found is not None:
                pairs.append((noun, strip_the(found)))
    return pairs


def strip_the(name: str) -> str:
    """ "the state Department of Transportation" -> "state Department of Transportation"."""
    return re.sub(r"^the\s+", "", name, flags=re.I)


def surname_aliases(ents: list[Span]) -> list[tuple[str, str]]:
    """(surname, full name) for every PERSON named with two or more words."""
    people = {
        strip_possessive(e.text) for e in ents if e.label_ == "PERSON" and len(e.text.split()) > 1
    }
    return sorted({(name.split()[-1], name) for name in people})


def strip_possessive(name: str) -> str:
    """ "Joette Katz’s" -> "Joette Katz"."""
    return re.sub(r"['’]s?$", "", name.strip())
