"""Author and site name stated by a page's own lines: bylines, mastheads and copyright lines.

Used for plain-text pages, and for HTML pages whose markup names no author or site. Measured by
bench/cleaning.py (author and site accuracy) on tests/data/cleaning/.
"""

from __future__ import annotations

import re

from ingest.clean.chrome import NAME_PATTERN, widget_kind

_BYLINES = [
    re.compile(r"^.{2,60}?\s+\|\s+[Bb]y\s+(?P<name>.+)$"),
    re.compile(r"^(?:[Bb]y|BY)\s+(?P<name>.+)$"),
    re.compile(r"^(?:[Aa]uthor|[Ww]ritten\s+by|Par|Por|Von|Di)\s*:?\s+(?P<name>.+)$"),
    re.compile(
        r"^(?:\S+\s+){0,8}?\d{4}\b.*?\bby\s+(?P<name>\S.{0,40})$"
    ),  # "Posted on <date> by x"
]
_TRAILING_MONTH = re.compile(
    r"\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$", re.IGNORECASE
)
_BARE_NAME = re.compile(rf"^{NAME_PATTERN}$")
_SITE_BYLINE = re.compile(r"^(?P<site>.{2,60}?)\s+\|\s+[Bb]y\s+.+$")
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\))?\s*(?P<rest>.+)$", re.IGNORECASE)
_LEGAL_FORM = re.compile(
    r",?\s+(?:GmbH|Inc\.?|LLC|Ltd\.?|S\.A\.|AG|Co\.|Corp\.?|PLC|SARL|S\.L\.)$", re.IGNORECASE
)
# Words that make a byline part a job title or an organisation, not a person.
_NOT_PERSON = frozenset(
    [
        "username",  # a comment form's field label taken for the byline
        "news",
        "newswire",
        "wire",
        "press",
        "service",
        "services",
        "staff",
        "agency",
        "associated",
        "media",
        "radio",
        "tv",
        "reporter",
        "editor",
        "correspondent",
        "writer",
        "meteorologist",
        "photographer",
        "contributor",
        "producer",
        "team",
        "desk",
        "department",
        "office",
        "the",
        "for",
        "immediate",
        "release",
        "contact",
        "communications",
    ]
)
_CONNECTORS = frozenset(
    [
        "of",
        "the",
        "de",
        "la",
        "le",
        "du",
        "des",
        "for",
        "and",
        "&",
        "on",
        "in",
        "von",
        "der",
        "del",
        "di",
        "da",
    ]
)
# A masthead is one of the first few name-like lines of the page head. Set on the corpus.
MASTHEAD_LINES = 3
SITE_MAX_WORDS = 6


def author_from_lines(head: list[str]) -> str | None:
    """The byline's author(s), "; "-joined, from the page head; None when there is no byline."""
    for pattern in _BYLINES:
        for line in head:
            found = pattern.match(line)
            name = clean_author(found.group("name")) if found else None
            if name:
                return name
    for i, line in enumerate(head[:-1]):  # a bare name right above the date line
        provided = i > 0 and head[i - 1].lower().endswith("provided by")  # PR wire: the issuer
        if provided or not _BARE_NAME.match(line) or len(line.split()) not in (2, 3):
            continue
        if _dated(head[i + 1 : i + 3]):
            return clean_author(line)
    return None


def _dated(lines: list[str]) -> bool:
    """One of these lines is a date stamp."""
    return any(widget_kind(ln) in ("stamp", "date") for ln in lines)


def clean_author(value: str | None) -> str | None:
    """Person names only ("; "-joined), capitalised normally; job titles and agencies dropped."""
    if not value:
        return None
    parts = re.split(r"\s*;\s*|\s+and\s+|\s*&\s*|,\s+(?=[A-Z][a-z]+\s+[A-Z])", value)
    names = []
    for part in parts:
        part = part.split(",")[0].split("|")[0].strip(" .:")  # "Name | name@outlet.com"
        if (
            len(_TRAILING_MONTH.sub("", part).split()) >= 2
        ):  # "Nathan Willis March", not "Brian May"
            part = _TRAILING_MONTH.sub("", part)  # the dateline ran into the byline
        words = part.split()
        if not 1 <= len(words) <= 4 or any(w.lower() in _NOT_PERSON for w in words):
            continue
        if part.isupper() and len(words) > 1:
            part = part.title()
        if part.casefold() not in {n.casefold() for n in names}:  # byline and meta both name one
            names.append(part)
    return "; ".join(names) or None


