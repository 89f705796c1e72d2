"""The one protocol every output format follows, and where its output goes.

A format is a name, a one-line description, and two renderers: `check` for a `CheckReport`
(check and verify) and, where it makes sense, `sources` for analysed sources. Both return
the text to write; the command line knows nothing else about any format.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Source
from ..report import CheckReport


@dataclass(frozen=True)
class Target:
    """Where a report is going: colour, and the width to wrap at (None: never wrap, as in a
    file, a pipe or a CI log, where a wrapped line loses its indent and its grep-ability)."""

    color: bool = False
    width: int | None = None
    quiet: bool = False  # only what fails the run: no passing claims, no summary


PLAIN = Target()


def counted(number: int, noun: str) -> str:
    """ "1 claim", "2 claims", "0 claims": a count as a person writes it."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


@dataclass(frozen=True)
class Format:
    """An output format: how it renders a check and, where it can, `factcheck sources`."""

    name: str
    summary: str
    check: Callable[[CheckReport, Target], str]
    sources: Callable[[list[Source], Target], str] | None = None
