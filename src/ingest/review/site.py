"""`ingest review`: a static site over the warehouse, so a reviewer can see what the pipeline
took from each article. It opens from file:// with nothing fetched from anywhere: one style
sheet next to the pages, no scripts, no fonts.

Pages: index.html (every document and every quarantined file), docs/<doc>.html (the cleaned
text with claims, entities and any other stored spans highlighted, the claims table, and each
other per-document view collapsed, such as what cleaning removed) and measures.html (figures on
the same measure across articles, disagreements marked). Views are listed from the warehouse:
a new view with a doc_id column gets its count on the index and its section on each page, and
one with char_start/char_end is highlighted as well, without a change here.
"""

from __future__ import annotations

import logging
import shutil
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ingest.dictionary import read_dictionary
from ingest.review.highlight import Mark, anchor_id, render, sentence_start
from ingest.views import list_views, snapshot, view_rows

log = logging.getLogger(__name__)

TEMPLATES = Path(__file__).with_name("templates")
STYLE = "style.css"
# Views shown in a place of their own rather than as a section of each document page.
OWN_PLACE = frozenset({"documents", "quarantine", "measures"})
SPAN_COLUMNS = frozenset({"doc_id", "char_start", "char_end"})
HIDDEN_COLUMNS = frozenset({"doc_id", "load_id"})
CLAIM_LABEL = "CLAIM"
# displaCy has colours for the OntoNotes labels; claims get one of their own.
COLORS = {CLAIM_LABEL: "#ffd166"}


@dataclass(frozen=True, slots=True)
class Site:
    index: Path
    documents: int
    claims: int
    quarantined: int


def build_site(db_path: Path, out_dir: Path) -> Site:
    """Write the review site for the warehouse at db_path into out_dir.

    Args:
        db_path: the warehouse to read (the analysts' snapshot by default).
        out_dir: created if missing; pages of an earlier build are overwritten.
    Returns:
        The index page's path and what the site shows.
    Raises:
        WarehouseNotFound: no file at db_path.
    """
    with snapshot(db_path) as con:
        views = list_views(con)
        rows = {v.name: view_rows(con, v.name) for v in views}
    columns = {v.name: v.columns for v in views}
    per_doc = [v.name for v in views if "doc_id" in v.columns and v.name not in OWN_PLACE]
    grouped = {name: _by_doc(rows[name]) for name in per_doc}
    docs = sorted(rows.get("documents", []), key=_newest_first)
    pages = {d["doc_id"]: f"docs/{d['doc_id'][:16]}.html" for d in docs}
    env = _environment(has_measures="measures" in rows)
    (out_dir / "docs").mkdir(parents=True, exist_ok=True)
    shutil.copyfile(TEMPLATES / STYLE, out_dir / STYLE)
    claim_links = _write_documents(env, out_dir, docs, grouped, columns, pages)
    index = env.get_template("index.html").render(
        root="", docs=[_index_row(d, per_doc, grouped, pages) for d in docs], counts=per_doc,
        quarantine=rows.get("quarantine", []),
    )  # fmt: skip
    (out_dir / "index.html").write_text(index, "utf-8")
    if "measures" in rows:
        measures = _measures(rows["measures"], claim_links)
        html = env.get_template("measures.html").render(root="", measures=measures)
        (out_dir / "measures.html").write_text(html, "utf-8")
    claims = sum(len(v) for v in grouped.get("claims", {}).values())
    log.info("review site: %d documents, %d claims -> %s", len(docs), claims, out_dir)
    return Site(out_dir / "index.html", len(docs), claims, len(rows.get("quarantine", [])))


def _environment(has_measures: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined
    )
    env.filters["number"] = _number
    env.globals["has_measures"] = has_measures
    return env


def _write_documents(
    env: Environment,
    out_dir: Path,
    docs: list[dict[str, Any]],
    grouped: dict[str, dict[str, list[dict[str, Any]]]],
    columns: dict[str, tuple[str, ...]],
    pages: dict[str, str],
) -> dict[str, str]:
    """Write each document's page; returns claim_id -> link to the claim's sentence."""
    about = {v.name: v for v in read_dictionary()}
    template = env.get_template("document.html")
    claim_links: dict[str, str] = {}
    for doc in docs:
        own = {name: rows.get(doc["doc_id"], []) for name, rows in grouped.items()}
        page = _document(doc, own, columns, about, pages)
        link = pages[doc["doc_id"]]
        claim_links.update({c["claim_id"]: f"{link}{c['href']}" for c in page["claims"]})
        (out_dir / link).write_text(template.render(root="../", **page), "utf-8")
    return claim_links


