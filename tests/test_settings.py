from pathlib import Path

import pytest

from ingest.settings import load_settings


def test_load_settings_env_overrides_defaults():
    s = load_settings(env={"INGEST__PATHS__DB": "/data/x.duckdb", "INGEST__NLP__BATCH_SIZE": "8"})
    assert s.paths.db == Path("/data/x.duckdb")
    assert s.nlp.batch_size == 8
    assert s.paths.inbox == Path("inbox")


def test_load_settings_user_file_overrides_defaults(tmp_path):
    user = tmp_path / "ingest.toml"
    user.write_text("[read]\nmax_bytes = 100\n")
    assert load_settings(user, env={}).read.max_bytes == 100


def test_load_settings_rejects_unknown_key():
    with pytest.raises(ValueError, match="unknown setting"):
        load_settings(env={"INGEST__PATHS__NOPE": "x"})


def test_load_settings_finds_the_shipped_model_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    paths = load_settings(env={}).paths
    assert (paths.model / "config.cfg").is_file() and paths.aliases.is_file()


def test_load_settings_puts_archive_and_quarantine_beside_the_inbox(tmp_path):
    paths = load_settings(env={}).with_paths(inbox=tmp_path / "in").paths
    assert (paths.archive, paths.quarantine) == (tmp_path / "archive", tmp_path / "quarantine")
    explicit = load_settings(env={}).with_paths(inbox=tmp_path / "in", archive="/a").paths
    assert (explicit.archive, explicit.quarantine) == (Path("/a"), tmp_path / "quarantine")


def test_load_settings_scale_from_env_and_overrides():
    s = load_settings(env={"INGEST__SCALE__WORKERS": "4"})
    assert (s.scale.workers, s.scale.dask_address) == (4, "")
    scaled = s.with_scale(workers=None, dask_address="tcp://10.0.0.5:8786")
    assert (scaled.scale.workers, scaled.scale.dask_address) == (4, "tcp://10.0.0.5:8786")
