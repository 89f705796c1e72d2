"""Relations: the same things related differently. A quantifier or comparative of one class
stands where the source has another ("only U.S. forces" / "both Japanese and U.S. forces",
"less authority" / "greater authority"), or a relation word its opposite ("to" / "from",
"before" / "after", lexicon/relations.txt)."""

from __future__ import annotations

from ..align import Case
from ..model import Code, Severity, Verdict

RELATION_MISMATCH = Code(
    "relation-mismatch",
    Severity.ERROR,
    Verdict.CONTRADICTED,
    "A quantifier, comparative or relation word (only/both, more/less, to/from, before/after) "
    "differs from the source.",
    case=(
        "The governor will be given less authority over the police.",
        "The governor will be given greater authority over the police.",
    ),
)
CODES = (RELATION_MISMATCH,)


def check(case: Case):
    if not case.about_same_fact or case.best is None:
        return []
    return [
        RELATION_MISMATCH.finding(message)
        for message in case.substitutions(("quantifier", "relation"))
    ]
