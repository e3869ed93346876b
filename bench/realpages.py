"""The real saved pages in ../shared/real_pages/readability, as benches and labelled sets read them.

Each page folder holds `source.html` (the page as saved), `expected.html` (Readability.js's
article body, the reference) and `expected-metadata.json`. The pages are Apache-2.0 (Mozilla's
Readability.js test pages) and stay outside the project: labelled sets name a page by its folder
and rebuild its text with `reference_text`, which must therefore never change its output.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
READABILITY = ROOT.parent / "shared" / "real_pages" / "readability"
# Elements that start a new paragraph of the reference text.
BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 td th tr blockquote pre figcaption dt dd table ul ol section "
    "article header footer br".split()
)


@dataclass(frozen=True, slots=True)
class RealPage:
    name: str
    folder: Path
    metadata: dict

    @property
    def source(self) -> str:
        return (self.folder / "source.html").read_text(encoding="utf-8")

    @property
    def expected(self) -> str:
        return (self.folder / "expected.html").read_text(encoding="utf-8")


def real_pages(root: Path = READABILITY) -> list[RealPage]:
    """Every page folder under root, sorted by name; [] when the shared data is absent."""
    if not root.is_dir():
        return []
    return [
        RealPage(d.name, d, json.loads((d / "expected-metadata.json").read_text(encoding="utf-8")))
        for d in sorted(root.iterdir())
        if (d / "source.html").is_file() and (d / "expected.html").is_file()
    ]


def reference_text(expected_html: str) -> str:
    """The reference extraction as plain text: one paragraph per block, joined by blank lines,
    whitespace inside a paragraph collapsed to single spaces."""
    tree = lxml_html.fromstring(expected_html)
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    for element in tree.iter():
        if isinstance(element.tag, str) and element.tag in BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in tree.text_content().splitlines())
    return "\n\n".join(line for line in lines if line) + "\n"
