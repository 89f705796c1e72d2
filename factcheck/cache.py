"""The persistent cache behind `factcheck index`: analysed sources and their search index.

Layout under the cache directory (`--cache-dir`, `$FACTCHECK_CACHE_DIR`, else
`$XDG_CACHE_HOME/factcheck` or `~/.cache/factcheck`):

    sources/ab/<key>.json   one analysed source: each sentence's span, paragraph, furniture
                            and attribution, keyed by the SHA-256 of the file's bytes, its
                            encoding and ANALYSIS_VERSION
    indexes/<key>/          the search index of one set of sources (JSON and numpy arrays,
                            never pickled), keyed by their keys

The cache holds plain data only, so reading it can never run code. An entry is used only for
the file it stands for: the key is computed now from the file's bytes, the entry must record
that same SHA-256, and it holds no text: every sentence's text is sliced from the file as
read now, at spans that must lie inside it in order. Anything else (corrupt, older format,
forged) is reported in `notes` and analysed again, never trusted. A directory other users can
write is refused: whoever can write the cache can still change segmentation and attribution.

Every entry is written to a temporary name and renamed into place, so an interrupted run
never leaves an entry that is read back, and concurrent `index` runs never fail: the first
complete index to be renamed into place wins. Temporary files and directories left by a
killed run are swept by the next run that writes.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import stat
from dataclasses import dataclass, field, fields
from pathlib import Path

from . import __version__
from .errors import FactcheckError
from .files import UNCONFINED, ReadPolicy, decode, is_stale, read_bytes, temp_prefix, write_atomic
from .model import Attribution, AttributionKind, Sentence, Source
from .retrieve import Index
from .sanitize import shown
from .text import LineIndex

# json, shutil and tempfile are imported by the functions that write or read entries, and
# the attribution's context passes by `analyse`: a `verify` whose source is cached, or that
# keeps no cache, never pays for what it does not do (cold start).

# Bump the suffix when analysis output changes; /4: entries became JSON instead of pickles;
# /8: the attribution rules of issue 12 landed since /7 (PolNeAR train rounds three and four).
ANALYSIS_VERSION = f"{__version__}/8"
ENTRY_FORMAT = "factcheck-source-1"
# An attribution is stored as the values of its fields, in the dataclass's order.
ATTRIBUTION_FIELDS = tuple(f.name for f in fields(Attribution))
# An entry takes 40 to 100 bytes a sentence; a source at the read limit (files.py) made of
# tiny sentences (12 bytes each, bench/limits.py) has 5.6M of them, about 560 MB of entry.
ENTRY_POLICY = ReadPolicy(max_bytes=1024 * 1024 * 1024)


def default_directory() -> Path:
    if os.environ.get("FACTCHECK_CACHE_DIR"):
        return Path(os.environ["FACTCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "factcheck"


def analyse(text: str, path: str) -> Source:
    """Segment and attribute one source's text."""
    from .attribution import attribute
    from .sources import parse_source  # with segmentation: not imported on a cache hit

    source = parse_source(text, path)
    attribute(source.sentences, source.text)
    return source


def source_key(raw: bytes, encoding: str) -> str:
    """The cache key of a file's bytes as read now, under this analysis version."""
    return hashlib.sha256(
        ANALYSIS_VERSION.encode() + b"\0" + encoding.encode() + b"\0" + raw
    ).hexdigest()


