"""Speakers: a claim is misattributed when it gives words to someone other than the
source sentence's speaker: another named person, a named person for an anonymous source, an
anonymous source for a named one, or anyone at all for the reporter's own statement."""

from __future__ import annotations

from ..attribution import attribute_sentence
from ..codes import finding
from ..model import Attribution, AttributionKind, Claim, Evidence, Finding
from ..text import content_words, normalize

_GENERIC = frozenset({"a", "an", "the", "senior", "top", "official", "officials", "one"})


def describe(attribution: Attribution) -> str:
    if attribution.kind is AttributionKind.UNATTRIBUTED:
        return "the reporter's own voice (no attribution)"
    return f"{attribution.speaker} ({attribution.kind.value})"


def same_source(claimed: Attribution, actual: Attribution) -> bool:
    """Whether two attributions can name the same source; lenient on wording, strict on who."""
    if claimed.kind is AttributionKind.NAMED or actual.kind is AttributionKind.NAMED:
        if claimed.kind is not actual.kind:
            return False
        return (
            normalize(claimed.speaker or "").split()[-1:]
            == normalize(actual.speaker or "").split()[-1:]
        )
    if actual.kind is AttributionKind.UNATTRIBUTED:
        return False
    mine = set(content_words(claimed.speaker or "")) - _GENERIC
    theirs = set(content_words(actual.speaker or "")) - _GENERIC
    return mine <= theirs or theirs <= mine


def check(claim: Claim, evidence: list[Evidence]) -> list[Finding]:
    if not evidence:
        return []
    claimed = attribute_sentence(claim.text)
    actual = evidence[0].attribution
    if claimed is None or actual is None or same_source(claimed, actual):
        return []
    best = evidence[0]
    return [
        finding(
            "speaker-mismatch",
            f"claim attributes this to {describe(claimed)}; source: {describe(actual)} "
            f"({best.source}:{best.line})",
        )
    ]
