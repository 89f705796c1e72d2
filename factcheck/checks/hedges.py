"""Dropped hedges: the source says "could", "may" or "is expected to" and the claim states
the same thing as certain ("will", or a flat statement)."""

from __future__ import annotations

from ..align import Case
from ..model import Code, Severity

HEDGE_DROPPED = Code(
    "hedge-dropped",
    Severity.WARNING,
    None,
    "The source hedges (could, may, expected to); the claim states it as certain.",
    case=(
        "The new port will include a naval dock.",
        "The new port could include a naval dock.",
    ),
)
CODES = (HEDGE_DROPPED,)


def check(case: Case):
    if not case.bears_on_claim or case.best is None or case.claim.analysis.hedges:
        return []
    claimed = {key for _, unit in case.claim.content for key in unit.keys}
    for hedge, qualified in case.best.hedges:
        if claimed & qualified:
            return [
                HEDGE_DROPPED.finding(
                    f"the source hedges with \u201c{hedge}\u201d ({case.where}); "
                    "the claim states it as certain"
                )
            ]
    return []
