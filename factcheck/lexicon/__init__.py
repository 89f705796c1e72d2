"""Word lists as data (`*.txt`), and readers for the ones with behaviour columns.

A plain list has one entry a line (read with `factcheck.text.lexicon`). A table has
`entry | behaviour behaviour ...` lines: the behaviours say what the code does with the entry,
so that adding a word with a known behaviour is one line.
"""

from __future__ import annotations

from functools import cache

from ..text import lexicon_lines, normalize


@cache
def table(name: str) -> dict[str, frozenset[str]]:
    """A lexicon table: each entry (normalised) with its behaviours, in file order."""
    rows: dict[str, frozenset[str]] = {}
    for line in lexicon_lines(name):
        entry, _, behaviours = line.partition("|")
        key = normalize(entry)
        rows[key] = rows.get(key, frozenset()) | frozenset(behaviours.split())
    return rows


@cache
def having(name: str, behaviour: str) -> frozenset[str]:
    """The entries of a lexicon table that have one behaviour."""
    return frozenset(entry for entry, found in table(name).items() if behaviour in found)


def ordered(name: str, behaviour: str) -> tuple[str, ...]:
    """The entries with one behaviour, in file order (for lists whose order means something)."""
    return tuple(entry for entry, found in table(name).items() if behaviour in found)


MONTHS = ordered("calendar", "month")
WEEKDAYS = ordered("calendar", "weekday")
