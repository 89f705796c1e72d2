"""Reading user files safely and writing reports atomically.

factcheck runs on pull requests, where the drafts, their front matter, the claim sets, the
configuration and the sources may all be written by a stranger. So every read goes through
`read_bytes`, which refuses, with a one-line `FactcheckError` naming the path:
- a path whose real location (symlinks resolved) is outside the read roots, even one typed
  on the command line (`factcheck check /etc/passwd`): a workflow's `docs/*.md` or a
  pre-commit file list is the pull request's choice as much as the invoker's; only
  `--allow-outside-root` lifts this;
- anything inside a `.git` directory (actions/checkout keeps its token in `.git/config`);
- anything that is not a regular file, checked with `fstat` on the opened descriptor, so a
  FIFO cannot block the run and `/dev/zero` cannot fill memory;
- a file larger than the byte limit.
Nothing here ever writes to an input file.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .errors import FactcheckError
from .sanitize import shown

BINARY_SNIFF = 8192  # bytes inspected for NUL, as git and grep do
# Above the largest input bench/limits.py measures (a 50 MB source, read and checked in
# about 11 s at under 200 MB of memory); a larger file is refused before it is read.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024
SURROGATE = re.compile("[\ud800-\udfff]")  # half of a UTF-16 pair: no output encodes one
DENIED_DIRECTORY = ".git"  # holds the checkout's credentials, never a draft or a source


@dataclass(frozen=True)
class ReadPolicy:
    """Where factcheck may read and how much.

    `roots` None reads anywhere (the Python API's default; the CLI always sets roots unless
    given --allow-outside-root)."""

    roots: tuple[Path, ...] | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


UNCONFINED = ReadPolicy()


def git_top_level(start: Path) -> Path | None:
    """The checkout holding `start`: the nearest directory with a `.git` directory (or
    file, in a worktree), without running git."""
    start = Path(os.path.realpath(start))
    return next((d for d in [start, *start.parents] if (d / ".git").exists()), None)


def find_roots(config_path: str | None, named_config: bool, start: Path) -> tuple[Path, ...]:
    """The directories reads are confined to: the git checkout holding `start`, plus the
    directory of a configuration named on the command line. Outside a checkout: the found
    configuration's directory, else `start` itself."""
    config_directory = Path(os.path.realpath(config_path)).parent if config_path else None
    checkout = git_top_level(start)
    if checkout is None:
        return (config_directory or Path(os.path.realpath(start)),)
    return (checkout, config_directory) if named_config and config_directory else (checkout,)


def inside(path: str, directory: str) -> bool:
    """Whether real path `path` is `directory` or lies under it."""
    return path == directory or path.startswith(directory.rstrip(os.sep) + os.sep)


def confine(path: str | os.PathLike[str], policy: ReadPolicy = UNCONFINED) -> str:
    """The real path to open for `path`, or a `FactcheckError` saying why it is refused."""
    name = shown(str(path))
    absolute = os.path.abspath(path)
    real = os.path.realpath(path)
    if DENIED_DIRECTORY in Path(absolute).parts or DENIED_DIRECTORY in Path(real).parts:
        raise FactcheckError(f"{name}: refusing to read inside a {DENIED_DIRECTORY} directory")
    if policy.roots is None:
        return real
    roots = [os.path.realpath(root) for root in policy.roots]
    if any(inside(real, root) for root in roots):
        return real
    raise FactcheckError(
        f"{name}: refusing to read outside {' and '.join(shown(r) for r in roots)} (reads "
        "are confined to the checkout; --allow-outside-root lifts this)"
    )


