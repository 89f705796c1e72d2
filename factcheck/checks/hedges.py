"""Dropped hedges: the source says "could", "may" or "is expected to" and the claim states
the same thing as certain ("will", or a flat statement)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..codes import finding
from ..model import Claim, Evidence, Finding
from ..text import content_words, fold, lexicon

HEDGE_REACH = 3  # content words after a hedge that it qualifies


@lru_cache(maxsize=1)
def _hedge_pattern() -> re.Pattern[str]:
    hedges = sorted(lexicon("hedges"), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(h) for h in hedges) + r")\b", re.IGNORECASE)


def hedges(text: str) -> list[tuple[str, list[str]]]:
    """(hedge, the content words it qualifies) for every hedge in `text`."""
    folded = fold(text)
    found = []
    for match in _hedge_pattern().finditer(folded):
        qualified = content_words(folded[match.end() :])[:HEDGE_REACH]
        found.append((match.group(1), qualified))
    return found


def check(claim: Claim, evidence: list[Evidence]) -> list[Finding]:
    if not evidence or hedges(claim.text):
        return []
    claimed = set(content_words(claim.text))
    best = evidence[0]
    for hedge, qualified in hedges(best.text):
        if claimed & set(qualified):
            return [
                finding(
                    "hedge-dropped",
                    f"the source hedges with \u201c{hedge}\u201d ({best.source}:{best.line}); "
                    "the claim states it as certain",
                )
            ]
    return []
