"""Claim extraction scored against every labelled set in tests/data/claims*/ in one run.

    .venv/bin/python bench/claims.py [--data DIR ...] [--pages] [--verbose] [--json out.json]

`claims/` is the set the rules were tuned on; every other set was written blind. The table gives,
per set, precision/recall/F1 for value, value+unit, value+counted and value+bound+time, accuracy
of bound, unit, time scope, speaker, counted thing and subject on matched claims, and claims made
on the negative sentences (which should be none); below it, the tuned-minus-blind gap on
value+counted. An article's text is `articles/<id>.txt`, or, where articles.json gives
`"source": "readability/<folder>"`, the reference text of that shared real page, or for
`"ontonotes/<split>#<i>"` the text of entry i of that shared OntoNotes DocBin (its licence keeps
the text out of the project, so such a set's gold and negatives give character offsets, "start"
and "end", instead of anchors and sentences).

`--pages` scores the sets made from real pages the way `ingest run` reads them: each article's
saved page (`source.html`) through the project's own cleaning (`ingest.clean.clean_document`),
dated by what the page itself states; each gold claim is found in the cleaned text by its
anchor, and one whose anchor the cleaning lost or changed counts as missed. Negatives are
sentences, not pages: they are not scored in this mode.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path

import spacy
from realpages import READABILITY, reference_text
from spacy.tokens import DocBin

from ingest.annotate.paragraphs import annotate_texts
from ingest.annotate.pipeline import load_pipeline
from ingest.claims.assemble import claims_from_paragraphs
from ingest.claims.names import spells
from ingest.claims.units import same_unit
from ingest.clean import clean_document
from ingest.read import decode
from ingest.records import Claim, CleanDoc, RawDoc

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
TUNING = "claims"
GOLD_DIR = DATA / TUNING
MODEL = ROOT / "models" / "en_claims"
ONTONOTES = ROOT.parent / "shared" / "corpora" / "ontonotes5-ner"
F1_KEYS = ("value", "value_unit", "value_counted", "value_bound_time")
ACCURACY_KEYS = ("bound", "unit", "counted", "time", "speaker", "subject")
# The ingest date of --pages runs: later than every page, fixed so scores do not drift.
INGEST_DATE = date(2026, 11, 23)


@dataclass
class Scores:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    tp: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    confusion: dict[str, Counter] = field(
        default_factory=lambda: {
            "bound": Counter(),
            "time": Counter(),
            "speaker": Counter(),
            "counted": Counter(),
        }
    )
    errors: list[str] = field(default_factory=list)
    negative_claims: list[str] = field(default_factory=list)
    negatives: int = 0

    def prf(self, key: str) -> tuple[float, float, float]:
        p = self.tp[key] / self.predicted if self.predicted else 0.0
        r = self.tp[key] / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def accuracy(self, key: str) -> float:
        return self.correct[key] / self.matched if self.matched else 0.0

    def as_dict(self) -> dict[str, float]:
        out = {
            f"{k}_{m}": round(v, 4)
            for k in F1_KEYS
            for m, v in zip("prf", self.prf(k), strict=True)
        }
        out |= {f"{k}_accuracy": round(self.accuracy(k), 4) for k in ACCURACY_KEYS}
        out |= {
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "negatives": self.negatives,
            "negative_claims": len(self.negative_claims),
        }
        return out


def pooled(scores: list[Scores]) -> Scores:
    """The scores of several sets taken as one set."""
    out = Scores()
    for s in scores:
        out.gold, out.predicted, out.matched = (
            out.gold + s.gold,
            out.predicted + s.predicted,
            out.matched + s.matched,
        )
        out.tp.update(s.tp)
        out.correct.update(s.correct)
        out.negatives += s.negatives
        out.negative_claims += s.negative_claims
    return out


def labelled_sets(root: Path = DATA) -> list[Path]:
    """Every claim set under root, the tuning set first."""
    found = sorted(d for d in root.glob("claims*") if (d / "gold.jsonl").is_file())
    return sorted(found, key=lambda d: d.name != TUNING)


def normalise(text: str) -> str:
    """Paragraphs joined by a blank line, whitespace collapsed: what clean_text produces."""
    return "\n\n".join(" ".join(p.split()) for p in text.split("\n\n") if p.strip())


def article_text(gold_dir: Path, doc: str, meta: dict) -> str:
    """The article's own file, else the shared text its `source` names: a real page's reference
    text ("readability/<folder>") or an OntoNotes entry ("ontonotes/<split>#<i>"); a source
    elsewhere is provenance, the file holds the text."""
    own = gold_dir / "articles" / f"{doc}.txt"
    if own.is_file():
        return normalise(own.read_text("utf-8"))
    if meta["source"].startswith("ontonotes/"):
        split, index = meta["source"].removeprefix("ontonotes/").split("#")
        return ontonotes_texts(split)[int(index)]
    page = READABILITY.parent / meta["source"] / "expected.html"
    return normalise(reference_text(page.read_text("utf-8")))


@cache
def ontonotes_texts(split: str) -> tuple[str, ...]:
    """The texts of a shared OntoNotes DocBin's entries, in file order."""
    docs = DocBin().from_disk(ONTONOTES / f"{split}.spacy").get_docs(spacy.blank("en").vocab)
    return tuple(d.text for d in docs)


