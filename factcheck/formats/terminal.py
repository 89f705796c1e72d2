"""The terminal report, drawn with rich into text for the CLI to write.

All user text goes into `Text` objects, never through markup parsing, so square brackets
in a claim or a source print as written.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import TYPE_CHECKING

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.text import Text

from ..model import (
    AlignedSpan,
    Attribution,
    AttributionKind,
    Evidence,
    Finding,
    Result,
    Severity,
    Source,
    Verdict,
    WordStatus,
)
from ..report import CheckReport
from ..sanitize import visible, visible_offsets
from .base import PLAIN, Target, counted

if TYPE_CHECKING:  # tables are drawn by `sources` alone; a check's report never imports them
    from rich.table import Table

SOURCES_WIDTH = 120  # tables need a width even in a pipe; 120 fits a sentence column
WORD_STYLE = {WordStatus.SUBSTITUTED: "bold yellow reverse", WordStatus.ADDED: "bold red underline"}

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
    return visible(f"{attribution.speaker} ({'; '.join(details)})")


def _console(target: Target, buffer: io.StringIO) -> Console:
    return Console(
        file=buffer,
        width=target.width or SOURCES_WIDTH,
        color_system="standard" if target.color else None,
        force_terminal=target.color,
        no_color=not target.color,
        highlight=False,
        soft_wrap=target.width is None,
        emoji=False,
    )


def to_text(renderable: RenderableType, target: Target) -> str:
    """Draw a renderable for `target`: wrapped and coloured on a terminal, otherwise one
    line per line of content, so CI logs and pipes can be grepped."""
    buffer = io.StringIO()
    _console(target, buffer).print(renderable)
    return buffer.getvalue()


def differing(result: Result) -> list[AlignedSpan]:
    """The claim's spans the evidence does not share: what an editor has to look at."""
    return [span for span in result.alignment if span.status is not WordStatus.MATCHED]


def claim_text(result: Result) -> Text:
    """The claim, its added and substituted words marked (the shared ones are not news)."""
    shown, at = visible_offsets(result.claim.text)
    text = Text(shown, style="bold")
    for span in differing(result):
        text.stylize(WORD_STYLE[span.status], at(span.start), at(span.end))
    return text


def evidence_text(result: Result, evidence: Evidence) -> Text:
    """The evidence with the words the claim stands against marked; before the alignment
    exists, the words it shares with the claim, faintly."""
    shown, at = visible_offsets(evidence.text)
    text = Text(shown)
    spans = [s.counterpart for s in differing(result) if s.counterpart]
    if result.alignment:
        for start, end in spans:
            text.stylize(WORD_STYLE[WordStatus.SUBSTITUTED], at(start), at(end))
    else:
        for start, end in evidence.matched:
            text.stylize("underline", at(start), at(end))
    return text


def differences(result: Result, target: Target = PLAIN) -> RenderableType | None:
    """One line naming each difference in words, readable without colour:
    "twelve → 10 · nuclear (added)"."""
    spans = differing(result)
    if not spans or not result.evidence:
        return None
    evidence, claim = result.evidence[0].text, result.claim.text
    parts = []
    for span in spans:
        said = claim[span.start : span.end]
        if span.status is WordStatus.SUBSTITUTED and span.counterpart:
            start, end = span.counterpart
            parts.append(f"{said} \u2192 {evidence[start:end]}")
        else:
            parts.append(f"{said} (added)")
    return _indented(Text.assemble(("differs ", "dim"), visible(" \u00b7 ".join(parts))), 2, target)


def _indented(text: Text, by: int, target: Target) -> RenderableType:
    """`text` indented by `by` columns, its wrapped lines too on a terminal; elsewhere
    nothing wraps, so a plain prefix keeps every line whole."""
    if target.width is None:
        return Text(" " * by) + text
    return Padding(text, (0, 0, 0, by), expand=False)


def _finding_line(
    result: Result, item: Finding, report: CheckReport, target: Target
) -> RenderableType:
    level = report.level(result, item)
    name = "notice" if level is not item.severity else level.value
    expected = " (expected)" if level is not item.severity else ""
    text = Text.assemble(
        (f"{name} {item.code}{expected}: ", SEVERITY_STYLE[level]), visible(item.message)
    )
    return _indented(text, 2, target)


def render_result(result: Result, report: CheckReport, target: Target = PLAIN) -> RenderableType:
    claim = result.claim
    failing = report.failing(result)
    head = Text.assemble(
        (f" {result.verdict.value.upper()} ", VERDICT_STYLE[result.verdict]),
        " ",
        (visible(claim.location), "dim"),
        ("  score ", "dim"),
        (f"{result.score:.2f}", "dim"),
    )
    if claim.expect is not None:
        head.append("  expected " + claim.expect.value, "green" if not failing else "bold red")
    parts: list[RenderableType] = [head, _indented(claim_text(result), 2, target)]
    parts += [_finding_line(result, item, report, target) for item in report.findings(result)]
    if result.evidence:
        best = result.evidence[0]
        where = visible(f"{best.source}:{best.line}")
        parts.append(Text.assemble(("  evidence ", "dim"), (where, "cyan")))
        parts.append(_indented(evidence_text(result, best), 4, target))
        who = Text.assemble(
            ("\u2014 ", "dim"),
            (
                describe_attribution(best.attribution),
                KIND_STYLE[best.attribution.kind] if best.attribution else "dim",
            ),
        )
        parts.append(_indented(who, 4, target))
    line = differences(result, target)
    if line is not None:
        parts.append(line)
    parts.append(Text(""))
    return Group(*parts)


