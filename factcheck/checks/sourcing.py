"""Dropped attribution: the claim states as plain fact what the source only reports someone
saying. Anonymous sources and media reports are warnings; named ones are information."""

from __future__ import annotations

from ..attribution import attribute_sentence
from ..codes import finding
from ..model import AttributionKind, Claim, Evidence, Finding
from .speaker import describe

WARN_KINDS = {AttributionKind.ANONYMOUS, AttributionKind.MEDIA}


def check(claim: Claim, evidence: list[Evidence]) -> list[Finding]:
    if not evidence:
        return []
    actual = evidence[0].attribution
    if actual is None or not actual.is_attributed or attribute_sentence(claim.text) is not None:
        return []
    code = "attribution-dropped" if actual.kind in WARN_KINDS else "attribution-dropped-named"
    reason = f"; reason given: {actual.anonymity_reason}" if actual.anonymity_reason else ""
    return [
        finding(
            code,
            f"the source attributes this to {describe(actual)}{reason}; "
            "the claim states it as fact",
        )
    ]
