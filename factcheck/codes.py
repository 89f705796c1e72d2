"""Every finding code, its default severity, the verdict it argues for, and what it means.

Codes are a public contract (JSON, SARIF rule ids, ignore comments): never rename one.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Finding, Severity, Verdict


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    verdict: Verdict | None
    summary: str


CODES: dict[str, Code] = {
    c.code: c
    for c in [
        Code(
            "no-evidence",
            Severity.ERROR,
            Verdict.UNSUPPORTED,
            "No source sentence says what the claim says.",
        ),
        Code(
            "quote-altered",
            Severity.ERROR,
            Verdict.MISQUOTED,
            "A direct quote differs from the words in the source.",
        ),
        Code(
            "quote-not-found",
            Severity.ERROR,
            Verdict.UNSUPPORTED,
            "A direct quote appears in no source, not even approximately.",
        ),
        Code(
            "speaker-mismatch",
            Severity.ERROR,
            Verdict.MISATTRIBUTED,
            "The claim gives the words to a different source than the one who said them.",
        ),
        Code(
            "number-mismatch",
            Severity.ERROR,
            Verdict.CONTRADICTED,
            "A number, quantity, rank, duration or date differs from the source.",
        ),
        Code(
            "negation-mismatch",
            Severity.ERROR,
            Verdict.CONTRADICTED,
            "The claim negates what the source asserts, or the reverse.",
        ),
        Code(
            "antonym-mismatch",
            Severity.ERROR,
            Verdict.CONTRADICTED,
            "The claim uses the opposite word (allow/prohibit) of the source.",
        ),
        Code(
            "entity-mismatch",
            Severity.ERROR,
            Verdict.CONTRADICTED,
            "A name, place or title differs from the source.",
        ),
        Code(
            "attribution-dropped",
            Severity.WARNING,
            None,
            "The claim states as fact what the source attributes to an anonymous source "
            "or a media report.",
        ),
        Code(
            "attribution-dropped-named",
            Severity.INFO,
            None,
            "The claim states as fact what the source attributes to a named source.",
        ),
        Code(
            "hedge-dropped",
            Severity.WARNING,
            None,
            "The source hedges (could, may, expected to); the claim states it as certain.",
        ),
        Code(
            "expectation-mismatch",
            Severity.ERROR,
            None,
            "A claim set's `expect` verdict differs from the verdict found.",
        ),
    ]
}


def finding(code: str, message: str, detail: tuple[tuple[str, str], ...] = ()) -> Finding:
    """A finding with the code's default severity and verdict."""
    spec = CODES[code]
    return Finding(code, spec.severity, message, spec.verdict, detail)
