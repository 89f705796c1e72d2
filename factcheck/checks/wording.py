"""Words put in the source's place: the claim says "cancel" right where the source says
"delay", between the same two words.

Such a word changes a claim's fact as often as it rewords it. On the word-replaced kind of
`bench/perturb.py`, a plain word swapped for another of its group ("delay" -> "cancel",
"employer" -> "landowner"), most edits pass every other check: the claim loses one unit of
four or more, which leaves it bearing on the source. What tells the two apart without a model
is whether the words can mean the same thing at all. Where WordNet relates them in none of
their senses (`analysis.share_a_sense`: no sense shared, none a link apart), no reading of the
source says the claim's word: `word-mismatch`, unsupported; so too for two known words one
letter apart, whatever sense they share ("takes" / "makes": no rewording writes one for the
other, and a spelling of one word has matched before this check). Where it relates them only
in a rarer sense than the synonym table keeps ("shift" / "move"), or does not know a word, a
reporter's rewording is as likely as a changed fact: the warning `word-substituted`, which
keeps the verdict and points at the word an editor must read. The cost, measured in the
README: true paraphrases whose words WordNet does not relate ("critics" for "detractors")
read unsupported.

The place is what tells a word put for another from a pairing across reordered clauses: both
of the claim word's neighbours stand on the two source units around its counterpart (at
either end of the claim, the start or the end of both texts stands for the missing one).
Names, numbers, titles, quantifiers and opposites substituted are other checks' errors, and
so are the words two quantities count ("two decades" / "20 years"); words inside the claim's
own quotations are the quote checks'; the words naming the claim's source are the speaker
check's, but for one put right after their determiner (below) or put for one of theirs ("a
decent poll" / "a recent poll"). A word the alignment matched to one the source says
elsewhere, the source's word in its place left unsaid ("is armed at" for "is aimed at ...
armed forces"), is read against that word too (`Case.out_of_place`). So is a word where the
source has one that is no unit, the words around the same ("is lively to" / "is likely
to", "secretary of slate" / "secretary of state"), and a word put for one of a phrase the
source says whole ("in other works"); a word put inside such a phrase ("on the
controversial job") is added there. A word matched by a derivation or a related sense to a
source word that another claim word says as written ("the partial political" on "part") is
said once more than the source says it: added too.

A plain word the claim puts between two words that stand side by side in the source
("unanimously approved" / "approved"), or before its first or after its last, adds a detail
no source gives: `word-added`, a warning, since a rewording adds such words too ("more than
1,000 people lost their jobs" for "1,000 jobs were lost") and no lexicon can tell the two
apart. Right after a determiner or a possessive ("the secret harbor plan" / "the harbor
plan"), the word describes the thing both texts name, in a way the source does not: that is
`modifier-added`, unsupported (no true paraphrase of bench/paraphrases.py puts a word there),
in the words naming the claim's source too ("a secret senior official said").
`claim-adds` already makes a fact or a phrase of two words or more added unsupported.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from rapidfuzz.distance import Levenshtein

from ..align import Case, Link, matches
from ..analysis import (
    Unit,
    base_forms,
    is_negative_verb,
    known_word,
    share_a_sense,
    word_keys,
)
from ..model import Code, Finding, Severity, Verdict, WordStatus
from ..quantities import Quantity, quantities
from ..text import POSSESSIVE, WORD, lexicon, normalize

WORD_MISMATCH = Code(
    "word-mismatch",
    Severity.ERROR,
    Verdict.UNSUPPORTED,
    "The claim puts a word in the place of another of the source's that shares no sense with "
    "it in WordNet (\u201ccouncil\u201d for \u201ccommittee\u201d): the source does not say it.",
    case=(
        "The council will delay the vote on the harbor plan.",
        "The committee will delay the vote on the harbor plan.",
    ),
)
WORD_SUBSTITUTED = Code(
    "word-substituted",
    Severity.WARNING,
    None,
    "The claim puts a word in the place of another of the source's that shares only a rarer "
    "sense with it in WordNet, or that WordNet does not know (\u201cshift\u201d for "
    "\u201cmove\u201d): a changed fact or a rewording, to confirm.",
    case=(
        "The council will shift the vote on the harbor plan.",
        "The council will move the vote on the harbor plan.",
    ),
)
WORD_ADDED = Code(
    "word-added",
    Severity.WARNING,
    None,
    "The claim puts a word between two words that stand side by side in the source "
    "(\u201cunanimously approved\u201d for \u201capproved\u201d): a detail no source gives, "
    "or a rewording, to confirm.",
    case=(
        "The council unanimously approved the harbor plan on Friday.",
        "The council approved the harbor plan on Friday.",
    ),
)
MODIFIER_ADDED = Code(
    "modifier-added",
    Severity.ERROR,
    Verdict.UNSUPPORTED,
    "The claim puts a word right after a determiner where the source goes straight on "
    "(\u201cthe secret plan\u201d for \u201cthe plan\u201d): it describes the thing in a way "
    "no source does.",
    case=(
        "The council approved the secret harbor plan on Friday.",
        "The council approved the harbor plan on Friday.",
    ),
)
CODES = (WORD_MISMATCH, WORD_SUBSTITUTED, WORD_ADDED, MODIFIER_ADDED)


def check(case: Case):
    if not case.bears_on_claim or case.best is None:
        return []
    found = []
    units = case.best.units
    # the evidence units claim units stand on, saying them as written: a word in the place of
    # one of them has moved, not been put for another (one matched by a synonym or a
    # derivation, "said" on "telling", may be read in the wrong place)
    taken = _said_as_written(case.alignment.links)
    moved = case.out_of_place(("word",))
    for put in moved:
        if not _counted(case, put):
            found.append(_substituted(case, put))
    read = {_span(put.unit) for put in moved}
    for link in case.alignment.links:
        if _span(link.unit) in read:
            continue
        edit = _in_phrase_said(case, link)
        if edit is True:
            modifier = _after_determiner(case.claim.analysis.text, link.unit)
            found.append(_put_inside(case, link, MODIFIER_ADDED if modifier else WORD_ADDED))
        elif edit:
            found.append(_substituted(case, edit))
        if edit:
            read.add(_span(link.unit))
    for run, at, then in gaps(case):
        if any(_span(link.unit) in read for link in run):
            continue  # read above, against the unit in its place
        if len(run) == 2:
            if then == at + 2 and _span(units[at + 1]) not in taken:
                put = _in_phrase(case, run, units[at + 1])
                if put is not None:
                    found.append(_substituted(case, put))
            continue
        (link,) = run
        modifier = _after_determiner(case.claim.analysis.text, link.unit)
        if link.speaker:
            # who the source is, the speaker check compares; a word put right after the
            # determiner of the words naming it ("a secret senior official") describes it
            # with what the source does not say
            if then == at + 1 and modifier:
                found.append(_added(case, link, at, MODIFIER_ADDED))
            elif then == at + 2:
                # or put for one of them ("a decent poll" / "a recent poll", "a secret
                # official" / "a senior official"); one word every unnamed source shares for
                # another ("a top official" / "a senior official") is no such unit
                put = replace(link, counterpart=units[at + 1])
                if not matches(link.unit, put.counterpart):
                    found.append(_substituted(case, put))
        elif then == at + 2 and _span(units[at + 1]) not in taken:
            put = replace(link, counterpart=units[at + 1])
            # a word said twice, read on the other of its places, says the one in between
            if not matches(link.unit, put.counterpart) and not _counted(case, put):
                found.append(_substituted(case, put))
        elif then == at + 1 or then > at + 2:
            # side by side in the source, or around several of its units where the claim has
            # a phrase of one ("picking up" / "ticking" "up"): another word in the claim's
            # place, else (side by side only) one the claim adds
            put = _in_slot(case, link, at, then)
            if put is None and then == at + 1:
                found.append(_added(case, link, at, MODIFIER_ADDED if modifier else WORD_ADDED))
            elif put is not None and not _counted(case, put):
                found.append(_substituted(case, put))
    return found


def _in_phrase_said(case: Case, link: Link) -> Link | bool:
    """A claim word the alignment paired with a phrase of the evidence whose words the
    claim says around it in their order: put inside them (True: "perform on the
    controversial job" / "perform on the job", "in the illegal midst of" / "in the midst
    of"), or put for one of them (that word, paired: "in other works" / "in other words").
    False for any other word. Only a plain word of the claim's own statement (a function
    word is no unit: "in the very midst" adds nothing)."""
    if link.status is not WordStatus.SUBSTITUTED or not _candidate(link):
        return False
    if case.quoted(link.unit):
        return False
    theirs = _words(case.best.text, *_span(link.counterpart))
    said = _words(case.claim.analysis.text, 0, None)
    at = next((k for k, (_, start, _) in enumerate(said) if start == link.unit.start), None)
    if len(theirs) < 2 or at is None or said[at][2] != link.unit.end:
        return False
    norms = [norm for norm, _, _ in theirs]
    for offset in range(min(at, len(theirs)) + 1):  # the word inserted at `offset`
        window = [norm for norm, _, _ in said[at - offset : at - offset + len(theirs) + 1]]
        if window[:offset] + window[offset + 1 :] == norms:
            return True
    for offset in range(min(at, len(theirs) - 1) + 1):  # the claim's words over the phrase
        window = said[at - offset : at - offset + len(theirs)]
        if len(window) != len(norms):
            continue
        differ = [k for k, ((a, _, _), b) in enumerate(zip(window, norms, strict=True)) if a != b]
        if differ == [offset]:  # the word put for theirs[offset]
            return _put_for(link, theirs[offset]) or False
        if len(differ) == 1:
            # another claim word put for one of the phrase's, this one the phrase's own
            # ("the putting edge" / "the cutting edge", "putting" matched elsewhere by a sense)
            other = _link_at(case, window[differ[0]][1])
            if other is not None and other.unit.kind == "word":
                return _put_for(other, theirs[differ[0]]) or False
    return False


def _link_at(case: Case, start: int) -> Link | None:
    """The claim's link whose unit starts at `start`, if any."""
    return next((link for link in case.alignment.links if link.unit.start == start), None)


