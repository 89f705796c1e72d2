"""Lexicon tables precomputed from `lexicon/*.txt`, shipped in the package, read per word.

Building the synonym, derivation and antonym tables from their lexicons takes 60-150 ms of
Python (tens of thousands of sets), the name table (countries, acronyms and aliases, each
form split into words) 16-28 ms and the irregular forms 5-7 ms, paid by the first claim of
every run: most of a `factcheck verify`'s own time (bench/coldstart.py). The same tables are
written once, by `tools/build_lexicon_tables.py`, as sorted lines `KEY<TAB>VALUE|VALUE...`
under `lexicon/tables/`; a run reads the file (a split into lines) and looks a word up by
binary search when it is asked for, so a run pays only for the words it meets.

A table file records the SHA-256 of the lexicon it was written from (of their digests, for
a table built from several). When a lexicon changed since (edited, not yet rebuilt), the
table is not used and the caller builds its table from the lexicons as before: the
precomputed file can make a run faster, never give it other keys (`tests/test_tables.py`
holds each shipped file equal to the built table).
"""

from __future__ import annotations

import bisect
import hashlib
import mmap
from collections.abc import Callable, Iterator, Mapping
from functools import cache

from .text import lexicon_file

# Separators of the table files: no lexicon key or value holds either (the writer checks).
FIELDS = "\t"
VALUES = "|"
HEADER = "# factcheck lexicon table: sha256 {digest} of {lexicons}\n"

# The lexicons a table is built from, where they are not the one lexicon of its own name.
LEXICONS = {
    "irregular": ("irregular_verbs", "inflections"),
    "names": ("countries", "acronyms", "aliases"),
    "sense_links": ("senses",),
}


@cache
def lexicon_digest(name: str) -> str:
    """SHA-256 of `lexicon/NAME.txt` as shipped (its bytes, comments included); once a run
    (`senses.txt`, 2.3 MB, is the lexicon of two tables)."""
    return hashlib.sha256(_mapped(lexicon_file(f"{name}.txt"))).hexdigest()


def header(name: str) -> str:
    """The first line of table NAME's file: the SHA-256 of the lexicon it is built from, or,
    for a table built from several, the SHA-256 of their digests in order."""
    lexicons = LEXICONS.get(name, (name,))
    digests = [lexicon_digest(lexicon) for lexicon in lexicons]
    digest = digests[0]
    if len(digests) > 1:
        digest = hashlib.sha256("".join(digests).encode()).hexdigest()
    return HEADER.format(digest=digest, lexicons=", ".join(f"{n}.txt" for n in lexicons))


def table_text(name: str, table: Mapping[str, frozenset[str]]) -> str:
    """The file holding `table`, built from `lexicon/NAME.txt`: its digest, then one sorted
    line per key. Lines are compared whole, and the separator sorts below every character a
    key may hold, so a key's line is found by searching for the key and the separator."""
    lines = []
    for key, values in table.items():
        parts = [key, *values]
        if not key or any(FIELDS in p or VALUES in p or "\n" in p for p in parts):
            raise ValueError(f"{name}: {key!r} cannot be written to a table file")
        if min(key) <= FIELDS:
            raise ValueError(f"{name}: {key!r} holds a character that sorts before a tab")
        lines.append(key + FIELDS + VALUES.join(sorted(values)))
    return header(name) + "\n".join(sorted(lines)) + "\n"


# Bytes between the lines a table samples when it is opened: a lookup is a binary search of
# the samples, then one search (in C) of the block of lines between two of them, ~5 µs
# against 4.3 for a binary search of the file's split lines. Opening a 1.5 MB table samples
# ~370 lines. Swept in process (5 runs each, 2026-11-27): a verify's first claim and the
# bundled check are within noise from 1 to 16 KB (first claim 23-39 ms, check 0.57-0.90 s);
# 256 bytes makes opening dearer (first claim 38-42 ms), 64 KB each lookup (check 0.82-1.02 s).
STRIDE = 4096


class SortedTable(Mapping[str, frozenset[str]]):
    """A precomputed table, read as the dict it was written from, from the file's bytes
    (lines sort by key, and UTF-8 bytes sort as the characters they encode): a run reads the
    lines it asks for and one line in every `STRIDE` bytes, never the whole file (splitting
    the sense tables into lines took 10 ms of a verify)."""

    def __init__(self, data: bytes | mmap.mmap, start: int) -> None:
        if not 0 < start <= len(data) or data[start - 1 : start] != b"\n":
            raise ValueError("a table's lines begin after its header line")
        self._data = data  # the file's bytes; sorted lines from offset `start` on
        self._starts: list[int] = []  # a line start every STRIDE bytes, and its key
        self._keys: list[bytes] = []
        at = start
        while at < len(data):
            self._starts.append(at)
            self._keys.append(data[at : data.find(FIELDS.encode(), at)])
            newline = data.find(b"\n", at + STRIDE)
            if newline < 0:
                break
            at = newline + 1
        self._found: dict[str, frozenset[str] | None] = {}

    def get(self, key: str, default=None):
        if key not in self._found:
            self._found[key] = self._lookup(key)
        found = self._found[key]
        return default if found is None else found

    def _lookup(self, key: str) -> frozenset[str] | None:
        probe = key.encode()
        block = bisect.bisect_right(self._keys, probe) - 1  # the last sample at or before it
        if block < 0:
            return None
        end = self._starts[block + 1] if block + 1 < len(self._starts) else len(self._data)
        line = b"\n" + probe + FIELDS.encode()  # a whole key: its line begins after a newline
        at = self._data.find(line, self._starts[block] - 1, end)
        if at < 0:
            return None
        stop = self._data.find(b"\n", at + 1)
        found = self._data[at + len(line) : len(self._data) if stop < 0 else stop]
        return frozenset(found.decode().split(VALUES))

    def __getitem__(self, key: str) -> frozenset[str]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def _lines(self) -> list[str]:
        return self._data[self._starts[0] :].decode().splitlines() if self._starts else []

    def __iter__(self) -> Iterator[str]:
        return (line.partition(FIELDS)[0] for line in self._lines())

    def __len__(self) -> int:
        return len(self._lines())


def _mapped(path: str) -> mmap.mmap | bytes:
    """The file's bytes, mapped where the system can (pages read as they are touched)."""
    with open(path, "rb") as handle:
        try:
            return mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # an empty file, or one that cannot be mapped
            return handle.read()


def precomputed(
    name: str, build: Callable[[], dict[str, frozenset[str]]]
) -> SortedTable | dict[str, frozenset[str]]:
    """The table of `lexicon/NAME.txt` (or of the lexicons `LEXICONS` names): read from
    `lexicon/tables/NAME.tsv` when that was written from the lexicons as they are now, else
    `build()` (the table made from the lexicons)."""
    try:
        data = _mapped(lexicon_file("tables", f"{name}.tsv"))
    except OSError:
        return build()
    start = data.find(b"\n") + 1
    if not start or data[:start].decode(errors="replace") != header(name):
        return build()
    return SortedTable(data, start)
