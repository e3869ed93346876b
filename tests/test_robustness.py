"""Bad input end to end: a corpus of 50+ kinds of awkward inbox entries through the real flow.

Every entry is either processed (a document, or archived as a copy of one) or quarantined with
a stated reason; the flow run never fails because of one file; nothing is lost; re-runs add
nothing; the run reaches no network; and no file outside the inbox is read.
"""

from __future__ import annotations

import errno
import gzip
import hashlib
import ipaddress
import os
import random
import shutil
import socket
import stat
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ingest import batch, inbox, load
from ingest.errors import Reason
from ingest.inbox import as_text
from ingest.settings import load_settings

from .conftest import MODEL, process_batch

pytestmark = [pytest.mark.model, pytest.mark.slow]

DOCUMENT = "a new document"
COPY = "archived as a copy of a stored document"
SETTLING = "left in the inbox for the next run"
SECRET = "root:x:0:0 outside-the-inbox secret, 99 passwords"
NLP_MAX_CHARS = 4_000


def _article(tag: str) -> str:
    return (
        f"Council hires more teachers in {tag}\n\n"
        f"The county council said on Monday that 12 new teachers were hired in 2016 for the {tag} "
        "district, up from 8 a year earlier.\n\n"
        "More than 40 people applied for the posts, according to the director of education, "
        "Maria Lopez.\n"
    )


def _html(tag: str, head: str = "") -> str:
    title, *paras = _article(tag).split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"<html><head>{head}<title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>"


def _long_article(tag: str) -> str:
    paragraph = (
        "In {n} the council opened {n} new classrooms and hired 3 more aides, officials said."
    )
    paras = [paragraph.format(n=2000 + i) for i in range(80)]
    return f"Ten years of schools in {tag}\n\n" + "\n\n".join(paras) + "\n"


# Each maker creates one entry in the inbox (the outside folder holds the secret) and returns its
# name; names are str, with surrogate escapes for bytes that are not UTF-8.
Maker = Callable[[Path, Path], str]


def _file(name: str, data: bytes) -> Maker:
    def make(inbox_dir: Path, outside: Path) -> str:
        (inbox_dir / name).write_bytes(data)
        return name

    return make


def _link(name: str, target: Callable[[Path, Path], str]) -> Maker:
    def make(inbox_dir: Path, outside: Path) -> str:
        os.symlink(target(inbox_dir, outside), inbox_dir / name)
        return name

    return make


def _hard_link(inbox_dir: Path, outside: Path) -> str:
    os.link(outside / "secret.txt", inbox_dir / "hard-link.txt")
    return "hard-link.txt"


def _folder(name: str) -> Maker:
    def make(inbox_dir: Path, outside: Path) -> str:
        (inbox_dir / name).mkdir()
        (inbox_dir / name / "inside.txt").write_text(_article("a folder"))
        return name

    return make


def _fifo(inbox_dir: Path, outside: Path) -> str:
    os.mkfifo(inbox_dir / "pipe.txt")
    return "pipe.txt"


def _loop(inbox_dir: Path, outside: Path) -> str:
    os.symlink("loop-b.txt", inbox_dir / "loop-a.txt")
    os.symlink("loop-a.txt", inbox_dir / "loop-b.txt")
    return "loop-a.txt"


def _xxe(inbox_dir: Path, outside: Path) -> str:
    entity = (
        f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file://{outside / "secret.txt"}">]>'
    )
    (inbox_dir / "xxe.html").write_text(entity + _html("entities").replace("<p>", "<p>&x;", 1))
    return "xxe.html"


def _big(inbox_dir: Path, outside: Path) -> str:
    with (inbox_dir / "huge-50mb.txt").open("wb") as out:
        for _ in range(50):
            out.write(b"word " * 209_716)  # 1 MiB + a little, 50 times
    return "huge-50mb.txt"


@dataclass(frozen=True)
class Kind:
    name: str
    make: Maker
    expect: tuple[str, ...]  # the allowed outcomes: DOCUMENT, COPY, SETTLING or a Reason