def _put_inside(case: Case, link: Link, code: Code) -> Finding:
    said = _said(case.best.text, link.counterpart)
    return code.finding(
        f"the claim adds \u201c{_said(case.claim.analysis.text, link.unit)}\u201d inside "
        f"\u201c{said}\u201d ({case.where}); the source has nothing there"
    )


def _added(case: Case, link: Link, at: int, code: Code) -> Finding:
    """The claim word put where the source goes straight on, after its unit `at`."""
    units = case.best.units
    before = units[at] if at >= 0 else None
    after = units[at + 1] if at + 1 < len(units) else None
    return code.finding(
        f"the claim adds \u201c{_said(case.claim.analysis.text, link.unit)}\u201d "
        f"{_between(case.best.text, before, after)} ({case.where}); the source has nothing there"
    )


def _substituted(case: Case, put: Link) -> Finding:
    """An error where WordNet relates the two words in none of their senses: no reading of
    the source says the claim's word, or where they are one letter apart (a slip or another
    word); a warning where it knows a sense they share or link, or does not know a word (so
    cannot tell a rewording from a changed fact)."""
    mine, theirs = _differing_words(case, put)
    if is_negative_verb(theirs) and _NEGATED_AFTER.match(case.claim.analysis.text, put.unit.end):
        return WORD_SUBSTITUTED.finding(
            f"{case.substitution(put)}; the claim's \u201cnot\u201d negates what the source's "
            "verb does: the same denial, or another act, to confirm"
        )
    related = share_a_sense(mine, theirs)
    if related is False:
        return WORD_MISMATCH.finding(f"{case.substitution(put)}; the two words share no sense")
    if related and Levenshtein.distance(mine, theirs, score_cutoff=1) == 1:
        return WORD_MISMATCH.finding(
            f"{case.substitution(put)}; two words one letter apart (a spelling of one word "
            "would have matched): a slip or another word"
        )
    if related:
        return WORD_SUBSTITUTED.finding(
            f"{case.substitution(put)}; the two words share only a rarer sense"
        )
    unknown = theirs if known_word(mine) else mine
    if unknown == theirs and Levenshtein.distance(mine, theirs, score_cutoff=1) == 1:
        # a letter changed in the source's word makes a word the lexicons know: the claim
        # says another word ("defend" / "defund"), as between two words they know
        return WORD_MISMATCH.finding(
            f"{case.substitution(put)}; one letter from a word no lexicon knows "
            f"(\u201c{unknown}\u201d): another word, or a slip"
        )
    return WORD_SUBSTITUTED.finding(
        f"{case.substitution(put)}; no lexicon knows \u201c{unknown}\u201d"
    )


