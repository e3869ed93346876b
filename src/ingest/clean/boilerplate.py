"""Line classifier for web boilerplate left in article text (plain-text pages and HTML extracts).

Explainable rules, measured by bench/cleaning.py on tests/data/cleaning/ (re-run it after any
change here). Every verdict names the rule that decided it:

- page-head: before the article body, i.e. before the first prose paragraph that is not
  followed by a byline or date stamp (masthead, navigation, headline, dek, byline, photo credit).
- terminator: a line after which the page holds only comments, related links or footer
  ("Leave a Reply", "Related Content", "###", "Media Contact:", a copyright notice, ...).
- comment-count: a comment section's opener ("941 comments") above the story's first
  paragraph, where it is the counter linking to the comments, not their start.
- about: an "About <Org>" heading and the boilerplate paragraph under it.
- widget:<kind>: a line that is chrome wherever it appears (share bars, player controls,
  station/FCC lines, donation appeals, newsletter boxes, bylines, stamps, credits, bios, ...).
- section: a "Next Up:" player insert or a newsletter box; it and the non-sentence lines under
  it (headline links, box titles, buttons) are dropped until article sentences resume.
- credit: a "Photographer / Agency" credit and the caption under it.
- tail: after the last prose paragraph only short sentences and list items still count as
  article; the first other line ends the article.
- preformatted: a line of the page's <pre> blocks (code, protocol listings, RFC text), kept as
  the author laid it out wherever it stands; none of the rules above reads it as chrome.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ingest.clean.chrome import (
    _ABOUT,
    _LIST_MARKER,
    _SENTENCE_END,
    _STATEMENT_END,
    META_MAX_WORDS,
    is_code,
    is_table_row,
    strip_list_marker,
    widget_kind,
)

# A paragraph of prose: enough words and sentence punctuation. Set by reading the sample pages
# and the corpus; re-run bench/cleaning.py when it changes.
PROSE_MIN_WORDS = 8
PROSE_LONG_WORDS = 20
TITLE_MIN_WORDS = 3
# "Sex Trafficking Isn't What You Think It Is." is a headline, not prose: at least this share of
# its (at least TITLE_CASE_MIN_WORDS) words of four letters or more are capitalised. Set on the
# sample pages; re-run bench/cleaning.py.
TITLE_CASE_SHARE = 0.8
TITLE_CASE_MIN_WORDS = 3
TITLE_MAX_WORDS = 25
# Hard-wrapped text (e-mail releases, text dumps, wire copy) is wrapped at 60-80 columns: a
# document with at least WRAP_MIN_LINES lines past WRAP_MIN_COLUMNS that run on into the next
# line, whose wrap column (see _wrap_width) is at most WRAP_MAX_COLUMNS, is unwrapped. Set from the
# corpus' 72-column release (29) and checked on the held-out sets; re-run bench/cleaning.py.
WRAP_MIN_COLUMNS = 60
WRAP_MAX_COLUMNS = 80
WRAP_MIN_LINES = 3
WRAP_PERCENTILE = 0.8

_CREDIT_SEPARATOR = "/"
# A caption under a photo credit is at most this long; longer text is the article. Set on the
# sample pages and the corpus (bench/cleaning.py).
CAPTION_MAX_WORDS = 40
# A photographer's or agency's name in a "Name / Agency" credit ("Mid-State Public Media").
CREDIT_NAME_MAX_WORDS = 6

# In extracted HTML text, a terminator line followed by this many prose paragraphs or more is a
# heading or link inside the article. Set on the real pages (bench/cleaning_real.py) and checked
# on the cleaning sets' HTML pages; re-run both when changing it.
ENDED_MAX_PROSE = 3
# After one of these the rest of the page is comments, related links, contacts or footer. A
# comment section's opener ("4 responses", "Leave a Reply") ends even an extracted article: an
# extractor that misses a blog's comment markup keeps the comments as prose.
_COMMENTS_START = re.compile(
    r"""^(?:leave\s+a\s+(?:reply|comment)|comment\s+love|join\s+the\s+(?:conversation|discussion)\b.*
      | \d+\s*(?:comments?|responses?|replies)|reader\s+comments|\d+\s+thoughts?\s+on\b.*
    )\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)
