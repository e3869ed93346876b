"""Stage 1: a file in the inbox becomes a decoded RawDoc, or a Rejection saying why not.

This is the only module that reads input files. Links are resolved and must stay inside the
inbox; size and line-length limits come from ReadSettings.
"""

from __future__ import annotations

import codecs
import hashlib
import logging
from pathlib import Path

from ingest.errors import Reason
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
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of control characters above which decoded "text" is really binary.
MAX_CONTROL_SHARE = 0.01


def read_document(path: Path, inbox: Path, settings: ReadSettings) -> RawDoc | Rejection:
    """Read and decode one inbox entry.

    Args:
        path: the entry as listed in the inbox.
        inbox: the inbox root; links resolving outside it are refused.
        settings: size and line-length limits.
    Returns:
        A RawDoc whose doc_id is the SHA-256 of the bytes, or a Rejection("read", ...).
    """
    name = path.name
    problem = _check_entry(path, inbox, settings)
    if problem:
        return Rejection(name, "read", *problem)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Rejection(name, "read", Reason.UNREADABLE, str(exc))
    doc_id = hashlib.sha256(data).hexdigest()
    if not data.strip():
        return Rejection(name, "read", Reason.EMPTY, f"{len(data)} bytes, no text", doc_id)
    text = decode(data)
    if text is None:
        reason = (
            Reason.BINARY
            if data.startswith(_BINARY_MAGIC) or b"\x00" in data
            else Reason.UNDECODABLE
        )
        return Rejection(name, "read", reason, "not UTF-8/UTF-16/Windows-1252 text", doc_id)
    longest = max(map(len, text.splitlines()), default=0)
    if longest > settings.max_line_chars:
        return Rejection(name, "read", Reason.LONG_LINE, f"{longest} characters", doc_id)
    return RawDoc(doc_id=doc_id, source_file=name, suffix=path.suffix.lower(), text=text)


def _check_entry(path: Path, inbox: Path, settings: ReadSettings) -> tuple[str, str] | None:
    """Why this entry must not be read, or None."""
    if path.is_symlink() and not path.resolve().is_relative_to(inbox.resolve()):
        return Reason.OUTSIDE_INBOX, f"points to {path.resolve()}"
    if not path.is_file():
        return Reason.NOT_A_FILE, "directory or special file"
    if path.suffix.lower() not in TEXT_SUFFIXES:
        return Reason.UNSUPPORTED, f"suffix {path.suffix or '(none)'}; expected .html, .htm or .txt"
    size = path.stat().st_size
    if size > settings.max_bytes:
        return Reason.TOO_LARGE, f"{size} bytes > {settings.max_bytes}"
    return None


def decode(data: bytes) -> str | None:
    """Text from bytes: BOM first, then UTF-8, then Windows-1252; None for binary data."""
    if data.startswith(_BINARY_MAGIC):
        return None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _text_or_none(data.decode(encoding, errors="replace"))
    for encoding in ("utf-8", "cp1252"):
        try:
            return _text_or_none(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return None


def _text_or_none(text: str) -> str | None:
    """None when the decoded string is mostly control characters (a binary file)."""
    controls = sum(ch < " " and ch not in "\t\n\r\f" for ch in text[:100_000])
    return None if controls > MAX_CONTROL_SHARE * min(len(text), 100_000) else text