# the claim word negated right after it ("chose not to renew"): where the source's word is a
# negative verb ("declined to renew"), the two deny the same thing (the polarity check pairs
# them), and only the act around the denial may differ
_NEGATED_AFTER = re.compile(r"\s+(?:not|never)\b", re.IGNORECASE)


def _after_determiner(text: str, unit: Unit) -> bool:
    """Whether the word right before `unit` opens a noun phrase: a determiner
    (lexicon/determiners.txt) or a possessive ("Lyon's"), written after a bracket or a dash
    or not ("(an arrangement", "Turkey\u2014a state")."""
    before = text[: unit.start].split()
    if not before:
        return False
    word = _OPENED.split(before[-1])[-1]  # "" where a comma or a bracket closes it
    return normalize(word) in lexicon("determiners") or POSSESSIVE.search(word) is not None


# what may open a word written against it: a bracket, a dash, a quotation mark ("(an", "—a")
_OPENED = re.compile(r"[^\w'\u2019]+")


def _differing_words(case: Case, put: Link) -> tuple[str, str]:
    """The one word the claim's words and the evidence unit's differ in, the claim's read
    over as many words as the unit has: from the claim unit's first word ("founded out" /
    "rounded out", where the claim's "out" is a unit of its own) or up to its last ("more
    than a decide" / "more than a decade", where the source's words are one quantity), a
    content word ("the states" / "stakes": "states", not "the"). Words are read as written
    first where the dictionary lists the compound ("long-term"), then split at hyphens as
    units are ("police-imposed" / "court-imposed": "police", "court"). Else the two units as
    they are."""
    claim_text = case.claim.analysis.text
    for pattern in (WORD, _LETTERS):
        theirs = [norm for norm, _, _ in _words(case.best.text, *_span(put.counterpart), pattern)]
        after = _words(claim_text, put.unit.start, None, pattern)[: len(theirs)]
        before = _words(claim_text, 0, put.unit.end, pattern)[-len(theirs) :]
        for said in (after, before):
            mine = [norm for norm, _, _ in said]
            pairs = [(a, b) for a, b in zip(mine, theirs, strict=False) if a != b]
            if len(mine) != len(theirs) or len(pairs) != 1:
                continue
            word = pairs[0][0]
            if word not in _function_words() and (pattern is _LETTERS or _whole(word)):
                return pairs[0]
    return put.unit.norm, put.counterpart.norm


