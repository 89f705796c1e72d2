"""Words put in the source's place: the claim says "cancel" right where the source says
"delay", between the same two words, and no lexicon relates the two.

Such a word changes a claim's fact as often as it rewords it. On the word-replaced kind of
`bench/perturb.py`, a plain word swapped for another of its group ("delay" -> "cancel",
"employer" -> "landowner"), most edits pass every other check: the claim loses one unit of
four or more, which leaves it bearing on the source. Yet a reporter's own rewording puts a
word the synonym tables lack in the same place ("critics" for "detractors", "view" for
"position"), so an error here would turn true paraphrases unsupported (bench/paraphrases.py,
measured in the README). A warning keeps the verdict and points at the word an editor must
read: a claim supported only with it is not the unqualified "supported" an editor trusts.

The place is what tells a word put for another from a pairing across reordered clauses: both
of the claim word's neighbours stand on the two source units around its counterpart (one
neighbour at either end of the claim). Names, numbers, titles, quantifiers and opposites
substituted are other checks' errors; words inside the claim's own quotations are the quote
checks'; the words naming the claim's source are the speaker check's.
"""

from __future__ import annotations

from dataclasses import replace

from ..align import Case, Link
from ..model import Code, Severity, WordStatus

WORD_SUBSTITUTED = Code(
    "word-substituted",
    Severity.WARNING,
    None,
    "The claim puts a word in the place of another of the source's that no lexicon relates to "
    "it (\u201ccancel\u201d for \u201cdelay\u201d): a changed fact or a rewording, to confirm.",
    case=(
        "The council will cancel the vote on the harbor plan.",
        "The council will delay the vote on the harbor plan.",
    ),
)
CODES = (WORD_SUBSTITUTED,)


def check(case: Case):
    if not case.bears_on_claim or case.best is None:
        return []
    return [
        WORD_SUBSTITUTED.finding(f"{case.substitution(link)}; no lexicon relates the two words")
        for link in in_place(case)
    ]


def in_place(case: Case) -> list[Link]:
    """The plain words of the claim that stand in the place of a unit of the evidence no other
    claim unit stands on, each with that unit as its counterpart: the claim units on either
    side (those that exist, at least one) matched to the evidence units on either side of it.
    The alignment marks some of them substituted (a word for a word); others it leaves added,
    having found no counterpart of their kind ("right" where the source says "eight")."""
    links = case.alignment.links
    units = case.best.units
    position = {_span(u): j for j, u in enumerate(units)}
    taken = {position.get(_span(link.counterpart)) for link in links if _matched(link)}
    quoted = [(q.start, q.end) for q in case.claim.analysis.quotes]
    found = []
    for i, link in enumerate(links):
        if not _candidate(link) or any(a <= link.unit.start < b for a, b in quoted):
            continue
        around = [(k, links[k]) for k in (i - 1, i + 1) if 0 <= k < len(links)]
        if not around or not all(_matched(side) for _, side in around):
            continue
        # the evidence position each neighbour puts the word at: one, free, and the unit the
        # alignment substituted where it did
        ats = {position.get(_span(side.counterpart), -2) + i - k for k, side in around}
        j = ats.pop() if len(ats) == 1 else -1
        if not 0 <= j < len(units) or j in taken:
            continue
        if link.status is WordStatus.SUBSTITUTED and _span(link.counterpart) != _span(units[j]):
            continue
        found.append(replace(link, counterpart=units[j]))
    return found


def _span(unit) -> tuple[int, int]:
    return unit.start, unit.end


def _candidate(link: Link) -> bool:
    """A plain word of the claim the evidence does not say: put for a plain word of the
    evidence (a fact or an opposite substituted is another check's), or added; never the
    words naming the claim's source."""
    if link.unit.kind != "word" or link.speaker:
        return False
    if link.status is WordStatus.ADDED:
        return True
    return (
        link.status is WordStatus.SUBSTITUTED
        and link.counterpart is not None
        and link.counterpart.kind == "word"
        and not link.differs_in_fact
    )


def _matched(link: Link) -> bool:
    return link.status is WordStatus.MATCHED and link.counterpart is not None
