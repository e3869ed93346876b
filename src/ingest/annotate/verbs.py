"""The base forms a verb may have, for looking it up in the rules' verb lists.

The trained lemmatizer misses on rarer inflected verbs ("climbing" -> "climbing", "surging" ->
"surg"), so a list lookup tries the regular English stems of the written form as well.
"""

from __future__ import annotations

from spacy.tokens import Token


def base_forms(token: Token) -> frozenset[str]:
    """The lemma, the written form and its regular stems: "surging" -> surg, surge;
    "slipped" -> slipp, slip, slippe; "tallies" -> tally."""
    word = token.lower_
    forms = {word, token.lemma_.lower()}
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            forms |= {stem, stem + "e"}
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # "slipped", "capping"
            if stem.endswith("i"):
                forms.add(stem[:-1] + "y")  # "tallied", "varies"
    return frozenset(forms)


def is_one_of(token: Token, verbs: frozenset[str]) -> bool:
    """Whether the verb, in any of its base forms, is in the list."""
    return not verbs.isdisjoint(base_forms(token))
