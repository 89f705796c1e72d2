"""SARIF 2.1.0 for code scanning: one result per finding, located on the claim's line and
column in the draft, with the evidence as a related location; rule metadata from `CODES`."""

from __future__ import annotations

import json

from .. import __version__
from ..codes import CODES
from ..model import Severity
from . import CheckReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
RULE_IDS = list(CODES)


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


def _location(path: str, line: int, column: int | None = None, length: int | None = None) -> dict:
    region: dict = {"startLine": line}
    if column is not None:
        region["startColumn"] = column
        if length:
            region["endColumn"] = column + length
    return {
        "physicalLocation": {"artifactLocation": {"uri": path.replace("\\", "/")}, "region": region}
    }


def sarif_dict(report: CheckReport) -> dict:
    results = []
    for result in report.results:
        claim = result.claim
        for item in result.findings:
            entry: dict = {
                "ruleId": item.code,
                "ruleIndex": RULE_IDS.index(item.code),
                "level": LEVEL[report.level(result, item)],
                "message": {"text": f"{result.verdict.value}: {item.message}"},
                "properties": {
                    "claim": claim.text,
                    "claimId": claim.id,
                    "verdict": result.verdict.value,
                },
            }
            if claim.path and claim.line:
                single_line = "\n" not in claim.text
                entry["locations"] = [
                    _location(
                        claim.path,
                        claim.line,
                        claim.column,
                        len(claim.text) if single_line and claim.column else None,
                    )
                ]
            if result.evidence:
                best = result.evidence[0]
                related = _location(best.source, best.line)
                related["id"] = 1
                related["message"] = {"text": f"evidence: {best.text[:200]}"}
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
                "results": results,
            }
        ],
    }


def render_check(report: CheckReport) -> str:
    return json.dumps(sarif_dict(report), indent=2, ensure_ascii=False) + "\n"
