"""Speakers: a claim is misattributed when it gives words to someone other than the
source sentence's speaker: another named person, a named person for an anonymous source, an
anonymous source for a named one, or anyone at all for the reporter's own statement."""

from __future__ import annotations

from ..align import Case
from ..analysis import analyse_text
from ..model import Attribution, AttributionKind, Code, Severity, Verdict, WordStatus
from ..text import content_words, lexicon, normalize

SPEAKER_MISMATCH = Code(
    "speaker-mismatch",
    Severity.ERROR,
    Verdict.MISATTRIBUTED,
    "The claim gives the words to a different source than the one who said them.",
    case=(
        'Governor Ana Ruiz said, "We will not close the harbour."',
        '"We will not close the harbour," Mayor Luis Pardo said.',
    ),
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
    mine, theirs = _names_in(claimed.speaker), _names_in(actual.speaker)
    if mine and theirs:
        return bool(mine & theirs)  # "Japanese officials" are not "U.S. officials"
    generic = lexicon("generic_speakers")
    mine_words = set(content_words(claimed.speaker or "")) - generic
    theirs_words = set(content_words(actual.speaker or "")) - generic
    # "Cameron's spokesman" may be "the prime minister's spokesman": an unnamed source
    # described two ways differs only when both name someone, or one's words hold the other's
    return bool(mine or theirs) or mine_words <= theirs_words or theirs_words <= mine_words


def _names_in(phrase: str | None) -> set[str]:
    """Keys of the names (people, countries, organisations) in a speaker phrase."""
    units = analyse_text(phrase or "").units
    return {key for unit in units if unit.kind == "name" for key in unit.keys}


def _speaker_named_in_claim(case: Case, actual: Attribution) -> bool:
    """Whether the claim itself names the evidence's source before the cue it was read with
    ("The Times reported that Cameron had told diplomats ..."): the outer source then is
    the source's, and the words are not taken from someone else."""
    names = _names_in(actual.speaker)
    text = case.claim.claim.text
    cue = case.claim.attribution.cue if case.claim.attribution else None
    before = text.find(cue) if cue else -1
    claimed = {key for unit in case.claim.analysis.units if unit.end <= before for key in unit.keys}
    return bool(names) and names <= claimed


def _speaker_unknown(case: Case, actual: Attribution) -> bool:
    """A quotation the source gives no speaker for (its speaker is in a sentence not taken
    as evidence) is nobody's words that we know of, not the reporter's."""
    first = case.evidence[0].sentences[0].text.lstrip()
    return actual.kind is AttributionKind.UNATTRIBUTED and first[:1] in '\u201c"\u2018'


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
    if _speaker_named_in_claim(case, actual) or _speaker_unknown(case, actual):
        return []
    return [
        SPEAKER_MISMATCH.finding(
            f"claim attributes this to {describe(claimed)}; source: {describe(actual)} "
            f"({case.where})"
        )
    ]