def _whole(word: str) -> bool:
    """Whether a word as written is one to compare whole: no compound of two, or one the
    dictionary lists ("long-term")."""
    return "-" not in word or known_word(word)


def _counted(case: Case, put: Link) -> bool:
    """Whether the two words are what two quantities count, in one unit once converted
    ("two decades" / "20 years" both count years): the number check compares those. Not
    where only the numbers agree ("2016 polls" / "2016 rolls": a year matches a year)."""
    mine = _counting(case.claim.analysis.text, put.unit)
    theirs = _counting(case.best.text, put.counterpart)
    return any(a.measures_same(b) for a in mine for b in theirs)


def _counting(text: str, unit: Unit) -> list[Quantity]:
    return [q for q in quantities(text) if q.value_end <= unit.start < q.end]


def gaps(case: Case) -> list[tuple[tuple[Link, ...], int, int]]:
    """Each plain word of the claim the evidence does not say (added, or put for a plain word:
    a fact or an opposite substituted is another check's), outside the claim's quotations and
    the words naming its source, whose neighbours both stand on the evidence, or two such
    words side by side ("loved back" where the source's phrase is "moved back"): with the
    positions of the evidence units those neighbours stand on. The start or the end of both
    texts stands in for a neighbour at either end of the claim (-1, or the number of evidence
    units), so "The temporary charge against ..." has "The charge against ..." on both sides."""
    links = case.alignment.links
    position = {_span(u): j for j, u in enumerate(case.best.units)}

    repeated = _repeated(links)

    def candidate(k: int, width: int) -> bool:
        return _candidate(links[k]) or (
            width == 1 and (_describes_source(links[k]) or k in repeated)
        )

    def open_word(k: int, width: int) -> bool:
        link = links[k]
        if case.quoted(link.unit):
            return False
        # beside a plain word, a particle the source's phrase holds ("packed up" / "picked up")
        particle = width == 2 and link.unit.kind == "relation" and not link.stands
        return candidate(k, width) or particle

    found = []
    for i in range(len(links)):
        for width in (1, 2):
            run = range(i, i + width)
            if run[-1] >= len(links) or not all(open_word(k, width) for k in run):
                continue
            if not any(candidate(k, width) for k in run):
                break
            sides = [links[k] if 0 <= k < len(links) else None for k in (i - 1, i + width)]
            if not all(s is None or s.stands for s in sides):
                continue
            before, after = sides
            at = -1 if before is None else position[_span(before.counterpart)]
            # the end of the evidence: past its last unit (units may share a span, a
            # forename standing on its surname's, so `position` can hold fewer)
            then = len(case.best.units) if after is None else position[_span(after.counterpart)]
            at, then = _nearest(case.best.units, before, at, then)
            found.append((tuple(links[k] for k in run), at, then))
    return found


