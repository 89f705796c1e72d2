"""A Markdown summary for a pull-request comment: verdict counts, then every failing claim
and every warning, each with its line, the finding and the evidence."""

from __future__ import annotations

from ..model import Severity
from . import CheckReport

BADGE = {
    "supported": "✅",
    "contradicted": "❌",
    "misquoted": "✂️",
    "misattributed": "🗣️",
    "unsupported": "❓",
}


def _cell(text: str) -> str:
    """Table-safe text: pipes escaped, newlines flattened, HTML and Markdown made inert."""
    for char in "\\`*_[]<>|":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split())


def render_check(report: CheckReport) -> str:
    counts = report.counts()
    failing = [r for r in report.results if report.failing(r)]
    flagged = [
        r
        for r in report.results
        if not report.failing(r) and any(f.severity is Severity.WARNING for f in r.findings)
    ]
    lines = [
        "## factcheck",
        "",
        f"**{len(report.results)} claims checked, {len(failing)} failing.**",
        "",
        "| verdict | claims |",
        "|---|---|",
    ]
    lines += [f"| {BADGE[v]} {v} | {n} |" for v, n in counts.items()]
    for title, results in (("Failing claims", failing), ("Warnings", flagged)):
        if not results:
            continue
        lines += [
            "",
            f"### {title}",
            "",
            "| where | verdict | claim | finding | evidence |",
            "|---|---|---|---|---|",
        ]
        for result in results:
            claim = result.claim
            where = f"`{claim.path}:{claim.line}`" if claim.path else claim.id
            shown = [
                f
                for f in result.findings
                if title == "Failing claims" or f.severity is Severity.WARNING
            ]
            finding = "<br>".join(f"`{f.code}` {_cell(f.message)}" for f in shown) or "—"
            evidence = (
                f"{_cell(result.evidence[0].text[:160])} "
                f"(`{result.evidence[0].source}:{result.evidence[0].line}`)"
                if result.evidence
                else "—"
            )
            lines.append(
                f"| {where} | {BADGE[result.verdict.value]} {result.verdict.value} | "
                f"{_cell(claim.text)} | {finding} | {evidence} |"
            )
    return "\n".join(lines) + "\n"
