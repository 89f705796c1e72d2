"""The persistent cache behind `factcheck index`: analysed sources and their search index.

Layout under the cache directory (`--cache-dir`, `$FACTCHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/factcheck` or `~/.cache/factcheck`):

    sources/ab/<key>.pickle   one analysed source (sentences, furniture, attribution), keyed
                              by the SHA-256 of its bytes, its encoding and ANALYSIS_VERSION
    indexes/<key>/            the search index of one set of sources, keyed by their keys

Every entry is written to a temporary name and renamed into place, and source entries carry
a checksum, so an interrupted run never leaves an entry that is read back. An entry that
cannot be read (corrupt, older format) is reported in `notes` and rebuilt, never trusted.
The cache holds pickles: it is as trustworthy as the directory it lives in.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .attribution import attribute
from .errors import FactcheckError
from .files import decode, read_bytes, write_atomic
from .model import Source
from .retrieve import Index
from .sources import parse_source

ANALYSIS_VERSION = f"{__version__}/3"  # bump the suffix when analysis output changes
MAGIC = b"factcheck-cache-1\n"


def default_directory() -> Path:
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factcheck"


def analyse(text: str, path: str) -> Source:
    """Segment and attribute one source's text."""
    source = parse_source(text, path)
    attribute(source.sentences, source.text)
    return source


@dataclass
class Cache:
    """Analysed sources and indexes on disk. `write=False` only reads (as `check` does)."""

    directory: Path
    write: bool = True
    notes: list[str] = field(default_factory=list)
    hits: int = 0
    misses: int = 0

    def _entry(self, key: str) -> Path:
        return self.directory / "sources" / key[:2] / f"{key}.pickle"

    def load_source(self, path: str, encoding: str = "utf-8") -> tuple[Source, str]:
        """The analysed source and its cache key: from the cache when its bytes are unchanged,
        else analysed now (and stored when writing)."""
        raw = read_bytes(path)
        key = hashlib.sha256(
            ANALYSIS_VERSION.encode() + b"\0" + encoding.encode() + b"\0" + raw
        ).hexdigest()
        entry = self._entry(key)
        if entry.exists():
            try:
                source = _read_entry(entry)
                source.path = str(path)
                self.hits += 1
                return source, key
            except (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError) as err:
                self.notes.append(f"{entry}: unreadable cache entry ({err}); analysing again")
        self.misses += 1
        source = analyse(decode(raw, str(path), encoding), str(path))
        if self.write:
            _write_entry(entry, source)
        return source, key

    def index(self, sources: list[Source], keys: list[str]) -> Index:
        """The search index for these sources: saved one if present and sound, else built now
        (and saved when writing)."""
        key = hashlib.sha256(("\n".join([ANALYSIS_VERSION, *keys])).encode()).hexdigest()
        directory = self.directory / "indexes" / key
        if (directory / "complete").exists():
            try:
                return Index.load(directory, sources)
            except (OSError, ValueError, KeyError) as err:
                self.notes.append(f"{directory}: unreadable index ({err}); building again")
        index = Index(sources)
        if self.write:
            _save_index(index, directory)
        return index


def _read_entry(entry: Path) -> Source:
    blob = entry.read_bytes()
    if not blob.startswith(MAGIC):
        raise ValueError("not a factcheck cache entry")
    digest, payload = blob[len(MAGIC) : len(MAGIC) + 32], blob[len(MAGIC) + 32 :]
    if hashlib.sha256(payload).digest() != digest:
        raise ValueError("checksum mismatch")
    source = pickle.loads(payload)
    if not isinstance(source, Source):
        raise ValueError("unexpected content")
    return source


def _write_entry(entry: Path, source: Source) -> None:
    payload = pickle.dumps(source, protocol=pickle.HIGHEST_PROTOCOL)
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, MAGIC + hashlib.sha256(payload).digest() + payload)
    except OSError as err:
        raise FactcheckError(f"{entry.parent}: cannot write the cache ({err.strerror})") from None


def _save_index(index: Index, directory: Path) -> None:
    """Save into a temporary directory, mark it complete, then rename it into place."""
    try:
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=directory.parent, prefix=".building-"))
    except OSError as err:
        raise FactcheckError(
            f"{directory.parent}: cannot write the cache ({err.strerror})"
        ) from None
    try:
        index.save(tmp)
        (tmp / "complete").write_text("ok\n", encoding="utf-8")
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(tmp, directory)
    except OSError as err:
        raise FactcheckError(
            f"{directory.parent}: cannot write the cache ({err.strerror})"
        ) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already when the rename succeeded
