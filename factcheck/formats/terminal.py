"""The rich terminal report. Builds renderables only; the CLI prints them.

All user text goes into `Text` objects, never through markup parsing, so square brackets
in a claim or a source print as written.
"""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..model import Attribution, AttributionKind, Evidence, Result, Severity, Source, Verdict
from . import CheckReport

VERDICT_STYLE = {
    Verdict.SUPPORTED: "bold black on green",
    Verdict.CONTRADICTED: "bold white on red",
    Verdict.MISQUOTED: "bold black on magenta",
    Verdict.MISATTRIBUTED: "bold black on yellow",
    Verdict.UNSUPPORTED: "bold white on blue",
}
SEVERITY_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "dim"}
KIND_STYLE = {
    AttributionKind.NAMED: "green",
    AttributionKind.ANONYMOUS: "red",
    AttributionKind.ORGANIZATION: "cyan",
    AttributionKind.MEDIA: "magenta",
    AttributionKind.DOCUMENT: "blue",
    AttributionKind.UNATTRIBUTED: "dim",
}


def describe_attribution(attribution: Attribution | None) -> str:
    """ "a senior defense official (anonymous; reason given: ...)" or the reporter's voice."""
    if attribution is None or not attribution.is_attributed:
        return "the reporter (unattributed)"
    details = [attribution.kind.value]
    if attribution.role:
        details.append(attribution.role)
    if attribution.anonymity_reason:
        details.append(f"reason given: {attribution.anonymity_reason}")
    return f"{attribution.speaker} ({'; '.join(details)})"


def evidence_text(evidence: Evidence) -> Text:
    text = Text(evidence.text)
    for start, end in evidence.matched:
        text.stylize("bold underline", start, end)
    return text


def render_result(result: Result, failing: bool) -> RenderableType:
    claim = result.claim
    head = Text.assemble(
        (f" {result.verdict.value.upper()} ", VERDICT_STYLE[result.verdict]),
        " ",
        (claim.location, "dim"),
        ("  score ", "dim"),
        (f"{result.score:.2f}", "dim"),
    )
    if claim.expect is not None:
        head.append("  expected " + claim.expect.value, "green" if not failing else "bold red")
    parts: list[RenderableType] = [head, Text("  ") + Text(claim.text, style="bold")]
    for item in result.findings:
        parts.append(
            Text.assemble(
                ("  ", ""),
                (f"{item.severity.value} {item.code}: ", SEVERITY_STYLE[item.severity]),
                item.message,
            )
        )
    if result.evidence:
        best = result.evidence[0]
        parts.append(Text.assemble(("  evidence ", "dim"), (f"{best.source}:{best.line}", "cyan")))
        parts.append(Text("    ") + evidence_text(best))
        parts.append(
            Text.assemble(
                ("    \u2014 ", "dim"),
                (
                    describe_attribution(best.attribution),
                    KIND_STYLE[best.attribution.kind] if best.attribution else "dim",
                ),
            )
        )
    parts.append(Text(""))
    return Group(*parts)


def summary_table(report: CheckReport) -> Table:
    table = Table(title="Summary", title_justify="left")
    table.add_column("verdict")
    table.add_column("claims", justify="right")
    for verdict, count in report.counts().items():
        table.add_row(Text(verdict, style=VERDICT_STYLE[Verdict(verdict)]), str(count))
    expectations = [r.expectation_met for r in report.results if r.expectation_met is not None]
    if expectations:
        table.add_row("expect met", f"{sum(expectations)}/{len(expectations)}")
    table.add_row("failing", str(sum(report.failing(r) for r in report.results)))
    return table


def render_check(report: CheckReport) -> RenderableType:
    return Group(
        *(render_result(r, report.failing(r)) for r in report.results), summary_table(report)
    )


def render_sources(sources: list[Source]) -> RenderableType:
    parts: list[RenderableType] = []
    for source in sources:
        table = Table(title=source.path, title_justify="left", show_lines=False, expand=True)
        table.add_column("line", justify="right", style="dim", no_wrap=True)
        table.add_column("sentence", ratio=3)
        table.add_column("kind", no_wrap=True)
        table.add_column("speaker", ratio=1)
        table.add_column("role", ratio=1)
        for sentence in source.sentences:
            if sentence.furniture:
                table.add_row(
                    str(sentence.line),
                    Text(sentence.text, style="dim strike"),
                    Text(f"({sentence.furniture})", style="dim"),
                    "",
                    "",
                )
                continue
            attribution = sentence.attribution
            kind = attribution.kind if attribution else AttributionKind.UNATTRIBUTED
            table.add_row(
                str(sentence.line),
                Text(sentence.text),
                Text(kind.value, style=KIND_STYLE[kind]),
                Text(attribution.speaker or "") if attribution else "",
                Text(attribution.role or "") if attribution else "",
            )
        parts += [table, speaker_table(source)]
    return Group(*parts)


def speaker_table(source: Source) -> Table:
    """Sentences per speaker, and the share that rests on anonymous sources."""
    content = source.content
    counts = Counter(
        (s.attribution.speaker or "(reporter)", s.attribution.kind)
        for s in content
        if s.attribution is not None
    )
    table = Table(title=f"Speakers in {source.path}", title_justify="left")
    table.add_column("speaker")
    table.add_column("kind")
    table.add_column("sentences", justify="right")
    for (speaker, kind), count in counts.most_common():
        table.add_row(Text(speaker), Text(kind.value, style=KIND_STYLE[kind]), str(count))
    anonymous = sum(c for (_, k), c in counts.items() if k is AttributionKind.ANONYMOUS)
    attributed = sum(c for (_, k), c in counts.items() if k is not AttributionKind.UNATTRIBUTED)
    share = f"{anonymous}/{attributed} attributed sentences rest on anonymous sources"
    table.caption = share + (f" ({anonymous / attributed:.0%})" if attributed else "")
    return table
