"""Which files a run reads: directories walked, globs expanded, `exclude` honoured, and every
path shown relative to where the user stands.

A path on the command line may be a file, a directory (walked recursively) or a glob
(`docs/**/*.md`), as with ruff and Vale; a directory holds drafts (Markdown) when checked and
sources (text and Markdown) when read as sources. Hidden directories and virtual
environments are never walked into.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from pathlib import Path

from .errors import FactcheckError

DRAFT_SUFFIXES = (".md", ".markdown")  # claim sets and text drafts are named, never walked
SOURCE_SUFFIXES = (".txt", ".text", ".md", ".markdown")
NEVER_WALKED = {"node_modules", "__pycache__", "site-packages", "venv"}  # beside any ".name"
GLOB_CHARS = set("*?[")


def is_glob(path: str) -> bool:
    return bool(GLOB_CHARS & set(path))


def fixed_part(pattern: str) -> str:
    """The directory a glob walks from: its leading path components without a glob
    character (`sources` for `sources/**/*.txt`, `.` for `*.txt`); a plain path is itself."""
    parts = Path(pattern).parts
    first_glob = next((i for i, part in enumerate(parts) if is_glob(part)), len(parts))
    return str(Path(*parts[:first_glob])) if first_glob else "."


def relative_to_cwd(path: str | os.PathLike[str], root: str | None = None) -> str:
    """`path` relative to the working directory (what the user typed or would type) when it
    lies under it or anywhere in the same repository (`../sources/a.txt` from `docs/`), so
    no report or message shows a runner's absolute checkout path; else as it is. `root`:
    the repository root when the caller has found it once for many paths (a claim set that
    lists an archive's 3,000 files: 0.3 s of walking up the tree again for each)."""
    absolute = os.path.abspath(path)
    here = os.getcwd()
    for base in (here, root or str(repository_root())):
        if os.path.commonpath([absolute, base]) == base:
            return os.path.relpath(absolute, here)
    return str(path)


def _walk(directory: Path, suffixes: tuple[str, ...]) -> list[Path]:
    found = []
    for parent, folders, files in os.walk(directory):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in NEVER_WALKED)
        found += [Path(parent) / f for f in sorted(files) if f.lower().endswith(suffixes)]
    return found


def expand(
    paths: tuple[str, ...] | list[str],
    suffixes: tuple[str, ...],
    excluded: Callable[[str], bool] = lambda path: False,
    stdin: bool = False,
) -> list[str]:
    """Files named by `paths` in order, each once: a directory gives its files with
    `suffixes`; a glob its matching files; `-` (standard input) passes through where `stdin`
    allows it (a draft to check), else is an error (sources are files). Paths
    `excluded` says yes to are left out. A glob that matches nothing, or a directory with no such
    file, is an error: a typo should not pass as a clean run."""
    found: list[str] = []
    root = str(repository_root())
    for path in paths:
        if path == "-":
            if not stdin:
                raise FactcheckError(
                    "-: only a draft or claim set to check is read from standard input; "
                    "sources are files, directories or globs"
                )
            found.append(path)
            continue
        if Path(path).is_dir():
            files = [str(p) for p in _walk(Path(path), suffixes)]
            if not files:
                kinds = ", ".join(suffixes)
                raise FactcheckError(f"{path}: no files ending in {kinds} in this directory")
        elif is_glob(path) and not Path(path).exists():
            files = sorted(p for p in glob.glob(path, recursive=True) if Path(p).is_file())
            if not files:
                raise FactcheckError(f"{path}: no file matches this pattern")
        else:
            files = [path]
        found += [relative_to_cwd(f, root) for f in files if not excluded(f)]
    return list(dict.fromkeys(found))


def repository_root(start: Path | None = None) -> Path:
    """The root that annotation paths are relative to: `$GITHUB_WORKSPACE` in GitHub
    Actions, else the nearest directory holding `.git`, else the working directory."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace:
        return Path(workspace).resolve()
    here = (start or Path.cwd()).resolve()
    for directory in [here, *here.parents]:
        if (directory / ".git").exists():
            return directory
    return here
