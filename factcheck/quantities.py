"""Quantities in text: counts, ranks, durations, amounts, percentages, ordinals, years, months
and weekdays, each with the unit word it counts.

Values are ranges: exact numbers are points, vague quantities ("dozens", "up to 80",
"more than 10", "about 40") are intervals, and two quantities agree when they overlap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .lexicon import MONTHS, WEEKDAYS  # calendar order, shared with attribution
from .text import fold_with_map, lexicon

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
# Ranges for vague quantities, after common usage: "dozens" is two dozen or more, and less
# than the "hundreds" a writer would say instead from 200 on (so each plural of a scale word
# stops below the next one's).
VAGUE = {
    "dozens": (24, 199),
    "scores": (40, 199),
    "hundreds": (200, 999),
    "thousands": (2000, 999_999),
    "millions": (2e6, 1e9),
    "several": (3, 9),
    "a few": (2, 5),
    "a handful": (2, 6),
    "a couple": (2, 3),
    "many": (5, math.inf),
    "numerous": (5, math.inf),
    "a number": (2, math.inf),
}
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
    r"(?P<value>\d(?:[\d,]*\d)?(?:\.\d+)?|\b(?:"
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
DURATIONS = {"decade": (10, "year"), "century": (100, "year"), "fortnight": (2, "week")}
_DURATION = re.compile(
    r"\b(?:(?P<count>" + _NUMBER_WORD + r"|\d+)\s+|an?\s+|the\s+(?:next|past|last)\s+)?"
    r"(?P<unit>decades?|century|centuries|fortnights?)\b",
    re.IGNORECASE,
)
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
    """A number read from text, as a range ("about 50" is no exact 50), with its kind and unit."""

    kind: str  # count, ordinal, percent, money, year, month, weekday
    low: float
    high: float
    unit: str | None
    text: str
    start: int = 0  # offsets of the quantity (with its unit) in the text it was read from
    end: int = 0
    modifier: str | None = None  # "up to", "more than" ...; None for an exact or vague value
    value_end: int = 0  # where the value ends and the counted thing's words begin

    def overlaps(self, other: Quantity) -> bool:
        return self.low <= other.high and other.low <= self.high

    def agrees(self, other: Quantity) -> bool:
        """Whether two quantities of one thing can both be true. Ranges that overlap agree,
        except that the same modifier on different values states two different bounds:
        "up to 80" is not "up to 800", although both admit 50."""
        if self.modifier and self.modifier == other.modifier:
            return math.isclose(self.low, other.low) and math.isclose(self.high, other.high)
        if not self.overlaps(other):
            return False
        # "at least 15,000" and "at most 15,000" only touch: opposite bounds, not agreement
        touching = min(self.high, other.high) == max(self.low, other.low)
        ranges = self.low != self.high or other.low != other.high
        return not (touching and ranges and self.modifier and other.modifier)

    def measures_same(self, other: Quantity) -> bool:
        return self.kind == other.kind and self.unit == other.unit

    @property
    def could_be_year(self) -> bool:
        """A year, or a four-digit count in the years' range that may be one ("the 2000
        presidential nominee" counts nothing: it dates)."""
        return self.kind == "year" or (
            self.kind == "count"
            and not _GROUPED.search(self.text)  # a year has no thousands separator
            and self.low == self.high
            and 1800 <= self.low <= 2100
            and self.low == int(self.low)
            and not self.modifier
        )


_GROUPED = re.compile(r"\d,\d")  # a figure written with a thousands separator: "1,800"

# Words after a number that count nothing of their own: "percent" is the kind, and an
# "eight-way primary" or a "three-way tie" has eight or three parties, whatever they are.
NO_MEASURE = frozenset({"percent", "per", "way"})


def _unit(word: str | None) -> str | None:
    """Singular, lower-case unit word; None for a stopword ("10 of the ..." has no unit). A
    plural in "-ies" ends in "-y" ("centuries", "companies"): "centurie" was no duration,
    and "for centuries" stopped the run on a KeyError."""
    if not word:
        return None
    word = word.lower()
    if word in lexicon("stopwords") or word in NO_MEASURE:
        return None
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
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
    """Every quantity in `text`, with the unit word that follows it, in text order; offsets
    are into `text` itself."""
    folded, where = fold_with_map(text)
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
        elif (
            match.group("value").isdigit()  # "1,800" is written as a count, never as a year
            and len(digits) == 4
            and 1800 <= value <= 2100
            and unit is None
        ):
            kind = "year"
        else:
            kind = "count"
        low, high = value, value
        if match.group("value").lower() == "one" and (
            unit is None or re.match(r"\s+of\b", folded[match.end() :])
        ):
            continue  # "no one", "one of Trump's critics": a pronoun, membership, no count
        modifier = None
        if match.group("mod"):
            modifier = " ".join(match.group("mod").lower().split())
            lo_factor, hi_factor = MODIFIERS[modifier]
            low, high = value * lo_factor, value * hi_factor
        if unit in DURATIONS:  # "a decade" is ten years: count the smaller unit
            factor, unit = DURATIONS[unit]
            low, high = low * factor, high * factor
        stop = match.end() + (reach if unit else 0)
        shown = folded[match.start() : stop].strip()
        found.append(
            Quantity(
                kind,
                low,
                high,
                unit,
                shown,
                where(match.start()),
                where(stop),
                modifier,
                where(match.end()),
            )
        )
        taken.append(match.span())
    for pattern, table, kind in ((_VAGUE, VAGUE, "count"), (_ORDINAL, ORDINALS, "ordinal")):
        for match in pattern.finditer(folded):
            if any(a <= match.start() < b for a, b in taken):
                continue
            value = table[match.group(1).lower()]
            low, high = value if isinstance(value, tuple) else (value, value)
            unit = _unit(match.group("unit"))
            if unit in MONTHS or unit in WEEKDAYS:
                continue  # "last September" dates by its month, read below
            span = where(match.start()), where(match.end())
            found.append(
                Quantity(kind, low, high, unit, match.group(), *span, None, where(match.end(1)))
            )
            taken.append(match.span())
    for match in _DURATION.finditer(folded):
        if any(a <= match.start() < b for a, b in taken):
            continue
        factor, unit = DURATIONS[_unit(match.group("unit"))]
        count = _value(match.group("count")) if match.group("count") else 1
        span = where(match.start()), where(match.end())
        value = count * factor
        found.append(Quantity("count", value, value, unit, match.group(), *span, None, span[1]))
    for match in _CALENDAR.finditer(folded):
        word = match.group(1).lower()
        if word == "may" and not re.search(r"\b(?:in|of|since|until|by|last|next)\s+May\b", folded):
            continue  # "may" the modal verb
        kind = "month" if word in MONTHS else "weekday"
        index = (MONTHS if kind == "month" else WEEKDAYS).index(word)
        span = where(match.start(1)), where(match.end(1))
        found.append(Quantity(kind, index, index, None, match.group(1), *span, None, span[1]))
    return sorted(found, key=lambda q: q.start)


def disagreements(
    claimed: list[Quantity], stated: list[Quantity]
) -> list[tuple[Quantity, Quantity]]:
    """(claim quantity, source quantity) pairs that measure the same thing and differ."""
    pairs = []
    for quantity in claimed:
        same = [s for s in stated if quantity.measures_same(s)]
        if same and not any(quantity.agrees(s) for s in same):
            pairs.append((quantity, same[0]))
    return pairs
