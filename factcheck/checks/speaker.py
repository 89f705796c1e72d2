"""Speakers: a claim is misattributed when it gives words to someone other than the
source sentence's speaker: another named person, a named person for an anonymous source, an
anonymous source for a named one, or anyone at all for the reporter's own statement."""

from __future__ import annotations

from functools import lru_cache

from ..align import Case, Link, align
from ..analysis import analyse_text, share_a_sense, speech_cue_offsets
from ..model import Attribution, AttributionKind, Code, Severity, Verdict, WordStatus
from ..text import POSSESSIVE, content_words, lexicon, normalize

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
SPEAKER_UNCONFIRMED = Code(
    "speaker-unconfirmed",
    Severity.ERROR,
    Verdict.UNSUPPORTED,
    "The claim names who said a quotation, and the source sentence holding it names nobody.",
    case=(
        'Governor Ana Ruiz said, "We will not close the harbour."',
        'The port reopened on Monday. "We will not close the harbour." Trade resumed.',
    ),
)
CODES = (SPEAKER_MISMATCH, SPEAKER_UNCONFIRMED)
# Characters between a name and the speech cue it is the subject of: room for an auxiliary
# and a space ("Cameron had told", "Lee has said"), not for a clause. After a cue that may
# precede its speaker only a space may stand ("according to Cameron"): "said that Lee ..."
# makes Lee the subject of what was said, not its source.
CUE_DISTANCE = 6


def describe(attribution: Attribution) -> str:
    if attribution.kind is AttributionKind.UNATTRIBUTED:
        return "the reporter's own voice (no attribution)"
    return f"{attribution.speaker} ({attribution.kind.value})"


def same_source(claimed: Attribution, actual: Attribution) -> bool:
    """Whether two attributions can name the same source; lenient on wording, strict on who.
    Words every unnamed source shares ("senior", "official") say nothing about who it is;
    they are lexicon/generic_speakers.txt. Two descriptions that state a fact differently
    ("the Republican nominee" / "the Democratic nominee", "a junior official" / "a senior
    official") are two sources."""
    if _described_differently(claimed.speaker, actual.speaker):
        return False
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
        # "Japanese officials" are not "U.S. officials", nor those "in Seoul and Tokyo"
        # the ones "in Washington and Tokyo"
        return all(keys & theirs for keys in _name_units(claimed.speaker))
    generic = lexicon("generic_speakers")
    mine_words = set(content_words(claimed.speaker or "")) - generic
    theirs_words = set(content_words(actual.speaker or "")) - generic
    # "Cameron's spokesman" may be "the prime minister's spokesman": an unnamed source
    # described two ways differs only when both name someone, or one's words hold the other's
    return bool(mine or theirs) or mine_words <= theirs_words or theirs_words <= mine_words


@lru_cache(maxsize=1024)  # kept: same_source and _restated_otherwise both ask
def _described_differently(mine: str | None, theirs: str | None) -> bool:
    """Whether one speaker phrase, aligned with the other, has a fact the other states
    differently: another title, name or number in its place, or an opposite word. Words
    every unnamed source shares ("senior", "official") tell no two sources apart, unless
    put against their opposite ("junior")."""
    if not mine or not theirs:
        return False
    units = list(analyse_text(mine).units)
    links = align(units, analyse_text(theirs), claim_text=mine).links
    generic = lexicon("generic_speakers")
    return any(
        (link.differs_in_fact or _unrelated_word(link))
        and (link.opposite or not {link.unit.norm, link.counterpart.norm} & generic)
        for link in links
        if link.counterpart is not None
    )


def _unrelated_word(link: Link) -> bool:
    """A plain word put for another that WordNet relates in none of their senses ("one
    distract GOP leader" / "one district GOP leader"): as in the claim's statement
    (checks/wording.py), no reading of the one says the other."""
    return (
        link.status is WordStatus.SUBSTITUTED
        and link.unit.kind == link.counterpart.kind == "word"
        and share_a_sense(link.unit.norm, link.counterpart.norm) is False
    )


def _names_in(phrase: str | None) -> set[str]:
    """Keys of the names (people, countries, organisations) in a speaker phrase."""
    return set().union(*_name_units(phrase))


def _name_units(phrase: str | None) -> list[frozenset[str]]:
    """The keys of each name in a speaker phrase."""
    return [unit.keys for unit in analyse_text(phrase or "").units if unit.kind == "name"]


