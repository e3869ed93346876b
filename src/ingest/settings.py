"""One Settings object, built at the edge from packaged defaults, a user file and the environment."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

ENV_PREFIX = "INGEST__"
DEFAULTS = Path(__file__).with_name("defaults.toml")
# Where the shipped files (models/, warehouse/) lie: the project this package is installed from.
# The packaged model and alias defaults resolve against it, so `ingest` works from any directory.
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("model", "aliases")
# Folders that default to siblings of the inbox (an empty setting): <inbox>/../archive.
BESIDE_INBOX = ("archive", "quarantine")


@dataclass(frozen=True, slots=True)
class PathSettings:
    inbox: Path
    archive: Path
    quarantine: Path
    db: Path
    model: Path
    aliases: Path


@dataclass(frozen=True, slots=True)
class ReadSettings:
    max_bytes: int
    max_line_chars: int
    settle_seconds: float
    look_seconds: float = 0.0  # read.look_seconds in defaults.toml; 0: a single look


@dataclass(frozen=True, slots=True)
class NlpSettings:
    batch_size: int
    max_chars: int
    max_seconds: float
    max_memory_mb: int


@dataclass(frozen=True, slots=True)
class WatchSettings:
    poll_seconds: float


@dataclass(frozen=True, slots=True)
class ScaleSettings:
    workers: int
    dask_address: str


@dataclass(frozen=True, slots=True)
class Settings:
    paths: PathSettings
    read: ReadSettings
    nlp: NlpSettings
    watch: WatchSettings
    scale: ScaleSettings

    def with_paths(self, **overrides: Path | str | None) -> Settings:
        """A copy with the given paths replaced; None leaves a path as it is."""
        given = {k: Path(v) for k, v in overrides.items() if v is not None}
        old = self.paths
        if "inbox" in given:  # folders that were beside the old inbox follow it
            for name in BESIDE_INBOX:
                if name not in given and getattr(old, name) == old.inbox.parent / name:
                    given[name] = given["inbox"].parent / name
        return replace(self, paths=replace(old, **given))

    def with_scale(self, **overrides: int | str | None) -> Settings:
        """A copy with the given scale settings replaced; None leaves one as it is."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, scale=replace(self.scale, **given))


_SECTIONS = {
    "paths": PathSettings,
    "read": ReadSettings,
    "nlp": NlpSettings,
    "watch": WatchSettings,
    "scale": ScaleSettings,
}


def load_settings(user_file: Path | None = None, env: dict[str, str] | None = None) -> Settings:
    """Merge defaults.toml, an optional user TOML file and INGEST__SECTION__KEY variables.

    Raises:
        ValueError: an unknown section/key or a value of the wrong type.
    """
    data = tomllib.loads(DEFAULTS.read_text("utf-8"))
    for name in SHIPPED:
        data["paths"][name] = str(PROJECT_ROOT / data["paths"][name])
    if user_file is not None:
        _merge(data, tomllib.loads(Path(user_file).read_text("utf-8")))
    _merge(data, _from_env(os.environ if env is None else env))
    paths = data["paths"]
    for name in BESIDE_INBOX:
        paths[name] = paths[name] or str(Path(paths["inbox"]).parent / name)
    return Settings(**{name: _build(cls, data[name]) for name, cls in _SECTIONS.items()})


def _from_env(env: dict[str, str]) -> dict[str, dict[str, str]]:
    """INGEST__PATHS__DB=x becomes {"paths": {"db": "x"}}."""
    out: dict[str, dict[str, str]] = {}
    for key, value in env.items():
        if key.startswith(ENV_PREFIX) and key.count("__") == 2:
            section, name = key[len(ENV_PREFIX) :].lower().split("__")
            out.setdefault(section, {})[name] = value
    return out


def _merge(base: dict[str, dict[str, Any]], extra: dict[str, dict[str, Any]]) -> None:
    for section, values in extra.items():
        if section not in base:
            raise ValueError(f"unknown settings section {section!r}")
        for key, value in values.items():
            if key not in base[section]:
                raise ValueError(f"unknown setting {section}.{key}")
            base[section][key] = value


def _build(cls: type, values: dict[str, Any]) -> Any:
    """Cast each value to the field's declared type (env values arrive as strings)."""
    casts = {"Path": Path, "int": int, "float": float, "str": str}
    return cls(**{f.name: casts[str(f.type)](values[f.name]) for f in fields(cls)})
