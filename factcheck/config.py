"""Configuration: found like ruff and pytest find theirs, validated strictly.

Searched upward from the working directory: `factcheck.toml` (keys at the top level) or
`pyproject.toml` with a `[tool.factcheck]` table; the first directory holding either wins,
`factcheck.toml` first. `--config PATH` overrides the search. Paths and globs are relative
to the configuration file.

    fail-on = "warning"            # lowest severity that fails the run: info, warning, error
    threshold = 0.75               # share of a claim's words its evidence must say (0..1)

    [severity]                     # per-code overrides: info, warning, error, or off
    hedge-dropped = "error"
    attribution-dropped-named = "off"

    max-file-bytes = 67108864      # largest draft, claim set or source read (bytes)
    exclude = ["docs/archive/**"]  # never checked, even when named or inside a named directory

    [[drafts]]                     # which sources each set of drafts is checked against
    paths = ["docs/**/*.md"]
    sources = ["sources/*.txt"]

    [[per-file]]                   # severities for some files only (like ruff's per-file-ignores)
    paths = ["docs/opinion/**"]
    severity = {attribution-dropped = "off"}

Severity is decided in this order, the later winning: the code's default, `[severity]`, each
matching `[[per-file]]` in file order, then `--select`/`--ignore` on the command line.

There is deliberately no key to read outside the root (see files.py): on a pull request the
configuration may be the author's, so only the command line (--allow-outside-root) can.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from .codes import CODES
from .errors import FactcheckError
from .files import DEFAULT_MAX_BYTES, UNCONFINED, ReadPolicy, decode, read_bytes
from .inputs import DRAFT_SUFFIXES, SOURCE_SUFFIXES, glob_matches, named_files
from .model import Severity
from .sanitize import shown

TOP_KEYS = {"fail-on", "threshold", "severity", "drafts", "max-file-bytes", "exclude", "per-file"}
DRAFT_KEYS = {"paths", "sources"}
PER_FILE_KEYS = {"paths", "severity"}
OFF = "off"


@dataclass(frozen=True)
class DraftSources:
    """Drafts matching `paths` are checked against `sources` (both glob lists)."""

    paths: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class PerFile:
    """Files matching `paths` (globs) get these severities over the general ones."""

    paths: tuple[str, ...]
    severity: dict[str, Severity | None]


@dataclass(frozen=True)
class Settings:
    """The settings of a run: from a configuration file, else the defaults."""

    fail_on: Severity = Severity.ERROR
    threshold: float | None = None  # None: the built-in `align.BEARS_ON_CLAIM`
    severity: dict[str, Severity | None] = field(default_factory=dict)  # None: switched off
    drafts: tuple[DraftSources, ...] = ()
    path: str | None = None  # the file these settings came from
    max_file_bytes: int = DEFAULT_MAX_BYTES
    exclude: tuple[str, ...] = ()  # globs of files never checked
    per_file: tuple[PerFile, ...] = ()
    overrides: dict[str, Severity | None] = field(default_factory=dict)  # --select/--ignore

    def is_excluded(self, path: str) -> bool:
        return any(_matches(pattern, path) for pattern in self.exclude)

    def for_file(self, path: str | None) -> Settings:
        """These settings with the severities that apply to `path`: `[severity]`, then each
        matching `[[per-file]]`, then the command line's `--select`/`--ignore`."""
        severity = dict(self.severity)
        for entry in self.per_file if path is not None else ():
            if any(_matches(pattern, path) for pattern in entry.paths):
                severity.update(entry.severity)
        severity.update(self.overrides)
        return replace(self, severity=severity)

    def with_selection(self, select: list[str], ignore: list[str]) -> Settings:
        """Settings where only `select`ed codes (all when empty) are reported, less the
        `ignore`d ones, as ruff's --select and --ignore; unknown codes are errors."""
        for code in [*select, *ignore]:
            known_code(code, "on the command line")
        overrides: dict[str, Severity | None] = {}
        if select:
            overrides = {code: None for code in CODES if code not in select}
        overrides.update({code: None for code in ignore})
        return replace(self, overrides=overrides)

    def sources_for(self, draft: str, policy: ReadPolicy = UNCONFINED) -> list[str]:
        """Source files configured for a draft path (which need not exist yet: a draft read
        from standard input is matched by its --stdin-filename); a directory or glob among
        them is walked only where `policy` lets it read."""
        found: list[str] = []
        for mapping in self.drafts:
            if any(_matches(pattern, draft) for pattern in mapping.paths):
                found += self._sources_of(mapping, policy)
        return found

    def all_sources(self, policy: ReadPolicy = UNCONFINED) -> list[str]:
        """Every source file any [[drafts]] entry names, each once: what `index` analyses
        when given no paths."""
        found = [path for mapping in self.drafts for path in self._sources_of(mapping, policy)]
        return list(dict.fromkeys(found))

    def walked_patterns(self) -> list[str]:
        """Every glob the configuration may expand ([[drafts]] paths and sources), for the
        caller to confine before any run uses one."""
        return [pattern for m in self.drafts for pattern in (*m.paths, *m.sources)]

    def draft_paths(self, policy: ReadPolicy = UNCONFINED) -> list[str]:
        """Every draft the configuration names, for `factcheck check` without paths (a
        pattern that matches no draft yet is no error: `docs/opinion/**` before the first
        opinion piece)."""
        where = f"{self.path}: [[drafts]] paths"
        return [
            path
            for mapping in self.drafts
            for pattern in mapping.paths
            for path in named_files(pattern, DRAFT_SUFFIXES, policy, where, required=False)
        ]

    def _sources_of(self, mapping: DraftSources, policy: ReadPolicy) -> list[str]:
        """The files one [[drafts]] entry's `sources` name (files, directories or globs, as
        everywhere a source is named); one that names none is an error, as on the command
        line, since a draft would otherwise lose its sources to a typo."""
        where = f"{self.path}: [[drafts]] sources"
        return [
            path
            for pattern in mapping.sources
            for path in named_files(pattern, SOURCE_SUFFIXES, policy, where)
        ]


