"""The analysts' subcommands of `ingest`: exit status, printed counts, ING-coded errors."""

from __future__ import annotations

import re

import pytest

from flows.cli import main


@pytest.mark.model
def test_cli_export_prints_row_counts_per_view(warehouse, tmp_path, capsys):
    assert main(["export", "--db", str(warehouse), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"^documents +6 rows$", out, re.M)
    assert re.search(r"^quarantine +1 rows$", out, re.M)


def test_cli_names_a_missing_warehouse_with_its_code(tmp_path, capsys):
    assert main(["status", "--db", str(tmp_path / "none.duckdb")]) == 2
    assert "[ING140]" in capsys.readouterr().err


def test_cli_schema_prints_markdown(capsys):
    assert main(["schema", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("# Data dictionary")
