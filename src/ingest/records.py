"""Plain records passed between stages. Character offsets always refer to CleanDoc.text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class RawDoc:
    """A decoded inbox file; doc_id is the SHA-256 of its raw bytes."""

    doc_id: str
    source_file: str
    suffix: str
    text: str


@dataclass(frozen=True, slots=True)
class CleanDoc:
    """Article text with boilerplate removed, plus the metadata the page gave."""

    doc_id: str
    source_file: str
    text: str
    title: str | None
    author: str | None
    site: str | None
    published_date: date | None
    language: str
    content_sha256: str
    truncated: bool = False
    fingerprint: bytes = b""  # MinHash of the text's 4-word shingles (clean/fingerprint.py)
    duplicate_of: str | None = None  # doc_id of an earlier near-identical document
    # (rule, line) of each line the cleaning rules dropped from the page's text, in page order;
    # stored so a reviewer sees what was thrown away (for HTML, what trafilatura dropped first
    # with the markup, such as menus and scripts, is not kept)
    removed: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Entity:
    doc_id: str
    text: str
    label: str
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression's TIMEX3 reading (TimeML 1.2.1); [start, end) is the interval it
    names, None when it names none or needs an unknown publication date."""

    type: str  # DATE | TIME | DURATION | SET
    value: str  # "2016-03", "2016-W12", "P3Y", "XXXX-WXX-1", "PAST_REF"
    mod: str | None  # BEFORE, AFTER, START, MID, END, APPROX, LESS_THAN, MORE_THAN, ...
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression in a document, resolved; offsets index CleanDoc.text."""

    doc_id: str
    text: str
    char_start: int
    char_end: int
    type: str
    value: str
    mod: str | None
    range_start: date | None
    range_end: date | None
    anchored_on: date | None  # the publication date it was resolved against
    sentence: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed figure: value (and value_high for ranges), bound and the surface cue."""

    value: float
    value_high: float | None
    bound: str
    bound_text: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class Claim:
    claim_id: str
    doc_id: str
    sentence: str
    quantity_text: str
    value: float
    value_high: float | None
    bound: str
    bound_text: str | None
    unit: str | None
    counted: str | None
    verb: str | None
    subject: str | None
    attributed_to: str | None
    location: str | None
    period_start: date | None
    period_end: date | None
    char_start: int
    char_end: int


@dataclass(frozen=True, slots=True)
class Rejection:
    """A file that could not be processed, and why; it is quarantined, never dropped."""

    source_file: str
    stage: str
    reason: str
    detail: str
    doc_id: str | None = None


@dataclass(frozen=True, slots=True)
class Alias:
    """A name a document gives an actor: "DCF" for "Department of Children and Families"."""

    doc_id: str
    alias: str
    canonical: str
    kind: str  # acronym | surname


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document, ready to load."""

    doc: CleanDoc
    entities: list[Entity]
    claims: list[Claim]
    aliases: list[Alias]
    dates: list[DateMention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Arrival:
    """What became of one file that arrived in the inbox (a row of the files view)."""

    source_file: str
    size: int | None
    sha256: str | None
    outcome: str  # loaded | duplicate | quarantined | left | vanished
    duplicate_of: str | None = None
    detail: str | None = None
