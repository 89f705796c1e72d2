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

A plain word the claim puts between two words that stand side by side in the source ("the
secret harbor plan" / "the harbor plan", "unanimously approved" / "approved"), or before the
first or after the last where the source has it the same way, adds a detail
no source gives: `word-added`, a warning for the same reason (a rewording adds such words
too: "more than 1,000 people lost their jobs" for "1,000 jobs were lost"). `claim-adds`
already makes a fact or a phrase of two words or more added unsupported.
"""

from __future__ import annotations

from dataclasses import replace

from ..align import Case, Link
from ..analysis import Unit
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
WORD_ADDED = Code(
    "word-added",
    Severity.WARNING,
    None,
    "The claim puts a word between two words that stand side by side in the source "
    "(\u201cthe secret plan\u201d for \u201cthe plan\u201d): a detail no source gives, or a "
    "rewording, to confirm.",
    case=(
        "The council approved the secret harbor plan on Friday.",
        "The council approved the harbor plan on Friday.",
    ),
)
CODES = (WORD_SUBSTITUTED, WORD_ADDED)


def check(case: Case):
    if not case.bears_on_claim or case.best is None:
        return []
    substituted = [
        WORD_SUBSTITUTED.finding(f"{case.substitution(link)}; no lexicon relates the two words")
        for link in in_place(case)
    ]
    added = [
        WORD_ADDED.finding(
            f"the claim adds \u201c{_said(case.claim.analysis.text, link.unit)}\u201d "
            f"{_between(case.best.text, before, after)} ({case.where}); the source has "
            "nothing there"
        )
        for link, before, after in inserted(case)
    ]
    return substituted + added


def inserted(case: Case) -> list[tuple[Link, Unit | None, Unit | None]]:
    """The plain words the claim adds between two claim units matched to evidence units that
    stand side by side, each with those two evidence units; the start or the end of both
    texts stands in for a neighbour (None) at either end of the claim ("The temporary charge
    against ..." / "The charge against ...")."""
    links = case.alignment.links
    units = case.best.units
    position = {_span(u): j for j, u in enumerate(units)}
    quoted = [(q.start, q.end) for q in case.claim.analysis.quotes]
    found = []
    for i, link in enumerate(links):
        if link.status is not WordStatus.ADDED or link.unit.kind != "word" or link.speaker:
            continue
        if any(a <= link.unit.start < b for a, b in quoted):
            continue
        sides = [links[k] if 0 <= k < len(links) else None for k in (i - 1, i + 1)]
        if not all(side is None or _matched(side) for side in sides) or sides == [None, None]:
            continue
        before, after = (side.counterpart if side else None for side in sides)
        at = -1 if before is None else position[_span(before)]
        then = len(units) if after is None else position[_span(after)]
        if then == at + 1:
            found.append((link, before, after))
    return found


def _between(text: str, before: Unit | None, after: Unit | None) -> str:
    """Where the source has nothing: between two of its words, or before its first word or
    after its last."""
    if before is None:
        return f"before \u201c{_said(text, after)}\u201d, the source's first word"
    if after is None:
        return f"after \u201c{_said(text, before)}\u201d, the source's last word"
    return f"between \u201c{_said(text, before)}\u201d and \u201c{_said(text, after)}\u201d"


def _said(text: str, unit: Unit) -> str:
    return text[unit.start : unit.end]


def in_place(case: Case) -> list[Link]:
    """The plain words of the claim that stand in the place of a unit of the evidence no other
    claim unit stands on, each with that unit as its counterpart: the claim units on either
    side (those that exist, at least one) matched to the evidence units on either side of it.
    The alignment marks some of them substituted (a word for a word); others it leaves added,
    having found no counterpart of their kind ("right" where the source says "eight")."""
    links = case.alignment.links
    units = case.best.units
    position = {_span(u): j for j, u in enumerate(units)}
    taken = {position[_span(link.counterpart)] for link in links if _matched(link)}
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
        ats = {position[_span(side.counterpart)] + i - k for k, side in around}
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
