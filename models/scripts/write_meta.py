"""Write the pipeline's meta.json: name, sources, licences and, with --metrics, the measured scores.

python scripts/write_meta.py en_claims [--metrics metrics]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

SOURCES = [
    {
        "name": "OntoNotes 5.0 (CoNLL-2012 splits), named entities",
        "url": "https://catalog.ldc.upenn.edu/LDC2013T19",
        "license": "LDC User Agreement for Non-Members (used for training and evaluation only; the corpus is not redistributed)",
        "author": "Weischedel et al., Linguistic Data Consortium",
    },
    {
        "name": "Universal Dependencies English Web Treebank v2.15",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "license": "CC BY-SA 4.0",
        "author": "Silveira et al.; Universal Dependencies contributors",
    },
]
# Which score from which evaluation file goes into meta.json's "performance".
SCORES = {
    "ner-conll2012-test.json": ["ents_f", "ents_p", "ents_r", "ents_per_type"],
    "ewt-test.json": [
        "dep_uas",
        "dep_las",
        "pos_acc",
        "tag_acc",
        "morph_acc",
        "lemma_acc",
        "sents_f",
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("model", type=Path)
    parser.add_argument("--metrics", type=Path)
    args = parser.parse_args()
    path = args.model / "meta.json"
    meta = json.loads(path.read_text())
    meta |= {
        "name": "claims",
        "version": "0.1.0",
        "description": "CPU pipeline for news-claims-ingest: tagger, morphologizer, parser, lemmatizer (UD EWT), NER (OntoNotes 5.0), and two rule components: ingest_sentence_guard (shipped disabled; the ingest loader enables it for news) and ingest_quantity_finder.",
        "license": "CC BY-SA 4.0 (trained on UD EWT); OntoNotes-derived weights are subject to the LDC licence terms",
        "sources": SOURCES,
    }
    if args.metrics:
        performance = {}
        for name, keys in SCORES.items():
            file = args.metrics / name
            if file.exists():
                scores = json.loads(file.read_text())
                performance |= {k: scores[k] for k in keys if k in scores}
        speed = args.metrics / "speed.json"
        if speed.exists():
            performance["speed_words_per_second_1_thread"] = json.loads(speed.read_text())[
                "words_per_second"
            ]
        ner_v12 = args.metrics / "ner-v12-test.json"
        if ner_v12.exists():
            performance["ents_f_v12_test"] = json.loads(ner_v12.read_text())["ents_f"]
        meta["performance"] = performance
    path.write_text(json.dumps(meta, indent=2) + "\n")


if __name__ == "__main__":
    main()