def decode(raw: bytes, name: str, encoding: str = "utf-8") -> str:
    """Bytes to text, refusing binary data and reporting where decoding failed. In UTF-16
    and UTF-32 every ASCII character has NUL bytes, so there the decoded text is sniffed,
    not the bytes (a Windows export in UTF-16 was refused as binary)."""
    try:
        codec = codecs.lookup(encoding).name  # "UTF16", "utf_16_le" -> "utf-16", "utf-16-le"
    except LookupError:
        raise FactcheckError(f"unknown encoding {shown(encoding)}") from None
    wide = codec.startswith(("utf-16", "utf-32"))
    if b"\x00" in raw[:BINARY_SNIFF] and not wide:
        raise FactcheckError(f"{shown(name)}: looks like a binary file (NUL bytes), not text")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise FactcheckError(
            f"{shown(name)}: not valid {encoding} at byte {err.start}; "
            "pass --encoding for legacy files (e.g. --encoding cp1252)"
        ) from None
    except LookupError:  # a codec, but not of text ("base64")
        raise FactcheckError(f"unknown encoding {shown(encoding)}") from None
    if wide and "\x00" in text[:BINARY_SNIFF]:
        raise FactcheckError(f"{shown(name)}: looks like a binary file (NUL characters), not text")
    # UTF-8 never decodes to a surrogate; codecs such as unicode_escape or utf-16-le on odd
    # input can, and no output can encode one, so it is refused here with its place.
    surrogate = None if codec == "utf-8" else SURROGATE.search(text)
    if surrogate:
        raise FactcheckError(
            f"{shown(name)}: a lone surrogate at character {surrogate.start()} "
            f"(not text; is {shown(encoding)} the right --encoding?)"
        )
    return text.removeprefix("\ufeff")


_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


def read_bytes(path: str | os.PathLike[str], policy: ReadPolicy = UNCONFINED) -> bytes:
    """The bytes of a regular file allowed by `policy`, or a one-line `FactcheckError`
    saying why it cannot be read. Opened without blocking (a FIFO with no writer returns at
    once), then checked with `fstat`, so what is checked is what is read."""
    name = shown(str(path))
    real = confine(path, policy)
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except FileNotFoundError:
        raise FactcheckError(f"{name}: no such file") from None
    except OSError as err:
        raise FactcheckError(f"{name}: cannot read ({err.strerror})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise FactcheckError(f"{name}: is a directory, expected a file")
        if not stat.S_ISREG(info.st_mode):
            raise FactcheckError(f"{name}: not a regular file (a device, FIFO or socket)")
        if info.st_size > policy.max_bytes:
            raise FactcheckError(_too_large(name, policy.max_bytes))
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(policy.max_bytes + 1)
    except OSError as err:
        raise FactcheckError(f"{name}: cannot read ({err.strerror})") from None
    finally:
        os.close(fd)
    if len(raw) > policy.max_bytes:  # grew while being read
        raise FactcheckError(_too_large(name, policy.max_bytes))
    return raw


def _too_large(name: str, limit: int) -> str:
    return f"{name}: larger than the {limit:,}-byte limit (max-file-bytes in the configuration)"


def read_text(
    path: str | os.PathLike[str], encoding: str = "utf-8", policy: ReadPolicy = UNCONFINED
) -> str:
    """The text of a file, or a one-line `FactcheckError` saying why it cannot be read."""
    return decode(read_bytes(path, policy), str(path), encoding)


TEMP_SUFFIX = ".tmp"


_WRITER = re.compile(r"\.pid(\d+)-")


def temp_prefix(name: str) -> str:
    """Temporary names carry the writer's process id, so a later run can tell the leftovers
    of a killed writer (`is_stale`) from a concurrent writer's file in progress."""
    return f".{name}.pid{os.getpid()}-"


def is_stale(temp_name: str) -> bool:
    """Whether a temporary name made by `temp_prefix` belongs to a process no longer running
    on this machine."""
    found = _WRITER.findall(temp_name)
    if not found:
        return False
    pid = int(found[-1])
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists but belongs to someone else
        return False
    return False


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `path` through a temporary file and a rename, so an
    interrupted run never leaves a half-written report or cache entry behind. A directory
    that cannot be written (read-only, full disk) is a `FactcheckError`."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FactcheckError(
            f"{shown(str(target))}: directory {shown(str(directory))} does not exist"
        )
    if target.exists() and not target.is_file():
        raise FactcheckError(
            f"{shown(str(target))}: not a regular file; refusing to replace it with a report"
        )
    import tempfile  # only writing needs it: `verify` and `check` to stdout never do

    try:
        fd, tmp = tempfile.mkstemp(
            prefix=temp_prefix(target.name), suffix=TEMP_SUFFIX, dir=directory
        )
    except OSError as err:
        raise FactcheckError(f"{shown(str(target))}: cannot write ({err.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise FactcheckError(f"{shown(str(target))}: cannot write ({err.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
