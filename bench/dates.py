"""Temporal expressions scored against tests/data/dates/ (TIMEX3 labelled blind on real text),
the project's finder and resolver next to dateparser's `search_dates` alone, in the same run.

    .venv/bin/python bench/dates.py [--data DIR] [--verbose] [--json out.json]

Prints, per system, extent P/R/F1 strict (same offsets) and relaxed (overlapping, one to one),
type and value accuracy on the relaxed matches, and value F1 (a match with the right value counts
as a hit, TempEval-3 style); then, on the project's matched spans, how often its own rules and
dateparser (the same span, the same anchor) get the value right, per rule, which is how the
resolver chooses between them; and what finding and resolving dates add to the NLP stage.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from dateparser.search import search_dates
from realpages import real_pages, reference_text

from ingest.annotate.paragraphs import annotate_texts
from ingest.annotate.pipeline import load_pipeline
from ingest.dates.mentions import dates_from_paragraphs
from ingest.dates.resolve import dateparser_reading, resolve, rule_for
from ingest.dates.tense import direction_of

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "tests" / "data" / "dates"
MODEL = ROOT / "models" / "en_claims"
ARTICLES = ROOT / "tests" / "data" / "claims" / "articles"  # more text for the timing


@dataclass(frozen=True, slots=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    errors: list[str] = field(default_factory=list)

    def prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.predicted if self.predicted else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, hits in (("strict", self.strict), ("relaxed", self.relaxed)):
            for m, v in zip("prf", self.prf(hits), strict=True):
                out[f"{name}_{m}"] = round(v, 4)
        out["type_accuracy"] = round(self.type_ok / self.relaxed, 4) if self.relaxed else 0.0
        out["value_accuracy"] = round(self.value_ok / self.relaxed, 4) if self.relaxed else 0.0
        out["value_f"] = round(self.prf(self.value_ok)[2], 4)
        return out | {"gold": self.gold, "predicted": self.predicted}


def load_gold(gold_dir: Path) -> tuple[dict[str, str], dict[str, date | None], dict[str, list]]:
    """(text, publication date, gold expressions) per document id."""
    docs = json.loads((gold_dir / "docs.json").read_text("utf-8"))
    pages = {p.name: p for p in real_pages()}
    texts, dcts = {}, {}
    for doc_id, meta in docs.items():
        kind, _, name = meta["source"].partition("/")
        if kind == "readability":
            texts[doc_id] = reference_text(pages[name].expected)
        else:
            texts[doc_id] = (ROOT / "tests" / "data" / meta["source"]).read_text("utf-8")
        dcts[doc_id] = date.fromisoformat(meta["dct"]) if meta["dct"] else None
    gold: dict[str, list[Timex]] = {doc_id: [] for doc_id in docs}
    for line in (gold_dir / "timex.jsonl").read_text("utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold[g["doc"]].append(
                Timex(g["char_start"], g["char_end"], g["text"], g["type"], g["value"], g["mod"])
            )
    return texts, dcts, gold


def project(nlp, texts: dict[str, str], dcts: dict[str, date | None]) -> tuple[dict, dict]:
    """The project's expressions per document, and each span's direction for the rule
    breakdown."""
    out, spans = {}, {}
    for doc_id, paras in zip(texts, annotate_texts(nlp, texts.values(), 64), strict=True):
        mentions = dates_from_paragraphs(paras, doc_id, dcts[doc_id])
        out[doc_id] = [
            Timex(m.char_start, m.char_end, m.text, m.type, m.value, m.mod) for m in mentions
        ]
        spans[doc_id] = [
            (p.offset + s.start_char, direction_of(s)) for p in paras for s in p.doc.spans["dates"]
        ]
    return out, spans


def dateparser_alone(texts: dict[str, str], dcts: dict[str, date | None]) -> dict[str, list]:
    """search_dates on each whole text (English, anchored on the publication date), each hit
    given the granularity dateparser reports for it."""
    out: dict[str, list[Timex]] = {}
    for doc_id, text in texts.items():
        dct = dcts[doc_id]
        settings = {"RELATIVE_BASE": datetime.combine(dct, datetime.min.time())} if dct else {}
        found = search_dates(text, languages=["en"], settings=settings) or []
        pos, hits = 0, []
        for surface, _ in found:
            start = text.find(surface, pos)
            if start < 0:
                continue
            pos = start + len(surface)
            kind, value, _ = dateparser_reading(surface, dct, None) or ("DATE", "XXXX", None)
            hits.append(Timex(start, pos, surface, kind, value))
        out[doc_id] = hits
    return out


def score(gold: dict[str, list], predicted: dict[str, list], name: str) -> Scores:
    s = Scores()
    for doc_id, golds in gold.items():
        preds = predicted.get(doc_id, [])
        s.gold += len(golds)
        s.predicted += len(preds)
        s.strict += len({(g.start, g.end) for g in golds} & {(p.start, p.end) for p in preds})
        for g, p in _pairs(golds, preds):
            s.relaxed += 1
            s.type_ok += g.type == p.type
            s.value_ok += g.value == p.value
            if (g.type, g.value, g.mod) != (p.type, p.value, p.mod):
                s.errors.append(
                    f"{name} {doc_id}: {g.text!r} {g.type} {g.value} {g.mod} / {p.text!r} {p.type} {p.value} {p.mod}"
                )
        matched = {id(p) for _, p in _pairs(golds, preds)}
        found = {id(g) for g, _ in _pairs(golds, preds)}
        s.errors += [f"{name} {doc_id}: SPURIOUS {p.text!r}" for p in preds if id(p) not in matched]
        s.errors += [
            f"{name} {doc_id}: MISSED {g.text!r} {g.value}" for g in golds if id(g) not in found
        ]
    return s


def _pairs(golds: list[Timex], preds: list[Timex]) -> list[tuple[Timex, Timex]]:
    """Overlapping (gold, predicted) pairs, one to one, in text order."""
    out, used = [], set()
    for g in golds:
        p = next(
            (p for p in preds if id(p) not in used and p.start < g.end and g.start < p.end), None
        )
        if p is not None:
            used.add(id(p))
            out.append((g, p))
    return out


def by_rule(gold: dict, predicted: dict, spans: dict, dcts: dict) -> dict[str, Counter]:
    """Per resolver rule, on the project's matched spans: right values by the rule, by
    dateparser on the same span, and how many spans."""
    table: dict[str, Counter] = {}
    for doc_id, golds in gold.items():
        direction = dict(spans[doc_id])
        for g, p in _pairs(golds, predicted[doc_id]):
            rule = rule_for(p.text)
            row = table.setdefault(rule, Counter())
            row["spans"] += 1
            row["rules"] += g.value == resolve(p.text, dcts[doc_id], direction.get(p.start)).value
            reading = dateparser_reading(p.text, dcts[doc_id], direction.get(p.start))
            row["dateparser"] += reading is not None and g.value == reading[1]
    return table


def overhead(nlp, texts: list[str]) -> float:
    """What finding and resolving dates adds to the NLP stage, as a share of the rest of it:
    the date finder run again on the annotated paragraphs, and every span resolved (the
    resolver's cache cold), against the pipeline's own time, in CPU time so that other jobs on
    the machine do not count."""
    began = time.process_time()
    annotated = list(annotate_texts(nlp, texts, 64))
    pipeline = time.process_time() - began
    finder = nlp.get_pipe("ingest_date_finder")
    began = time.process_time()
    for paras in annotated:
        for para in paras:
            finder(para.doc)
    finding = time.process_time() - began
    began = time.process_time()
    for paras in annotated:
        dates_from_paragraphs(paras, "d", date(2020, 1, 1))
    resolving = time.process_time() - began
    return (finding + resolving) / (pipeline - finding)


def run(model: Path = MODEL, gold_dir: Path = GOLD_DIR) -> dict:
    nlp = load_pipeline(model)
    texts, dcts, gold = load_gold(gold_dir)
    articles = [p.read_text("utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    added = overhead(nlp, articles + list(texts.values()))
    ours, spans = project(nlp, texts, dcts)
    peer = dateparser_alone(texts, dcts)
    return {
        "project": score(gold, ours, "project"),
        "search_dates": score(gold, peer, "search_dates"),
        "rules": by_rule(gold, ours, spans, dcts),
        "overhead": added,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--data", type=Path, default=GOLD_DIR, help="labelled set folder")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = run(args.model, args.data)
    print(f"{'system':<14} strict P/R/F1         relaxed P/R/F1        type   value  value F1")
    for name in ("project", "search_dates"):
        d = result[name].as_dict()
        print(
            f"{name:<14} {d['strict_p']:.3f} {d['strict_r']:.3f} {d['strict_f']:.3f}   "
            f"{d['relaxed_p']:.3f} {d['relaxed_r']:.3f} {d['relaxed_f']:.3f}   "
            f"{d['type_accuracy']:.3f}  {d['value_accuracy']:.3f}  {d['value_f']:.3f}"
        )
    print(
        f"(gold {result['project'].gold}; finding and resolving dates add "
        f"{result['overhead']:.1%} to the NLP stage)"
    )
    print("\nright values on the project's matched spans, per rule: rules / dateparser / spans")
    for rule, row in sorted(result["rules"].items(), key=lambda kv: -kv[1]["spans"]):
        print(f"  {rule:<20} {row['rules']:>3} / {row['dateparser']:>3} / {row['spans']:>3}")
    if args.verbose:
        print("\n" + "\n".join(result["project"].errors + result["search_dates"].errors))
    if args.json:
        scores = {name: result[name].as_dict() for name in ("project", "search_dates")}
        args.json.write_text(json.dumps(scores, indent=1))


if __name__ == "__main__":
    main()
