"""Output formats: one module per format, registered here in one line each (see
`base.Format` for the protocol).

A format's module is imported when it first renders, not when the registry is read: the
command line lists every format in its help and choices, but a run draws one, and the
terminal and HTML formats bring in rich and markdown_it, which a `--format json` run or a
pre-commit hook should not pay for at start.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from ..report import CheckReport
from .base import PLAIN, Format, Target


def _on_first_use(module: str, function: str) -> Callable[..., str]:
    """A renderer that imports `formats.<module>` when it is first called."""

    def render(*args: object) -> str:
        return getattr(import_module(f"{__name__}.{module}"), function)(*args)

    render.__qualname__ = f"{module}.{function}"
    return render


def _register(name: str, summary: str, sources: bool = False) -> Format:
    """The format of module `formats.<name>`: its `render_check`, and its `render_sources`
    where it can show analysed sources."""
    return Format(
        name,
        summary,
        _on_first_use(name, "render_check"),
        _on_first_use(name, "render_sources") if sources else None,
    )


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        _register("terminal", "the full report for a person at a terminal", sources=True),
        _register("concise", "one line per finding: path:line:col: level code [verdict]"),
        _register("json", "the versioned JSON contract (check, verify, sources)", sources=True),
        _register("jsonl", "JSON Lines: one result a line, then a summary line"),
        _register("sarif", "SARIF 2.1.0 for code scanning"),
        _register("github", "GitHub Actions annotations on the draft's lines"),
        _register("junit", "JUnit XML: one test case per claim"),
        _register("markdown", "a pull-request comment (GitHub-flavoured Markdown)"),
        _register("html", "a self-contained page for editors"),
    )
}
SOURCE_FORMATS = tuple(name for name, f in FORMATS.items() if f.sources is not None)

__all__ = ["FORMATS", "SOURCE_FORMATS", "CheckReport", "Format", "PLAIN", "Target"]