_TERMINATOR = re.compile(
    r"""^(?:(?:comments?|responses?|replies)
      | related(?:\s+(?:content|stories|articles|posts|coverage|links|news|videos))?
      | more\s+(?:stories|videos|news|headlines|in\s+.{2,40}|from\s+.{2,40}|news\s+releases\s+from\s+.+)
      | read\s+(?:more|next)|most\s+(?:popular|read|viewed|shared)|trending(?:\s+(?:now|stories|videos))?
      | you\s+(?:may|might)\s+also\s+like|recommended(?:\s+(?:for\s+you|stories))?|stand\s+up\s+for\s+civility
      | share\s+this(?:\s+(?:story|article|post))?|like\s+this|about\s+the\s+authors?|tags|topics
      | (?:media|press)\s+contacts?|report\s+a\s+typo|was\s+this\s+page\s+helpful\?.*
      | les\s+plus\s+lus|à\s+lire\s+aussi|meistgelesen|lo\s+más\s+leído|i\s+più\s+letti
      | (?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*|\(c\)\s*)?\d{4}|copyright\s+©).*|.*\S\s©\s.*|.*\ball\s+rights\s+reserved\b.*
      | \#{3}|-\s*30\s*-|_{3,}|—
    )\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)
_SOURCE_LINE = re.compile(r"^SOURCE\s+[A-Z].*$")  # the PR-wire sign-off
# "Next Up:" player inserts and newsletter boxes interrupt the article: drop the insert and the
# lines under it until an article sentence resumes.
_SECTION = re.compile(r"^(?:next\s+up|up\s+next|now\s+playing|watch|listen)\s*:?$", re.IGNORECASE)
# A kept line of at most this many words, not a sentence, right above a newsletter line is the
# box's title ("Education Matters"). Set on the corpus (bench/cleaning.py).
BOX_HEADING_WORDS = 6


@dataclass(frozen=True, slots=True)
class LineVerdict:
    """Why a line was kept or dropped; bench/cleaning.py --verbose prints these."""

    line: str
    keep: bool
    rule: str


def split_lines(raw_text: str) -> list[str]:
    """Non-empty lines with whitespace collapsed; hard-wrapped paragraphs joined back up."""
    raw = [ln.strip() for ln in raw_text.splitlines()]  # an indented dump wraps the same
    width = _wrap_width(raw)
    wrapped = width is not None and width <= WRAP_MAX_COLUMNS
    lines: list[str] = []
    previous = ""
    for line in raw:
        text = " ".join(line.split())
        if text and wrapped and previous and _continues(previous, text, width):
            lines[-1] += " " + text
        elif text:
            lines.append(text)
        previous = line.strip()
    return lines


def _wrap_width(raw: list[str]) -> int | None:
    """The column a hard-wrapped text breaks at: the 80th percentile of the long lines that run on
    into the next line (a headline or a stray URL longer than the rest does not set it); None
    when too few lines run on."""
    running = sorted(
        len(line) for line, nxt in itertools.pairwise(raw) if nxt and len(line) >= WRAP_MIN_COLUMNS
    )
    if len(running) < WRAP_MIN_LINES:
        return None
    return running[int(WRAP_PERCENTILE * (len(running) - 1))]


def _continues(previous: str, line: str, width: int) -> bool:
    """The line is a wrapped continuation: its first word would not have fit on the previous one."""
    return not _LIST_MARKER.match(line) and len(previous) + 1 + len(line.split()[0]) > width - 1


def is_prose(line: str) -> bool:
    """An article paragraph rather than a menu item, label or credit."""
    words = len(line.split())
    if words <= TITLE_MAX_WORDS and is_title_case(line):
        return False
    return words >= PROSE_LONG_WORDS or (
        words >= PROSE_MIN_WORDS and bool(_SENTENCE_END.search(line))
    )


def is_title_case(line: str) -> bool:
    """Capitalised Like A Headline: nearly every word of four letters or more starts upper-case."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) >= TITLE_CASE_MIN_WORDS and capitalised >= TITLE_CASE_SHARE * len(
        long_words
    )


