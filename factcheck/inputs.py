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
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from .errors import FactcheckError
from .files import UNCONFINED, ReadPolicy, confine
from .sanitize import shown

DRAFT_SUFFIXES = (".md", ".markdown")  # claim sets and text drafts are named, never walked
SOURCE_SUFFIXES = (".txt", ".text", ".md", ".markdown")
NEVER_WALKED = {"node_modules", "__pycache__", "site-packages", "venv"}  # beside any ".name"
GLOB_CHARS = set("*?[")
T = TypeVar("T")


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
    if absolute.startswith(here) and absolute[len(here) : len(here) + 1] == os.sep != here[-1:]:
        return absolute[len(here) + 1 :]  # under the working directory: what relpath gives
    for base in (here, root or str(repository_root())):
        if _within(absolute, base):
            return os.path.relpath(absolute, here)
    return str(path)


def _within(absolute: str, base: str) -> bool:
    """Whether the normalised absolute path lies in or at `base` (what `os.path.commonpath`
    says, compared as strings: an archive's 3,000 files outside the checkout took 0.05 s)."""
    base = os.path.abspath(base)
    return absolute == base or absolute.startswith(base.rstrip(os.sep) + os.sep)


def _walk(directory: Path, suffixes: tuple[str, ...]) -> list[Path]:
    found = []
    for parent, folders, files in os.walk(directory):
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in NEVER_WALKED)
        found += [Path(parent) / f for f in sorted(files) if f.lower().endswith(suffixes)]
    return found


def named_files(
    path: str,
    suffixes: tuple[str, ...],
    policy: ReadPolicy = UNCONFINED,
    where: str = "",
    required: bool = True,
) -> list[str]:
    """The files one path names, as walked (not made relative): a directory gives its files
    ending in `suffixes` (recursively; hidden directories and virtual environments skipped),
    a glob its matching files, anything else itself (the reader checks it). The one
    expansion every caller uses (the command line, the claim set's and draft's `sources`,
    `[[drafts]]`, the Python API's `load_sources`), so they all walk alike and all walk
    only where `policy` lets them read: a walk whose directory `policy` refuses (outside
    the read roots, inside `.git`) is refused before it starts, so `sources: ["/**"]` lists
    nothing. `where` names the file and key that gave the path, for the error. When
    `required`, a glob that matches nothing or a directory with no such file is an error:
    a typo should not pass as a clean run."""
    walked = os.path.isdir(path) or (is_glob(path) and not os.path.exists(path))
    if not walked:
        return [path]
    confine_walk(path, policy, where)
    if os.path.isdir(path):
        files = [str(p) for p in _walk(Path(path), suffixes)]
        if not files and required:
            kinds = ", ".join(suffixes)
            raise FactcheckError(
                f"{_in(where)}{shown(path)}: no files ending in {kinds} in this directory"
            )
        return files
    files = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
    if not files and required:
        raise FactcheckError(f"{_in(where)}{shown(path)}: no file matches this pattern")
    return files


def confine_walk(pattern: str, policy: ReadPolicy, where: str = "") -> None:
    """Refuse a glob or directory whose walk would start where `policy` lets nothing be
    read, before anything is listed."""
    try:
        confine(fixed_part(pattern), policy)
    except FactcheckError as err:
        prefix = f"{shown(where)} " if where else ""
        raise FactcheckError(f"{prefix}{shown(pattern)} walks {err}") from None


def listed_files(
    paths: list[str] | tuple[str, ...],
    policy: ReadPolicy = UNCONFINED,
    where: str = "",
    suffixes: tuple[str, ...] = SOURCE_SUFFIXES,
) -> list[str]:
    """The files a list of sources names (`named_files` of each, as walked), in order,
    each once: a claim set's or draft's `sources`, or the paths given to `load_sources`."""
    found: dict[str, str] = {}  # one spelling of each file ("./a.txt" is "a.txt")
    for path in paths:
        for name in named_files(str(path), suffixes, policy, where):
            found.setdefault(os.path.normpath(name), name)
    return list(found.values())


def _in(where: str) -> str:
    return f"{shown(where)}: " if where else ""


def expand(
    paths: tuple[str, ...] | list[str],
    suffixes: tuple[str, ...],
    excluded: Callable[[str], bool] = lambda path: False,
    stdin: bool = False,
    policy: ReadPolicy = UNCONFINED,
    left_out: list[str] | None = None,
) -> list[str]:
    """Files named on the command line, in order, each once and relative to the working
    directory (`named_files` for each path); `-` (standard input) passes through where
    `stdin` allows it (a draft to check), else is an error (sources are files). Paths
    `excluded` says yes to are left out; those named one by one (not found by a walk) are
    added to `left_out`, for the caller to say so."""
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
        files = named_files(path, suffixes, policy)
        found += [relative_to_cwd(f, root) for f in files if not excluded(f)]
        if left_out is not None and files == [path] and excluded(path):
            left_out.append(relative_to_cwd(path, root))
    return list(dict.fromkeys(found))


def glob_matches(pattern: str, path: str) -> bool:
    """Whether POSIX `path` matches glob `pattern` (both absolute, or both relative): a `**`
    segment is any number of directories (none included), `*` and `?` stay within a
    segment, `[...]` is a character class (`[!...]` negated). Matched segment by segment
    and character by character with tables, never by a backtracking regular expression:
    `**/` eight times in a pull request's configuration made one regex match take 17 s, and
    each more `**/` about 7x longer."""
    return _wildcard(pattern.split("/"), path.split("/"), "**", _segment_matches)


def _wildcard(
    tokens: Sequence[T], items: Sequence[str], star: T, matches: Callable[[T, str], bool]
) -> bool:
    """Whether `tokens` match all of `items`, `star` standing for any run of items (none
    included), each other token for one item it `matches`: a table over the items, one row
    per token, so O(tokens x items) whatever the pattern (the classic wildcard matching)."""
    reach = [True] + [False] * len(items)  # reach[j]: the tokens so far match items[:j]
    for token in tokens:
        if token == star:
            for j in range(1, len(items) + 1):
                reach[j] = reach[j] or reach[j - 1]
            continue
        reach = [False] + [
            reach[j - 1] and matches(token, items[j - 1]) for j in range(1, len(items) + 1)
        ]
    return reach[-1]


@lru_cache(maxsize=256)
def _segment_tokens(segment: str) -> tuple[str | re.Pattern[str], ...]:
    """A glob segment as tokens: "*", "?", a one-character class pattern, or a literal
    character (`**` inside a segment, as in `a**b`, is one `*`)."""
    tokens: list[str | re.Pattern[str]] = []
    i = 0
    while i < len(segment):
        char = segment[i]
        end = segment.find("]", i + 2)
        if char == "[" and end > 0:
            body = segment[i + 1 : end]
            negated = body.startswith("!")
            body = re.escape(body[1:] if negated else body).replace("\\-", "-")
            tokens.append(re.compile(f"[{'^' if negated else ''}{body}]"))
            i = end + 1
            continue
        if not (char == "*" and tokens and tokens[-1] == "*"):
            tokens.append(char)
        i += 1
    return tuple(tokens)


def _segment_matches(segment: str, name: str) -> bool:
    """One path segment against one glob segment, character by character."""
    return _wildcard(_segment_tokens(segment), name, "*", _token_matches)


def _token_matches(token: str | re.Pattern[str], char: str) -> bool:
    if isinstance(token, re.Pattern):
        return token.fullmatch(char) is not None
    return token == "?" or token == char


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
