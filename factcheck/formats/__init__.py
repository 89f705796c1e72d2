"""Output formats: one module per format, each exporting `FORMAT`, registered here in one
line each (see `base.Format` for the protocol)."""

from __future__ import annotations

from ..report import CheckReport
from . import concise, github, html, json, jsonl, junit, markdown, sarif, terminal
from .base import PLAIN, Format, Target

FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        terminal.FORMAT,
        concise.FORMAT,
        json.FORMAT,
        jsonl.FORMAT,
        sarif.FORMAT,
        github.FORMAT,
        junit.FORMAT,
        markdown.FORMAT,
        html.FORMAT,
    )
}
SOURCE_FORMATS = tuple(name for name, f in FORMATS.items() if f.sources is not None)

__all__ = ["FORMATS", "SOURCE_FORMATS", "CheckReport", "Format", "PLAIN", "Target"]
