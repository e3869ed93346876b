"""Line classifier for web boilerplate left in plain-text articles.

Explainable rules, measured by bench/cleaning.py on tests/data/cleaning/: a line is dropped when
it matches a known widget/footer pattern, when it sits in the page chrome before the first prose
paragraph, or when it follows a terminator such as "Leave a Reply" or "Related Content".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Lines that are always chrome, wherever they appear.
_WIDGET = re.compile(
    r"""^(?:
        ©.*|\(c\)\s*\d{4}.*|copyright\s+(?:©\s*)?\d{4}.*
      | fcc\b.*|.*public\s+(?:inspection\s+)?files?.*|atsc\s+3\.0.*|play\s+live\s+radio
      | next\s+up:?|available\s+on\s+air\s+stations|on\s+air\s+now.*|listen\s+live.*
      | [\d:\s]+                                   # player controls: 0:00 0:00
      | (?:[A-Z]{4}(?:-FM)?\s*·\s*)+[A-Z]{4}(?:-FM)?.*  # call signs: WEDH · WEDN
      | (?:twitter|facebook|google\+|linkedin|instagram)\s+(?:picture|photo)
      | you\s+are\s+commenting\s+using.*|fill\s+in\s+your\s+details\s+below.*
      | connecting\s+to\s+%s|log\s+out\s*/.*|notify\s+me\s+of.*
      | (?:share|like|print|email|tweet|pin)\s*(?:this(?:\s+(?:story|article))?)?\s*:?
      | click\s+to\s+(?:share|email|print).*|loading\.{3}|advertisement|skip\s+to\s+.*
      | (?:sign\s+up|subscribe)\b.*(?:newsletter|inbox|updates).*
      | (?:read|see)\s+more:.*|learn\s+more\s+at\b.*|(?:photo|image)\s*(?:credit)?:.*
      | (?:tags?|filed\s+under|categories|posted\s+in):.*
      | contact:.*|media\s+contact.*|\#\#\#|-\s*30\s*-
      | .*\b(?:donate|donation|donor|membership|sponsor)s?\b.*(?:today|support|members?|amount).*
      | .*\bfunded\s+in\s+(?:large\s+)?part\s+by\b.*|.*support\s+inspires\s+you.*
      | .*\bwe\s+use\s+cookies\b.*|accept\s+(?:all\s+)?cookies|privacy\s+policy.*|terms\s+of\s+(?:use|service).*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# A phone number or e-mail in a short line marks a contact/address line, not prose.
_CONTACT = re.compile(r"\(?\d{3}\)?[-/.\s]\d{3}-\d{4}|@\w+\.\w+|www\.\w+")
# "Diane Orson is a special correspondent with Connecticut Public." and similar bios.
_BIO = re.compile(
    r"^[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){1,3}\s+(?:is|was)\s+an?\s+(?:[\w-]+\s+){0,3}"
    r"(?:correspondent|reporter|writer|editor|journalist|contributor|producer|host|columnist|intern)\b"
)
# After one of these, the rest of the page is comments, related links or footer.
_TERMINATOR = re.compile(
    r"^(?:leave\s+a\s+(?:reply|comment)|comment\s+love|\d*\s*(?:comments?|responses?|replies)"
    r"|related(?:\s+(?:content|stories|articles|posts|coverage))?|more\s+(?:stories|from\b.*)"
    r"|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?|stand\s+up\s+for\s+civility"
    r"|share\s+this:?|like\s+this:?|about\s+the\s+author|trending(?:\s+now)?)\s*:?$",
    re.IGNORECASE,
)
# A bare "/" line joins a photographer to an agency ("Chris Beckett / Creative Commons").
_CREDIT_SEPARATOR = "/"
# A paragraph of prose: enough words and sentence punctuation. Set by reading the sample pages;
# re-run bench/cleaning.py when it changes.
PROSE_MIN_WORDS = 8
PROSE_LONG_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 20


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """Why a line was kept or dropped; bench/cleaning.py prints these."""

    line: str
    keep: bool
    rule: str


def is_prose(line: str) -> bool:
    """An article paragraph rather than a menu item, label or credit."""
    words = len(line.split())
    return words >= PROSE_LONG_WORDS or (
        words >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))
    )


def is_widget(line: str) -> bool:
    """A line that is chrome wherever it appears."""
    short = len(line.split()) < PROSE_LONG_WORDS
    return bool(_WIDGET.match(line) or _BIO.match(line) or (short and _CONTACT.search(line)))


def classify_lines(lines: list[str]) -> list[LineVerdict]:
    """Label each non-empty line keep/drop with the rule that decided it."""
    first_prose = next(
        (i for i, ln in enumerate(lines) if is_prose(ln) and not is_widget(ln)), None
    )
    verdicts: list[LineVerdict] = []
    caption_after = -1
    terminated = False
    for i, line in enumerate(lines):
        if terminated:
            verdicts.append(LineVerdict(line, False, "after-terminator"))
            continue
        if _TERMINATOR.match(line):
            terminated = True
            verdicts.append(LineVerdict(line, False, "terminator"))
        elif line == _CREDIT_SEPARATOR:
            caption_after = i + 2  # agency on the next line, then the caption
            verdicts.append(LineVerdict(line, False, "credit"))
        elif i <= caption_after:
            verdicts.append(LineVerdict(line, False, "credit/caption"))
        elif is_widget(line):
            verdicts.append(LineVerdict(line, False, "widget"))
        elif first_prose is not None and i < first_prose:
            verdicts.append(LineVerdict(line, False, "page-head"))
        else:
            verdicts.append(LineVerdict(line, True, "article"))
    return _drop_credit_lead(verdicts)


def _drop_credit_lead(verdicts: list[LineVerdict]) -> list[LineVerdict]:
    """The photographer's name sits on the line before the "/" separator."""
    out = list(verdicts)
    for i, v in enumerate(verdicts[1:], start=1):
        if v.rule == "credit" and out[i - 1].keep:
            out[i - 1] = LineVerdict(out[i - 1].line, False, "credit")
    return out


def pick_title(lines: list[str], verdicts: list[LineVerdict]) -> str | None:
    """The first headline-like line of the page head (or the article's first line)."""
    for line, verdict in zip(lines, verdicts, strict=True):
        if verdict.rule in ("page-head", "article") and not verdict.line.startswith(
            ("-", "*", "•")
        ):
            words = len(line.split())
            if TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS and not _CONTACT.search(line):
                return line.strip("*_ ")
        if verdict.keep and is_prose(line):
            return None
    return None