def clean_line(result: Result) -> Text:
    """A claim with nothing to say about it, on one line."""
    return Text.assemble(
        (f" {result.verdict.value.upper()} ", VERDICT_STYLE[result.verdict]),
        " ",
        (visible(result.claim.location), "dim"),
        "  ",
        visible(result.claim.text),
    )


def summary_line(report: CheckReport) -> Text:
    """The totals on one line, each verdict in its colour: "7 claims: 3 supported, ..."."""
    total = len(report.results)
    shown = [(v, n) for v, n in report.counts().items() if n]
    line = Text(counted(total, "claim") + (": " if shown else ""), style="bold")
    for i, (verdict, count) in enumerate(shown):
        line.append(f"{count} {verdict}", style=VERDICT_STYLE[Verdict(verdict)].split(" on ")[-1])
        line.append(", " if i < len(shown) - 1 else "")
    expectations = [r.expectation_met for r in report.results if r.expectation_met is not None]
    if expectations:
        line.append(f" \u00b7 expect met {sum(expectations)}/{len(expectations)}")
    failing = sum(report.failing(r) for r in report.results)
    line.append(f" \u00b7 {failing} failing", style="bold red" if failing else "bold green")
    return line


def check_renderable(report: CheckReport, target: Target) -> RenderableType:
    """Failing claims first, in full; then claims with warnings or notices; then each clean
    claim on one line. `quiet` keeps the failing ones only."""
    parts: list[RenderableType] = []
    clean: list[Text] = []
    for result in report.ordered():
        if target.quiet and not report.failing(result):
            continue
        if report.findings(result) or report.failing(result):
            parts.append(render_result(result, report, target))
        else:
            clean.append(clean_line(result))
    if clean:
        parts += [*clean, Text("")]
    if not target.quiet:
        parts.append(summary_line(report))
    return Group(*parts)


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    return to_text(check_renderable(report, target), target)


def render_sources(sources: list[Source], target: Target = PLAIN) -> str:
    return to_text(sources_renderable(sources), target)


def sources_renderable(sources: list[Source]) -> RenderableType:
    from rich.table import Table  # with fractions and decimal, 8 ms of every verify's start

    parts: list[RenderableType] = []
    for source in sources:
        table = Table(
            title=Text(visible(source.path)), title_justify="left", show_lines=False, expand=True
        )
        table.add_column("line", justify="right", style="dim", no_wrap=True)
        table.add_column("sentence", ratio=3)
        table.add_column("kind", no_wrap=True)
        table.add_column("speaker", ratio=1)
        table.add_column("role", ratio=1)
        for sentence in source.sentences:
            if sentence.furniture:
                table.add_row(
                    str(sentence.line),
                    Text(visible(sentence.text), style="dim strike"),
                    Text(f"({sentence.furniture})", style="dim"),
                    "",
                    "",
                )
                continue
            attribution = sentence.attribution
            kind = attribution.kind if attribution else AttributionKind.UNATTRIBUTED
            table.add_row(
                str(sentence.line),
                Text(visible(sentence.text)),
                Text(kind.value, style=KIND_STYLE[kind]),
                Text(visible(attribution.speaker or "")) if attribution else "",
                Text(visible(attribution.role or "")) if attribution else "",
            )
        parts += [table, speaker_table(source)]
    return Group(*parts)


def speaker_table(source: Source) -> Table:
    """Sentences per speaker, and the share that rests on anonymous sources."""
    from rich.table import Table

    content = source.content
    counts = Counter(
        (s.attribution.speaker or "(reporter)", s.attribution.kind)
        for s in content
        if s.attribution is not None
    )
    table = Table(title=Text(f"Speakers in {visible(source.path)}"), title_justify="left")
    table.add_column("speaker")
    table.add_column("kind")
    table.add_column("sentences", justify="right")
    for (speaker, kind), count in counts.most_common():
        table.add_row(Text(visible(speaker)), Text(kind.value, style=KIND_STYLE[kind]), str(count))
    anonymous = sum(c for (_, k), c in counts.items() if k is AttributionKind.ANONYMOUS)
    attributed = sum(c for (_, k), c in counts.items() if k is not AttributionKind.UNATTRIBUTED)
    share = f"{anonymous}/{attributed} attributed sentences rest on anonymous sources"
    table.caption = share + (f" ({anonymous / attributed:.0%})" if attributed else "")
    return table
