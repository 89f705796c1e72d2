"""The HTML report for editors: one self-contained file (inline CSS and script, no network).

A summary on top; then each draft as written, every claim highlighted by verdict. Hovering a
claim shows its verdict and first finding; clicking it (or Enter) opens the panel with the
findings, the evidence with its matched words, and the evidence's attribution. Every piece
of user text is escaped.
"""

from __future__ import annotations

from html import escape

from ..model import Evidence, Result, Verdict
from ..report import CheckReport
from ..version import __version__
from .base import PLAIN, Format, Target
from .terminal import describe_attribution

COLORS = {
    Verdict.SUPPORTED: "#c8efc8",
    Verdict.CONTRADICTED: "#f7b9b9",
    Verdict.MISQUOTED: "#e5c4f2",
    Verdict.MISATTRIBUTED: "#fbe3a6",
    Verdict.UNSUPPORTED: "#c9d8f5",
}
STYLE = """
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:1rem 2rem;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:1.3rem;margin:0 0 .5rem}
.counts span{display:inline-block;margin-right:.6rem;padding:.1rem .6rem;border-radius:1rem}
main{display:flex;gap:1.5rem;padding:1rem 2rem}
.docs{flex:3;min-width:0}
.doc{white-space:pre-wrap;background:#fff;border:1px solid #ddd;padding:1rem;border-radius:6px;
font-family:ui-serif,Georgia,serif}
mark{border-radius:3px;padding:0 1px;cursor:pointer}
mark:focus,mark.active{outline:2px solid #333}
mark.failing{border-bottom:2px solid #b00}
aside{flex:2;position:sticky;top:1rem;align-self:flex-start;background:#fff;border:1px solid #ddd;
border-radius:6px;padding:1rem;max-height:90vh;overflow:auto}
.detail[hidden]{display:none}
.badge{font-weight:600;text-transform:uppercase;font-size:.8rem;padding:.1rem .5rem;
border-radius:.3rem}
.evidence{border-left:3px solid #999;padding-left:.6rem;margin:.5rem 0}
.evidence b{background:#fff3a0}
.who{color:#555;font-style:italic}
.finding{margin:.3rem 0}.sev-error{color:#b00}.sev-warning{color:#a60}.sev-info{color:#666}
ul.claims{padding-left:1.2rem}
"""
# Nothing may load from anywhere: the report works offline and leaks nothing when opened.
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
SCRIPT = """
const marks=[...document.querySelectorAll('mark[data-claim]')];
function show(id){document.querySelectorAll('.detail').forEach(d=>d.hidden=d.id!=='d'+id);
 marks.forEach(m=>m.classList.toggle('active',m.dataset.claim===id));
 document.getElementById('hint').hidden=true;}
marks.forEach(m=>{m.addEventListener('click',()=>show(m.dataset.claim));
 m.addEventListener('keydown',e=>{if(e.key==='Enter')show(m.dataset.claim)});});
"""


def _badge(verdict: Verdict) -> str:
    return f'<span class="badge" style="background:{COLORS[verdict]}">{verdict.value}</span>'


def _evidence_html(evidence: Evidence) -> str:
    text, pieces, cursor = evidence.text, [], 0
    for start, end in evidence.matched:
        pieces.append(escape(text[cursor:start]) + f"<b>{escape(text[start:end])}</b>")
        cursor = end
    pieces.append(escape(text[cursor:]))
    return (
        f'<div class="evidence">{"".join(pieces)}<div class="who">— '
        f"{escape(describe_attribution(evidence.attribution))}</div>"
        f"<small>{escape(evidence.source)}:{evidence.line}</small></div>"
    )


def _detail(index: int, result: Result, failing: bool) -> str:
    claim = result.claim
    findings = "".join(
        f'<div class="finding sev-{f.severity.value}"><code>{escape(f.code)}</code> '
        f"{escape(f.message)}</div>"
        for f in result.findings
    )
    evidence = _evidence_html(result.evidence[0]) if result.evidence else "<p>No evidence.</p>"
    status = "fails the run" if failing else "passes"
    return (
        f'<section class="detail" id="d{index}" hidden>{_badge(result.verdict)} '
        f"<small>{escape(claim.location)} · score {result.score:.2f} · {status}</small>"
        f"<p><strong>{escape(claim.text)}</strong></p>{findings}"
        f"<h3>Evidence</h3>{evidence}</section>"
    )


def _mark(index: int, result: Result, shown: str, failing: bool) -> str:
    first = result.findings[0].message if result.findings else "no findings"
    title = f"{result.verdict.value}: {first}"
    css = ' class="failing"' if failing else ""
    return (
        f'<mark data-claim="{index}" data-verdict="{result.verdict.value}" tabindex="0"'
        f'{css} style="background:{COLORS[result.verdict]}" title="{escape(title)}">'
        f"{escape(shown)}</mark>"
    )


def _document(path: str, text: str, indexed: list[tuple[int, Result]], report: CheckReport) -> str:
    """The file as written with each claim wrapped in a mark; overlapping claims (two claims
    on one YAML line) are marked once, the first wins."""
    pieces, cursor = [], 0
    for index, result in sorted(indexed, key=lambda pair: pair[1].claim.start or 0):
        start, end = result.claim.start, result.claim.end
        if start is None or end is None or start < cursor:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(_mark(index, result, text[start:end], report.failing(result)))
        cursor = end
    pieces.append(escape(text[cursor:]))
    return f'<h2>{escape(path)}</h2><div class="doc">{"".join(pieces)}</div>'


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
    documents = [_document(p, report.texts[p], items, report) for p, items in by_path.items()]
    if loose:
        items = "".join(
            f"<li>{_mark(i, r, r.claim.text, report.failing(r))}</li>" for i, r in loose
        )
        documents.append(f'<h2>Claims</h2><ul class="claims">{items}</ul>')
    counts = "".join(
        f'<span style="background:{COLORS[Verdict(v)]}">{escape(v)}: {n}</span>'
        for v, n in report.counts().items()
    )
    failing = sum(report.failing(r) for r in report.results)
    details = "".join(_detail(i, r, report.failing(r)) for i, r in numbered)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>factcheck report</title><style>{STYLE}</style></head>
<body><header><h1>factcheck report</h1>
<p id="summary">{len(report.results)} claims checked, <strong>{failing} failing</strong>.
factcheck {escape(__version__)}</p><div class="counts">{counts}</div></header>
<main><div class="docs">{"".join(documents)}</div>
<aside><p id="hint">Click a highlighted claim to see its verdict, findings and evidence.</p>
{details}</aside></main>
<script>{SCRIPT}</script></body></html>
"""


FORMAT = Format("html", "a self-contained page for editors", render_check)
