"""SARIF 2.1.0 for code scanning: one result per finding, located on the claim's line and
column in the draft, with the evidence as a related location; rule metadata from `CODES`.

Artifact URIs are relative to the repository root and carry `uriBaseId: "%SRCROOT%"`, which
`originalUriBaseIds` resolves to the root's absolute `file://` URI (SARIF 2.1.0, 3.4.4 and
3.14.14): code scanning matches them to the repository's files.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ..codes import CODES
from ..model import Severity
from ..report import CheckReport
from ..sanitize import json_text, uri_reference, visible
from ..version import __version__
from .base import PLAIN, Target

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
RULE_IDS = list(CODES)
ROOT_ID = "%SRCROOT%"  # the conventional name for the checkout root (SARIF 2.1.0, 3.14.14)


def _rule(code: str) -> dict:
    spec = CODES[code]
    return {
        "id": code,
        "name": "".join(part.title() for part in code.split("-")),
        "shortDescription": {"text": spec.summary},
        "fullDescription": {
            "text": spec.summary + (f" Verdict: {spec.verdict.value}." if spec.verdict else "")
        },
        "defaultConfiguration": {"level": LEVEL[spec.severity]},
        "helpUri": "https://github.com/factcheck/factcheck#finding-codes",
        "properties": {"tags": ["fact-checking"]},
    }


def _artifact(report: CheckReport, path: str) -> dict:
    """A relative URI against the root when the file is under it, else a `file://` URI."""
    relative = report.relative(path)
    if os.path.isabs(relative):
        return {"uri": "file://" + uri_reference(Path(relative).as_posix())}
    return {"uri": uri_reference(relative), "uriBaseId": ROOT_ID}


def _location(
    report: CheckReport,
    path: str,
    line: int,
    column: int | None = None,
    length: int | None = None,
) -> dict:
    region: dict = {"startLine": line}
    if column is not None:
        region["startColumn"] = column
        if length:
            region["endColumn"] = column + length
    return {"physicalLocation": {"artifactLocation": _artifact(report, path), "region": region}}


def sarif_dict(report: CheckReport) -> dict:
    results = []
    for result in report.results:
        claim = result.claim
        for item in report.findings(result):
            entry: dict = {
                "ruleId": item.code,
                "ruleIndex": RULE_IDS.index(item.code),
                "level": LEVEL[report.level(result, item)],
                "message": {"text": f"{result.verdict.value}: {visible(item.message)}"},
                "properties": {
                    "claim": visible(claim.text),
                    "claimId": visible(claim.id),
                    "verdict": result.verdict.value,
                },
            }
            if claim.path and claim.line:
                single_line = "\n" not in claim.text
                entry["locations"] = [
                    _location(
                        report,
                        claim.path,
                        claim.line,
                        claim.column,
                        len(claim.text) if single_line and claim.column else None,
                    )
                ]
            if result.evidence:
                best = result.evidence[0]
                related = _location(report, best.source, best.line)
                related["id"] = 1
                related["message"] = {"text": f"evidence: {visible(best.text[:200])}"}
                entry["relatedLocations"] = [related]
            results.append(entry)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "informationUri": "https://github.com/factcheck/factcheck",
                        "rules": [_rule(code) for code in RULE_IDS],
                    }
                },
                "columnKind": "unicodeCodePoints",
                **_base_ids(report),
                "results": results,
            }
        ],
    }


def _base_ids(report: CheckReport) -> dict:
    if report.root is None:
        return {}
    uri = Path(os.path.abspath(report.root)).as_uri().rstrip("/") + "/"
    return {"originalUriBaseIds": {ROOT_ID: {"uri": uri}}}


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    return json_text(json.dumps(sarif_dict(report), indent=2, ensure_ascii=False)) + "\n"
