"""The JSON contract (version `JSON_VERSION`, documented in the README and described by
`factcheck/schema/check-<version>.json`). Fields are only added within a major version, and
each addition bumps the minor version: 1.1 added `alignment` to each result, 1.2 `skipped`
(the files a check left alone, and why)."""

from __future__ import annotations

import json

from ..attribution.summary import speaker_summary
from ..model import AlignedSpan, Attribution, Evidence, Result, Sentence, Source
from ..report import CheckReport, Skipped
from ..sanitize import json_text
from ..version import __version__
from .base import PLAIN, Target

JSON_VERSION = "1.2"
TOOL = {"name": "factcheck", "version": __version__}


def attribution_dict(attribution: Attribution | None) -> dict | None:
    if attribution is None:
        return None
    return {
        "kind": attribution.kind.value,
        "speaker": attribution.speaker,
        "role": attribution.role,
        "cue": attribution.cue,
        "speech": attribution.speech,
        "anonymity_reason": attribution.anonymity_reason,
    }


def evidence_dict(evidence: Evidence) -> dict:
    return {
        "source": evidence.source,
        "line": evidence.line,
        "start": evidence.start,
        "end": evidence.end,
        "sentence": evidence.text,
        "score": evidence.score,
        "matched": [list(span) for span in evidence.matched],
        "attribution": attribution_dict(evidence.attribution),
    }


def span_dict(span: AlignedSpan) -> dict:
    return {
        "start": span.start,
        "end": span.end,
        "status": span.status.value,
        "kind": span.kind,
        "counterpart": list(span.counterpart) if span.counterpart else None,
    }


def result_dict(result: Result, report: CheckReport) -> dict:
    claim = result.claim
    return {
        "id": claim.id,
        "claim": claim.text,
        "path": claim.path,
        "line": claim.line,
        "column": claim.column,
        "verdict": result.verdict.value,
        "expect": claim.expect.value if claim.expect else None,
        "failing": report.failing(result),
        "score": result.score,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "verdict": f.verdict.value if f.verdict else None,
                "diff": [list(pair) for pair in f.detail],
            }
            for f in report.findings(result)
        ],
        "evidence": [evidence_dict(e) for e in result.evidence],
        "alignment": [span_dict(span) for span in result.alignment],
    }


def summary_dict(report: CheckReport) -> dict:
    expectations = [r.expectation_met for r in report.results if r.expectation_met is not None]
    return {
        "claims": len(report.results),
        "verdicts": report.counts(),
        "failing": sum(report.failing(r) for r in report.results),
        "expectations": {"met": sum(expectations), "total": len(expectations)},
    }


def skipped_dict(skipped: Skipped) -> dict:
    return {"path": skipped.path, "reason": skipped.kind}


def check_dict(report: CheckReport) -> dict:
    return {
        "version": JSON_VERSION,
        "tool": TOOL,
        "summary": summary_dict(report),
        "results": [result_dict(r, report) for r in report.results],
        "skipped": [skipped_dict(s) for s in report.skipped],
    }


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    # Same data; bidi and C1 controls written as \u escapes, visible in the file (sanitize.py)
    return json_text(json.dumps(check_dict(report), indent=2, ensure_ascii=False)) + "\n"


def sentence_dict(sentence: Sentence) -> dict:
    return {
        "text": sentence.text,
        "line": sentence.line,
        "start": sentence.start,
        "end": sentence.end,
        "furniture": sentence.furniture,
        "attribution": attribution_dict(sentence.attribution),
    }


def summary_of_speakers(source: Source) -> dict:
    """Sentences per speaker (null: the reporter) and the anonymous share, as the terminal
    report prints them."""
    summary = speaker_summary(source.sentences)
    share = summary.anonymous_share
    return {
        "speakers": [
            {"speaker": c.speaker, "kind": c.kind.value, "sentences": c.sentences}
            for c in summary.speakers
        ],
        "anonymous": {
            "sentences": summary.anonymous,
            "attributed": summary.attributed,
            "share": round(share, 4) if share is not None else None,
        },
    }


def render_sources(sources: list[Source], target: Target = PLAIN) -> str:
    document = {
        "version": JSON_VERSION,
        "tool": TOOL,
        "sources": [
            {
                "path": s.path,
                "sentences": [sentence_dict(x) for x in s.sentences],
                **summary_of_speakers(s),
            }
            for s in sources
        ],
    }
    return json_text(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