@dataclass
class Cache:
    """Analysed sources and indexes on disk. `write=False` only reads (as `check` does).
    `sweep=False` leaves a killed run's temporary files to the next run that sweeps (a
    `verify`, reading an entry a source, would otherwise list every entry of the cache)."""

    directory: Path
    write: bool = True
    sweep: bool = True
    notes: list[str] = field(default_factory=list)
    hits: int = 0
    misses: int = 0

    def __post_init__(self) -> None:
        self.directory = Path(self.directory)
        refuse_shared_directory(self.directory)
        if self.write and self.sweep:
            sweep_leftovers(self.directory)

    def _entry(self, key: str) -> Path:
        return self.directory / "sources" / key[:2] / f"{key}.json"

    def load_source(
        self, path: str, encoding: str = "utf-8", policy: ReadPolicy = UNCONFINED
    ) -> tuple[Source, str]:
        """The analysed source and its cache key: from the cache when its bytes are unchanged,
        else analysed now (and stored when writing)."""
        raw = read_bytes(path, policy)
        key = source_key(raw, encoding)
        text = decode(raw, str(path), encoding)
        entry = self._entry(key)
        if entry.exists():
            try:
                blob = read_bytes(entry, ENTRY_POLICY)
                source = entry_source(blob, hashlib.sha256(raw).hexdigest(), text)
                source.path = str(path)
                self.hits += 1
                return source, key
            except (FactcheckError, ValueError) as err:
                self.notes.append(
                    f"{shown(str(entry))}: unusable cache entry ({err}); analysing again"
                )
        self.misses += 1
        source = analyse(text, str(path))
        if self.write:
            self._store(entry, source_entry(source, hashlib.sha256(raw).hexdigest()))
        return source, key

    def _store(self, entry: Path, content: bytes) -> None:
        try:
            private_directory(entry.parent)
            write_atomic(entry, content)
        except (OSError, FactcheckError) as err:
            reason = err.strerror if isinstance(err, OSError) else str(err)
            raise FactcheckError(
                f"{shown(str(entry.parent))}: cannot write the cache ({reason})"
            ) from None

    def index(self, sources: list[Source], keys: list[str]) -> Index:
        """The search index for these sources: saved one if present and sound, else built now
        (and saved when writing)."""
        key = hashlib.sha256(("\n".join([ANALYSIS_VERSION, *keys])).encode()).hexdigest()
        directory = self.directory / "indexes" / key
        if (directory / "complete").exists():
            try:
                return Index.load(directory, sources)
            except (OSError, ValueError, KeyError, TypeError) as err:
                self.notes.append(
                    f"{shown(str(directory))}: unusable index ({err}); building again"
                )
        index = Index(sources)
        if self.write:
            _save_index(index, directory, replace=directory.exists())
        return index


def source_entry(source: Source, sha256: str) -> bytes:
    """A source's analysis as plain JSON: spans, never text (text comes from the file)."""
    import json

    sentences = [
        [
            s.start,
            s.end,
            s.paragraph,
            s.furniture,
            None if s.attribution is None else _attribution_row(s.attribution),
        ]
        for s in source.sentences
    ]
    document = {"format": ENTRY_FORMAT, "analysis": ANALYSIS_VERSION, "sha256": sha256}
    document["sentences"] = sentences
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _attribution_row(attribution: Attribution) -> list:
    row = [getattr(attribution, name) for name in ATTRIBUTION_FIELDS]
    return [list(value) if isinstance(value, tuple) else value for value in row]


