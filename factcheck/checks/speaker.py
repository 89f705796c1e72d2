"""Speakers: a claim is misattributed when it gives words to someone other than the
source sentence's speaker: another named person, a named person for an anonymous source, an
anonymous source for a named one, or anyone at all for the reporter's own statement."""

from __future__ import annotations

from ..align import Case
from ..model import Attribution, AttributionKind, Code, Severity, Verdict, WordStatus
from ..text import content_words, lexicon, normalize

SPEAKER_MISMATCH = Code(
    "speaker-mismatch",
    Severity.ERROR,
    Verdict.MISATTRIBUTED,
    "The claim gives the words to a different source than the one who said them.",
    'claim: Christopher Johnstone said "We will not change our course"; source: a senior '
    "Japanese official said it",
)
CODES = (SPEAKER_MISMATCH,)


def describe(attribution: Attribution) -> str:
    if attribution.kind is AttributionKind.UNATTRIBUTED:
        return "the reporter's own voice (no attribution)"
    return f"{attribution.speaker} ({attribution.kind.value})"


def same_source(claimed: Attribution, actual: Attribution) -> bool:
    """Whether two attributions can name the same source; lenient on wording, strict on who.
    Words every unnamed source shares ("senior", "official") say nothing about who it is;
    they are lexicon/generic_speakers.txt."""
    if claimed.kind is AttributionKind.NAMED or actual.kind is AttributionKind.NAMED:
        if claimed.kind is not actual.kind:
            return False
        return (
            normalize(claimed.speaker or "").split()[-1:]
            == normalize(actual.speaker or "").split()[-1:]
        )
    if actual.kind is AttributionKind.UNATTRIBUTED:
        return False
    generic = lexicon("generic_speakers")
    mine = set(content_words(claimed.speaker or "")) - generic
    theirs = set(content_words(actual.speaker or "")) - generic
    return mine <= theirs or theirs <= mine


def check(case: Case):
    if not case.bears_on_claim or not case.evidence:
        return []
    claimed = case.claim.attribution
    actual = case.evidence[0].attribution
    if any(
        link.unit.kind == "act" and link.status is not WordStatus.MATCHED
        for link in case.alignment.links
    ):
        return []  # the claim's cue is an act no source reports: unsupported, not misattributed
    if claimed is None or actual is None or same_source(claimed, actual):
        return []
    return [
        SPEAKER_MISMATCH.finding(
            f"claim attributes this to {describe(claimed)}; source: {describe(actual)} "
            f"({case.where})"
        )
    ]
