"""Word alignment of a claim with one piece of evidence: every claim unit is matched,
substituted or added.

1. Units match when they share a key (stem, verb base, canonical country or acronym), when a
   quantity agrees with one of the same kind, or, for plain words, when rapidfuzz finds them
   the same word spelt differently (finalized / finalised, one edit apart; between two words
   the lexicons know, only an edit by which British and American spellings differ: "hired"
   and "fired" are two words).
2. The longest run of matches in the same order in both texts (a longest common
   subsequence) anchors the alignment; a claim unit that matches only out of that order (a
   name moved into another relation) is re-examined like an unmatched one.
3. An unmatched unit looks for a counterpart in its slot: the evidence units, not matched
   themselves, between the anchors either side of it. A counterpart of the same kind (a name
   for a name, a number of the same kind and unit, a quantifier of another class) makes it
   *substituted*; with none it is *added*.

The support score is the share of the claim's units that are matched. It depends only on the
claim and this evidence, never on what else is in the corpus.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cache

from rapidfuzz.distance import Levenshtein

from .analysis import PREPOSITIONS, AnalysedClaim, Analysis, Unit, are_opposites, known_word
from .lexicon import having
from .model import AlignedSpan, Evidence, WordStatus
from .quantities import Quantity
from .text import lexicon

# Two plain words one edit apart are one word spelt two ways (finalized / finalised, defense /
# defence), from five letters up; two edits already join different words (station /
# situation). Inflections are matched by stem, not by spelling. bench/perturb.py sweeps it.
SPELLING_EDITS = 1
SPELLING_MIN_LENGTH = 5
# The one-letter edits by which British and American spellings of a word differ: a letter
# exchanged (organise / organize, defence / defense, licence / license), or one put in or
# left out ("u" in colour / color, a doubled "l" in travelled / traveled, fulfil / fulfill,
# the "e" of judgement / judgment). Between two words the lexicons both know, any other
# edit makes another word ("hired" / "fired", "sales" / "tales", "cause" / "pause"); a word
# they do not know may be a typing slip of the other ("goverment").
VARIANT_EXCHANGES = frozenset({frozenset("sz"), frozenset("cs")})
# (the letter put in or left out, what stands before it, what after it); rapidfuzz reports a
# doubled letter put in after the first of the two ("travel|l|ed")
VARIANT_INSERTIONS = (("u", "o", ""), ("l", "l", ""), ("e", "", "ment"))
# Share of a claim's units the best evidence must say for that evidence to bear on the claim
# at all; below it the claim is unsupported, and no contradiction is drawn from evidence that
# is only loosely related. Three in four: a claim of four units may paraphrase one; bench/
# perturb.py sweeps it.
BEARS_ON_CLAIM = 0.75
# Share of the claim's other units (its differing facts left out) that the evidence must say
# before a differing fact is a contradiction rather than a claim the evidence does not bear
# out: at most one unit in five reworded. Stricter than `BEARS_ON_CLAIM`, because a wrong
# "contradicted" sends an editor after an error that is not there; bench/perturb.py sweeps it.
SAME_FACT = 0.8
# What an evidence unit skipped inside an alignment costs, against 1 for a match: only a
# tie-break between alignments with as many matches (never worth a match).
GAP = 1e-3
# Evidence units either side of an anchor searched for a counterpart when the slot is open at
# one end (the claim unit comes before its first anchor or after its last): a noun phrase
# with its modifiers. bench/perturb.py sweeps it.
SLOT_REACH = 4
# A claim unit found this close to its slot is the same fact in another word order ("the Quad
# meeting" / "a meeting of the Quad"); found farther away, with another fact of its kind in
# its slot, it has been moved into another relation ("to Ukraine" where the source says "to
# the United States" and names Ukraine elsewhere). bench/perturb.py sweeps it.
LOCAL_REORDER = 2


@dataclass(frozen=True)
class Link:
    """One claim unit and what it stands against."""

    unit: Unit
    status: WordStatus
    counterpart: Unit | None = None
    speaker: bool = False  # the unit names the claim's source ("Kamikawa said")
    opposite: bool = False  # substituted by its opposite ("closed" / "opened")

    @property
    def stands(self) -> bool:
        """Whether the unit stands on a unit of the evidence that says it."""
        return self.status is WordStatus.MATCHED and self.counterpart is not None

    @property
    def differs_in_fact(self) -> bool:
        """A fact stated differently: a name, number, title, quantifier or relation word
        substituted (or put in place of a title: "finance ministers" / "foreign
        ministers"; a capitalised word in a name's place: "Wells" / "Tenney"), or a word
        put for its opposite."""
        return self.status is WordStatus.SUBSTITUTED and (
            self.unit.carries_fact
            or self.opposite
            or self.unit.kind == "relation"
            or (self.counterpart is not None and self.counterpart.kind == "title")
            or (
                self.unit.capitalised
                and self.counterpart is not None
                and self.counterpart.kind == "name"
                and self.unit.norm not in speech_cue_words()
            )
        )

    @property
    def counted(self) -> bool:
        """Whether the link counts towards how much of the claim the evidence says. Relation
        words count only when reversed; the source the claim names is the speaker check's
        business when the evidence does not name it."""
        if self.unit.kind == "relation":
            return False
        if self.unit.kind == "quantifier" and self.unit.group.startswith("~"):
            return self.status is WordStatus.SUBSTITUTED  # "also" added is no fact
        return not (self.speaker and self.status is WordStatus.ADDED)


@dataclass
class Alignment:
    """How each unit of a claim stands against one piece of evidence."""

    links: list[Link] = field(default_factory=list)

    @property
    def counted(self) -> list[Link]:
        return [link for link in self.links if link.counted]

    @property
    def support(self) -> float:
        """Share of the claim's units the evidence says."""
        counted = self.counted
        if not counted:
            return 0.0
        return sum(link.status is WordStatus.MATCHED for link in counted) / len(counted)

    @property
    def bearing(self) -> float:
        """Share of the claim's units the evidence says, leaving out the facts it states
        differently: evidence that matches everything else is about the same fact, and a
        contradiction needs exactly that."""
        counted = self.counted
        differing = sum(link.differs_in_fact for link in counted)
        compared = len(counted) - differing
        if compared <= 0:
            return 0.0
        return sum(link.status is WordStatus.MATCHED for link in counted) / compared

    def with_status(self, status: WordStatus) -> list[Link]:
        return [link for link in self.links if link.status is status]

    def spans(self) -> list[AlignedSpan]:
        return [
            AlignedSpan(
                link.unit.start,
                link.unit.end,
                link.status,
                (link.counterpart.start, link.counterpart.end) if link.counterpart else None,
                link.unit.kind,
            )
            for link in self.links
        ]


@cache
def speech_cue_words() -> frozenset[str]:
    """First words of the speech cues ("According to"): a capital there makes no name."""
    return frozenset(entry.split()[0] for entry in having("cues", "speech"))


def matches(mine: Unit, theirs: Unit) -> bool:
    """Whether two units say the same thing."""
    if mine.kind == "number" or theirs.kind == "number":
        if (
            mine.quantity
            and theirs.quantity
            and mine.quantity.could_be_year
            and theirs.quantity.could_be_year
            and mine.quantity.low == theirs.quantity.low
        ):
            return True
        return (
            mine.quantity is not None
            and theirs.quantity is not None
            and mine.quantity.kind == theirs.quantity.kind
            and mine.quantity.agrees(theirs.quantity)
            and not _bound_for_figure(mine.quantity, theirs.quantity)
            and (
                mine.quantity.unit == theirs.quantity.unit
                or None in (mine.quantity.unit, theirs.quantity.unit)
            )
        )
    if "title" in (mine.kind, theirs.kind) and "word" in (mine.kind, theirs.kind):
        return False  # a role is not the act: "commander" / "command"
    shared = mine.keys & theirs.keys
    if shared:
        return not _derived_one_letter_apart(mine, theirs, shared)
    if mine.initials or theirs.initials:
        return ("acronym:" + mine.initials) in theirs.keys or (
            "acronym:" + theirs.initials
        ) in mine.keys
    return _spelt_alike(mine, theirs)


def _bound_for_figure(mine: Quantity, theirs: Quantity) -> bool:
    """Whether the source gives only a bound open on one side ("at least 69", "up to 80")
    where the claim gives a figure bounded on both ("700", "about 70"): the bound admits the
    figure but does not say it. A claim's own bound ("more than 60") is said by a narrower
    one ("at least 69")."""

    def open_ended(q: Quantity) -> bool:
        return q.high == math.inf or (q.low == 0 and q.high > 0 and q.modifier is not None)

    return open_ended(theirs) and not open_ended(mine)


def _derived_one_letter_apart(mine: Unit, theirs: Unit, shared: frozenset[str]) -> bool:
    """Two words one letter apart that only a derivation links ("identify" / "identity",
    "quality" / "qualify", "economics" / "economies"): another part of speech, or another
    word, never the same one inflected or spelt another way (those share a form or a
    synset: "crisis" / "crises", "adviser" / "advisor"). A rewording that turns a verb into
    its noun changes more than a letter ("decided" / "decision"). Words of a title too ("an
    economies professor" / "an economics professor")."""
    return (
        mine.kind == theirs.kind
        and mine.kind in ("word", "title")
        and all(key.startswith("der:") for key in shared)
        and Levenshtein.distance(mine.norm, theirs.norm, score_cutoff=1) == 1
    )


def _spelt_alike(mine: Unit, theirs: Unit) -> bool:
    """Two plain words, or two titles ("defence" / "defense" minister), that are one word
    spelt two ways: one edit apart, and, where both are words the lexicons know (a title
    always is), an edit of a British against an American spelling; where only one is, the
    claim's is the one they do not know (a slip in the draft)."""
    kinds = {mine.kind, theirs.kind}
    if not (kinds <= {"word", "act"} or kinds == {"title"}):
        return False
    if min(len(mine.norm), len(theirs.norm)) < SPELLING_MIN_LENGTH or (
        Levenshtein.distance(mine.norm, theirs.norm, score_cutoff=SPELLING_EDITS) > SPELLING_EDITS
    ):
        return False
    known = _all_known(mine.norm)
    if kinds == {"title"} or (known and _all_known(theirs.norm)):
        return spelling_variants(mine.norm, theirs.norm)
    # a word the lexicons do not know is a slip for one they know ("goverment"); one they
    # know is no slip for a source's word they do not, a word newer than the lexicons or a
    # term of their own ("defend" / "defund"): the source's word is as the source wrote it
    return not known


def _all_known(norm: str) -> bool:
    """Whether every word of a word or phrase unit ("picked up") is a word the lexicons
    know: a phrase is no typing slip of another because the lexicons list no phrase."""
    return all(known_word(word) for word in norm.split())


def spelling_variants(a: str, b: str) -> bool:
    """Whether two different words one edit apart differ as a British and an American
    spelling may: a letter of `VARIANT_EXCHANGES` for its partner, or a letter put in where
    `VARIANT_INSERTIONS` allows it ("u" after "o", "l" beside an "l", "e" before "ment")."""
    ops = Levenshtein.editops(a, b)
    if len(ops) != 1:
        return False
    op = ops[0]
    if op.tag == "replace":
        return frozenset((a[op.src_pos], b[op.dest_pos])) in VARIANT_EXCHANGES
    longer, at = (b, op.dest_pos) if op.tag == "insert" else (a, op.src_pos)
    return any(
        longer[at] == letter and longer[:at].endswith(before) and longer[at + 1 :].startswith(after)
        for letter, before, after in VARIANT_INSERTIONS
    )


def comparable(mine: Unit, theirs: Unit) -> bool:
    """Whether `theirs` can stand in `mine`'s place as a different value of the same slot."""
    if mine.kind == "act":
        return False  # what a source did is said or not; another verb is no counterpart
    if {mine.kind, theirs.kind} == {"word", "name"}:
        return mine.capitalised and theirs.capitalised  # a sentence's first word may be a name
    if (mine.kind, theirs.kind) == ("word", "title"):
        return True  # another word in a role's place: "finance ministers" / "foreign ministers"
    if {mine.kind, theirs.kind} == {"quantifier", "number"}:
        # "few" / "many": a quantifier and a vague count say how many in one slot
        number = mine if mine.kind == "number" else theirs
        return number.quantity is not None and number.quantity.low != number.quantity.high
    if mine.kind != theirs.kind:
        return False
    if mine.kind == "relation":
        return mine.group[:-1] == theirs.group[:-1] and mine.group != theirs.group
    if mine.kind == "number":
        assert mine.quantity is not None and theirs.quantity is not None
        return mine.quantity.measures_same(theirs.quantity) or (
            mine.quantity.kind == theirs.quantity.kind and mine.quantity.kind != "count"
        )
    if mine.kind == "quantifier":
        return mine.group != theirs.group
    if mine.kind == "name" and theirs.kind == "name":
        return _is_country(mine) == _is_country(theirs)  # a country stands for a country
    return True


def _is_country(unit: Unit) -> bool:
    return any(key.startswith("country:") for key in unit.keys)


def _anchors(hit: list[list[bool]], cols: int) -> list[tuple[int, int]]:
    """The most matches in the same order in both texts, as (claim, evidence) index pairs,
    from `hit` (whether claim unit i matches evidence unit j); among those, the one spread
    over least of the evidence (each evidence unit skipped inside the alignment costs `GAP`,
    far less than a match): a claim restates one clause, not words gathered across a
    sentence. A dynamic programme over both sequences."""
    rows = len(hit)
    # open[i][j]: best score for mine[i:], theirs[j:] once the alignment has started
    # (skipping an evidence unit costs GAP); start[i][j]: before it starts (skips are free)
    open_ = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    start = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            take = 1 + _rest(open_, i + 1, j + 1, rows) if hit[i][j] else -1.0
            open_[i][j] = max(take, open_[i + 1][j], open_[i][j + 1] - GAP)
            start[i][j] = max(take, start[i + 1][j], start[i][j + 1])
    pairs, i, j, begun = [], 0, 0, False
    while i < rows and j < cols:
        table = open_ if begun else start
        here = table[i][j]
        if hit[i][j] and here == 1 + _rest(open_, i + 1, j + 1, rows):
            pairs.append((i, j))
            i, j, begun = i + 1, j + 1, True
        elif here == table[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _rest(open_: list[list[float]], i: int, j: int, rows: int) -> float:
    """Best score after a match: nothing is owed for the evidence left once the claim is
    done, however much remains."""
    return 0.0 if i >= rows else max(open_[i][j], 0.0)


def _slot(index: int, anchors: list[tuple[int, int]], size: int) -> range:
    """Evidence positions between the anchors either side of claim unit `index`."""
    before = [j for i, j in anchors if i < index]
    after = [j for i, j in anchors if i > index]
    low = before[-1] + 1 if before else None
    high = after[0] if after else None
    if low is None and high is None:
        return range(0, size)
    if low is None:
        return range(max(0, high - SLOT_REACH), high)
    if high is None:
        return range(low, min(size, low + SLOT_REACH))
    return range(low, high)


def _traded(links: list[Link], swapped: dict[int, int], theirs: list[Unit]) -> list[Link]:
    """The links with each claim unit of `swapped` substituted by the evidence unit it
    traded places with."""
    return [
        replace(link, status=WordStatus.SUBSTITUTED, counterpart=theirs[swapped[i]])
        if i in swapped
        else link
        for i, link in enumerate(links)
    ]


def _swapped_roles(
    links: list[Link],
    in_order: set[int],
    anchors: list[tuple[int, int]],
    claim: list[Unit],
    theirs: list[Unit],
    evidence_text: str,
    claim_text: str,
) -> list[Link]:
    """Two names that trade places across the same anchor ("Griffith defeated Brooks" /
    "Brooks defeated Griffith"): each stands where the evidence has the other, so each is
    substituted by the other. A passive names its agent after "by", after the name it acts
    on ("Griffith was defeated by Brooks"): when one side puts the pair that way and the
    other does not, the roles trade places exactly when the names keep their order. Only
    names that could fill each other's place swap (a country and a person do not), and a
    name possessive on one side and after "of" on the other has been reworded, not moved
    ("Lagos's mayor Ruth Banda" / "Ruth Banda, mayor of Lagos"). Only units in the word order
    (`in_order`) take part: a speaker's name or a quote's words found anywhere stand in no
    place. The names are parties of one relation when a claim word between them matches, or
    is substituted by, an evidence word between them ("defeated" / "was beaten ... by")."""
    position = {id(u): j for j, u in enumerate(theirs)}
    placed = [
        (i, position[id(link.counterpart)], link)
        for i, link in enumerate(links)
        if i in in_order and link.stands
    ]
    # a sentence's capitalised first word matched to a name is that name ("Fed is likely")
    names = [
        (i, j)
        for i, j, link in placed
        if link.unit.kind == "name" or (link.unit.capitalised and theirs[j].kind == "name")
    ]
    swapped: dict[int, int] = {}
    for first, first_at in names:
        for second, second_at in names:
            if first >= second or not comparable(links[first].unit, links[second].unit):
                continue
            low, high = sorted((first_at, second_at))
            between = any(
                claim[i].kind != "name"
                and (
                    any(matches(claim[i], theirs[j]) for j in range(low + 1, high))
                    or low < position.get(id(links[i].counterpart), low) < high
                )
                for i in range(first + 1, second)
            )
            between = between or (
                _linked_one_way(claim_text, claim[first : second + 1])
                and _linked_one_way(evidence_text, theirs[low : high + 1])
            )
            voices_differ = _after_by(evidence_text, theirs[max(first_at, second_at)]) != (
                _after_by(claim_text, links[second].unit)
            )
            reworded = any(
                _genitive_alternation(claim_text, links[i].unit, evidence_text, theirs[at])
                for i, at in ((first, first_at), (second, second_at))
            )
            if between and not reworded and (first_at > second_at) != voices_differ:
                swapped[first], swapped[second] = second_at, first_at
    return _traded(links, swapped, theirs)


# Function words that set two names on either side of a relation that runs one way, no
# unit of their own: "at" places the one in the other ("the Brennan Center for Justice at the
# New York University School of Law"), "than" compares them ("preferred Roe than Lee"), "but"
# and "not" set the one against the other ("not by Roe, but by Lee", "Roe, not Lee"). With
# one of them between, the two trading places is a changed fact.
_ONE_WAY = frozenset({"at", "than", "but", "not"})
# Words that may stand between the names beside those: inside a name ("School of Law"), an
# article ("at the"), the preposition repeated after "but" ("by Roe, but by Lee").
_NAME_GLUE = frozenset({"the", "of", "for", "and", "by"})


def _linked_one_way(text: str, units: list[Unit]) -> bool:
    """Whether the units from the first name to the last are names joined by a word of
    `_ONE_WAY` (and no other words but `_NAME_GLUE`). Those words are no units (stopwords),
    so the rule reads the words between."""
    if any(u.kind not in ("name", "title", "relation") for u in units):
        return False
    gaps = " ".join(text[a.end : b.start] for a, b in zip(units, units[1:], strict=False))
    words = set(re.findall(r"[\w']+", gaps.lower()))
    return bool(words & _ONE_WAY) and words <= _ONE_WAY | _NAME_GLUE


def _genitive_alternation(mine_text: str, mine: Unit, their_text: str, theirs: Unit) -> bool:
    """Whether a name is possessive on one side and follows "of" on the other, with the same
    noun it owns ("Lagos's new mayor" / "mayor of Lagos"): one relation in two forms. Another
    noun makes another relation ("the report of Tyson" / "Tyson's tweet")."""

    def possessive(text: str, unit: Unit) -> bool:
        return text[unit.end - 2 : unit.end] in ("'s", "\u2019s", "s'", "s\u2019")

    def owner_of(text: str, unit: Unit) -> str | None:
        # "purchases of Trump's property": the possessive, not "of", says whose
        before = text[max(0, unit.start - 40) : unit.start].lower().split()
        if len(before) < 2 or before[-1] != "of" or possessive(text, unit):
            return None
        return before[-2].strip(",;:")

    def owned_by(text: str, unit: Unit) -> list[str]:
        return [w.strip(",;:.") for w in text[unit.end : unit.end + 40].lower().split()[:3]]

    for possessed_text, possessed, of_text, of_unit in (
        (mine_text, mine, their_text, theirs),
        (their_text, theirs, mine_text, mine),
    ):
        noun = owner_of(of_text, of_unit)
        if (
            possessive(possessed_text, possessed)
            and noun
            and noun in owned_by(possessed_text, possessed)
        ):
            return True
    return False


_AGENT = re.compile(r"\bby\s+(?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s+)*$")


def _after_by(text: str, unit: Unit) -> bool:
    """Whether the name at `unit` is a passive's agent ("by Morris Brooks", "by the
    United States")."""
    return bool(_AGENT.search(text[max(0, unit.start - 80) : unit.start]))


def _bounded(index: int, anchors: list[tuple[int, int]]) -> bool:
    """Whether claim unit `index` has an anchor on both sides: a plain word there rewords
    the evidence's words between them; beyond the first or last anchor, whatever the
    evidence goes on to say is no counterpart ("... in March in a secret deal" / "... in
    March, officials said")."""
    return any(i < index for i, _ in anchors) and any(i > index for i, _ in anchors)


# A sentence's opening figure: a preposition, the figure, up to 60 characters without a
# clause break (what it counts, "of the vote in the first round"), and the comma that closes
# the phrase. 60 is a bound, about ten words, not a tuned value: the one fronted figure the
# benches hold ("At 7.4 percent,") has none after it.
_OPENING_PHRASE = re.compile(
    r"\s*(?:" + "|".join(sorted(PREPOSITIONS - {"of", "to"})) + r")\s+",
    re.IGNORECASE,
)
_PHRASE_END = re.compile(r"(?:[^,;:.]|\.(?=\d)){0,60},")


def _fronted(unit: Unit, text: str, breaks: tuple[int, ...]) -> bool:
    """Whether the evidence unit is a figure that opens its sentence in a phrase of its own
    ("At 7.4 percent, the regional rate is well below its peak", "With 40 percent of the
    vote, Roe won"): fronted, the figure is said of the clause after it, so a claim that
    puts it at the end ("the rate now stands at 7.4 percent") has moved it in word order
    only, not into another relation. A fronted circumstance ("With fighting in Sudan,")
    says nothing of the clause's own figures and places, and stays where it is."""
    if unit.kind != "number":
        return False
    start = (0, *breaks)[_sentence_of(unit, breaks)]
    opening = _OPENING_PHRASE.match(text, start)
    return (
        opening is not None
        and opening.end() == unit.start
        and _PHRASE_END.match(text, unit.end) is not None
    )


def _sentence_of(unit: Unit, breaks: tuple[int, ...]) -> int:
    return sum(unit.start >= b for b in breaks)


def align(
    claim: list[Unit],
    evidence: Analysis,
    breaks: tuple[int, ...] = (),
    speaker: frozenset[int] = frozenset(),
    verbatim: frozenset[int] = frozenset(),
    claim_text: str = "",
) -> Alignment:
    """Each claim unit against the evidence's units. `breaks` are the offsets where a new
    sentence of the evidence starts: a claim unit found only in the other sentence of a pair
    than its neighbours is not what that sentence says.

    Two kinds of unit stand outside the word order: those naming the claim's source
    (`speaker`: "X said Q" and "Q, X said" say the same), found anywhere or else left to the
    speaker check; and those inside a quote the evidence holds word for word (`verbatim`,
    already proven by the quote check)."""
    theirs = list(evidence.units)
    hit = [[matches(unit, other) for other in theirs] for unit in claim]  # once per pair
    hit = _forenames_before_surnames(hit, theirs)
    ordered = [i for i in range(len(claim)) if i not in speaker and i not in verbatim]
    anchors = [(ordered[i], j) for i, j in _anchors([hit[i] for i in ordered], len(theirs))]
    anchors = _without_strays(anchors, claim, theirs, breaks)
    anchored = dict(anchors)
    moved = _moved(hit, [i for i in ordered if claim[i].kind != "relation"], anchored)
    used = set(anchored.values()) | set(moved.values())
    outside = {
        index: _outside_order(index, hit, speaker if index in speaker else verbatim, used)
        for index in range(len(claim))
        if index in speaker or index in verbatim
    }
    links = []
    for index, unit in enumerate(claim):
        names_source = index in speaker
        if index in outside:
            at = outside[index]
            found = theirs[at] if at is not None else None
            status = WordStatus.MATCHED if found or index in verbatim else WordStatus.ADDED
            links.append(Link(unit, status, found, names_source))
            continue
        if index in anchored:
            links.append(Link(unit, WordStatus.MATCHED, theirs[anchored[index]], names_source))
            continue
        positions = _slot(index, anchors, len(theirs))
        here = _slot_sentences(index, anchors, theirs, breaks)
        found = [
            j
            for j, t in enumerate(theirs)
            if hit[index][j]
            and (not breaks or _sentence_of(t, breaks) in here)
            and (unit.kind != "relation" or j in positions)
        ]
        if moved.get(index) in found:
            found.insert(0, moved[index])  # the counterpart its moved phrase stands against
        # a fact's counterpart may stand just across an anchor ("will only command" /
        # "will command both"): look LOCAL_REORDER units beyond the slot for one
        reach = LOCAL_REORDER if unit.carries_fact else 0
        around = range(max(0, positions.start - reach), min(len(theirs), positions.stop + reach))
        # a counterpart, like a match, stands in the slot's own sentences of a pair
        slot = [
            j
            for j in around
            if j not in used and (not breaks or _sentence_of(theirs[j], breaks) in here)
        ]
        if unit.kind == "word":
            # a plain word stands for a role only right beside the same anchor ("a junior
            # official" / "a senior official", "finance ministers" / "foreign ministers")
            beside = set()
            if index + 1 in anchored:
                beside |= _beside(evidence.text, theirs, anchored[index + 1] - 1, +1)
            if index - 1 in anchored:
                beside |= _beside(evidence.text, theirs, anchored[index - 1] + 1, -1)
            if not _bounded(index, anchors):
                # past the claim's last anchor, plain words have no slot to reword; a
                # capitalised one may be a name ("Wells is now poised" / "Tenney is ...")
                slot = [j for j in slot if unit.capitalised and theirs[j].kind == "name"]
            roles = sorted(j for j in beside - used if 0 <= j < len(theirs))
            slot = [j for j in slot if theirs[j].kind != "title"] + roles
        at = next((j for j in slot if comparable(unit, theirs[j]) and not hit[index][j]), None)
        counterpart = theirs[at] if at is not None else None
        if counterpart is not None and unit.kind != "relation":
            # a unit with a rival in its place matches no evidence unit another claim unit
            # already stands on: "Millions of the country's 30 million" holds no 60 million
            # once "Millions" is the claim's own "Millions"; "A supported it and B opposed it"
            # no "B supported it"; "When he talks onstage ... to talk" no "talks" where the
            # source's "walks" stands, its one "talk" the claim's other; "Lt. Gov. Dan Patrick
            # says Gov. Ted Cruz" no second "Gov." where the source's "Sen." stands
            found = [j for j in found if j not in used or j == moved.get(index)]
        elif unit.kind == "number":
            # nor does a figure with no rival: one figure of the source says one of the
            # claim's, unless the claim states it twice ("more than 200 employees ... sold 400
            # employees" holds no 400 in "more than 200 employees ... sold 40 trucks")
            found = [
                j
                for j in found
                if j not in used or j == moved.get(index) or _said_twice(claim, index, j, anchored)
            ]
        # a rival the claim itself states elsewhere makes a swap, never a fronted phrase
        swapped = counterpart is not None and any(matches(c, counterpart) for c in claim)
        nearby = any(
            positions.start - LOCAL_REORDER <= j < positions.stop + LOCAL_REORDER
            or _moved_with_neighbour(hit, index, j, anchored, theirs)
            or (
                not swapped
                and not _bounded(index, anchors)  # a rival between two anchors is its place
                and _fronted(theirs[j], evidence.text, breaks)
            )
            for j in found
        )
        if found and (counterpart is None or not unit.carries_fact or nearby):
            links.append(Link(unit, WordStatus.MATCHED, theirs[found[0]], names_source))
        elif counterpart is not None:
            opposite = unit.kind == "word" and are_opposites(unit.norm, counterpart.norm)
            links.append(
                Link(unit, WordStatus.SUBSTITUTED, counterpart, names_source, opposite=opposite)
            )
            used.add(at)  # one counterpart stands for one claim unit
        else:
            links.append(Link(unit, WordStatus.ADDED, None, names_source))
    links = _taken_outside(links, {id(theirs[at]) for at in outside.values() if at is not None})
    links = _office_narrowed(_spelled_out(links), theirs, evidence.text)
    links = _swapped_roles(links, set(ordered), anchors, claim, theirs, evidence.text, claim_text)
    return Alignment(_swapped_figures(links, anchors, theirs))


def _said_twice(claim: list[Unit], index: int, at: int, anchored: dict[int, int]) -> bool:
    """Whether the claim unit anchored on evidence unit `at` is the figure claim unit `index`
    is: the claim repeating one figure may stand twice on the source's one. The same value,
    not an agreeing one: "more than 200" agrees with 400 and is another figure."""
    mine = claim[index].quantity
    return any(
        j == at
        and (q := claim[i].quantity) is not None
        and mine is not None
        and (q.kind, q.low, q.high) == (mine.kind, mine.low, mine.high)
        for i, j in anchored.items()
    )


def _outside_order(
    index: int, hit: list[list[bool]], group: frozenset[int], used: set[int]
) -> int | None:
    """The evidence unit a claim unit outside the word order (naming the claim's source, or
    inside a quote the evidence holds) stands on: of those it matches, one no unit in the
    word order stands on, and one beside the unit its neighbour in the same name or quote
    matches: "Human Rights" stands on the attribution's "Human Rights", not on the "rights"
    of "gay rights" earlier in the sentence. The first such, or the first it matches."""
    found = [j for j, matched in enumerate(hit[index]) if matched]

    def beside(j: int) -> bool:
        return any(
            k in group and 0 <= j + k - index < len(hit[k]) and hit[k][j + k - index]
            for k in (index - 1, index + 1)
        )

    return max(found, key=lambda j: (j not in used, beside(j)), default=None)


_SETS_OFF = re.compile(r"[,;:()\[\]\u2013\u2014]")


def _beside(text: str, units: list[Unit], at: int, anchor: int) -> set[int]:
    """{at} where evidence unit `at`, beside an anchor (the next unit for `anchor` +1, the
    one before for -1), may stand for a claim word beside that anchor: a title only in one
    phrase with it, no comma, colon, bracket or dash between ("Ann Roe, the mayor of Lyon,
    said" sets the role off, and "Ann Roe spoke" puts no word for it)."""
    if not 0 <= at < len(units):
        return set()
    if units[at].kind == "title":
        first, second = (units[at], units[at + 1]) if anchor > 0 else (units[at - 1], units[at])
        if _SETS_OFF.search(text, first.end, second.start):
            return set()
    return {at}


def _taken_outside(links: list[Link], taken: set[int]) -> list[Link]:
    """A plain word put for an evidence unit that a unit outside the order stands on is
    added, not put for it: "as part of a secret deal, according to people familiar with
    ..." does not put "part" for the attribution's "according" or "secret" for its "people",
    which the claim's own attribution says. A name keeps its counterpart: one that trades
    places with the name of the claim's speaker is a swap the entity check reads."""
    return [
        replace(link, status=WordStatus.ADDED, counterpart=None)
        if link.status is WordStatus.SUBSTITUTED
        and link.unit.kind == "word"
        and id(link.counterpart) in taken
        else link
        for link in links
    ]


def _same_measure(mine: Unit, theirs: Unit) -> bool:
    """Two figures of one kind whose counted things may be the same ("10 of the first 11
    contests": the "10" names none)."""
    a, b = mine.quantity, theirs.quantity
    return (
        a is not None
        and b is not None
        and a.kind == b.kind
        and (a.unit == b.unit or None in (a.unit, b.unit))
    )


def _swapped_figures(
    links: list[Link], anchors: list[tuple[int, int]], theirs: list[Unit]
) -> list[Link]:
    """Two figures of one kind that trade places ("41 percent favorable and 56 percent
    unfavorable" / "56 ... 41", "lost 10 of the first 11" / "lost 11 of the first 10"):
    in the evidence they stand in the other order, each where the other's slot is (the
    anchors around it, the two figures themselves left out), so each is substituted by
    the other. Figures reordered with their words ("60% of Republicans and 8% of
    Democrats" / "8% of Democrats and 60% of Republicans") keep their own slots."""
    position = {id(u): j for j, u in enumerate(theirs)}
    figures = [
        (i, position[id(link.counterpart)])
        for i, link in enumerate(links)
        if link.unit.kind == "number"
        and link.status is WordStatus.MATCHED
        and link.counterpart is not None
        and id(link.counterpart) in position
    ]
    swapped: dict[int, int] = {}
    for a, at_a in figures:
        for b, at_b in figures:
            if a >= b or at_a <= at_b or not _same_measure(links[a].unit, links[b].unit):
                continue
            others = [(i, j) for i, j in anchors if i not in (a, b)]
            size = len(theirs)
            if at_b in _slot(a, others, size) and at_a in _slot(b, others, size):
                swapped[a], swapped[b] = at_b, at_a
    return _traded(links, swapped, theirs)


def _spelled_out(links: list[Link]) -> list[Link]:
    """A run of names matched as a whole by the acronym of its initials ("United States
    Football League" / "USFL"): the run's other units are said by that acronym too."""
    out = list(links)
    for link in links:
        unit, found = link.unit, link.counterpart
        if not unit.initials or found is None or "acronym:" + unit.initials not in found.keys:
            continue
        for index, other in enumerate(out):
            if (
                unit.start < other.unit.start < unit.run_end
                and other.status is not WordStatus.MATCHED
            ):
                out[index] = replace(other, status=WordStatus.MATCHED, counterpart=found)
    return out


def _office_narrowed(links: list[Link], theirs: list[Unit], evidence_text: str) -> list[Link]:
    """A claim title matched where the evidence puts a rank word right before it ("President
    Biden" / "Vice President Biden") names another office: it is substituted by that word
    (lexicon/title_modifiers.txt), unless the claim has the word too."""
    matched = {id(link.counterpart) for link in links if link.counterpart is not None}
    position = {id(u): j for j, u in enumerate(theirs)}
    modifiers = lexicon("title_modifiers")
    narrowed = []
    for link in links:
        j = position[id(link.counterpart)] if link.counterpart is not None else 0
        before = theirs[j - 1] if j > 0 else None
        if (
            link.status is WordStatus.MATCHED
            and link.unit.kind == "title"
            and before is not None
            and before.norm in modifiers
            and id(before) not in matched
            and not evidence_text[before.end : link.counterpart.start].strip(" -")
        ):
            link = replace(link, status=WordStatus.SUBSTITUTED, counterpart=before)
        narrowed.append(link)
    return narrowed


def _without_strays(
    anchors: list[tuple[int, int]],
    claim: list[Unit],
    theirs: list[Unit],
    breaks: tuple[int, ...],
) -> list[tuple[int, int]]:
    """The anchors less a last phrase that stands alone in a later sentence of a pair than
    the rest: one word or one name there (", along with China", "... to The New York Times"
    matched to a China or a Times in the next sentence) says nothing of what the claim's
    clause says. A first name alone in the earlier sentence stays: it is what the next
    sentence's pronoun stands for ("Japan ... It has announced"); a first plain word alone
    there stands for nothing ("Greenberg voted that ..." matched "voters" of the sentence
    before "Greenberg noted that ...")."""
    if not breaks or len(anchors) < 2:
        return anchors
    sentence = [_sentence_of(theirs[j], breaks) for _, j in anchors]
    head = [i for (i, _), at in zip(anchors, sentence, strict=True) if at == sentence[0]]
    if sentence[-1] != sentence[0] and [claim[i].kind for i in head] == ["word"]:
        return _without_strays(anchors[1:], claim, theirs, breaks)
    tail = len(anchors) - 1
    while tail > 0 and sentence[tail - 1] == sentence[-1]:
        tail -= 1
    if tail == 0:
        return anchors
    # relation words ride with the phrase they open ("in Lagos"), and a unit the earlier
    # sentence says too ("the firm MWW" / "the MWW team") tells no sentence from the other
    earlier = [t for t in theirs if _sentence_of(t, breaks) < sentence[-1]]
    stray = [
        i
        for i, _ in anchors[tail:]
        if claim[i].kind != "relation" and not any(matches(claim[i], t) for t in earlier)
    ]
    if len(stray) <= 1:
        return anchors[:tail]
    one_name = all(claim[i].capitalised for i in stray) and stray == list(
        range(stray[0], stray[0] + len(stray))
    )
    return anchors[:tail] if one_name else anchors


def _moved(hit: list[list[bool]], ordered: list[int], anchored: dict[int, int]) -> dict[int, int]:
    """Claim units matched out of the anchors' order, claim index to evidence index: the
    longest run in order among the units and positions the anchors left, then again among
    those left, so that a clause moved whole ("In 2000 Gore was the nominee" / "Gore, the
    2000 nominee") is matched as a block. Being matched, those evidence units are no
    counterpart for another claim unit; whether a moved fact is the same fact is decided
    against its slot, as for any unit outside the anchors. A relation word ("in", "to")
    means something only in its slot and never moves."""
    moved: dict[int, int] = {}
    taken = set(anchored.values())
    cols = len(hit[0]) if hit else 0
    while True:
        rows = [i for i in ordered if i not in anchored and i not in moved]
        free = [j for j in range(cols) if j not in taken]
        if not rows or not free:
            return moved
        pairs = _anchors([[hit[i][j] for j in free] for i in rows], len(free))
        if not pairs:
            return moved
        for i, j in pairs:
            moved[rows[i]] = free[j]
            taken.add(free[j])


def _forenames_before_surnames(hit: list[list[bool]], theirs: list[Unit]) -> list[list[bool]]:
    """The hits with a forename the evidence's source supplies (`analysis.with_forenames`,
    standing just before its surname) matched only by a claim forename followed by that
    surname ("Al Gore" / "Gore"): elsewhere in the claim the same forename names someone
    the evidence does not. Only where the claim names that surname once."""
    forenames = [j for j, unit in enumerate(theirs) if unit.kind == "forename"]
    if not forenames:
        return hit
    for j in forenames:
        # a claim that names the surname twice ("Donald Trump's segment of Trump's talk")
        # against one lone surname could put its full name in another name's place
        once = sum(row[j + 1] for row in hit) == 1
        for i, row in enumerate(hit):
            if row[j] and not (once and i + 1 < len(hit) and hit[i + 1][j + 1]):
                row[j] = False
    return hit


def _moved_with_neighbour(
    hit: list[list[bool]], index: int, position: int, anchored: dict[int, int], theirs: list[Unit]
) -> bool:
    """Whether the claim unit at `index`, found at `position`, moved there with a neighbour:
    the next or previous claim unit, itself outside the anchors, stands right beside it in
    the evidence too ("Felipe Calderon, Mexico's former president" / "former Mexican
    President Felipe Calderon"). A phrase moved whole is word order, not a new relation. A
    forename the source supplies is part of its surname, no neighbour."""
    if theirs[position].kind == "forename":
        return False
    for step in (-1, 1):
        other, beside = index + step, position + step
        inside = 0 <= other < len(hit) and other not in anchored and 0 <= beside < len(hit[other])
        if inside and theirs[beside].kind != "forename" and hit[other][beside]:
            return True
    return False


def _slot_sentences(
    index: int, anchors: list[tuple[int, int]], theirs: list[Unit], breaks: tuple[int, ...]
) -> set[int]:
    """The evidence sentences the slot of claim unit `index` lies in: those of the anchors
    either side and between them; past the claim's first or last anchor, that anchor's
    sentence only (", along with China" finds no China in the next sentence); both of a
    pair when nothing is anchored."""
    before = [j for i, j in anchors if i < index]
    after = [j for i, j in anchors if i > index]
    if not before and not after:
        return set(range(len(breaks) + 1))
    ends = before[-1:] + after[:1]
    first, last = (_sentence_of(theirs[j], breaks) for j in (min(ends), max(ends)))
    return set(range(first, last + 1))


@dataclass
class Case:
    """What every check reads: the analysed claim, the ranked evidence (the chosen piece
    first), that piece's analysis and the alignment with it."""

    claim: AnalysedClaim
    evidence: list[Evidence]
    best: Analysis | None
    alignment: Alignment
    quote_located: bool = False  # a quote of the claim stands verbatim in evidence[0]
    threshold: float | None = None  # `threshold` in the configuration; None: BEARS_ON_CLAIM

    @property
    def support(self) -> float:
        return self.alignment.support

    @property
    def bears_on_claim(self) -> bool:
        """Whether the evidence is unmistakably about what the claim says: most of its units
        found, or one of its quotes standing there word for word. Two sentences must also
        hold every fact of the claim: a claim assembled from two sentences that each half
        agree with it is how two unrelated facts combine into a false one."""
        if self.quote_located:
            return True
        if self.evidence and len(self.evidence[0].sentences) > 1:
            facts = [link for link in self.alignment.counted if link.unit.carries_fact]
            return self.alignment.support >= self.required and all(
                link.status is WordStatus.MATCHED for link in facts
            )
        return self.alignment.bearing >= self.required

    @property
    def required(self) -> float:
        """The share of the claim the evidence must say (read when asked, so that the
        module constant stays the one place the default lives)."""
        return BEARS_ON_CLAIM if self.threshold is None else self.threshold

    @property
    def about_same_fact(self) -> bool:
        """Whether a fact the claim states differently contradicts the evidence: the rest of
        the claim is found there, and beyond one differing fact, the evidence agrees on as
        many of the claim's facts as it differs on; or one of the claim's quotes stands there
        word for word."""
        if self.quote_located:
            return True
        facts = [link for link in self.alignment.counted if link.unit.carries_fact]
        agreeing = sum(link.status is WordStatus.MATCHED for link in facts)
        differing = sum(link.status is WordStatus.SUBSTITUTED for link in facts)
        return self.alignment.bearing >= SAME_FACT and differing <= max(1, agreeing)

    @property
    def where(self) -> str:
        return f"{self.evidence[0].source}:{self.evidence[0].line}" if self.evidence else ""

    def substitutions(self, kinds: tuple[str, ...]) -> list[str]:
        """Messages for the claim units of `kinds` the evidence states differently: what the
        claim says, what the source says, and where."""
        return [
            self.substitution(link)
            for link in self.alignment.with_status(WordStatus.SUBSTITUTED)
            if link.counterpart is not None
            and (link.unit.kind in kinds or link.counterpart.kind in kinds)
            and link.differs_in_fact
        ]

    def out_of_place(self, kinds: tuple[str, ...]) -> list[Link]:
        """Each claim unit of `kinds` matched to one the evidence says elsewhere, while the
        units on either side of it stand on two evidence units one apart: re-paired with the
        unit between, which is what it stands for ("is armed at giving" where the source
        says "is aimed at giving" and "armed forces"; "polite" matching "political" by its
        stem where the source says "police"; "from Lyon" twice where the source says "from
        Paris" once). Only where another claim unit stands on that one too: the claim then
        says it twice where the source says it once, while a rewording that moves a word
        says it once ("won about 40% of the vote" for "received about 40 percent of the vote
        to win"); and not where the unit between says the same (a word the source says
        twice, the alignment reading the other)."""
        if self.best is None:
            return []
        links, units = self.alignment.links, self.best.units
        position = {(u.start, u.end): j for j, u in enumerate(units)}
        stood_on = Counter(link.counterpart for link in links if link.stands)
        found = []
        for before, link, after in zip(links, links[1:], links[2:], strict=False):
            if not (before.stands and link.stands and after.stands):
                continue
            if link.unit.kind not in kinds or link.speaker or stood_on[link.counterpart] < 2:
                continue
            if self.quoted(link.unit):
                continue
            at = position[(before.counterpart.start, before.counterpart.end)]
            if position[(after.counterpart.start, after.counterpart.end)] != at + 2:
                continue
            between = units[at + 1]
            if not matches(link.unit, between):
                found.append(replace(link, counterpart=between))
        return found

    def quoted(self, unit: Unit) -> bool:
        """Whether a claim unit stands inside one of the claim's own quotations (the quote
        checks read those words)."""
        return any(q.start <= unit.start < q.end for q in self.claim.analysis.quotes)

    def substitution(self, link: Link) -> str:
        """What the claim says at a link with a counterpart, what the source says there,
        and where."""
        text, evidence = self.claim.claim.text, self.best.text if self.best else ""
        return (
            f"claim says \u201c{text[link.unit.start : link.unit.end]}\u201d, source says "
            f"\u201c{evidence[link.counterpart.start : link.counterpart.end]}\u201d "
            f"({self.where})"
        )


def align_claim(
    claim: AnalysedClaim,
    evidence: Analysis,
    breaks: tuple[int, ...] = (),
    verbatim_quotes: tuple[tuple[int, int], ...] = (),
    narrated: bool = False,
) -> Alignment:
    """The claim against one piece of evidence; `verbatim_quotes` are the spans of the
    claim's quotes that the evidence holds word for word. When the evidence is the
    reporter's own voice (`narrated`) and names the claim's source, the claim restates what
    the reporter says that source did ("Trump criticised Khan for ..."): the source's name is
    then one of the facts, aligned in its place like any other, so that another name put in
    its place is a substitution."""
    units = claim.analysis.units
    verbatim = frozenset(
        i for i, u in enumerate(units) if any(a <= u.start < b for a, b in verbatim_quotes)
    )
    speaker = claim.speaker_units
    names = claim.source_units
    if narrated and names and all(any(matches(units[i], t) for t in evidence.units) for i in names):
        speaker = claim.cue_units
    return align(list(units), evidence, breaks, speaker, verbatim, claim.analysis.text)


def sentence_breaks(evidence: Evidence) -> tuple[int, ...]:
    """Offsets in `evidence.text` where its second and later sentences start."""
    breaks, offset = [], 0
    for sentence in evidence.sentences[:-1]:
        offset += len(sentence.text) + 1
        breaks.append(offset)
    return tuple(breaks)
