"""What page chrome looks like: the named line rules that widget_kind applies.

Each rule is an entry: a name, the verdict kind it gives, why such a line is chrome, what it
matches, examples (each tested to get this kind: tests/clean/test_chrome.py) and the longest line
it may match. Rules apply in table order and the first match wins; to add one, add an entry with
its examples and re-run bench/cleaning.py on every set (and bench/cleaning_real.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Lines shorter than this many words that carry a phone number, e-mail or web address and are
# not a sentence are contact lines. Set on the corpus (bench/cleaning.py).
CONTACT_MAX_WORDS = 20
# Bylines and the like are short; longer lines are article text. A stamp line may carry two
# dates ("Publié le ..., mis à jour le ..."). Set on the corpus (bench/cleaning.py).
META_MAX_WORDS = 14
STAMP_MAX_WORDS = 20
# Chrome is short: a line of more words is article text whatever it mentions (the longest chrome
# line in the cleaning sets is a 41-word donation appeal; real pages' paragraphs about cookies,
# bios of people in the story and sentences naming Google Play run to 60-190 words). Set on the
# cleaning sets and the real pages (bench/cleaning.py, bench/cleaning_real.py).
WIDGET_MAX_WORDS = 60
# App promos are a line or two ("Download the free ... app for iPhone and Android", 15 words in
# the sets); a sentence that names an app store is news ("... available to rent on Google Play").
APP_MAX_WORDS = 20

Matcher = Callable[[str, "str | None"], bool]


@dataclass(frozen=True, slots=True)
class LineRule:
    """One kind of chrome: a line it matches is dropped wherever it appears."""

    name: str
    kind: str  # the verdict's kind; several rules may give one ("credit", "contact")
    why: str
    matches: Matcher  # (line without list marker, the byline's author or None) -> is chrome
    examples: tuple[str, ...]
    max_words: int = WIDGET_MAX_WORDS


def rule(
    name: str,
    why: str,
    matches: Matcher,
    examples: tuple[str, ...],
    *,
    kind: str | None = None,
    max_words: int = WIDGET_MAX_WORDS,
) -> LineRule:
    """A LineRule whose kind is its name unless given."""
    return LineRule(name, kind or name, why, matches, examples, max_words)


def _pattern(body: str) -> Matcher:
    """The whole line matches body (case-insensitive, verbose regex)."""
    compiled = re.compile("^(?:" + body + "\n)$", re.IGNORECASE | re.VERBOSE)
    return lambda text, _author: bool(compiled.match(text))


def _pattern_not_sentence(body: str) -> Matcher:
    """The whole line matches body and is not a written sentence."""
    match = _pattern(body)
    return lambda text, author: match(text, author) and not _is_sentence(text)


_SENTENCE_END = re.compile(r"[.!?:;\"”’»)…]\s*$")
_STATEMENT_END = re.compile(r"[.!?\"”’»)…]\s*$")
_LIST_MARKER = re.compile(r"^(?:[-+•*▪◦]\s+|\d{1,2}[.)]\s+)")
_BULLET = re.compile(r"^[-+•*▪◦]\s+")
_DATE_WORDS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|januar|februar|märz|juni|juli|oktober|dezember"
)
_HAS_DATE = re.compile(
    rf"\b(?:(?:{_DATE_WORDS})\s+\d{{1,2}}\b|\d{{1,2}}\.?\s+(?:{_DATE_WORDS})\b"
    r"|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\d{4}-\d{2}-\d{2}\b)",
    re.IGNORECASE,
)
_STAMP_CUE = re.compile(
    r"^(?:published|posted|updated|last\s+(?:updated|modified|reviewed)|modified|release\s+date"
    r"|for\s+immediate\s+release|released|dated?|publié|mis\s+à\s+jour|publicado|actualizado"
    r"|veröffentlicht|aktualisiert|pubblicato|aggiornato|page\s+last|and\s+last\s+updated)\b",
    re.IGNORECASE,
)
# A person's name as bylines print it (also used by meta.py).
NAME_PATTERN = r"[A-ZÀ-Þ][\w.'’-]*(?:\s+(?:[A-ZÀ-Þ][\w.'’-]*|de|da|van|von|del|la|le)){0,3}"
_SOCIAL = frozenset(
    [
        "share",
        "shares",
        "sharing",
        "facebook",
        "twitter",
        "x",
        "email",
        "e-mail",
        "linkedin",
        "reddit",
        "whatsapp",
        "print",
        "copy",
        "link",
        "copied",
        "pinterest",
        "flipboard",
        "tweet",
        "pin",
        "comment",
        "comments",
        "messenger",
        "telegram",
    ]
)

# Case-sensitive patterns: names, bylines, wire slugs.
_BYLINE = re.compile(
    rf"^(?:(?:by|By|BY)\s+{NAME_PATTERN}.*|.{{2,60}}\s+\|\s+[Bb]y\s+.+"
    rf"|(?:[Aa]uthor|[Ww]ritten\s+by|Par|Por|Von|Di)\s*:?\s+{NAME_PATTERN}(?:,.*)?"
    rf"|News\s+provided\s+by|{NAME_PATTERN}\s*,\s*(?:Staff|Senior|Contributing)\b.*)$"
)
_WIRE_SLUG = re.compile(r"^[A-Z]{2,6}(?:/[a-z]{2,4}){1,4}$")
# "Diane Orson is a special correspondent with ...", "Tom Hadley covers criminal justice for ...".
_BIO = re.compile(
    rf"^{NAME_PATTERN}\s+(?:(?:is|was|reports|writes|has\s+covered|joined)\b.{{0,120}}?"
    r"\b(?:correspondent|reporter|writer|editor|journalist|contributor|producer|host|columnist"
    r"|intern|meteorologist|anchor|newsroom|station)"
    r"|(?:covers|reports\s+on|writes\s+about)\s+[\w ,&'’-]+\s+for\s+(?:the\s+)?[A-Z])"
)
# Donation appeals: the outlet (we/us/our, or its newsroom or journalism) asks the reader
# (you/your) to donate, give or join.
_APPEAL = re.compile(
    r"(?=.*\b(?:you|your)\b)(?=.*\b(?:we|us|our|newsroom|journalism)\b)"
    r"(?=.*\b(?:donat\w*|donor|members|membership|sustaining\s+member|pledge|gift)\b)",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"[“\"«„]")
_APP_PROMO = _pattern(
    r"""download\s+(?:the|our)\s+.*\bapp\b.*|.*\bapp\s+for\s+(?:iphone|ios|android)\b.*"""
)
_APP_BADGE = _pattern_not_sentence(r""".*\b(?:app\s+store|google\s+play)\b.*""")
# "About Harborline Energy" (a heading) and "About the Coalition: The Coalition is ..." start the
# boilerplate paragraph about the organisation.
_ABOUT = re.compile(
    r"^About\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of|for|the|and|&|[A-Z][\w&.'’-]*)){0,6}(?::\s.*)?$"
)
# "Diane Orson / Creative Commons": photographer, "/", agency, then the caption.

RULES: tuple[LineRule, ...] = (
    rule(
        "copyright",
        "a copyright or reproduction notice",
        _pattern(
            r"""(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*|\(c\)\s*)?\d{4}|copyright\s+©).*|.*\S\s©\s.*|.*\ball\s+rights\s+reserved\b.*
            | this\s+(?:material|article|story)\s+may\s+not\s+be\s+(?:published|reproduced)\b.*
            | .*\bsolely\s+responsible\s+for\s+all\s+content\b.*"""
        ),
        (
            "© 2023 Valley Public Media",
            "Copyright 2024 The Harbor Ledger. All rights reserved.",
        ),
    ),
    rule(
        "station",
        "broadcast chrome: FCC and public-file links, live-player labels, call-sign rows, donate buttons, weather widgets",
        _pattern(
            r"""fcc\b.*|.*public\s+(?:inspection\s+)?files?\b.*|atsc\s+3\.0.*|eeo\s+(?:public\s+)?(?:file|report)
            | play\s+live\s+radio|available\s+on\s+air\s+stations|on\s+air\s+now.*|(?:listen|watch)\s+(?:live|now)
            | now\s+playing|autoplay\b.*|listen\s+to\s+this\s+(?:article|story)|\d+\s+min(?:ute)?s?\s+read
            | (?:[A-Z]{4}(?:-[A-Z]{2})?\s*·\s*)+[A-Z]{4}(?:-[A-Z]{2})?.*  # call signs: WEDH · WEDN
            | closed\s+captioning.*|(?:donate|give)(?:\s+(?:now|today))?|double\s+my\s+gift|-?\d+\s*°[FC]?"""
        ),
        (
            "Give now",
            "WVPM · WVPM-FM · WVPB · WVPR",
            "FCC Public Inspection File",
        ),
    ),
    rule(
        "player",
        "media-player controls and bare counters",
        _pattern(r"""[\d:\s/]+  # player controls (0:00 / 2:05) and bare counters"""),
        ("0:00 / 2:05",),
    ),
    rule(
        "share",
        "share and print buttons",
        _pattern(
            r"""(?:share|like|print|email|tweet|pin)\s*(?:this(?:\s+(?:story|article|page|post))?)?\s*:?
            | share\s+(?:on|via|to|by)\s+\w+.*|click\s+to\s+(?:share|email|print)\b.*|like\s+loading\.*
            | (?:partager|compartir|teilen|condividi)(?:\s+(?:sur|en|auf|su|on)\s+\w+)?|copier\s+le\s+lien|copy\s+link|link\s+copied"""
        ),
        (
            "Share this story",
            "Click to share on Facebook (Opens in new window)",
        ),
    ),
    rule(
        "comment-form",
        "a comment form's labels and buttons",
        _pattern(
            r"""you\s+are\s+commenting\s+using.*|fill\s+in\s+your\s+details\s+below.*
            | connecting\s+to\s+%s|log\s+out\s*/.*|notify\s+me\s+of.*|save\s+my\s+name,?\s+email.*
            | (?:post\s+(?:a\s+)?comment|reply|log\s+in\s+to\s+reply|cancel\s+reply)
            | .*\bcomments?\s+are\s+(?:closed|subject\s+to)\b.*|please\s+log\s+in\s+or\s+register.*"""
        ),
        (
            "Notify me of new posts by email.",
            "Cancel reply",
        ),
    ),
    rule(
        "nav",
        "navigation and account links",
        _pattern(
            r"""(?:sign\s+in|log\s*in|log\s+out|register|subscribe(?:\s+now)?|menu|search|home|tools|rss
            | prev(?:ious)?|next|back\s+to\s+top|watch\s+now|site\s+map|accessibility|contact\s+us
            | se\s+connecter|s'abonner|s’abonner|s'inscrire|s’inscrire|anmelden|abonnieren
            | iniciar\s+sesión|suscríbete)
            | skip\s+to\s+.*|(?:\w+\s+){0,2}sign\s+in\b[^.!?]{0,30}|return\s+to\s+(?:full\s+)?list.*|notify\s+me®?
            | create\s+a\s+website\s+account.*|.*\bwebsites?\s+by\s+\w+.*"""
        ),
        (
            "Skip to content",
            "Sign in",
        ),
    ),
    rule(
        "newsletter",
        "newsletter boxes and sign-up calls",
        _pattern(
            r"""(?=.*\b(?:sign(?:ed)?\s+up|subscribe|inbox|receive|get|abonnez|inscri)).*\bnewsletters?\b.*
            | (?:[\w’'-]+\s+){0,4}newsletters?|.*\bin\s+your\s+inbox\b.*|sign\s+up(?:\s+for\b[^.!?]{0,60})?|join\s+[\d,]+\s+other\s+subscribers.*
            | enter\s+your\s+e-?mail\s+address.*|subscribe\s+to\s+.{0,40}
            | subscribe\s+to\s+.{0,60}\b(?:alerts|updates|news\s+releases)\b.*
            | get\s+(?:news\s+releases|alerts|updates|breaking\s+news)\s+(?:by|via)\s+(?:e-?mail|text).*
            | (?:receive|get|recevez|erhalten|recibe).{0,60}\b(?:every|each|chaque|jeden|cada)\s+\w*\s*(?:morning|day|weekday|week|matin|jour|morgen|tag|mañana|día)\b.*
            | vous\s+avez\s+lu\s+\d+\s+articles?.*|abonnez-vous\b.*"""
        ),
        (
            "Get news releases by email or text",
            "Sign up for our morning newsletter",
        ),
    ),
    rule(
        "link",
        "a bare link",
        _pattern(
            r"""\(?(?:[^()]{0,80}:\s*)?<?(?:https?://|www\.)\S+>?\)?  # (Campaign link here: <url>)"""
        ),
        ("https://example.org/report",),
    ),
    rule(
        "download",
        "a download link for an attached file",
        _pattern(r"""(?:download|view|read)\b.{0,80}\((?:pdf|docx?|xlsx?|csv|zip)\b.*\)"""),
        ("Download the full report (PDF, 2.1 MB)",),
    ),
    rule(
        "app",
        "an app promo",
        # A sentence naming a store ("... available to rent on Google Play.") is news; a promo
        # asks for the download or is a badge.
        lambda text, author: _APP_PROMO(text, author) or _APP_BADGE(text, author),
        (
            "Get storm alerts: Download the free KBTV 4 News app for iPhone and Android.",
            "Get it on Google Play",
        ),
        max_words=APP_MAX_WORDS,
    ),
    rule(
        "funding",
        "an underwriting credit",
        _pattern(
            r"""this\s+(?:news\s+)?(?:story|report|coverage|content|program)\s+(?:is|was)\s+(?:made\s+possible|funded|supported|underwritten)\b.*
            | .*\breceives\s+support\s+from\b.*\bfoundation\b.*"""
        ),
        ("This story was made possible by a grant from the Knight Foundation.",),
    ),
    rule(
        "ad",
        "an ad slot's label",
        _pattern(
            r"""advertisement|sponsored(?:\s+content)?|story\s+continues\s+(?:below|after)(?:\s+.{0,20})?
            | anzeige|werbung|publicité|publicidad|pubblicità|loading\.{3}"""
        ),
        (
            "Story continues below advertisement",
            "Advertisement",
        ),
    ),
    rule(
        "related",
        "a related-stories link with its label",
        _pattern(
            r"""(?:related|read\s+more|read\s+next|see\s+(?:more|also)|also\s+read|read\s+also|also\s+on\s+\S+|more|watch|listen
            | live\s+results|lire\s+aussi|à\s+lire\s+aussi|mehr\s+zum\s+thema|lesen\s+sie\s+auch
            | lee\s+también|leer\s+más|ver\s+también|leggi\s+anche)\s*:\s*.*
            | see\s+stories\s+by\b.*|learn\s+more\s+at\b.*|more\s+(?:stories|articles)\s+(?:by|from)\b.*"""
        ),
        (
            "READ NEXT: County raises landfill fee to $58 a ton",
            "Related: Council delays vote",
        ),
    ),
    rule(
        "credit",
        "photo, reporting and editing credits, image placeholders, editors' notes, captions ending in Name / Outlet",
        _pattern(
            r"""(?:photo|image|video|graphic|illustration|file\s+photo)s?(?:\s+(?:credit|courtesy|by))?\s*:.*
            | (?:additional\s+)?(?:reporting|writing|editing)\s+by\b.*|our\s+standards:.*
            | \[(?:img|image|photo|video|chart|map|graphic)\b[^\]]*\].*  # text dumps' image placeholders
            | (?-i:[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?\s+reported\s+from\s+[A-Z][\w.-]*(?:,?\s+[A-Z][\w.-]*){0,3})\.(?:\s+.*\bcontributed\b.*)?
            | eds?\s*:.*|editor[’']?s\s+note\s*:.*
            | .*\bcontributed\s+(?:to\s+)?this\s+(?:report|story)\.?
            | .*\b(?:photos?|foto|image|crédit|credit|courtesy)\b[^.]*\s/\s[^/]{2,40}  # "Photo X / Agency"
            | .{10,300}[.!?]\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,2}\s/\s[A-Z][^/.]{2,50}  # a caption ending in Name / Outlet"""
        ),
        (
            "[IMG] Bins overflow at the drop-off site. (Photo courtesy of the county)",
            "Ruiz reported from Hartford. Staff writer Al Dunn contributed from Boston.",
            "Eds: This version corrects the spelling of a name.",
            "A crew patches the road near Exit 12 on Tuesday. Marta Ruiz / Valley Public Media",
        ),
    ),
    rule(
        "print",
        "a print-edition note",
        _pattern(
            r"""(?:a\s+version\s+of\s+)?this\s+(?:article|story)\s+(?:also\s+)?appeared\s+(?:in\s+print|in\s+the\b.{0,60}\bprint\s+edition)\b.*"""
        ),
        (
            "A version of this article appeared in print on March 13, 2024, on Page A1.",
            "This story appeared in the Wednesday, Jan. 15, 2025, print edition of the Observer.",
        ),
    ),
    rule(
        "contact",
        "contact lines: media contacts, phone, fax, e-mail, office hours, a street address with ZIP",
        _pattern_not_sentence(
            r"""(?:media|press)\s+contacts?\b.*|contacts?\s*:.*|(?:phone|tel|fax|e-?mail)\s*:.*
            | (?:office|lobby|business)\s+hours\s*:.*
            | \d+\s+[\w. ]{2,40},\s+[\w .]{2,30},\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?  # "115 N. Court Street, Calder, OH 45999"
            | \S+@\S+\.\w+|[\d\s().+-]{7,}"""
        ),
        (
            "115 N. Court Street, Calder, OH 45999",
            "Lobby hours: Monday - Friday, 8 a.m. - 4:30 p.m.",
            "Media contact: Ana Ruiz",
        ),
    ),
    rule(
        "tags",
        "tag and category lists",
        _pattern(
            r"""(?:tags?|tagged(?:\s+with)?|filed\s+under|categor(?:y|ies)|posted\s+in|topics?|keywords
            | schlagworte|étiquettes|etiquetas)\s*:.*|posted\s+in\s+.*\|.*"""
        ),
        ("Filed Under: Taxes, Housing Tagged With: property tax, revaluation, appeals",),
    ),
    rule(
        "legal",
        "legal links and cookie-consent banners",
        _pattern(
            r"""(?:privacy\s+policy|terms\s+of\s+(?:use|service)|cookie\s+(?:policy|settings)|do\s+not\s+sell.*
            | accept\s+(?:all\s+)?cookies|mentions\s+légales|impressum|datenschutz|aviso\s+legal).{0,80}
            | .*\bwe\s+use\s+cookies\b.*|.*\bby\s+signing\s+up\b.*|was\s+this\s+page\s+helpful\?.*
            | (?=.*\bcookies\b).*\b(?:agree|accept|consent|manage\s+(?:choices|preferences)|privacy)\b.*  # consent banners"""
        ),
        (
            "We value your privacy. We and our partners use cookies to deliver and improve our services. Manage choices   Agree",
            "Privacy Policy",
        ),
    ),
    rule(
        "email",
        "e-mail newsletter chrome and headers",
        _pattern(
            r"""view\s+(?:this\s+)?e-?mail\s+in\s+(?:your|a)\s+browser|.*\bunsubscribe\b.*
            | you\s+are\s+receiving\s+this\s+(?:e-?mail|message)\b.*|from:\s.*@.*|subject:\s.*"""
        ),
        (
            "View this email in your browser",
            "Subject: NEWS: Beach closures doubled in 2015",
        ),
    ),
    rule(
        "end-mark",
        "an end-of-copy mark",
        _pattern(r"""\#{3}|-\s*30\s*-|_{3,}|[—–-]{1,2}|[—–-]?\s*end\s*[—–-]?"""),
        (
            "###",
            "- END -",
        ),
    ),
    rule(
        "contact-details",
        "a short non-sentence carrying a phone number, e-mail or web address",
        lambda text, _a: _has_contact(text) and not _is_sentence(text),
        ("75 Charter Oak Ave., Suite 210, Hartford, CT 06106 • 860-555-0163",),
        kind="contact",
        max_words=CONTACT_MAX_WORDS - 1,
    ),
    rule(
        "share-words",
        "a row of share-button words",
        lambda text, _a: all(w.strip(".,:|·").lower() in _SOCIAL for w in text.split()),
        ("Facebook Twitter Email Print",),
        kind="share",
    ),
    rule(
        "byline",
        "a byline, not ending like a sentence",
        lambda text, _a: not _STATEMENT_END.search(text) and bool(_BYLINE.match(text)),
        ("By Ana Ruiz", "Mid-State Public Media | By Hannah Cho"),
        max_words=META_MAX_WORDS,
    ),
    rule(
        "stamp",
        "a publication or update stamp led by its cue",
        lambda text, _a: not _STATEMENT_END.search(text) and bool(_STAMP_CUE.match(text)),
        ("Published July 21, 2022 at 5:14 PM EDT", "Updated: 11:05 AM CST Jan 16, 2024"),
        max_words=STAMP_MAX_WORDS,
    ),
    rule(
        "date",
        "a line that is little besides a date, times and a 'by <name>'",
        lambda text, _a: (
            not _STATEMENT_END.search(text) and bool(_HAS_DATE.search(text)) and _is_stamp(text)
        ),
        ("March 10, 2021 by Gail Stroud",),
        max_words=STAMP_MAX_WORDS,
    ),
    rule(
        "wire-slug",
        "a wire service's desk slug",
        lambda text, _a: bool(_WIRE_SLUG.match(text)),
        ("AP/mm/ks",),
        kind="credit",
    ),
    rule(
        "bio",
        "the author's or a reporter's bio",
        lambda text, author: (
            bool(_BIO.match(text)) or bool(author and _is_author_bio(text, author))
        ),
        (
            "Tom Hadley covers criminal justice for Valley Public Media.",
            "Eli Ramos is Harbor Public Radio’s city hall reporter.",
        ),
    ),
    rule(
        "about",
        "'About <Org>: ...', the boilerplate paragraph about the organisation",
        lambda text, _a: bool(_ABOUT.match(text)) and ":" in text,
        ("About the Coalition for Safe Homes: The Coalition is a statewide network.",),
    ),
    rule(
        "donation",
        "the outlet asks the reader to donate, give or join (a quotation is news, not an appeal)",
        lambda text, _a: bool(_APPEAL.match(text)) and not _QUOTE.search(text),
        (
            "Become a sustaining member of our newsroom, powered by you.",
            "Support for independent journalism comes from readers like you. Your gift to the "
            "Harbor Ledger keeps reporters at city hall.",
        ),
    ),
    rule(
        "menu",
        "a navigation or footer link row",
        lambda text, _a: _is_menu(text),
        ("Home | News | Sports | Obituaries | Opinion | Business | e-Edition",),
        kind="nav",
    ),
)