def as_spelled(author: str | None, lines: list[str]) -> str | None:
    """Byline names as the page spells them: trafilatura's normalisation drops the full stops of
    initials ("John C Welch"), which the page's own lines still hold ("John C. Welch")."""
    if not author:
        return author
    names = []
    for name in author.split("; "):
        words = name.split()
        spelled = None
        if any(len(w) == 1 for w in words):
            pattern = re.compile(
                r"(?<!\w)"
                + r"\s+".join(re.escape(w) + (r"\." if len(w) == 1 else "") for w in words)
                + r"(?!\w)"
            )
            spelled = next((m.group() for ln in lines if (m := pattern.search(ln))), None)
        names.append(spelled or name)
    return "; ".join(names)


def site_from_lines(lines: list[str], head: list[str]) -> str | None:
    """The outlet the page names: "<Site> | By ...", a confirmed masthead, or the © holder."""
    for line in head:
        found = _SITE_BYLINE.match(line)
        if found:
            return clean_site(found.group("site"))
    holder = _copyright_holder(lines)
    for line in [ln for ln in head if _name_like(ln)][:MASTHEAD_LINES]:
        name = line.casefold()
        mention = re.compile(rf"(?<!\w){re.escape(line)}(?!\w)", re.IGNORECASE)
        confirmed = sum(bool(mention.search(other)) for other in lines) > 1 or (
            holder is not None and (holder.casefold() in name or name in holder.casefold())
        )
        if confirmed:
            return clean_site(_mixed_case(line, lines))
    return clean_site(holder)


def clean_site(value: str | None) -> str | None:
    """A site name without a legal form ("GmbH", "Inc.") or trailing punctuation."""
    if not value:
        return None
    name = _LEGAL_FORM.sub("", " ".join(value.split())).strip(" .,·|-")
    return name or None


def _copyright_holder(lines: list[str]) -> str | None:
    """The holder named by the first "© 2024 Holder. All rights reserved." line."""
    for line in lines:
        if widget_kind(line) != "copyright" or not re.search(r"©|copyright|\(c\)", line, re.I):
            continue
        rest = _COPYRIGHT.match(line).group("rest")
        rest = re.split(r"\.\s|\ball\s+rights\b|\s[·|]\s", rest, flags=re.IGNORECASE)[0]
        rest = re.sub(r"\b(?:19|20)\d{2}\b(?:\s*[-–]\s*(?:19|20)\d{2})?|©", " ", rest)
        words = rest.split()
        if 1 <= len(words) <= SITE_MAX_WORDS:
            return " ".join(words)
    return None


def _name_like(line: str) -> bool:
    """A proper name: capitalised words (and connectors), no sentence, not chrome."""
    words = line.split()
    if not 1 <= len(words) <= SITE_MAX_WORDS or widget_kind(line) is not None:
        return False
    if len(words) == 1 and not (line.isupper() and len(line) <= 6):
        return False  # one-word lines are menu items, unless an acronym ("GNS")
    if re.search(r"[.!?:;|·•»>,]", line):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _CONNECTORS for w in words)


_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}(?:-[A-Z]{2})?$")  # broadcasters stay capitals: "WKTQ 11"


def _mixed_case(name: str, lines: list[str]) -> str:
    """The page's own mixed-case spelling of an all-capitals masthead, when it has one."""
    if not name.isupper():
        return name
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)
    for line in lines:
        found = pattern.search(line)
        if found and found.group()[0].isupper() and not found.group().isupper():
            return found.group()
    if len(name) <= 6:
        return name
    return " ".join(w if _CALL_SIGN.match(w) else w.title() for w in name.split())
