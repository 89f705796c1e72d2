"""JUnit XML: one test case per claim; a failing claim is a failure with its findings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..report import CheckReport
from ..sanitize import visible
from .base import PLAIN, Target


def render_check(report: CheckReport, target: Target = PLAIN) -> str:
    failures = sum(report.failing(r) for r in report.results)
    suites = ET.Element(
        "testsuites", name="factcheck", tests=str(len(report.results)), failures=str(failures)
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name="factcheck",
        tests=str(len(report.results)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    for result in report.results:
        claim = result.claim
        # Every piece of user text through the sanitiser: controls are not valid XML.
        where = visible(f"{claim.path}:{claim.line}" if claim.path else claim.id)
        case = ET.SubElement(
            suite,
            "testcase",
            classname=visible(claim.path or "factcheck"),
            name=visible(f"{claim.id}: {claim.text[:120]}"),
            file=visible(claim.path or ""),
            line=str(claim.line or 0),
        )
        details = "\n".join(
            f"{f.severity.value} {f.code}: {visible(f.message)}" for f in report.findings(result)
        )
        if report.failing(result):
            failure = ET.SubElement(
                case,
                "failure",
                type=result.verdict.value,
                message=f"{result.verdict.value}: {visible(claim.text[:200])}",
            )
            failure.text = f"{where}\n{details}"
        elif details:
            ET.SubElement(case, "system-out").text = details
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
