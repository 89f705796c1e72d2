"""Polarity: a claim contradicts its source when it negates what the source asserts (or the
reverse), or uses the opposite word or phrase ("allow" for "prohibit", "in line with" for
"at odds with") for the same thing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..align import Case
from ..analysis import (
    Analysis,
    analyse_text,
    are_opposites,
    base_forms,
    opposite_relations,
    opposites,
)
from ..model import Code, Severity, Verdict, WordStatus
from ..text import lexicon, lexicon_lines, normalize

NEGATION_MISMATCH = Code(
    "negation-mismatch",
    Severity.ERROR,
    Verdict.CONTRADICTED,
    "The claim negates what the source asserts, or the reverse.",
    case=(
        "The ministry has approved the merger of the two banks.",
        "The ministry has not approved the merger of the two banks.",
    ),
)
ANTONYM_MISMATCH = Code(
    "antonym-mismatch",
    Severity.ERROR,
    Verdict.CONTRADICTED,
    "The claim uses the opposite word (allow/prohibit) of the source.",
    case=(
        "The new rules allow the export of rice to neighbouring states.",
        "The new rules prohibit the export of rice to neighbouring states.",
    ),
)
CODES = (NEGATION_MISMATCH, ANTONYM_MISMATCH)


def _asserted(analysis: Analysis) -> set[str]:
    return {key for unit in analysis.units for key in unit.keys}


def negation_conflicts(claim: Analysis, source: Analysis) -> list[tuple[str, str]]:
    """(word, which side negates it) where one side negates what the other asserts: a
    negator governs a word the other side has, and no negator of the other side governs
    the same words ("would not pay a single cent" / "are not going to pay"). Negators pair
    one to one, closest scopes first: in "his meeting without Sanders was not political" the
    "not" of "was not political" answers the source's, and "without" stands alone. A
    negator governs words of its own clause only (analysis.NEGATION_REACH)."""
    unpaired = _unpaired(claim.negations, source.negations)
    absorbed = _absorbed(claim, source)
    unpaired = ([s for s in unpaired[0] if s not in absorbed], unpaired[1])
    # a phrasal verb the claim denies that the source states with the opposite particle
    # ("did not go down" / "went up") shares only its verb with it: the opposite answers the
    # negation, as an opposite word does ("did not rise" / "fell", `_absorbed`). Only the
    # claim's phrases are there: a source that wrote one of them would hold no flip of it.
    flipped = {said for said, _ in particle_conflicts(claim.text, source.text)}
    conflicts = []
    for mine, theirs, side, scopes in (
        (claim, source, "claim", unpaired[0]),
        (source, claim, "source", unpaired[1]),
    ):
        asserted = _asserted(theirs)
        for scope in scopes:
            said = [keys for keys in scope if keys & asserted]
            if said:
                unit = next(u for u in mine.units if u.keys & said[0])
                if unit.norm in flipped:  # a phrase's norm is its words, normalised
                    continue
                conflicts.append((unit.norm, side))
    return conflicts


Scope = tuple[frozenset[str], ...]


def _absorbed(claim: Analysis, source: Analysis) -> list[Scope]:
    """The claim's negator scopes whose negated word the source states by its opposite
    ("did not rise" / "fell"): the opposite word answers that negation, as
    `analysis.with_denied_opposites` reads it. A scope is compared with the same scope of
    the claim's plain analysis (its words without their opposites)."""
    plain = analyse_text(claim.text).negations
    if plain == claim.negations:
        return []
    asserted = _asserted(source)
    return [
        scope
        for scope, before in zip(claim.negations, plain, strict=True)
        if scope[0] != before[0] and scope[0] & asserted and not before[0] & asserted
    ]


