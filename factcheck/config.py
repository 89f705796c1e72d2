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

    [[drafts]]                     # which sources each set of drafts is checked against
    paths = ["docs/**/*.md"]
    sources = ["sources/*.txt"]
"""

from __future__ import annotations

import glob
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .codes import CODES
from .errors import FactcheckError
from .model import Severity

TOP_KEYS = {"fail-on", "threshold", "severity", "drafts"}
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

    def sources_for(self, draft: str) -> list[str]:
        """Source files configured for a draft path."""
        resolved = Path(draft).resolve()
        found: list[str] = []
        for mapping in self.drafts:
            if any(resolved in _expand(pattern) for pattern in mapping.paths):
                found += [str(p) for pattern in mapping.sources for p in sorted(_expand(pattern))]
        return found

    def draft_paths(self) -> list[str]:
        """Every draft the configuration names, for `factcheck check` without paths."""
        return [
            str(p) for m in self.drafts for pattern in m.paths for p in sorted(_expand(pattern))
        ]


def _expand(pattern: str) -> set[Path]:
    return {Path(p).resolve() for p in glob.glob(pattern, recursive=True) if Path(p).is_file()}


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


def _read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise FactcheckError(f"{path}: malformed TOML ({err})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise FactcheckError(f"{path}: cannot read ({err})") from None


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
    for key in table:
        if key not in TOP_KEYS:
            raise FactcheckError(
                f"{path}: unknown key {key!r} (allowed: {', '.join(sorted(TOP_KEYS))})"
            )
    base = path.parent
    fail_on = _severity(table.get("fail-on", "error"), f"{path}: fail-on", allow_off=False)
    threshold = table.get("threshold")
    if threshold is not None and (
        not isinstance(threshold, int | float)
        or isinstance(threshold, bool)
        or not 0 <= threshold <= 1
    ):
        raise FactcheckError(f"{path}: threshold must be a number from 0 to 1")
    overrides = table.get("severity", {})
    if not isinstance(overrides, dict):
        raise FactcheckError(f"{path}: severity must be a table of code = level")
    severity = {}
    for code, level in overrides.items():
        if code not in CODES:
            raise FactcheckError(f"{path}: unknown finding code {code!r} in severity")
        severity[code] = _severity(level, f"{path}: severity.{code}", allow_off=True)
    drafts = []
    for index, entry in enumerate(table.get("drafts", [])):
        where = f"{path}: drafts[{index}]"
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
    )


def load_settings(explicit: str | None = None, start: Path | None = None) -> Settings:
    """Settings from `--config`, else from the nearest configuration file, else defaults."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise FactcheckError(f"{explicit}: no such configuration file")
        table = _read_toml(path)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("factcheck", {})
        return parse_settings(table, path)
    found = find_config((start or Path.cwd()).resolve())
    return parse_settings(found[1], found[0]) if found else Settings()
