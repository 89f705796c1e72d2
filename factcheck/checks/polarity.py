"""Polarity: a claim contradicts its source when it negates what the source asserts (or the
reverse), or uses the opposite word ("allow" for "prohibit"), for the same thing."""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz

from ..codes import finding
from ..model import Claim, Evidence, Finding
from ..text import lexicon, lexicon_lines, normalize, words

NEGATION_REACH = 4  # content words after a negator that it governs ("have not yet been made")
_SKIP = frozenset(
    [
        "yet",
        "been",
        "be",
        "being",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "ever",
        "always",
        "also",
        "even",
        "still",
        "so",
        "as",
        "that",
        "very",
        "really",
        "just",
        "once",
        "again",
    ]
)
SAME_WORD = 85  # rapidfuzz ratio for "the same word" (finalized ~ finalised)


def _norms(text: str) -> list[str]:
    return [w.norm for w in words(text)]


def _is_negator(word: str) -> bool:
    return word in lexicon("negation") or word.endswith("n't")


def negated(text: str) -> set[str]:
    """Content words governed by a negator: the first ones after it, skipping auxiliaries."""
    tokens = _norms(text)
    governed: set[str] = set()
    for index, token in enumerate(tokens):
        if not _is_negator(token):
            continue
        reach = 0
        for following in tokens[index + 1 :]:
            if following in _SKIP or following in lexicon("stopwords"):
                continue
            governed.add(following)
            reach += 1
            if reach >= 1:
                break
    return governed


def _present(word: str, vocabulary: list[str]) -> bool:
    return any(
        v == word or (len(word) > 4 and fuzz.ratio(v, word) >= SAME_WORD) for v in vocabulary
    )


def negation_conflicts(claim: str, source: str) -> list[tuple[str, str]]:
    """(word, which side negates it) where one side negates a word the other asserts."""
    claim_words, source_words = _norms(claim), _norms(source)
    claim_negated, source_negated = negated(claim), negated(source)
    conflicts = []
    for word in sorted(claim_negated):
        if _present(word, source_words) and not _present(word, list(source_negated)):
            conflicts.append((word, "claim"))
    for word in sorted(source_negated):
        if _present(word, claim_words) and not _present(word, list(claim_negated)):
            conflicts.append((word, "source"))
    return conflicts


@lru_cache(maxsize=1)
def antonym_pairs() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    pairs = []
    for line in lexicon_lines("antonyms"):
        left, right = line.split("=")
        pairs.append(
            (
                frozenset(normalize(w) for w in left.split("|")),
                frozenset(normalize(w) for w in right.split("|")),
            )
        )
    return tuple(pairs)


def antonym_conflicts(claim: str, source: str) -> list[tuple[str, str]]:
    """(claim word, source word) that are opposites, when the source lacks the claim's word."""
    claim_words, source_words = set(_norms(claim)), set(_norms(source))
    conflicts = []
    for left, right in antonym_pairs():
        for mine, theirs in ((left, right), (right, left)):
            said = claim_words & mine
            stated = source_words & theirs
            if said and stated and not (source_words & mine):
                conflicts.append((sorted(said)[0], sorted(stated)[0]))
    return conflicts


def check(claim: Claim, evidence: list[Evidence]) -> list[Finding]:
    if not evidence:
        return []
    findings = []
    for sentence in evidence[0].sentences:  # one at a time: a pair may hold both polarities
        where = f"{evidence[0].source}:{sentence.line}"
        findings += [
            finding(
                "negation-mismatch",
                f"the {side} negates \u201c{word}\u201d and the "
                f"{'source' if side == 'claim' else 'claim'} does not ({where})",
            )
            for word, side in negation_conflicts(claim.text, sentence.text)
        ]
        findings += [
            finding(
                "antonym-mismatch",
                f"claim says \u201c{said}\u201d, source says \u201c{stated}\u201d ({where})",
            )
            for said, stated in antonym_conflicts(claim.text, sentence.text)
        ]
    return findings
