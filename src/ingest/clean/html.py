"""Main text and metadata of a saved web page: trafilatura, plus what it misses.

trafilatura finds the article; ingest.clean.boilerplate then removes the chrome it keeps
(bios, donation appeals, "About <Org>" paragraphs, contacts). The publication date comes from
htmldate run on the page without its comments, sidebars and footers and without "Updated"
stamps, so a comment date, an archive link or a "Page last reviewed" line is never taken.
Settings measured by bench/cleaning.py (`--trafilatura-grid` compares trafilatura options).
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable
from copy import deepcopy
from dataclasses import dataclass
from datetime import date

import trafilatura
from htmldate import find_date
from lxml.html import Element, HtmlElement

# Measured with `bench/cleaning.py --trafilatura-grid` on the corpus' 24 HTML pages (F1 of the
# extract alone / after ingest.clean's line rules; these options: 0.944 / 1.000):
# - include_tables=True: tables carry figures (False: 0.939 / 0.995);
# - include_links=False: link markup puts URLs into sentences (True: 0.942 / 0.999);
# - prune_xpath (deks): None keeps the dek as a first paragraph (0.943 / 0.999);
# - favor_precision=True: no difference from the default or favor_recall on the corpus; a
#   surviving sidebar line becomes a false claim while a lost one is only a missed claim, so the
#   tie goes to precision;
# - include_comments=False: no difference for bare_extraction, which returns comments apart from
#   the text (with trafilatura.extract they cost 0.016 precision); never wanted as article text.
EXTRACT_OPTIONS = {
    "include_comments": False,
    "include_tables": True,
    "include_links": False,
    "include_images": False,
    "favor_precision": True,
    "deduplicate": False,  # its cache is process-global; duplicates are handled in DuckDB
    "with_metadata": True,
    "prune_xpath": [
        # The dek (standfirst) under the headline summarises the story in other words; trafilatura
        # keeps it as a first paragraph. Class names common to news CMSs.
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' dek ')"
        " or contains(concat(' ', normalize-space(@class), ' '), ' deck ')"
        " or contains(@class, 'standfirst') or contains(@class, 'subtitle')"
        " or contains(@class, 'subheadline') or contains(@class, 'article-summary')]",
    ],
}
# Where the precise extraction keeps little (a page whose story sits in markup trafilatura's
# precision mode discards, e.g. engadget's), trafilatura is run again favouring recall, and
# that text is used when the precise one holds less than FALLBACK_SHARE of its words. Only
# extractions under FALLBACK_MAX_WORDS words are checked, so a normal page is extracted once.
# Measured on the real pages (bench/cleaning_real.py: English F1 0.941 -> 0.951; favour_recall
# on every page instead loses 0.007 F1 on cleaning_heldout2's HTML pages).
# The precise pass reads the page's metadata; the recall pass skips it (a tenth of cleaning time).
RECALL_OPTIONS = {
    **EXTRACT_OPTIONS,
    "favor_precision": False,
    "favor_recall": True,
    "with_metadata": False,
}
FALLBACK_MAX_WORDS = 300
FALLBACK_SHARE = 0.75
# The precise extraction's first and last lines mark the article in the recall one; where one is
# missing from the recall text (a byline only precision keeps, a paragraph it cuts differently),
# the next of this many lines in from that end marks it instead. Measured with
# bench/cleaning_real.py (see within_article).
ANCHOR_SEARCH_LINES = 3
# Page regions whose dates are not the article's: comments, sidebars, related links, footers.
_NOT_ARTICLE = (
    "//aside|//footer|//nav|//*[@id='comments' or @id='sidebar' or @role='complementary']"
    "|//*[contains(@class,'comment') or contains(@class,'sidebar') or contains(@class,'related')"
    " or contains(@class,'widget') or contains(@class,'footer')]"
)
# Elements the page never shows (trafilatura reads them as text; a reader never sees them).
_HIDDEN = (
    "//body//*[@hidden or @aria-hidden='true'"
    " or contains(translate(@style, ' ', ''), 'display:none')"
    " or contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
# Metadata that states the publication date itself.
_PUBLISHED_META = (
    "//meta[@property='article:published_time' or @property='og:published_time'"
    " or @name='article:published_time' or @itemprop='datePublished'"
    " or @name='pubdate' or @name='publish-date']/@content"
    "|//*[@itemprop='datePublished']/@datetime"
)
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>|^\s*<!--|-->\s*$")
_LOCAL_OFFSET = re.compile(r"T[\d:.]+[+-](?!00:?00)\d\d:?\d\d$")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# Short elements that state an update or review date rather than the publication date.
_UPDATE_STAMP = re.compile(
    r"^\W*(?:updated|last\s+(?:updated|modified|reviewed)|modified|page\s+last|mis\s+à\s+jour"
    r"|actualizado|aktualisiert|aggiornato)\b",
    re.IGNORECASE,
)
STAMP_MAX_CHARS = 80
# Whitespace inside a run of markup text, line breaks included, renders as one space (CSS
# white-space: normal); only PRESERVE_WHITESPACE elements keep it. trafilatura copies text nodes
# as they are where its fallback extractors take the page's own elements, so a paragraph indented
# over several source lines came out as several lines, and its length heuristics counted the
# indentation. A run at a node's edge becomes one newline if it held one, else one space:
# trafilatura reads those edges when it splits inline headings from paragraphs (ehow-1's "Step 1"
# spans are lost when they become spaces). Measured with bench/cleaning_real.py: English F1
# 0.961 -> 0.966 (bug-1255978 0.33 -> 0.93: its precise extraction no longer takes the page's
# comments), other languages 0.931 -> 0.933; the cleaning sets unchanged.
PRESERVE_WHITESPACE = frozenset({"pre", "textarea", "plaintext", "xmp", "listing"})
_INNER_SPACE = re.compile(r"(?<=\S)\s+(?=\S)")
_EDGE_SPACE = re.compile(r"^\s+|\s+$")
# Text loose in a container after a block element (`<div><figure>..</figure>The story goes
# on <a>..</a> ...</div>`) is rendered as a paragraph of its own (an anonymous block box), but
# trafilatura drops such tail text (yahoo-3's whole second paragraph). It is wrapped in a <p>
# with the inline elements that follow it, when it has at least LOOSE_TEXT_MIN_WORDS words (a
# short tail is a separator or a tweet's attribution line). Measured with bench/cleaning_real.py:
# English F1 0.9665 -> 0.9671 (with 3 words: the same, 001 loses an attribution line); other
# languages and the cleaning sets unchanged. The words counted are all the loose text up to the
# next block, between the inline elements too: a link early in a sentence ("The project was
# <a>announced</a> with ...") left too few before it (English F1 0.9729 -> 0.9731, lwn-1 0.979
# -> 0.991; counting the links' own words too takes yahoo-4's link rows: 1.000 -> 0.156).
LOOSE_TEXT_MIN_WORDS = 8
_LOOSE_CONTAINERS = frozenset(
    ["div", "section", "article", "main", "body", "td", "li", "dd", "blockquote", "span"]
)
_RUN_TO_COLLAPSE = re.compile(r"\s\s|[^\S ]")  # two spaces, or one that is not " "
# Block elements: each starts a line of the page's visible text, and text left loose after one
# is a paragraph of its own (see LOOSE_TEXT_MIN_WORDS).
_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 td th tr section article header footer aside nav ul ol dl "
    "blockquote figure figcaption table form hr pre iframe br".split()
)
# Section headings restore_headings puts back (h1 is the headline, stored apart as the title).
SECTION_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
# A table's own structure, which unwrap_layout_tables turns into <div>s.
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
_TITLE_SPLIT = re.compile(r"\s+[|–—-]\s+")
# Headlines the page's metadata states, in order of trust (JSON-LD's headline is read first).
_TITLE_META = (
    "//meta[@property='og:title']/@content|//meta[@name='og:title']/@content"
    "|//meta[@name='twitter:title']/@content"
)
# Share of the shorter title's words the other must hold for the two to name one story. Set on
# the real pages (bench/cleaning_real.py, title accuracy); re-run it and bench/cleaning.py.
TITLE_WORDS_SHARED = 0.5


@dataclass(frozen=True, slots=True)
class Page:
    text: str
    title: str | None
    author: str | None
    site: str | None
    published_date: date | None
    lines: tuple[str, ...] = ()  # every visible line of the page, for metadata fallbacks
    preformatted: frozenset[str] = frozenset()  # see preformatted_lines


def extract_html(html: str, today: date, options: dict | None = None) -> Page:
    """Article text (one block per line) and metadata; empty text when none is found.

    Args:
        html: the page source.
        today: the ingest date; a later publication date is refused.
        options: trafilatura.bare_extraction options (EXTRACT_OPTIONS when None).
    Returns:
        A Page; its text is "" when trafilatura finds no article.
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        return Page("", None, None, None, None)
    for element in tree.xpath(_HIDDEN):
        _remove(element)
    render_math(tree)
    unwrap_custom_elements(tree)
    collapse_whitespace(tree)
    unwrap_layout_tables(tree)
    wrap_loose_text(tree)
    doc = trafilatura.bare_extraction(deepcopy(tree), **options) if options else _extraction(tree)
    text = restore_headings(tree, normalise_blocks(doc.text or "")) if doc is not None else ""
    return Page(
        text=text,
        title=headline(tree, doc.title if doc is not None else None),
        author=doc.author if doc is not None else None,
        site=(doc.sitename if doc is not None else None) or _site_from_title(tree, doc),
        published_date=publication_date(tree, today),
        lines=tuple(visible_lines(tree)),
        preformatted=preformatted_lines(tree),
    )


