"""Configuration: found like ruff and pytest find theirs, validated strictly.

Searched upward from the working directory: `factcheck.toml` (keys at the top level) or
`pyproject.toml` with a `[tool.factcheck]` table; the first directory holding either wins,
`factcheck.toml` first. `--config PATH` overrides the search. Paths and globs are relative
to the configuration file.

    fail-on = "warning"            # lowest severity that fails the run: info, warning, error
    threshold = 0.62               # evidence score a claim needs to count as covered (0..1)

    [severity]                     # per-code overrides: info, warning, error, or off
    hedge-dropped = "error"
    attribution-dropped-named = "off"

    max-file-bytes = 67108864      # largest draft, claim set or source read (bytes)

    [[drafts]]                     # which sources each set of drafts is checked against
    paths = ["docs/**/*.md"]
    sources = ["sources/*.txt"]

There is deliberately no key to read outside the root (see files.py): on a pull request the
configuration may be the author's, so only the command line (--allow-outside-root) can.
"""

from __future__ import annotations

import glob
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .codes import CODES
from .errors import FactcheckError
from .files import DEFAULT_MAX_BYTES, ReadPolicy, decode, read_bytes
from .model import Severity
from .sanitize import shown

TOP_KEYS = {"fail-on", "threshold", "severity", "drafts", "max-file-bytes"}
DRAFT_KEYS = {"paths", "sources"}
OFF = "off"


@dataclass(frozen=True)
class DraftSources:
    """Drafts matching `paths` are checked against `sources` (both glob lists)."""

    paths: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    fail_on: Severity = Severity.ERROR
    threshold: float | None = None  # None: the built-in `verify.SUPPORT_THRESHOLD`
    severity: dict[str, Severity | None] = field(default_factory=dict)  # None: switched off
    drafts: tuple[DraftSources, ...] = ()
    path: str | None = None  # the file these settings came from
    max_file_bytes: int = DEFAULT_MAX_BYTES

    def sources_for(self, draft: str) -> list[str]:
        """Source files configured for a draft path."""
        resolved = Path(draft).resolve()
        found: list[str] = []
        for mapping in self.drafts:
            if any(
                resolved in {p.resolve() for p in _expand(pattern)} for pattern in mapping.paths
            ):
                found += [str(p) for pattern in mapping.sources for p in _expand(pattern)]
        return found

    def draft_paths(self) -> list[str]:
        """Every draft the configuration names, for `factcheck check` without paths."""
        return [str(p) for m in self.drafts for pattern in m.paths for p in _expand(pattern)]


def _expand(pattern: str) -> list[Path]:
    """The files a glob matches, absolute but with symlinks kept: the reader decides whether
    a link may be followed (files.py), and its error names the link."""
    matches = {Path(os.path.abspath(p)) for p in glob.glob(pattern, recursive=True)}
    return sorted(p for p in matches if p.is_file())


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest configuration at or above `start`: (file, its factcheck table)."""
    for directory in [start, *start.parents]:
        candidate = directory / "factcheck.toml"
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("factcheck")
            if table is not None:
                return pyproject, table
    return None


def _read_toml(path: Path, explicit: bool = False) -> dict:
    """A TOML file's table. A configuration found by the search must really lie in its
    directory (not be a symlink to elsewhere); one named with --config is read where it is."""
    named = frozenset({os.path.abspath(path)}) if explicit else frozenset()
    policy = ReadPolicy(roots=(Path(os.path.abspath(path)).parent,), named=named)
    text = decode(read_bytes(path, policy), str(path))
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise FactcheckError(f"{shown(str(path))}: malformed TOML ({err})") from None
    except RecursionError:
        raise FactcheckError(f"{shown(str(path))}: malformed TOML (nested too deeply)") from None


def _severity(value: object, where: str, allow_off: bool) -> Severity | None:
    names = [s.value for s in Severity] + ([OFF] if allow_off else [])
    if value not in names:
        raise FactcheckError(f"{where}: expected one of {', '.join(names)}, got {value!r}")
    return None if value == OFF else Severity(value)


def _globs(value: object, base: Path, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FactcheckError(f"{where}: expected a list of glob patterns")
    return tuple(str(base / v) for v in value)


def parse_settings(table: dict, path: Path) -> Settings:
    """Validate a factcheck table; unknown keys are errors naming the key and the file."""
    name = shown(str(path))
    for key in table:
        if key not in TOP_KEYS:
            raise FactcheckError(
                f"{name}: unknown key {key!r} (allowed: {', '.join(sorted(TOP_KEYS))})"
            )
    base = path.parent
    max_file_bytes = table.get("max-file-bytes", DEFAULT_MAX_BYTES)
    if type(max_file_bytes) is not int or max_file_bytes <= 0:
        raise FactcheckError(f"{name}: max-file-bytes must be a positive whole number")
    fail_on = _severity(table.get("fail-on", "error"), f"{name}: fail-on", allow_off=False)
    threshold = table.get("threshold")
    if threshold is not None and (
        not isinstance(threshold, int | float)
        or isinstance(threshold, bool)
        or not 0 <= threshold <= 1
    ):
        raise FactcheckError(f"{name}: threshold must be a number from 0 to 1")
    overrides = table.get("severity", {})
    if not isinstance(overrides, dict):
        raise FactcheckError(f"{name}: severity must be a table of code = level")
    severity = {}
    for code, level in overrides.items():
        if code not in CODES:
            raise FactcheckError(f"{name}: unknown finding code {code!r} in severity")
        severity[code] = _severity(level, f"{name}: severity.{code}", allow_off=True)
    drafts = []
    for index, entry in enumerate(table.get("drafts", [])):
        where = f"{name}: drafts[{index}]"
        if not isinstance(entry, dict):
            raise FactcheckError(f"{where}: expected a table with paths and sources")
        for key in entry:
            if key not in DRAFT_KEYS:
                raise FactcheckError(f"{where}: unknown key {key!r} (allowed: paths, sources)")
        if "paths" not in entry or "sources" not in entry:
            raise FactcheckError(f"{where}: needs both paths and sources")
        drafts.append(
            DraftSources(
                _globs(entry["paths"], base, f"{where}.paths"),
                _globs(entry["sources"], base, f"{where}.sources"),
            )
        )
    return Settings(
        fail_on,
        float(threshold) if threshold is not None else None,
        severity,
        tuple(drafts),
        str(path),
        max_file_bytes,
    )


def load_settings(explicit: str | None = None, start: Path | None = None) -> Settings:
    """Settings from `--config`, else from the nearest configuration file, else defaults."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise FactcheckError(f"{shown(explicit)}: no such configuration file")
        table = _read_toml(path, explicit=True)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("factcheck", {})
        return parse_settings(table, path)
    found = find_config((start or Path.cwd()).resolve())
    return parse_settings(found[1], found[0]) if found else Settings()