def shared_sources_present(gold_dir: Path) -> bool:
    """Whether the shared texts a set's articles name are beside the project."""
    if (gold_dir / "articles").is_dir():
        return True  # the set holds its own texts
    meta = json.loads((gold_dir / "articles.json").read_text("utf-8"))
    meta |= meta.pop("negative_sources", {})
    sources = [m["source"] for m in meta.values()]
    return all((ONTONOTES if s.startswith("ontonotes/") else READABILITY).is_dir() for s in sources)


def load_gold(
    gold_dir: Path = GOLD_DIR,
) -> tuple[dict[str, str], dict[str, date | None], list[dict]]:
    meta = json.loads((gold_dir / "articles.json").read_text("utf-8"))
    meta.pop("negative_sources", None)
    texts = {doc: article_text(gold_dir, doc, m) for doc, m in sorted(meta.items())}
    published = {
        k: date.fromisoformat(v["published_date"]) if v.get("published_date") else None
        for k, v in meta.items()
    }
    gold = _rows(gold_dir / "gold.jsonl")
    for g in gold:
        text = texts[g["doc"]]
        if "anchor" in g:
            anchor = " ".join(g["anchor"].split())
            at = text.index(anchor)
        else:  # offsets: the text stays out of the project
            at, anchor = g["start"], text[g["start"] : g["end"]]
            g["anchor"] = anchor
        g["start"] = at + anchor.index(g["quantity_text"])
        g["end"] = g["start"] + len(g["quantity_text"])
    return texts, published, gold


def from_pages(gold_dir: Path) -> tuple[dict[str, str], dict[str, date | None], list[dict]]:
    """A real-page set as `ingest run` reads it: each saved page cleaned by the project, dated
    by the page; gold claims re-anchored in the cleaned text (start -1 when the anchor is lost)."""
    _, _, gold = load_gold(gold_dir)
    meta = json.loads((gold_dir / "articles.json").read_text("utf-8"))
    meta.pop("negative_sources", None)
    texts: dict[str, str] = {}
    published: dict[str, date | None] = {}
    for doc, m in sorted(meta.items()):
        html = decode((READABILITY.parent / m["source"] / "source.html").read_bytes()) or ""
        clean = clean_document(RawDoc(doc, doc, ".html", html), INGEST_DATE)
        texts[doc] = clean.text if isinstance(clean, CleanDoc) else ""
        published[doc] = clean.published_date if isinstance(clean, CleanDoc) else None
    for g in gold:
        text, anchor = texts[g["doc"]], " ".join(g["anchor"].split())
        at = _find_spaced(text, anchor)
        offset = anchor.index(g["quantity_text"])
        g["start"] = at + offset if at >= 0 else -1
        g["end"] = g["start"] + len(g["quantity_text"]) if at >= 0 else -1
    return texts, published, gold


def _find_spaced(text: str, anchor: str) -> int:
    """Where anchor occurs in text, any run of whitespace in text matching one space."""
    pattern = r"\s+".join(map(re.escape, anchor.split(" ")))
    found = re.search(pattern, text)
    return found.start() if found else -1