def _extraction(tree: HtmlElement):
    """trafilatura's precise extraction, with what its recall-favouring one finds inside the
    article; or the recall one alone where the precise one keeps far less."""
    precise = trafilatura.bare_extraction(deepcopy(tree), **EXTRACT_OPTIONS)
    recall = trafilatura.bare_extraction(deepcopy(tree), **RECALL_OPTIONS)
    if precise is None:  # rare: the recall pass alone, with the metadata it skipped
        return trafilatura.bare_extraction(
            deepcopy(tree), **RECALL_OPTIONS | {"with_metadata": True}
        )
    if recall is None:
        return precise
    words = len((precise.text or "").split())
    if words < FALLBACK_MAX_WORDS and words < FALLBACK_SHARE * len((recall.text or "").split()):
        precise.text = recall.text
    else:
        precise.text = within_article(recall.text or "", precise.text or "")
    return precise


def render_math(tree: HtmlElement) -> None:
    """Each MathML formula as the text a browser shows: its symbols one space apart (never the
    TeX source of an <annotation>), a paragraph of its own when displayed as a block. trafilatura
    drops <math>, and a formula is article text. Measured with bench/cleaning_real.py: English F1
    0.967 -> 0.970 (mathjax 0.34 -> 0.80); other languages and the cleaning sets unchanged; its
    numbers are no figures (ingest.annotate.quantities: a formula's symbols)."""
    for math in list(tree.iter("math")):
        parent = math.getparent()
        if parent is None:
            continue
        for annotation in math.xpath(".//annotation|.//annotation-xml"):
            _remove(annotation)
        rendered = Element("p" if math.get("display") == "block" else "span")
        rendered.text = " ".join(" ".join(math.itertext()).split())
        rendered.tail = math.tail
        parent.replace(math, rendered)


