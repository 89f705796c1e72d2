"""Dropped attribution: the claim states as plain fact what the source only reports someone
saying. Anonymous sources and media reports are warnings; named ones are information."""

from __future__ import annotations

from ..align import Case
from ..model import AttributionKind, Code, Severity

ATTRIBUTION_DROPPED = Code(
    "attribution-dropped",
    Severity.WARNING,
    None,
    "The claim states as fact what the source attributes to an anonymous source or a media report.",
    case=(
        "Peru will sell two frigates to Ecuador.",
        "Peru will sell two frigates to Ecuador, two navy officials said.",
    ),
)
ATTRIBUTION_DROPPED_NAMED = Code(
    "attribution-dropped-named",
    Severity.INFO,
    None,
    "The claim states as fact what the source attributes to a named source.",
    case=(
        "Peru will sell two frigates to Ecuador.",
        "Peru will sell two frigates to Ecuador, Defense Minister Walter Astudillo said.",
    ),
)
CODES = (ATTRIBUTION_DROPPED, ATTRIBUTION_DROPPED_NAMED)
WARN_KINDS = {AttributionKind.ANONYMOUS, AttributionKind.MEDIA}


def check(case: Case):
    if not case.bears_on_claim or not case.evidence:
        return []
    actual = case.evidence[0].attribution
    if actual is None or not actual.is_attributed or case.claim.attribution is not None:
        return []
    code = ATTRIBUTION_DROPPED if actual.kind in WARN_KINDS else ATTRIBUTION_DROPPED_NAMED
    reason = f"; reason given: {actual.anonymity_reason}" if actual.anonymity_reason else ""
    who = f"{actual.speaker} ({actual.kind.value})"
    return [
        code.finding(f"the source attributes this to {who}{reason}; the claim states it as fact")
    ]