def strip_list_marker(line: str, numbers: bool = True) -> str:
    """A list item without its "- ", "• ", "* ", "1. " or "1) " marker; with numbers=False a
    number stays (an HTML extractor marks every list item "- ", so a number there is the
    author's: a ranked list's "21) Star Wars", a listicle's "5. Beware the hairdryer")."""
    return (_LIST_MARKER if numbers else _BULLET).sub("", line, count=1)


def widget_kind(line: str, author: str | None = None) -> str | None:
    """The kind of chrome this line is wherever it appears, or None: the first rule of RULES
    that matches it within its length."""
    text = strip_list_marker(line)
    if is_table_row(text) or is_code(text):
        return None
    words = len(text.split())
    return next((r.kind for r in RULES if words <= r.max_words and r.matches(text, author)), None)


_CELL_SEPARATOR = re.compile(r" [|│] ")
_NUMERIC_CELL = re.compile(r"^[-+−]?[$€£]?\d[\d,.]*\s*%?$")


def is_table_row(text: str) -> bool:
    """A table row as HTML extraction writes it ("Homicide | 12 | 9 | -25%"), or as a terminal
    draws one ("200 │ 2020-08-01 18:00 │ 4084"): some cell a figure."""
    cells = [c.strip() for c in _CELL_SEPARATOR.split(text)]
    return len(cells) >= 2 and any(_NUMERIC_CELL.match(c) for c in cells)