def _speaker_named_in_claim(case: Case, actual: Attribution) -> bool:
    """Whether the claim itself reports the evidence's source, as the subject of a speech
    cue ("The Times reported that Cameron had told diplomats
    ...", "according to Cameron's spokesman"): the words are then not taken from someone
    else. A name standing elsewhere in the claim ("sell interceptors to the United States,
    Chinese officials said") is no source."""
    names = _names_in(actual.speaker)
    if not names:
        return False
    text = case.claim.claim.text
    starts, stops = speech_cue_offsets(text)
    reported: set[str] = set()
    units = case.claim.analysis.units
    for k, unit in enumerate(units):
        # the subject is the unit right before the cue, no other unit between ("the South
        # China Sea claims" has no "China" claim) nor a comma before a participle ("hammered
        # Perez, calling him" is the subject's calling; "Gen Nakatani, said" is his saying),
        # or right after a cue that may precede it, and never a possessive: the cue after it
        # is a noun ("China's claims")
        subject = POSSESSIVE.search(text[unit.start : unit.end]) is None
        following = units[k + 1].start if k + 1 < len(units) else len(text)
        if subject and (
            any(
                0 <= at - unit.end <= CUE_DISTANCE
                and following >= at
                and not _participle_after_comma(text, unit.end, at)
                for at in starts
            )
            or any(0 <= unit.start - at <= 1 for at in stops)  # "said Starr's aide": the aide
        ):
            reported |= unit.keys
    return names <= reported


def _participle_after_comma(text: str, end: int, cue: int) -> bool:
    """Whether a comma stands between a unit ending at `end` and a cue at `cue` that is an
    "-ing" participle: a participle set off after the clause belongs to its subject."""
    word = text[cue:].split(maxsplit=1)
    return "," in text[end:cue] and bool(word) and word[0].lower().endswith("ing")


def _restated_otherwise(claimed: Attribution, actual: Attribution) -> bool:
    """Whether the claim's own speaker phrase holds the evidence's source and describes it
    otherwise ("all Republicans" / "some Republicans"): that is the source changed, not a
    report of it."""
    names = _names_in(actual.speaker)
    return (
        bool(names)
        and names <= _names_in(claimed.speaker)
        and _described_differently(claimed.speaker, actual.speaker)
    )


def _narrated_with_speaker(case: Case, actual: Attribution) -> bool:
    """The evidence is the reporter's own account of what the claim's source did, and that
    source stands in its place there ("Trump also criticised Khan" for "Trump criticised
    Khan"): the alignment matched its name as one of the facts."""
    links = case.alignment.links
    names = case.claim.source_units
    return (
        actual.kind is AttributionKind.UNATTRIBUTED
        and bool(names)
        and all(
            i < len(links) and not links[i].speaker and links[i].status is WordStatus.MATCHED
            for i in names
        )
    )


def _speaker_unknown(case: Case, actual: Attribution) -> bool:
    """A quotation the source gives no speaker for (its speaker is in a sentence not taken
    as evidence, or in words the attribution could not read) is nobody's words that we
    know of, not the reporter's: the claim's speaker is neither refuted nor confirmed."""
    first = case.evidence[0].sentences[0].text.lstrip()
    return actual.kind is AttributionKind.UNATTRIBUTED and first[:1] in '\u201c"\u2018'


def _pronoun_for_a_source(claimed: Attribution, actual: Attribution) -> bool:
    """The claim gives the words to a pronoun ("She said ...") and the source to someone: who
    the pronoun stands for, the sentence before it in the draft says, not the claim, so the
    two cannot be compared ("Ann Roe spoke on Friday. She said ..." is no misattribution).
    Words the source states in its own voice stay nobody's to give."""
    return "pronoun" in claimed.rules and actual.kind is not AttributionKind.UNATTRIBUTED


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
    if _pronoun_for_a_source(claimed, actual):
        return []
    if _speaker_named_in_claim(case, actual) and not _restated_otherwise(claimed, actual):
        return []
    if _narrated_with_speaker(case, actual):
        return []
    if _speaker_unknown(case, actual):
        return [
            SPEAKER_UNCONFIRMED.finding(
                f"claim attributes this to {describe(claimed)}; the source gives the "
                f"quotation no speaker ({case.where})"
            )
        ]
    return [
        SPEAKER_MISMATCH.finding(
            f"claim attributes this to {describe(claimed)}; source: {describe(actual)} "
            f"({case.where})"
        )
    ]