def _kinds() -> list[Kind]:
    rng = random.Random(7)
    plain = _article("plain text").encode()
    nested = "<html><body>\n" + "<div>\n" * 100_000 + _article("nested") + "</div>\n" * 100_000
    return [
        # refused while reading
        Kind("empty file", _file("empty.txt", b""), (Reason.EMPTY,)),
        Kind("whitespace only", _file("blank.txt", b" \n\t\r\n  \n"), (Reason.EMPTY,)),
        Kind("byte-order mark only", _file("bom.txt", b"\xef\xbb\xbf"), (Reason.EMPTY,)),
        Kind(
            "PNG renamed .html",
            _file("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(300)),
            (Reason.BINARY,),
        ),
        Kind(
            "PDF renamed .html",
            _file("report.html", b"%PDF-1.7\n" + bytes(range(256)) * 4),
            (Reason.BINARY,),
        ),
        Kind(
            "ZIP renamed .html",
            _file("bundle.html", b"PK\x03\x04" + rng.randbytes(500)),
            (Reason.BINARY,),
        ),
        Kind("gzip renamed .txt", _file("page.txt", gzip.compress(plain)), (Reason.BINARY,)),
        Kind(
            "random bytes",
            _file("noise.txt", rng.randbytes(4096)),
            (Reason.BINARY, Reason.UNDECODABLE),
        ),
        Kind(
            "control characters", _file("controls.txt", bytes(range(1, 9)) * 200), (Reason.BINARY,)
        ),
        Kind(
            "invalid UTF-8, not Windows-1252 either",
            _file("mojibake.txt", plain + b"\x81\x8d\x8f\x90\x9d"),
            (Reason.UNDECODABLE,),
        ),
        Kind("50 MB file", _big, (Reason.TOO_LARGE,)),
        Kind("one 5 MB line of text", _file("one-line.txt", b"x" * 5_000_000), (Reason.LONG_LINE,)),
        Kind(
            "minified page: markup on one line, a 1 MB inline script",
            _file(
                "minified.html",
                _html("minified")
                .replace("\n", "")
                .replace("<body>", "<body><script>var x = '" + "y" * 1_000_000 + "';</script>")
                .encode(),
            ),
            (DOCUMENT,),
        ),
        Kind(
            "link to a file outside",
            _link("outside.txt", lambda i, o: str(o / "secret.txt")),
            (Reason.OUTSIDE_INBOX,),
        ),
        Kind(
            "relative ../ link outside",
            _link("dotdot.txt", lambda i, o: "../outside/secret.txt"),
            (Reason.OUTSIDE_INBOX,),
        ),
        Kind(
            "link to a folder outside",
            _link("outside-dir.html", lambda i, o: str(o)),
            (Reason.OUTSIDE_INBOX,),
        ),
        Kind("link loop", _loop, (Reason.BROKEN_LINK,)),
        Kind(
            "dangling link",
            _link("dangling.txt", lambda i, o: "no-such-file.txt"),
            (Reason.BROKEN_LINK,),
        ),
        Kind("hard link to a file outside", _hard_link, (Reason.HARD_LINK,)),
        Kind("directory", _folder("folder"), (Reason.NOT_A_FILE,)),
        Kind("directory named .html", _folder("folder.html"), (Reason.NOT_A_FILE,)),
        Kind("named pipe (FIFO)", _fifo, (Reason.NOT_A_FILE,)),
        Kind(
            "unreadable permissions",
            _file("locked.txt", _article("locked").encode()),
            (Reason.UNREADABLE,),
        ),
        Kind("unsupported suffix", _file("notes.docx", plain), (Reason.UNSUPPORTED,)),
        Kind("no suffix", _file("README", plain), (Reason.UNSUPPORTED,)),
        Kind(
            "hidden system file",
            _file(".DS_Store", b"\x00\x00\x00\x01Bud1" + bytes(100)),
            (Reason.UNSUPPORTED,),
        ),
        # refused while cleaning
        Kind(
            "HTML with no article",
            _file("no-article.html", b"<html><head><title>Home</title></head><body></body></html>"),
            (Reason.NO_TEXT,),
        ),
        Kind(
            "page of only navigation",
            _file(
                "nav.html",
                (
                    "<html><body><nav><ul>"
                    + '<li><a href="/x">Home</a></li>' * 300
                    + "</ul></nav></body></html>"
                ).encode(),
            ),
            (Reason.NO_TEXT,),
        ),
        Kind(
            "only scripts",
            _file(
                "script.html",
                (
                    "<html><head><script>"
                    + "var a = 1;" * 2000
                    + "</script></head><body></body></html>"
                ).encode(),
            ),
            (Reason.NO_TEXT,),
        ),
        Kind(
            "deeply nested HTML", _file("nested.html", nested.encode()), (Reason.NO_TEXT, DOCUMENT)
        ),
        Kind("XML entity naming a file outside", _xxe, (Reason.NO_TEXT, DOCUMENT)),
        Kind(
            "numbers only",
            _file("numbers.txt", "\n".join(map(str, range(3000))).encode()),
            (Reason.NO_TEXT,),
        ),
        Kind(
            "JSON saved as .txt",
            _file("data.txt", b'{"teachers": 12, "year": 2016, "applicants": 40}'),
            (Reason.NO_TEXT,),
        ),
        # processed
        Kind("plain UTF-8 article", _file("plain.txt", plain), (DOCUMENT,)),
        Kind("HTML article", _file("article.html", _html("HTML").encode()), (DOCUMENT,)),
        Kind(
            "UTF-8 with BOM",
            _file("utf8-bom.txt", b"\xef\xbb\xbf" + _article("UTF-8 BOM").encode()),
            (DOCUMENT,),
        ),
        Kind(
            "UTF-16 LE with BOM",
            _file("utf16le.txt", _article("UTF-16 LE").encode("utf-16")),
            (DOCUMENT,),
        ),
        Kind(
            "UTF-16 BE with BOM",
            _file("utf16be.html", b"\xfe\xff" + _html("UTF-16 BE").encode("utf-16-be")),
            (DOCUMENT,),
        ),
        Kind(
            "UTF-16 without BOM",
            _file("utf16-nobom.txt", _article("UTF-16 no BOM").encode("utf-16-le")),
            (DOCUMENT,),
        ),
        Kind(
            "UTF-32 with BOM", _file("utf32.txt", _article("UTF-32").encode("utf-32")), (DOCUMENT,)
        ),
        Kind(
            "Latin-1",
            _file("latin1.txt", _article("Málaga and Köln").encode("latin-1")),
            (DOCUMENT,),
        ),
        Kind(
            "Windows-1252 quotes",
            _file("cp1252.txt", _article("“Quoted” — places").encode("cp1252")),
            (DOCUMENT,),
        ),
        Kind(
            "wrong declared charset",
            _file("charset.html", _html("Zürich", '<meta charset="iso-8859-1">').encode()),
            (DOCUMENT,),
        ),
        Kind(
            "CR-only line endings",
            _file("old-mac.txt", _article("Cupertino").replace("\n", "\r").encode()),
            (DOCUMENT,),
        ),
        Kind("truncated HTML", _file("cut.html", _html("truncated").encode()[:-40]), (DOCUMENT,)),
        Kind("Markdown", _file("notes.md", ("# " + _article("Markdown")).encode()), (DOCUMENT,)),
        Kind("upper-case suffix", _file("SHOUT.HTML", _html("upper case").encode()), (DOCUMENT,)),
        Kind(
            "non-English text",
            _file(
                "spanish.txt",
                "El consejo dijo que 12 personas fueron contratadas en 2016, y que más de 40 solicitaron los puestos este año.\n\n".encode()
                * 4,
            ),
            (DOCUMENT,),
        ),
        Kind(
            "longer than nlp.max_chars",
            _file("long.txt", _long_article("Springfield").encode()),
            (DOCUMENT,),
        ),
        Kind(
            "same text, other bytes (CRLF)",
            _file("plain_crlf.txt", plain.replace(b"\n", b"\r\n")),
            (DOCUMENT,),
        ),
        Kind("duplicate bytes, other name", _file("plain_copy.txt", plain), (COPY,)),
        Kind(
            "link to a file inside", _link("zz-link-inside.txt", lambda i, o: "plain.txt"), (COPY,)
        ),
        Kind(
            "name with spaces",
            _file("my report  final.txt", _article("spaces").encode()),
            (DOCUMENT,),
        ),
        Kind(
            "unicode name",
            _file("café – 日本語 ✓.txt", _article("unicode names").encode()),
            (DOCUMENT,),
        ),
        Kind(
            "newline in name", _file("two\nlines.txt", _article("newlines").encode()), (DOCUMENT,)
        ),
        Kind(
            "name not UTF-8",
            _file(os.fsdecode(b"caf\xe9-latin1-name.txt"), _article("byte names").encode()),
            (DOCUMENT,),
        ),
        Kind(
            "name starting with dots",
            _file("..hidden-report.txt", _article("dots").encode()),
            (DOCUMENT,),
        ),
        Kind(
            "modification time in the future",
            _file("future.txt", _article("the future").encode()),
            (DOCUMENT,),
        ),
        Kind(
            "file still being written",
            _file("partial.txt", _article("partial").encode()),
            (SETTLING,),
        ),
    ]


KINDS = _kinds()


@contextmanager
def _offline(attempts: list) -> Iterator[None]:
    """Refuse (and record) every connection or name lookup that is not to this machine."""

    def local(address) -> bool:
        if isinstance(address, str | bytes):  # a Unix socket path
            return True
        try:
            return address[0] == "localhost" or ipaddress.ip_address(address[0]).is_loopback
        except ValueError:
            return False

    def guard(real):
        def call(sock, address, *args):
            if not local(address):
                attempts.append(address)
                raise OSError(errno.ENETUNREACH, "network blocked by the test")
            return real(sock, address, *args)

        return call

    real_lookup = socket.getaddrinfo

    def lookup(host, *args, **kwargs):
        if host is not None and not local((host.decode() if isinstance(host, bytes) else host,)):
            attempts.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "name lookup blocked by the test")
        return real_lookup(host, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", guard(socket.socket.connect))
        mp.setattr(socket.socket, "connect_ex", guard(socket.socket.connect_ex))
        mp.setattr(socket, "getaddrinfo", lookup)
        yield


@contextmanager
def _unreadable(name: str) -> Iterator[None]:
    """chmod 000 does not stop root, so for root opening that file fails as it would for others."""
    real_open = os.open

    def refusing(path, flags, *args, **kwargs):
        if os.fspath(path).endswith(f"/{name}"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        if os.geteuid() == 0:
            mp.setattr(os, "open", refusing)
        yield


def _fingerprint(path: Path) -> str:
    """What an entry is, independent of where it lies: bytes' hash, link target, folder, FIFO."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return f"link to {os.readlink(path)}"
    if stat.S_ISDIR(info.st_mode):
        return "folder of " + ",".join(sorted(_fingerprint(p) for p in path.iterdir()))
    if stat.S_ISFIFO(info.st_mode):
        return "fifo"
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except PermissionError:  # chmod 000 when not root
        return f"unreadable, {info.st_size} bytes"


def _entries(*folders: Path) -> Counter[str]:
    return Counter(
        _fingerprint(p) for folder in folders if folder.exists() for p in folder.iterdir()
    )


@pytest.fixture(scope="module")
def corpus(prefect_harness, tmp_path_factory):
    """The corpus in an inbox, one flow run over it; returns what the checks need."""
    from flows.ingest_inbox import ingest_inbox

    root = tmp_path_factory.mktemp("robustness")
    inbox_dir, outside = root / "inbox", root / "outside"
    inbox_dir.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET)
    names = {kind.name: kind.make(inbox_dir, outside) for kind in KINDS}
    (inbox_dir / "locked.txt").chmod(0)
    old, now = time.time() - 3600, time.time()
    for path in inbox_dir.iterdir():
        os.utime(path, (old, old), follow_symlinks=False)
    os.utime(inbox_dir / "future.txt", (now + 86_400, now + 86_400))
    os.utime(inbox_dir / "partial.txt", (now, now))
    config = root / "ingest.toml"
    config.write_text(
        f'[paths]\narchive = "{root / "archive"}"\nquarantine = "{root / "quarantine"}"\n'
        f"[read]\nsettle_seconds = 600\n[nlp]\nmax_chars = {NLP_MAX_CHARS}\n"
    )
    before = _entries(inbox_dir)
    attempts: list = []
    run = {
        "inbox_dir": str(inbox_dir),
        "db_path": str(root / "warehouse" / "claims.duckdb"),
        "model_path": str(MODEL),
        "config_file": str(config),
    }
    with pytest.MonkeyPatch.context() as mp, _offline(attempts), _unreadable("locked.txt"):
        for key in [k for k in os.environ if k.startswith("INGEST__")]:
            mp.delenv(key)  # other tests' settings must not leak into this run
        counts = ingest_inbox(**run)
    return {
        "root": root,
        "names": names,
        "before": before,
        "counts": counts,
        "run": run,
        "attempts": attempts,
    }


def _query(root: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(root / "warehouse" / "claims.duckdb"), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _outcome(corpus: dict, name: str) -> str:
    """Where one entry ended up, in the terms of Kind.expect."""
    root, shown = corpus["root"], as_text(name)
    reasons = dict(_query(root, "select source_file, reason from quarantine"))
    in_folder = {f: {as_text(p.name) for p in (root / f).iterdir()} for f in ("archive", "inbox")}
    if shown in reasons:
        [(moved_to,)] = _query(
            root, "select moved_to from quarantine where source_file = ?", [shown]
        )
        quarantined = {as_text(p.name) for p in (root / "quarantine").iterdir()}
        assert Path(moved_to).name in quarantined, moved_to
        return reasons[shown]
    if shown in in_folder["inbox"]:
        return SETTLING
    assert shown in in_folder["archive"], f"{shown!r} is nowhere"
    documents = {row[0] for row in _query(root, "select source_file from documents")}
    return DOCUMENT if shown in documents else COPY


def test_robustness_corpus_has_at_least_30_kinds():
    assert len({kind.name for kind in KINDS}) == len(KINDS) >= 30


@pytest.mark.parametrize("kind", KINDS, ids=[kind.name for kind in KINDS])
def test_robustness_entry_is_processed_or_quarantined_with_reason(corpus, kind):
    assert _outcome(corpus, corpus["names"][kind.name]) in kind.expect


def test_robustness_run_completes_and_loses_nothing(corpus):
    root = corpus["root"]
    assert corpus["counts"]["left_for_next_run"] == 1
    assert _entries(root / "inbox", root / "archive", root / "quarantine") == corpus["before"]
    assert (root / "outside" / "secret.txt").read_text() == SECRET


def test_robustness_run_reaches_no_network(corpus):
    assert corpus["attempts"] == []


def test_robustness_files_outside_inbox_are_never_read(corpus):
    texts = _query(corpus["root"], "select text from documents")
    assert texts and not any("secret" in text or "root:x" in text for (text,) in texts)


def test_robustness_special_documents_are_flagged(corpus):
    rows = dict(
        (name, rest)
        for name, *rest in _query(
            corpus["root"],
            "select source_file, duplicate_of is not null, truncated, language from documents",
        )
    )
    # The corpus's articles share one template, so MinHash marks most as near-duplicates of the
    # first processed; the long article is a different story.
    assert rows["plain_crlf.txt"][0] and not rows["long.txt"][0]
    assert rows["long.txt"][1] and not rows["plain.txt"][1]
    assert rows["spanish.txt"][2] == "es"
    assert "caf\\xe9-latin1-name.txt" in rows


def test_robustness_rerun_adds_nothing_but_the_settled_file(corpus):
    from flows.ingest_inbox import ingest_inbox

    root = corpus["root"]
    count_all = "select " + ", ".join(
        f"(select count(*) from {t})" for t in ("documents", "entities", "claims", "quarantine")
    )
    [before] = _query(root, count_all)
    old = time.time() - 3600
    os.utime(root / "inbox" / "partial.txt", (old, old))
    again = [p for p in (root / "archive").iterdir() if p.is_file() and not p.is_symlink()]
    for path in again:  # every processed file dropped a second time
        shutil.copy2(path, root / "inbox" / path.name)
    with pytest.MonkeyPatch.context() as mp:
        for key in [k for k in os.environ if k.startswith("INGEST__")]:
            mp.delenv(key)
        counts = ingest_inbox(**corpus["run"])
    assert (counts["documents_added"], counts["quarantined"]) == (1, 0)  # partial.txt, settled
    assert counts["already_ingested"] == len(again)
    [after] = _query(root, count_all)
    assert (after[0], after[3]) == (before[0] + 1, before[3])
    assert list((root / "inbox").iterdir()) == []


def _process(paths: list[Path], settings, files: int) -> batch.BatchResult:
    """One batch through the flow's read, stages and load tasks, called as functions."""
    return process_batch(paths, load.start_load(settings.paths.db, files), settings)


def _batch_settings(root: Path):
    return load_settings(env={}).with_paths(
        inbox=root / "inbox",
        archive=root / "archive",
        quarantine=root / "quarantine",
        db=root / "claims.duckdb",
        model=MODEL,
    )


@pytest.fixture
def batch_root(prefect_harness, tmp_path) -> Path:
    (tmp_path / "inbox").mkdir()
    load.migrate(tmp_path / "claims.duckdb")
    return tmp_path


def test_robustness_changed_file_is_a_new_version_superseding_the_old(batch_root):
    settings = _batch_settings(batch_root)
    report = batch_root / "inbox" / "report.txt"
    for version in ("Riverton", "Lakeside"):  # same name, the story updated
        report.write_text(_article(version))
        _process([report], settings, 1)
    with duckdb.connect(str(settings.paths.db), read_only=True) as con:
        versions = con.execute(
            "select doc_id, superseded_by, duplicate_of from documents "
            "where source_file = 'report.txt' order by ingested_at"
        ).fetchall()
        claims = con.execute(
            "select doc_id, bool_and(is_superseded), bool_or(is_duplicate), count(*) from claims "
            "group by doc_id"
        ).fetchall()
    (old, superseded_by, _), (new, current, new_duplicate_of) = versions
    assert (superseded_by, current) == (new, None)
    assert new_duplicate_of is None  # the current version, not a copy of its old self
    by_doc = {doc_id: rest for doc_id, *rest in claims}
    assert by_doc[old][0] and not by_doc[new][0]  # the old claims stay, marked superseded
    assert not by_doc[new][1]  # so the update's claims are the ones measures use
    assert by_doc[old][2] > 0 and by_doc[new][2] > 0
    assert sorted(p.name for p in (batch_root / "archive").iterdir()) == [
        "report.1.txt",
        "report.txt",
    ]


def test_robustness_unrelated_articles_under_one_name_are_not_versions(batch_root):
    settings = _batch_settings(batch_root)
    page = batch_root / "inbox" / "index.html"
    stories = [
        _html("Riverton"),
        "<html><head><title>Storm closes beaches</title></head><body><article>"
        "<h1>Storm closes beaches</h1><p>The state closed 14 beaches on Sunday after a storm "
        "washed sewage into Long Island Sound, the health department said.</p><p>About 300 "
        "swimmers were turned away, lifeguards said, and the beaches may reopen on "
        "Wednesday.</p></article></body></html>",
    ]
    for html in stories:  # two sites' front pages, both saved as index.html
        page.write_text(html)
        _process([page], settings, 1)
    with duckdb.connect(str(settings.paths.db), read_only=True) as con:
        rows = con.execute(
            "select superseded_by, duplicate_of from documents where source_file = 'index.html'"
        ).fetchall()
    assert rows == [(None, None), (None, None)]


def test_robustness_error_inside_cleaning_quarantines_only_that_file(batch_root, monkeypatch):
    real_clean = batch.clean_document

    def clean(raw, today: date, **limits):
        if raw.source_file == "bad.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real_clean(raw, today, **limits)

    monkeypatch.setattr(batch, "clean_document", clean)
    for name in ("bad.txt", "good.txt"):
        (batch_root / "inbox" / name).write_text(_article(name))
    settings = _batch_settings(batch_root)
    paths = sorted((batch_root / "inbox").iterdir())
    result = _process(paths, settings, 2)
    assert (result.documents, result.quarantined) == (1, 1)
    with duckdb.connect(str(settings.paths.db), read_only=True) as con:
        rows = con.execute("select stage, reason, detail from quarantine").fetchall()
    assert rows == [("clean", Reason.STAGE_FAILED, rows[0][2])]
    assert "RecursionError" in rows[0][2]


def test_robustness_copy_of_a_document_that_failed_nlp_is_not_a_duplicate(batch_root, monkeypatch):
    failing = hashlib.sha256(_article("Riverton").encode()).hexdigest()  # a.txt's doc_id
    real_claims = batch.claims_from_paragraphs

    def claims(paragraphs, doc_id, published, *budget):
        if doc_id == failing:
            raise ValueError("simulated NLP failure")
        return real_claims(paragraphs, doc_id, published, *budget)

    monkeypatch.setattr(batch, "claims_from_paragraphs", claims)
    (batch_root / "inbox" / "a.txt").write_text(_article("Riverton"))
    (batch_root / "inbox" / "b.txt").write_text(_article("Riverton") + "Share this story.\n")
    settings = _batch_settings(batch_root)
    paths = sorted((batch_root / "inbox").iterdir())
    result = _process(paths, settings, 2)
    assert (result.documents, result.quarantined) == (1, 1)
    with duckdb.connect(str(settings.paths.db), read_only=True) as con:
        rows = con.execute("select source_file, duplicate_of from documents").fetchall()
    assert rows == [("b.txt", None)]  # not a copy of a.txt, which is in quarantine


def test_robustness_failed_move_leaves_file_for_next_run(batch_root, monkeypatch):
    (batch_root / "inbox" / "a.txt").write_text(_article("moves"))
    settings = _batch_settings(batch_root)
    real_carry_out = inbox.carry_out

    def failing(move):
        raise OSError(errno.EXDEV, "simulated failure")

    monkeypatch.setattr(inbox, "carry_out", failing)
    paths = [batch_root / "inbox" / "a.txt"]
    first = _process(paths, settings, 1)
    assert (first.documents, first.not_moved) == (1, 1)
    assert paths[0].exists()
    monkeypatch.setattr(inbox, "carry_out", real_carry_out)
    second = _process(paths, settings, 1)
    assert (second.documents, second.already_ingested, second.not_moved) == (0, 1, 0)
    assert (batch_root / "archive" / "a.txt").exists() and not paths[0].exists()


def test_robustness_file_gone_before_reading_is_counted_not_quarantined(batch_root):
    settings = _batch_settings(batch_root)
    gone = batch_root / "inbox" / "gone.txt"
    result = _process([gone], settings, 1)
    assert (result.vanished, result.quarantined, result.documents) == (1, 0, 0)


def test_robustness_list_inbox_settles_recent_and_not_future_files(tmp_path):
    now = 1_000_000.0
    for name, mtime in (("old.txt", now - 60), ("new.txt", now - 1), ("future.txt", now + 3600)):
        (tmp_path / name).write_text("x")
        os.utime(tmp_path / name, (mtime, mtime))
    ready, settling = inbox.list_inbox(tmp_path, settle_seconds=2, now=now)
    assert [p.name for p in ready] == ["future.txt", "old.txt"]
    assert [p.name for p in settling] == ["new.txt"]
