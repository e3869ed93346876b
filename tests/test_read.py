"""Reading inbox entries: decoding, limits, and refusals that become quarantine records."""

import os
from pathlib import Path

import pytest

from ingest.errors import Reason
from ingest.read import entry_digest, read_document
from ingest.records import RawDoc, Rejection
from ingest.settings import ReadSettings

LIMITS = ReadSettings(max_bytes=10_000, max_line_chars=2_000, settle_seconds=0)


def _read(tmp_path: Path, name: str, data: bytes) -> RawDoc | Rejection:
    inbox = tmp_path / "inbox"
    inbox.mkdir(exist_ok=True)
    (inbox / name).write_bytes(data)
    return read_document(inbox / name, inbox, LIMITS)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Café prices rose 3 percent.".encode(), "Café prices rose 3 percent."),
        ("\ufeffCafé".encode("utf-8"), "Café"),
        ("Café rose".encode("utf-16"), "Café rose"),
        ("Café rose".encode("cp1252"), "Café rose"),
    ],
)
def test_read_document_decodes_common_encodings(tmp_path, data, text):
    raw = _read(tmp_path, "a.txt", data)
    assert isinstance(raw, RawDoc)
    assert raw.text == text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", Reason.EMPTY),
        ("blank.txt", b"  \n\t \n", Reason.EMPTY),
        ("image.html", b"\x89PNG\r\n\x1a\n" + bytes(200), Reason.BINARY),
        ("doc.html", b"%PDF-1.7\n" + bytes(range(256)), Reason.BINARY),
        ("archive.html", b"PK\x03\x04" + bytes(100), Reason.BINARY),
        ("big.txt", b"word " * 3_000, Reason.TOO_LARGE),
        ("notes.docx", b"text", Reason.UNSUPPORTED),
        ("controls.txt", b"text\x01\x02\x1b" * 100, Reason.BINARY),
    ],
)
def test_read_document_rejects_bad_input_with_reason(tmp_path, name, data, reason):
    result = _read(tmp_path, name, data)
    assert isinstance(result, Rejection)
    assert result.reason == reason


def test_read_document_refuses_link_outside_inbox(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    os.symlink(secret, inbox / "link.txt")
    result = read_document(inbox / "link.txt", inbox, LIMITS)
    assert isinstance(result, Rejection)
    assert result.reason == Reason.OUTSIDE_INBOX


def test_read_document_rejects_directory(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "folder.txt").mkdir(parents=True)
    result = read_document(inbox / "folder.txt", inbox, LIMITS)
    assert isinstance(result, Rejection)
    assert result.reason == Reason.NOT_A_FILE


def test_read_document_id_is_sha256_of_bytes(tmp_path):
    raw = _read(tmp_path, "a.txt", b"abc")
    assert raw.doc_id == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"


def test_read_document_keeps_whitespace_controls(tmp_path):
    raw = _read(tmp_path, "a.txt", b"col\tcol\r\n\x0cpage two\n" * 50)
    assert isinstance(raw, RawDoc)


@pytest.mark.parametrize("data", [b"Prices rose 3 percent.", b"%PDF-1.7\n" + bytes(range(256))])
def test_entry_digest_is_the_doc_id_without_decoding(tmp_path, data):
    result = _read(tmp_path, "a.txt", data)
    assert entry_digest(tmp_path / "inbox" / "a.txt", tmp_path / "inbox", LIMITS) == result.doc_id


def test_entry_digest_is_none_for_a_refused_entry(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "folder.txt").mkdir(parents=True)
    assert entry_digest(inbox / "folder.txt", inbox, LIMITS) is None
