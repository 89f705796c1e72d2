"""GitHub Actions workflow commands: one annotation per finding on the draft's exact line.

::error file=docs/draft.md,line=12,col=5,title=number-mismatch::claim says ...

Paths are relative to the repository root (`GITHUB_WORKSPACE`): GitHub attaches an
annotation to the pull request's diff only then.
"""

from __future__ import annotations

from ..model import Severity
from ..report import CheckReport
from ..sanitize import visible
from .base import PLAIN, Target, counted

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    """User text in one annotation: controls shown escaped (sanitize.py), then the
    workflow-command escapes, so nothing in it can end the command or start another."""
    shown = visible(text, multiline=True)
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    lines = []
    for result in report.ordered():
        claim = result.claim
        for item in report.findings(result):
            properties = []
            if claim.path and claim.line:
                properties.append(f"file={_property(report.relative(claim.path))}")
                properties.append(f"line={claim.line}")
                if claim.column:
                    properties.append(f"col={claim.column}")
            properties.append(
                f"title={_property(f'factcheck {item.code} ({result.verdict.value})')}"
            )
            lines.append(
                f"::{COMMAND[report.level(result, item)]} {','.join(properties)}"
                f"::{_data(item.message)}"
            )
    counts = report.counts()
    summary = ", ".join(f"{n} {verdict}" for verdict, n in counts.items() if n)
    lines.append(
        f"factcheck: {counted(len(report.results), 'claim')}{': ' if summary else ''}{summary}"
    )
    return "\n".join(lines) + "\n"
