"""Cheap, deterministic language guess from function words, so non-English text is flagged."""

from __future__ import annotations

import re

_FUNCTION_WORDS = {
    "en": frozenset(
        [
            "the",
            "of",
            "and",
            "to",
            "in",
            "is",
            "that",
            "for",
            "it",
            "with",
            "as",
            "was",
            "on",
            "are",
            "by",
            "this",
            "be",
            "from",
            "have",
            "not",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "de",
            "que",
            "y",
            "en",
            "los",
            "del",
            "se",
            "las",
            "por",
            "un",
            "para",
            "con",
            "una",
            "su",
            "al",
            "es",
            "lo",
            "como",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "de",
            "des",
            "et",
            "en",
            "un",
            "une",
            "du",
            "est",
            "que",
            "pour",
            "qui",
            "dans",
            "sur",
            "au",
            "pas",
            "par",
        ]
    ),
    "de": frozenset(
        [
            "der",
            "die",
            "und",
            "in",
            "den",
            "von",
            "zu",
            "das",
            "mit",
            "sich",
            "des",
            "auf",
            "für",
            "ist",
            "im",
            "dem",
            "nicht",
            "ein",
            "eine",
        ]
    ),
    "it": frozenset(
        [
            "il",
            "di",
            "che",
            "la",
            "per",
            "un",
            "in",
            "del",
            "della",
            "non",
            "sono",
            "le",
            "con",
            "si",
            "da",
            "una",
            "gli",
            "al",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "de",
            "que",
            "e",
            "do",
            "da",
            "em",
            "um",
            "para",
            "com",
            "não",
            "uma",
            "os",
            "no",
            "se",
            "na",
            "por",
            "mais",
        ]
    ),
}
_WORD = re.compile(r"[^\W\d_]+")
UNKNOWN = "und"
# Below this many function-word hits the guess is noise; seen on headline-only pages.
MIN_HITS = 5
# A short text (a ~200-character brief has ~30 words) needs a hit per this many words instead,
# and at least MIN_SHORT_HITS: briefs came out "und" and went without NLP (issue 15).
WORDS_PER_HIT = 10
MIN_SHORT_HITS = 2


def guess_language(text: str) -> str:
    """ISO 639-1 code of the language with most function-word hits, or "und"; a short text
    needs fewer hits, in proportion to its words."""
    words = [w.lower() for w in _WORD.findall(text[:20_000])]
    scores = {lang: sum(w in vocab for w in words) for lang, vocab in _FUNCTION_WORDS.items()}
    best = max(scores, key=scores.__getitem__)
    needed = min(MIN_HITS, max(MIN_SHORT_HITS, len(words) // WORDS_PER_HIT))
    return best if scores[best] >= needed else UNKNOWN
