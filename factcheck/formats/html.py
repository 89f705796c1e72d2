"""The HTML report for editors: one self-contained file (inline CSS and script, no network).

The draft is shown as the article it is (headings, paragraphs, lists, quotes, links; front
matter and ignore comments hidden), every claim marked by its verdict, claims with warnings
marked so they stand out at a glance. Beside it: the findings, failing claims first, walked
with j/k (or n/p); chips that filter them by verdict; and a sourcing summary (how many claims
rest on anonymous sources, on media reports, on the reporter's own voice). A claim's panel
shows its findings with quote diffs as coloured strike-through, the words the claim adds or
changes against the evidence (not the words they share), the evidence's attribution, and
every other candidate on demand. Every piece of user text is escaped.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from html import escape as html_escape

from markdown_it import MarkdownIt

from ..model import AttributionKind, Evidence, Finding, Result, Severity, Verdict
from ..report import CheckReport
from ..sanitize import visible
from ..segment import front_matter_span, mask_inline
from ..version import __version__
from .base import PLAIN, Target, counted
from .terminal import describe_attribution, differing

COLORS = {
    Verdict.SUPPORTED: "#cdeccd",
    Verdict.CONTRADICTED: "#f6c1c1",
    Verdict.MISQUOTED: "#e8cdf3",
    Verdict.MISATTRIBUTED: "#fbe3a6",
    Verdict.UNSUPPORTED: "#cfdcf6",
}
# Nothing may load from anywhere: the report works offline and leaks nothing when opened.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
LINK_SCHEMES = ("http://", "https://", "mailto:")  # links an editor may follow; others shown
_CONTAINER_PREFIX = re.compile(r"^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?")
_HEADING_MARKS = re.compile(r"^[ \t]*#{1,6}[ \t]*|[ \t]+#+[ \t]*$")
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^)\s\[\n]*)[^)\n]*\)")
STYLE = """
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;
background:#f4f4f2}
header{padding:.8rem 1.5rem;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0;
z-index:2}
h1.title{font-size:1.15rem;margin:0 0 .4rem}
#summary{margin:0 0 .5rem;color:#444}
.chips{display:flex;flex-wrap:wrap;gap:.4rem}
.chip{border:1px solid #bbb;border-radius:1rem;padding:.15rem .7rem;font:inherit;cursor:pointer;
background:#fff}
.chip[aria-pressed=true]{outline:2px solid #333}
.chip .n{font-weight:700;margin-left:.3rem}
main{display:grid;grid-template-columns:minmax(0,1fr) 28rem;gap:1.5rem;padding:1.2rem 1.5rem}
article{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1.5rem 2.2rem;
font:17px/1.65 Georgia,"Iowan Old Style",serif;max-width:48rem}
article h1,article h2,article h3{font-family:system-ui,sans-serif;line-height:1.25}
article .path{font:12px ui-monospace,monospace;color:#777;margin:0 0 .5rem}
article pre{background:#f6f6f6;padding:.6rem;overflow:auto;font-size:13px}
article table{border-collapse:collapse}article td,article th{border:1px solid #ccc;
padding:.2rem .5rem}
blockquote{border-left:3px solid #ccc;margin:0;padding-left:1rem;color:#333}
mark{border-radius:3px;padding:0 1px;cursor:pointer;color:inherit}
mark.failing{box-shadow:inset 0 -3px 0 #c0392b}
mark.warn{box-shadow:inset 0 -3px 0 #e67e22}
mark.warn::after{content:"\\26A0";font-size:.7em;vertical-align:super;color:#b35c00}
mark.active{outline:2px solid #222}
mark.faded{background:transparent!important;box-shadow:none}
mark.faded::after{content:none}
aside{position:sticky;top:7rem;align-self:start;display:flex;flex-direction:column;gap:1rem;
max-height:calc(100vh - 8rem)}
.box{background:#fff;border:1px solid #ddd;border-radius:8px;padding:.8rem 1rem}
#findings{overflow:auto;max-height:38vh;padding:0;margin:0;list-style:none}
#findings li{padding:.35rem .5rem;border-bottom:1px solid #eee;cursor:pointer;font-size:13px}
#findings li.active{background:#fff6d6}
#findings li[hidden]{display:none}
#findings .where{font:12px ui-monospace,monospace;color:#666}
#detail{overflow:auto}
.badge{font:600 11px system-ui;text-transform:uppercase;padding:.1rem .45rem;border-radius:.3rem}
.claim{font-weight:600;margin:.4rem 0}
.added{background:#fbd3d3;text-decoration:underline wavy #c0392b}
.substituted{background:#ffe9a8;text-decoration:underline #b7950b}
.evidence{border-left:3px solid #999;padding-left:.6rem;margin:.4rem 0}
.evidence .counterpart{background:#ffe9a8;font-weight:600}
.who{color:#555;font-style:italic}
.finding{margin:.3rem 0}.sev-error{color:#b00}.sev-warning{color:#a65200}
.sev-info{color:#666}
del{background:#fbd3d3;color:#900}ins{background:#cdeccd;color:#064;text-decoration:none}
.sourcing{font-size:13px;margin:.3rem 0 0;padding-left:1.1rem}
kbd{border:1px solid #bbb;border-radius:3px;padding:0 .25rem;font-size:11px}
@media (max-width:60rem){main{grid-template-columns:1fr}aside{position:static}}
"""
SCRIPT = """
const marks=[...document.querySelectorAll('mark[data-claim]')];
const items=[...document.querySelectorAll('#findings li')];
const chips=[...document.querySelectorAll('.chip')];
let current=-1;
function show(id){
 document.querySelectorAll('.detail').forEach(d=>d.hidden=d.id!=='d'+id);
 marks.forEach(m=>m.classList.toggle('active',m.dataset.claim===id));
 items.forEach(li=>li.classList.toggle('active',li.dataset.claim===id));
 const hint=document.getElementById('hint'); if(hint) hint.hidden=true;
 const mark=marks.find(m=>m.dataset.claim===id);
 if(mark) mark.scrollIntoView({block:'center',behavior:'instant'});
}
function visibleItems(){return items.filter(li=>!li.hidden);}
function step(by){
 const shown=visibleItems(); if(!shown.length) return;
 const at=shown.findIndex(li=>li.classList.contains('active'));
 const next=at<0?(by>0?0:shown.length-1):(at+by+shown.length)%shown.length;
 show(shown[next].dataset.claim); shown[next].scrollIntoView({block:'nearest'});
}
function filter(){
 const on=chips.filter(c=>c.getAttribute('aria-pressed')==='true').map(c=>c.dataset.filter);
 const keep=el=>!on.length||on.some(f=>el.dataset.tags.split(' ').includes(f));
 items.forEach(li=>li.hidden=!keep(li));
 marks.forEach(m=>m.classList.toggle('faded',!keep(m)));
}
marks.forEach(m=>{m.addEventListener('click',()=>show(m.dataset.claim));
 m.addEventListener('keydown',e=>{if(e.key==='Enter')show(m.dataset.claim)});});
items.forEach(li=>li.addEventListener('click',()=>show(li.dataset.claim)));
chips.forEach(c=>c.addEventListener('click',()=>{
 c.setAttribute('aria-pressed',c.getAttribute('aria-pressed')==='true'?'false':'true');filter();}));
document.addEventListener('keydown',e=>{
 if(e.target.closest&&e.target.closest('input,textarea'))return;
 if(e.key==='j'||e.key==='n'){step(1);e.preventDefault();}
 if(e.key==='k'||e.key==='p'){step(-1);e.preventDefault();}
});
"""


def escape(text: str, quote: bool = True) -> str:
    """User text for HTML: controls and bidi overrides shown escaped (sanitize.py), then
    HTML-escaped; newlines and tabs kept, since drafts are shown as written."""
    return html_escape(visible(text, multiline=True), quote)


def _tags(result: Result, report: CheckReport) -> str:
    """What a chip can filter a claim by: its verdict, and `failing` / `warning`."""
    tags = [result.verdict.value]
    if report.failing(result):
        tags.append("failing")
    if any(report.level(result, f) is Severity.WARNING for f in report.findings(result)):
        tags.append("warning")
    return " ".join(tags)


def _text(text: str, multiline: bool = False) -> str:
    return escape(visible(text, multiline))


def _badge(verdict: Verdict) -> str:
    return f'<span class="badge" style="background:{COLORS[verdict]}">{verdict.value}</span>'


def _spans_html(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` escaped, each (start, end, css class) span wrapped; overlaps keep the first."""
    pieces, cursor = [], 0
    for start, end, css in sorted(spans):
        if start < cursor or end <= start:
            continue
        pieces += [
            _text(text[cursor:start]),
            f'<span class="{css}">{_text(text[start:end])}</span>',
        ]
        cursor = end
    pieces.append(_text(text[cursor:]))
    return "".join(pieces)


def _claim_html(result: Result) -> str:
    spans = [(s.start, s.end, s.status.value) for s in differing(result)]
    return f'<p class="claim">{_spans_html(result.claim.text, spans)}</p>'


def _evidence_html(evidence: Evidence, result: Result | None = None) -> str:
    """The evidence with the words the claim stands against marked (for the best evidence,
    whose alignment we have), its attribution and where it stands."""
    spans = []
    if result is not None:
        spans = [(*s.counterpart, "counterpart") for s in differing(result) if s.counterpart]
    return (
        f'<div class="evidence">{_spans_html(evidence.text, spans)}<div class="who">— '
        f"{_text(describe_attribution(evidence.attribution))}</div>"
        f"<small>{_text(evidence.source)}:{evidence.line} · score {evidence.score:.2f}</small>"
        "</div>"
    )


def _diff_html(item: Finding) -> str:
    """A quote diff as the editor reads one: removed words struck through, added ones green."""
    if not item.detail:
        return ""
    tag = {"-": "del", "+": "ins"}
    words = [
        f"<{tag[op]}>{_text(word)}</{tag[op]}>" if op in tag else _text(word)
        for op, word in item.detail
    ]
    return f'<div class="diff">{" ".join(words)}</div>'


def _detail(index: int, result: Result, report: CheckReport) -> str:
    claim = result.claim
    findings = (
        "".join(
            f'<div class="finding sev-{report.level(result, f).value}">'
            f"<code>{_text(f.code)}</code> {_text(f.message)}{_diff_html(f)}</div>"
            for f in report.findings(result)
        )
        or "<p>No findings.</p>"
    )
    status = "fails the run" if report.failing(result) else "passes"
    best = _evidence_html(result.evidence[0], result) if result.evidence else "<p>No evidence.</p>"
    others = ""
    if len(result.evidence) > 1:
        candidates = "".join(_evidence_html(e) for e in result.evidence[1:])
        others = (
            f"<details><summary>{len(result.evidence) - 1} other candidates</summary>"
            f"{candidates}</details>"
        )
    return (
        f'<section class="detail" id="d{index}" hidden>{_badge(result.verdict)} '
        f"<small>{_text(claim.location)} · score {result.score:.2f} · {status}</small>"
        f"{_claim_html(result)}{findings}<h4>Evidence</h4>{best}{others}</section>"
    )


def _mark_open(index: int, result: Result, report: CheckReport) -> str:
    findings = report.findings(result)
    first = findings[0].message if findings else "no findings"
    css = []
    if report.failing(result):
        css.append("failing")
    elif "warning" in _tags(result, report):
        css.append("warn")
    return (
        f'<mark data-claim="{index}" data-verdict="{result.verdict.value}" '
        f'data-tags="{_tags(result, report)}" tabindex="0" class="{" ".join(css)}" '
        f'style="background:{COLORS[result.verdict]}" '
        f'title="{escape(visible(f"{result.verdict.value}: {first}"))}">'
    )


class _Emitter:
    """Writes a stretch of the draft character by character, hiding markup, and opens and
    closes tags at character offsets of the file, so a claim's mark and a link inside or
    across it always nest (a tag closed under another is closed and reopened around it)."""

    def __init__(self, text: str, opens: dict[int, list[tuple[str, str]]], closes: dict) -> None:
        self.text = text
        self.opens = opens  # offset -> [(tag name, opening html)]
        self.closes = closes  # offset -> [tag name]
        self.stack: list[tuple[str, str]] = []
        self.out: list[str] = []

    def _close(self, name: str) -> None:
        names = [n for n, _ in self.stack]
        if name not in names:
            return
        reopen = []
        while self.stack:
            top = self.stack.pop()
            self.out.append(f"</{top[0]}>")
            if top[0] == name:
                break
            reopen.append(top)
        for tag in reversed(reopen):
            self.stack.append(tag)
            self.out.append(tag[1])

    def at(self, offset: int) -> None:
        for name in self.closes.get(offset, []):
            self._close(name)
        for tag in self.opens.get(offset, []):
            self.stack.append(tag)
            self.out.append(tag[1])

    def emit(self, start: int, end: int, hidden: set[int]) -> None:
        for offset in range(start, end):
            self.at(offset)
            if offset not in hidden:
                self.out.append(_text(self.text[offset], multiline=True))

    def finish(self) -> str:
        while self.stack:
            self.out.append(f"</{self.stack.pop()[0]}>")
        html, self.out = "".join(self.out), []
        return html


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return starts


_HEADING_START = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)")
_HEADING_END = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")


def _inline(
    text: str, starts: list[int], first: int, last: int, emitter: _Emitter, heading: bool
) -> str:
    """Lines first..last of a block as inline HTML: container markers (`- `, `> `, `#`) and
    inline markup hidden, link targets turned into links."""
    for number in range(first, last):
        line_start = starts[number]
        line = text[line_start : starts[number + 1] - 1]
        if heading:
            opening = _HEADING_START.match(line)
            begin = opening.end() if opening else 0
            closing = _HEADING_END.search(line, begin) if opening else None
            stop = closing.start() if closing else len(line)
        else:
            begin, stop = _CONTAINER_PREFIX.match(line).end(), len(line)
        masked = mask_inline(line[begin:stop])
        hidden = {
            line_start + begin + i
            for i, (raw, kept) in enumerate(zip(line[begin:stop], masked, strict=True))
            if raw != kept
        }
        for link in _LINK.finditer(line, begin, stop):
            url = link.group(2)
            if url.lower().startswith(LINK_SCHEMES):
                emitter.opens.setdefault(line_start + link.start(1), []).append(
                    ("a", f'<a href="{escape(url)}" rel="noopener noreferrer">')
                )
                emitter.closes.setdefault(line_start + link.end(1), []).insert(0, "a")
        if number > first:
            emitter.out.append("\n")
        emitter.emit(line_start + begin, line_start + stop, hidden)
        emitter.at(line_start + stop)
    return emitter.finish()


@lru_cache(maxsize=1)
def _block_parser() -> MarkdownIt:
    """The block parser `segment.markdown_blocks` uses (so every claim's paragraph is a
    paragraph here too), inline rules off: inline markup is handled on the lines, and the
    inline rules took minutes on a line of 200,000 "["."""
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("inline")


BLOCK_TAGS = {
    "bullet_list": "ul",
    "ordered_list": "ol",
    "list_item": "li",
    "blockquote": "blockquote",
    "table": "table",
    "thead": "thead",
    "tbody": "tbody",
    "tr": "tr",
}


def _article(text: str, indexed: list[tuple[int, Result]], report: CheckReport) -> str:
    """A Markdown draft as an article, each claim's sentence wrapped in its mark."""
    span = front_matter_span(text)
    parsed = text if span is None else re.sub(r"[^\n]", " ", text[: span[1]]) + text[span[1] :]
    opens: dict[int, list[tuple[str, str]]] = {}
    closes: dict[int, list[str]] = {}
    for index, result in indexed:
        start, end = result.claim.start, result.claim.end
        if start is None or end is None:
            continue
        opens.setdefault(start, []).append(("mark", _mark_open(index, result, report)))
        closes.setdefault(end, []).append("mark")
    emitter = _Emitter(text, opens, closes)
    starts = _line_starts(text)
    parts: list[str] = []
    tokens = _block_parser().parse(parsed)
    for i, token in enumerate(tokens):
        kind = token.type.rsplit("_", 1)[0]
        if token.type in ("paragraph_open", "heading_open") and token.map:
            tag = token.tag if token.type == "heading_open" else "p"
            first, last = token.map
            if token.markup in ("=", "-"):  # a setext heading: its underline is no text
                last -= 1
            inline = _inline(text, starts, first, last, emitter, tag != "p")
            parts.append(f"<{tag}>{inline}</{tag}>")
        elif kind in BLOCK_TAGS and token.type.endswith(("_open", "_close")):
            slash = "/" if token.type.endswith("_close") else ""
            parts.append(f"<{slash}{BLOCK_TAGS[kind]}>")
        elif token.type in ("th_open", "td_open"):
            cell = tokens[i + 1].content if i + 1 < len(tokens) else ""
            parts.append(f"<{token.tag}>{_text(cell)}</{token.tag}>")
        elif token.type in ("fence", "code_block"):
            parts.append(f"<pre><code>{_text(token.content, multiline=True)}</code></pre>")
        elif token.type == "hr":
            parts.append("<hr>")
    return "".join(parts)


def _plain(text: str, indexed: list[tuple[int, Result]], report: CheckReport) -> str:
    """A claim set or a text draft as written, each claim wrapped in its mark."""
    pieces, cursor = [], 0
    for index, result in sorted(indexed, key=lambda pair: pair[1].claim.start or 0):
        start, end = result.claim.start, result.claim.end
        if start is None or end is None or start < cursor:
            continue
        pieces += [_text(text[cursor:start], multiline=True), _mark_open(index, result, report)]
        pieces += [_text(text[start:end], multiline=True), "</mark>"]
        cursor = end
    pieces.append(_text(text[cursor:], multiline=True))
    return f'<pre style="white-space:pre-wrap;font:inherit">{"".join(pieces)}</pre>'


SOURCING = (  # what a claim rests on, by the attribution of its best evidence
    (AttributionKind.ANONYMOUS, "anonymous sources"),
    (AttributionKind.MEDIA, "media reports"),
    (AttributionKind.UNATTRIBUTED, "the reporter's own voice"),
    (AttributionKind.NAMED, "named people"),
    (AttributionKind.ORGANIZATION, "organizations"),
    (AttributionKind.DOCUMENT, "documents"),
)


def sourcing_summary(results: list[Result]) -> str:
    """How the claims of a draft that the sources support rest on them: anonymous sources,
    media reports, the reporter's voice, ..."""
    resting = [r for r in results if r.evidence and r.verdict is not Verdict.UNSUPPORTED]
    kinds = Counter(
        (r.evidence[0].attribution.kind if r.evidence[0].attribution else None)
        or AttributionKind.UNATTRIBUTED
        for r in resting
    )
    rows = "".join(
        f"<li><strong>{kinds[kind]}</strong> on {label}</li>"
        for kind, label in SOURCING
        if kinds[kind]
    )
    return (
        f'<div class="box" id="sourcing"><strong>Sourcing</strong>: {len(resting)} of '
        f"{len(results)} claims rest on a source sentence"
        f'<ul class="sourcing">{rows}</ul></div>'
    )


def _finding_item(index: int, result: Result, report: CheckReport) -> str:
    findings = report.findings(result)
    first = findings[0] if findings else None
    what = f"<code>{_text(first.code)}</code> {_text(first.message)}" if first else ""
    return (
        f'<li data-claim="{index}" data-tags="{_tags(result, report)}">{_badge(result.verdict)} '
        f'<span class="where">{_text(result.claim.location)}</span><br>{what}</li>'
    )


def _chips(report: CheckReport) -> str:
    counts = report.counts()
    failing = sum(report.failing(r) for r in report.results)
    warned = sum("warning" in _tags(r, report) for r in report.results)
    chips = [("failing", "failing", failing, "#fff"), ("warning", "warnings", warned, "#fff")]
    chips += [(v, v, n, COLORS[Verdict(v)]) for v, n in counts.items()]
    return "".join(
        f'<button class="chip" data-filter="{tag}" aria-pressed="false" '
        f'style="background:{color}">{label}<span class="n">{n}</span></button>'
        for tag, label, n, color in chips
    )


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    numbered = list(enumerate(report.results))
    by_path: dict[str, list[tuple[int, Result]]] = {}
    loose = []
    for index, result in numbered:
        path = result.claim.path
        if path in report.texts and result.claim.start is not None:
            by_path.setdefault(path, []).append((index, result))
        else:
            loose.append((index, result))
    documents = []
    for path, items in by_path.items():
        text = report.texts[path]
        markdown = not path.lower().endswith((".yaml", ".yml", ".txt"))
        body = _article(text, items, report) if markdown else _plain(text, items, report)
        documents.append(f'<article><p class="path">{_text(path)}</p>{body}</article>')
    if loose:
        marks = "".join(
            f"<li>{_mark_open(i, r, report)}{_text(r.claim.text)}</mark></li>" for i, r in loose
        )
        documents.append(f"<article><h2>Claims</h2><ul>{marks}</ul></article>")
    ordered = report.ordered()
    position = {id(r): i for i, r in numbered}
    listed = [r for r in ordered if report.findings(r) or report.failing(r)]
    items = "".join(_finding_item(position[id(r)], r, report) for r in listed)
    failing = sum(report.failing(r) for r in report.results)
    details = "".join(_detail(i, r, report) for i, r in numbered)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>factcheck report</title><style>{STYLE}</style></head>
<body><header><h1 class="title">factcheck report</h1>
<p id="summary">{counted(len(report.results), "claim")} checked, <strong>{failing} failing</strong>,
{len(listed)} with findings. <kbd>j</kbd>/<kbd>k</kbd> next and previous finding;
the chips filter. factcheck {_text(__version__)}</p>
<div class="chips">{_chips(report)}</div></header>
<main><div class="docs">{"".join(documents)}</div>
<aside>{sourcing_summary(report.results)}
<div class="box"><strong>Findings</strong> (failing first)<ul id="findings">{items}</ul></div>
<div class="box" id="detail"><p id="hint">Click a marked claim or a finding, or press
<kbd>j</kbd>, to see its findings, evidence and attribution.</p>{details}</div>
</aside></main>
<script>{SCRIPT}</script></body></html>
"""