def _unpaired(mine: tuple[Scope, ...], theirs: tuple[Scope, ...]):
    """The negator scopes of each side that no scope of the other answers: pairs that share
    a word, the largest share of the smaller scope first."""

    def shared(a: Scope, b: Scope) -> int:
        return sum(any(keys & other for other in b) for keys in a)

    overlaps = [
        (count, min(len(a), len(b)), i, j)
        for i, a in enumerate(mine)
        for j, b in enumerate(theirs)
        if a and b and (count := shared(a, b))
    ]
    candidates = sorted(
        ((count / smaller, count, i, j) for count, smaller, i, j in overlaps), reverse=True
    )
    left, right = set(range(len(mine))), set(range(len(theirs)))
    for _, _, i, j in candidates:
        if i in left and j in right:
            left.discard(i)
            right.discard(j)
    return [mine[i] for i in sorted(left)], [theirs[j] for j in sorted(right)]


@dataclass(frozen=True)
class AntonymSide:
    """One side of a line of lexicon/antonyms.txt: its forms over normalised text, longest
    first, some of them phrases of several words."""

    forms: tuple[str, ...]

    def search(self, text: str) -> re.Match[str] | None:
        """The first form found in `text` as whole words. A text that holds none of the forms
        even as a substring cannot match, and the pattern is compiled only for a text that
        may: compiling all the sides took 7-12 ms of every verify's first claim."""
        if not any(form in text for form in self.forms):
            return None
        return _pattern(self.forms).search(text)


@cache
def _pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, forms)) + r")(?![\w'-])")


@cache
def antonym_pairs() -> tuple[tuple[AntonymSide, AntonymSide], ...]:
    """Each line of lexicon/antonyms.txt as its two sides."""
    pairs = []
    for line in lexicon_lines("antonyms"):
        left, right = line.split("=")
        pairs.append((_side(left), _side(right)))
    return tuple(pairs)


def _side(side: str) -> AntonymSide:
    forms = sorted((normalize(w) for w in side.split("|") if w.strip()), key=len, reverse=True)
    return AntonymSide(tuple(forms))


def antonym_conflicts(claim: str, source: str) -> list[tuple[str, str]]:
    """(claim form, source form) that are opposites, when the source lacks the claim's side:
    the phrase pairs of lexicon/antonyms.txt, then word pairs by their dictionary forms
    (WordNet's antonyms, and a negating prefix: "likely" / "unlikely")."""
    mine, theirs = normalize(claim), normalize(source)
    conflicts = []
    for left, right in antonym_pairs():
        for said_side, stated_side in ((left, right), (right, left)):
            said, stated = said_side.search(mine), stated_side.search(theirs)
            if said and stated and not said_side.search(theirs):
                conflicts.append((said.group(), stated.group()))
    if conflicts:
        return conflicts
    stated_forms = _forms_of(analyse_text(source))
    for unit in analyse_text(claim).units:
        if unit.kind not in ("word", "act"):
            continue
        said = set(base_forms(unit.norm))
        if said & set(stated_forms):
            continue  # the source has the claim's own word
        for form in said:
            opposite = next((o for o in opposites(form) if o in stated_forms), None)
            if opposite is not None:
                conflicts.append((unit.norm, stated_forms[opposite]))
                break
    return conflicts


def particle_conflicts(claim: str, source: str) -> list[tuple[str, str]]:
    """(claim phrase, source phrase) where the source has the claim's verb with the opposite
    direction particle, and never with the claim's own ("went down" / "went up", "played up"
    / "played down", "stepped down" / "stepped up"): the particles of lexicon/particles.txt,
    their opposites the other side of their line in lexicon/relations.txt. The verb is the
    same by any dictionary form ("goes up" / "went down"). A source that has the claim's
    particle after a conjunction may say the claim's thing by an ellipsis ("was down in Ohio
    but up in Iowa")."""
    mine, theirs = normalize(claim), normalize(source)
    said, stated = _phrasal(mine), _phrasal(theirs)
    conflicts = []
    for verb, particle in said:
        forms = set(base_forms(verb))
        same_verb = [(v, p) for v, p in stated if forms & set(base_forms(v))]
        if any(p == particle for _, p in same_verb):
            continue  # the source says it too ("up" here, "down" about something else)
        if re.search(rf"(?:\b(?:but|and|or|yet|then)|,)\s+{re.escape(particle)}\b", theirs):
            continue  # the claim's particle after a conjunction: an ellipsis of the verb
        flipped = next(((v, p) for v, p in same_verb if opposite_relations(particle, p)), None)
        if flipped is not None:
            conflicts.append((f"{verb} {particle}", " ".join(flipped)))
    return conflicts


