"""One line per finding, as ruff's and Vale's concise output: grep-able, sortable, and what
an editor's "jump to error" understands.

    docs/a.md:12:3: error number-mismatch [contradicted] claim says “12”, source says “10” ...
"""

from __future__ import annotations

from ..codes import CODES
from ..report import CheckReport
from ..sanitize import visible
from .base import PLAIN, Target, counted


def _flat(text: str) -> str:
    """One line of user text, controls shown escaped (sanitize.py)."""
    return " ".join(visible(text).split())


def finding_lines(report: CheckReport, target: Target) -> list[str]:
    lines = []
    for result in report.ordered():
        if target.quiet and not report.failing(result):
            continue
        for item in report.findings(result):
            level = report.level(result, item)
            name = "notice" if level is not item.severity else level.value
            lines.append(
                f"{_flat(result.claim.location)}: {name} {item.code} [{result.verdict.value}] "
                f"{_flat(item.message)}"
            )
    return lines


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    lines = finding_lines(report, target)
    if not target.quiet:
        failing = sum(report.failing(r) for r in report.results)
        lines.append(
            f"{counted(len(lines), 'finding')} on {counted(len(report.results), 'claim')}, "
            f"{failing} failing the run"
        )
    return "".join(line + "\n" for line in lines)


def render_statistics(report: CheckReport) -> str:
    """How often each code occurs, most frequent first (ruff's --statistics):

    12  number-mismatch      error    A number, quantity, rank, duration or date differs ...
    """
    rows = report.statistics()
    if not rows:
        return "no findings\n"
    width = max(len(code) for code, _, _ in rows)
    count_width = max(len(str(n)) for _, _, n in rows)
    return "".join(
        f"{n:>{count_width}}  {code:<{width}}  {level.value:<7}  {CODES[code].summary}\n"
        for code, level, n in rows
    )