def unwrap_custom_elements(tree: HtmlElement) -> None:
    """Each custom element (a web component: a tag named with a hyphen, `<mjx-container>`)
    replaced by its contents. A browser renders one as an inline box around them, but
    trafilatura drops the text and inline elements directly inside a tag it does not know, and
    the text after it (mathjax's inline formulas and the words between them). Measured with
    bench/cleaning_real.py: English F1 0.9712 -> 0.9729 (mathjax 0.80 -> 0.96); other languages
    and the cleaning sets unchanged."""
    for element in [e for e in tree.iter() if isinstance(e.tag, str) and "-" in e.tag]:
        element.drop_tag()


def collapse_whitespace(tree: HtmlElement) -> None:
    """The page's text nodes with their whitespace collapsed as a browser renders them (see
    collapse_space), except inside <pre> and its like (PRESERVE_WHITESPACE)."""
    kept = {e for p in tree.iter(*PRESERVE_WHITESPACE) for e in p.iter()}
    kept.update(tree.iter("script", "style"))  # never text; megabytes of inline code
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        text, tail = element.text, element.tail
        if text and _RUN_TO_COLLAPSE.search(text) and element not in kept:
            element.text = collapse_space(text)
        if tail and _RUN_TO_COLLAPSE.search(tail):
            parent = element.getparent()
            if parent is None or parent not in kept:
                element.tail = collapse_space(tail)


