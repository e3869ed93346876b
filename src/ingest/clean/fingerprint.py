"""Near-duplicate fingerprint of cleaned article text: a MinHash signature of 4-word shingles.

The same story saved twice (another site's chrome, another file name, a paragraph cut) has a
different SHA-256 but nearly the same shingles. A signature is SIGNATURE_SIZE unsigned 32-bit
integers (256 bytes), computed without random state, so it is stable across processes and
releases as long as SHINGLE_WORDS, SIGNATURE_SIZE and _SEED stay the same; changing any of them
invalidates stored signatures.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterable

import numpy as np

SHINGLE_WORDS = 4
SIGNATURE_SIZE = 64
# Signatures at or above this estimated similarity are the same story. Set with
# `bench/cleaning.py` (near-duplicates section) on tests/data/cleaning/: the two labelled duplicate
# pairs score 0.922 (wire copy, other headline, last paragraph cut) and 1.000 (HTML page vs text
# copy); the most similar of the 1,033 other pairs scores 0.016. 0.5 sits in the gap, low enough
# for a copy missing several paragraphs and about 7 standard errors (at most 0.0625 with 64
# slots) from both groups. Re-run the bench when the cleaning or the signature changes.
DUPLICATE_SIMILARITY = 0.5
_SEED = b"ingest.clean.fingerprint.v1"
_PRIME = (1 << 61) - 1  # Mersenne prime for the universal hash family
_MASK32 = 0xFFFFFFFF
_WORD = re.compile(r"\w+(?:[.,'’]\w+)*")


def _coefficients(i: int) -> tuple[int, int]:
    """The i-th hash function's (a, b), derived from the seed: deterministic, no random state."""
    digest = hashlib.blake2b(_SEED + i.to_bytes(2, "little"), digest_size=16).digest()
    a = int.from_bytes(digest[:8], "little") % (_PRIME - 1) + 1
    b = int.from_bytes(digest[8:], "little") % _PRIME
    return a, b


_HASHES = tuple(_coefficients(i) for i in range(SIGNATURE_SIZE))
# The hash family as numpy columns, each coefficient split at bit 31 so that products of 61-bit
# numbers fit in uint64 (see _times_a).
_P = np.uint64(_PRIME)
_A = np.array([a for a, _ in _HASHES], dtype=np.uint64)[:, None]
_B = np.array([b for _, b in _HASHES], dtype=np.uint64)[:, None]
_LOW31 = np.uint64((1 << 31) - 1)
_LOW30 = np.uint64((1 << 30) - 1)
_A_HIGH, _A_LOW = _A >> np.uint64(31), _A & _LOW31
# Shingles hashed per numpy step: bounds the (SIGNATURE_SIZE x n) temporaries to a few MB.
_CHUNK = 4096


