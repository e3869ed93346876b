"""Stage 1: a file in the inbox becomes a decoded RawDoc, or a Rejection saying why not.

This is the only module that reads input files. A link is followed only to a file inside the
inbox, the file is opened without following links and checked again on the open descriptor (so
it cannot be swapped in between), and no more than read.max_bytes are ever read.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import stat
from pathlib import Path

from ingest.errors import Reason
from ingest.inbox import as_text
from ingest.records import RawDoc, Rejection
from ingest.settings import ReadSettings

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml"})
_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"PK\x03\x04",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x1f\x8b",
    b"\x7fELF",
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM begins with UTF-16's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters above which decoded "text" is really binary.
MAX_CONTROL_SHARE = 0.01
# Share of zero bytes at every other position above which BOM-less data is read as UTF-16:
# Latin-script UTF-16 has ~100%, binary formats far less. Re-run tests/test_read.py when changed.
UTF16_ZERO_SHARE = 0.9
# Control characters other than whitespace (\t \n \r \f), counted by one regex scan.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
# Open flags: never follow a link in the last component; never block on a FIFO.
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK


class _Refused(Exception):
    """An entry that is not read: args are the quarantine reason and its detail."""


def read_document(path: Path, inbox: Path, settings: ReadSettings) -> RawDoc | Rejection:
    """Read and decode one inbox entry.

    Args:
        path: the entry as listed in the inbox.
        inbox: the inbox root; links resolving outside it are refused.
        settings: the size limit.
    Returns:
        A RawDoc whose doc_id is the SHA-256 of the bytes, or a Rejection("read", ...).
    """
    name = as_text(path.name)
    try:
        data = _read_entry(path, inbox, settings.max_bytes)
    except _Refused as refusal:
        return Rejection(name, "read", *refusal.args)
    except OSError as exc:
        return Rejection(name, "read", Reason.UNREADABLE, exc.strerror or repr(exc))
    return _decoded(name, path.suffix.lower(), data)


def entry_digest(path: Path, inbox: Path, settings: ReadSettings) -> str | None:
    """The doc_id read_document would give the entry (SHA-256 of its bytes), without decoding
    them; None where it refuses the entry."""
    try:
        return hashlib.sha256(_read_entry(path, inbox, settings.max_bytes)).hexdigest()
    except (_Refused, OSError):
        return None


def _read_entry(path: Path, inbox: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file inside the inbox, at most max_bytes of them.

    Raises:
        _Refused: a link out of the inbox or a broken one, not a regular file, an unsupported
            suffix, a hard-linked file, or a file over max_bytes.
    """
    real = _inside(path, inbox)
    if not stat.S_ISREG(os.lstat(real).st_mode):
        raise _Refused(Reason.NOT_A_FILE, "directory, device, FIFO or socket")
    if path.suffix.lower() not in TEXT_SUFFIXES:
        expected = " ".join(sorted(TEXT_SUFFIXES))
        raise _Refused(Reason.UNSUPPORTED, f"suffix {path.suffix or '(none)'}; expected {expected}")
    with open(os.open(real, _OPEN_FLAGS), "rb") as handle:
        _check_opened(os.fstat(handle.fileno()), max_bytes)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _Refused(Reason.TOO_LARGE, f"grew past {max_bytes} bytes while being read")
    return data


def sha256_of(path: Path) -> str | None:
    """SHA-256 of a regular file's bytes (links not followed); None for anything else."""
    try:
        with open(os.open(path, _OPEN_FLAGS), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return None
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _inside(path: Path, inbox: Path) -> Path:
    """The entry itself, or for a link the file it points to, which must lie inside the inbox."""
    if not path.is_symlink():
        return path
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:  # missing target; a loop is RuntimeError before 3.13
        raise _Refused(Reason.BROKEN_LINK, f"{os.readlink(path)!r}: {exc}") from None
    if not real.is_relative_to(inbox.resolve()):
        raise _Refused(Reason.OUTSIDE_INBOX, f"points to {as_text(real)}")
    return real


def _check_opened(info: os.stat_result, max_bytes: int) -> None:
    """Checks on the opened file itself, which no rename can swap any more."""
    if not stat.S_ISREG(info.st_mode):
        raise _Refused(Reason.NOT_A_FILE, "replaced by a directory or special file")
    if info.st_nlink > 1:
        raise _Refused(Reason.HARD_LINK, f"{info.st_nlink} names share this file")
    if info.st_size > max_bytes:
        raise _Refused(Reason.TOO_LARGE, f"{info.st_size} bytes > {max_bytes}")


def _decoded(name: str, suffix: str, data: bytes) -> RawDoc | Rejection:
    """The RawDoc for a file's bytes, or why they are not an article's text."""
    doc_id = hashlib.sha256(data).hexdigest()
    text = decode(data) if data.strip() else ""
    if text is None:
        reason = Reason.UNDECODABLE if _undecodable(data) else Reason.BINARY
        return Rejection(name, "read", reason, "not UTF-8/UTF-16/UTF-32/Windows-1252 text", doc_id)
    if not text.strip():
        return Rejection(name, "read", Reason.EMPTY, f"{len(data)} bytes, no text", doc_id)
    return RawDoc(doc_id=doc_id, source_file=name, suffix=suffix, text=text)


def decode(data: bytes) -> str | None:
    """Text from bytes: BOM first, then BOM-less UTF-16, UTF-8, Windows-1252; None for binary."""
    if data.startswith(_BINARY_MAGIC):
        return None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _text_or_none(data.decode(encoding, errors="replace"))
    if b"\x00" in data:
        return _utf16_without_bom(data)
    for encoding in ("utf-8", "cp1252"):
        try:
            return _text_or_none(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return None


def _undecodable(data: bytes) -> bool:
    """Bytes no supported encoding reads, as opposed to binary data (signature, NULs, controls)."""
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        return False
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return True
    return False


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM, where Latin-script text leaves every other byte zero."""
    if len(data) % 2:
        return None
    for encoding, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[::2])):
        if zeros.count(0) > UTF16_ZERO_SHARE * len(zeros):
            return _text_or_none(data.decode(encoding, errors="replace"))
    return None


def _text_or_none(text: str) -> str | None:
    """None when the decoded string is mostly control characters (a binary file)."""
    controls = len(_CONTROLS.findall(text, 0, 100_000))
    return None if controls > MAX_CONTROL_SHARE * min(len(text), 100_000) else text
