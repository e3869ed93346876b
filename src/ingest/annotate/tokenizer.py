"""The tokenizer's news rules: spaCy's English prefixes and infixes plus the splits real news needs.

An em dash written without spaces ("rose 5%—the biggest jump") stays inside one token under the
English defaults whenever a digit follows it or no letter or digit precedes it, and so does a
currency sign spaCy does not know ("NZ$5"): the figure is lost with it. The extra rules are data
(patterns/tokenizer.json); the pipeline's config applies them through `[nlp.after_creation]`, and
the saved tokenizer keeps them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_prefix_regex


def tokenizer_rules() -> dict[str, list[str]]:
    """patterns/tokenizer.json: regular expressions for "prefixes" and "infixes", beyond spaCy's."""
    path = resources.files("ingest.annotate").joinpath("patterns/tokenizer.json")
    return json.loads(path.read_text("utf-8"))


@spacy.registry.callbacks("ingest.news_tokenizer.v1")
def news_tokenizer() -> Callable[[Language], Language]:
    def add_rules(nlp: Language) -> Language:
        rules = tokenizer_rules()
        prefixes = [*rules["prefixes"], *nlp.Defaults.prefixes]
        nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
        infixes = [*nlp.Defaults.infixes, *rules["infixes"]]
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return nlp

    return add_rules