def shingles(text: str) -> set[str]:
    """Case-folded 4-word shingles of the text (one shingle of all words for a shorter text)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def minhash(text: str) -> tuple[int, ...]:
    """The MinHash signature of the text's shingles: SIGNATURE_SIZE unsigned 32-bit integers,
    min over shingles of ((a * v + b) mod 2^61 - 1) & 0xFFFFFFFF for each hash function (a, b).

    Args:
        text: cleaned article text (CleanDoc.text).
    Returns:
        The signature; a text without words gets all-ones values.
    """
    values = np.fromiter(
        (
            int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest(), "little")
            for s in shingles(text)
        ),
        dtype=np.uint64,
    )
    if not values.size:
        return (_MASK32,) * SIGNATURE_SIZE
    lowest = np.full(SIGNATURE_SIZE, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, values.size, _CHUNK):
        chunk = _mod_p(values[start : start + _CHUNK])
        lowest = np.minimum(lowest, _mod_p(_times_a(chunk) + _B).min(axis=1))
    return tuple(int(x) for x in lowest & np.uint64(_MASK32))


def _mod_p(x: np.ndarray) -> np.ndarray:
    """x mod (2^61 - 1) for uint64 x: 2^61 is 1 modulo the prime, so the high bits fold down."""
    x = (x & _P) + (x >> np.uint64(61))
    x = (x & _P) + (x >> np.uint64(61))
    return np.where(x >= _P, x - _P, x)


def _times_a(v: np.ndarray) -> np.ndarray:
    """(a * v) mod (2^61 - 1) for every hash's a and every v < 2^61, exactly, in uint64: with
    a = ah 2^31 + al and v = vh 2^31 + vl, a v = ah vh 2^62 + (ah vl + al vh) 2^31 + al vl, where
    2^62 is 2 and 2^61 is 1 modulo the prime; no partial sum reaches 2^64."""
    v_high, v_low = v >> np.uint64(31), v & _LOW31
    middle = _A_HIGH * v_low + _A_LOW * v_high  # < 2^62; its 2^31 multiple folds at bit 30
    folded_middle = (middle >> np.uint64(30)) + ((middle & _LOW30) << np.uint64(31))
    return _mod_p(np.uint64(2) * (_A_HIGH * v_high) + folded_middle + _mod_p(_A_LOW * v_low))


def similarity(first: tuple[int, ...], second: tuple[int, ...]) -> float:
    """Estimated Jaccard similarity of two texts' shingles: the share of equal signature slots.

    Raises:
        ValueError: the signatures differ in length (made with other settings).
    """
    if len(first) != len(second):
        raise ValueError(f"signature sizes differ: {len(first)} and {len(second)}")
    return sum(x == y for x, y in zip(first, second, strict=True)) / len(first)


class SignatureIndex:
    """Signatures of earlier documents as uint32 matrices, for near-duplicate lookups.

    One vectorised comparison per new document instead of a Python loop over every stored one:
    with 50,000 stored documents a lookup takes milliseconds, not a quarter of a second, so
    de-duplication stays cheap as the warehouse grows.
    """

    def __init__(self, stored: Iterable[tuple[str, bytes]] = ()) -> None:
        """Index (doc_id, to_bytes signature) pairs, oldest first; other sizes are skipped."""
        rows = [(doc_id, data) for doc_id, data in stored if len(data) == 4 * SIGNATURE_SIZE]
        self._ids = [doc_id for doc_id, _ in rows]
        # one matrix for what was stored, then a row per document added: never copied again
        self._blocks = [_matrix(b"".join(data for _, data in rows))]

    def add(self, doc_id: str, signature: tuple[int, ...]) -> None:
        """Make signature an earlier document for later lookups."""
        self._ids.append(doc_id)
        self._blocks.append(_matrix(to_bytes(signature)))

    def first_near_duplicate(self, signature: tuple[int, ...]) -> str | None:
        """The id of the earliest indexed document with similarity >= DUPLICATE_SIMILARITY."""
        if len(signature) != SIGNATURE_SIZE:
            return None
        row = _matrix(to_bytes(signature))
        offset = 0
        for block in self._blocks:
            hits = np.flatnonzero((block == row).mean(axis=1) >= DUPLICATE_SIMILARITY)
            if hits.size:
                return self._ids[offset + int(hits[0])]
            offset += len(block)
        return None


def _matrix(data: bytes) -> np.ndarray:
    """Concatenated to_bytes signatures as a (documents, SIGNATURE_SIZE) array."""
    return np.frombuffer(data, dtype="<u4").reshape(-1, SIGNATURE_SIZE)


def to_bytes(signature: tuple[int, ...]) -> bytes:
    """The signature as little-endian unsigned 32-bit integers (256 bytes), for a BLOB column."""
    return struct.pack(f"<{len(signature)}I", *signature)


def from_bytes(data: bytes) -> tuple[int, ...]:
    """The signature stored by to_bytes."""
    return struct.unpack(f"<{len(data) // 4}I", data)
