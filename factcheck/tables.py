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
from collections.abc import Callable, Iterator, Mapping

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


def lexicon_digest(name: str) -> str:
    """SHA-256 of `lexicon/NAME.txt` as shipped (its bytes, comments included)."""
    with open(lexicon_file(f"{name}.txt"), "rb") as handle:
        raw = handle.read()
    return hashlib.sha256(raw).hexdigest()


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


class SortedTable(Mapping[str, frozenset[str]]):
    """A precomputed table, read as the dict it was written from."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._found: dict[str, frozenset[str] | None] = {}

    def get(self, key: str, default=None):
        if key not in self._found:
            self._found[key] = self._lookup(key)
        found = self._found[key]
        return default if found is None else found

    def _lookup(self, key: str) -> frozenset[str] | None:
        probe = key + FIELDS
        at = bisect.bisect_left(self._lines, probe)
        if at < len(self._lines) and self._lines[at].startswith(probe):
            return frozenset(self._lines[at][len(probe) :].split(VALUES))
        return None

    def __getitem__(self, key: str) -> frozenset[str]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return (line.partition(FIELDS)[0] for line in self._lines)

    def __len__(self) -> int:
        return len(self._lines)


def precomputed(
    name: str, build: Callable[[], dict[str, frozenset[str]]]
) -> SortedTable | dict[str, frozenset[str]]:
    """The table of `lexicon/NAME.txt` (or of the lexicons `LEXICONS` names): read from
    `lexicon/tables/NAME.tsv` when that was written from the lexicons as they are now, else
    `build()` (the table made from the lexicons)."""
    try:
        with open(lexicon_file("tables", f"{name}.tsv"), encoding="utf-8") as handle:
            text = handle.read()
    except OSError:
        return build()
    first, _, body = text.partition("\n")
    if first + "\n" != header(name):
        return build()
    return SortedTable(body.splitlines())
