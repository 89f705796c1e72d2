"""The terminal report: drawn with rich on a terminal, written as plain lines elsewhere.

A report is first laid out as `Line`s: pieces of text with the rich styles they take, and
the indent their wrapped continuations keep. On a terminal (colour or a width to wrap at)
each line becomes a rich `Text` and rich draws them; in a file, a pipe or a CI log nothing
is coloured or wrapped, rich's output is each line's text as it stands, and the lines are
written without importing rich (40 ms of a pre-commit run's start; tests/test_formats.py
compares the two on every kind of line). All user text goes into `Text` objects, never
through markup parsing, so square brackets in a claim or a source print as written.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:  # rich is imported where a terminal needs it, tables by `sources` alone
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

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

Piece = tuple[str, str | None]  # text and its style, as rich's `Text.assemble` takes them


@dataclass(frozen=True)
class Line:
    """One line of the report as rich's `Text` holds it: pieces of text in their styles, a
    style under the whole line, and styles laid over spans of it (`Text.stylize`)."""

    pieces: tuple[Piece, ...] = ()
    style: str = ""
    marks: tuple[tuple[str, int, int], ...] = ()  # style, start, end in the line's text
    indent: int = 0  # columns before it, which a wrapped continuation keeps too

    @property
    def plain(self) -> str:
        return "".join(text for text, _ in self.pieces)

    def added(self, *pieces: Piece) -> Line:
        """This line with `pieces` appended (`Text.append`)."""
        return replace(self, pieces=self.pieces + pieces)


def line(*parts: str | Piece, style: str = "") -> Line:
    """A line assembled from plain strings and (text, style) pieces, as `Text.assemble`."""
    return Line(tuple((p, None) if isinstance(p, str) else p for p in parts), style)


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
    from rich.console import Console

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


def rich_text(drawn: Line) -> Text:
    """The line as a rich `Text`, built as the pieces and marks say (indent aside)."""
    from rich.text import Text

    text = Text.assemble(*drawn.pieces, style=drawn.style)
    for style, start, end in drawn.marks:
        text.stylize(style, start, end)
    return text


def renderable(drawn: Line, target: Target) -> RenderableType:
    """The line for rich: indented by its `indent`, its wrapped lines too on a terminal;
    elsewhere nothing wraps, so a plain prefix keeps every line whole."""
    text = rich_text(drawn)
    if not drawn.indent:
        return text
    if target.width is None:
        from rich.text import Text

        return Text(" " * drawn.indent) + text
    from rich.padding import Padding

    return Padding(text, (0, 0, 0, drawn.indent), expand=False)


def drawn_text(lines: Iterable[Line], target: Target) -> str:
    """The lines as the report's text. Uncoloured and unwrapped, rich writes each line's
    text after its indent (user text holds no tab or control character: `visible`), so the
    lines are joined here; otherwise rich draws them."""
    if target.color or target.width is not None:
        from rich.console import Group

        return to_text(Group(*(renderable(drawn, target) for drawn in lines)), target)
    return "".join(" " * drawn.indent + drawn.plain + "\n" for drawn in lines)


def differing(result: Result) -> list[AlignedSpan]:
    """The claim's spans the evidence does not share: what an editor has to look at."""
    return [span for span in result.alignment if span.status is not WordStatus.MATCHED]


def claim_line(result: Result) -> Line:
    """The claim, its added and substituted words marked (the shared ones are not news)."""
    shown, at = visible_offsets(result.claim.text)
    marks = tuple(
        (WORD_STYLE[span.status], at(span.start), at(span.end)) for span in differing(result)
    )
    return Line(((shown, None),), "bold", marks)


def claim_text(result: Result) -> Text:
    return rich_text(claim_line(result))


def evidence_line(result: Result, evidence: Evidence) -> Line:
    """The evidence with the words the claim stands against marked; before the alignment
    exists, the words it shares with the claim, faintly."""
    shown, at = visible_offsets(evidence.text)
    if result.alignment:
        spans = [s.counterpart for s in differing(result) if s.counterpart]
        style = WORD_STYLE[WordStatus.SUBSTITUTED]
    else:
        spans, style = evidence.matched, "underline"
    return Line(((shown, None),), marks=tuple((style, at(start), at(end)) for start, end in spans))


def evidence_text(result: Result, evidence: Evidence) -> Text:
    return rich_text(evidence_line(result, evidence))


