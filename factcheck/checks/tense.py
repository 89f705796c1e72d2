"""Tense: the source says a thing will happen and the claim that it happened ("will announce"
/ "announced"), or the source that it has happened and the claim that it will ("has
endorsed" / "will endorse"). The source then does not say what the claim says: the event is
still to come, or already past. A participle in the source counts as past only in a perfect:
alone it may be no event at all ("a headquarters led by a three-star commander")."""

from __future__ import annotations

import re
from functools import cache

from ..align import Case
from ..analysis import base_forms, is_word
from ..model import Code, Severity, Verdict, WordStatus
from ..text import lexicon, lexicon_lines, normalize

TENSE_CHANGED = Code(
    "tense-changed",
    Severity.ERROR,
    Verdict.UNSUPPORTED,
    "The source says it will happen and the claim that it happened, or the reverse.",
    case=(
        "The two ministers signed the port agreement on Sunday.",
        "The two ministers will sign the port agreement on Sunday.",
    ),
)
CODES = (TENSE_CHANGED,)

# Words that may stand between a future marker and its verb: "will not", "will also", "will
# have been", "is set to formally open" (an adverb in -ly is allowed by its ending).
_BETWEEN = (
    "not never also soon still then again now first just even only ever always be have been".split()
)


@cache
def _future_marker() -> re.Pattern[str]:
    """A future marker of lexicon/futures.txt ending right before a verb, with the words of
    `_BETWEEN` (or an adverb in -ly) between them."""
    markers = "|".join(map(re.escape, sorted(lexicon("futures"), key=len, reverse=True)))
    between = "|".join(_BETWEEN)
    return re.compile(rf"(?<![\w'])(?:{markers})(?:\s+(?:{between}|\w+ly))*\s*$")


def future(text: str, start: int) -> str | None:
    """The marker that puts the word at `start` of `text` in the future ("will", "is set
    to", with what stands between), or None."""
    found = _future_marker().search(normalize(text[max(0, start - 80) : start]))
    return found.group().strip() if found else None


# "has", "have" or "had" before a participle, adverbs between: a thing done ("has endorsed").
_PERFECT = re.compile(
    r"(?<![\w'])(?:has|have|had)(?:\s+(?:not|never|also|already|just|\w+ly))*\s*$"
)


def perfect(text: str, start: int) -> str | None:
    """The auxiliary ("has", with what stands between) that makes the word at `start` of
    `text` a perfect's participle ("has endorsed"), or None: a participle alone may be no
    event at all ("a headquarters led by a general")."""
    found = _PERFECT.search(normalize(text[max(0, start - 60) : start]))
    return found.group().strip() if found else None


@cache
def _irregular_past() -> frozenset[str]:
    """The past and participle forms of lexicon/irregular_verbs.txt ("met", "sold", "gone")."""
    forms = set()
    for line in lexicon_lines("irregular_verbs"):
        base, *others = line.split()
        forms |= {form for form in others if form not in ("is", "are", "am") and form != base}
    return frozenset(forms)


def past(word: str) -> bool:
    """Whether a word is a verb's past tense or participle: an irregular one, or an "-ed"
    form whose dictionary form is another known word ("announced" -> "announce"; not
    "need", nor "proceed" or "hundred", whose cut forms are no words)."""
    word = word.lower()
    if word in _irregular_past():
        return True
    return word.endswith("ed") and any(form != word and is_word(form) for form in base_forms(word))


def _first_word(text: str, start: int, end: int) -> str:
    return (text[start:end].split() or [""])[0]


def also_stated(word: str, marker: str | None, text: str) -> bool:
    """Whether `text` holds `word` as the claim has it: in the future when the claim puts it
    there, else not ("gotten" stated as well as "will get")."""
    for found in re.finditer(rf"(?<![\w'-]){re.escape(word)}(?![\w'-])", text, re.IGNORECASE):
        if (future(text, found.start()) is not None) == (marker is not None):
            return True
    return False


def check(case: Case):
    if not case.bears_on_claim or case.best is None:
        return []
    claim_text, source_text = case.claim.claim.text, case.best.text
    for link in case.alignment.with_status(WordStatus.MATCHED):
        mine, theirs = link.unit, link.counterpart
        if theirs is None or mine.kind not in ("word", "act"):
            continue
        said = _first_word(claim_text, mine.start, mine.end)
        stated = _first_word(source_text, theirs.start, theirs.end)
        said_past, stated_past = past(said), past(stated)
        if not (said_past or stated_past):
            continue  # neither side is in a past form: no pair of tenses to compare
        claim_future = future(claim_text, mine.start)
        source_future = future(source_text, theirs.start)
        if source_future and not claim_future and said_past:
            source_says, claim_says = f"{source_future} {stated}", said
            message = "that it is to happen; the claim that it happened"
        elif claim_future and not source_future and stated_past:
            done = perfect(source_text, theirs.start)
            if not done:
                continue
            source_says, claim_says = f"{done} {stated}", f"{claim_future} {said}"
            message = "that it happened; the claim that it is to happen"
        else:
            continue
        # the source has the claim's own form too: this pair is not the tense; the claim's
        # whole unit, so that another clause's "did" does not excuse "did well"
        if also_stated(claim_text[mine.start : mine.end], claim_future, source_text):
            continue
        # one is enough: the claim's time is not the source's
        return [
            TENSE_CHANGED.finding(
                f"claim says \u201c{claim_says}\u201d, source says \u201c{source_says}\u201d "
                f"({case.where}): the source says {message}"
            )
        ]
    return []