def known_code(code: str, where: str) -> str:
    """`code` if it is a finding code, else an error naming the nearest one."""
    if code in CODES:
        return code
    import difflib  # here: only an unknown code needs it

    near = difflib.get_close_matches(code, CODES, n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else " (see: factcheck rule)"
    raise FactcheckError(
        f"unknown finding code {shown(code)!r}{' ' + where if where else ''}{hint}"
    )


def _matches(pattern: str, path: str) -> bool:
    """Whether `path` matches `pattern` (an absolute glob, or a directory: anything under
    it), both resolved the same way (symlinks followed as far as they exist), so neither
    needs to exist."""
    if os.path.isdir(pattern):  # a directory names everything under it
        pattern = os.path.join(pattern, "**")
    return glob_matches(Path(pattern).resolve().as_posix(), Path(path).resolve().as_posix())


def find_config(start: Path) -> tuple[Path, dict] | None:
    """The nearest configuration at or above `start`: (file, its factcheck table)."""
    for directory in [start, *start.parents]:
        candidate = directory / "factcheck.toml"
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            text = _config_text(pyproject)
            # A table for factcheck writes its name; a pyproject.toml that never does has
            # none and is not parsed (tomllib's import alone is 4 ms of every hook's run).
            table = _parse_toml(text, pyproject) if "factcheck" in text else {}
            if table.get("tool", {}).get("factcheck") is not None:
                return pyproject, table["tool"]["factcheck"]
    return None


def _read_toml(path: Path, explicit: bool = False) -> dict:
    """A TOML file's table."""
    return _parse_toml(_config_text(path, explicit), path)


def _config_text(path: Path, explicit: bool = False) -> str:
    """A configuration file's text. One found by the search must really lie in its
    directory (not be a symlink to elsewhere); one named with --config is the invoker's
    choice and is read where it is (a regular file all the same)."""
    policy = ReadPolicy(roots=None if explicit else (Path(os.path.abspath(path)).parent,))
    return decode(read_bytes(path, policy), str(path))


def _parse_toml(text: str, path: Path) -> dict:
    import tomllib  # here: most runs find no configuration to parse

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
    severity = _severities(table.get("severity", {}), f"{name}: severity")
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
        _globs(table.get("exclude", []), base, f"{name}: exclude"),
        _per_file(table.get("per-file", []), base, name),
    )


def _per_file(entries: object, base: Path, name: str) -> tuple[PerFile, ...]:
    if not isinstance(entries, list):
        raise FactcheckError(f"{name}: per-file must be a list of tables")
    per_file = []
    for index, entry in enumerate(entries):
        where = f"{name}: per-file[{index}]"
        if not isinstance(entry, dict) or set(entry) != PER_FILE_KEYS:
            raise FactcheckError(f"{where}: expected a table with paths and severity")
        per_file.append(
            PerFile(
                _globs(entry["paths"], base, f"{where}.paths"),
                _severities(entry["severity"], f"{where}.severity"),
            )
        )
    return tuple(per_file)


def _severities(table: object, where: str) -> dict[str, Severity | None]:
    if not isinstance(table, dict):
        raise FactcheckError(f"{where} must be a table of code = level")
    return {
        known_code(code, f"in {where}"): _severity(level, f"{where}.{code}", allow_off=True)
        for code, level in table.items()
    }


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
