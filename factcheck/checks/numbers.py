"""Numbers and quantities: a claim contradicts its source when a count, rank, duration,
amount, percentage, ordinal, month or weekday differs for the same thing.

Values are ranges: exact numbers are points, vague quantities ("dozens", "up to 80",
"more than 10", "about 40") are intervals, and two quantities agree when they overlap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..codes import finding
from ..model import Claim, Evidence, Finding
from ..text import fold, lexicon

UNITS = {
    "0": 0,
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "dozen": 12,
    "a hundred": 100,
    "hundred": 100,
    "a thousand": 1000,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "twentieth": 20,
    "last": math.inf,
}
VAGUE = {  # ranges for vague quantities, after common usage (dozens = two dozen or more)
    "dozens": (24, math.inf),
    "scores": (40, math.inf),
    "hundreds": (200, 999),
    "thousands": (2000, 999_999),
    "millions": (2e6, 1e9),
    "several": (3, 9),
    "a few": (2, 5),
    "a handful": (2, 6),
    "a couple": (2, 3),
    "many": (5, math.inf),
    "numerous": (5, math.inf),
    "some": (1, math.inf),
    "a number": (2, math.inf),
}
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MODIFIERS = {  # (low factor, high factor) applied to the value that follows
    "up to": (0, 1),
    "as many as": (0, 1),
    "at most": (0, 1),
    "no more than": (0, 1),
    "more than": (1.000001, math.inf),
    "over": (1.000001, math.inf),
    "at least": (1, math.inf),
    "fewer than": (0, 0.999999),
    "less than": (0, 0.999999),
    "under": (0, 0.999999),
    "about": (0.9, 1.1),
    "around": (0.9, 1.1),
    "roughly": (0.9, 1.1),
    "nearly": (0.85, 1),
    "almost": (0.85, 1),
    "approximately": (0.9, 1.1),
}

_NUMBER_WORD = "|".join(sorted((re.escape(w) for w in UNITS), key=len, reverse=True))
_QUANTITY = re.compile(
    r"(?P<mod>\b(?:" + "|".join(MODIFIERS) + r")\s+)?"
    r"(?P<money>[$\u20ac\u00a3\u00a5])?"
    r"(?P<value>\d[\d,]*(?:\.\d+)?|\b(?:"
    + _NUMBER_WORD
    + r")\b(?:[- ](?:"
    + _NUMBER_WORD
    + r")\b)?)"
    r"(?P<ordsuffix>st|nd|rd|th)?"
    r"(?:\s*(?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    r"(?:\s*(?P<percent>%|percent\b|per cent\b))?",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(" + "|".join(sorted(VAGUE, key=len, reverse=True)) + r")\s+(?:of\s+)?"
    r"(?P<unit>[a-z]+)",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"\b(" + "|".join(ORDINALS) + r")\s+(?P<unit>[a-z]+)", re.IGNORECASE)
_CALENDAR = re.compile(r"\b(" + "|".join(w.title() for w in MONTHS + WEEKDAYS) + r")\b")
_FOLLOWING = re.compile(r"[- ]?(?:of\s+)?([A-Za-z]+)(?:[ -]([A-Za-z]+))?")


def _unit_after(text: str) -> tuple[str | None, int]:
    """The unit word after a number and where it ends: the next word, or the one after a
    capitalised modifier ("10 Patriot interceptors" counts interceptors)."""
    match = _FOLLOWING.match(text)
    if not match:
        return None, 0
    first, second = match.group(1), match.group(2)
    if first[:1].isupper() and second and second[:1].islower():
        return _unit(second), match.end()
    return _unit(first), match.end(1)


@dataclass(frozen=True)
class Quantity:
    kind: str  # count, ordinal, percent, money, year, month, weekday
    low: float
    high: float
    unit: str | None
    text: str

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high


def _unit(word: str | None) -> str | None:
    """Singular, lower-case unit word; None for a stopword ("10 of the ..." has no unit)."""
    if not word:
        return None
    word = word.lower()
    if word in lexicon("stopwords") or word in {"percent", "per"}:
        return None
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _value(text: str) -> float:
    text = text.lower().replace(",", "")
    if text[0].isdigit():
        return float(text)
    parts = re.split(r"[- ]", text)
    total = 0.0
    for part in parts:
        total = total * 100 if part == "hundred" and total else total + UNITS.get(part, 0)
    return total


def quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, with the unit word that follows it."""
    folded = fold(text)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for match in _QUANTITY.finditer(folded):
        value = _value(match.group("value"))
        if match.group("scale"):
            value *= SCALES[match.group("scale").lower()]
        unit, reach = _unit_after(folded[match.end() :])
        digits = match.group("value").replace(",", "")
        if match.group("percent"):
            kind, unit = "percent", None
        elif match.group("money"):
            kind = "money"
        elif match.group("ordsuffix"):
            kind = "ordinal"
        elif digits.isdigit() and len(digits) == 4 and 1800 <= value <= 2100 and unit is None:
            kind = "year"
        else:
            kind = "count"
        low, high = value, value
        if kind == "count" and unit is None and match.group("value")[0].isalpha():
            continue  # "one of the", "the two allies": a number word with nothing counted
        if match.group("mod"):
            lo_factor, hi_factor = MODIFIERS[" ".join(match.group("mod").lower().split())]
            low, high = value * lo_factor, value * hi_factor
        shown = folded[match.start() : match.end() + (reach if unit else 0)].strip()
        found.append(Quantity(kind, low, high, unit, shown))
        taken.append(match.span())
    for pattern, table, kind in ((_VAGUE, VAGUE, "count"), (_ORDINAL, ORDINALS, "ordinal")):
        for match in pattern.finditer(folded):
            if any(a <= match.start() < b for a, b in taken):
                continue
            value = table[match.group(1).lower()]
            low, high = value if isinstance(value, tuple) else (value, value)
            found.append(Quantity(kind, low, high, _unit(match.group("unit")), match.group()))
    for match in _CALENDAR.finditer(folded):
        word = match.group(1).lower()
        if word == "may" and not re.search(r"\b(?:in|of|since|until|by|last|next)\s+May\b", folded):
            continue  # "may" the modal verb
        kind = "month" if word in MONTHS else "weekday"
        index = (MONTHS if kind == "month" else WEEKDAYS).index(word)
        found.append(Quantity(kind, index, index, None, match.group(1)))
    return found


def disagreements(
    claimed: list[Quantity], stated: list[Quantity]
) -> list[tuple[Quantity, Quantity]]:
    """(claim quantity, source quantity) pairs that measure the same thing and differ."""
    pairs = []
    for quantity in claimed:
        same = [s for s in stated if s.kind == quantity.kind and s.unit == quantity.unit]
        if same and not any(quantity.overlaps(s) for s in same):
            pairs.append((quantity, same[0]))
    return pairs


def check(claim: Claim, evidence: list[Evidence]) -> list[Finding]:
    if not evidence:
        return []
    best = evidence[0]
    return [
        finding(
            "number-mismatch",
            f"claim says \u201c{said.text}\u201d, source says \u201c{source.text}\u201d "
            f"({best.source}:{best.line})",
        )
        for said, source in disagreements(quantities(claim.text), quantities(best.text))
    ]
