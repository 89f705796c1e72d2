"""Reading user files safely and writing reports atomically.

Every problem a user can fix becomes a `FactcheckError` naming the file; nothing here ever
writes to an input file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import FactcheckError

BINARY_SNIFF = 8192  # bytes inspected for NUL, as git and grep do


def decode(raw: bytes, name: str, encoding: str = "utf-8") -> str:
    """Bytes to text, refusing binary data and reporting where decoding failed."""
    if b"\x00" in raw[:BINARY_SNIFF]:
        raise FactcheckError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as err:
        raise FactcheckError(
            f"{name}: not valid {encoding} at byte {err.start}; "
            "pass --encoding for legacy files (e.g. --encoding cp1252)"
        ) from None
    except LookupError:
        raise FactcheckError(f"unknown encoding {encoding!r}") from None
    return text.removeprefix("\ufeff")


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, or a one-line `FactcheckError` saying why it cannot be read."""
    name = str(path)
    file = Path(path)
    if not file.exists():
        raise FactcheckError(f"{name}: no such file")
    if file.is_dir():
        raise FactcheckError(f"{name}: is a directory, expected a file")
    try:
        return file.read_bytes()
    except OSError as err:
        raise FactcheckError(f"{name}: cannot read ({err.strerror})") from None


def read_text(path: str | os.PathLike[str], encoding: str = "utf-8") -> str:
    """The text of a file, or a one-line `FactcheckError` saying why it cannot be read."""
    return decode(read_bytes(path), str(path), encoding)


def write_atomic(path: str | os.PathLike[str], content: str | bytes) -> None:
    """Write `content` (text as UTF-8) to `path` through a temporary file and a rename, so an
    interrupted run never leaves a half-written report or cache entry behind."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise FactcheckError(f"{target}: directory {directory} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