# Code samples in technical articles carry URLs, dates and e-mail addresses, yet no chrome line
# has braces, a statement's semicolon, a shell prompt or a quoted URL. Set on the real pages
# (bench/cleaning_real.py: 002, ietf-1, toc-missing).
_CODE = re.compile(r"""[{}]|;\s*$|\);|::\w|=>|^\$\s|^--\s|["']https?://""")


def is_code(text: str) -> bool:
    """A line of a code sample or protocol listing, which is article text."""
    return bool(_CODE.search(text))


_CONTACT = re.compile(r"\(?\d{3}\)?[-/.\s]\d{3}-\d{4}|\b\d{3}-\d{4}\b|@\w+\.\w+|www\.\w+|https?://")


def _has_contact(text: str) -> bool:
    """A phone number, e-mail or web address."""
    return bool(_CONTACT.search(text))


def _is_sentence(text: str) -> bool:
    """A written sentence with a few words ("The hotline number is 888-373-7888.")."""
    words = text.split()
    return len(words) >= 4 and bool(_STATEMENT_END.search(text)) and ":" not in " ".join(words[:3])


def _is_stamp(text: str) -> bool:
    """A date line: little besides the date, times and a "by <name>"."""
    rest = re.sub(r"\bby\s+.*$", "", _HAS_DATE.sub(" ", text), flags=re.IGNORECASE)
    rest = re.sub(r"\b\d[\d:,.]*\s*(?:[ap]\.?m\.?|h\d*|[A-Z]{2,4})?\b|\bat\b|\bET\b", " ", rest)
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 3


def _is_author_bio(text: str, author: str) -> bool:
    """A sentence about the byline's author: "Brennan covers health policy for ..."."""
    first = author.split(";")[0].strip()
    names = {first, first.split()[-1]} if first else set()
    return any(
        re.match(rf"{re.escape(n)}\s+(?:is|was|covers|reports|writes|joined|has)\b", text)
        for n in names
        if len(n) > 2
    )


def _is_menu(text: str) -> bool:
    """A navigation or footer link row: 3+ short segments split by |, ·, • or », no figures."""
    parts = [p.strip() for p in re.split(r"\s[|·•»>]\s|\s[|·•»>]$", text) if p.strip()]
    return len(parts) >= 3 and all(
        (len(p.split()) <= 5 and not re.search(r"\d", p)) or _has_contact(p) for p in parts
    )
