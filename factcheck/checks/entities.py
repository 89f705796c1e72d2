"""Names, places and titles: a claim contradicts its source when a name stands where the
source has a different one ("Kadena Air Base" for "Yokota Air Base", "to Ukraine" for "to
the United States"), or a person's title differs ("Foreign Minister" for "Defense Minister").

Countries are compared under all their names (capital, demonym, possessive), acronyms with
their expansions, so "Tokyo" for "Japan" or "PAC-3" for "Patriot Advanced Capability-3" is
the same thing (`analysis.py`)."""

from __future__ import annotations

from ..align import Case
from ..model import Code, Severity, Verdict

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
    found = [ENTITY_MISMATCH.finding(message) for message in case.substitutions(("name", "title"))]
    # a name the sentence says elsewhere, put where it has another ("from Lyon" twice for
    # "from Lyon ... from Paris"): matched where it is said, it was never substituted
    for put in case.out_of_place(("name",)):
        if put.counterpart.kind == "name":
            found.append(ENTITY_MISMATCH.finding(case.substitution(put)))
    return found
