"""Raw text for `spacy pretrain`: the texts of DocBin corpora as JSONL ({"text": ...} per line).

    python scripts/raw_text.py OUT.jsonl CORPUS.spacy [CORPUS.spacy ...]

Only the training splits go in, so pretraining never sees a dev or test text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin


def main(out: Path, corpora: list[Path]) -> None:
    vocab = spacy.blank("en").vocab
    lines = 0
    with out.open("w", encoding="utf-8") as handle:
        for path in corpora:
            for doc in DocBin().from_disk(path).get_docs(vocab):
                handle.write(json.dumps({"text": doc.text}) + "\n")
                lines += 1
    print(f"{lines} texts -> {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