def differences_line(result: Result) -> Line | None:
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
    return replace(line(("differs ", "dim"), visible(" \u00b7 ".join(parts))), indent=2)


def differences(result: Result, target: Target = PLAIN) -> RenderableType | None:
    drawn = differences_line(result)
    return None if drawn is None else renderable(drawn, target)


def _finding_line(result: Result, item: Finding, report: CheckReport) -> Line:
    level = report.level(result, item)
    name = "notice" if level is not item.severity else level.value
    expected = " (expected)" if level is not item.severity else ""
    drawn = line((f"{name} {item.code}{expected}: ", SEVERITY_STYLE[level]), visible(item.message))
    return replace(drawn, indent=2)


def result_lines(result: Result, report: CheckReport) -> list[Line]:
    """A claim in full: verdict, claim, findings, best evidence and its speaker, what
    differs, and a blank line."""
    claim = result.claim
    failing = report.failing(result)
    head = line(
        (f" {result.verdict.value.upper()} ", VERDICT_STYLE[result.verdict]),
        " ",
        (visible(claim.location), "dim"),
        ("  score ", "dim"),
        (f"{result.score:.2f}", "dim"),
    )
    if claim.expect is not None:
        head = head.added(
            ("  expected " + claim.expect.value, "green" if not failing else "bold red")
        )
    lines = [head, replace(claim_line(result), indent=2)]
    lines += [_finding_line(result, item, report) for item in report.findings(result)]
    if result.evidence:
        best = result.evidence[0]
        where = visible(f"{best.source}:{best.line}")
        lines.append(line(("  evidence ", "dim"), (where, "cyan")))
        lines.append(replace(evidence_line(result, best), indent=4))
        who = line(
            ("\u2014 ", "dim"),
            (
                describe_attribution(best.attribution),
                KIND_STYLE[best.attribution.kind] if best.attribution else "dim",
            ),
        )
        lines.append(replace(who, indent=4))
    differs = differences_line(result)
    if differs is not None:
        lines.append(differs)
    lines.append(Line())
    return lines


def clean_line(result: Result) -> Line:
    """A claim with nothing to say about it, on one line."""
    return line(
        (f" {result.verdict.value.upper()} ", VERDICT_STYLE[result.verdict]),
        " ",
        (visible(result.claim.location), "dim"),
        "  ",
        visible(result.claim.text),
    )


def summary_line(report: CheckReport) -> Line:
    """The totals on one line, each verdict in its colour: "7 claims: 3 supported, ..."."""
    total = len(report.results)
    shown = [(v, n) for v, n in report.counts().items() if n]
    pieces: list[Piece] = [(counted(total, "claim") + (": " if shown else ""), None)]
    for i, (verdict, count) in enumerate(shown):
        pieces.append((f"{count} {verdict}", VERDICT_STYLE[Verdict(verdict)].split(" on ")[-1]))
        if i < len(shown) - 1:
            pieces.append((", ", None))
    expectations = [r.expectation_met for r in report.results if r.expectation_met is not None]
    if expectations:
        pieces.append((f" \u00b7 expect met {sum(expectations)}/{len(expectations)}", None))
    failing = sum(report.failing(r) for r in report.results)
    pieces.append((f" \u00b7 {failing} failing", "bold red" if failing else "bold green"))
    warned = sum(report.warned(r) for r in report.results)
    if warned:
        pieces.append((f" \u00b7 {warned} with warnings", "bold yellow"))
    return line(*pieces, style="bold")


def report_lines(report: CheckReport, target: Target) -> list[Line]:
    """Failing claims first, in full; then claims with warnings or notices; then each clean
    claim on one line. `quiet` keeps the failing ones only."""
    lines: list[Line] = []
    clean: list[Line] = []
    for result in report.ordered():
        if target.quiet and not report.failing(result):
            continue
        if report.findings(result) or report.failing(result):
            lines += result_lines(result, report)
        else:
            clean.append(clean_line(result))
    if clean:
        lines += [*clean, Line()]
    if not target.quiet:
        lines.append(summary_line(report))
    return lines


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    return drawn_text(report_lines(report, target), target)


def render_sources(sources: list[Source], target: Target = PLAIN) -> str:
    return to_text(sources_renderable(sources), target)


def sources_renderable(sources: list[Source]) -> RenderableType:
    from rich.console import Group
    from rich.table import Table  # with fractions and decimal, 8 ms of every verify's start
    from rich.text import Text

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
    from rich.text import Text

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