def _nearest(units: tuple[Unit, ...], before: Link | None, at: int, then: int) -> tuple[int, int]:
    """The evidence positions two neighbours stand on, the first moved next to the second
    where the evidence says the same word there too: a word the source says twice ("to buy
    ..., according to") may have been paired with its other place, which would put the
    words between far apart."""
    if then - at <= 1:
        return at, then
    if before is not None and then - 1 >= 0 and before.unit.norm == units[then - 1].norm:
        return then - 1, then
    return at, then


def _repeated(links: list[Link]) -> set[int]:
    """The plain words of the claim standing on an evidence unit that another claim unit
    stands on and says as it is written, while they say another word ("partial" on "part",
    "unpaid" on "volunteers", "informal" on "information": a derivation or a related sense
    let them match): the claim says it twice where the evidence says it once, so the other
    word is added there. A word the claim repeats as it is ("the plan ... the plan") is not
    one: the claim may name a thing twice."""
    said = _said_as_written(links)
    return {
        k
        for k, link in enumerate(links)
        if link.stands
        and link.unit.kind == "word"
        and not link.speaker
        and _span(link.counterpart) in said
        and not _says(link.unit, link.counterpart)
    }


def _said_as_written(links: list[Link]) -> set[tuple[int, int]]:
    """The evidence units a claim unit stands on and says as it is written (`_says`)."""
    return {
        _span(link.counterpart)
        for link in links
        if link.stands and _says(link.unit, link.counterpart)
    }


def _says(mine: Unit, theirs: Unit) -> bool:
    """Whether a claim unit is the evidence unit's own word, inflected or not ("volunteer" /
    "volunteers"), rather than one matched by a derivation or a synonym."""
    return mine.norm == theirs.norm or bool(
        set(base_forms(mine.norm)) & set(base_forms(theirs.norm))
    )


def _in_phrase(case: Case, run: tuple[Link, ...], phrase: Unit) -> Link | None:
    """The claim word of a two-word run put for one word of the source's two-word phrase, the
    other word the same ("loved back" / "moved back"): that word, paired with the phrase's
    word it stands for. None where the two differ in both words or the phrase is longer."""
    said = _words(case.best.text, phrase.start, phrase.end)
    if len(said) != len(run):
        return None
    differ = [
        (link, word) for link, word in zip(run, said, strict=True) if link.unit.norm != word[0]
    ]
    if len(differ) != 1 or not _candidate(differ[0][0]):
        return None  # a particle changed is the polarity check's ("picked down")
    link, (norm, start, end) = differ[0]
    word = replace(phrase, start=start, end=end, norm=norm, keys=word_keys(norm))
    # the same word after all: a slip ("pickd" / "picked") or a synonym the phrase hid
    return None if matches(link.unit, word) else replace(link, counterpart=word)