def _phrasal(text: str) -> list[tuple[str, str]]:
    """(word, particle) for each particle of lexicon/particles.txt right after a word."""
    return [(m.group(1), m.group(2)) for m in _particle_pattern().finditer(text)]


@cache
def _particle_pattern() -> re.Pattern[str]:
    particles = "|".join(map(re.escape, sorted(lexicon("particles"))))
    return re.compile(rf"(?<![\w'-])([a-z][\w'-]*)\s+({particles})(?![\w'-])")


def _forms_of(analysis: Analysis) -> dict[str, str]:
    """Every dictionary form of the analysis's plain words, to the word as written."""
    forms = {}
    for unit in analysis.units:
        if unit.kind in ("word", "act"):
            for form in base_forms(unit.norm):
                forms.setdefault(form, unit.norm)
    return forms


def check(case: Case):
    if not case.bears_on_claim or not case.evidence:
        return []
    findings = []
    claim = case.claim.analysis
    best = case.evidence[0]
    said_words: set[str] = set()
    for sentence in best.sentences:  # one at a time: a pair may hold both polarities
        where = f"{best.source}:{sentence.line}"
        source = analyse_text(sentence.text)
        findings += [
            NEGATION_MISMATCH.finding(
                f"the {side} negates \u201c{word}\u201d and the "
                f"{'source' if side == 'claim' else 'claim'} does not ({where})"
            )
            for word, side in negation_conflicts(claim, source)
        ]
        flips = [
            # "did not accept" says what "rejected" says, and less
            (said, stated)
            for said, stated in antonym_conflicts(claim.text, sentence.text)
            if not _denied(claim, said)
        ] + [
            # "did not go down" says what "went up" says, and less; "not taking up" and "not
            # taking down" deny different things
            (said, stated)
            for said, stated in particle_conflicts(claim.text, sentence.text)
            if not _verb_denied(claim, said) or _verb_denied(source, stated)
        ]
        for said, stated in flips:
            said_words.add(said)
            findings.append(
                ANTONYM_MISMATCH.finding(
                    f"claim says \u201c{said}\u201d, source says \u201c{stated}\u201d ({where})"
                )
            )
    return findings + _opposites_in_place(case, said_words) + _both_denied(case)


def _denied(claim: Analysis, said: str) -> bool:
    """Whether the claim's word `said` is one a "not" or "never" governs."""
    forms = set(base_forms(said)) | {said}
    return any(
        unit.start in claim.denied and (forms & ({unit.norm} | set(base_forms(unit.norm))))
        for unit in claim.units
    )


def _verb_denied(analysis: Analysis, phrasal: str) -> bool:
    """Whether a "not" or "never" governs a phrasal verb ("taking up", read as one unit or as
    a word and its particle)."""
    return _denied(analysis, phrasal) or _denied(analysis, phrasal.split()[0])


def _both_denied(case: Case) -> list:
    """A word the claim denies, matched by its opposite that the source denies too ("had
    not rejected" / "had not accepted"): the negations pair, yet they deny opposite things.
    The opposite stands in for a denied word only where the source asserts it."""
    if case.best is None:
        return []
    return [
        ANTONYM_MISMATCH.finding(case.substitution(link))
        for link in case.alignment.with_status(WordStatus.MATCHED)
        if link.counterpart is not None
        and link.unit.start in case.claim.analysis.denied
        and link.counterpart.start in case.best.denied
        and are_opposites(link.unit.norm, link.counterpart.norm)
    ]


def _opposites_in_place(case: Case, reported: set[str]) -> list:
    """Opposites the alignment puts in one place that the word lists above excuse because
    the source also has the claim's word elsewhere ("A supported it and B opposed it" /
    "A supported it and B supported it"): the word in the claim's place is what counts."""
    if not case.about_same_fact:
        return []
    return [
        ANTONYM_MISMATCH.finding(case.substitution(link))
        for link in case.alignment.with_status(WordStatus.SUBSTITUTED)
        if link.opposite and link.counterpart is not None and link.unit.norm not in reported
    ]