def pages_only(gold_dir: Path) -> bool:
    """Whether every article of the set is a shared real page."""
    meta = json.loads((gold_dir / "articles.json").read_text("utf-8"))
    meta.pop("negative_sources", None)
    return all(m.get("source", "").startswith("readability/") for m in meta.values())


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def extract(
    nlp, texts: dict[str, str], published: dict[str, date | None]
) -> dict[str, list[Claim]]:
    ids = list(texts)
    paragraphs = annotate_texts(nlp, [texts[i] for i in ids], batch_size=64)
    return {
        i: claims_from_paragraphs(paras, i, published.get(i))
        for i, paras in zip(ids, paragraphs, strict=True)
    }


def counted_ok(gold: str | None, pred: str | None) -> bool:
    """Same head noun (gold's last word among the predicted phrase's words), or both absent."""
    if gold is None or pred is None:
        return gold is None and pred is None
    head = gold.lower().split()[-1].rstrip("s")
    return any(w.rstrip("s") == head for w in pred.lower().replace(",", " ").split())


def speaker_ok(gold: str | None, pred: str | None) -> bool:
    """Same last name or name word, or the prediction is the acronym of the gold name ("DCF"),
    as the warehouse's canonical names resolve it."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if pred.isupper() and spells(gold.split(), pred):
        return True
    return gold.split()[-1].lower() in pred.lower() or pred.split()[-1].lower() in gold.lower()


def score(gold: list[dict], predicted: dict[str, list[Claim]]) -> Scores:
    s = Scores(gold=len(gold), predicted=sum(map(len, predicted.values())))
    for g in gold:
        cands = [
            c
            for c in predicted.get(g["doc"], [])
            if c.char_start < g["end"] and g["start"] < c.char_end
        ]
        if not cands:
            s.errors.append(f"MISSED  {g['doc']}: {g['anchor']!r}")
            continue
        c = cands[0]
        s.matched += 1
        value_ok = abs(c.value - g["value"]) < 1e-6 * max(1, abs(g["value"])) and (
            g["value_high"] is None or c.value_high == g["value_high"]
        )
        time_ok = (c.period_start, c.period_end) == _dates(g)
        bound_ok = c.bound == g["bound"]
        count_ok = counted_ok(g["counted"], c.counted)
        unit_ok = same_unit(g["unit"], c.unit)
        s.tp["value"] += value_ok
        s.tp["value_unit"] += value_ok and unit_ok
        s.tp["value_counted"] += value_ok and count_ok
        s.tp["value_bound_time"] += value_ok and bound_ok and time_ok
        s.correct["bound"] += bound_ok
        s.correct["unit"] += unit_ok
        s.correct["time"] += time_ok
        s.correct["counted"] += count_ok
        s.correct["subject"] += counted_ok(g["subject"], c.subject)  # same head-word test
        speaker_right = speaker_ok(g["attributed_to"], c.attributed_to)
        s.correct["speaker"] += speaker_right
        s.confusion["bound"][(g["bound"], c.bound)] += 1
        s.confusion["time"][
            (_kind(_dates(g)), "ok" if time_ok else _kind((c.period_start, c.period_end)))
        ] += 1
        s.confusion["speaker"][
            (
                g["attributed_to"] is not None,
                "ok" if speaker_right else c.attributed_to is not None,
            )
        ] += 1
        s.confusion["counted"][("ok" if count_ok else "wrong")] += 1
        if not (value_ok and bound_ok and time_ok and count_ok and speaker_right and unit_ok):
            s.errors.append(
                f"FIELDS  {g['doc']}: {g['anchor']!r}: value {c.value}/{g['value']} bound {c.bound}/{g['bound']} "
                f"unit {c.unit!r}/{g['unit']!r} counted {c.counted!r}/{g['counted']!r} "
                f"time {c.period_start}..{c.period_end}/{g['period_start']}..{g['period_end']} "
                f"speaker {c.attributed_to!r}/{g['attributed_to']!r}"
            )
    gold_spans = {(g["doc"], g["start"]) for g in gold}
    for doc, claims in predicted.items():
        for c in claims:
            if not any(d == doc and c.char_start <= st < c.char_end for d, st in gold_spans):
                s.errors.append(f"SPURIOUS {doc}: {c.quantity_text!r} in {c.sentence[:90]!r}")
    return s


def _dates(g: dict) -> tuple[date | None, date | None]:
    return tuple(date.fromisoformat(g[k]) if g[k] else None for k in ("period_start", "period_end"))


def _kind(scope: tuple) -> str:
    return "none" if scope == (None, None) else "open" if None in scope else "period"


def score_negatives(nlp, s: Scores, gold_dir: Path = GOLD_DIR) -> None:
    rows = _rows(gold_dir / "negatives.jsonl")
    meta = json.loads((gold_dir / "articles.json").read_text("utf-8"))
    meta |= meta.pop("negative_sources", {})
    for row in rows:
        if "text" not in row:  # offsets into a shared text
            row["text"] = article_text(gold_dir, row["doc"], meta[row["doc"]])[
                row["start"] : row["end"]
            ]
    s.negatives = len(rows)
    for row, paras in zip(rows, annotate_texts(nlp, [r["text"] for r in rows], 64), strict=True):
        for claim in claims_from_paragraphs(paras, "neg", None):
            s.negative_claims.append(f"{row['kind']}: {claim.quantity_text!r} in {row['text']!r}")


def run(model: Path = MODEL, gold_dir: Path = GOLD_DIR, pages: bool = False) -> Scores:
    """The scores of one labelled set (--pages: read from its saved pages, as `ingest run` does)."""
    nlp = load_pipeline(model)
    texts, published, gold = from_pages(gold_dir) if pages else load_gold(gold_dir)
    s = score(gold, extract(nlp, texts, published))
    if not pages:
        score_negatives(nlp, s, gold_dir)
    return s


def table(results: dict[str, Scores]) -> str:
    """Set x metric, then the tuned-minus-blind gap on value+counted F1."""
    names = list(results)
    blind = [n for n in names if n != TUNING]
    columns = {
        **results,
        **({"blind pooled": pooled([results[n] for n in blind])} if blind else {}),
    }
    width = max(12, *(len(n) for n in columns))
    rows = [f"{'metric':<22}" + "".join(f"{n:>{width + 2}}" for n in columns)]
    for key in F1_KEYS:
        rows.append(
            f"{key + ' F1':<22}"
            + "".join(f"{s.prf(key)[2]:>{width + 2}.3f}" for s in columns.values())
        )
    for key in ACCURACY_KEYS:
        rows.append(
            f"{key + ' accuracy':<22}"
            + "".join(f"{s.accuracy(key):>{width + 2}.3f}" for s in columns.values())
        )
    rows.append(
        f"{'claims on negatives':<22}"
        + "".join(
            f"{f'{len(s.negative_claims)} of {s.negatives}':>{width + 2}}" for s in columns.values()
        )
    )
    rows.append(
        f"{'gold / matched':<22}"
        + "".join(f"{f'{s.gold} / {s.matched}':>{width + 2}}" for s in columns.values())
    )
    if TUNING in results and blind:
        tuned = results[TUNING].prf("value_counted")[2]
        gaps = {n: tuned - columns[n].prf("value_counted")[2] for n in [*blind, "blind pooled"]}
        rows.append(
            "\ntuned-minus-blind gap, value+counted F1: "
            + ", ".join(f"{n} {g:+.3f}" for n, g in gaps.items())
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--data", type=Path, nargs="+", help="labelled set folders (default: all)")
    parser.add_argument(
        "--pages", action="store_true", help="real-page sets from their saved pages, cleaned"
    )
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    sets = args.data or labelled_sets()
    if args.pages:
        sets = [d for d in sets if pages_only(d)]
    results = {d.name: run(args.model, d, args.pages) for d in sets}
    print(table(results))
    if args.verbose:
        for name, s in results.items():
            print(f"\n## {name}")
            for key, counts in s.confusion.items():
                print(
                    f"{key} (gold, predicted): "
                    + ", ".join(f"{k}={v}" for k, v in counts.most_common())
                )
            print("\n".join(s.errors + s.negative_claims))
    if args.json:
        args.json.write_text(json.dumps({n: s.as_dict() for n, s in results.items()}, indent=2))


if __name__ == "__main__":
    main()
