"""`ingest status`: recent loads, quarantine totals by reason, files waiting in the inbox."""

from __future__ import annotations

import os
import time

import pytest

from ingest.status import as_text, read_status

pytestmark = pytest.mark.model


def test_status_lists_the_load_quarantine_reasons_and_waiting_files(warehouse, tmp_path):
    (tmp_path / "old.txt").write_text("settled")
    os.utime(tmp_path / "old.txt", (time.time() - 60,) * 2)
    (tmp_path / "new.txt").write_text("being copied")
    status = read_status(warehouse, tmp_path, settle_seconds=30)
    [load] = status.loads
    assert (load["status"], load["documents"], load["quarantined"]) == ("completed", 6, 1)
    assert load["claims"] > 20
    assert [(r["reason"], r["files"]) for r in status.quarantine] == [("ING001 empty file", 1)]
    assert (status.waiting, status.settling) == (1, 1)
    assert "inbox: 1 files waiting, 1 still being written" in as_text(status)


def test_status_of_a_missing_inbox_creates_nothing(warehouse, tmp_path):
    status = read_status(warehouse, tmp_path / "inbox", settle_seconds=2)
    assert (status.waiting, status.settling) == (0, 0)
    assert not (tmp_path / "inbox").exists()