def _optional_text(value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError("a text field is neither text nor null")
    return value


def _attribution(row: object, read: dict[tuple, Attribution]) -> Attribution | None:
    """The attribution a row stores; `read` holds those already made from equal rows (an
    entry repeats a few: made once each, as they are immutable)."""
    if row is None:
        return None
    if not isinstance(row, list) or len(row) != len(ATTRIBUTION_FIELDS):
        raise ValueError("malformed attribution")
    try:
        return read[_row_key(row)]
    except (KeyError, TypeError):  # new, or a row that cannot be a key (malformed: said below)
        attribution = _new_attribution(row)
    with contextlib.suppress(TypeError):
        read[_row_key(row)] = attribution
    return attribution


def _row_key(row: list) -> tuple:
    return tuple([tuple(value) if type(value) is list else value for value in row])


def _new_attribution(row: list) -> Attribution:
    values = dict(zip(ATTRIBUTION_FIELDS, row, strict=True))
    for name, value in values.items():
        if name == "kind":
            values[name] = AttributionKind(value)
        elif isinstance(value, list):
            if not all(isinstance(item, str) for item in value):
                raise ValueError(f"malformed attribution {name}")
            values[name] = tuple(value)
        else:
            values[name] = _optional_text(value)
    return Attribution(**values)


def entry_source(blob: bytes, sha256: str, text: str) -> Source:
    """The `Source` an entry describes for the file whose bytes hash to `sha256` and read as
    `text`; `ValueError` unless the entry is well formed and made from exactly that file."""
    import json

    try:
        document = json.loads(blob)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise ValueError(f"not JSON: {err}") from None
    if not isinstance(document, dict) or document.get("format") != ENTRY_FORMAT:
        raise ValueError("not a factcheck cache entry of this format")
    if document.get("analysis") != ANALYSIS_VERSION:
        raise ValueError("made by another analysis version")
    if document.get("sha256") != sha256:
        raise ValueError("made from other bytes than the file's")
    rows = document.get("sentences")
    if not isinstance(rows, list):
        raise ValueError("no sentence list")
    lines = LineIndex(text)
    sentences, previous_end = [], 0
    attributions: dict[tuple, Attribution] = {}
    for row in rows:
        if not isinstance(row, list) or len(row) != 5:
            raise ValueError("malformed sentence")
        start, end, paragraph, furniture, attribution = row
        if not all(type(n) is int for n in (start, end, paragraph)):
            raise ValueError("malformed sentence span")
        if not previous_end <= start < end <= len(text) or paragraph < 0:
            raise ValueError("sentence span out of order or outside the file")
        span = text[start:end]
        if span != span.strip():
            raise ValueError("sentence span does not start and end on text")
        sentence = Sentence(span, start, end, lines.line(start), paragraph)
        sentence.furniture = _optional_text(furniture)
        sentence.attribution = _attribution(attribution, attributions)
        sentences.append(sentence)
        previous_end = end
    source = Source("", text, sentences)
    if not source.content:
        raise ValueError("no content sentence")
    return source


def refuse_shared_directory(directory: Path) -> None:
    """A `FactcheckError` if other users could write `directory` or replace it: it, or a
    directory above it without the sticky bit, is writable by group or others, or it is
    owned by someone else."""
    current = Path(os.path.abspath(directory))
    for place in [current, *current.parents]:
        try:
            info = os.stat(place)
        except FileNotFoundError:
            continue
        except OSError:
            return
        shared = info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        sticky = info.st_mode & stat.S_ISVTX
        owner_ok = info.st_uid in (os.getuid(), 0)
        if place == current and (shared or not owner_ok):
            raise FactcheckError(
                f"{shown(str(directory))}: cache directory is writable by other users or "
                "owned by another user; refusing it (chmod go-w, another --cache-dir, or "
                "--no-cache)"
            )
        if place != current and shared and not sticky:
            raise FactcheckError(
                f"{shown(str(directory))}: cache directory lies under {shown(str(place))}, "
                "which other users can write; refusing it (another --cache-dir, or --no-cache)"
            )


def private_directory(directory: Path) -> None:
    """Create `directory` (and its parents) readable and writable by this user only."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)


def sweep_leftovers(directory: Path) -> None:
    """Remove temporary files and building directories whose writer is gone (killed
    mid-write; a concurrent writer's are left alone), and the pickles of older versions."""
    import shutil

    places = [directory / "indexes", directory / "store" / "shards"]
    places += (directory / "sources").glob("*")
    for place in places:
        if not place.is_dir():
            continue
        with contextlib.suppress(OSError):
            for leftover in place.iterdir():
                if leftover.suffix == ".pickle" or (
                    leftover.name.startswith(".") and is_stale(leftover.name)
                ):
                    if leftover.is_dir() and not leftover.is_symlink():
                        shutil.rmtree(leftover, ignore_errors=True)
                    else:
                        with contextlib.suppress(OSError):
                            leftover.unlink()


def _save_index(index: Index, directory: Path, replace: bool) -> None:
    """Save into a temporary directory, mark it complete, then rename it into place.
    `replace`: the index there is unusable and goes; otherwise a complete index that a
    concurrent run renamed into place first is kept, and this one dropped."""
    import shutil
    import tempfile

    try:
        private_directory(directory.parent)
        tmp = Path(tempfile.mkdtemp(dir=directory.parent, prefix=temp_prefix("building")))
    except OSError as err:
        raise FactcheckError(
            f"{shown(str(directory.parent))}: cannot write the cache ({err.strerror})"
        ) from None
    try:
        index.save(tmp)
        (tmp / "complete").write_text("ok\n", encoding="utf-8")
        _rename_directory(tmp, directory, replace)
    except OSError as err:
        raise FactcheckError(
            f"{shown(str(directory.parent))}: cannot write the cache ({err.strerror})"
        ) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # gone already when the rename succeeded


def _rename_directory(tmp: Path, directory: Path, replace: bool) -> None:
    """Rename `tmp` to `directory`; a directory in the way is kept if complete (and not to be
    replaced), else first moved aside, so no reader ever sees an index half deleted."""
    import shutil
    import tempfile

    try:
        os.rename(tmp, directory)
        return
    except OSError:
        if not directory.exists():
            raise
    if (directory / "complete").exists() and not replace:
        return
    aside = Path(tempfile.mkdtemp(dir=directory.parent, prefix=temp_prefix("building")))
    try:
        with contextlib.suppress(FileNotFoundError):  # a concurrent run moved it first
            os.replace(directory, aside / "old")
        with contextlib.suppress(OSError):
            os.rename(tmp, directory)
    finally:
        shutil.rmtree(aside, ignore_errors=True)
    if not (directory / "complete").exists():
        raise OSError(errno.EEXIST, "an index directory is in the way")