def _in_slot(case: Case, link: Link, at: int, then: int) -> Link | None:
    """The claim word between the evidence units `at` and `then`, where the evidence has
    another word between the same words: that word, which the claim's is put for ("is lively
    to" / "is likely to", where a hedge is no unit; "secretary of slate" / "secretary of
    state", where the claim's "secretary" stands on the whole title; "nearby $150,000" /
    "nearly $150,000"; "have been picking up" / "have been ticking up", where the claim's
    phrase is one unit and the source's words two). The words around it must be the same,
    word for word, so that a rewording that adds a word and drops another elsewhere is not
    read as one. None where the evidence word is a function word (what stands in their place
    is the other checks' business, or no word of its own) or the claim's word opens a hedge
    (one hedge for another is the hedge check's)."""
    claim_text, text = case.claim.analysis.text, case.best.text
    links, units = case.alignment.links, case.best.units
    index = links.index(link)
    before = links[index - 1].unit if index > 0 else None
    after = links[index + 1].unit if index + 1 < len(links) else None
    mine = _words(claim_text, before.end if before else 0, after.start if after else None)
    theirs = _words(text, units[at].end if at >= 0 else 0, _start(units, then))
    if before is not None and at >= 0:
        said = _words(text, units[at].start, units[at].end)
        theirs = _rest(said, _norms(claim_text, before)) + theirs
    if after is not None and then < len(units):
        said = _words(text, units[then].start, units[then].end)
        theirs += _rest(said[::-1], _norms(claim_text, after)[::-1])[::-1]
    if len(mine) != len(theirs):
        return None
    differ = [(a, b) for a, b in zip(mine, theirs, strict=True) if a[0] != b[0]]
    if len(differ) != 1 or not link.unit.start <= differ[0][0][1] < link.unit.end:
        return None
    said = differ[0][1]
    if said[0] in _function_words() or link.unit.norm in _hedge_openings():
        return None
    return _put_for(link, said)


def _put_for(link: Link, said: tuple[str, int, int]) -> Link | None:
    """The claim word paired with one word of the evidence (`_words`' normalised word and
    where it stands); None where the two are the same word after all (a slip, a synonym)."""
    norm, start, end = said
    word = Unit(start, end, norm, word_keys(norm), "word")
    return None if matches(link.unit, word) else replace(link, counterpart=word)


def _words(
    text: str, start: int, end: int | None, pattern: re.Pattern[str] = WORD
) -> list[tuple[str, int, int]]:
    """The words of `text` from `start` to `end` (its end for None), normalised, with where
    each stands: as written ("head-on" is one), or as `_LETTERS` splits them."""
    stop = len(text) if end is None else end
    return [(normalize(m.group()), m.start(), m.end()) for m in pattern.finditer(text, start, stop)]


_LETTERS = re.compile(r"\w+")  # "court-imposed" as units split it: "court", "imposed"


def _norms(text: str, unit: Unit) -> list[str]:
    return [norm for norm, _, _ in _words(text, unit.start, unit.end)]


def _rest(said: list[tuple[str, int, int]], head: list[str]) -> list[tuple[str, int, int]]:
    """The words of an evidence unit after those a claim unit standing on it begins with
    ("of state" for "secretary" on "secretary of state"); none where it says all of them or
    does not begin the same."""
    if len(said) <= len(head) or [norm for norm, _, _ in said[: len(head)]] != head:
        return []
    return said[len(head) :]


def _start(units: tuple[Unit, ...], at: int) -> int | None:
    return units[at].start if at < len(units) else None


@cache
def _hedge_openings() -> frozenset[str]:
    """The first word of every hedge (lexicon/hedges.txt: "likely", "expected" of "expected
    to")."""
    return frozenset(hedge.split()[0] for hedge in lexicon("hedges"))


@cache
def _function_words() -> frozenset[str]:
    """Words no content word is put for: where the source says one, the claim's word is
    added, or stands for a negation or a modal (the polarity and hedge checks' business)."""
    return lexicon("stopwords") | lexicon("modals") | lexicon("negation")


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


def _span(unit: Unit) -> tuple[int, int]:
    return unit.start, unit.end


def _candidate(link: Link) -> bool:
    """A plain word of the claim the evidence does not say: added, or put for another word (a
    name, title, fact or opposite substituted is another check's); never the words naming the
    claim's source."""
    if link.unit.kind != "word" or link.speaker:
        return False
    if link.status is WordStatus.ADDED:
        return True
    return link.status is WordStatus.SUBSTITUTED and not link.differs_in_fact


def _describes_source(link: Link) -> bool:
    """A unit of the claim's speaker phrase the evidence does not say ("secret", "Japanese"
    in "a secret Japanese official"), other than the words every unnamed source shares
    (lexicon/generic_speakers.txt: "senior", "official")."""
    return (
        link.speaker
        and link.status is WordStatus.ADDED
        and link.unit.norm not in lexicon("generic_speakers")
    )
