"""Numbers: a claim contradicts its source when a count, rank, duration, amount, percentage,
ordinal, year, month or weekday differs for the same thing.

Values are ranges (`quantities.py`): two quantities of one thing agree when they overlap,
except that the same modifier with two values ("up to 80" / "up to 800") disagrees.
"""

from __future__ import annotations

from ..align import Case
from ..model import Code, Severity, Verdict, WordStatus

NUMBER_MISMATCH = Code(
    "number-mismatch",
    Severity.ERROR,
    Verdict.CONTRADICTED,
    "A number, quantity, rank, duration or date differs from the source.",
    case=(
        "Chile will buy twelve Leopard tanks from Germany.",
        "Chile will buy 10 Leopard tanks from Germany, officials said.",
    ),
)
CODES = (NUMBER_MISMATCH,)


def check(case: Case):
    if not case.about_same_fact or case.best is None:
        return []
    stated = [u for u in case.best.units if u.kind == "number"]
    findings = []
    for link in case.alignment.links:
        if link.unit.kind != "number" or link.status is WordStatus.MATCHED:
            continue
        said = link.unit.quantity
        other = link.counterpart or next(
            (u for u in stated if u.quantity.measures_same(said)), None
        )
        if other is None or other.quantity is None:
            # nothing of the kind in the source: the claim adds it (coverage); a quantifier
            # in its place ("many" / "few") is the relation check's
            continue
        findings.append(
            NUMBER_MISMATCH.finding(
                f"claim says \u201c{said.text}\u201d, source says "
                f"\u201c{other.quantity.text}\u201d ({case.where})"
            )
        )
    return findings