def is_statement(line: str) -> bool:
    """A sentence, however short: it ends like one and starts with a capital, digit or quote."""
    return len(line.split()) >= 2 and bool(_STATEMENT_END.search(line)) and not line[0].islower()


def body_start(lines: list[str], kinds: list[str | None]) -> int:
    """Index of the article's first paragraph (len(lines) when there is no prose at all).

    The first prose line that is not followed by a byline or a "Published ..." stamp before the
    next prose line; a dek or a "create an account" blurb in the masthead is followed by the
    byline. (Bare date lines do not count: a timeline's date headings are not a byline.)
    """
    prose = [i for i, ln in enumerate(lines) if kinds[i] is None and is_prose(ln)]
    for n, i in enumerate(prose):
        end = prose[n + 1] if n + 1 < len(prose) else len(lines)
        if not any(kinds[j] in ("byline", "stamp") for j in range(i + 1, end)):
            return i
    return prose[0] if prose else len(lines)


def classify_lines(
    lines: list[str],
    author: str | None = None,
    *,
    extracted: bool = False,
    preformatted: frozenset[str] = frozenset(),
) -> list[LineVerdict]:
    """Label each non-empty line keep/drop with the rule that decided it.

    Args:
        lines: the page's non-empty lines, in order (see split_lines).
        author: the byline's author when known, so that their bio is recognised.
        extracted: the lines are an HTML extractor's main content, which already left out the
            page's head, comments and footer by their markup: the positional rules then need
            evidence in the text (see _extracted_start and _ends_article).
        preformatted: the lines of the page's <pre> blocks; a line made of them is kept as the
            author laid it out, and neither ends the article nor is cut with its tail.
    Returns:
        One verdict per line.
    """
    pre = [bool(preformatted) and _is_preformatted(ln, preformatted) for ln in lines]
    kinds = [widget_kind(ln, author) for ln in lines]
    kinds = _table_rows(lines, kinds) if extracted else _table_headers(lines, kinds)
    drop = _credits(lines)
    kinds = ["credit" if i in drop else k for i, k in enumerate(kinds)]
    start = _extracted_start(lines, kinds) if extracted else body_start(lines, kinds)
    verdicts = [
        LineVerdict(ln, True, "preformatted")
        if p
        else LineVerdict(ln, False, "page-head" if k is None else f"page-head:{k}")
        for ln, k, p in zip(lines[:start], kinds[:start], pre[:start], strict=True)
    ]
    verdicts += _classify_body(lines[start:], kinds[start:], extracted, pre[start:])
    return _drop_tail(verdicts)


def _is_preformatted(line: str, preformatted: frozenset[str]) -> bool:
    """The line is one of the preformatted lines, or several of them that split_lines joined."""
    if line in preformatted:
        return True
    words = line.split(" ")
    ends = {0}  # word positions up to which the line is made of preformatted lines
    for i in range(1, len(words) + 1):
        if any(" ".join(words[j:i]) in preformatted for j in ends):
            ends.add(i)
    return len(words) in ends


def _extracted_start(lines: list[str], kinds: list[str | None]) -> int:
    """Where an extracted article's body starts: its first prose line or list item (a materials
    list or key points before the prose), or its first line when none is either (a short note,
    a script written without spaces). An extractor has already cut the masthead, so prose before
    a byline is the lead, not a dek; what precedes it is headline, section label and dek."""
    body = (
        i
        for i, ln in enumerate(lines)
        if kinds[i] is None and (is_prose(ln) or _LIST_MARKER.match(ln))
    )
    return next(body, 0)