def collapse_space(text: str) -> str:
    """A text node as rendered: inner whitespace runs one space, an edge run one newline if it
    held one (else one space)."""
    text = _INNER_SPACE.sub(" ", text)
    return _EDGE_SPACE.sub(lambda m: "\n" if "\n" in m.group() else " ", text)


def wrap_loose_text(tree: HtmlElement) -> None:
    """Each run of loose text and inline elements after a block element, up to the next block,
    wrapped in a <p> of its own where its loose text is long enough (LOOSE_TEXT_MIN_WORDS)."""
    for block in list(tree.iter(*_BLOCKS)):
        parent = block.getparent()
        if parent is None or parent.tag not in _LOOSE_CONTAINERS:
            continue
        run = list(itertools.takewhile(lambda e: e.tag not in _BLOCKS, block.itersiblings()))
        loose = " ".join([block.tail or "", *(e.tail or "" for e in run)])
        if len(loose.split()) < LOOSE_TEXT_MIN_WORDS:
            continue
        paragraph = Element("p")
        paragraph.text, block.tail = block.tail, None
        paragraph.extend(run)
        block.addnext(paragraph)


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Each table that holds another table, its own rows and cells as <div>s: it lays the page
    out (Readability.js reads a table with a table inside as layout too). trafilatura reads a
    layout table's cell as one table cell, so an article laid out in one came out as a single
    line, without the data tables nested in it. Measured with bench/cleaning_real.py: English F1
    0.970 -> 0.971 (lwn-1 0.93 -> 0.98; tumblr 0.96 -> 0.99, with "+" read as a list marker),
    other languages 0.933 -> 0.936; the cleaning sets unchanged."""
    outer = [t for t in tree.iter("table") if next(t.iterdescendants("table"), None) is not None]
    owned = [
        e
        for t in outer
        for e in t.iter(*_TABLE_PARTS)
        if e is t or (e.tag != "table" and next(e.iterancestors("table"), None) is t)
    ]
    for element in owned:
        element.tag = "div"


def restore_headings(tree: HtmlElement, text: str) -> str:
    """The text with each section heading (<h2>-<h6>) put back between the two paragraphs it
    stands between on the page, where both are consecutive lines of the text. On some pages
    trafilatura keeps the paragraphs and drops the headings between them (keep-tabular-data's
    "Biter Bases"; lwn-1's once its layout table is unwrapped); a heading inside the article is
    article text (Readability keeps it).
    A heading in a box of its own between them ("Related", "Most Read") stays out. Measured with
    bench/cleaning_real.py: English F1 0.97396 -> 0.97405 (keep-tabular-data recall 0.978 ->
    0.989, lwn-1 0.983 -> 0.986), no page lower; without the box test seven pages took a box's
    heading (other languages 0.9355 -> 0.9350). The cleaning sets unchanged."""
    lines = text.split("\n")
    where = {line: i for i, line in reversed(list(enumerate(lines)))}
    inserts: dict[int, str] = {}
    order = list(tree.iter("p", "li", *SECTION_HEADINGS))  # document order
    for k, heading in enumerate(order):
        if heading.tag in ("p", "li"):
            continue
        words = " ".join(heading.text_content().split())
        if not words or words in where:
            continue
        box = heading.getparent()
        mine = set(heading.iterancestors()) | set(heading.iterdescendants())
        before = _next_block(reversed(order[:k]), ("p", "li"), mine)
        after = _next_block(order[k + 1 :], ("p",), mine)
        if before is None or after is None:
            continue
        if not all(box in block.iterancestors() for block in (before, after)):
            continue  # a box of its own between the paragraphs ("Related", "Most Read")
        previous = where.get(_block_line(before))
        following = where.get(_block_line(after))
        if previous is not None and following == previous + 1:
            inserts[following] = words
    return "\n".join(
        line for i, text_line in enumerate(lines) for line in (inserts.get(i), text_line) if line
    )


def _next_block(
    blocks: Iterable[HtmlElement], tags: tuple[str, ...], skip: set[HtmlElement]
) -> HtmlElement | None:
    """The first block of the tags with text, not one of skip (a heading's own ancestors)."""
    return next(
        (b for b in blocks if b.tag in tags and b not in skip and b.text_content().strip()), None
    )


def _block_line(block: HtmlElement) -> str:
    """A paragraph or list item as a line of the extracted text (a list item with its "- ")."""
    words = " ".join(block.text_content().split())
    return f"- {words}" if block.tag == "li" else words


def within_article(recall: str, precise: str) -> str:
    """The recall extraction's lines from the precise one's first line to its last: the precise
    extraction sets where the article starts and ends (a related list or comments outside it
    stay out), the recall one keeps the lists, headings and tables inside it that precision
    drops. Lines are compared as normalise_blocks writes them (a table row's cell padding
    differs between the two). When an end line is not in the recall text, the nearest precise
    line within ANCHOR_SEARCH_LINES of it that is sets the span, and the precise lines beyond it
    are kept as they are. The precise text as it is when no such line is found."""
    wide = [_line_key(ln) for ln in recall.splitlines()]
    narrow = [_line_key(ln) for ln in precise.splitlines() if ln.strip()]
    found = set(wide)
    firsts = [i for i, ln in enumerate(narrow[:ANCHOR_SEARCH_LINES]) if ln in found]
    lasts = [
        j for j, ln in enumerate(narrow) if j >= len(narrow) - ANCHOR_SEARCH_LINES and ln in found
    ]
    if not firsts or not lasts:
        return precise
    first, last = firsts[0], lasts[-1]
    start = wide.index(narrow[first])
    end = len(wide) - 1 - wide[::-1].index(narrow[last])
    if start > end:
        return precise
    return "\n".join(narrow[:first] + wide[start : end + 1] + narrow[last + 1 :])


def _line_key(line: str) -> str:
    """A line of extracted text as normalise_blocks writes it."""
    return normalise_blocks(line) or " ".join(line.split())


def normalise_blocks(text: str) -> str:
    """One block per line: table rows as "cell | cell", separator rows dropped."""
    out = []
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if line.startswith("|"):
            if set(line) <= set("|-: "):
                continue
            line = " | ".join(cell.strip() for cell in line.strip("| ").split("|"))
        if line:
            out.append(line)
    return "\n".join(out)


def publication_date(tree: HtmlElement, today: date) -> date | None:
    """The date the page's structured metadata publishes (JSON-LD datePublished, article or
    OpenGraph published_time, itemprop=datePublished), else htmldate's original publication
    date looked for outside comments, sidebars and footers."""
    stated = _iso_date(structured_date(tree), today)
    return stated or _htmldate(tree, today)


def structured_date(tree: HtmlElement) -> str | None:
    """The publication day the page's metadata states (JSON-LD first, then meta tags): of
    several, the first stamped in the outlet's own time zone ("2022-12-23T21:15:00-05:00"), whose
    day is the one printed on the story; else the first, its day as written."""
    stated = [
        d.strip() for d in _jsonld_values(tree, "datePublished") + tree.xpath(_PUBLISHED_META)
    ]
    days = [d for d in stated if _ISO_DAY.match(d)]
    local = [d for d in days if _LOCAL_OFFSET.search(d)]
    chosen = local or days
    return chosen[0][:10] if chosen else None


def _jsonld_values(tree: HtmlElement, key: str) -> list[str]:
    """The first string under key in each JSON-LD block that parses."""
    found = []
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            value = _jsonld_value(json.loads(_CDATA.sub("", script), strict=False), key)
        except ValueError:
            continue
        if value:
            found.append(value)
    return found


def _jsonld_value(data: object, key: str) -> str | None:
    """The first string under key in a JSON-LD document (objects, lists and @graph nested)."""
    if isinstance(data, dict):
        if isinstance(data.get(key), str):
            return data[key]
        data = list(data.values())
    if isinstance(data, list):
        return next((v for v in (_jsonld_value(d, key) for d in data) if v), None)
    return None


def _htmldate(tree: HtmlElement, today: date) -> date | None:
    """htmldate's original publication date, looked for outside comments, sidebars and footers."""
    pruned = deepcopy(tree)
    for element in pruned.xpath(_NOT_ARTICLE):
        _remove(element)
    for element in list(pruned.iter()):
        text = element.text_content() if isinstance(element, HtmlElement) else ""
        if len(text) <= STAMP_MAX_CHARS and _UPDATE_STAMP.match(text):
            _remove(element)
    found = find_date(
        pruned, extensive_search=False, original_date=True, max_date=today.isoformat()
    )
    return _iso_date(found, today)


def _remove(element: HtmlElement) -> None:
    """Take an element (and its tail text's place) out of the tree."""
    parent = element.getparent()
    if parent is not None:
        element.drop_tree()


def visible_lines(tree: HtmlElement) -> list[str]:
    """The page's visible text, one line per block element (scripts and styles left out)."""
    page = deepcopy(tree)
    for element in page.xpath("//script|//style|//noscript|//template|//head"):
        _remove(element)
    for element in page.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    lines = (" ".join(ln.split()) for ln in page.text_content().splitlines())
    return [ln for ln in lines if ln]


def preformatted_lines(tree: HtmlElement) -> frozenset[str]:
    """The lines of the page's <pre> blocks (code samples, protocol listings, RFC text, poems),
    whitespace collapsed as normalise_blocks writes them: the author laid them out line by line,
    so the line rules keep them as they are (an HTTP header or a reference is no page chrome)."""
    return frozenset(
        line
        for pre in tree.iter("pre")
        for line in (" ".join(ln.split()) for ln in pre.text_content().splitlines())
        if line
    )


def headline(tree: HtmlElement, extracted: str | None) -> str | None:
    """The story's headline. trafilatura's pick is often a page's only <h1>, which may be a
    section's or the site's name ("Allergies Health Center"); where it does not share most of its
    words with the headline the metadata states (JSON-LD headline, og:title, twitter:title), the
    stated one is taken; with none stated, the first part of "Headline | Site" in <title> is taken
    only if it is the longer, since a <title> may name just the section ("Press Release | DPH")."""
    stated = next(
        (t for t in [*_jsonld_values(tree, "headline"), *tree.xpath(_TITLE_META)] if t.strip()),
        None,
    )
    if stated is None:
        titled = " ".join(_TITLE_SPLIT.split(tree.findtext(".//title") or "")[0].split())
        longer = len(titled.split()) > len((extracted or "").split())
        stated = titled if longer else None
    if not stated or (extracted and _shares_words(extracted, stated)):
        return extracted or stated
    return " ".join(stated.split())


def _shares_words(a: str, b: str) -> bool:
    """Most words of the shorter of two titles are words of the other."""
    words_a, words_b = (set(re.findall(r"\w+", t.casefold())) for t in (a, b))
    shorter = min(words_a, words_b, key=len)
    return len(words_a & words_b) >= TITLE_WORDS_SHARED * len(shorter)


def _site_from_title(tree: HtmlElement, doc: object) -> str | None:
    """The part of "Headline | Site" in <title> that is not the headline nor a section name."""
    title = tree.findtext(".//title") or ""
    parts = [p.strip() for p in _TITLE_SPLIT.split(title) if p.strip()]
    headline = (getattr(doc, "title", None) or "").casefold()
    names = [p for p in parts[1:] + parts[:1] if p.casefold() != headline and len(p.split()) > 1]
    return names[0] if len(parts) > 1 and names else None


def _iso_date(value: str | None, today: date) -> date | None:
    """A YYYY-MM-DD date, refused if it lies after the ingest date."""
    if not value:
        return None
    parsed = date.fromisoformat(value[:10])
    return parsed if parsed <= today else None
