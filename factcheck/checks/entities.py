"""Names, places and titles: a claim contradicts its source when, aligned word by word, a
capitalised name stands where the source has a different one ("Kadena Air Base" for
"Yokota Air Base"), or a person's title differs ("Foreign Minister" for "Defense Minister")."""

from __future__ import annotations

import difflib
from functools import lru_cache

from ..attribution import known_names
from ..codes import finding
from ..model import Claim, Evidence, Finding
from ..text import lexicon, lexicon_lines, normalize, words

MAX_SWAP_WORDS = 4  # a longer replaced run is a rewording, not a swapped name


ALIAS_MAX_WORDS = 3


@lru_cache(maxsize=1)
def _aliases() -> dict[tuple[str, ...], str]:
    canonical = {}
    for line in lexicon_lines("aliases"):
        names = [normalize(n) for n in line.split("|")]
        for name in names:
            canonical[tuple(name.split())] = names[0]
    return canonical


def _tokens(text: str) -> list[tuple[str, str]]:
    """(normalised, original) words; a name with aliases ("United States", "US") becomes
    one token in its canonical form."""
    found = words(text)
    tokens, index = [], 0
    while index < len(found):
        for width in range(ALIAS_MAX_WORDS, 0, -1):
            key = tuple(w.norm for w in found[index : index + width])
            if len(key) == width and key in _aliases():
                original = text[found[index].start : found[index + width - 1].end]
                tokens.append((_aliases()[key], original))
                index += width
                break
        else:
            tokens.append((found[index].norm, text[found[index].start : found[index].end]))
            index += 1
    return tokens


def _proper(original: str, position: int) -> bool:
    return original[:1].isupper() and (
        position > 0 or normalize(original) not in lexicon("stopwords")
    )


def swapped_names(claim: str, source: str) -> list[tuple[str, str]]:
    """(claim words, source words) where aligned capitalised names differ."""
    mine, theirs = _tokens(claim), _tokens(source)
    mine_set, theirs_set = {n for n, _ in mine}, {n for n, _ in theirs}
    matcher = difflib.SequenceMatcher(
        a=[n for n, _ in mine], b=[n for n, _ in theirs], autojunk=False
    )
    swaps = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op != "replace":
            continue
        if a1 == len(mine) and b1 - b0 > a1 - a0:
            b1 = b0 + (a1 - a0)  # the claim ends here: compare only as many source words
        if a0 == 0 and b1 - b0 > a1 - a0:
            b0 = b1 - (a1 - a0)  # the claim starts here: likewise, from the other side
        if a1 - a0 > MAX_SWAP_WORDS or b1 - b0 > MAX_SWAP_WORDS:
            continue
        said = [(n, o) for i, (n, o) in enumerate(mine[a0:a1], start=a0) if _proper(o, i)]
        stated = [(n, o) for i, (n, o) in enumerate(theirs[b0:b1], start=b0) if _proper(o, i)]
        said = [(n, o) for n, o in said if n not in theirs_set]
        stated = [(n, o) for n, o in stated if n not in mine_set]
        if said and stated and a0 > 0:
            swaps.append((" ".join(o for _, o in said), " ".join(o for _, o in stated)))
    return swaps


def swapped_titles(claim: str, source: str) -> list[tuple[str, str, str]]:
    """(name, claim title, source title) for a person the two texts title differently."""
    mine, theirs = known_names(claim), known_names(source)
    swaps = []
    for surname, person in mine.items():
        other = theirs.get(surname)
        if other and person.role and other.role and normalize(person.role) != normalize(other.role):
            swaps.append((person.speaker or surname, person.role, other.role))
    return swaps


def check(claim: Claim, evidence: list[Evidence]) -> list[Finding]:
    if not evidence:
        return []
    best = evidence[0]
    where = f"{best.source}:{best.line}"
    findings = [
        finding("entity-mismatch", f"claim says {name} is {said}, source says {stated} ({where})")
        for name, said, stated in swapped_titles(claim.text, best.text)
    ]
    if not findings:
        findings = [
            finding(
                "entity-mismatch",
                f"claim says \u201c{said}\u201d, source says \u201c{stated}\u201d ({where})",
            )
            for said, stated in swapped_names(claim.text, best.text)
        ]
    return findings