def _ends_article(lines: list[str], kinds: list[str | None]) -> bool:
    """Whether what follows a terminator line in extracted text is no longer the article: fewer
    than ENDED_MAX_PROSE prose paragraphs before the next chrome line. The extractor has left
    comments and footers out, so a "Response" heading or a "Read more" link followed by the rest
    of the story ends nothing; a gallery's captions between its share and "Next" buttons under
    "You Might Also Like" are no story (salon-1: precision 0.913 -> 0.989; English F1 on the
    real pages +0.0005, no other page and no cleaning set changed)."""
    story = itertools.takewhile(lambda lk: lk[1] is None, zip(lines, kinds, strict=True))
    return sum(is_prose(ln) for ln, _ in story) < ENDED_MAX_PROSE


def _table_headers(lines: list[str], kinds: list[str | None]) -> list[str | None]:
    """A menu-like row right above a table row with as many cells is the table's header row."""
    out = list(kinds)
    for i in range(len(lines) - 1):
        cells = lines[i].count(" | ")
        if kinds[i] == "nav" and cells and is_table_row(lines[i + 1]):
            out[i] = None if lines[i + 1].count(" | ") == cells else kinds[i]
    return out


def _table_rows(lines: list[str], kinds: list[str | None]) -> list[str | None]:
    """In extracted text a "cell | cell" line is a row of one of the page's tables (the extractor
    writes nothing else that way), so a row of words is a header or a row of labels, not a menu."""
    return [None if k == "nav" and " | " in ln else k for ln, k in zip(lines, kinds, strict=True)]


def _credits(lines: list[str]) -> set[int]:
    """Photographer, "/", agency and caption lines of "Name / Agency" photo credits: a lone "/"
    between two name lines (a "/" in a code listing, between "@ 4:cbdfbd5a5db2 (alice)" and
    "$ hg rebase -d 5", is no credit)."""
    drop: set[int] = set()
    for i, line in enumerate(lines):
        if line != _CREDIT_SEPARATOR or not 0 < i < len(lines) - 1:
            continue
        if _is_credit_name(lines[i - 1]) and _is_credit_name(lines[i + 1]):
            caption = i + 2 if i + 2 < len(lines) and _is_caption(lines[i + 2]) else None
            drop |= {i - 1, i, i + 1} | ({caption} if caption is not None else set())
    return drop


def _is_credit_name(line: str) -> bool:
    """A photographer's or agency's name: a few words, the first capitalised, no code marks."""
    words = line.split()
    return 0 < len(words) <= CREDIT_NAME_MAX_WORDS and line[0].isupper() and not is_code(line)


def _is_caption(line: str) -> bool:
    """A photo caption: one or two short sentences."""
    return len(line.split()) <= CAPTION_MAX_WORDS


