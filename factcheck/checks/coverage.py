"""Coverage: does the evidence say everything the claim says?

- No evidence bears on the claim (its units are mostly absent from the best evidence) and no
  quote of it stands in a source: `no-evidence`.
- The evidence bears on the claim, but the claim adds a fact no source gives: a name, number,
  date, place or quantifier with no counterpart ("for the first time", "by 2030", "and with
  Australia"), or a phrase of its own (`ADDED_RUN` content words in a row with none):
  `claim-adds`. Both argue *unsupported*: the claim may be true, but these sources do not
  say it.
"""

from __future__ import annotations

from ..align import Case, Link
from ..model import Code, Severity, Verdict, WordStatus

# Consecutive claim words with no counterpart that make a phrase of the claim's own ("as
# part of a secret deal"). Two: one added word is usually a paraphrase's filler ("also",
# "officially"); bench/perturb.py sweeps it against the paraphrase set.
ADDED_RUN = 2
# Prepositions that open a phrase of circumstance (time, cause, company, manner), from the
# English simple prepositions (Quirk et al. 1985, 9.7); "of" is left out, as it belongs to
# the noun before it ("a member of staff"), and so is "to", an infinitive's marker as often.
OPENING_PREPOSITIONS = frozenset(
    "after before during amid amidst following despite since until with without among "
    "in at on by for from into over under through against behind beyond near".split()
)
ARTICLES = frozenset({"a", "an", "the"})

NO_EVIDENCE = Code(
    "no-evidence",
    Severity.ERROR,
    Verdict.UNSUPPORTED,
    "No source sentence says what the claim says.",
    case=(
        "Peru has banned copper exports to Bolivia.",
        "Chile's copper mines reopened after the strike.",
    ),
)
CLAIM_ADDS = Code(
    "claim-adds",
    Severity.ERROR,
    Verdict.UNSUPPORTED,
    "The claim adds a fact (a name, number, date, place, quantifier or phrase) that the "
    "evidence does not give.",
    case=(
        "Chile's state copper mines reopened on Monday after a strike of three weeks for the "
        "first time.",
        "Chile's state copper mines reopened on Monday after a strike of three weeks.",
    ),
)
CODES = (NO_EVIDENCE, CLAIM_ADDS)


def added_phrases(
    links: list[Link], differing_facts_count: bool, text: str = ""
) -> list[list[Link]]:
    """Runs of added units: a fact-bearing one alone, `ADDED_RUN` plain words in a row, or a
    plain word that a preposition of the claim's own opens ("closed in 2014 after a fire":
    the claim adds a circumstance). With `differing_facts_count`, a fact stated differently
    counts as added: the evidence is not close enough to the claim to contradict it, so the
    claim's fact is unsupported."""
    phrases: list[list[Link]] = []
    run: list[Link] = []
    previous_end = 0
    opened = False  # the run began right after a preposition the evidence does not match
    for link in [*links, None]:
        if (
            link is not None
            and link.counted
            and (
                link.status is WordStatus.ADDED
                or (differing_facts_count and link.differs_in_fact)
                or (link.status is WordStatus.SUBSTITUTED and link.unit.kind == "act")
            )
        ):
            if link.unit.kind == "relation":
                continue
            if not run:
                opened = _opens_phrase(text[previous_end : link.unit.start])
            run.append(link)
            previous_end = link.unit.end
            continue
        if run and (
            len(run) >= ADDED_RUN or opened or any(r.unit.carries_fact or r.opposite for r in run)
        ):
            phrases.append(run)
        run = []
        if link is not None and not (
            link.unit.kind == "relation" and link.status is WordStatus.ADDED
        ):
            previous_end = link.unit.end
    return phrases


def _opens_phrase(gap: str) -> bool:
    """Whether the words before a claim word end in a preposition and perhaps an article
    ("after a", "amid the"): the word heads a prepositional phrase."""
    words = [w.strip(",;:").lower() for w in gap.split()]
    while words and words[-1] in ARTICLES:
        words.pop()
    return bool(words) and words[-1] in OPENING_PREPOSITIONS


def check(case: Case):
    if not case.bears_on_claim:
        return [
            NO_EVIDENCE.finding(
                "no source sentence supports this claim "
                f"(the best evidence says {case.support:.0%} of it)"
            )
        ]
    text = case.claim.claim.text
    return [
        CLAIM_ADDS.finding(
            f"the claim adds \u201c{text[phrase[0].unit.start : phrase[-1].unit.end]}\u201d; "
            f"no source says it (closest: {case.where})"
        )
        for phrase in added_phrases(case.alignment.links, not case.about_same_fact, text)
    ]
