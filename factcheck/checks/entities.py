"""Names, places and titles: a claim contradicts its source when a name stands where the
source has a different one ("Kadena Air Base" for "Yokota Air Base", "to Ukraine" for "to
the United States"), or a person's title differs ("Foreign Minister" for "Defense Minister").

Countries are compared under all their names (capital, demonym, possessive), acronyms with
their expansions, so "Tokyo" for "Japan" or "PAC-3" for "Patriot Advanced Capability-3" is
the same thing (`analysis.py`)."""

from __future__ import annotations

from ..align import Case
from ..model import Code, Severity, Verdict, WordStatus

ENTITY_MISMATCH = Code(
    "entity-mismatch",
    Severity.ERROR,
    Verdict.CONTRADICTED,
    "A name, place or title differs from the source.",
    case=(
        "The troops are stationed at Ramstein Air Base near Kaiserslautern.",
        "The troops are stationed at Spangdahlem Air Base near Kaiserslautern.",
    ),
)
CODES = (ENTITY_MISMATCH,)


def check(case: Case):
    if not case.about_same_fact or case.best is None:
        return []
    text, evidence = case.claim.claim.text, case.best.text
    return [
        ENTITY_MISMATCH.finding(
            f"claim says \u201c{text[link.unit.start : link.unit.end]}\u201d, source says "
            f"\u201c{evidence[link.counterpart.start : link.counterpart.end]}\u201d "
            f"({case.where})"
        )
        for link in case.alignment.with_status(WordStatus.SUBSTITUTED)
        if link.unit.kind in ("name", "title") and link.counterpart is not None
    ]