def _classify_body(
    lines: list[str], kinds: list[str | None], extracted: bool, pre: list[bool]
) -> list[LineVerdict]:
    """Verdicts for the lines from the first article paragraph on."""
    out: list[LineVerdict] = []
    in_section = False
    for i, line in enumerate(lines):
        text = strip_list_marker(line)
        if pre[i]:
            out.append(LineVerdict(line, True, "preformatted"))
            continue
        if out and out[-1].rule == "about":  # the paragraph under an "About <Org>" heading
            out.append(LineVerdict(line, False, "about"))
            continue
        ends = _TERMINATOR.match(text) or _SOURCE_LINE.match(text)
        if _COMMENTS_START.match(text) and not any(v.keep and is_prose(v.line) for v in out):
            out.append(LineVerdict(line, False, "comment-count"))  # a counter above the story
            continue
        if _COMMENTS_START.match(text) or (
            ends and (not extracted or _ends_article(lines[i + 1 :], kinds[i + 1 :]))
        ):
            rest = [LineVerdict(ln, False, "after-terminator") for ln in lines[i + 1 :]]
            return [*out, LineVerdict(line, False, "terminator"), *rest]
        if _SECTION.match(text) or kinds[i] == "newsletter":
            in_section = True
        elif in_section and kinds[i] is None and is_statement(text):
            in_section = False  # article text resumes after the insert
        if i and _ABOUT.match(text) and ":" not in text:
            out.append(LineVerdict(line, False, "about"))
        elif kinds[i] is not None:
            out.append(LineVerdict(line, False, f"widget:{kinds[i]}"))
            if kinds[i] == "newsletter" and len(out) > 1 and _box_heading(out[-2]):
                out[-2] = LineVerdict(out[-2].line, False, "section")
        elif in_section:
            out.append(LineVerdict(line, False, "section"))
        else:
            out.append(LineVerdict(line, True, "article"))
    return out


def _box_heading(verdict: LineVerdict) -> bool:
    """A kept short title line, such as the name of the newsletter boxed under it."""
    words = len(verdict.line.split())
    return verdict.keep and words <= BOX_HEADING_WORDS and not is_statement(verdict.line)


def _drop_tail(verdicts: list[LineVerdict]) -> list[LineVerdict]:
    """After the last prose paragraph keep only sentences, list items and table rows below it:
    the short items of a list introduced by a line ending in ":", or of the list that paragraph
    is itself an item of (a changelog's or a reference list's last entries are short)."""
    kept_prose = [i for i, v in enumerate(verdicts) if v.keep and is_prose(v.line)]
    if not kept_prose:
        return verdicts
    out = list(verdicts)
    in_list = verdicts[kept_prose[-1]].line.endswith(":")
    item = _LIST_MARKER.match(verdicts[kept_prose[-1]].line)
    ended = False
    for i in range(kept_prose[-1] + 1, len(verdicts)):
        v = verdicts[i]
        if v.rule == "preformatted":
            continue
        if not v.keep:
            ended = ended or v.rule != "widget:ad"
            continue
        listed = in_list and len(v.line.split()) <= META_MAX_WORDS
        listed = listed or bool(item and _LIST_MARKER.match(v.line))
        if not ended and (is_statement(v.line) or listed or " | " in v.line):
            in_list = in_list or v.line.endswith(":")
            continue
        ended = True
        out[i] = LineVerdict(v.line, False, "tail")
    return out


def pick_title(lines: list[str], verdicts: list[LineVerdict]) -> str | None:
    """The headline: the longest headline-like line of the page head (a later one wins a tie).

    When the line above the winner is headline-like and at least as long, the winner is the dek
    under the headline, and the line above is the headline.
    """
    head = [i for i, v in enumerate(verdicts) if v.rule == "page-head"]
    candidates = [i for i in head if _headline_like(lines[i], lines)]
    if candidates:
        best = max(candidates, key=lambda i: (len(lines[i].split()), i))
        if best - 1 in candidates and len(lines[best - 1].split()) >= len(lines[best].split()):
            best -= 1
        return lines[best].strip("*_ ")
    first = next((v.line for v in verdicts if v.keep), None)
    if first and TITLE_MIN_WORDS <= len(first.split()) <= TITLE_MAX_WORDS and not is_prose(first):
        return first.strip("*_ ")
    return None


def _headline_like(line: str, lines: list[str]) -> bool:
    """Could be a headline: a few words, no menu separators, not chrome, not a caption."""
    words = line.split()
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS or line.isupper():
        return False
    if re.search(r"\s[|·•»>]\s|[:]$|^[-*•]", line) or widget_kind(line) is not None:
        return False
    if lines.count(line) > 1:  # repeated masthead or menu text
        return False
    return not (len(words) > PROSE_MIN_WORDS * 2 and _SENTENCE_END.search(line))
