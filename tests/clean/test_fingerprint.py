"""Near-duplicate fingerprints: the same story saved twice matches, other stories do not."""

import hashlib
from datetime import date

import pytest

from ingest.clean import clean_document
from ingest.clean.fingerprint import (
    _HASHES,
    _PRIME,
    DUPLICATE_SIMILARITY,
    SIGNATURE_SIZE,
    SignatureIndex,
    from_bytes,
    minhash,
    shingles,
    similarity,
    to_bytes,
)
from ingest.read import decode
from ingest.records import RawDoc

from ..conftest import ROOT

CORPUS = ROOT / "tests" / "data" / "cleaning"
TODAY = date(2026, 11, 23)


def cleaned(name: str) -> str:
    """The project's cleaned text of one corpus document."""
    path = CORPUS / name
    return clean_document(RawDoc(name, name, path.suffix, decode(path.read_bytes())), TODAY).text


@pytest.mark.parametrize(
    ("first", "second", "duplicate"),
    [
        ("09_jobs-report-sentinel.html", "10_jobs-report-courier.html", True),
        ("20_dcf-caseload-audit.html", "25_dcf-caseload-audit-copy.txt", True),
        ("09_jobs-report-sentinel.html", "24_container-shipping-rates.html", False),
        ("20_dcf-caseload-audit.html", "34_medicaid-overpayment-audit.txt", False),
    ],
)
def test_index_matches_the_same_story_only(first, second, duplicate):
    index = SignatureIndex([("first", to_bytes(minhash(cleaned(first))))])
    assert (index.first_near_duplicate(minhash(cleaned(second))) == "first") is duplicate


def test_index_answers_the_earliest_match_stored_or_added():
    story = minhash("Shelters turned away 1,932 requests for beds in 2017, the coalition said.")
    other = minhash("The council approved a $212 million budget on Tuesday night.")
    index = SignatureIndex([("old", to_bytes(other)), ("short", to_bytes(story[:32]))])
    assert index.first_near_duplicate(story) is None  # a signature of another size never matches
    index.add("new", story)
    index.add("newer", story)
    assert index.first_near_duplicate(story) == "new"
    assert index.first_near_duplicate(other) == "old"


def test_minhash_is_deterministic_and_compact():
    text = "The City Council approved a $212 million budget on Tuesday."
    signature = minhash(text)
    assert signature == minhash(text)
    assert len(signature) == SIGNATURE_SIZE and all(0 <= v < 2**32 for v in signature)
    # Pinned: a change here invalidates every stored signature.
    assert signature[:4] == (2277754088, 1481886323, 2337983659, 1191742259)


def test_minhash_equals_its_definition_past_one_numpy_chunk():
    """The uint64 arithmetic gives exactly min((a * v + b) mod 2^61 - 1) in Python integers,
    over more shingles than one numpy step takes."""
    text = " ".join(f"w{i * 7919 % 10007} figure {i}" for i in range(2_000))
    values = [
        int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "little")
        for s in shingles(text)
    ]
    assert len(values) > 4096
    expected = tuple(min((a * v + b) % _PRIME for v in values) & 0xFFFFFFFF for a, b in _HASHES)
    assert minhash(text) == expected


@pytest.mark.parametrize(
    ("first", "second", "low", "high"),
    [
        (
            "Budget grows 4% as council adds firefighters.",
            "BUDGET grows 4% as council adds firefighters!",
            1.0,
            1.0,
        ),
        (
            "one two three four five six seven eight",
            "nine ten eleven twelve thirteen fourteen",
            0.0,
            0.1,
        ),
        ("", "", 1.0, 1.0),
    ],
)
def test_similarity_estimates_shingle_overlap(first, second, low, high):
    assert low <= similarity(minhash(first), minhash(second)) <= high


def test_similarity_refuses_signatures_of_other_sizes():
    with pytest.raises(ValueError, match="sizes differ"):
        similarity(minhash("a b c d e"), minhash("a b c d e")[:32])


def test_to_bytes_round_trips_in_256_bytes():
    signature = minhash("Shelters turned away 1,932 requests for beds in 2017.")
    assert len(to_bytes(signature)) == 4 * SIGNATURE_SIZE
    assert from_bytes(to_bytes(signature)) == signature


def test_duplicate_similarity_is_a_probability():
    assert 0.0 < DUPLICATE_SIMILARITY < 1.0
