"""A Markdown summary for a pull-request comment: verdict counts, then every failing claim and
every warning, each with its line, the finding and the evidence with its attribution.

GitHub refuses a comment over `COMMENT_LIMIT` characters, so rows stop before it and a last
line says how many were left out and where the full report is.
"""

from __future__ import annotations

from ..model import Evidence, Finding, Result, Severity
from ..report import CheckReport
from ..sanitize import markdown_code, markdown_text
from .base import PLAIN, Target, counted
from .terminal import describe_attribution, differing

BADGE = {
    "supported": "✅",
    "contradicted": "❌",
    "misquoted": "✂️",
    "misattributed": "🗣️",
    "unsupported": "❓",
}
COMMENT_LIMIT = 65_536  # GitHub's maximum issue/PR comment body, in characters
TAIL_ROOM = 600  # kept free under the limit for the closing note
# Evidence longer than this is cut at word boundaries, keeping its head and its tail: the tail
# is where "..., officials said" stands, the attribution an editor most needs to see.
EVIDENCE_CHARS = 240
EVIDENCE_TAIL = 80


def _cell(text: str) -> str:
    """Table-safe text: one line, controls shown escaped, Markdown, HTML and @mentions made
    inert (sanitize.py)."""
    return markdown_text(text)


def _marked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` as a cell with each span in bold; spans are offsets into `text`. The spaces
    between pieces are the text's own ("on day **100**.", not "on day **100** .")."""
    merged: list[tuple[int, int]] = []  # touching spans as one: "**a****b**" is no bold
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            continue
        if merged and start == merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    pieces, cursor = [], 0
    for start, end in merged:
        pieces += [_gap(text[cursor:start]), f"**{_cell(text[start:end])}**"]
        cursor = end
    pieces.append(_gap(text[cursor:]))
    return "".join(pieces).strip()


def _gap(text: str) -> str:
    """Unmarked text between marked spans as a cell, keeping one space at either edge where
    the text has whitespace there."""
    inner = _cell(text)
    if not inner:
        return " " if text else ""
    return f"{' ' if text[0].isspace() else ''}{inner}{' ' if text[-1].isspace() else ''}"


def shorten(text: str, limit: int = EVIDENCE_CHARS, tail: int = EVIDENCE_TAIL) -> str:
    """`text` within about `limit` characters: cut at words, never inside one, with an
    ellipsis where words were left out, and the last `tail` characters kept."""
    if len(text) <= limit:
        return text
    head_part = text[: limit - tail].rsplit(" ", 1)[0].rstrip(" ,;:")
    tail_part = text[-tail:].split(" ", 1)[-1] if " " in text[-tail:] else text[-tail:]
    return f"{head_part} … {tail_part}"


def _claim_cell(result: Result) -> str:
    return _marked(result.claim.text, [(s.start, s.end) for s in differing(result)])


def _evidence_cell(result: Result, evidence: Evidence) -> str:
    counterparts = [s.counterpart for s in differing(result) if s.counterpart]
    text = evidence.text
    if counterparts and len(text) <= EVIDENCE_CHARS:
        shown = _marked(text, counterparts)
    else:
        shown = _cell(shorten(text))
    who = _cell(describe_attribution(evidence.attribution))
    return f"{shown}<br>— {who} ({markdown_code(f'{evidence.source}:{evidence.line}')})"


WDIFF = {"=": "{}", "-": "[-{}-]", "+": "{{+{}+}}"}  # how a quote check writes its diff
STRUCK = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}  # how a comment shows it


def _finding_cell(item: Finding) -> str:
    """The finding's code and message; a quote diff drawn as GitHub draws one, the source's
    words struck through and the claim's in bold, in place of its `[-not-] {+never+}` text
    (added after the message if the message does not carry it)."""
    message = _cell(item.message)
    if not item.detail:
        return f"`{item.code}` {message}"
    plain = _cell(" ".join(WDIFF[op].format(word) for op, word in item.detail))
    drawn = " ".join(STRUCK[op].format(_cell(word)) for op, word in item.detail)
    if plain in message:
        return f"`{item.code}` {message.replace(plain, drawn)}"
    return f"`{item.code}` {message}<br>{drawn}"


def _row(result: Result, report: CheckReport, failing: bool) -> str:
    claim = result.claim
    where = markdown_code(f"{claim.path}:{claim.line}" if claim.path else claim.id)
    shown = [
        f for f in report.findings(result) if failing or report.level(result, f) is Severity.WARNING
    ]
    finding = "<br>".join(_finding_cell(f) for f in shown) or "—"
    evidence = _evidence_cell(result, result.evidence[0]) if result.evidence else "—"
    return (
        f"| {where} | {BADGE[result.verdict.value]} {result.verdict.value} | "
        f"{_claim_cell(result)} | {finding} | {evidence} |"
    )


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    failing = [r for r in report.results if report.failing(r)]
    flagged = [
        r
        for r in report.results
        if not report.failing(r)
        and any(report.level(r, f) is Severity.WARNING for f in report.findings(r))
    ]
    lines = [
        "## factcheck",
        "",
        f"**{counted(len(report.results), 'claim')} checked, {len(failing)} failing.**",
        "",
        "| verdict | claims |",
        "|---|---|",
    ]
    lines += [f"| {BADGE[v]} {v} | {n} |" for v, n in report.counts().items()]
    size = sum(len(line) + 1 for line in lines)
    left_out = 0
    for title, results in (("Failing claims", failing), ("Warnings", flagged)):
        if not results:
            continue
        head = ["", f"### {title}", "", "| where | verdict | claim | finding | evidence |"]
        head.append("|---|---|---|---|---|")
        rows = []
        for result in results:
            row = _row(result, report, title == "Failing claims")
            if size + len(row) + 1 + sum(len(h) + 1 for h in head) > COMMENT_LIMIT - TAIL_ROOM:
                left_out += 1
                continue
            rows.append(row)
            size += len(row) + 1
        if rows:
            lines += head + rows
            size += sum(len(h) + 1 for h in head)
    if left_out:
        lines += [
            "",
            f"**{counted(left_out, 'more claim')} not shown**: a comment holds at most "
            f"{COMMENT_LIMIT:,} characters. The full report: `factcheck check --format html "
            "-o factcheck.html` (or the SARIF upload's code-scanning alerts).",
        ]
    return "\n".join(lines) + "\n"