def _document(
    doc: dict[str, Any],
    own: dict[str, list[dict[str, Any]]],
    columns: dict[str, tuple[str, ...]],
    about: dict[str, Any],
    pages: dict[str, str],
) -> dict[str, Any]:
    """The document page's content: highlighted text, claims table, other views' sections."""
    text = doc["text"]
    claims = [
        _claim_row(c, text) for c in sorted(own.get("claims", []), key=lambda c: c["char_start"])
    ]
    sentences = [
        (c["sentence_start"], c["sentence_end"]) for c in claims if c["sentence_start"] is not None
    ]
    marks = _marks(own, columns)
    sections = [
        {"view": name, "about": about.get(name), "columns": [c for c in columns[name] if c not in HIDDEN_COLUMNS], "rows": own[name]}
        for name in own
        if name != "claims"
    ]  # fmt: skip
    return {
        "doc": doc,
        "title": doc["title"] or doc["source_file"],
        "text_html": render(text, marks, sentences, COLORS),
        "claims": claims,
        "sections": sections,
        "duplicate_of": pages.get(doc["duplicate_of"] or ""),
        "superseded_by": pages.get(doc["superseded_by"] or ""),
    }


def _claim_row(claim: dict[str, Any], text: str) -> dict[str, Any]:
    """A claim with the link to its highlighted sentence (or to its figure when the stored
    sentence is not found in the text as it is)."""
    start = sentence_start(text, claim["sentence"], claim["char_start"])
    href = f"#{anchor_id(start)}" if start is not None else f"#claim-{claim['claim_id']}"
    end = start + len(claim["sentence"]) if start is not None else None
    return {**claim, "href": href, "sentence_start": start, "sentence_end": end}


def _marks(own: dict[str, list[dict[str, Any]]], columns: dict[str, tuple[str, ...]]) -> list[Mark]:
    """Every stored span of the document, claims first, entities (the most numerous) last."""
    spans = [name for name in own if set(columns[name]) >= SPAN_COLUMNS]
    marks = []
    for name in sorted(spans, key=lambda n: (n != "claims", n == "entities", n)):
        for row in own[name]:
            if name == "claims":
                marks.append(
                    Mark(
                        row["char_start"],
                        row["char_end"],
                        CLAIM_LABEL,
                        name,
                        f"claim-{row['claim_id']}",
                    )
                )
            else:
                label = str(row.get("label") or name.upper())
                marks.append(Mark(row["char_start"], row["char_end"], label, name))
    return marks


def _index_row(
    doc: dict[str, Any],
    per_doc: list[str],
    grouped: dict[str, dict[str, list]],
    pages: dict[str, str],
) -> dict[str, Any]:
    return {
        "doc": doc,
        "title": doc["title"] or doc["source_file"],
        "href": pages[doc["doc_id"]],
        "counts": [len(grouped[name].get(doc["doc_id"], [])) for name in per_doc],
        "duplicate_of": pages.get(doc["duplicate_of"] or ""),
        "superseded_by": pages.get(doc["superseded_by"] or ""),
    }


def _measures(rows: list[dict[str, Any]], claim_links: dict[str, str]) -> list[dict[str, Any]]:
    """Measures stated more than once, disagreements first, each figure linked to its sentence."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["measure_id"]].append({**row, "href": claim_links.get(row["claim_id"])})
    out = [
        {"first": figures[0], "figures": sorted(figures, key=lambda r: (r["period_start"] or date.min, r["value"]))}
        for figures in groups.values()
        if len(figures) > 1
    ]  # fmt: skip
    return sorted(
        out,
        key=lambda m: (
            not m["first"]["sources_disagree"],
            m["first"]["actor"],
            m["first"]["counted_key"],
        ),
    )


def _by_doc(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        out[row["doc_id"]].append(row)
    return out


def _newest_first(doc: dict[str, Any]) -> tuple:
    published = doc["published_date"]
    return (published is None, -(published.toordinal() if published else 0), doc["source_file"])


def _number(value: float | None) -> str:
    """A figure as a reader writes it: 200, 17.5, 1,250,000."""
    if value is None:
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
