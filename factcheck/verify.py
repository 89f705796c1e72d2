"""One verdict per claim from the checks' findings: the only place verdict rules live.

Rules, in order:
1. No evidence scoring at least `SUPPORT_THRESHOLD`, and no quote found verbatim: unsupported,
   unless a quote nearly matches a source sentence (then misquoted).
2. Otherwise every check runs on the evidence (a located quote's sentence first).
3. The verdict is the most serious one argued by a finding, in `PRECEDENCE` order; with none,
   the claim is supported (warnings may still stand).
4. Policy comes last: inline ignores and configured severities change what is reported and
   what fails the run, never the verdict.
"""

from __future__ import annotations

from dataclasses import replace

from .checks import CHECKS, quotes
from .checks.quotes import locate
from .codes import finding
from .model import Claim, Evidence, Finding, Result, Severity, Verdict
from .text import find_quotes

SUPPORT_THRESHOLD = 0.62  # evidence score below which no source is taken to say the claim
# A misquote is the most specific diagnosis, then who said it, then what was said.
PRECEDENCE = (Verdict.MISQUOTED, Verdict.MISATTRIBUTED, Verdict.CONTRADICTED, Verdict.UNSUPPORTED)


def _with_quoted_first(claim: Claim, evidence: list[Evidence]) -> tuple[list[Evidence], bool]:
    """Evidence reordered so the sentence holding the claim's quote comes first."""
    for quote in find_quotes(claim.text):
        position = locate(quote, evidence)
        if position is not None:
            return [evidence[position]] + evidence[:position] + evidence[position + 1 :], True
    return evidence, False


def _applies(claim: Claim, item: Finding) -> bool:
    return not claim.ignore_all and item.code not in claim.ignored_codes


def _with_policy(findings: list[Finding], severity: dict[str, Severity | None]) -> list[Finding]:
    """Findings with configured severities; a code set to None (off) is dropped."""
    adjusted = []
    for item in findings:
        if item.code not in severity:
            adjusted.append(item)
        elif severity[item.code] is not None:
            adjusted.append(replace(item, severity=severity[item.code]))
    return adjusted


def decide(findings: list[Finding]) -> Verdict:
    """The most serious verdict argued by any finding. Severity is policy (does it fail the
    run?); the verdict is what the sources say, whatever severity a team gives a code."""
    argued = {f.verdict for f in findings if f.verdict}
    return next((v for v in PRECEDENCE if v in argued), Verdict.SUPPORTED)


def verify(
    claim: Claim,
    evidence: list[Evidence],
    threshold: float = SUPPORT_THRESHOLD,
    severity: dict[str, Severity | None] | None = None,
) -> Result:
    """The verdict on `claim` given its ranked candidate evidence."""
    evidence, quote_found = _with_quoted_first(claim, evidence)
    best_score = evidence[0].score if evidence else 0.0
    if best_score < threshold and not quote_found:
        # An altered quote is its own evidence: the claim is misquoted, whatever else it says.
        findings = [f for f in quotes.check(claim, evidence) if f.code == "quote-altered"] or [
            finding(
                "no-evidence",
                f"no source sentence supports this claim (best match scores {best_score:.2f})",
            )
        ]
    else:
        findings = [item for check in CHECKS.values() for item in check(claim, evidence)]
    verdict = decide(findings)  # what the sources say, before any policy
    findings = _with_policy([f for f in findings if _applies(claim, f)], severity or {})
    result = Result(claim, verdict, round(best_score, 4), evidence[:3], findings)
    if claim.expect is not None and claim.expect is not result.verdict:
        mismatch = finding(
            "expectation-mismatch", f"expected {claim.expect.value}, found {result.verdict.value}"
        )
        result.findings += _with_policy([mismatch], severity or {})
    return result
